//! The attribution rules, one file each with its documentation and its
//! cases (real news sentences that must, or must not, give a quote).
//!
//! [`RULES`] lists every rule in precedence order within its [`Stage`]; the
//! engine (`attribution/mod.rs`) runs the stages in the order of
//! [`Stage::ALL`], and every quote records the [`RuleId`] that found it.
//! Adding a pattern = one file here and one line in [`RULES`] (and a
//! variant of [`RuleId`]). `docs/rules.md` is generated from this registry
//! (`cargo xtask rules-doc`) and checked by the tests.

use serde::{Deserialize, Serialize};

use super::phrases::Mention;
use crate::span::TokenSpan;

mod according_to;
mod asked_question;
mod colon_introduction;
mod continuation;
mod cue_before_quote;
mod cue_fragment_mixed;
mod cue_then_speaker;
mod dash_after_quote;
mod docs;
mod finding_that;
mod mixed_clause;
mod name_after_quote;
mod named_work;
mod one_quote_two_parts;
mod previous_sentence;
mod relative_clause;
mod reported_clause;
mod scare_quote;
mod second_cue;
mod speaker_then_cue;
mod stray_closing_mark;
mod subject_before;
mod subject_of_sentence;
mod title_in_marks;
mod unattributed_long;

pub(crate) use according_to::according_to;
pub(crate) use asked_question::asked_question;
pub(crate) use colon_introduction::colon_introduction;
pub(crate) use continuation::{continuation, continue_reported_speaker};
pub(crate) use cue_before_quote::cue_before_quote;
pub(crate) use cue_fragment_mixed::cue_fragment_mixed;
pub(crate) use cue_then_speaker::cue_then_speaker;
pub(crate) use dash_after_quote::dash_after_quote;
pub use docs::rules_markdown;
pub(crate) use finding_that::finding_that;
pub(crate) use mixed_clause::mixed_clause;
pub(crate) use name_after_quote::name_after_quote;
pub(crate) use named_work::is_named_work;
pub(crate) use one_quote_two_parts::{continues_previous, resumes_after_attribution};
pub(crate) use previous_sentence::previous_sentence;
pub(crate) use relative_clause::relative_clause;
pub(crate) use reported_clause::reported_clause;
pub(crate) use scare_quote::is_scare_quote;
pub(crate) use second_cue::second_cue;
pub(crate) use speaker_then_cue::speaker_then_cue;
pub(crate) use stray_closing_mark::stray_closing_mark;
pub(crate) use subject_before::subject_before;
pub(crate) use subject_of_sentence::subject_of_sentence;
pub(crate) use title_in_marks::{is_title_cased_in_marks, is_title_in_marks};

/// Where in the engine a rule applies, in the order the engine tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Which marked spans are quotes at all.
    Marks,
    /// An attribution right after the closing quotation mark.
    AfterClose,
    /// An attribution right before the opening quotation mark.
    BeforeOpen,
    /// Marked words that are not speech: titles, names of works, scare quotes.
    NotAQuote,
    /// Quoted words inside a reported clause: the whole clause is the quote.
    Mixed,
    /// A quote with no attribution of its own: the previous speaker's, or none.
    Continuation,
    /// Reported speech without quotation marks.
    Indirect,
}

impl Stage {
    /// Every stage, in the order the engine runs them.
    pub const ALL: [Stage; 7] = [
        Stage::Marks,
        Stage::AfterClose,
        Stage::BeforeOpen,
        Stage::NotAQuote,
        Stage::Mixed,
        Stage::Continuation,
        Stage::Indirect,
    ];

    /// A heading for the stage.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Stage::Marks => "Quotation marks",
            Stage::AfterClose => "Attribution after the closing mark",
            Stage::BeforeOpen => "Attribution before the opening mark",
            Stage::NotAQuote => "Marked words that are not quotes",
            Stage::Mixed => "Mixed quotes",
            Stage::Continuation => "Continuation",
            Stage::Indirect => "Indirect speech",
        }
    }
}

/// The rule that found a quote (its provenance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)] // each variant is documented by its rule's file
pub enum RuleId {
    StrayClosingMark,
    DashAfterQuote,
    CueThenSpeaker,
    SpeakerThenCue,
    NameAfterQuote,
    CueBeforeQuote,
    ColonIntroduction,
    TitleInMarks,
    NamedWork,
    ScareQuote,
    CueFragmentMixed,
    MixedClause,
    SecondCue,
    OneQuoteTwoParts,
    Continuation,
    PreviousSentence,
    SubjectBefore,
    SubjectOfSentence,
    UnattributedLong,
    RelativeClause,
    AccordingTo,
    AskedQuestion,
    ReportedClause,
    FindingThat,
    /// Not a rule: the learned tagger of reported speech (see
    /// `attribution::learned`), where no rule found a quote.
    LearnedClause,
    /// Not a rule: a quote the reader marked by hand (a correction, see
    /// [`crate::corrections`]).
    Reader,
}

