//! `second-cue`: “A,” he said, adding, “B.”

use super::super::doc::Doc;
use super::super::lexicon::is_cue_verb;
use super::super::Attributed;
use super::{Case, Rule, RuleId, Stage};

/// Most tokens looked at between two quoted parts.
const MAX_SCAN: usize = 80;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::SecondCue,
    stage: Stage::Continuation,
    doc: "A second reporting verb in -ing between two quoted parts (“A,” he said, adding, \
          “B.” / “A,” she sings, before asking, “B?”) makes the second part a quote of its own \
          by the same speaker, as annotators mark two. Through “that” (“adding that X was \
          “B””) the second is mixed, from after “that”.",
    cases: &[Case::quote(
            "“We cannot wait for another report,” the mayor said at the meeting, adding, “The river is rising every year.”",
            "“The river is rising every year.”",
            Some("adding"),
            Some("the mayor"),
        )],
};

/// The second reporting verb between the previous quote and the marked
/// span starting at token `first`, with that previous quote.
pub(crate) fn second_cue<'p>(
    doc: &Doc,
    first: usize,
    previous: &'p [Attributed],
) -> Option<(usize, &'p Attributed)> {
    let p = previous.last()?;
    let from = doc.token_at(p.quote.range.end());
    (from..first)
        .take(MAX_SCAN)
        .find(|&i| {
            let w = doc.low(i);
            w.len() > 4
                && w.ends_with("ing")
                && is_cue_verb(w)
                && (first - i <= 4 || (doc.is(i + 1, "that") && doc.same_sentence(i, first)))
        })
        .map(|c| (c, p))
}
