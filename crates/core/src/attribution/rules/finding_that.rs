//! `finding-that`: X found that CLAUSE / X believes that CLAUSE.

use super::super::cue_class::CueClass;
use super::super::doc::Doc;
use super::super::indirect::IndirectAt;
use super::super::lexicon::Gender;
use super::super::lexicon::{cue_class_of_word, is_document_word, is_that_cue};
use super::super::phrases::{np_right, Mention, MentionKind};
use super::super::scan::{indirect_clause_end, left_speaker};
use super::{Case, Clause, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::FindingThat,
    stage: Stage::Indirect,
    doc: "Verbs of finding, believing and showing report a clause through “that”: \
          “the survey found that …”, “analysts believe that …”. The clause after “that” is \
          the quote, the subject before the verb its source. Without “that” (“found the \
          keys”) they report nothing, except a document's evidence: “Polls show Trump \
          leading in Ohio”, “A study by the group found the senator got twice the \
          airtime”, “…, records show.” (a poll, survey, study, report or records as the \
          subject of show, find, reveal or indicate).",
    cases: &[
        Case::quote(
            "The audit found that nearly a third of the funds had never reached the schools.",
            "nearly a third of the funds had never reached the schools",
            Some("found"),
            Some("The audit"),
        ),
        // A modal between the speaker and the verb is no part of the speaker.
        Case::quote(
            "Amina Yusuf can argue that the ship left the port on Monday night.",
            "the ship left the port on Monday night",
            Some("argue"),
            Some("Amina Yusuf"),
        ),
        Case::no_quote(
            "The rescuers found the hikers late on Sunday evening near the summit.",
            "the hikers late",
        ),
        Case::quote(
            "Public polls show the governor leading slightly in the northern districts.",
            "the governor leading slightly in the northern districts",
            Some("show"),
            Some("Public polls"),
        ),
        Case::quote(
            "The ferry was insured at a value of $35 million in 2011, records show.",
            "The ferry was insured at a value of $35 million in 2011",
            Some("show"),
            Some("records"),
        ),
    ],
};

/// Tried at each word of a sentence: a lowercase finding or belief verb
/// followed by "that".
pub(crate) fn finding_that(at: &IndirectAt) -> Outcome<Clause> {
    let (doc, here) = (at.doc, at.here);
    if !is_that_cue(at.low) || doc.is_cap(here) {
        return Outcome::Skip;
    }
    let a = at.sentence.first();
    if here < at.end && doc.is(here + 1, "that") {
        return Outcome::stop_unless(clause(doc, a, at.end, here, here + 2));
    }
    if cue_class_of_word(at.low) != Some(CueClass::Evidence) {
        return Outcome::Skip;
    }
    // "Polls show Trump leading", "…, records show.": a document shows
    // what follows it, or what comes before it.
    if let Some(found) = document_before(doc, a, at.end, here) {
        return Outcome::Found(found);
    }
    Outcome::stop_unless(clause(doc, a, at.end, here, here + 1).filter(|c| {
        c.mention.is_some_and(|m| is_document(doc, m.tokens.last())) && c.content.count() > 3
    }))
}

/// Whether token `i` is a document word ("poll", "records", "study").
fn is_document(doc: &Doc, i: usize) -> bool {
    is_document_word(doc.low(i))
}

/// Most words of a document named after the clause it shows ("a new USA
/// TODAY/Rock the Vote survey").
const MAX_DOCUMENT_WORDS: usize = 8;

/// "CLAUSE, records show." / "CLAUSE, a new analysis shows.": the
/// document between the last comma and the verb that ends the sentence.
fn document_before(doc: &Doc, a: usize, end: usize, here: usize) -> Option<Clause> {
    if here != end {
        return None;
    }
    let comma = (a..here).rev().find(|&i| doc.is(i, ","))?;
    let last = here - 1;
    // "a new USA TODAY analysis", or a bare plural ("records", "new filings").
    let words = comma + 1..here;
    let short_phrase = here - comma <= MAX_DOCUMENT_WORDS && words.clone().all(|i| doc.is_word(i));
    if comma + 1 >= here || !is_document(doc, last) || !short_phrase {
        return None;
    }
    let m = np_right(doc, comma + 1, here)
        .filter(|m| m.tokens.last() == last)
        .unwrap_or(Mention {
            tokens: TokenSpan::new(comma + 1, last),
            kind: MentionKind::Nominal,
            gender: Gender::Unknown,
        });
    (comma > a + 3).then(|| {
        Clause::new(
            RuleId::FindingThat,
            TokenSpan::new(a, comma - 1),
            TokenSpan::one(here),
            m,
        )
    })
}

fn clause(doc: &Doc, a: usize, end: usize, here: usize, from: usize) -> Option<Clause> {
    let m = left_speaker(doc, here, a)?;
    (from <= end && !doc.is_mark(from)).then(|| {
        Clause::new(
            RuleId::FindingThat,
            TokenSpan::new(from, indirect_clause_end(doc, from, end)),
            TokenSpan::one(here),
            m,
        )
    })
}
