//! `name-after-quote`: “…,” Mr X, Role. (no verb)

use super::super::after_close::AfterClose;
use super::super::phrases::{np_right, MentionKind};
use super::{Case, Found, Outcome, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::NameAfterQuote,
    stage: Stage::AfterClose,
    doc: "A quote ending with a comma, followed only by a name and maybe a role: \
          “…,” Mr Vegard Holmelid, Minister Counsellor. Only a proper name, and only when \
          the name ends the clause (a comma, a stop, a parenthesis): “…,” Paris is not a speaker \
          when a verb follows it.",
    cases: &[Case::quote(
            "“Our schools need more teachers, not more tests,” Ms Ingrid Solberg, head of the teachers’ union.",
            "“Our schools need more teachers, not more tests,”",
            None,
            Some("Ingrid Solberg"),
        )],
};

/// Tried at the first token after the closing mark, when the quote ended with a comma.
pub(crate) fn name_after_quote(c: &AfterClose) -> Outcome<Found> {
    if !c.comma {
        return Outcome::Skip;
    }
    let doc = c.doc;
    let found = np_right(doc, c.j, c.sent_end + 1)
        .filter(|m| m.kind == MentionKind::Name)
        .filter(|m| {
            let after = m.tokens.last() + 1;
            after > c.sent_end || matches!(doc.s(after), "," | "." | "(" | ";")
        })
        .map(|m| Found::new(RuleId::NameAfterQuote, None, Some(m)));
    found.map_or(Outcome::Skip, Outcome::Found)
}
