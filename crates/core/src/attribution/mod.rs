//! Who said what: quotes (direct, mixed, indirect) with their cue and
//! speaker mention.
//!
//! Rules over tokens, in this order for each marked quote: attribution after
//! the closing mark ("…,” she said / “…,” said X / “…,” X, the minister, said /
//! “…,” Mr X, Role / “…” — X), then before the opening mark (X said: “…” /
//! X told reporters “…”, also across a paragraph break after a colon), then a
//! mixed quote (a cue earlier in the sentence: the whole reported clause is the
//! content), then continuation of the previous speaker. Marked text with no
//! speech cue that is short or Title Cased is a scare quote or a title, not a
//! quote. A closing mark with no opening mark starts the quote at the
//! paragraph start. Sentences without marks are searched for indirect speech
//! ("X said (that) …", "…, X said.", "according to X, …").

pub mod doc;
pub mod lexicon;
pub mod phrases;

use serde::{Deserialize, Serialize};

use crate::quotes::MarkScan;
use crate::span::TextRange;
use doc::Doc;
use lexicon::{
    cue_phrase_len, is_characterising_cue, is_cue_modifier, is_cue_verb, is_discourse_adverb,
    is_indirect_cue, is_that_cue, is_time_word,
};
use phrases::{np_left, np_right, Mention, MentionKind};

/// How a quote reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim words between quotation marks.
    Direct,
    /// A reported clause that contains a quoted fragment.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The name used in exports and the evaluation format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Mixed => "mixed",
            Self::Indirect => "indirect",
        }
    }
}

/// A quote: what was said, the cue that reports it, and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said; quotation marks included for direct quotes.
    pub range: TextRange,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The reporting verb or phrase ("said", "according to"), if any.
    pub cue: Option<TextRange>,
    /// The phrase in the text naming the speaker ("she", "Ms Kaori").
    pub speaker_mention: Option<TextRange>,
    /// Index into [`crate::Analysis::speakers`] of the resolved speaker.
    pub speaker: Option<u32>,
}

/// A quote with its mention before speaker resolution.
#[derive(Debug, Clone)]
pub struct Attributed {
    /// The quote (speaker index not yet set).
    pub quote: Quote,
    /// The speaker phrase, if found.
    pub mention: Option<Mention>,
    /// Token index of the first token of the quote.
    pub first_token: usize,
}

/// A reported clause: content tokens, cue tokens, speaker.
type Clause = ((usize, usize), (usize, usize), Mention);

/// An attribution: the cue's first and last token (if any), the speaker,
/// and, for a quote that opens a longer reported clause ("“…” to drive up
/// the price, she said"), the last token of that clause.
type Found = (Option<(usize, usize)>, Option<Mention>, Option<usize>);

/// Most tokens looked back from a quote for a cue that makes it mixed: keeps
/// the engine linear on texts with no sentence ends.
const MAX_SCAN: usize = 80;

/// Longest clause taken as a quote's content, in tokens.
const MAX_CLAUSE: usize = 250;

/// Sentences longer than this (in tokens) are not searched for indirect
/// speech: they are lists, tables or text without punctuation.
const MAX_SENTENCE: usize = 400;

/// Most tokens allowed between a cue and the opening mark it introduces.
const MAX_CUE_GAP: usize = 4;

/// Finds every quote of the text and its attribution.
#[must_use]
pub fn attribute(doc: &Doc, scan: &MarkScan) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = Vec::new();
    let mut marked: Vec<(TextRange, Option<usize>, usize)> = scan
        .quotes
        .iter()
        .map(|q| {
            (
                q.range,
                Some(doc.token_at(q.range.start())),
                doc.token_at(q.range.end()).saturating_sub(1),
            )
        })
        .collect();
    // Closing marks without an opening mark: the quote starts at the paragraph start.
    for &at in &scan.stray_closes {
        let close = doc.token_at(at);
        let Some((p0, _)) = doc.paragraph_tokens(doc.para_of[close]) else {
            continue;
        };
        let words = (p0..close).filter(|&i| doc.is_word(i)).count();
        let inside_marked = marked
            .iter()
            .any(|(r, _, _)| r.start() <= at && at < r.end());
        if words >= 4 && !inside_marked && after_attribution(doc, close, true).is_some() {
            marked.push((doc.range(p0, close), None, close));
        }
    }
    marked.sort_by_key(|(r, _, _)| r.start);

    for (range, open, close) in marked {
        let first = open.unwrap_or_else(|| doc.token_at(range.start()));
        let inner = (open.map_or(first, |o| o + 1), close.saturating_sub(1));
        let span = MarkedSpan {
            range,
            first,
            open,
            close,
            inner,
        };
        match attribute_marked(doc, span, &out) {
            Marked::Quote(a) => {
                let relative = a.mention.and_then(|m| relative_clause_quote(doc, &a, m));
                out.push(*a);
                out.extend(relative);
            }
            Marked::Continues => {
                // Same speaker, same paragraph: one quote, as annotators mark it
                // (“A,” she said. “B.” → one quote from “A to B.”).
                if let Some(prev) = out.last_mut() {
                    prev.quote.range = TextRange::new(prev.quote.range.start(), range.end());
                }
            }
            Marked::NotAQuote => {}
        }
    }
    indirect_quotes(doc, &mut out);
    out.sort_by_key(|a| a.quote.range.start);
    // Never overlap: keep the earlier quote.
    let mut kept: Vec<Attributed> = Vec::with_capacity(out.len());
    for a in out {
        if kept
            .last()
            .is_some_and(|k| k.quote.range.overlaps(a.quote.range))
        {
            continue;
        }
        kept.push(a);
    }
    kept
}

