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
          one-quote-two-parts.) A long quote with no speaker that opens a sentence right \
          after a reported clause is that clause's speaker's (“The pollster argued in an \
          essay that …¶“A win …””).",
    cases: &[
        Case::quote(
            "The pollster argued in an essay that the delegates would reconsider their choice.\n\n“A win in California would show how weak the front-runner is in a general election.”",
            "“A win in California would show how weak the front-runner is in a general election.”",
            None,
            Some("The pollster"),
        ),
        Case::quote(
            "Olga Petrova, a union leader, said: “The factory will close in May.”\n\n“Four hundred families depend on it.”",
            "“Four hundred families depend on it.”",
            None,
            Some("Olga Petrova"),
        ),
    ],
};

/// The previous quote, when `span` continues its speaker.
pub(crate) fn continuation<'p>(
    doc: &Doc,
    span: &MarkedSpan,
    previous: &'p [Attributed],
) -> Option<&'p Attributed> {
    let prev = previous.last()?;
    let prev_para = prev.end_paragraph(doc);
    let this_para = doc.para_of[span.first];
    let starts_para = doc
        .paragraph_tokens(this_para)
        .is_some_and(|p| p.first() == span.first);
    let same = prev_para == this_para;
    let next = this_para == prev_para + 1 && starts_para;
    (prev.mention.is_some() && prev.quote.kind == QuoteKind::Direct && (same || next))
        .then_some(prev)
}

/// A long quote with no speaker that opens a sentence right after a
/// reported clause (“The pollster argued in an essay that …¶“A win …””)
/// is by that clause's speaker: the writer reports, then quotes. The
/// reported clause must be the quote just before, found by a rule, in the
/// same or the previous paragraph (PolNeAR train: direct speaker accuracy
/// 88.65 -> 88.97).
pub(crate) fn continue_reported_speaker(doc: &Doc, quotes: &mut [Attributed]) {
    for k in 1..quotes.len() {
        let (before, rest) = quotes.split_at_mut(k);
        let (prev, a) = (&before[k - 1], &mut rest[0]);
        if a.quote.found_by != RuleId::UnattributedLong || a.mention.is_some() {
            continue;
        }
        let reported = matches!(prev.quote.kind, QuoteKind::Indirect | QuoteKind::Mixed)
            && prev.quote.found_by != RuleId::LearnedClause;
        let Some(m) = prev.mention else {
            continue;
        };
        let open = a.first_token;
        let opens_sentence =
            open == 0 || doc.is_terminal(open - 1) || !doc.same_paragraph(open - 1, open);
        let near = doc.para_of[open] <= doc.para_of[prev.first_token] + 1;
        if reported && opens_sentence && near {
            a.mention = Some(m);
            a.quote.speaker_mention = prev.quote.speaker_mention;
            a.quote.found_by = RuleId::Continuation;
        }
    }
}
