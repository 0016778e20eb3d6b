//! A speaker card's corrections: role and organisation, anonymous source,
//! merge into another speaker, split some quotes off to a new one.

use std::rc::Rc;

use saidwho_core::corrections::{Anchor, Edit};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::speakers_panel::MAX_LISTED;
use crate::excerpt::excerpt;
use crate::state::Shown;

/// Properties of [`SpeakerEditor`].
#[derive(Debug, Properties, PartialEq)]
pub struct SpeakerEditorProps {
    /// The analysis shown (corrections applied).
    pub shown: Rc<Shown>,
    /// Index of the speaker in `shown.analysis.speakers`.
    pub speaker: usize,
    /// Makes a correction (one undoable step).
    pub on_edit: Callback<Vec<Edit>>,
}

/// The correction controls of one speaker, folded away until opened: only
/// its summary is drawn while it is closed, so that a long text's cards cost
/// no more than their quotes.
#[function_component(SpeakerEditor)]
pub fn speaker_editor(props: &SpeakerEditorProps) -> Html {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let now = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            open.set(now);
        })
    };
    let Some(name) = props
        .shown
        .analysis
        .speakers
        .get(props.speaker)
        .map(|s| s.name.clone())
    else {
        return html! {};
    };
    html! {
        <details class="edit-speaker" data-edit-speaker={name} ontoggle={on_toggle}>
            <summary>{ "Correct this speaker" }</summary>
            if *open {
                <SpeakerControls shown={props.shown.clone()} speaker={props.speaker} on_edit={props.on_edit.clone()} />
            }
        </details>
    }
}

/// The controls inside an open [`SpeakerEditor`].
#[function_component(SpeakerControls)]
fn speaker_controls(props: &SpeakerEditorProps) -> Html {
    let (role_ref, org_ref, merge_ref, split_ref) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let checks = use_node_ref();
    let shown = &props.shown;
    let a = &shown.analysis;
    let Some(s) = a.speakers.get(props.speaker) else {
        return html! {};
    };
    let name = s.name.clone();
    let value = |r: &NodeRef| {
        r.cast::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default()
    };
    let on_details = {
        let (on_edit, name, role_ref, org_ref) = (
            props.on_edit.clone(),
            name.clone(),
            role_ref.clone(),
            org_ref.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (role, org) = (value(&role_ref), value(&org_ref));
            let some = |v: String| (!v.trim().is_empty()).then_some(v);
            on_edit.emit(vec![Edit::Details {
                speaker: name.clone(),
                role: some(role),
                organization: some(org),
            }]);
        })
    };
    let on_anonymous = {
        let (on_edit, name) = (props.on_edit.clone(), name.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            on_edit.emit(vec![Edit::Anonymous {
                speaker: name.clone(),
                anonymous: on,
            }]);
        })
    };
    let others: Vec<String> = a
        .speakers
        .iter()
        .filter(|o| o.name != s.name)
        .map(|o| o.name.clone())
        .collect();
    let on_merge = {
        let (on_edit, name, merge_ref) = (props.on_edit.clone(), name.clone(), merge_ref.clone());
        Callback::from(move |_| {
            let into = merge_ref
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if !into.is_empty() {
                on_edit.emit(vec![Edit::Merge {
                    from: name.clone(),
                    into,
                }]);
            }
        })
    };
    // This speaker's quotes, for "split off": the first as many as a card
    // lists. A source quoted thousands of times would otherwise draw
    // thousands of check boxes; any other quote is moved from the quote.
    let speaker = u32::try_from(props.speaker).ok();
    let theirs = || {
        a.quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker == speaker)
    };
    let quote_count = theirs().count();
    let mine: Vec<(usize, String)> = theirs()
        .take(MAX_LISTED)
        .map(|(i, q)| (i, excerpt(&q.words(&shown.text), 80)))
        .collect();
    let on_split = {
        let (on_edit, shown, split_ref, checks) = (
            props.on_edit.clone(),
            shown.clone(),
            split_ref.clone(),
            checks.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let new_name = value(&split_ref);
            if new_name.trim().is_empty() {
                return;
            }
            let Some(list) = checks.cast::<web_sys::Element>() else {
                return;
            };
            let Ok(boxes) = list.query_selector_all("input[type=checkbox]:checked") else {
                return;
            };
            let step: Vec<Edit> = (0..boxes.length())
                .filter_map(|k| boxes.item(k))
                .filter_map(|n| {
                    let el: web_sys::Element = wasm_bindgen::JsCast::dyn_into(n).ok()?;
                    let i: usize = el.get_attribute("data-split-quote")?.parse().ok()?;
                    let q = shown.analysis.quotes.get(i)?;
                    Some(Edit::Speaker {
                        quote: Anchor::new(&shown.text, q.range),
                        name: new_name.clone(),
                        role: None,
                    })
                })
                .collect();
            on_edit.emit(step);
        })
    };
    let id = |what: &str| format!("sp{}-{what}-{}", props.speaker, shown.id);
    html! {
        <>
            <form class="edit-row" onsubmit={on_details}>
                <label>{ "Role " }<input ref={role_ref} value={s.role.clone().unwrap_or_default()} data-role="" /></label>
                <label>{ "Organisation " }<input ref={org_ref} value={s.organization.clone().unwrap_or_default()} data-organization="" /></label>
                <button type="submit" class="tool" data-save-details="">{ "Save" }</button>
            </form>
            <label class="edit-row">
                <input type="checkbox" checked={!s.named} onchange={on_anonymous} data-anonymous="" />
                { "Anonymous source" }
            </label>
            if !others.is_empty() {
                <div class="edit-row">
                    <label for={id("merge")}>{ "Same source as " }</label>
                    <select id={id("merge")} ref={merge_ref} data-merge-into="">
                        { for others.iter().map(|o| html! { <option value={o.clone()}>{ o.clone() }</option> }) }
                    </select>
                    <button type="button" class="tool" data-merge="" onclick={on_merge}>{ "Merge" }</button>
                </div>
            }
            if quote_count > 1 {
                <form class="split" onsubmit={on_split}>
                    <fieldset ref={checks}>
                        <legend>{ "Split these quotes off to another speaker" }</legend>
                        { for mine.iter().map(|(i, words)| html! {
                            <label class="split-quote"><input type="checkbox" data-split-quote={i.to_string()} />{ words.clone() }</label>
                        }) }
                        if quote_count > mine.len() {
                            <p class="more" data-split-more="">{ format!(
                                "The first {} of {quote_count} quotes are listed; to move another, click it in the article.",
                                mine.len()
                            ) }</p>
                        }
                    </fieldset>
                    <div class="edit-row">
                        <label>{ "New speaker " }<input ref={split_ref} data-split-name="" autocomplete="off" /></label>
                        <button type="submit" class="tool" data-split="">{ "Split off" }</button>
                    </div>
                </form>
            }
        </>
    }
}