/// What a marked span turned out to be.
enum Marked {
    /// A quote of its own.
    Quote(Box<Attributed>),
    /// The continuation of the previous quote in the same paragraph.
    Continues,
    /// A title, a scare quote or a name: not speech.
    NotAQuote,
}

/// Text between quotation marks, in tokens.
#[derive(Debug, Clone, Copy)]
struct MarkedSpan {
    /// The whole span, marks included.
    range: TextRange,
    /// Its first token.
    first: usize,
    /// The opening mark's token (none when the mark is missing).
    open: Option<usize>,
    /// The closing mark's token.
    close: usize,
    /// First and last token between the marks.
    inner: (usize, usize),
}

fn attribute_marked(doc: &Doc, span: MarkedSpan, previous: &[Attributed]) -> Marked {
    let first = span.first;
    // “A,” he said, adding, “B.” / “A,” she sings, before asking, “B?” — a
    // second reporting verb between the parts makes the second a quote of
    // its own (annotators mark two), by the same speaker.
    // The verb introduces the second part: right before it ("adding, “B”",
    // "asking her, “B”") or through "that" ("adding that X was “B”": a
    // mixed quote from after "that").
    let second_cue = previous.last().and_then(|p| {
        let from = doc.token_at(p.quote.range.end());
        (from..first)
            .take(MAX_SCAN)
            .find(|&i| {
                let w = doc.low(i);
                w.len() > 4
                    && w.ends_with("ing")
                    && is_cue_verb(w)
                    && (first - i <= 4 || (doc.is(i + 1, "that") && doc.same_sentence(i, first)))
            })
            .map(|c| (c, p))
    });
    let result = attribute_marked_inner(doc, span, previous);
    if let (Some(mut a), Some((c, p))) = (result.clone(), second_cue) {
        let same_speaker = a.mention.is_none() || a.mention == p.mention;
        if same_speaker && p.mention.is_some() && a.quote.kind == QuoteKind::Direct {
            a.quote.cue = Some(doc.range(c, c));
            a.mention = p.mention;
            a.quote.speaker_mention = p.quote.speaker_mention;
            if doc.is(c + 1, "that") && c + 2 < first {
                a.quote.kind = QuoteKind::Mixed;
                a.quote.range = TextRange::new(doc.toks[c + 2].range.start(), span.range.end());
                a.first_token = c + 2;
            }
            return Marked::Quote(Box::new(a));
        }
    }
    match result {
        Some(a) if a.quote.cue.is_none() && a.quote.kind == QuoteKind::Direct => {
            let continues = previous.last().is_some_and(|p| {
                p.quote.kind == QuoteKind::Direct
                    && p.mention.is_some()
                    && a.mention == p.mention
                    && doc.para_of[p.first_token] == doc.para_of[first]
            });
            if continues {
                Marked::Continues
            } else {
                Marked::Quote(Box::new(a))
            }
        }
        // “A,” she said, “B.” — the second part shares the first one's cue.
        Some(a)
            if a.quote.cue.is_some()
                && previous.last().is_some_and(|p| {
                    p.quote.kind == QuoteKind::Direct
                        && a.quote.kind == QuoteKind::Direct
                        && p.quote.cue == a.quote.cue
                }) =>
        {
            Marked::Continues
        }
        Some(a) => Marked::Quote(Box::new(a)),
        None => Marked::NotAQuote,
    }
}

/// "…,” said Ms Kaori, who pointed out that CLAUSE." — an indirect quote by
/// the same speaker in a relative clause after the attribution.
fn relative_clause_quote(doc: &Doc, a: &Attributed, m: Mention) -> Option<Attributed> {
    let mut j = m.last + 1;
    if j + 2 >= doc.len() || !doc.is(j, ",") || doc.low(j + 1) != "who" {
        return None;
    }
    j += 2;
    let end = clause_end(doc, j);
    while j <= end && j < doc.len() && is_cue_modifier(doc.low(j)) {
        j += 1;
    }
    let cue_end = cue_at(doc, j)?;
    let mut content = cue_end + 1;
    if content <= end && doc.is(content, "that") {
        content += 1;
    }
    (end >= content + 3).then(|| Attributed {
        quote: Quote {
            range: doc.range(content, end),
            kind: QuoteKind::Indirect,
            cue: Some(doc.range(j, cue_end)),
            speaker_mention: a.quote.speaker_mention,
            speaker: None,
        },
        mention: Some(m),
        first_token: content,
    })
}

