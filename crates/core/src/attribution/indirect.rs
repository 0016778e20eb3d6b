//! The stage "indirect speech": reported speech outside quotation marks,
//! anywhere the quotes found so far do not already cover.

use std::collections::BTreeMap;

use super::doc::Doc;
use super::quoted::quote;
use super::rules::{
    according_to, asked_question, finding_that, first_of, reported_clause, Clause, Outcome,
};
use super::scan::{clause_end, is_title_case, mixed_end};
use super::{Attributed, QuoteKind};
use crate::span::{TextRange, TokenSpan};

/// Sentences longer than this (in tokens) are not searched for indirect
/// speech: they are lists, tables or text without punctuation.
const MAX_SENTENCE: usize = 400;

/// Fewest tokens in an indirect quote's content, less one.
const MIN_CONTENT_SPAN: usize = 3;

/// A word of a sentence where an indirect cue may be.
pub(crate) struct IndirectAt<'d, 'a> {
    pub doc: &'d Doc<'a>,
    /// The sentence's tokens.
    pub sentence: TokenSpan,
    /// The last token of the sentence's clause (its final punctuation excluded).
    pub end: usize,
    /// The word tried.
    pub here: usize,
    /// That word, lowercased.
    pub low: &'d str,
}

/// The rules of the stage, in precedence order (see `rules::RULES`).
const RULES: [fn(&IndirectAt) -> Outcome<Clause>; 4] =
    [according_to, asked_question, reported_clause, finding_that];

/// Adds the indirect quotes of every sentence to `out`.
pub(crate) fn indirect_quotes(doc: &Doc, out: &mut Vec<Attributed>) {
    // Ranges already quoted, by start (they never overlap).
    let mut taken: BTreeMap<usize, usize> = out
        .iter()
        .map(|a| (a.quote.range.start(), a.quote.range.end()))
        .collect();
    for s in 0..doc.sentences.len() {
        let Some(sentence) = doc.sentence_tokens(u32::try_from(s).unwrap_or(u32::MAX)) else {
            continue;
        };
        if sentence.count() > MAX_SENTENCE + 1 {
            continue;
        }
        for found in in_sentence(doc, sentence, &taken) {
            taken.insert(found.quote.range.start(), found.quote.range.end());
            out.push(found);
        }
    }
}

/// Whether `r` overlaps a range in `taken` (disjoint ranges keyed by start).
fn overlaps_taken(taken: &BTreeMap<usize, usize>, r: TextRange) -> bool {
    taken
        .range(..r.end())
        .next_back()
        .is_some_and(|(_, &end)| end > r.start())
}

/// The indirect quotes of a sentence, left to right.
fn in_sentence(doc: &Doc, sentence: TokenSpan, taken: &BTreeMap<usize, usize>) -> Vec<Attributed> {
    let mut found: Vec<Attributed> = Vec::new();
    let end = clause_end(doc, sentence.first()).min(sentence.last());
    let free = |first: usize, last: usize, found: &[Attributed]| {
        let r = doc.range(first, last);
        !overlaps_taken(taken, r) && !found.iter().any(|f| f.quote.range.overlaps(r))
    };
    // "CLAUSE, according to X.": the source closing the sentence reports
    // all of it, before any verb inside ("… pledged to support the
    // senator, according to Buchanan" is Buchanan's, not a pledge).
    if let Some(q) =
        trailing_according_to(doc, sentence, end).filter(|q| !overlaps_taken(taken, q.quote.range))
    {
        found.push(q);
        return found;
    }
    let mut c = sentence.first();
    while c <= end {
        let here = c;
        c += 1;
        if !doc.is_word(here) || doc.is_mark(here) {
            continue;
        }
        let at = IndirectAt {
            doc,
            sentence,
            end,
            here,
            low: doc.low(here),
        };
        let Some(clause) = first_of(RULES.iter().map(|rule| rule(&at))) else {
            continue;
        };
        let (content, cue) = (clause.content, clause.cue);
        let first = content.first().min(cue.first());
        if !free(first, content.last().max(cue.last()), &found) {
            continue;
        }
        if let Some((q, last)) = clause_quote(doc, sentence.last(), clause) {
            c = c.max(last + 1);
            found.push(q);
        }
    }
    found
}

