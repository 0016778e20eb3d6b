//! `cue-then-speaker`: “…,” said X / “…,” according to X.

use super::super::after_close::AfterClose;
use super::super::phrases::np_right;
use super::super::scan::cue_at;
use super::{Case, Found, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::CueThenSpeaker,
    stage: Stage::AfterClose,
    doc: "A reporting verb or phrase right after the closing mark (past a comma), \
          then the speaker: “…,” said X / “…,” according to X / “…,” added the minister. \
          The speaker may be missing (“…,” said one of them, unnamed: no speaker). \
          Inverted attribution is the commonest in news after a quote.",
    cases: &[
        Case::quote(
            "“The harvest will be late this year,” said Kwame Mensah, a farmer near Kumasi.",
            "“The harvest will be late this year,”",
            Some("said"),
            Some("Kwame Mensah"),
        ),
        Case::quote(
            "“Prices have doubled since March,” according to Ms Lucía Fernández.",
            "“Prices have doubled since March,”",
            Some("according to"),
            Some("Lucía Fernández"),
        ),
        // Manner verbs report speech too.
        Case::quote(
            "“We are not going to pay,” fumed Tom Reed, a spokesman for the company.",
            "“We are not going to pay,”",
            Some("fumed"),
            Some("Tom Reed"),
        ),
    ],
};

/// Tried at the first token after the closing mark.
pub(crate) fn cue_then_speaker(c: &AfterClose) -> Outcome<Found> {
    match cue_at(c.doc, c.j) {
        Some(cue_end) => {
            let mention = np_right(c.doc, cue_end + 1, c.sent_end + 1);
            // “unmistakably and wrongfully” suggests that …: quoted words
            // that run on into a verb without a comma, and nobody after
            // it, are the subject of the sentence, not a quotation.
            if mention.is_none() && !c.comma {
                return Outcome::Skip;
            }
            Outcome::Found(Found::new(
                RuleId::CueThenSpeaker,
                Some(TokenSpan::new(c.j, cue_end)),
                mention,
            ))
        }
        None => Outcome::Skip,
    }
}
