//! The selected quote: why the machine took it and who it credits (its
//! evidence), and the reader's corrections of it — speaker, "not a quote",
//! and its extent a word at a time.

use std::rc::Rc;

use saidwho_core::corrections::{Anchor, Edit};
use saidwho_core::export;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::editing::{moved_by_a_word, Edge};
use crate::excerpt::excerpt;
use crate::state::Shown;

/// Properties of [`QuoteEditor`].
#[derive(Debug, Properties, PartialEq)]
pub struct QuoteEditorProps {
    /// The analysis shown (corrections applied).
    pub shown: Rc<Shown>,
    /// A byte offset inside the selected quote.
    pub at: usize,
    /// Makes a correction (one undoable step).
    pub on_edit: Callback<Vec<Edit>>,
    /// Selects another quote (by a byte offset inside it), or none.
    pub on_select: Callback<Option<usize>>,
}

/// The evidence and correction controls of one quote.
#[function_component(QuoteEditor)]
pub fn quote_editor(props: &QuoteEditorProps) -> Html {
    let name_ref = use_node_ref();
    let role_ref = use_node_ref();
    let shown = &props.shown;
    let (a, text) = (&shown.analysis, &shown.text);
    let index = a
        .quotes
        .iter()
        .position(|q| q.range.start() <= props.at && props.at < q.range.end());
    let current = index
        .and_then(|i| a.quotes[i].speaker)
        .and_then(|s| a.speakers.get(s as usize))
        .map(|s| s.name.clone())
        .unwrap_or_default();
    {
        // The speaker box starts with the quote's speaker.
        let (name_ref, role_ref, current) = (name_ref.clone(), role_ref.clone(), current.clone());
        use_effect_with((index, shown.edits_version, shown.id), move |_| {
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                input.set_value(&current);
            }
            if let Some(input) = role_ref.cast::<HtmlInputElement>() {
                input.set_value("");
            }
        });
    }
    let Some(i) = index else {
        return html! {};
    };
    let q = &a.quotes[i];
    let anchor = Anchor::new(text, q.range);
    let on_speaker = {
        let (on_edit, anchor) = (props.on_edit.clone(), anchor.clone());
        let (name_ref, role_ref) = (name_ref.clone(), role_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value());
            let name = value(&name_ref).unwrap_or_default();
            if name.trim().is_empty() {
                return;
            }
            let role = value(&role_ref).filter(|r| !r.trim().is_empty());
            on_edit.emit(vec![Edit::Speaker {
                quote: anchor.clone(),
                name,
                role,
            }]);
        })
    };
    let on_not_quote = {
        let (on_edit, on_select, anchor) = (
            props.on_edit.clone(),
            props.on_select.clone(),
            anchor.clone(),
        );
        Callback::from(move |_| {
            on_edit.emit(vec![Edit::NotAQuote {
                quote: anchor.clone(),
            }]);
            on_select.emit(None);
        })
    };
    let extent_button = |label: &'static str, edge: Edge, later: bool, hook: &'static str| {
        let moved = moved_by_a_word(text, a, q.range, edge, later);
        let onclick = {
            let (on_edit, on_select, anchor) = (
                props.on_edit.clone(),
                props.on_select.clone(),
                anchor.clone(),
            );
            let to = moved.map(|r| Anchor::new(text, r));
            Callback::from(move |_| {
                if let Some(to) = to.clone() {
                    on_select.emit(Some(to.start));
                    on_edit.emit(vec![Edit::Extent {
                        quote: anchor.clone(),
                        to,
                    }]);
                }
            })
        };
        html! {
            <button type="button" class="tool" data-extent={hook} disabled={moved.is_none()} {onclick}>{ label }</button>
        }
    };
    let on_close = props.on_select.reform(|_| None);
    let speaker_line = if current.is_empty() {
        html! { <strong class="unknown" data-speaker-unknown="">{ "Speaker not found" }</strong> }
    } else {
        html! { <>{ "Speaker: " }<strong>{ current.clone() }</strong></> }
    };
    let trust = if q.edited.any() {
        "Checked by you.".to_owned()
    } else {
        format!(
            "Confidence {}% (how often quotes found this way were right in training news).",
            q.confidence
        )
    };
    html! {
        <section class="quote-editor" aria-labelledby="quote-editor-title" data-quote-editor={i.to_string()}>
            <h2 id="quote-editor-title">{ "Selected quote" }</h2>
            <blockquote>{ excerpt(&q.words(text), 300) }</blockquote>
            <p class="speaker-line">{ speaker_line }{ " · " }{ trust }</p>
            <p class="evidence" data-evidence="">{ export::explanation(a, i).unwrap_or_default() }</p>
            <form class="edit-row" onsubmit={on_speaker}>
                <label>{ "Speaker " }
                    <input ref={name_ref} list="quote-speakers" data-speaker-input="" autocomplete="off" />
                </label>
                <label>{ "Role " }
                    <input ref={role_ref} data-role-input="" autocomplete="off" placeholder="optional" />
                </label>
                <button type="submit" class="tool" data-set-speaker="">{ "Set speaker" }</button>
            </form>
            <datalist id="quote-speakers">
                { for a.speakers.iter().map(|s| html! { <option value={s.name.clone()} /> }) }
            </datalist>
            <div class="edit-row" role="group" aria-label="Extent of the quote">
                { extent_button("Start a word earlier", Edge::Start, false, "start-earlier") }
                { extent_button("Start a word later", Edge::Start, true, "start-later") }
                { extent_button("End a word earlier", Edge::End, false, "end-earlier") }
                { extent_button("End a word later", Edge::End, true, "end-later") }
            </div>
            <div class="edit-row">
                <button type="button" class="tool danger" data-not-quote="" onclick={on_not_quote}>{ "Not a quote" }</button>
                <button type="button" class="tool" data-close-editor="" onclick={on_close}>{ "Close" }</button>
            </div>
        </section>
    }
}
