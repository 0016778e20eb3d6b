//! The reader's corrections as a whole: how many, undo and redo, a quote
//! added from a selection, the machine compared with the corrected article,
//! and the corrected article as gold data for `score.py`.

use std::cell::RefCell;
use std::rc::Rc;

use saidwho_core::corrections::{compare, gold_record, Anchor, Comparison, Corrections, Edit};
use saidwho_core::TextRange;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::editing::{editor_range, paragraph_range};
use crate::excerpt::excerpt;
use crate::state::{Notice, Shown};

/// The id of a document in the gold export.
pub const GOLD_ID: &str = "saidwho-article";

/// Properties of [`CorrectionsBar`].
#[derive(Debug, Properties, PartialEq)]
pub struct CorrectionsBarProps {
    /// The analysis shown (corrections applied).
    pub shown: Rc<Shown>,
    /// The text in the editor (a selection there counts only when it is the
    /// text shown).
    pub text: Rc<str>,
    /// The corrections in force.
    pub corrections: Rc<Corrections>,
    /// Makes a correction (one undoable step).
    pub on_edit: Callback<Vec<Edit>>,
    /// Undo (false) or redo (true).
    pub on_undo: Callback<bool>,
    /// Selects a quote by a byte offset inside it.
    pub on_select: Callback<Option<usize>>,
    /// Tells the reader something.
    pub on_notice: Callback<Notice>,
}

/// Corrections: count, undo/redo, add a quote, compare, gold export.
#[function_component(CorrectionsBar)]
pub fn corrections_bar(props: &CorrectionsBarProps) -> Html {
    let adding = use_state(|| None::<(u64, TextRange)>);
    let comparing = use_state(|| false);
    let grabbed: Rc<RefCell<Option<TextRange>>> = use_mut_ref(|| None);
    let speaker_ref = use_node_ref();
    let shown = &props.shown;
    let c = &props.corrections;
    // What is selected now, in the article view or in the text box (when
    // it holds the text shown); `editor_first` for the keyboard, whose
    // selection is made in the text box.
    let selection = {
        let (shown, text) = (shown.clone(), props.text.clone());
        move |editor_first: bool| {
            let in_article = || {
                browser::article_selection()
                    .and_then(|s| paragraph_range(&shown.text, &shown.analysis, s))
            };
            let in_editor = || {
                browser::editor_selection()
                    .filter(|_| *text == *shown.text)
                    .and_then(|s| editor_range(&shown.text, s))
            };
            if editor_first {
                in_editor().or_else(in_article)
            } else {
                in_article().or_else(in_editor)
            }
        }
    };
    // Pressing a button may clear the page's selection: keep it on press.
    let on_press = {
        let (grabbed, selection) = (grabbed.clone(), selection.clone());
        Callback::from(move |_: MouseEvent| *grabbed.borrow_mut() = selection(false))
    };
    let on_add = {
        let (adding, id, on_notice) = (adding.clone(), shown.id, props.on_notice.clone());
        Callback::from(move |_: MouseEvent| {
            // No press before the click: the keyboard chose the button.
            let pressed = grabbed.borrow_mut().take();
            match pressed.or_else(|| selection(true)) {
                Some(r) => adding.set(Some((id, r))),
                None => on_notice.emit(Notice::info(
                    "Select the words of the quote first — with the mouse in the article, or \
                     with Shift and the arrow keys in the text box — then choose “Add quote from \
                     selection”.",
                )),
            }
        })
    };
    let adding_now = (*adding).filter(|&(id, _)| id == shown.id).map(|(_, r)| r);
    let on_confirm = {
        let (adding, on_edit, on_select) = (
            adding.clone(),
            props.on_edit.clone(),
            props.on_select.clone(),
        );
        let (text, speaker_ref) = (shown.text.clone(), speaker_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(r) = adding_now else { return };
            let speaker = speaker_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .filter(|s| !s.trim().is_empty());
            on_edit.emit(vec![Edit::AddQuote {
                span: Anchor::new(&text, r),
                speaker,
            }]);
            on_select.emit(Some(r.start()));
            adding.set(None);
        })
    };
    let on_cancel = {
        let adding = adding.clone();
        Callback::from(move |_| adding.set(None))
    };
    let on_gold = {
        let (shown, on_notice) = (shown.clone(), props.on_notice.clone());
        Callback::from(move |_| {
            let record = gold_record(GOLD_ID, &shown.text, &shown.analysis);
            let mut line = serde_json::to_string(&record).unwrap_or_default();
            line.push('\n');
            if let Err(e) = browser::download("saidwho-gold.jsonl", "application/x-ndjson", &line) {
                on_notice.emit(Notice::error(format!("The download did not start: {e}")));
            }
        })
    };
    let on_toggle = {
        let comparing = comparing.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::HtmlDetailsElement>()
                .is_some_and(|d| d.open());
            comparing.set(open);
        })
    };
    let n = c.len();
    html! {
        <section class="corrections" aria-label="Corrections" data-corrections={n.to_string()}>
            <div class="edit-row">
                <span class="tool-label" role="status">{ match n {
                    0 => "No corrections yet".to_owned(),
                    1 => "1 correction".to_owned(),
                    n => format!("{n} corrections"),
                } }</span>
                <button type="button" class="tool" data-undo="" disabled={c.steps.is_empty()}
                    aria-keyshortcuts="Control+Z" onclick={props.on_undo.reform(|_| false)}>{ "Undo" }</button>
                <button type="button" class="tool" data-redo="" disabled={c.undone.is_empty()}
                    aria-keyshortcuts="Control+Shift+Z" onclick={props.on_undo.reform(|_| true)}>{ "Redo" }</button>
                <button type="button" class="tool" data-add-from-selection="" onmousedown={on_press} onclick={on_add}>
                    { "Add quote from selection" }
                </button>
                <button type="button" class="tool" data-export="gold" onclick={on_gold}
                    title="The article as you corrected it, in the evaluation format of score.py">{ "Gold JSONL" }</button>
            </div>
            if let Some(r) = adding_now {
                <form class="add-quote edit-row" data-add-quote="" onsubmit={on_confirm}>
                    <p class="adding">{ "New quote: " }<q>{ excerpt(r.slice(&shown.text), 200) }</q></p>
                    <label>{ "Speaker " }
                        <input ref={speaker_ref} list="add-speakers" data-add-speaker="" autocomplete="off" placeholder="unknown" />
                    </label>
                    <datalist id="add-speakers">
                        { for shown.analysis.speakers.iter().map(|s| html! { <option value={s.name.clone()} /> }) }
                    </datalist>
                    <button type="submit" class="tool" data-confirm-add="">{ "Add quote" }</button>
                    <button type="button" class="tool" onclick={on_cancel}>{ "Cancel" }</button>
                </form>
            }
            <details class="compare" data-compare="" ontoggle={on_toggle}>
                <summary>{ "Compare with the machine" }</summary>
                if *comparing {
                    { comparison(&compare(&shown.text, &shown.machine, &shown.analysis)) }
                }
            </details>
        </section>
    }
}

