//! `colon-introduction`: X made the following comment: “…”.

use super::super::doc::Doc;
use super::super::phrases::{np_right, MentionKind};
use super::super::scan::sentence_start_from;
use super::{Case, Found, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ColonIntroduction,
    stage: Stage::BeforeOpen,
    doc: "A quote right after a colon, in a sentence with no reporting verb: the subject \
          of that sentence (a name or a pronoun followed by a lowercase verb) is the speaker. \
          “Sanders made the following comment: “…””. Not a nominal subject: “The report \
          has three parts: “…”” quotes the report's section titles, not a person.",
    cases: &[Case::quote(
            "Senator Mary Okafor made her position clear: “No budget passes without the hospital money.”",
            "“No budget passes without the hospital money.”",
            None,
            Some("Mary Okafor"),
        )],
};

/// "Sanders made the following comment:\n\n“…”": a quote after a colon with
/// no reporting verb goes to the subject of the introducing sentence.
pub(crate) fn colon_introduction(doc: &Doc, open: usize) -> Option<Found> {
    if open == 0 || !doc.is(open - 1, ":") {
        return None;
    }
    let start = sentence_start_from(doc, open - 1);
    let after_comma = (start..(start + 6).min(open - 1))
        .find(|&i| doc.is(i, ","))
        .map(|i| i + 1);
    let subject = [Some(start), after_comma]
        .into_iter()
        .flatten()
        .find_map(|i| {
            let m = np_right(doc, i, open - 1)?;
            let next = m.tokens.last() + 1;
            let verb_follows = next < open - 1 && doc.is_word(next) && !doc.is_cap(next);
            (verb_follows && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
                .then_some(m)
        })?;
    Some(Found::new(RuleId::ColonIntroduction, None, Some(subject)))
}
