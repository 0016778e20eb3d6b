//! `dash-after-quote`: “…” — X.

use super::super::after_close::AfterClose;
use super::super::phrases::{np_right, MentionKind};
use super::{Case, Found, Outcome, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::DashAfterQuote,
    stage: Stage::AfterClose,
    doc: "A dash right after the closing mark, then a name or a nominal: “…” — X, role. \
          Not a pronoun (“…” — he never finished is narration, not attribution). \
          Wire copy and features attribute pull quotes this way, with no verb.",
    cases: &[
        Case::quote(
            "“We will keep the border open for trade and for families.” — Ms Amina Diallo, Minister of Trade.",
            "“We will keep the border open for trade and for families.”",
            None,
            Some("Amina Diallo"),
        ),
        Case::no_quote(
            "“It was the best of times, it was the worst of times.” — he never finished the sentence.",
            "he never finished",
        ),
    ],
};

/// Tried at the first token after the closing mark.
pub(crate) fn dash_after_quote(c: &AfterClose) -> Outcome<Found> {
    let doc = c.doc;
    if !matches!(doc.s(c.j), "—" | "–" | "―") {
        return Outcome::Skip;
    }
    let found = np_right(doc, c.j + 1, c.sent_end + 1)
        .filter(|m| m.kind != MentionKind::Pronoun)
        .map(|m| Found::new(RuleId::DashAfterQuote, None, Some(m)));
    Outcome::stop_unless(found)
}
