//! A set of switched-off keys (the legend's hidden kinds of highlight).

use yew::prelude::*;

/// The keys switched off, and a callback that flips one.
#[hook]
pub fn use_toggles() -> (Vec<&'static str>, Callback<&'static str>) {
    // Views and findings (beliefs, stances, evidence) start switched off:
    // the page shows speech by default.
    let hidden = use_state(|| vec!["views"]);
    let on_toggle = {
        let hidden = hidden.clone();
        Callback::from(move |key: &'static str| {
            let mut next = (*hidden).clone();
            if let Some(i) = next.iter().position(|&k| k == key) {
                next.remove(i);
            } else {
                next.push(key);
            }
            hidden.set(next);
        })
    };
    ((*hidden).clone(), on_toggle)
}
