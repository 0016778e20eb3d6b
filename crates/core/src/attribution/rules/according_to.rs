//! `according-to`: According to X, CLAUSE. / CLAUSE, according to X.

use super::super::doc::Doc;
use super::super::indirect::IndirectAt;
use super::super::lexicon::Gender;
use super::super::phrases::{np_right, Mention, MentionKind};
use super::super::scan::indirect_clause_end;
use super::{Case, Clause, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::AccordingTo,
    stage: Stage::Indirect,
    doc: "“According to X,” opening a sentence (after a connective: “But, according to the \
          poll, …”), reports the clause after the comma; \
          “…, according to X” closing one reports the clause before it, whatever verbs it \
          holds (“… pledged to support the senator, according to Buchanan”). Not “according to \
          plan” (no source) and not “According to the ministry,” with nothing after. X may be a \
          plain noun phrase (“according to exit polls”; PolNeAR train: all-track F1 62.36 -> \
          62.56).",
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
        // A plain noun phrase is a source too; a connective may come first.
        Case::quote(
            "The firm has more than 7,600 employees, mostly in its shops, according to company documents.",
            "The firm has more than 7,600 employees, mostly in its shops",
            Some("according to"),
            Some("company documents"),
        ),
        Case::quote(
            "But, according to the poll, 46 percent of voters remain undecided.",
            "46 percent of voters remain undecided",
            Some("according to"),
            Some("the poll"),
        ),
        Case::no_quote(
            "The first stage of the rocket separated cleanly, according to plan.",
            "separated cleanly",
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
    let m = np_right(doc, c + 2, end + 1).or_else(|| bare_source(doc, c + 2, end))?;
    let opens = c == a || (c == a + 1 && !doc.is_word(a)) || opens_after_connective(doc, a, c);
    if opens {
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

/// "But, according to the poll, …": only a connective and commas stand
/// before "according".
fn opens_after_connective(doc: &Doc, a: usize, c: usize) -> bool {
    (a..c).all(|i| {
        !doc.is_word(i)
            || matches!(
                doc.low(i),
                "but" | "and" | "so" | "yet" | "however" | "still" | "meanwhile" | "also" | "now"
            )
    }) && (a..c).any(|i| doc.is_word(i))
}

/// "according to company documents", "according to exit polls": a plain
/// noun phrase of lowercase words up to the clause's end or a comma.
fn bare_source(doc: &Doc, i: usize, end: usize) -> Option<Mention> {
    let last = (i..=end.min(i + 7))
        .take_while(|&k| doc.is_word(k))
        .last()?;
    // "according to plan": how, not who.
    if matches!(doc.low(last), "plan" | "plans" | "schedule" | "script") {
        return None;
    }
    Some(Mention {
        tokens: TokenSpan::new(i, last),
        kind: MentionKind::Nominal,
        gender: Gender::Unknown,
    })
}
