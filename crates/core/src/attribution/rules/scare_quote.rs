//! `scare-quote`: the so-called ‘experts’ / a “fair” deal.

use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
use super::{Case, Rule, RuleId, Stage};

/// Fewest words in marked text with no attribution at all for it to be a quote.
const MIN_UNATTRIBUTED_WORDS: usize = 8;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ScareQuote,
    stage: Stage::NotAQuote,
    doc: "Marked text with no cue, no speaker and no quote before it to continue is a scare \
          quote or a term when it is short (fewer than eight words) or in single marks: \
          the “experts”, a ‘temporary’ measure.",
    cases: &[Case::no_quote(
        "The so-called “temporary” measures have now lasted for eleven years.",
        "temporary",
    )],
};

/// Whether unattributed marked text is a scare quote rather than speech.
pub(crate) fn is_scare_quote(doc: &Doc, span: &MarkedSpan) -> bool {
    let words = span.inner.map_or(0, |s| {
        s.indices()
            .filter(|&i| i < doc.len() && doc.is_word(i))
            .count()
    });
    let text = span.range.slice(doc.text);
    let single =
        text.starts_with(['‘', '‚', '‹']) || (text.starts_with('\'') && !text.starts_with("''"));
    words < MIN_UNATTRIBUTED_WORDS || single
}
