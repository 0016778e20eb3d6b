//! `according-to`: According to X, CLAUSE. / CLAUSE, according to X.

use super::super::doc::Doc;
use super::super::indirect::IndirectAt;
use super::super::phrases::np_right;
use super::super::scan::indirect_clause_end;
use super::{Case, Clause, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::AccordingTo,
    stage: Stage::Indirect,
    doc: "“According to X,” opening a sentence, reports the clause after the comma; \
          “…, according to X” closing one reports the clause before it, whatever verbs it \
          holds (“… pledged to support the senator, according to Buchanan”). Not “according to \
          plan” (no source) and not “According to the ministry,” with nothing after.",
    cases: &[
        Case::quote(
            "According to the World Health Organization, cholera cases rose sharply in the region last month.",
            "cholera cases rose sharply in the region last month",
            Some("According to"),
            Some("World Health Organization"),
        ),
        // The source closing the sentence reports all of it, verbs inside too.
        Case::quote(
            "In the end, the two remaining delegates pledged to support the senator, according to Ana Duarte.",
            "In the end, the two remaining delegates pledged to support the senator",
            Some("according to"),
            Some("Ana Duarte"),
        ),
        // Modifiers before the role noun ("veteran radio host").
        Case::quote(
            "According to veteran radio host Nkechi Obi, the council’s plan reeks of “panic” and haste.",
            "the council’s plan reeks of “panic” and haste",
            Some("According to"),
            Some("Nkechi Obi"),
        ),
    ],
};

/// "According to X, CLAUSE." / "CLAUSE, according to X."
/// Tried at each word of a sentence.
pub(crate) fn according_to(at: &IndirectAt) -> Outcome<Clause> {
    let (doc, here) = (at.doc, at.here);
    if at.low != "according" || here >= at.end || !doc.is(here + 1, "to") {
        return Outcome::Skip;
    }
    Outcome::stop_unless(clause(doc, at.sentence.first(), at.end, here))
}

fn clause(doc: &Doc, a: usize, end: usize, c: usize) -> Option<Clause> {
    let m = np_right(doc, c + 2, end + 1)?;
    if c == a || (c == a + 1 && !doc.is_word(a)) {
        let comma = (m.tokens.last() + 1..=end).find(|&i| doc.is(i, ","))?;
        if comma + 1 > end {
            return None; // "According to the ministry," and nothing after
        }
        return Some(Clause::new(
            RuleId::AccordingTo,
            TokenSpan::new(comma + 1, indirect_clause_end(doc, comma + 1, end)),
            TokenSpan::new(c, c + 1),
            m,
        ));
    }
    (c > a + 1 && doc.is(c - 1, ",")).then(|| {
        Clause::new(
            RuleId::AccordingTo,
            TokenSpan::new(a, c - 2),
            TokenSpan::new(c, c + 1),
            m,
        )
    })
}
