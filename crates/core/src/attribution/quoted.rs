//! Text in quotation marks: each marked span is tried against the rules of
//! the stages in order — attribution after the closing mark, before the
//! opening mark, not-a-quote, mixed, continuation — and becomes a quote, the
//! continuation of the previous quote, or nothing.

use super::after_close::after_attribution;
use super::doc::Doc;
use super::lexicon::{is_cue_verb, is_indirect_cue};
use super::phrases::Mention;
use super::rules::{
    colon_introduction, continuation, continues_previous, cue_before_quote, cue_fragment_mixed,
    is_named_work, is_scare_quote, is_title_cased_in_marks, is_title_in_marks, mixed_clause,
    previous_sentence, resumes_after_attribution, second_cue, subject_before, subject_of_sentence,
    Found, RuleId,
};
use super::scan::{clause_end, mixed_end};
use super::{Attributed, Quote, QuoteKind};
use crate::span::{TextRange, TokenSpan};

/// Text between quotation marks, in tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MarkedSpan {
    /// The whole span, marks included.
    pub range: TextRange,
    /// Its first token.
    pub first: usize,
    /// The opening mark's token (none when the mark is missing).
    pub open: Option<usize>,
    /// The closing mark's token.
    pub close: usize,
    /// First and last token between the marks.
    pub inner: Option<TokenSpan>,
}

impl MarkedSpan {
    /// The span `range` from token `first` (the opening mark's, if any) to
    /// the closing mark at token `close`. A doubled typewriter mark (''…''
    /// or ``…'', two tokens) is one mark: its second half is not inside.
    pub(crate) fn new(
        doc: &Doc,
        range: TextRange,
        open: Option<usize>,
        first: usize,
        close: usize,
    ) -> Self {
        let mut a = open.map_or(first, |o| o + 1);
        let mut b = close.saturating_sub(1);
        if open.is_some() && a < b && doubled_mark(doc, a - 1, a) {
            a += 1;
        }
        if b > a && doubled_mark(doc, b, close) {
            b -= 1;
        }
        Self {
            range,
            first,
            open,
            close,
            inner: TokenSpan::try_new(a, b),
        }
    }
}

/// Whether tokens `i` and `j` (= `i + 1`) are the two halves of one
/// typewriter mark: the same ' or ` twice, with nothing between.
fn doubled_mark(doc: &Doc, i: usize, j: usize) -> bool {
    matches!(doc.s(i), "'" | "`")
        && doc.s(i) == doc.s(j)
        && doc.toks[i].range.end() == doc.toks[j].range.start()
}

/// What a marked span turned out to be.
pub(crate) enum Marked {
    /// A quote of its own.
    Quote(Box<Attributed>),
    /// The continuation of the previous quote (one quote in two parts).
    Continues,
    /// A title, a scare quote or a name: not speech.
    NotAQuote,
}

/// Decides what the marked `span` is, given the quotes found before it.
pub(crate) fn attribute_marked(doc: &Doc, span: MarkedSpan, previous: &[Attributed]) -> Marked {
    let second = second_cue(doc, span.first, previous);
    let result = marked_quote(doc, span, previous);
    if let (Some(a), Some((c, p))) = (result.clone(), second) {
        let same_speaker = a.mention.is_none() || a.mention == p.mention;
        if same_speaker && p.mention.is_some() && a.quote.kind == QuoteKind::Direct {
            return Marked::Quote(Box::new(with_second_cue(doc, span, a, c, p)));
        }
    }
    match result {
        Some(a) if continues_previous(doc, &a, previous) => Marked::Continues,
        Some(a) => Marked::Quote(Box::new(a)),
        None => Marked::NotAQuote,
    }
}

/// The quote `a` re-attributed to the previous quote `p`'s speaker through
/// the second cue at token `c` (mixed from after "that" when it follows).
fn with_second_cue(
    doc: &Doc,
    span: MarkedSpan,
    mut a: Attributed,
    c: usize,
    p: &Attributed,
) -> Attributed {
    a.quote.cue = Some(doc.range(c, c));
    a.quote.found_by = RuleId::SecondCue;
    a.mention = p.mention;
    a.quote.speaker_mention = p.quote.speaker_mention;
    if doc.is(c + 1, "that") && c + 2 < span.first {
        a.quote.kind = QuoteKind::Mixed;
        a.quote.range = TextRange::new(doc.toks[c + 2].range.start(), span.range.end());
        a.first_token = c + 2;
    }
    a
}

