//! The page's static frame: `index.html` draws the header (which stays), the
//! input panel and the empty results at once, before the app's WebAssembly
//! has arrived.
//! When the app starts it takes over: whatever the person already did with
//! the frame (typed or pasted text, a picked or dropped file, a click on
//! "Try an example", kept by `static/boot.js`) is handed to the app, and the
//! frame is replaced by the app's identical markup in the same task, so
//! nothing moves on screen.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{File, HtmlTextAreaElement};

/// What the person did before the app was ready.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EarlyInput {
    /// Text typed or pasted into the frame's text box.
    pub text: String,
    /// The text box's selection (UTF-16 units), when it had the focus.
    pub focus: Option<(u32, u32)>,
    /// "Try an example" was clicked.
    pub example: bool,
    /// A file picked or dropped.
    pub file: Option<File>,
}

/// The element the app renders into (`<div id="app">` in `index.html`,
/// after the static header, which stays).
#[must_use]
pub fn app_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}

/// Attribute marking the frame's elements in `index.html`.
pub const FRAME_ATTRIBUTE: &str = "data-frame";

/// Reads what the person did with the static frame and removes the frame
/// (the app draws the same elements in its place). Outside a browser, or
/// without a frame, nothing was done.
#[must_use]
pub fn take_over() -> EarlyInput {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return EarlyInput::default();
    };
    let mut early = EarlyInput::default();
    if let Some(area) = document
        .query_selector(&format!("[{FRAME_ATTRIBUTE}] #article-text"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    {
        early.text = area.value();
        let focused = document
            .active_element()
            .is_some_and(|a| a == *area.unchecked_ref::<web_sys::Element>());
        if focused {
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            early.focus = Some((start, end));
        }
    }
    if let Ok(kept) = js_sys::Reflect::get(&js_sys::global(), &"saidwhoEarly".into()) {
        if kept.is_object() {
            let get = |key: &str| js_sys::Reflect::get(&kept, &key.into()).unwrap_or(JsValue::NULL);
            early.example = get("example").is_truthy();
            early.file = get("file").dyn_into::<File>().ok();
            // From now on the app handles drops and clicks itself.
            let _ = js_sys::Reflect::set(&kept, &"taken".into(), &JsValue::TRUE);
        }
    }
    if let Ok(frame) = document.query_selector_all(&format!("[{FRAME_ATTRIBUTE}]")) {
        for i in 0..frame.length() {
            if let Some(el) = frame
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.remove();
            }
        }
    }
    early
}
