//! A pronoun opening what its sentence's subject reports is that subject:
//! in “Cross said he is left with two options …, “the most divisive
//! figure””, “Trump told reporters that he thinks Brexit is “a great
//! thing”” or “The president denounced what he called the “deeply
//! pessimistic” vision …”, the speaker is the one whose words the sentence
//! reports (Cross, Trump), not the “he” of the reported clause. The quote
//! keeps its words and cue; its speaker mention becomes the subject, and the
//! speakers' stage resolves it as a name (a pronoun far from its name is
//! the ranker's guess; the subject of the same sentence is not a guess).

use super::doc::Doc;
use super::lexicon::{
    first_name_gender, is_characterising_cue, is_title, pronoun_gender, title_gender, Gender,
};
use super::phrases::{Mention, MentionKind};
use super::scan::{cue_at, left_speaker, sentence_subject_past_apposition};
use super::Attributed;

/// Moves the speaker mention of each quote credited to a pronoun in a
/// reported clause to the subject reporting it (see the module docs).
pub(crate) fn prefer_reporting_subject(doc: &Doc, quotes: &mut [Attributed]) {
    for a in quotes {
        let Some(m) = a.mention.filter(|m| m.kind == MentionKind::Pronoun) else {
            continue;
        };
        let Some(subject) = reporting_subject(doc, m) else {
            continue;
        };
        if a.quote.range.contains_range(doc.range_of(subject.tokens)) {
            continue; // a mixed quote holding its own subject: as read
        }
        a.set_speaker(doc, subject);
    }
}

/// The speaker of the reporting verb whose clause the pronoun `m` opens
/// ("Cross said he", "told reporters that he"), when it is a name or a
/// noun phrase that agrees with the pronoun.
fn reporting_subject(doc: &Doc, m: Mention) -> Option<Mention> {
    let at = m.tokens.first();
    let low = doc.low(at);
    if !matches!(low, "he" | "she" | "they") || at == 0 {
        return None;
    }
    let start = doc.sentence_bounds(at).first();
    let subject = match reporting_verb_before(doc, at, start) {
        Some(cue) => left_speaker(doc, cue, start)?,
        None => characterising_subject(doc, at, start)?,
    };
    let kind_ok = matches!(subject.kind, MentionKind::Name | MentionKind::Nominal);
    (kind_ok && agrees(doc, subject, low)).then_some(subject)
}

/// "Ban Ki-moon condemned what he called a “brazen breach”": the subject
/// of the sentence, for a pronoun between "what" (or "whom") and a
/// reporting verb, the subject's verb next to it (past an apposition,
/// auxiliaries and adverbs).
fn characterising_subject(doc: &Doc, at: usize, start: usize) -> Option<Mention> {
    let before = at.checked_sub(1).filter(|&b| b > start)?;
    let said = doc.low(at + 1);
    if !matches!(doc.low(before), "what" | "whom")
        || !(is_characterising_cue(said) || cue_at(doc, at + 1).is_some())
    {
        return None;
    }
    let subject = sentence_subject_past_apposition(doc, start, before)?;
    let verb = verb_after(doc, subject.tokens.last() + 1, before)?;
    (verb + 1 == before).then_some(subject)
}

/// The verb after a subject ending before `i`: past an apposition between
/// commas or a bracket, auxiliaries and adverbs ("has also"); before
/// token `end`.
fn verb_after(doc: &Doc, mut i: usize, end: usize) -> Option<usize> {
    if doc.is(i, ",") || doc.is(i, "(") {
        let close = if doc.is(i, ",") { "," } else { ")" };
        i = (i + 1..end.min(i + 16)).find(|&k| doc.is(k, close))? + 1;
    }
    let skippable = |w: &str| {
        matches!(
            w,
            "has" | "had" | "have" | "also" | "then" | "later" | "again"
        ) || (w.len() > 4 && w.ends_with("ly"))
    };
    while i < end && skippable(doc.low(i)) {
        i += 1;
    }
    (i < end).then_some(i)
}

/// Most tokens between a reporting verb and the "that" of its clause
/// ("told NPR correspondent Steve Inskeep that").
const MAX_VERB_TO_THAT: usize = 10;

