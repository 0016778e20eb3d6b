//! `stray-closing-mark`: a quote whose opening mark is missing.

use super::super::after_close::after_attribution;
use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::StrayClosingMark,
    stage: Stage::Marks,
    doc: "A closing mark with no opening mark (a paste that lost it, a typo) starts the quote \
          at the paragraph start, when at least four words come before it, it is not inside \
          another quote, and an attribution follows it (so a stray apostrophe-like mark in \
          running text is not a quote).",
    cases: &[Case::quote(
        "The road will be finished before the rains,” said Joseph Kamau, an engineer.",
        "The road will be finished before the rains,”",
        Some("said"),
        Some("Joseph Kamau"),
    )],
};

/// The marked span a stray closing mark at byte `at` closes, if it is a quote.
pub(crate) fn stray_closing_mark(
    doc: &Doc,
    at: usize,
    marked: &[MarkedSpan],
) -> Option<MarkedSpan> {
    let close = doc.token_at(at);
    let p0 = doc.paragraph_tokens(doc.para_of[close])?.first();
    let words = (p0..close).filter(|&i| doc.is_word(i)).count();
    let inside_marked = marked
        .iter()
        .any(|m| m.range.start() <= at && at < m.range.end());
    (words >= 4 && !inside_marked && after_attribution(doc, close, true).is_some())
        .then(|| MarkedSpan::new(doc, doc.range(p0, close), None, p0, close))
}
