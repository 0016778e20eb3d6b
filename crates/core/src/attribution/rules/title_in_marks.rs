//! `title-in-marks`: “The Grapes of Wrath”, “Strengthening Cooperation”.

use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
use super::super::scan::{is_title_case, looks_like_title};
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::TitleInMarks,
    stage: Stage::NotAQuote,
    doc: "Marked words that are a title, a slogan or the name of a meeting are not speech: \
          mostly Capitalised words with no sentence punctuation, or three words or fewer. \
          Checked when no cue was found for the marks (a cue makes even a short one a quote: \
          “No,” she said).",
    cases: &[
        Case::no_quote(
            "Ministers met under the theme “Strengthening Regional Cooperation Against Trafficking” in Vientiane.",
            "Strengthening Regional",
        ),
        // A doubled typewriter mark is one mark, and a final stop belongs to
        // the sentence.
        Case::no_quote(
            "Her second book, ''Rivers of Salt: How One Town Learned to Live Again,'' came out in May.",
            "Rivers of Salt",
        ),
    ],
};

/// Whether the marked words are short or Title Cased (a title, when no
/// cue speaks for them).
pub(crate) fn is_title_in_marks(doc: &Doc, span: &MarkedSpan) -> bool {
    span.inner
        .is_none_or(|s| looks_like_title(doc, s.first(), s.last()))
}

/// Whether the marked words are Title Cased (a title even with a speaker
/// nearby, when nothing else attributes them).
pub(crate) fn is_title_cased_in_marks(doc: &Doc, span: &MarkedSpan) -> bool {
    span.inner
        .is_none_or(|s| is_title_case(doc, s.first(), s.last()))
}
