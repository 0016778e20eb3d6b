//! `previous-sentence`: …, Schiff said. “The other factor …”

use super::super::doc::Doc;
use super::super::lexicon::is_indirect_cue;
use super::super::phrases::{np_right, Mention};
use super::super::scan::{left_speaker, sentence_start_from};
use super::{Case, Rule, RuleId, Stage};

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::PreviousSentence,
    stage: Stage::Continuation,
    doc: "A quote right after a sentence that ends with an attribution (“…, Schiff said.” or \
          “…, said Schiff.”) in the same paragraph is by that speaker: the attribution \
          introduces what follows.",
    cases: &[Case::quote(
            "The plan is expensive, Governor Raúl Ortega said. “But doing nothing will cost far more in the long run.”",
            "“But doing nothing will cost far more in the long run.”",
            None,
            Some("Raúl Ortega"),
        )],
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
            .filter(|m| m.tokens.first() > start && doc.is(m.tokens.first() - 1, ","))
            .or_else(|| np_right(doc, c + 1, last + 1).filter(|m| m.tokens.last() == last));
        if mention.is_some() {
            return mention;
        }
    }
    None
}
