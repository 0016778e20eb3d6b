//! What the highlight colours mean, with a switch for each kind.

use yew::prelude::*;

/// The highlight kinds: (key used in class names and `data-entity`, label).
/// "views" are the quotes that report beliefs, stances or evidence rather
/// than speech; they are off until the reader switches them on.
pub const KINDS: [(&str, &str); 8] = [
    ("quotes", "Quotes"),
    ("views", "Views & findings"),
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("LOC", "Places"),
    ("MISC", "Other names"),
    ("DATE", "Dates & times"),
    ("MONEY", "Money & percentages"),
];

/// Properties of [`Legend`].
#[derive(Debug, Properties, PartialEq)]
pub struct LegendProps {
    /// Kinds switched off.
    pub hidden: Vec<&'static str>,
    /// Called with a kind to switch it on or off.
    pub on_toggle: Callback<&'static str>,
}

/// A row of labelled switches, each styled like the highlight it controls.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    html! {
        <fieldset class="legend">
            <legend class="visually-hidden">{ "Highlights" }</legend>
            { for KINDS.iter().map(|&(key, label)| {
                let on = !props.hidden.contains(&key);
                let onchange = props.on_toggle.reform(move |_: Event| key);
                html! {
                    <label class={classes!("switch", format!("key-{key}"))}>
                        <input type="checkbox" checked={on} {onchange} data-toggle={key} />
                        <span class="swatch" aria-hidden="true"></span>
                        { label }
                    </label>
                }
            }) }
        </fieldset>
    }
}
