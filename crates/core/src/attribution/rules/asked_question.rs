//! `asked-question`: Asked whether X, Y said … — the question is reported,
//! and nobody is named as asking it.

use super::super::doc::Doc;
use super::super::indirect::IndirectAt;
use super::super::lexicon::{is_cue_verb, is_time_word};
use super::super::phrases::np_right;
use super::{Case, Clause, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::AskedQuestion,
    stage: Stage::Indirect,
    doc: "A sentence opening with “Asked” (or “When asked”, “But when asked”) reports the \
          question up to the comma before the sentence's own subject and verb: “Asked whether he \
          would run again, the senator said …” gives “whether he would run again”, with no \
          speaker — the text names no one as asking; the answer after the comma is a quote of \
          its own. A day or time right after “Asked” is left out (“Asked on Monday whether …”). \
          Not “Asked by reporters …” (the askers are named: the learned tagger decides), and not \
          without a subject and verb after the comma. (PolNeAR train: 74 of 158 attributions \
          with the cue “asked” were missed, most of them this pattern.)",
    cases: &[
        Case::quote(
            "Asked whether she would run again, Mayor Ana Duarte said she had not decided.",
            "whether she would run again",
            Some("Asked"),
            None,
        ),
        // A day after "Asked" is not part of the question; "when" may come first.
        Case::quote(
            "Asked on Monday about the bridge closure, the minister declined to comment.",
            "about the bridge closure",
            Some("Asked"),
            None,
        ),
        Case::quote(
            "But when asked how the plan would be paid for, Okafor changed the subject.",
            "how the plan would be paid for",
            Some("asked"),
            None,
        ),
        // Without a subject and verb after the comma, nothing is reported.
        Case::no_quote(
            "Asked whether the plant would close, a spokesman for the company.",
            "whether the plant",
        ),
    ],
};

/// "Asked whether X, Y said …": tried at each word of a sentence.
pub(crate) fn asked_question(at: &IndirectAt) -> Outcome<Clause> {
    let (doc, here) = (at.doc, at.here);
    if at.low != "asked" || here >= at.end || !opens_sentence(doc, at.sentence.first(), here) {
        return Outcome::Skip;
    }
    let start = after_time_words(doc, here + 1, at.end);
    if start > at.end || doc.low(start) == "by" {
        return Outcome::Skip;
    }
    Outcome::stop_unless(answer_comma(doc, start, at.end).map(|comma| {
        Clause::without_speaker(
            RuleId::AskedQuestion,
            TokenSpan::new(start, comma - 1),
            TokenSpan::one(here),
        )
    }))
}

/// Whether only connectives and "when" stand before "asked" in its
/// sentence ("Asked …", "When asked …", "But when asked …").
fn opens_sentence(doc: &Doc, first: usize, asked: usize) -> bool {
    let before = first..asked;
    let connective = |i: usize| {
        matches!(
            doc.low(i),
            "but" | "and" | "when" | "also" | "so" | "yet" | "later" | "then"
        )
    };
    before.clone().all(|i| !doc.is_word(i) || connective(i))
        && (asked == first || before.clone().any(|i| doc.low(i) == "when") || doc.is_cap(asked))
}

/// The first token from `i` that is no day, time or "on"/"again" ("Asked
/// on Monday about …", "Asked again whether …").
fn after_time_words(doc: &Doc, mut i: usize, end: usize) -> usize {
    while i <= end
        && (is_time_word(doc.low(i))
            || matches!(
                doc.low(i),
                "on" | "again" | "later" | "repeatedly" | "earlier" | "directly" | "last" | "this"
            ))
    {
        i += 1;
    }
    i
}

/// The first comma after `start` followed by the sentence's subject and
/// its verb: "…, the senator said", "…, Okafor changed".
fn answer_comma(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    (start + 1..end).filter(|&k| doc.is(k, ",")).find(|&k| {
        np_right(doc, k + 1, end + 1).is_some_and(|m| {
            let verb = m.tokens.last() + 1;
            verb <= end && doc.is_word(verb) && !doc.is_cap(verb) && looks_finite(doc.low(verb))
        })
    })
}

/// Whether a lowercase word after a subject reads as its verb: a reporting
/// verb, a past or third-person form, or an auxiliary.
fn looks_finite(low: &str) -> bool {
    is_cue_verb(low)
        || low.ends_with("ed")
        || (low.ends_with('s') && !low.ends_with("ss"))
        || matches!(
            low,
            "would" | "will" | "could" | "can" | "did" | "had" | "was" | "were" | "might" | "shook"
        )
}
