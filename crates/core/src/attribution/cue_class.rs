//! What kind of attribution a quote is: speech, a belief, a stance or
//! evidence — from its cue's lemma (`data/lexicon/cue_classes.tsv`) and, for
//! speech, from a source that is a document ("the survey says").

use serde::{Deserialize, Serialize};

use super::lexicon::{cue_class_of_word, is_document_word};
use super::Attributed;
use crate::span::TextRange;

/// What kind of attribution a quote is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Words someone said or wrote ("said", "told", "warned", "denied").
    #[default]
    Speech,
    /// What someone thinks or expects ("believes", "analysts expect").
    Belief,
    /// A position taken: praise, blame, demands, promises ("urged", "called
    /// for", "called it “a disaster”").
    Stance,
    /// What a document, study or inquiry shows ("the survey showed", "the
    /// report found").
    Evidence,
}

impl CueClass {
    /// The name used in exports and on the page.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Speech => "speech",
            Self::Belief => "belief",
            Self::Stance => "stance",
            Self::Evidence => "evidence",
        }
    }

    /// Whether the quote is a view or finding rather than speech (the page
    /// shows those only when asked).
    #[must_use]
    pub fn is_view(self) -> bool {
        self != Self::Speech
    }

    /// The class named by a lexicon entry ("belief", "stance", "evidence").
    pub(crate) fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "speech" => Self::Speech,
            "belief" => Self::Belief,
            "stance" => Self::Stance,
            "evidence" => Self::Evidence,
            _ => return None,
        })
    }
}

/// The class of a quote with cue `cue` and speaker phrase `speaker` in
/// `text`: the first cue word whose lemma is a belief, stance or evidence
/// verb decides; otherwise speech — or evidence when a document speaks.
#[must_use]
pub fn classify(text: &str, cue: Option<TextRange>, speaker: Option<TextRange>) -> CueClass {
    let from_cue = cue.and_then(|c| {
        c.slice(text)
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| !w.is_empty())
            .filter_map(|w| cue_class_of_word(&w.to_lowercase()))
            .find(|c| c.is_view())
    });
    match from_cue {
        Some(class) => class,
        None if speaker.is_some_and(|s| is_document(text, s)) => CueClass::Evidence,
        None => CueClass::Speech,
    }
}

/// Whether the last word of the phrase `s` names a document or study.
fn is_document(text: &str, s: TextRange) -> bool {
    s.slice(text)
        .rsplit(|ch: char| !ch.is_alphabetic())
        .find(|w| !w.is_empty())
        .is_some_and(|w| is_document_word(&w.to_lowercase()))
}

/// Sets the class of every quote.
pub(crate) fn classify_all(text: &str, quotes: &mut [Attributed]) {
    for a in quotes {
        a.quote.cue_class = classify(text, a.quote.cue, a.quote.speaker_mention);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written for these tests: one sentence per class, with the cue and the
    /// speaker phrase.
    const CASES: &[(&str, &str, &str, CueClass)] = &[
        (
            "“We will rebuild,” the mayor said.",
            "said",
            "the mayor",
            CueClass::Speech,
        ),
        (
            "She warned that prices would rise.",
            "warned",
            "She",
            CueClass::Speech,
        ),
        (
            "Analysts expect the bank to raise rates.",
            "expect",
            "Analysts",
            CueClass::Belief,
        ),
        (
            "He believes the plan will fail.",
            "believes",
            "He",
            CueClass::Belief,
        ),
        (
            "The union urged the council to act.",
            "urged",
            "The union",
            CueClass::Stance,
        ),
        (
            "Critics called the plan “a disaster”.",
            "called",
            "Critics",
            CueClass::Stance,
        ),
        (
            "The survey showed that most voters agree.",
            "showed",
            "The survey",
            CueClass::Evidence,
        ),
        (
            "The report says exports fell.",
            "says",
            "The report",
            CueClass::Evidence,
        ),
        (
            "According to the police, two men fled.",
            "According to",
            "the police",
            CueClass::Speech,
        ),
    ];

    #[test]
    fn each_class_from_its_cue_or_source() {
        for &(text, cue, speaker, want) in CASES {
            let at = |w: &str| {
                let s = text.find(w).unwrap();
                TextRange::new(s, s + w.len())
            };
            assert_eq!(
                classify(text, Some(at(cue)), Some(at(speaker))),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn no_cue_and_no_source_is_speech() {
        assert_eq!(classify("“Yes.”", None, None), CueClass::Speech);
    }
}
