//! The names the article mentions, grouped by type with counts; choosing a
//! name cycles through its mentions in the article.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use yew::prelude::*;

use crate::components::deferred::{use_ready, DEFER_ITEMS};
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

/// Names listed per group before "Show all names".
const FIRST_NAMES: usize = 30;

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
    // "Show all" holds for the analysis it was pressed on.
    let all_for = use_state(|| None::<u64>);
    let all = &(*all_for == Some(props.shown.id));
    let ready = use_ready(
        props.shown.id,
        a.quotes.len() + a.entities.len() > DEFER_ITEMS,
    );
    if a.entities.is_empty() {
        return html! {};
    }
    if !ready {
        return html! {
            <section class="entities" aria-label="Names in the article" aria-busy="true">
                <h2>{ "Names in the article" }</h2>
            </section>
        };
    }
    // One pass: per group, name → entity indices.
    let mut groups: Vec<HashMap<&str, Vec<usize>>> = vec![HashMap::new(); GROUPS.len()];
    for (k, e) in a.entities.iter().enumerate() {
        let label = e.label.as_str();
        if let Some(g) = GROUPS
            .iter()
            .position(|(_, labels, _)| labels.contains(&label))
        {
            groups[g].entry(e.range.slice(text)).or_default().push(k);
        }
    }
    let listed = if *all { MAX_NAMES } else { FIRST_NAMES };
    let more = groups.iter().any(|g| g.len() > listed) && !*all;
    let show_all = {
        let (all_for, id) = (all_for.clone(), props.shown.id);
        Callback::from(move |_: MouseEvent| all_for.set(Some(id)))
    };
    html! {
        <section class="entities" aria-label="Names in the article">
            <h2>{ "Names in the article" }</h2>
            { for GROUPS.iter().zip(groups).map(|(&(heading, _, style), by_name)| {
                if by_name.is_empty() {
                    return html! {};
                }
                // Most mentioned first, then alphabetical.
                let mut names: Vec<(&str, Vec<usize>)> = by_name.into_iter().collect();
                names.sort_by(|(a, x), (b, y)| y.len().cmp(&x.len()).then(a.cmp(b)));
                names.truncate(listed);
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
            if more {
                <p class="more-row">
                    <button type="button" class="tool" data-show-names="" onclick={show_all}>
                        { format!("Show up to {MAX_NAMES} names per group") }
                    </button>
                </p>
            }
        </section>
    }
}
