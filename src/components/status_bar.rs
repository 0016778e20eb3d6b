//! A live status line: busy, counts and timing, or a message.

use std::rc::Rc;

use yew::prelude::*;

use crate::protocol::ModelState;
use crate::state::{Notice, Shown};

/// Properties of [`StatusBar`].
#[derive(Debug, Properties, PartialEq)]
pub struct StatusBarProps {
    /// Whether the worker is analysing the latest text.
    pub busy: bool,
    /// Size of the text being analysed, in bytes.
    #[prop_or_default]
    pub pending_bytes: usize,
    /// The analysis on screen.
    pub shown: Option<Rc<Shown>>,
    /// A message for the user.
    pub notice: Option<Notice>,
    /// Hides the message.
    pub on_dismiss: Callback<()>,
    /// Analyses an offered text (a file over the size limit).
    pub on_accept: Callback<String>,
    /// Progress of a long analysis: (bytes done, bytes in all).
    #[prop_or_default]
    pub progress: Option<(usize, usize)>,
    /// Stops the analysis in progress.
    pub on_cancel: Callback<()>,
}

/// Announces progress and results to screen readers too (`aria-live`).
#[function_component(StatusBar)]
pub fn status_bar(props: &StatusBarProps) -> Html {
    let summary = match (&props.shown, props.busy) {
        (_, true) if props.pending_bytes >= 100_000 => {
            format!(
                "Analysing {:.1} MB of text…",
                props.pending_bytes as f64 / 1_048_576.0
            )
        }
        (_, true) => "Analysing…".to_owned(),
        (Some(s), false) => format!(
            "{} quotes from {} speakers · {} names · analysed in {:.1} ms",
            s.analysis.quotes.len(),
            s.analysis.speakers.len(),
            s.analysis.entities.len(),
            s.elapsed_ms
        ),
        (None, false) => String::new(),
    };
    let model_note = props.shown.as_ref().and_then(|s| match &s.model {
        ModelState::Loading => {
            Some("Loading the names model… quotes are ready; names follow.".to_owned())
        }
        ModelState::Failed(e) => Some(format!(
            "Names are unavailable ({e}); quotes and speakers still work."
        )),
        ModelState::Ready => None,
    });
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="status">
            <p class={classes!("summary", props.busy.then_some("busy"))} role="status" aria-live="polite" aria-busy={props.busy.to_string()}>
                { summary }
            </p>
            if props.busy && props.pending_bytes >= 100_000 {
                <div class="progress-row">
                    if let Some((done, total)) = props.progress {
                        <progress class="progress" max={total.to_string()} value={done.to_string()}
                            aria-label={format!("Analysed {}%", done * 100 / total.max(1))}></progress>
                        <span class="percent">{ format!("{}%", done * 100 / total.max(1)) }</span>
                    } else {
                        <progress class="progress" aria-label="Analysis in progress"></progress>
                    }
                    <button type="button" class="tool" data-cancel="" onclick={props.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
                </div>
            }
            if let Some(note) = model_note {
                <p class="model-note">{ note }</p>
            }
            if let Some(n) = &props.notice {
                <div class={classes!("notice", n.is_error.then_some("error"))} role={if n.is_error { "alert" } else { "status" }}>
                    <span>{ n.text.clone() }</span>
                    if let Some(text) = n.offer.clone() {
                        <button type="button" class="tool" data-accept="" onclick={
                            let (on_accept, on_dismiss) = (props.on_accept.clone(), props.on_dismiss.clone());
                            Callback::from(move |_| { on_accept.emit(text.to_string()); on_dismiss.emit(()); })
                        }>{ "Analyse anyway" }</button>
                    }
                    if let Some(report) = n.report.clone() {
                        <details class="report">
                            <summary>{ "Report text" }</summary>
                            <textarea readonly=true aria-label="Report text to copy" value={report} />
                        </details>
                    }
                    <button type="button" class="dismiss" aria-label="Dismiss message" onclick={on_dismiss}>{ "×" }</button>
                </div>
            }
        </div>
    }
}