fn attribute_marked_inner(
    doc: &Doc,
    span: MarkedSpan,
    previous: &[Attributed],
) -> Option<Attributed> {
    let MarkedSpan {
        range,
        first,
        open,
        close,
        inner,
    } = span;
    let ends_with_comma = inner.1 >= inner.0 && matches!(doc.s(inner.1), "," | "—" | "–" | "-");
    let before = || open.and_then(|o| before_attribution(doc, o));
    let found = after_attribution(doc, close, ends_with_comma)
        .and_then(|f| {
            // "X said: “…”, adding that …": a speaker before beats none after.
            if f.1.is_none() {
                before().or(Some(f))
            } else {
                Some(f)
            }
        })
        .or_else(before)
        .or_else(|| open.and_then(|o| colon_introduction(doc, o)));
    let make = |kind, range, cue: Option<(usize, usize)>, mention: Option<Mention>| Attributed {
        quote: Quote {
            range,
            kind,
            cue: cue.map(|(a, b)| doc.range(a, b)),
            speaker_mention: mention.map(|m| doc.range(m.first, m.last)),
            speaker: None,
        },
        mention,
        first_token: first,
    };
    if let Some((cue, mention, extend_to)) = found {
        if open.is_some() && looks_like_title(doc, inner) && cue.is_none() {
            return None;
        }
        // “Fox News Sunday,” / “Contract with America”: a name after "on", "of"…
        let named_thing = open.is_some_and(|o| {
            let before = doc.low(o.saturating_sub(1));
            o > 0
                && (before.ends_with("'s")
                    || before.ends_with("’s")
                    || matches!(
                        before,
                        "his"
                            | "her"
                            | "their"
                            | "its"
                            | "our"
                            | "my"
                            | "your"
                            | "on"
                            | "in"
                            | "of"
                            | "with"
                            | "to"
                            | "from"
                            | "at"
                            | "s"
                            | "titled"
                            | "entitled"
                            | "called"
                            | "named"
                            | "dubbed"
                            | "the"
                    ))
        });
        let single = range.slice(doc.text).starts_with(['‘', '\''])
            && !range.slice(doc.text).starts_with("''");
        if (named_thing || single) && is_title_case(doc, inner) {
            return None;
        }
        if let Some(end) = extend_to.filter(|&e| e > close) {
            let end = mixed_end(doc, close, end);
            return Some(make(QuoteKind::Mixed, doc.range(first, end), cue, mention));
        }
        // "reported “2,521 shooting incidents” in the city": a fragment glued
        // to its cue is part of the reported clause — a mixed quote.
        if let (Some((_, cue_end)), Some(o)) = (cue, open) {
            let fragment = (inner.0..=inner.1).filter(|&i| doc.is_word(i)).count() <= 6
                && !(inner.0..=inner.1).any(|i| doc.is_terminal(i) || doc.is(i, ","));
            if cue_end + 1 == o && fragment {
                let end = mixed_end(doc, close, clause_end(doc, close));
                return Some(make(QuoteKind::Mixed, doc.range(o, end), cue, mention));
            }
        }
        return Some(make(QuoteKind::Direct, range, cue, mention));
    }
    if is_title_case(doc, inner) {
        return None;
    }
    if let Some(o) = open {
        if let Some((cue, mention, content_start)) = mixed_attribution(doc, o) {
            let end = mixed_end(doc, close, clause_end(doc, close));
            return Some(make(
                QuoteKind::Mixed,
                doc.range(content_start, end),
                Some(cue),
                Some(mention),
            ));
        }
    }
    if looks_like_title(doc, inner) {
        return None;
    }
    // Continuation: the previous quote's speaker, when nothing intervenes.
    if let Some(prev) = previous.last() {
        let prev_para = doc.para_of[prev.first_token];
        let this_para = doc.para_of[first];
        let starts_para = doc
            .paragraph_tokens(this_para)
            .is_some_and(|(p0, _)| p0 == first);
        let same = prev_para == this_para;
        let next = this_para == prev_para + 1 && starts_para;
        if prev.mention.is_some() && prev.quote.kind == QuoteKind::Direct && (same || next) {
            return Some(Attributed {
                quote: Quote {
                    range,
                    kind: QuoteKind::Direct,
                    cue: None,
                    speaker_mention: prev.quote.speaker_mention,
                    speaker: None,
                },
                mention: prev.mention,
                first_token: first,
            });
        }
    }
    // "…, Schiff said. “The other factor …”": the sentence just before ends
    // with an attribution, and the quote follows it directly.
    if let Some(o) =
        open.filter(|&o| o > 0 && doc.same_paragraph(o - 1, o) && !doc.same_sentence(o - 1, o))
    {
        let end = o - 1;
        let start = sentence_start_from(doc, end);
        let last = if doc.is_terminal(end) {
            end.saturating_sub(1)
        } else {
            end
        };
        for c in (start.max(last.saturating_sub(4))..=last).rev() {
            if !is_indirect_cue(doc.low(c)) || doc.is_cap(c) {
                continue;
            }
            let mention = left_speaker(doc, c, start)
                .filter(|m| m.first > start && doc.is(m.first - 1, ","))
                .or_else(|| np_right(doc, c + 1, last + 1).filter(|m| m.last == last));
            if let Some(m) = mention {
                return Some(make(QuoteKind::Direct, range, None, Some(m)));
            }
        }
    }
    // Long marked speech with no cue in reach is still a quote, speaker unknown.
    let words = (inner.0..=inner.1.max(inner.0))
        .filter(|&i| i < doc.len() && doc.is_word(i))
        .count();
    // Text in single marks with no speech cue is a scare quote or a title.
    let single = range.slice(doc.text).starts_with(['‘', '‚', '‹'])
        || (range.slice(doc.text).starts_with('\'') && !range.slice(doc.text).starts_with("''"));
    (words >= 8 && !single).then(|| make(QuoteKind::Direct, range, None, None))
}

