//! The page's state: one [`Reducible`] value changed only through [`Action`]s.

use std::rc::Rc;

use saidwho_core::corrections::{Corrections, Edit};
use saidwho_core::Analysis;
use yew::Reducible;

use crate::protocol::{AnalyzeResponse, ModelState};

/// An analysis on screen, with the exact text it was made from.
#[derive(Debug)]
pub struct Shown {
    /// The request it answers.
    pub id: u64,
    /// The analysed text.
    pub text: Rc<str>,
    /// Its length in UTF-16 code units, as JavaScript counts it (the page
    /// shows it as `data-analysed-length`, so tests can wait for the
    /// analysis of their own text).
    pub utf16_len: usize,
    /// What is shown: the analyser's findings with the reader's corrections.
    pub analysis: Rc<Analysis>,
    /// What the analyser found, before the reader's corrections.
    pub machine: Rc<Analysis>,
    /// Bumped whenever the corrections shown change (views redraw).
    pub edits_version: u64,
    /// Time the worker spent in `analyze`, in milliseconds.
    pub elapsed_ms: f64,
    /// Whether the entity model was there for this analysis.
    pub model: ModelState,
}

impl Shown {
    /// An analysis of `text` to show.
    #[must_use]
    pub fn new(
        id: u64,
        text: Rc<str>,
        analysis: Analysis,
        elapsed_ms: f64,
        model: ModelState,
    ) -> Self {
        let machine = Rc::new(analysis);
        Self {
            id,
            utf16_len: text.encode_utf16().count(),
            text,
            analysis: machine.clone(),
            machine,
            edits_version: 0,
            elapsed_ms,
            model,
        }
    }

    /// The same analysis with `corrections` applied to the machine's.
    fn corrected(&self, corrections: &Corrections) -> (Self, Vec<Edit>, Corrections) {
        let (analysis, dropped, kept) = if corrections.is_empty() {
            (self.machine.clone(), Vec::new(), corrections.clone())
        } else {
            let c = corrections.apply(&self.text, &self.machine);
            (Rc::new(c.analysis), c.dropped, c.corrections)
        };
        let shown = Self {
            id: self.id,
            text: self.text.clone(),
            utf16_len: self.utf16_len,
            analysis,
            machine: self.machine.clone(),
            edits_version: self.edits_version + 1,
            elapsed_ms: self.elapsed_ms,
            model: self.model.clone(),
        };
        (shown, dropped, kept)
    }
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.model == other.model
            && self.edits_version == other.edits_version
    }
}

/// A message for the person using the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notice {
    /// What to say.
    pub text: String,
    /// Whether something went wrong (shown as an alert) or is just news.
    pub is_error: bool,
    /// A text the user may choose to analyse anyway (a file over the size limit).
    pub offer: Option<Rc<str>>,
    /// Details to copy into a bug report (never the article text).
    pub report: Option<String>,
}

impl Notice {
    /// Something went wrong: shown as an alert.
    #[must_use]
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            is_error: true,
            ..Self::default()
        }
    }

    /// News for the user: shown as a status message.
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }
}

/// Everything the page shows.
#[derive(Debug, Default, PartialEq)]
pub struct AppState {
    /// The text in the editor (shared: actions never copy it).
    pub text: Rc<str>,
    /// Requests sent to the worker and not answered yet: (id, text).
    pub pending: Vec<(u64, Rc<str>)>,
    /// The newest analysis received.
    pub shown: Option<Rc<Shown>>,
    /// A message for the user, if any.
    pub notice: Option<Notice>,
    /// Bumped when the worker is replaced after it stopped answering.
    pub worker_generation: u32,
    /// Progress of a long analysis: (bytes done, bytes in all).
    pub progress: Option<(usize, usize)>,
    /// Bumped when the text comes from outside the editor (a file, the
    /// example, a link): the editor then shows it. Typing never bumps it, so
    /// a long text is never written back into the editor.
    pub text_version: u64,
    /// The reader's corrections of the text shown.
    pub corrections: Rc<Corrections>,
}

impl AppState {
    /// Whether the worker is busy with the latest text.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Size in bytes of the text being analysed (0 when idle).
    #[must_use]
    pub fn pending_bytes(&self) -> usize {
        self.pending.last().map_or(0, |(_, t)| t.len())
    }
}

