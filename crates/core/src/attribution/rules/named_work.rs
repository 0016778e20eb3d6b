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
          Nation,” Ryan said”, “in her “Letter From Birmingham”), after a kind of work (“the \
          anthem “A Change Is Gonna Come,””, “his book, “Trump Revealed,””), or in single \
          marks, are the name of a work even when a speaker is near: not a quote.",
    cases: &[
        Case::no_quote(
            "Speaking on “Meet the Press,” Ms Rivera said the bill would pass.",
            "Meet the Press",
        ),
        // After a kind of work (and its comma) the title is no speech.
        Case::no_quote(
            "In his 2002 book, ''Make Your Kid a Millionaire,'' Kevin Mensah said saving starts early.",
            "Make Your Kid",
        ),
    ],
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
    // "the anthem “A Change Is Gonna Come”", "In his book, ''Make Your Kid a
    // Millionaire,''": a kind of work names the title after it.
    let after_work_noun = span.open.is_some_and(|o| {
        let k = if o > 1 && doc.is(o - 1, ",") {
            o - 2
        } else {
            o.saturating_sub(1)
        };
        o > 0 && is_work_noun(doc.low(k))
    });
    let text = span.range.slice(doc.text);
    let single = text.starts_with(['‘', '\'']) && !text.starts_with("''");
    (after_name_word || after_work_noun || single)
        && span
            .inner
            .is_none_or(|s| is_title_case(doc, s.first(), s.last()))
}

/// Kinds of work whose titles are quoted ("book", "song", "show").
fn is_work_noun(low: &str) -> bool {
    matches!(
        low,
        "book"
            | "books"
            | "memoir"
            | "novel"
            | "song"
            | "songs"
            | "anthem"
            | "album"
            | "film"
            | "movie"
            | "documentary"
            | "show"
            | "series"
            | "play"
            | "musical"
            | "poem"
            | "essay"
            | "column"
            | "podcast"
            | "program"
            | "programme"
            | "episode"
            | "hit"
    )
}
