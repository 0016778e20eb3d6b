//! `unattributed-long`: long marked speech with no cue in reach.

use super::{Case, Rule, RuleId, Stage};

/// The rule (the other side of `scare-quote`: the engine keeps unattributed
/// marked text that is not a scare quote).
pub(crate) const RULE: Rule = Rule {
    id: RuleId::UnattributedLong,
    stage: Stage::Continuation,
    doc: "Marked text of eight words or more in double marks with no attribution in reach is \
          still speech: a quote with no speaker (“speaker not found”), rather than nothing. \
          Shorter or single-marked text is a scare quote.",
    cases: &[
        Case::quote(
            "The crowd grew quiet.\n\n“We are not leaving this square until they listen to us.”",
            "“We are not leaving this square until they listen to us.”",
            None,
            None,
        ),
        // A circumstance opens the sentence: its subject is not the speaker.
        Case::quote(
            "When the mayor spoke to the council, the room heard “a plan that nobody in this city had asked for.”",
            "“a plan that nobody in this city had asked for.”",
            None,
            None,
        ),
    ],
};
