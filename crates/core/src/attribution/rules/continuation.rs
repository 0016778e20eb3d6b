//! `continuation`: a quote with no attribution continues the previous speaker.

use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
use super::super::{Attributed, QuoteKind};
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Continuation,
    stage: Stage::Continuation,
    doc: "A quote with no attribution of its own, in the same paragraph as the previous \
          attributed direct quote or opening the next paragraph, is by the same speaker: \
          news continues a speaker's words across paragraphs without repeating the name. \
          (After a quote attributed after it, “A,” she said.¶“B.”, it joins that quote: \
          one-quote-two-parts.)",
    cases: &[Case::quote(
            "Olga Petrova, a union leader, said: “The factory will close in May.”\n\n“Four hundred families depend on it.”",
            "“Four hundred families depend on it.”",
            None,
            Some("Olga Petrova"),
        )],
};

/// The previous quote, when `span` continues its speaker.
pub(crate) fn continuation<'p>(
    doc: &Doc,
    span: &MarkedSpan,
    previous: &'p [Attributed],
) -> Option<&'p Attributed> {
    let prev = previous.last()?;
    let prev_para = doc.para_of[prev.first_token];
    let this_para = doc.para_of[span.first];
    let starts_para = doc
        .paragraph_tokens(this_para)
        .is_some_and(|p| p.first() == span.first);
    let same = prev_para == this_para;
    let next = this_para == prev_para + 1 && starts_para;
    (prev.mention.is_some() && prev.quote.kind == QuoteKind::Direct && (same || next))
        .then_some(prev)
}
