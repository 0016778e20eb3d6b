//! `previous-sentence`: …, Schiff said. “The other factor …”

use super::super::doc::Doc;
use super::super::lexicon::{is_cue_verb, is_indirect_cue, pronoun_gender};
use super::super::phrases::{is_clause_word, np_right, Mention};
use super::super::scan::{left_speaker, sentence_start_from};
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::PreviousSentence,
    stage: Stage::Continuation,
    doc: "A quote right after a sentence that ends with an attribution (“…, Schiff said.” or \
          “…, said Schiff.”, “…, digital consultant Phil Musser says.”) in the same paragraph \
          is by that speaker: the attribution introduces what follows.",
    cases: &[
        Case::quote(
            "The plan is expensive, Governor Raúl Ortega said. “But doing nothing will cost far more in the long run.”",
            "“But doing nothing will cost far more in the long run.”",
            None,
            Some("Raúl Ortega"),
        ),
        // A few lowercase words may stand between the comma and the name.
        Case::quote(
            "Or maybe the mayor, digital consultant Ines Duarte says. “Several surveys suggest a second look is under way.”",
            "“Several surveys suggest a second look is under way.”",
            None,
            Some("Ines Duarte"),
        ),
    ],
};

/// The speaker of an attribution ending the sentence just before the
/// opening mark `open`.
pub(crate) fn previous_sentence(doc: &Doc, open: Option<usize>) -> Option<Mention> {
    let o =
        open.filter(|&o| o > 0 && doc.same_paragraph(o - 1, o) && !doc.same_sentence(o - 1, o))?;
    let end = o - 1;
    let start = sentence_start_from(doc, end);
    let last = if doc.is_terminal(end) {
        end.saturating_sub(1)
    } else {
        end
    };
    for c in (start.max(last.saturating_sub(4))..=last).rev() {
        if !is_indirect_cue(doc.low(c)) || doc.is_cap(c) {
            continue;
        }
        let mention = left_speaker(doc, c, start)
            .filter(|m| after_comma(doc, start, m.tokens.first()))
            .or_else(|| np_right(doc, c + 1, last + 1).filter(|m| m.tokens.last() == last));
        if mention.is_some() {
            return mention;
        }
    }
    None
}

/// Most lowercase words between the comma and the speaker's name ("…,
/// digital consultant Phil Musser says.").
const MAX_MODIFIERS: usize = 3;

/// Whether the speaker starting at token `m` follows a comma after
/// `start`, past a few lowercase modifiers.
fn after_comma(doc: &Doc, start: usize, m: usize) -> bool {
    let mut k = m;
    while k > start + 1 && m - k < MAX_MODIFIERS && is_modifier(doc, k - 1) {
        k -= 1;
    }
    k > start && doc.is(k - 1, ",")
}

/// A lowercase word that may modify a name ("digital", "consultant").
fn is_modifier(doc: &Doc, i: usize) -> bool {
    doc.is_word(i)
        && !doc.is_cap(i)
        && !is_clause_word(doc.low(i))
        && !is_cue_verb(doc.low(i))
        && pronoun_gender(doc.low(i)).is_none()
}
