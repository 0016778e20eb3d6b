//! `finding-that`: X found that CLAUSE / X believes that CLAUSE.

use super::super::doc::Doc;
use super::super::indirect::IndirectAt;
use super::super::lexicon::is_that_cue;
use super::super::scan::{indirect_clause_end, left_speaker};
use super::{Case, Clause, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::FindingThat,
    stage: Stage::Indirect,
    doc: "Verbs of finding, believing and showing report a clause only through “that”: \
          “the survey found that …”, “analysts believe that …”. The clause after “that” is \
          the quote, the subject before the verb its source. Without “that” (“found the \
          keys”) they report nothing.",
    cases: &[
        Case::quote(
            "The audit found that nearly a third of the funds had never reached the schools.",
            "nearly a third of the funds had never reached the schools",
            Some("found"),
            Some("The audit"),
        ),
        Case::no_quote(
            "The rescuers found the hikers late on Sunday evening near the summit.",
            "the hikers late",
        ),
    ],
};

/// Tried at each word of a sentence: a lowercase finding or belief verb
/// followed by "that".
pub(crate) fn finding_that(at: &IndirectAt) -> Outcome<Clause> {
    let (doc, here) = (at.doc, at.here);
    let that_follows = here < at.end && doc.is(here + 1, "that");
    if !is_that_cue(at.low) || doc.is_cap(here) || !that_follows {
        return Outcome::Skip;
    }
    Outcome::stop_unless(clause(doc, at.sentence.first(), at.end, here))
}

fn clause(doc: &Doc, a: usize, end: usize, here: usize) -> Option<Clause> {
    let m = left_speaker(doc, here, a)?;
    let from = here + 2;
    (from <= end && !doc.is_mark(from)).then(|| {
        Clause::new(
            RuleId::FindingThat,
            TokenSpan::new(from, indirect_clause_end(doc, from, end)),
            TokenSpan::one(here),
            m,
        )
    })
}