/// The reporting verb whose clause opens at the pronoun `at`: right before
/// it ("said he"), or before the "that" right before it in the same
/// clause ("told reporters on Friday that he").
fn reporting_verb_before(doc: &Doc, at: usize, start: usize) -> Option<usize> {
    let before = at.checked_sub(1).filter(|&b| b >= start)?;
    if cue_at(doc, before) == Some(before) {
        return Some(before);
    }
    if doc.low(before) != "that" {
        return None;
    }
    (before.saturating_sub(MAX_VERB_TO_THAT).max(start)..before)
        .rev()
        .take_while(|&k| !doc.is_mark(k) && !doc.is_terminal(k))
        .find(|&k| cue_at(doc, k) == Some(k) && !doc.is_cap(k))
}

/// Whether the pronoun `low` ("he", "she", "they") may stand for `subject`:
/// "they" for a plural noun ("aides"), "he" and "she" for a name or a
/// singular noun whose title or first name shows no other gender.
fn agrees(doc: &Doc, subject: Mention, low: &str) -> bool {
    let head = doc.low(subject.tokens.last());
    // A capitalised word opening the sentence may be a plural noun too
    // ("Aides said he …").
    let lone_opener = subject.tokens.count() == 1
        && doc.sentence_bounds(subject.tokens.first()).first() == subject.tokens.first();
    let plural = (subject.kind == MentionKind::Nominal || lone_opener)
        && head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss");
    if low == "they" || plural {
        return low == "they" && plural;
    }
    let own = pronoun_gender(low).unwrap_or(Gender::Unknown);
    let shown = if subject.gender == Gender::Unknown {
        shown_gender(doc, subject)
    } else {
        subject.gender
    };
    own == Gender::Unknown || shown == Gender::Unknown || shown == own
}

/// The gender a subject's title ("Mr.", "Sen." none) or first name shows.
fn shown_gender(doc: &Doc, subject: Mention) -> Gender {
    for i in subject.tokens.indices().filter(|&i| doc.is_word(i)) {
        let low = doc.low(i);
        if !is_title(low) {
            return first_name_gender(low);
        }
        let g = title_gender(low);
        if g != Gender::Unknown {
            return g;
        }
    }
    Gender::Unknown
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// The speaker phrase of the quote holding `words`.
    fn speaker_of<'t>(text: &'t str, words: &str) -> Option<&'t str> {
        let a = analyze(text);
        let q = a
            .quotes
            .iter()
            .find(|q| q.range.slice(text).contains(words))
            .unwrap_or_else(|| panic!("no quote holding {words:?} in {text:?}"));
        q.speaker_mention.map(|m| m.slice(text))
    }

    #[test]
    fn a_pronoun_opening_the_reported_clause_is_the_reporting_subject() {
        let cases = [
            (
                "With the vote ruled out, Dana Ortiz said he would back the governor, “the most divisive figure in the state,” or nobody.",
                "the most divisive figure",
                "Dana Ortiz",
            ),
            (
                "The premier also told the radio host Ken Bell that he believes he “may stand for a change that worries them.”",
                "may stand for a change",
                "The premier",
            ),
            (
                "Asked to tone it down, Mayor Tom Reed said he answered: “When you are under fire, you cannot be too polite.”",
                "When you are under fire",
                "Mayor Tom Reed",
            ),
            (
                "Mayor Tom Reed denounced what he called the “deeply cynical” budget of the council.",
                "deeply cynical",
                "Mayor Tom Reed",
            ),
        ];
        for (text, words, speaker) in cases {
            assert_eq!(speaker_of(text, words), Some(speaker), "{text}");
        }
    }

    #[test]
    fn a_pronoun_of_another_gender_or_number_stays() {
        // "she" is not the man who reports her words.
        let text =
            "Mr. Tom Reed said she answered: “When you are under fire, you cannot be too polite.”";
        assert_eq!(speaker_of(text, "under fire"), Some("she"));
        // "he" is not a plural noun ("aides").
        let text = "Aides said he answered: “When you are under fire, you cannot be too polite.”";
        assert_eq!(speaker_of(text, "under fire"), Some("he"));
    }
}
