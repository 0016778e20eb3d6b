//! `cue-before-quote`: X said: “…” / X told reporters “…”.

use super::super::doc::Doc;
use super::super::lexicon::is_time_word;
use super::super::phrases::{np_left, np_right, MentionKind};
use super::super::scan::{
    cue_ending_at, is_lowercase_past, left_speaker, sentence_start_from, sentence_subject,
    takes_listener,
};
use super::{Case, Found, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// Most tokens allowed between a cue and the opening mark it introduces.
const MAX_CUE_GAP: usize = 4;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::CueBeforeQuote,
    stage: Stage::BeforeOpen,
    doc: "A speaker and a reporting verb just before the opening mark, in the same sentence \
          or across a paragraph break after a colon: X said: “…” / X told reporters “…” / \
          X said on Monday, “…” / X, who runs …, said, “…” / …, said X, “…” (a long apposition after the \
          sentence's first name; with no phrase before the cue, the sentence's subject: X \
          opened the meeting by telling the council, “…”). At most four words between the \
          cue and the mark, and only punctuation, a listener after “told”/“asked”, or when \
          and where it was said (a longer phrase of when or where before a comma too). \
          Not “said that X’s “…””, “said the “…” of …” nor “told the forum he was “…””: a \
          reported clause around the quote makes a mixed quote. A lowercase “-ed” word the \
          lexicon lacks is the verb between a name or pronoun opening its clause and the comma \
          or colon before the mark (“Hillary Clinton cracked, “…””; PolNeAR train, direct \
          track: speaker accuracy 91.83 -> 91.88). A participle right after “X said,” is \
          X's (“…, Nefzi said, adding, “…””; train direct speaker accuracy 92.03 -> 92.14).",
    cases: &[
        // An inverted attribution after a comma: the name after the verb.
        Case::quote(
            "But, said Ilse Brandt, “I would rather stay a neutral player in all of this.”",
            "“I would rather stay a neutral player in all of this.”",
            Some("said"),
            Some("Ilse Brandt"),
        ),
        // … not the listener after "telling".
        Case::quote(
            "Hours later, Mayor Ana Pereira returned the compliment, telling Reuters, “We have been friends for a long time.”",
            "“We have been friends for a long time.”",
            Some("telling"),
            Some("Ana Pereira"),
        ),
        // An "-ed" verb the lexicon lacks after the clause's subject.
        Case::quote(
            "During their first debate, Senator Ada Mensah cracked, “I am a progressive who gets things done.”",
            "“I am a progressive who gets things done.”",
            Some("cracked"),
            Some("Ada Mensah"),
        ),
        // An opening phrase before the subject is not the speaker.
        Case::quote(
            "Hours later, Senator Tom Reyes returned the compliment, telling reporters, “He is an amazing man.”",
            "“He is an amazing man.”",
            Some("telling"),
            Some("Tom Reyes"),
        ),
        // A participle after "X said,": X's, not the sentence's subject.
        Case::quote(
            "The gunman left before the prayers ended, the imam Yusuf Adeyemi said, adding, “He was not very religious.”",
            "“He was not very religious.”",
            Some("adding"),
            Some("Yusuf Adeyemi"),
        ),
        // "and said" after a name: the subject is the sentence's, not that name.
        Case::quote(
            "Mayor Ines Duarte said the order was signed by Police Chief Tom Brandt and said, “We stand by it.”",
            "“We stand by it.”",
            Some("said"),
            Some("Ines Duarte"),
        ),
        Case::quote(
            "Said Moreno: “We will stay until the end of the season.”",
            "“We will stay until the end of the season.”",
            Some("Said"),
            Some("Moreno"),
        ),
        Case::quote(
            "Said Okafor, “The thought that we failed them is very painful to us.”",
            "“The thought that we failed them is very painful to us.”",
            Some("Said"),
            Some("Okafor"),
        ),
        Case::quote(
            "Dr Chen Wei said on Tuesday: “The vaccine trial has met all of its goals.”",
            "“The vaccine trial has met all of its goals.”",
            Some("said"),
            Some("Chen Wei"),
        ),
        Case::quote(
            "Amara Okafor, who runs the get-out-the-vote effort for veterans’ families in three northern states, said, “We will knock on every door.”",
            "“We will knock on every door.”",
            Some("said"),
            Some("Amara Okafor"),
        ),
        Case::quote(
            "As Ngozi Adeyemi put it, “Prices follow fear, and fear is rising.”",
            "“Prices follow fear, and fear is rising.”",
            Some("put it"),
            Some("Ngozi Adeyemi"),
        ),
        Case::quote(
            "According to Salma Haddad, “the harbour has never been this busy in winter.”",
            "“the harbour has never been this busy in winter.”",
            Some("According to"),
            Some("Salma Haddad"),
        ),
        // A cue far from its subject: the sentence's subject speaks.
        Case::quote(
            "Amara Okafor opened the meeting by telling the council, “We are out of money.”",
            "“We are out of money.”",
            Some("telling"),
            Some("Amara Okafor"),
        ),
        // The listener of "told" is not the speaker, and "written" after
        // an article is no cue.
        Case::quote(
            "Governor Ada Eze told the Daily Trust in a written statement, “We will not resign.”",
            "“We will not resign.”",
            Some("told"),
            Some("Ada Eze"),
        ),
        // A participle's opening phrase is not the speaker.
        Case::quote(
            "Regarding the leaked emails, the campaign said in a statement: “Neither message was sent by the candidate.”",
            "“Neither message was sent by the candidate.”",
            Some("in a statement"),
            Some("the campaign"),
        ),
        // Past a participle and its object: the protesters chanted.
        Case::quote(
            "Protesters marching through the streets chanted “What curfew?” until dawn.",
            "“What curfew?”",
            Some("chanted"),
            Some("Protesters"),
        ),
        // When and where it was said, however long, before a comma.
        Case::quote(
            "Governor Aiyana Redcloud said during a rally in Bismarck, N.D., “This pipeline will not cross our river.”",
            "“This pipeline will not cross our river.”",
            Some("said"),
            Some("Aiyana Redcloud"),
        ),
        Case::quote(
            "The coach told reporters “we were simply not good enough in the second half.”",
            "“we were simply not good enough in the second half.”",
            Some("told"),
            Some("The coach"),
        ),
    ],
};

