//! The reader's corrections: kept for the next visit, and undone or redone
//! from the keyboard (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y; Cmd on a Mac) when
//! the focus is not in a text field, which has its own undo.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppState, Notice};

/// Keeps the corrections of the text shown in local storage whenever they
/// change, says so once when storage refuses them, and listens for the
/// undo and redo keys.
#[hook]
pub fn use_corrections(state: &UseReducerHandle<AppState>, on_notice: Callback<Notice>) {
    let text = state.shown.as_ref().map(|s| s.text.clone());
    let warned = use_mut_ref(|| false);
    use_effect_with(
        (state.corrections.clone(), text),
        move |(corrections, text)| {
            if let Some(text) = text {
                match browser::save_corrections(text, corrections) {
                    Ok(()) => *warned.borrow_mut() = false,
                    Err(e) if !*warned.borrow() => {
                        *warned.borrow_mut() = true;
                        on_notice.emit(Notice::error(format!(
                            "Your corrections could not be kept for your next visit ({e}). They \
                             are still here: copy a share link or export the article to keep them."
                        )));
                    }
                    Err(_) => {}
                }
            }
        },
    );
    let dispatcher = state.dispatcher();
    use_effect_with((), move |()| {
        let listener = web_sys::window().map(|w| {
            // Not passive: the browser's own undo must not run as well.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || in_text_field(e) {
                    return;
                }
                let action = match e.key().to_lowercase().as_str() {
                    "z" if e.shift_key() => Action::Redo,
                    "z" => Action::Undo,
                    "y" => Action::Redo,
                    _ => return,
                };
                e.prevent_default();
                dispatcher.dispatch(action);
            })
        });
        move || drop(listener)
    });
}

/// Whether the key went to a text box (which undoes its own typing).
fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
