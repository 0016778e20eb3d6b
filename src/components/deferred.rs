//! Drawing big parts of the page a task later, so that one answer from the
//! worker never turns into one long main-thread task.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Whether a part keyed by `key` (the analysis id) may draw its content now.
///
/// With `defer` false it always may. With `defer` true, the first render for
/// a new key returns false (draw a light placeholder) and a zero-delay timer
/// asks for a render in a task of its own, which returns true.
#[hook]
pub fn use_ready(key: u64, defer: bool) -> bool {
    let ready_for = use_state(|| None::<u64>);
    let ready = !defer || *ready_for == Some(key);
    {
        let ready_for = ready_for.clone();
        use_effect_with((key, ready), move |&(key, ready)| {
            let timer = (!ready).then(|| Timeout::new(0, move || ready_for.set(Some(key))));
            move || drop(timer)
        });
    }
    ready
}

/// Analyses with more items than this (quotes + names) draw their panels a
/// task after the article.
pub const DEFER_ITEMS: usize = 400;