/// A cue (and maybe a speaker) right after a closing mark at token `close`.
/// `comma` tells whether the quote ended with a comma (so an attribution
/// must follow).
fn after_attribution(doc: &Doc, close: usize, comma: bool) -> Option<Found> {
    let n = doc.len();
    let mut j = close + 1;
    if j < n && matches!(doc.s(j), "," | ";") {
        j += 1;
    }
    if j >= n || !doc.same_paragraph(close, j) {
        return None;
    }
    let sent_end = sentence_end_from(doc, j);
    // “Does it?” Graham asked. — an attribution in a sentence of its own is
    // short and quotes nothing itself ("To which she said, “…”" is not one).
    if !doc.same_sentence(close, j) && (sent_end - j > 8 || (j..=sent_end).any(|i| doc.is_mark(i)))
    {
        return None;
    }
    // "… — X" / "… – X": dash attribution.
    if matches!(doc.s(j), "—" | "–" | "―") {
        let m = np_right(doc, j + 1, sent_end + 1)?;
        return (m.kind != MentionKind::Pronoun).then_some((None, Some(m), None));
    }
    // "…,” said X" / "…,” according to X".
    if let Some(cue_end) = cue_at(doc, j) {
        let mention = np_right(doc, cue_end + 1, sent_end + 1);
        return Some((Some((j, cue_end)), mention, None));
    }
    // "…,” X said" / "…,” X, the minister, said".
    let mut k = j;
    let limit = (j + 16).min(sent_end + 1);
    while k < limit && !doc.is_mark(k) && !doc.is_terminal(k) {
        if let Some(cue_end) = cue_at(doc, k) {
            if k == j {
                break;
            }
            if let Some(m) = np_right(doc, j, k) {
                return Some((Some((k, cue_end)), Some(m), None));
            }
            let m = np_left(doc, skip_modifiers_back(doc, k, j), j);
            // "“…” to drive up the price, she said": the clause up to the comma.
            if let Some(m) = m.filter(|m| m.first > j + 1 && doc.is(m.first - 1, ",")) {
                return Some((Some((k, cue_end)), Some(m), Some(m.first - 2)));
            }
            // An intervening clause ("…,” and then he left, saying) is not an attribution.
            if m.is_none() || m.is_some_and(|m| m.first > j) {
                return None;
            }
            return Some((Some((k, cue_end)), m, None));
        }
        k += 1;
    }
    // "…,” Mr Vegard Holmelid, Minister Counsellor, …" with no verb.
    if comma {
        if let Some(m) = np_right(doc, j, sent_end + 1) {
            if m.kind == MentionKind::Name {
                let after = m.last + 1;
                let ends = after > sent_end || matches!(doc.s(after), "," | "." | "(" | ";");
                if ends {
                    return Some((None, Some(m), None));
                }
            }
        }
    }
    None
}

/// A cue and speaker just before the opening mark at token `open`.
fn before_attribution(doc: &Doc, open: usize) -> Option<Found> {
    if open == 0 {
        return None;
    }
    let mut j = open - 1;
    // Across a paragraph break after a colon: "X said:\n\n“…”".
    if !doc.same_paragraph(j, open) && !doc.is(j, ":") {
        return None;
    }
    if !doc.same_sentence(j, open) && !doc.is(j, ":") {
        return None;
    }
    if matches!(doc.s(j), ":" | ",") && j > 0 {
        j -= 1;
    }
    let sent_start = sentence_start_from(doc, j);
    for gap in 0..=MAX_CUE_GAP {
        if gap > j || j - gap < sent_start {
            break;
        }
        let c = j - gap;
        if doc.is_mark(c) || doc.is_terminal(c) {
            break;
        }
        let Some((cue_start, cue_end)) = cue_ending_at(doc, c) else {
            continue;
        };
        if !gap_allows_direct(doc, cue_start, cue_end, open) {
            return None; // "said that X’s “…”": a mixed quote
        }
        let mention = left_speaker(doc, cue_start, sent_start)
            .or_else(|| np_right(doc, cue_end + 1, open).filter(|m| m.kind == MentionKind::Name));
        mention?;
        return Some((Some((cue_start, cue_end)), mention, None));
    }
    None
}

