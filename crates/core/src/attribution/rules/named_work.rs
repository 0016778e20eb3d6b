//! `named-work`: on “Fox News Sunday,” / his ‘Red Line’ speech.

use super::super::doc::Doc;
use super::super::quoted::MarkedSpan;
use super::super::scan::is_title_case;
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::NamedWork,
    stage: Stage::NotAQuote,
    doc: "Title Cased words in marks after a possessive or a preposition (“on “Face the \
          Nation,” Ryan said”, “in her “Letter From Birmingham”), or in single marks, are \
          the name of a work even when a speaker is near: not a quote.",
    cases: &[Case::no_quote(
        "Speaking on “Meet the Press,” Ms Rivera said the bill would pass.",
        "Meet the Press",
    )],
};

/// Whether the marked span names a work (show, book, speech).
pub(crate) fn is_named_work(doc: &Doc, span: &MarkedSpan) -> bool {
    let after_name_word = span.open.is_some_and(|o| {
        let before = doc.low(o.saturating_sub(1));
        o > 0
            && (before.ends_with("'s")
                || before.ends_with("’s")
                || matches!(
                    before,
                    "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                        | "on"
                        | "in"
                        | "of"
                        | "with"
                        | "to"
                        | "from"
                        | "at"
                        | "s"
                        | "titled"
                        | "entitled"
                        | "called"
                        | "named"
                        | "dubbed"
                        | "the"
                ))
    });
    let text = span.range.slice(doc.text);
    let single = text.starts_with(['‘', '\'']) && !text.starts_with("''");
    (after_name_word || single)
        && span
            .inner
            .is_none_or(|s| is_title_case(doc, s.first(), s.last()))
}