/// A cue and speaker just before the opening mark at token `open`.
pub(crate) fn cue_before_quote(doc: &Doc, open: usize) -> Option<Found> {
    if open == 0 {
        return None;
    }
    if let Some(found) = according_to_before(doc, open) {
        return Some(found);
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
        let Some(cue) = cue_ending_at(doc, c) else {
            continue;
        };
        let (cue_start, cue_end) = (cue.first(), cue.last());
        // "Said Moreno: “…”": an inverted attribution opening the sentence;
        // after a comma, a name right before the mark ("But, said Solovey,
        // “…”", "…, explained Rosenberg, “…”").
        // ("…, telling Reuters, “…”": a listener, not a speaker.)
        let after_comma = cue_start > sent_start
            && doc.is(cue_start - 1, ",")
            && !takes_listener(doc.low(cue_start));
        if cue_start == sent_start || after_comma {
            let inverted = np_right(doc, cue_end + 1, open).filter(|m| {
                let after = m.tokens.last() + 1;
                let punct = doc.is(after, ":") || doc.is(after, ",");
                let kind_ok = if after_comma {
                    m.kind == MentionKind::Name && after + 1 == open
                } else {
                    m.kind != MentionKind::Pronoun
                };
                punct && kind_ok
            });
            if inverted.is_some() {
                return Some(Found::new(RuleId::CueBeforeQuote, Some(cue), inverted));
            }
        }
        if !gap_allows_direct(doc, cue_start, cue_end, open) {
            return None; // "said that X’s “…”": a mixed quote
        }
        let mention = left_speaker(doc, cue_start, sent_start)
            .or_else(|| np_right(doc, cue_end + 1, open).filter(|m| m.kind == MentionKind::Name))
            // "X opened the meeting by telling the council, “…”": the
            // sentence's subject.
            .or_else(|| sentence_subject(doc, sent_start, cue_start));
        mention?;
        return Some(Found::new(RuleId::CueBeforeQuote, Some(cue), mention));
    }
    cue_before_circumstance(doc, open, sent_start)
        .or_else(|| unfamiliar_verb_before(doc, open, sent_start))
}

/// "Hillary Clinton cracked, “…”", "He quipped: “…”": a name or pronoun
/// opening its clause, then one lowercase "-ed" word the lexicon lacks,
/// then the comma or colon before the opening mark at `open`.
fn unfamiliar_verb_before(doc: &Doc, open: usize, sent_start: usize) -> Option<Found> {
    let punct = open
        .checked_sub(1)
        .filter(|&p| matches!(doc.s(p), "," | ":"))?;
    let verb = punct.checked_sub(1).filter(|&v| v > sent_start)?;
    if !is_lowercase_past(doc, verb) {
        return None;
    }
    let m = np_left(doc, verb - 1, sent_start)
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))?;
    let first = m.tokens.first();
    let opens_clause = first == sent_start || matches!(doc.s(first - 1), "," | "-" | "—" | "–");
    opens_clause.then(|| Found::new(RuleId::CueBeforeQuote, Some(TokenSpan::one(verb)), Some(m)))
}