/// "Sanders made the following comment:\n\n“…”": a quote after a colon with
/// no reporting verb goes to the subject of the introducing sentence.
fn colon_introduction(doc: &Doc, open: usize) -> Option<Found> {
    if open == 0 || !doc.is(open - 1, ":") {
        return None;
    }
    let start = sentence_start_from(doc, open - 1);
    let after_comma = (start..(start + 6).min(open - 1))
        .find(|&i| doc.is(i, ","))
        .map(|i| i + 1);
    let subject = [Some(start), after_comma]
        .into_iter()
        .flatten()
        .find_map(|i| {
            let m = np_right(doc, i, open - 1)?;
            let next = m.last + 1;
            let verb_follows = next < open - 1 && doc.is_word(next) && !doc.is_cap(next);
            (verb_follows && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
                .then_some(m)
        })?;
    Some((None, Some(subject), None))
}

/// Whether the words between a cue and the opening mark still introduce a
/// direct quote: punctuation, a listener after "told"/"asked", or when and
/// where it was said ("on Monday", "in a statement", "on Twitter").
fn gap_allows_direct(doc: &Doc, cue_start: usize, cue_end: usize, open: usize) -> bool {
    let tell = matches!(
        doc.low(cue_start),
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "asking"
            | "urged"
            | "warned"
            | "reminded"
    );
    (cue_end + 1..open).all(|i| {
        if !doc.is_word(i) {
            return !doc.is_mark(i);
        }
        let low = doc.low(i);
        tell && !matches!(low, "that")
            || is_time_word(low)
            || matches!(
                low,
                "on" | "in"
                    | "at"
                    | "a"
                    | "an"
                    | "the"
                    | "statement"
                    | "interview"
                    | "twitter"
                    | "facebook"
                    | "later"
                    | "earlier"
                    | "simply"
                    | "only"
                    | "bluntly"
                    | "flatly"
                    | "recently"
                    | "this"
                    | "week"
                    | "last"
                    | "then"
                    | "again"
                    | "also"
                    | "once"
            )
    })
}

/// A cue earlier in the sentence whose clause contains the quote at `open`:
/// (cue tokens, speaker, first token of the content).
fn mixed_attribution(doc: &Doc, open: usize) -> Option<((usize, usize), Mention, usize)> {
    let sent_start = sentence_start_from(doc, open).max(open.saturating_sub(MAX_SCAN));
    let mut c = open;
    while c > sent_start {
        c -= 1;
        if doc.is_mark(c) {
            // A title in marks earlier in the sentence ("on CBS's “Face the
            // Nation,” Ryan said …") is passed over; other quotes stop the scan.
            let opening = (sent_start..c).rev().take(14).find(|&k| doc.is_mark(k));
            match opening {
                Some(k) if k + 1 < c && is_title_case(doc, (k + 1, c - 1)) => {
                    c = k;
                    continue;
                }
                _ => return None,
            }
        }
        let low = doc.low(c);
        if !is_indirect_cue(low) && !is_characterising_cue(low) && low != "reports" {
            continue;
        }
        let mention = left_speaker(doc, c, sent_start)?;
        let mut content = c + 1;
        // "said in the letter that …": the clause starts after "that".
        if let Some(that) = (content..open.min(content + 6)).find(|&i| doc.is(i, "that")) {
            content = that + 1;
        }
        return Some(((c, c), mention, content));
    }
    None
}

/// The speaker phrase before a cue at `cue`, skipping adverbs and an
/// appositive between commas ("X, the minister of Y, said").
fn left_speaker(doc: &Doc, cue: usize, floor: usize) -> Option<Mention> {
    if cue == 0 || cue <= floor {
        return None;
    }
    let j = skip_modifiers_back(doc, cue, floor);
    if j < floor {
        return None;
    }
    // "He defended the remark, saying …" / "He bemoaned the unrest and said …":
    // the subject of the main clause, after an introductory phrase
    // ("Meanwhile, it attacked Trump, saying").
    let coordinated = matches!(doc.low(j), "and" | "but") && j > floor && !doc.is(j - 1, ",");
    if coordinated && j >= floor + 2 {
        // "I laughed and said": the subject right before the first verb.
        if let Some(m) = np_left(doc, j - 2, floor)
            .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
        {
            return Some(m);
        }
    }
    if (doc.is(j, ",") && doc.low(cue).ends_with("ing")) || coordinated {
        let mut start = floor;
        if doc.is_word(start) && is_discourse_adverb(doc.low(start)) {
            if let Some(comma) = (start..j).find(|&i| doc.is(i, ",")) {
                start = comma + 1;
            }
        }
        return np_right(doc, start, j).filter(|m| m.last + 1 < j && !doc.is(m.last + 1, ","));
    }
    if doc.is(j, ",") && j > floor {
        // Appositive: find the comma that opens it.
        let mut k = j - 1;
        while k > floor && j - k < 14 && !doc.is(k, ",") && !doc.is_mark(k) {
            k -= 1;
        }
        if k > floor && doc.is(k, ",") {
            return np_left(doc, k - 1, floor);
        }
        return None;
    }
    if doc.is(j, "to") || doc.is(j, "not") {
        return None; // "wanted to say", "did not say"
    }
    if doc.low(j) == "who" {
        return Some(Mention {
            first: j,
            last: j,
            kind: MentionKind::Relative,
            gender: lexicon::Gender::Unknown,
        });
    }
    np_left(doc, j, floor)
}

/// The last token before `cue` that is not an adverb/auxiliary, or `floor - 1`.
fn skip_modifiers_back(doc: &Doc, cue: usize, floor: usize) -> usize {
    let mut j = cue.saturating_sub(1);
    loop {
        while j > floor && (is_cue_modifier(doc.low(j)) || is_manner_adverb(doc, j)) {
            j -= 1;
        }
        // A short parenthesis after the speaker ("Ryan (R-Wis.) said").
        if j > floor + 1 && doc.is(j, ")") {
            if let Some(open) = (j.saturating_sub(8).max(floor + 1)..j)
                .rev()
                .find(|&k| doc.is(k, "("))
            {
                j = open - 1;
                continue;
            }
        }
        return j;
    }
}

/// "egregiously described", "flatly denied": a lowercase -ly adverb.
fn is_manner_adverb(doc: &Doc, i: usize) -> bool {
    let w = doc.s(i);
    doc.is_word(i) && !doc.is_cap(i) && w.len() > 4 && w.ends_with("ly")
}

/// When a cue starts at token `i`, the index of its last token.
fn cue_at(doc: &Doc, i: usize) -> Option<usize> {
    if !doc.is_word(i) {
        return None;
    }
    let low = doc.low(i);
    let (n1, n2) = (doc.low(i + 1), doc.low(i + 2));
    if let Some(extra) = cue_phrase_len(low, &[n1, n2]) {
        return Some(i + extra);
    }
    is_cue_verb(low).then_some(i)
}

/// When a cue ends at token `i` (a verb, or the end of a phrase such as
/// "in a statement", "according to"), its first and last token.
fn cue_ending_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    for back in [2usize, 1] {
        if i >= back {
            if let Some(end) = cue_at(doc, i - back) {
                if end == i {
                    return Some((i - back, i));
                }
            }
        }
    }
    cue_at(doc, i).filter(|&e| e == i).map(|_| (i, i))
}

