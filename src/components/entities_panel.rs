//! The names the article mentions, grouped by type with counts; choosing a
//! name cycles through its mentions in the article.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::deferred::{use_ready, DEFER_ITEMS};
use crate::components::speakers_panel::reveal_element;
use crate::state::Shown;
use saidwho_core::Entity;

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
    // Per group: each person, organisation or place once, under its fullest
    // name, with all its mentions ("Somkeo", "Maj. Gen. Somkeo", …).
    let mut groups: Vec<Vec<(&str, &[u32])>> = vec![Vec::new(); GROUPS.len()];
    for name in &a.names {
        let label = name.label.as_str();
        if let Some(g) = GROUPS
            .iter()
            .position(|(_, labels, _)| labels.contains(&label))
        {
            groups[g].push((name.name.as_str(), &name.mentions));
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
            { for GROUPS.iter().zip(groups).map(|(&(heading, _, style), mut names)| {
                if names.is_empty() {
                    return html! {};
                }
                // Most mentioned first, then alphabetical.
                names.sort_by(|(a, x), (b, y)| y.len().cmp(&x.len()).then(a.cmp(b)));
                names.truncate(listed);
                html! {
                    <div class="entity-group">
                        <h3>{ heading }</h3>
                        <ul>
                            { for names.into_iter().map(|(name, ids)| {
                                let cursor = cursor.clone();
                                let key = format!("{style}:{name}");
                                let count = ids.len();
                                let forms = mention_forms(text, &a.entities, ids);
                                let others: Vec<&str> = forms.iter().copied().filter(|f| *f != name).collect();
                                let ids = ids.to_vec();
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
                                            data-mentions={count.to_string()}
                                            title={format!("{count} mention{} ({}): show the next one", if count == 1 { "" } else { "s" }, forms.join(", "))}>
                                            { name.to_owned() }
                                            <span class="count">{ count }</span>
                                            if !others.is_empty() {
                                                <span class="forms" data-forms="">{ format!("also “{}”", others.join("”, “")) }</span>
                                            }
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

/// The distinct ways a name is written, in order of first use:
/// \["Somkeo Sylavong", "Somkeo"\].
fn mention_forms<'t>(text: &'t str, entities: &[Entity], ids: &[u32]) -> Vec<&'t str> {
    let mut forms: Vec<&str> = Vec::new();
    for e in ids.iter().filter_map(|&i| entities.get(i as usize)) {
        let form = e.range.slice(text);
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}
