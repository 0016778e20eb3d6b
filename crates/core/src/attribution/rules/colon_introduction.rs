//! `colon-introduction`: X made the following comment: “…”.

use super::super::doc::Doc;
use super::super::phrases::{
    is_impersonal, is_possessive, np_left, np_right, Mention, MentionKind,
};
use super::super::scan::{sentence_start_from, sentence_subject};
use super::{Case, Found, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ColonIntroduction,
    stage: Stage::BeforeOpen,
    doc: "A quote right after a colon, in a sentence with no reporting verb: the subject \
          of that sentence (a name or a pronoun followed by a lowercase verb) is the speaker. \
          “Sanders made the following comment: “…””. Not a nominal subject: “The report \
          has three parts: “…”” quotes the report's section titles, not a person. A name \
          right before the colon after a dash (or opening the sentence) is the speaker too \
          (“Pollsters agree - Carl Bialik: “…””). The subject may follow an opening phrase of \
          any length or a conjunction (“In response to the attack, Donald Trump issued the \
          following statement:”; PolNeAR train, direct track: speaker accuracy 91.15 -> 91.20).",
    cases: &[
        Case::quote(
            "Senator Mary Okafor made her position clear: “No budget passes without the hospital money.”",
            "“No budget passes without the hospital money.”",
            None,
            Some("Mary Okafor"),
        ),
        // A long opening phrase before the subject, the quote in the next paragraph.
        Case::quote(
            "In response to the flooding on Monday night, Mayor Ada Lindqvist issued the following statement:\n\n“Our thoughts are with every family that lost a home tonight.”",
            "“Our thoughts are with every family that lost a home tonight.”",
            None,
            Some("Ada Lindqvist"),
        ),
        Case::quote(
            "But Okafor was blunt about the budget: “No budget passes without the hospital money.”",
            "“No budget passes without the hospital money.”",
            None,
            Some("Okafor"),
        ),
        // A digest's line: a name after a dash, then the colon.
        Case::quote(
            "Pollsters disagree - Amara Lindqvist: “The samples were simply too small to trust.”",
            "“The samples were simply too small to trust.”",
            None,
            Some("Amara Lindqvist"),
        ),
    ],
};

/// "Sanders made the following comment:\n\n“…”": a quote after a colon with
/// no reporting verb goes to the subject of the introducing sentence.
pub(crate) fn colon_introduction(doc: &Doc, open: usize) -> Option<Found> {
    if open == 0 || !doc.is(open - 1, ":") {
        return None;
    }
    // "Pollsters agree - Carl Bialik: “…”": a name after a dash (or
    // opening the sentence) right before the colon is the speaker.
    if let Some(m) = np_left(doc, open.checked_sub(2)?, 0).filter(|m| m.kind == MentionKind::Name) {
        let before = m.tokens.first().checked_sub(1);
        let led = before.is_none_or(|b| {
            matches!(doc.s(b), "-" | "—" | "–")
                || doc.is_terminal(b)
                || !doc.same_paragraph(b, m.tokens.first())
        });
        if led {
            return Some(Found::new(RuleId::ColonIntroduction, None, Some(m)));
        }
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
            let next = m.tokens.last() + 1;
            let verb_follows = next < open - 1 && doc.is_word(next) && !doc.is_cap(next);
            (verb_follows && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
                .then_some(m)
        })
        .or_else(|| subject_after_opening(doc, start, open - 1))?;
    Some(Found::new(RuleId::ColonIntroduction, None, Some(subject)))
}

/// The subject after an opening phrase of any length or a conjunction
/// (“In response to the attack, Donald Trump issued the following
/// statement:”, “And she is sure …:”), as the sentence's subject is read
/// elsewhere; a name or a personal pronoun, not a possessive's owner.
fn subject_after_opening(doc: &Doc, start: usize, colon: usize) -> Option<Mention> {
    let from = if matches!(doc.low(start), "and" | "but" | "so") {
        start + 1
    } else {
        start
    };
    sentence_subject(doc, from, colon).filter(|&m| {
        matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
            && !is_impersonal(doc, m)
            && !is_possessive(doc, m)
    })
}