fn sentence_end_from(doc: &Doc, i: usize) -> usize {
    doc.sentence_bounds(i).1
}

fn sentence_start_from(doc: &Doc, i: usize) -> usize {
    doc.sentence_bounds(i).0
}

/// The last token of a mixed quote whose last quoted fragment closes at
/// `close` and whose clause runs to `end`: the clause stops where a new
/// one begins after the fragment — "…, but" / "… and says" / ", citing" /
/// "after she attacked …" ("the military is “depleted” and says he will …").
fn mixed_end(doc: &Doc, close: usize, end: usize) -> usize {
    // "called her “disgusting” and referred to her “sex tape”": a verb with
    // another quoted fragment after it continues the same clause.
    let more_quoted = (close + 1..=end).any(|i| doc.is_mark(i));
    let mut i = close + 1;
    while i <= end {
        if doc.is_mark(i) {
            return end; // another fragment: the clause goes on
        }
        let low = doc.low(i);
        let next = doc.low(i + 1);
        let verb_after_and = low == "and"
            && !more_quoted
            && i < end
            && !doc.is_cap(i + 1)
            && (is_cue_verb(next)
                || is_indirect_cue(next)
                || (next.len() > 4 && next.ends_with("ed")));
        let participle_after_comma = doc.is(i, ",")
            && i < end
            && !doc.is_cap(i + 1)
            && next.len() > 4
            && next.ends_with("ing")
            && !matches!(next, "including" | "according" | "regarding" | "concerning");
        // "when it comes to" is not a new clause.
        let when_it_comes = low == "when" && next == "it" && doc.low(i + 2).starts_with("come");
        let new_clause = (matches!(
            low,
            "but" | "after" | "when" | "during" | "while" | "before"
        ) && !when_it_comes)
            || verb_after_and
            || participle_after_comma;
        if new_clause {
            let mut e = i.saturating_sub(1).max(close);
            if e > close && doc.is(e, ",") {
                e -= 1;
            }
            return e;
        }
        i += 1;
    }
    end
}