/// The comparison as a sentence and a table (the numbers `score.py quotes`
/// gives for the machine's predictions against the gold export).
fn comparison(c: &Comparison) -> Html {
    let pct = |x: f64| format!("{:.1}%", x * 100.0);
    let row = |label: &str, key: &str, t: &saidwho_core::corrections::Track| {
        html! {
            <tr data-compare-track={key.to_owned()} data-gold={t.gold.to_string()} data-pred={t.predicted.to_string()}
                data-tp={t.quote.tp.to_string()} data-speaker-right={t.speaker_right.to_string()}
                data-e2e-f1={format!("{:.6}", t.end_to_end.f1)}>
                <th scope="row">{ label }</th>
                <td>{ t.gold }</td>
                <td>{ t.predicted }</td>
                <td>{ format!("{} ({})", t.quote.tp, pct(t.quote.f1)) }</td>
                <td>{ t.speaker_right }</td>
                <td>{ pct(t.end_to_end.f1) }</td>
            </tr>
        }
    };
    html! {
        <>
            <p data-changes="">{ format!(
                "You added {} quotes, removed {}, changed the extent of {} and the speaker of {}; {} speakers edited.",
                c.added, c.removed, c.resized, c.reattributed, c.speakers_edited
            ) }</p>
            <table class="compare-table">
                <caption>{ "The machine's quotes scored against yours (as score.py quotes scores predictions)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Quotes" }</th><th scope="col">{ "Yours" }</th><th scope="col">{ "Machine's" }</th>
                    <th scope="col">{ "Found (F1)" }</th><th scope="col">{ "Right speaker" }</th><th scope="col">{ "End to end F1" }</th>
                </tr></thead>
                <tbody>
                    { row("All", "all", &c.all) }
                    { row("Direct", "direct", &c.direct) }
                </tbody>
            </table>
        </>
    }
}
