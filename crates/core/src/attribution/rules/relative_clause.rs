//! `relative-clause`: “…,” said X, who pointed out that CLAUSE.

use super::super::doc::Doc;
use super::super::lexicon::is_cue_modifier;
use super::super::phrases::Mention;
use super::super::scan::{clause_end, cue_at};
use super::super::{Attributed, Quote, QuoteKind};
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::RelativeClause,
    stage: Stage::Indirect,
    doc: "After an attribution, a relative clause with a reporting verb reports more speech \
          by the same speaker: “…,” said Ms X, who pointed out that CLAUSE. The clause after \
          the verb (and “that”) is an indirect quote; at least three tokens.",
    cases: &[Case::quote(
            "“Water is a right,” said Ms Leila Haddad, who stressed that every village must be connected by 2030.",
            "every village must be connected by 2030",
            Some("stressed"),
            Some("Leila Haddad"),
        )],
};

/// "…,” said Ms Kaori, who pointed out that CLAUSE." — an indirect quote by
/// the same speaker in a relative clause after the attribution.
pub(crate) fn relative_clause(doc: &Doc, a: &Attributed, m: Mention) -> Option<Attributed> {
    let mut j = m.tokens.last() + 1;
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
            found_by: RuleId::RelativeClause,
            speaker_by: None,
            cue_class: super::super::CueClass::Speech,
            confidence: 0,
            interruptions: Vec::new(),
            edited: super::super::QuoteEdits::default(),
        },
        mention: Some(m),
        first_token: content,
    })
}
