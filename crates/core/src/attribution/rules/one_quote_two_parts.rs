//! `one-quote-two-parts`: “A,” she said. “B.” — one quote in two parts.

use super::super::doc::Doc;
use super::super::{Attributed, QuoteKind};
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::OneQuoteTwoParts,
    stage: Stage::Continuation,
    doc: "A direct quote interrupted by its attribution is one quote, as annotators mark it: \
          “A,” she said. “B.” and “A,” she said, “B.” give one quote whose words are the two \
          marked parts (the attribution between them is not part of it), when the second part \
          has no cue of its own (or shares the first one's) and is by the same speaker in the \
          same paragraph.",
    cases: &[Case::quote(
        "“We will rebuild,” said Mayor Keiko Tanaka. “Every house, every school.”",
        "“We will rebuild,” … “Every house, every school.”",
        Some("said"),
        Some("Keiko Tanaka"),
    )],
};

/// Whether the quote `a` (found for a marked span) continues the previous
/// one: the same speaker with no cue of its own in the same paragraph, or
/// the same cue.
pub(crate) fn continues_previous(doc: &Doc, a: &Attributed, previous: &[Attributed]) -> bool {
    let Some(p) = previous.last() else {
        return false;
    };
    if a.quote.kind != QuoteKind::Direct || p.quote.kind != QuoteKind::Direct {
        return false;
    }
    if a.quote.cue.is_none() {
        p.mention.is_some()
            && a.mention == p.mention
            && doc.para_of[p.first_token] == doc.para_of[a.first_token]
    } else {
        p.quote.cue == a.quote.cue
    }
}