/// A quote for the marked span, attributed or not, or none.
fn marked_quote(doc: &Doc, span: MarkedSpan, previous: &[Attributed]) -> Option<Attributed> {
    match find_attribution(doc, &span) {
        Some(found) => attributed_quote(doc, &span, &found),
        None => unattributed_quote(doc, &span, previous),
    }
}

/// The attribution of the marked span: after the closing mark, else before
/// the opening mark (which also wins over a cue after it with no speaker),
/// else a colon introduction.
fn find_attribution(doc: &Doc, span: &MarkedSpan) -> Option<Found> {
    let ends_with_comma = span
        .inner
        .is_some_and(|s| matches!(doc.s(s.last()), "," | "—" | "–" | "-"));
    let before = || span.open.and_then(|o| cue_before_quote(doc, o));
    after_attribution(doc, span.close, ends_with_comma)
        .and_then(|f| {
            // "X said: “…”, adding that …": a speaker before beats none after.
            if f.mention.is_none() {
                before().or(Some(f))
            } else {
                Some(f)
            }
        })
        .or_else(before)
        .or_else(|| span.open.and_then(|o| colon_introduction(doc, o)))
}

/// The quote for a marked span with an attribution, unless it is a title.
fn attributed_quote(doc: &Doc, span: &MarkedSpan, found: &Found) -> Option<Attributed> {
    if span.open.is_some() && found.cue.is_none() && is_title_in_marks(doc, span) {
        return None;
    }
    if is_named_work(doc, span) {
        return None;
    }
    let rule = if span.open.is_none() {
        RuleId::StrayClosingMark
    } else {
        found.rule
    };
    let make =
        |kind, range, rule| quote(doc, span.first, kind, range, found.cue, found.mention, rule);
    if let Some(end) = found.extend_to.filter(|&e| e > span.close) {
        let end = mixed_end(doc, span.close, end);
        return Some(make(QuoteKind::Mixed, doc.range(span.first, end), rule));
    }
    if let Some(end) = cue_fragment_mixed(doc, span, found) {
        let o = span.open.unwrap_or(span.first);
        return Some(make(
            QuoteKind::Mixed,
            doc.range(o, end),
            RuleId::CueFragmentMixed,
        ));
    }
    if let Some(start) = clause_before_fragment(doc, span, found) {
        return Some(make(QuoteKind::Mixed, doc.range(start, span.close), rule));
    }
    Some(make(QuoteKind::Direct, span.range, rule))
}

/// "The bill's failure was “heartbreaking,” X said.": quoted words that
/// end a clause begun earlier in their sentence, attributed after them,
/// are a mixed quote from the clause's start (after an opening "that").
/// Not when a quotation mark or a reporting verb comes before them in the
/// sentence (another attribution), nor after a colon, and only after two
/// words or more. (PolNeAR train:
/// direct F1 86.50 -> 86.70, end to end 77.96 -> 78.13.)
fn clause_before_fragment(doc: &Doc, span: &MarkedSpan, found: &Found) -> Option<usize> {
    let open = span.open?;
    if !matches!(found.rule, RuleId::SpeakerThenCue | RuleId::CueThenSpeaker) || open == 0 {
        return None;
    }
    let start = doc.sentence_bounds(open).first();
    if start >= open || !doc.same_paragraph(start, open) {
        return None;
    }
    let clean = (start..open).all(|i| {
        !doc.is_mark(i)
            && !doc.is(i, ":")
            && !is_cue_verb(doc.low(i))
            && !is_indirect_cue(doc.low(i))
    });
    let words = (start..open).filter(|&i| doc.is_word(i)).count();
    (clean && words >= 2).then_some(start)
}