/// The quote of "CLAUSE, according to X." closing the sentence, if any.
fn trailing_according_to(doc: &Doc, sentence: TokenSpan, end: usize) -> Option<Attributed> {
    let first = sentence.first();
    let c = (first + 2..end)
        .rev()
        .find(|&i| doc.low(i) == "according" && doc.is(i + 1, "to") && doc.is(i - 1, ","))?;
    let at = IndirectAt {
        doc,
        sentence,
        end,
        here: c,
        low: doc.low(c),
    };
    match according_to(&at) {
        Outcome::Found(clause) => clause_quote(doc, sentence.last(), clause).map(|(q, _)| q),
        _ => None,
    }
}

/// Most words after the verb of an attribution in parenthesis ("he said
/// on Tuesday in a statement").
const MAX_AFTER_CUE: usize = 6;

/// The quote for a reported clause in a sentence ending at token `b`: mixed
/// when it contains quoted words, none when what is quoted is a title
/// ("the theme “Strengthening …”") or the content is too short. With the
/// quote comes its last token.
fn clause_quote(doc: &Doc, b: usize, clause: Clause) -> Option<(Attributed, usize)> {
    let content = clause.content;
    let is_quote_mark = |i: usize| doc.is_mark(i) && !matches!(doc.s(i), "’" | "'");
    let marks: Vec<usize> = content.indices().filter(|&i| is_quote_mark(i)).collect();
    // Pairs are counted to the sentence end: the clause may stop before
    // the closing mark ("on CNN's “State of the Union.”").
    let pairs: Vec<usize> = (content.first()..=b.min(content.last() + 3))
        .filter(|&i| is_quote_mark(i))
        .collect();
    if pairs
        .windows(2)
        .any(|w| is_title_case(doc, w[0] + 1, w[1].saturating_sub(1)))
    {
        return None;
    }
    let content = match marks.last() {
        Some(&last) if last > content.first() => {
            content.with_last(mixed_end(doc, last, content.last()))
        }
        _ => content,
    };
    if content.count() <= MIN_CONTENT_SPAN {
        return None;
    }
    let kind = if marks.is_empty() {
        QuoteKind::Indirect
    } else {
        QuoteKind::Mixed
    };
    let range = doc.range_of(content);
    let (cue, mention) = (Some(clause.cue), clause.mention);
    let mut q = quote(doc, content.first(), kind, range, cue, mention, clause.rule);
    q.quote
        .interruptions
        .extend(parenthesis(doc, content, clause));
    Some((q, content.last()))
}

/// "All of this, he acknowledges, could be undone": an attribution between
/// commas inside its content interrupts it (the quote is in two parts).
fn parenthesis(doc: &Doc, content: TokenSpan, clause: Clause) -> Option<TextRange> {
    let speaker = clause.mention?.tokens;
    let (first, last) = (
        speaker.first().min(clause.cue.first()),
        speaker.last().max(clause.cue.last()),
    );
    if first <= content.first() || last >= content.last() {
        return None;
    }
    let open = (content.first()..first).rev().find(|&i| doc.is(i, ","))?;
    let close = (last + 1..content.last()).find(|&i| doc.is(i, ","))?;
    let words_between = |from: usize, to: usize| (from..to).filter(|&i| doc.is_word(i)).count();
    // Only the attribution between the commas ("he acknowledges", "said a
    // spokesman for the ministry").
    let only_attribution =
        words_between(open + 1, first) == 0 && words_between(last + 1, close) <= MAX_AFTER_CUE;
    // From the end of the word before the comma to the start of the word
    // after the next: each part is its words alone.
    only_attribution.then(|| {
        TextRange::new(
            doc.range_of(TokenSpan::one(open - 1)).end(),
            doc.range_of(TokenSpan::one(close + 1)).start(),
        )
    })
}