/// The last token of the clause that ends at or after `from`: the
/// sentence end, less its final punctuation.
fn clause_end(doc: &Doc, from: usize) -> usize {
    let mut e = sentence_end_from(doc, from).min(from + MAX_CLAUSE);
    if let Some(semi) = (from..e).find(|&i| doc.is(i, ";")) {
        e = semi.saturating_sub(1).max(from);
    }
    while e > from && (doc.is_terminal(e) || doc.is_mark(e) && doc.is_terminal(e - 1)) {
        e -= 1;
    }
    e.max(from)
}

/// Titles, names of meetings and slogans: mostly Capitalised words, no
/// sentence punctuation inside.
fn is_title_case(doc: &Doc, (a, b): (usize, usize)) -> bool {
    if a > b || b >= doc.len() {
        return true;
    }
    // A final comma or stop belongs to the sentence around the title.
    let b = if b > a && matches!(doc.s(b), "," | ".") {
        b - 1
    } else {
        b
    };
    let all_words = (a..=b).filter(|&i| doc.is_word(i)).count();
    // Capitals after the first word, not counting "I" or the small words
    // titles leave in lower case ("Legend in the Coal Fields"), make a title.
    let later: Vec<usize> = (a..=b)
        .filter(|&i| doc.is_word(i) && doc.s(i) != "I")
        .skip(1)
        .filter(|&i| {
            !matches!(
                doc.s(i),
                "a" | "an"
                    | "the"
                    | "and"
                    | "or"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "by"
                    | "with"
                    | "from"
            )
        })
        .collect();
    let caps = later.iter().filter(|&&i| doc.is_cap(i)).count();
    let has_stop = (a..=b).any(|i| matches!(doc.s(i), "." | "!" | "?" | ","));
    // A title starts with a capital ("justice for Terrence" is not one).
    let first_cap = (a..=b)
        .find(|&i| doc.s(i).chars().next().is_some_and(char::is_alphanumeric))
        .is_some_and(|i| !doc.is_word(i) || doc.is_cap(i));
    (2..=12).contains(&all_words)
        && first_cap
        && !later.is_empty()
        && caps * 10 >= later.len() * 6
        && !has_stop
}

/// Titles, names of meetings and slogans: short, mostly Capitalised, no
/// sentence punctuation inside.
fn looks_like_title(doc: &Doc, (a, b): (usize, usize)) -> bool {
    if a > b || b >= doc.len() {
        return true;
    }
    let words = (a..=b).filter(|&i| doc.is_word(i)).count();
    let has_stop = (a..=b).any(|i| matches!(doc.s(i), "." | "!" | "?" | ","));
    words == 0 || (words <= 3 && !has_stop) || is_title_case(doc, (a, b))
}

/// Indirect quotes: reported speech outside quotation marks, anywhere a
/// quote found so far does not already cover.
fn indirect_quotes(doc: &Doc, out: &mut Vec<Attributed>) {
    // Ranges already quoted, by start (they never overlap).
    let mut taken: std::collections::BTreeMap<u32, u32> = out
        .iter()
        .map(|a| (a.quote.range.start, a.quote.range.end))
        .collect();
    for s in 0..doc.sentences.len() {
        let Some((a, b)) = doc.sentence_tokens(u32::try_from(s).unwrap_or(u32::MAX)) else {
            continue;
        };
        if b - a > MAX_SENTENCE {
            continue;
        }
        for found in indirect_in_sentence(doc, a, b, &taken) {
            taken.insert(found.quote.range.start, found.quote.range.end);
            out.push(found);
        }
    }
}

/// Whether `r` overlaps a range in `taken` (disjoint ranges keyed by start).
fn overlaps_taken(taken: &std::collections::BTreeMap<u32, u32>, r: TextRange) -> bool {
    taken
        .range(..r.end)
        .next_back()
        .is_some_and(|(_, &end)| end > r.start)
}

/// The last token of the reported clause starting at `from`: before a
/// dash or semicolon, else the sentence end less its final punctuation.
fn indirect_clause_end(doc: &Doc, from: usize, b: usize) -> usize {
    let e = clause_end(doc, from).min(b);
    (from..=e)
        .find(|&i| {
            matches!(doc.s(i), "—" | "–" | ";") || (doc.is(i, "-") && i < e && doc.is(i + 1, "-"))
        })
        .map_or(e, |d| d.saturating_sub(1).max(from))
}

