//! A long paste (over [`EDITOR_LIMIT_BYTES`]) is taken from the clipboard
//! and analysed without being put into the text box: a browser lays out all
//! of a text box's text, which for 1 MB blocks the page for a quarter of a
//! second or more.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::input_panel::EDITOR_LIMIT_BYTES;

/// The text box's paste handler: an ordinary paste is left to the browser;
/// a long one is spliced into the box's text (replacing the selection, as a
/// paste does), sent to `on_text`, and the box is emptied with `kept_out`
/// set.
#[hook]
pub fn use_long_paste(
    on_text: Callback<String>,
    kept_out: UseStateHandle<bool>,
) -> Callback<Event> {
    use_callback((on_text, kept_out), |e: Event, (on_text, kept_out)| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let Some(pasted) = e
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        let Some(area) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            return;
        };
        if let Some(whole) = spliced_if_long(&area, &pasted) {
            e.prevent_default();
            area.set_value("");
            kept_out.set(true);
            on_text.emit(whole);
        }
    })
}

/// The box's text with `pasted` in place of its selection, when that is
/// longer than [`EDITOR_LIMIT_BYTES`].
fn spliced_if_long(area: &HtmlTextAreaElement, pasted: &str) -> Option<String> {
    let value = js_sys::JsString::from(area.value());
    let start = area
        .selection_start()
        .ok()
        .flatten()
        .unwrap_or(value.length());
    let end = area
        .selection_end()
        .ok()
        .flatten()
        .unwrap_or(start)
        .max(start);
    let pasted = js_sys::JsString::from(pasted);
    // UTF-16 units never outnumber UTF-8 bytes, so this errs short.
    let units = value.length() - (end - start) + pasted.length();
    if (units as usize) <= EDITOR_LIMIT_BYTES {
        return None; // an ordinary paste: the browser inserts it
    }
    let whole = value
        .slice(0, start)
        .concat(&pasted)
        .concat(&value.slice(end, value.length()));
    Some(String::from(whole))
}