/// Everything that changes the state.
#[derive(Debug, Clone)]
pub enum Action {
    /// The user changed the text (typing, paste, file).
    Edit(String),
    /// A text came from outside the editor; the editor must show it.
    Loaded,
    /// The text was sent to the worker under this id.
    Sent(u64, Rc<str>),
    /// The editor was emptied: nothing to analyse.
    Clear,
    /// The worker answered.
    Received(Rc<AnalyzeResponse>),
    /// Tell the user something.
    Notify(Notice),
    /// Hide the current notice.
    Dismiss,
    /// The worker has not answered request `id` in time: replace it.
    Stalled(u64),
    /// A long analysis advanced: (id, bytes done, bytes in all).
    Progress(u64, usize, usize),
    /// The analysis of request `id` was stopped.
    Cancelled(u64),
    /// The reader corrected the analysis (one undoable step).
    Correct(Vec<Edit>),
    /// Take back the last correction.
    Undo,
    /// Make the last correction taken back again.
    Redo,
    /// Corrections kept for this text (from a link or the last visit).
    Restore(Corrections),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = AppState {
            text: self.text.clone(),
            pending: self.pending.clone(),
            shown: self.shown.clone(),
            notice: self.notice.clone(),
            worker_generation: self.worker_generation,
            progress: self.progress,
            text_version: self.text_version,
            corrections: self.corrections.clone(),
        };
        match action {
            Action::Edit(text) => next.text = Rc::from(text),
            Action::Loaded => {
                // Another article: the corrections of the last one go.
                next.text_version += 1;
                next.corrections = Rc::default();
            }
            Action::Sent(id, text) => next.pending.push((id, text)),
            Action::Clear => {
                next.pending.clear();
                next.progress = None;
                next.shown = None;
            }
            Action::Received(resp) => {
                let (id, elapsed_ms, model) = (resp.id, resp.elapsed_ms, resp.model.clone());
                // The response is normally only held here: take its analysis
                // rather than copy a possibly large one.
                let analysis =
                    Rc::try_unwrap(resp).map_or_else(|rc| rc.analysis.clone(), |r| r.analysis);
                // The same request answered again once the entity model arrived.
                if let Some(shown) = next.shown.clone().filter(|s| s.id == id) {
                    let again = Shown::new(id, shown.text.clone(), analysis, elapsed_ms, model);
                    next.shown = Some(Rc::new(again));
                    next.apply_corrections();
                    return Rc::new(next);
                }
                let Some(pos) = next.pending.iter().position(|(p, _)| *p == id) else {
                    return self; // answer to a request cancelled by Clear
                };
                let text = next.pending[pos].1.clone();
                next.pending.retain(|(p, _)| *p > id);
                next.progress = None;
                if next.shown.as_ref().is_none_or(|s| s.id < id) {
                    next.shown = Some(Rc::new(Shown::new(id, text, analysis, elapsed_ms, model)));
                    next.apply_corrections();
                }
            }
            Action::Progress(id, done, total) => {
                if next.pending.last().is_some_and(|(p, _)| *p == id) {
                    next.progress = Some((done, total));
                }
            }
            Action::Cancelled(id) => {
                next.pending.retain(|(p, _)| *p != id);
                next.progress = None;
            }
            Action::Correct(step) => {
                let mut c = (*next.corrections).clone();
                c.push(step);
                next.corrections = Rc::new(c);
                next.apply_corrections();
            }
            Action::Undo | Action::Redo => {
                let mut c = (*next.corrections).clone();
                let undo = matches!(action, Action::Undo);
                if !(if undo { c.undo() } else { c.redo() }) {
                    return self;
                }
                next.corrections = Rc::new(c);
                next.apply_corrections();
            }
            Action::Restore(c) => {
                next.corrections = Rc::new(c);
                next.apply_corrections();
            }
            Action::Notify(n) => next.notice = Some(n),
            Action::Dismiss => next.notice = None,
            Action::Stalled(id) => {
                let Some((_, text)) = next.pending.iter().find(|(p, _)| *p == id).cloned() else {
                    return self; // answered in the meantime
                };
                next.pending.clear();
                next.progress = None;
                next.worker_generation += 1;
                next.notice = Some(Notice {
                    text:
                        "The analysis stopped unexpectedly, so saidwho restarted it. Your text is \
                           still here; edit it to try again, and please report the problem."
                            .into(),
                    is_error: true,
                    offer: None,
                    report: Some(format!(
                        "saidwho {} — the analysis worker did not answer request {id} \
                         ({} characters, {} lines). The article text is not included.",
                        env!("CARGO_PKG_VERSION"),
                        text.chars().count(),
                        text.lines().count()
                    )),
                });
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// Shows the machine's analysis with the corrections applied; the
    /// corrections whose words are gone are removed, and the reader told.
    fn apply_corrections(&mut self) {
        let Some(shown) = self.shown.clone() else {
            return;
        };
        let (corrected, dropped, kept) = shown.corrected(&self.corrections);
        self.shown = Some(Rc::new(corrected));
        if dropped.is_empty() {
            return;
        }
        self.corrections = Rc::new(kept);
        let what: Vec<String> = dropped.iter().take(3).map(Edit::describe).collect();
        let more = dropped.len().saturating_sub(3);
        self.notice = Some(Notice::info(format!(
            "{} of your corrections no longer {} because the text under {} changed, so {} removed: {}{}.",
            dropped.len(),
            if dropped.len() == 1 { "applies" } else { "apply" },
            if dropped.len() == 1 { "it" } else { "them" },
            if dropped.len() == 1 { "it was" } else { "they were" },
            what.join("; "),
            if more > 0 { format!(" and {more} more") } else { String::new() },
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(id: u64, text: &str) -> Action {
        Action::Received(Rc::new(AnalyzeResponse {
            id,
            analysis: saidwho_core::analyze(text),
            elapsed_ms: 1.0,
            model: ModelState::Ready,
        }))
    }

    #[test]
    fn newest_answer_wins_and_stale_ones_are_ignored() {
        let s = Rc::new(AppState::default());
        let s = s.reduce(Action::Sent(1, "“a,” he said".into()));
        let s = s.reduce(Action::Sent(2, "“b,” she said".into()));
        assert!(s.busy());
        let s = s.reduce(response(2, "“b,” she said"));
        assert!(!s.busy());
        assert_eq!(&*s.shown.as_ref().unwrap().text, "“b,” she said");
        let s = s.reduce(response(1, "“a,” he said"));
        assert_eq!(s.shown.as_ref().unwrap().id, 2);
    }

    #[test]
    fn a_stalled_worker_is_replaced_and_reported_without_the_text() {
        let s = Rc::new(AppState::default()).reduce(Action::Sent(7, "secret article".into()));
        let s = s.reduce(Action::Stalled(7));
        assert!(!s.busy());
        assert_eq!(s.worker_generation, 1);
        let n = s.notice.as_ref().unwrap();
        assert!(n.is_error);
        let report = n.report.as_ref().unwrap();
        assert!(report.contains("14 characters") && !report.contains("secret"));
        // A late "stalled" for an answered request changes nothing.
        let s2 = s.reduce(Action::Stalled(7));
        assert_eq!(s2.worker_generation, 1);
    }

    fn not_a_quote(text: &str, words: &str) -> Vec<Edit> {
        let at = text.find(words).unwrap();
        let range = saidwho_core::TextRange::new(at, at + words.len());
        vec![Edit::NotAQuote {
            quote: saidwho_core::corrections::Anchor::new(text, range),
        }]
    }

    #[test]
    fn corrections_apply_undo_redo_and_go_with_the_article() {
        let t = "“a b c,” he said. “d e f,” she said.";
        let s = Rc::new(AppState::default()).reduce(Action::Sent(1, t.into()));
        let s = s.reduce(response(1, t));
        assert_eq!(s.shown.as_ref().unwrap().analysis.quotes.len(), 2);
        let s = s.reduce(Action::Correct(not_a_quote(t, "“a b c,”")));
        let shown = s.shown.clone().unwrap();
        assert_eq!(shown.analysis.quotes.len(), 1);
        assert_eq!(
            shown.machine.quotes.len(),
            2,
            "the machine's analysis is kept"
        );
        let s = s.reduce(Action::Undo);
        assert_eq!(s.shown.as_ref().unwrap().analysis.quotes.len(), 2);
        assert_ne!(s.shown.as_ref(), Some(&shown), "views redraw");
        let s = s.reduce(Action::Redo);
        assert_eq!(s.shown.as_ref().unwrap().analysis.quotes.len(), 1);
        // A new analysis of the same text keeps them.
        let s = s.reduce(Action::Sent(2, t.into())).reduce(response(2, t));
        assert_eq!(s.shown.as_ref().unwrap().analysis.quotes.len(), 1);
        assert!(s.notice.is_none());
        // Another article drops them.
        let s = s.reduce(Action::Loaded);
        assert!(s.corrections.is_empty());
    }

    #[test]
    fn corrections_whose_words_changed_are_dropped_with_a_notice() {
        let t = "“a b c,” he said. “d e f,” she said.";
        let s = Rc::new(AppState::default()).reduce(Action::Sent(1, t.into()));
        let s = s.reduce(response(1, t));
        let s = s.reduce(Action::Correct(not_a_quote(t, "“a b c,”")));
        let edited = "“a b x,” he said. “d e f,” she said.";
        let s = s
            .reduce(Action::Sent(2, edited.into()))
            .reduce(response(2, edited));
        assert_eq!(s.shown.as_ref().unwrap().analysis.quotes.len(), 2);
        assert!(s.corrections.is_empty());
        let n = s.notice.as_ref().unwrap();
        assert!(!n.is_error);
        assert!(
            n.text
                .starts_with("1 of your corrections no longer applies")
                && n.text.contains("“a b c,”"),
            "{}",
            n.text
        );
    }

    #[test]
    fn clear_drops_pending_and_shown() {
        let s = Rc::new(AppState::default()).reduce(Action::Sent(1, "x".into()));
        let s = s.reduce(Action::Clear);
        assert!(!s.busy() && s.shown.is_none());
        let s = s.reduce(response(1, "x"));
        assert!(s.shown.is_none());
    }
}
