//! The reader's corrections: an overlay of edits on the machine's analysis.
//!
//! The machine's [`Analysis`] is never changed in place. Edits refer to the
//! text by [`Anchor`]s (a byte range and the words it held) and are applied
//! to each new analysis of the text by [`Corrections::apply`]: an edit whose
//! words moved follows them, one whose words are gone is dropped and
//! reported, so the reader can be told. Speaker edits refer to speakers by
//! name. Edits come in steps (one user action each) that undo and redo as a
//! whole.
//!
//! ```
//! use saidwho_core::{analyze, corrections::{Anchor, Corrections, Edit}};
//!
//! let text = "“We will rebuild,” said the mayor. “Every house.”";
//! let machine = analyze(text);
//! let mut c = Corrections::default();
//! let quote = Anchor::new(text, machine.quotes[0].range);
//! c.push(vec![Edit::Speaker { quote, name: "Keiko Tanaka".into(), role: Some("mayor".into()) }]);
//! let fixed = c.apply(text, &machine);
//! assert_eq!(fixed.analysis.speakers[0].name, "Keiko Tanaka");
//! assert!(fixed.analysis.quotes[0].edited.speaker);
//! assert!(fixed.dropped.is_empty());
//! ```

mod anchor;
mod apply;
mod gold;

use serde::{Deserialize, Serialize};

pub use anchor::Anchor;
pub(crate) use apply::words_in;
pub use apply::Corrected;
pub use gold::{compare, gold_record, Comparison, GoldAttribution, GoldRecord, Prf, Track};

use crate::analysis::Analysis;

/// One change the reader made. (Serialised with every field and an
/// external tag, so that compact binary formats such as bincode, which the
/// page uses for storage and links, can hold it.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Edit {
    /// The quote at `quote` was said by `name` (an existing speaker or a new
    /// one, with an optional role).
    Speaker {
        /// The quote's words.
        quote: Anchor,
        /// Who said it.
        name: String,
        /// Their role, for a new speaker.
        role: Option<String>,
    },
    /// The quote at `quote` is not a quote.
    NotAQuote {
        /// The quote's words.
        quote: Anchor,
    },
    /// The words at `span` are a quote, said by `speaker` when given.
    AddQuote {
        /// The quote's words.
        span: Anchor,
        /// Who said it.
        speaker: Option<String>,
    },
    /// The quote at `quote` covers `to` instead.
    Extent {
        /// The quote's words before the change.
        quote: Anchor,
        /// Its words after it.
        to: Anchor,
    },
    /// The speaker `from` is the same source as `into`.
    Merge {
        /// The speaker whose quotes move.
        from: String,
        /// The speaker who keeps them all.
        into: String,
    },
    /// The speaker `speaker` is (or is not) an anonymous source.
    Anonymous {
        /// The speaker's name.
        speaker: String,
        /// Anonymous (true) or named (false).
        anonymous: bool,
    },
    /// The speaker's role and organisation (empty: none).
    Details {
        /// The speaker's name.
        speaker: String,
        /// Role or title.
        role: Option<String>,
        /// Organisation.
        organization: Option<String>,
    },
}

impl Edit {
    /// A short description for notices: "the speaker of “We will …”".
    #[must_use]
    pub fn describe(&self) -> String {
        let words = |a: &Anchor| a.excerpt(40);
        match self {
            Self::Speaker { quote, .. } => format!("the speaker of {}", words(quote)),
            Self::NotAQuote { quote } => format!("“not a quote” on {}", words(quote)),
            Self::AddQuote { span, .. } => format!("the quote {} you added", words(span)),
            Self::Extent { quote, .. } => format!("the new extent of {}", words(quote)),
            Self::Merge { from, into } => format!("the merge of {from} into {into}"),
            Self::Anonymous { speaker, .. } => format!("“anonymous” on {speaker}"),
            Self::Details { speaker, .. } => format!("the role of {speaker}"),
        }
    }
}

/// The reader's edits, in the order made, as undoable steps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// Steps in force, oldest first.
    pub steps: Vec<Vec<Edit>>,
    /// Steps undone, most recently undone last (cleared by a new step).
    pub undone: Vec<Vec<Edit>>,
}

impl Corrections {
    /// Whether there is no edit in force.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.steps.iter().all(Vec::is_empty)
    }

    /// Number of edits in force.
    #[must_use]
    pub fn len(&self) -> usize {
        self.steps.iter().map(Vec::len).sum()
    }

    /// Adds a step (one user action); nothing happens for an empty one.
    pub fn push(&mut self, step: Vec<Edit>) {
        if !step.is_empty() {
            self.steps.push(step);
            self.undone.clear();
        }
    }

    /// Takes back the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.steps.pop().map(|s| self.undone.push(s)).is_some()
    }

    /// Makes the last undone step again; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.undone.pop().map(|s| self.steps.push(s)).is_some()
    }

    /// The edits in force, oldest first.
    pub fn edits(&self) -> impl Iterator<Item = &Edit> {
        self.steps.iter().flatten()
    }

    /// `machine` (the analysis of `text`) with the edits applied; see
    /// [`Corrected`].
    #[must_use]
    pub fn apply(&self, text: &str, machine: &Analysis) -> Corrected {
        apply::apply(self, text, machine)
    }

    /// As JSON (for storage and links).
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From [`Corrections::to_json`]'s output.
    ///
    /// # Errors
    /// When `json` is not a list of edits saidwho wrote.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Anchor {
        Anchor::new("ab", crate::TextRange::new(0, 1))
    }

    #[test]
    fn undo_and_redo_move_whole_steps() {
        let mut c = Corrections::default();
        c.push(vec![Edit::NotAQuote { quote: anchor() }]);
        c.push(vec![
            Edit::Speaker {
                quote: anchor(),
                name: "A".into(),
                role: None,
            },
            Edit::NotAQuote { quote: anchor() },
        ]);
        assert_eq!(c.len(), 3);
        assert!(c.undo());
        assert_eq!(c.len(), 1);
        assert!(c.redo() && !c.redo());
        assert_eq!(c.len(), 3);
        assert!(c.undo() && c.undo() && !c.undo());
        assert!(c.is_empty());
        c.redo();
        c.push(vec![Edit::NotAQuote { quote: anchor() }]);
        assert!(!c.redo(), "a new step clears what was undone");
    }

    #[test]
    fn json_round_trip() {
        let mut c = Corrections::default();
        c.push(vec![Edit::Merge {
            from: "he".into(),
            into: "Ann Lee".into(),
        }]);
        c.push(vec![Edit::AddQuote {
            span: anchor(),
            speaker: Some("Ann".into()),
        }]);
        c.undo();
        let json = c.to_json();
        assert!(json.contains(r#"{"merge":{"from":"he""#), "{json}");
        assert_eq!(Corrections::from_json(&json).unwrap(), c);
        assert!(Corrections::from_json("{\"steps\":[[{\"edit\":\"x\"}]]}").is_err());
    }
}
