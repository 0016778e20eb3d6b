//! `one-quote-two-parts`: “A,” she said. “B.” — one quote in two parts.

use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
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
          same paragraph. The attribution may say more before the sentence resumes (“A,” X \
          said during a rally in Ohio, “b …”; “A,” he said, but “b …”): when the first part \
          ends with a comma and the second opens in lowercase after a comma, the sentence \
          goes on in the speaker's words, not in a reported clause. A quote with no \
          attribution opening the next paragraph continues one attributed after it \
          (“A,” he said.¶“B.”).",
    cases: &[
        Case::quote(
            "“We will rebuild,” said Mayor Keiko Tanaka. “Every house, every school.”",
            "“We will rebuild,” … “Every house, every school.”",
            Some("said"),
            Some("Keiko Tanaka"),
        ),
        // A short capitalised sentence in marks after a speaker is speech,
        // not a title (typewriter marks too).
        Case::quote(
            "''We are not a burden on this country,'' the president added. ''We're America.''",
            "''We are not a burden on this country,'' … ''We're America.''",
            Some("added"),
            Some("the president"),
        ),
        Case::quote(
            "“The river has never been this low,” said Ines Duarte, a farmer.\n\n“We lost half the maize.”",
            "“The river has never been this low,” … “We lost half the maize.”",
            Some("said"),
            Some("Ines Duarte"),
        ),
        Case::quote(
            "“Every budget is a choice,” Okafor said during a town hall in Lagos, “and we chose the schools.”",
            "“Every budget is a choice,” … “and we chose the schools.”",
            Some("said"),
            Some("Okafor"),
        ),
        Case::quote(
            "Senator Lena Park spoke after the vote. \"I respect the judge,\" she said, but \"when it comes to bail, the court has gone too far.\"",
            "\"I respect the judge,\" … \"when it comes to bail, the court has gone too far.\"",
            Some("said"),
            Some("Lena Park"),
        ),
    ],
};

/// Most tokens between the two parts of an interrupted quote whose
/// attribution says more than who spoke ("Trump said during a rally in
/// Kenansville, N.C.,").
const MAX_INTERRUPTION: usize = 20;

/// The previous quote when the marked `span` resumes its sentence after an
/// attribution that says more than who spoke: the previous quote is direct,
/// attributed by a cue after it and ends with a comma inside its marks; the
/// words between hold its cue and no quotation mark and end with a comma
/// (or ", but"/", and"); `span` opens in lowercase.
pub(crate) fn resumes_after_attribution<'p>(
    doc: &Doc,
    span: &MarkedSpan,
    previous: &'p [Attributed],
) -> Option<&'p Attributed> {
    let prev = previous.last()?;
    let (open, inner) = (span.open?, span.inner?);
    let cue = prev.quote.cue?;
    if prev.quote.kind != QuoteKind::Direct || prev.mention.is_none() {
        return None;
    }
    let close = doc.token_at(prev.quote.range.end()).checked_sub(1)?;
    let resumes = doc.is_word(inner.first()) && !doc.is_cap(inner.first());
    let mut before = open.checked_sub(1)?;
    if matches!(doc.low(before), "but" | "and") {
        before = before.checked_sub(1)?;
    }
    let gap_ok = close < before
        && before - close <= MAX_INTERRUPTION
        && doc.is(before, ",")
        && doc.is(close.checked_sub(1)?, ",")
        && cue.start() > prev.quote.range.end()
        && doc.token_at(cue.start()) < before
        && !(close + 1..open).any(|i| doc.is_mark(i));
    (resumes && gap_ok && doc.same_paragraph(close, open)).then_some(prev)
}

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
    let p_para = p.end_paragraph(doc);
    if a.quote.cue.is_none() {
        // “A,” he said.¶“B.”: after an attribution that follows its quote,
        // the speaker goes on in the next paragraph (PolNeAR train, such
        // pairs: 32 one quote, 12 two; after “X said: “A.”” not).
        let attributed_after = matches!(
            p.quote.found_by,
            RuleId::SpeakerThenCue | RuleId::CueThenSpeaker | RuleId::OneQuoteTwoParts
        );
        let next_para = attributed_after
            && a.quote.found_by == RuleId::Continuation
            && doc.para_of[a.first_token] == p_para + 1;
        // “A” and “B” in one sentence by its subject: two quotes.
        let own_sentence = p.quote.found_by == RuleId::SubjectOfSentence;
        p.mention.is_some()
            && !own_sentence
            && a.mention == p.mention
            && (p_para == doc.para_of[a.first_token] || next_para)
    } else {
        p.quote.cue == a.quote.cue
    }
}