impl RuleId {
    /// The rule's id as written in exports and docs ("cue-then-speaker").
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StrayClosingMark => "stray-closing-mark",
            Self::DashAfterQuote => "dash-after-quote",
            Self::CueThenSpeaker => "cue-then-speaker",
            Self::SpeakerThenCue => "speaker-then-cue",
            Self::NameAfterQuote => "name-after-quote",
            Self::CueBeforeQuote => "cue-before-quote",
            Self::ColonIntroduction => "colon-introduction",
            Self::TitleInMarks => "title-in-marks",
            Self::NamedWork => "named-work",
            Self::ScareQuote => "scare-quote",
            Self::CueFragmentMixed => "cue-fragment-mixed",
            Self::MixedClause => "mixed-clause",
            Self::SecondCue => "second-cue",
            Self::OneQuoteTwoParts => "one-quote-two-parts",
            Self::Continuation => "continuation",
            Self::PreviousSentence => "previous-sentence",
            Self::SubjectBefore => "subject-before",
            Self::SubjectOfSentence => "subject-of-sentence",
            Self::UnattributedLong => "unattributed-long",
            Self::RelativeClause => "relative-clause",
            Self::AccordingTo => "according-to",
            Self::AskedQuestion => "asked-question",
            Self::ReportedClause => "reported-clause",
            Self::FindingThat => "finding-that",
            Self::LearnedClause => "learned-clause",
            Self::Reader => "reader",
        }
    }

    /// A short phrase for people: "reporting verb right after the quote".
    /// (Here rather than in the rule's file, so that the page, which shows
    /// it, does not carry every rule's documentation and cases.)
    #[must_use]
    pub fn summary(self) -> &'static str {
        match self {
            Self::StrayClosingMark => "closing mark without an opening one",
            Self::DashAfterQuote => "a dash and a name after the quote",
            Self::CueThenSpeaker => "reporting verb right after the quote",
            Self::SpeakerThenCue => "speaker and reporting verb after the quote",
            Self::NameAfterQuote => "a name (and role) after the quote, no verb",
            Self::CueBeforeQuote => "speaker and reporting verb before the quote",
            Self::ColonIntroduction => "a sentence introducing the quote with a colon",
            Self::TitleInMarks => "a title or a name in quotation marks",
            Self::NamedWork => "the name of a show, book or speech in marks",
            Self::ScareQuote => "short or single-marked words with no speaker",
            Self::CueFragmentMixed => "a short quoted fragment right after its verb",
            Self::MixedClause => "quoted words inside a reported clause",
            Self::SecondCue => "a second reporting verb between two quoted parts",
            Self::OneQuoteTwoParts => "two quoted parts around one attribution",
            Self::Continuation => "continues the previous speaker",
            Self::PreviousSentence => "attribution ending the sentence before",
            Self::SubjectBefore => "the subject of the short sentence before",
            Self::SubjectOfSentence => "the subject of the sentence the quote ends",
            Self::UnattributedLong => "long quoted speech, speaker not found",
            Self::RelativeClause => "reported speech in a “who said” clause after an attribution",
            Self::AccordingTo => "“according to” and a source",
            Self::AskedQuestion => "the question in “Asked whether …,” (no one named as asking)",
            Self::ReportedClause => "a clause reported by a speech verb",
            Self::FindingThat => "a finding or belief reported with “that”",
            Self::LearnedClause => "reported speech found by the trained model",
            Self::Reader => "marked as a quote by the reader",
        }
    }
}

/// A rule: its id, stage, documentation and cases.
#[derive(Debug)]
pub struct Rule {
    /// Its id (with its name and summary, [`RuleId::as_str`], [`RuleId::summary`]).
    pub id: RuleId,
    /// Where it applies.
    pub stage: Stage,
    /// What it matches, what it must not match, and why.
    pub doc: &'static str,
    /// Sentences it must, and must not, give a quote for.
    pub cases: &'static [Case],
}

/// A sentence and what the engine must make of it.
#[derive(Debug)]
pub struct Case {
    /// The text analysed.
    pub text: &'static str,
    /// What it must give.
    pub expect: Expect,
}

