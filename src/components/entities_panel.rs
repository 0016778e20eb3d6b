//! The names the article mentions, grouped by type with counts; choosing a
//! name cycles through its mentions in the article.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::speakers_panel::reveal_element;
use crate::state::Shown;

/// Properties of [`EntitiesPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct EntitiesPanelProps {
    /// The analysis to list.
    pub shown: Rc<Shown>,
}

/// Most names listed per group (the most mentioned; exports have all).
const MAX_NAMES: usize = 100;

const GROUPS: [(&str, &[&str], &str); 5] = [
    ("People", &["PERSON"], "PERSON"),
    ("Organisations", &["ORG"], "ORG"),
    ("Places", &["LOC"], "LOC"),
    ("Dates and times", &["DATE", "TIME"], "DATE"),
    (
        "Other names and amounts",
        &["MISC", "MONEY", "PERCENT"],
        "MISC",
    ),
];

/// One list per entity group.
#[function_component(EntitiesPanel)]
pub fn entities_panel(props: &EntitiesPanelProps) -> Html {
    let a = &props.shown.analysis;
    let text = &props.shown.text;
    let cursor = use_mut_ref(BTreeMap::<String, usize>::new);
    if a.entities.is_empty() {
        return html! {};
    }
    html! {
        <section class="entities" aria-label="Names in the article">
            <h2>{ "Names in the article" }</h2>
            { for GROUPS.iter().map(|&(heading, labels, style)| {
                // Name → entity indices, most mentioned first.
                let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
                for (k, e) in a.entities.iter().enumerate() {
                    if labels.contains(&e.label.as_str()) {
                        by_name.entry(e.range.slice(text)).or_default().push(k);
                    }
                }
                if by_name.is_empty() {
                    return html! {};
                }
                let mut names: Vec<(&str, Vec<usize>)> = by_name.into_iter().collect();
                names.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
                names.truncate(MAX_NAMES);
                html! {
                    <div class="entity-group">
                        <h3>{ heading }</h3>
                        <ul>
                            { for names.into_iter().map(|(name, ids)| {
                                let cursor = cursor.clone();
                                let key = name.to_owned();
                                let count = ids.len();
                                let onclick = Callback::from(move |_| {
                                    let mut c = cursor.borrow_mut();
                                    let n = c.entry(key.clone()).or_insert(0);
                                    reveal_element(&format!("e-{}", ids[*n % ids.len()]));
                                    *n += 1;
                                });
                                html! {
                                    <li>
                                        <button type="button" class={classes!("entity-link", format!("ent-{style}"))} {onclick}
                                            data-entity-name={name.to_owned()}
                                            title={format!("{count} mention{}: show the next one", if count == 1 { "" } else { "s" })}>
                                            { name.to_owned() }
                                            <span class="count">{ count }</span>
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}
