//! `cue-fragment-mixed`: X reported “2,521 shooting incidents” in the city.

use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
use super::super::scan::{clause_end, mixed_end};
use super::{Case, Found, Rule, RuleId, Stage};

/// Most words of a quoted fragment glued to its cue.
const MAX_FRAGMENT_WORDS: usize = 6;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::CueFragmentMixed,
    stage: Stage::Mixed,
    doc: "A short quoted fragment (six words or fewer, no sentence punctuation) right after \
          its reporting verb is part of the reported clause, which is the quote: “police \
          reported “2,521 shooting incidents” in the city”. A full sentence after the verb \
          stays a direct quote.",
    cases: &[Case::quote(
        "Inspector Dario Conti described “a very organised network” operating across three ports.",
        "“a very organised network” operating across three ports",
        Some("described"),
        Some("Dario Conti"),
    )],
};

/// The last token of the mixed quote, when `found`'s cue is glued to a
/// short fragment in `span`.
pub(crate) fn cue_fragment_mixed(doc: &Doc, span: &MarkedSpan, found: &Found) -> Option<usize> {
    let (cue, o) = (found.cue?, span.open?);
    let fragment = span.inner.is_none_or(|s| {
        s.indices().filter(|&i| doc.is_word(i)).count() <= MAX_FRAGMENT_WORDS
            && !s.indices().any(|i| doc.is_terminal(i) || doc.is(i, ","))
    });
    (cue.last() + 1 == o && fragment)
        .then(|| mixed_end(doc, span.close, clause_end(doc, span.close)))
}