/// Most tokens of a circumstance between a cue and the comma before the
/// opening mark ("said during a rally in Kenansville, N.C., “…”").
const MAX_CIRCUMSTANCE: usize = 12;

/// "X said during the debate last week, “…”": a cue followed by a phrase
/// opening with a preposition of time or place that ends with the comma
/// right before the opening mark at `open`; the quote is direct.
fn cue_before_circumstance(doc: &Doc, open: usize, sent_start: usize) -> Option<Found> {
    let comma = open.checked_sub(1).filter(|&c| doc.is(c, ","))?;
    let floor = comma.saturating_sub(MAX_CIRCUMSTANCE + 1).max(sent_start);
    // The cue right before the preposition, or before its listener ("told
    // the Daily Trust in a statement,").
    let cue_before = |p: usize| {
        cue_ending_at(doc, p - 1).or_else(|| {
            let listener = np_left(doc, p - 1, floor)?;
            let mut verb = listener.tokens.first().checked_sub(1)?;
            if matches!(doc.low(verb), "the" | "a" | "an") {
                verb = verb.checked_sub(1)?;
            }
            takes_listener(doc.low(verb)).then(|| TokenSpan::one(verb))
        })
    };
    let prep = (floor..comma).rev().find(|&p| {
        matches!(
            doc.low(p),
            "during" | "at" | "in" | "on" | "after" | "before" | "from" | "outside" | "inside"
        ) && p > floor
            && cue_before(p).is_some()
    })?;
    let cue = cue_before(prep)?;
    let clean = (prep..comma).all(|i| {
        !doc.is_mark(i)
            && !doc.is_terminal(i)
            && !matches!(
                doc.low(i),
                "that" | "he" | "she" | "they" | "we" | "i" | "it"
            )
    });
    if !clean {
        return None;
    }
    let mention = left_speaker(doc, cue.first(), sent_start)?;
    Some(Found::new(RuleId::CueBeforeQuote, Some(cue), Some(mention)))
}

/// Most words between the source after "According to" and the comma
/// before the quote ("According to Limbaugh, a radio host, “…”").
const MAX_WORDS_AFTER_SOURCE: usize = 8;

/// "According to Limbaugh, “…”": a sentence that opens with its source
/// and a comma right before the opening mark at `open`.
fn according_to_before(doc: &Doc, open: usize) -> Option<Found> {
    let comma = open.checked_sub(1).filter(|&c| doc.is(c, ","))?;
    let start = sentence_start_from(doc, comma);
    if doc.low(start) != "according" || !doc.is(start + 1, "to") || start + 2 >= comma {
        return None;
    }
    let m = np_right(doc, start + 2, comma)?;
    let after = m.tokens.last() + 1;
    let apposition =
        (after..comma).all(|i| !doc.is_mark(i)) && comma - after <= MAX_WORDS_AFTER_SOURCE;
    apposition.then(|| {
        Found::new(
            RuleId::CueBeforeQuote,
            Some(TokenSpan::new(start, start + 1)),
            Some(m),
        )
    })
}

/// Whether the words between a cue and the opening mark still introduce a
/// direct quote: punctuation, a listener after "told"/"asked", or when and
/// where it was said ("on Monday", "in a statement", "on Twitter").
fn gap_allows_direct(doc: &Doc, cue_start: usize, cue_end: usize, open: usize) -> bool {
    let tell = takes_listener(doc.low(cue_start));
    (cue_end + 1..open).all(|i| {
        if !doc.is_word(i) {
            return !doc.is_mark(i);
        }
        let low = doc.low(i);
        // "said the “old model” of … is in decline": an article opens a
        // noun phrase of the reported clause, unless a preposition came
        // first ("said in a statement, “…”").
        let preposition_before = (cue_end + 1..i).any(|k| matches!(doc.low(k), "on" | "in" | "at"));
        if matches!(low, "a" | "an" | "the") && !preposition_before && !tell {
            return false;
        }
        // "told the forum he was “…”": a subject after the listener starts a
        // reported clause the quote is part of (a mixed quote).
        let clause_subject = matches!(low, "that" | "he" | "she" | "they" | "we" | "i" | "it");
        tell && !clause_subject
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
