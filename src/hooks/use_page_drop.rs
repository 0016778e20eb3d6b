//! Files dropped anywhere on the page are read like files from the panel,
//! and no drop ever opens a file (or a dragged link) in the tab.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, HtmlTextAreaElement};
use yew::prelude::*;

/// Whether a drag carries files (not text or a link).
fn has_files(e: &DragEvent) -> bool {
    e.data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// Whether the event happens on the text box, where a dragged text may land.
fn on_editor(e: &DragEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        .is_some()
}

/// Listens for drags on the whole window; returns whether a file is being
/// dragged over the page (for a full-window drop overlay). A dropped file
/// goes to `on_file`; text dragged into the text box is left to the browser.
#[hook]
pub fn use_page_drop(on_file: Callback<File>) -> bool {
    let dragging = use_state_eq(|| false);
    // The listeners live as long as the page; they call the latest callback.
    let latest = use_mut_ref(|| on_file.clone());
    *latest.borrow_mut() = on_file;
    {
        let dragging = dragging.clone();
        use_effect_with((), move |()| {
            let listeners = listen(&dragging, &latest);
            move || drop(listeners)
        });
    }
    *dragging
}

fn listen(
    dragging: &UseStateHandle<bool>,
    on_file: &Rc<RefCell<Callback<File>>>,
) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let opts = EventListenerOptions::enable_prevent_default();
    let over = {
        let dragging = dragging.clone();
        move |e: &web_sys::Event| {
            let Some(e) = e.dyn_ref::<DragEvent>() else {
                return;
            };
            if has_files(e) {
                e.prevent_default();
                if let Some(dt) = e.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                dragging.set(true);
            } else if !on_editor(e) {
                // A dragged link must not navigate away either.
                e.prevent_default();
            }
        }
    };
    let leave = {
        let dragging = dragging.clone();
        move |e: &web_sys::Event| {
            // Leaving the window (no element to enter) ends the drag here.
            if e.dyn_ref::<DragEvent>()
                .is_some_and(|e| e.related_target().is_none())
            {
                dragging.set(false);
            }
        }
    };
    let dropped = {
        let (dragging, on_file) = (dragging.clone(), on_file.clone());
        move |e: &web_sys::Event| {
            let Some(e) = e.dyn_ref::<DragEvent>() else {
                return;
            };
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0));
            match file {
                Some(file) => {
                    e.prevent_default();
                    on_file.borrow().emit(file);
                }
                // Text dropped into the box: the browser inserts it.
                None if on_editor(e) => {}
                None => e.prevent_default(),
            }
        }
    };
    vec![
        EventListener::new_with_options(&window, "dragenter", opts, over.clone()),
        EventListener::new_with_options(&window, "dragover", opts, over),
        EventListener::new(&window, "dragleave", leave),
        EventListener::new_with_options(&window, "drop", opts, dropped),
    ]
}