fn indirect_in_sentence(
    doc: &Doc,
    a: usize,
    b: usize,
    taken: &std::collections::BTreeMap<u32, u32>,
) -> Vec<Attributed> {
    let mut found: Vec<Attributed> = Vec::new();
    let end = clause_end(doc, a).min(b);
    let free = |first: usize, last: usize, found: &[Attributed]| {
        let r = doc.range(first, last);
        !overlaps_taken(taken, r) && !found.iter().any(|f| f.quote.range.overlaps(r))
    };
    let make = |content: (usize, usize), cue: (usize, usize), mention: Option<Mention>| {
        (content.1 >= content.0 + 3).then(|| Attributed {
            quote: Quote {
                range: doc.range(content.0, content.1),
                kind: QuoteKind::Indirect,
                cue: Some(doc.range(cue.0, cue.1)),
                speaker_mention: mention.map(|m| doc.range(m.first, m.last)),
                speaker: None,
            },
            mention,
            first_token: content.0,
        })
    };
    let mut c = a;
    while c <= end {
        let here = c;
        c += 1;
        if !doc.is_word(here) || doc.is_mark(here) {
            continue;
        }
        let low = doc.low(here);
        let candidate = if low == "according" && here < end && doc.is(here + 1, "to") {
            according_to(doc, a, end, here)
        } else if is_indirect_cue(low) && !doc.is_cap(here) {
            reported_clause(doc, a, b, end, here)
        } else if is_that_cue(low) && !doc.is_cap(here) && here < end && doc.is(here + 1, "that") {
            left_speaker(doc, here, a).and_then(|m| {
                let from = here + 2;
                (from <= end && !doc.is_mark(from))
                    .then(|| ((from, indirect_clause_end(doc, from, end)), (here, here), m))
            })
        } else {
            None
        };
        let Some((content, cue, mention)) = candidate else {
            continue;
        };
        if !free(content.0.min(cue.0), content.1.max(cue.1), &found) {
            continue;
        }
        // A clause with quoted words is a mixed quote — unless what is
        // quoted is a title ("the theme “Strengthening …”").
        let marks: Vec<usize> = (content.0..=content.1)
            .filter(|&i| doc.is_mark(i) && !matches!(doc.s(i), "’" | "'"))
            .collect();
        // Pairs are counted to the sentence end: the clause may stop before
        // the closing mark ("on CNN's “State of the Union.”").
        let pairs: Vec<usize> = (content.0..=b.min(content.1 + 3))
            .filter(|&i| doc.is_mark(i) && !matches!(doc.s(i), "’" | "'"))
            .collect();
        if pairs
            .windows(2)
            .any(|w| is_title_case(doc, (w[0] + 1, w[1].saturating_sub(1))))
        {
            continue;
        }
        let content = match marks.last() {
            Some(&last) if last > content.0 => (content.0, mixed_end(doc, last, content.1)),
            _ => content,
        };
        if let Some(mut q) = make(content, cue, Some(mention)) {
            if !marks.is_empty() {
                q.quote.kind = QuoteKind::Mixed;
            }
            c = c.max(content.1 + 1);
            found.push(q);
        }
    }
    found
}

/// "According to X, CLAUSE." / "CLAUSE, according to X."
fn according_to(doc: &Doc, a: usize, end: usize, c: usize) -> Option<Clause> {
    let m = np_right(doc, c + 2, end + 1)?;
    if c == a || (c == a + 1 && !doc.is_word(a)) {
        let comma = (m.last + 1..=end).find(|&i| doc.is(i, ","))?;
        if comma + 1 > end {
            return None; // "According to the ministry," and nothing after
        }
        return Some((
            (comma + 1, indirect_clause_end(doc, comma + 1, end)),
            (c, c + 1),
            m,
        ));
    }
    (c > a + 1 && doc.is(c - 1, ",")).then(|| ((a, c - 2), (c, c + 1), m))
}

/// The reported clause around a reporting verb at `c`:
/// "CLAUSE, X said." / "CLAUSE, said X." / "CLAUSE, X said, CLAUSE." /
/// "X said (that) CLAUSE."
fn reported_clause(doc: &Doc, a: usize, b: usize, end: usize, c: usize) -> Option<Clause> {
    let low = doc.low(c);
    if let Some(comma) = (a..c).rev().find(|&i| doc.is(i, ",")) {
        let after = np_right(doc, c + 1, end + 1);
        let tail_end = after.map_or(c, |m| m.last);
        let tail_is_attribution = tail_end >= end || doc.is(tail_end + 1, ",");
        let before = np_right(doc, comma + 1, c)
            .filter(|m| m.last + 1 >= skip_modifiers_back(doc, c, comma + 1));
        let mention = before.or(if comma + 1 == c { after } else { None });
        if let (Some(m), true) = (mention, comma > a + 2 && tail_is_attribution) {
            if tail_end >= end {
                return Some(((a, comma - 1), (c, c), m));
            }
            // A parenthetical attribution: the whole sentence is the content.
            return Some(((a, indirect_clause_end(doc, a, b)), (c, c), m));
        }
    }
    // "X said (that) …".
    let m = left_speaker(doc, c, a)?;
    let mut content = c + 1;
    if matches!(low, "told" | "tells" | "tell" | "telling") {
        // Skip the listener: "told reporters (that)".
        let listener = np_right(doc, content, end + 1);
        content = listener.map_or(content, |l| l.last + 1);
    }
    if content <= end && doc.is(content, "that") {
        content += 1;
    }
    while content <= end && matches!(doc.s(content), "," | ":") {
        content += 1;
    }
    if content > end || doc.is_mark(content) {
        return None;
    }
    Some(((content, indirect_clause_end(doc, content, end)), (c, c), m))
}