/// “A,” the president added. “We're America.”: a short capitalised quote
/// that is a sentence of its own, right after a quote with a speaker in
/// the same paragraph, goes on with that speaker's words; it is no title.
fn sentence_after_speaker(doc: &Doc, span: &MarkedSpan, previous: &[Attributed]) -> bool {
    let Some(open) = span.open.filter(|&o| o > 0 && doc.is_terminal(o - 1)) else {
        return false;
    };
    let ends_sentence = span.inner.is_some_and(|s| doc.is_terminal(s.last()));
    ends_sentence
        && continuation(doc, span, previous)
            .is_some_and(|p| p.end_paragraph(doc) == doc.para_of[open])
}

/// The quote for a marked span with no attribution of its own: mixed in a
/// reported clause, the previous speaker's, the speaker of the sentence
/// before, long speech with no speaker — or none (a title, a scare quote).
fn unattributed_quote(doc: &Doc, span: &MarkedSpan, previous: &[Attributed]) -> Option<Attributed> {
    let own_sentence = sentence_after_speaker(doc, span, previous);
    if is_title_cased_in_marks(doc, span) && !own_sentence {
        return None;
    }
    let first = span.first;
    // “A,” X said during …, “b …”: the same quote resumes (and joins the
    // previous one, sharing its cue).
    if let Some(prev) = resumes_after_attribution(doc, span, previous) {
        let mut a = quote(
            doc,
            first,
            QuoteKind::Direct,
            span.range,
            prev.quote.cue.map(|c| doc.span_of(c)),
            prev.mention,
            RuleId::OneQuoteTwoParts,
        );
        a.quote.speaker_mention = prev.quote.speaker_mention;
        return Some(a);
    }
    if let Some(o) = span.open {
        if let Some(clause) = mixed_clause(doc, o) {
            let end = mixed_end(doc, span.close, clause_end(doc, span.close));
            let range = doc.range(clause.content.first(), end);
            let (cue, mention) = (Some(clause.cue), clause.mention);
            // "adding that “…”": a clause that is all in marks is direct.
            let kind = if range == span.range {
                QuoteKind::Direct
            } else {
                QuoteKind::Mixed
            };
            return Some(quote(doc, first, kind, range, cue, mention, clause.rule));
        }
    }
    if is_title_in_marks(doc, span) && !own_sentence {
        return None;
    }
    let direct = |mention: Option<Mention>, rule| {
        quote(
            doc,
            first,
            QuoteKind::Direct,
            span.range,
            None,
            mention,
            rule,
        )
    };
    if let Some(prev) = continuation(doc, span, previous) {
        let mut a = direct(prev.mention, RuleId::Continuation);
        a.quote.speaker_mention = prev.quote.speaker_mention;
        return Some(a);
    }
    if let Some(m) = previous_sentence(doc, span.open) {
        return Some(direct(Some(m), RuleId::PreviousSentence));
    }
    if let Some(m) = subject_before(doc, span.open, span.close) {
        return Some(direct(Some(m), RuleId::SubjectBefore));
    }
    if !is_scare_quote(doc, span) {
        if let Some(m) = subject_of_sentence(doc, span.open) {
            return Some(direct(Some(m), RuleId::SubjectOfSentence));
        }
    }
    (!is_scare_quote(doc, span)).then(|| direct(None, RuleId::UnattributedLong))
}

/// A quote from token `first` with its cue and speaker, found by `rule`.
pub(crate) fn quote(
    doc: &Doc,
    first: usize,
    kind: QuoteKind,
    range: TextRange,
    cue: Option<TokenSpan>,
    mention: Option<Mention>,
    rule: RuleId,
) -> Attributed {
    Attributed {
        quote: Quote {
            range,
            kind,
            cue: cue.map(|c| doc.range_of(c)),
            speaker_mention: mention.map(|m| doc.range_of(m.tokens)),
            speaker: None,
            found_by: rule,
            speaker_by: None,
            cue_class: super::CueClass::Speech,
            confidence: 0,
            interruptions: Vec::new(),
            edited: super::QuoteEdits::default(),
        },
        mention,
        first_token: first,
    }
}