impl Case {
    /// A sentence that must give the quote `content`, with this cue and
    /// speaker, found by the rule the case belongs to.
    #[must_use]
    pub const fn quote(
        text: &'static str,
        content: &'static str,
        cue: Option<&'static str>,
        speaker: Option<&'static str>,
    ) -> Self {
        Self {
            text,
            expect: Expect::Quote {
                content,
                cue,
                speaker,
            },
        }
    }

    /// A sentence where no quote may cover `words`.
    #[must_use]
    pub const fn no_quote(text: &'static str, words: &'static str) -> Self {
        Self {
            text,
            expect: Expect::NoQuote { words },
        }
    }
}

/// What a [`Case`] must give.
#[derive(Debug)]
pub enum Expect {
    /// A quote with exactly this content, found by the case's rule, with
    /// this cue and speaker (`None`: none).
    Quote {
        /// The quote's text.
        content: &'static str,
        /// The cue's text.
        cue: Option<&'static str>,
        /// The resolved speaker's name.
        speaker: Option<&'static str>,
    },
    /// No quote overlaps these words.
    NoQuote {
        /// Words that are not (part of) a quote.
        words: &'static str,
    },
}

/// Every rule, in precedence order within its stage; stages in the order
/// of [`Stage::ALL`].
pub const RULES: &[&Rule] = &[
    &stray_closing_mark::RULE,
    &dash_after_quote::RULE,
    &cue_then_speaker::RULE,
    &speaker_then_cue::RULE,
    &name_after_quote::RULE,
    &cue_before_quote::RULE,
    &colon_introduction::RULE,
    &title_in_marks::RULE,
    &named_work::RULE,
    &scare_quote::RULE,
    &cue_fragment_mixed::RULE,
    &mixed_clause::RULE,
    &second_cue::RULE,
    &one_quote_two_parts::RULE,
    &continuation::RULE,
    &previous_sentence::RULE,
    &subject_before::RULE,
    &subject_of_sentence::RULE,
    &unattributed_long::RULE,
    &relative_clause::RULE,
    &according_to::RULE,
    &asked_question::RULE,
    &reported_clause::RULE,
    &finding_that::RULE,
];

/// An attribution found next to quotation marks: the cue's first and last
/// token (if any), the speaker (if found), the last token of a longer
/// reported clause that the quote opens ("“…” to drive up the price, she
/// said"), and the rule that found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub cue: Option<TokenSpan>,
    pub mention: Option<Mention>,
    pub extend_to: Option<usize>,
    pub rule: RuleId,
}

impl Found {
    pub(crate) fn new(rule: RuleId, cue: Option<TokenSpan>, mention: Option<Mention>) -> Self {
        Self {
            cue,
            mention,
            extend_to: None,
            rule,
        }
    }
}

/// A reported clause: its content tokens, cue tokens and speaker.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clause {
    pub content: TokenSpan,
    pub cue: TokenSpan,
    /// Who the text says spoke; `None` when it names no one ("Asked why
    /// …, the mayor said": nobody is named as the asker).
    pub mention: Option<Mention>,
    pub rule: RuleId,
}

impl Clause {
    pub(crate) fn new(rule: RuleId, content: TokenSpan, cue: TokenSpan, mention: Mention) -> Self {
        Self {
            content,
            cue,
            mention: Some(mention),
            rule,
        }
    }

    /// A clause whose speaker the text does not name.
    pub(crate) fn without_speaker(rule: RuleId, content: TokenSpan, cue: TokenSpan) -> Self {
        Self {
            content,
            cue,
            mention: None,
            rule,
        }
    }
}

/// What a rule made of the place it was tried at.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome<T> {
    /// Not its pattern: the next rule of the stage is tried.
    Skip,
    /// Its pattern, but no quote: the stage stops here.
    Stop,
    /// Its pattern and a result.
    Found(T),
}

impl<T> Outcome<T> {
    /// `Found` for `Some`, `Stop` for `None`.
    pub(crate) fn stop_unless(v: Option<T>) -> Self {
        v.map_or(Outcome::Stop, Outcome::Found)
    }
}

/// The first outcome that is not a skip (outcomes are computed lazily, so
/// rules after it are never tried).
pub(crate) fn first_of<T>(outcomes: impl IntoIterator<Item = Outcome<T>>) -> Option<T> {
    for outcome in outcomes {
        match outcome {
            Outcome::Skip => continue,
            Outcome::Stop => return None,
            Outcome::Found(t) => return Some(t),
        }
    }
    None
}

#[cfg(test)]
mod tests;
