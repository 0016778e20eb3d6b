//! `subject-before`: Clinton touted her record. “We need …”

use super::super::doc::Doc;
use super::super::lexicon::is_cue_verb;
use super::super::phrases::{is_possessive, np_right, Mention, MentionKind};
use super::super::scan::sentence_start_from;
use super::{Case, Rule, RuleId, Stage};

/// Most tokens in the sentence before the quote: a short lead-in about its
/// speaker ("Howard continued his scathing remarks."), not a paragraph of
/// its own that names many people.
const MAX_LEAD_IN: usize = 25;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::SubjectBefore,
    stage: Stage::Continuation,
    doc: "A quote with no attribution that opens a sentence right after a short sentence \
          whose subject is a name followed by its verb (“Clinton touted her record as a \
          co-sponsor. “We need …””, also across a paragraph break) is by that subject: news \
          writing introduces a speaker, then quotes them. Not when the sentence before holds \
          quotation marks (another speaker's words), opens with a nominal (“The report has \
          three parts.”) or a possessive (“Bush's rating dipped.”), nor when a reporting \
          verb follows the quote (““…?” Lichtman said about …”: its speaker is there).",
    cases: &[
        Case::quote(
            "Senator Ada Mensah touted her record on the bill. “We need to protect workers who organize.”",
            "“We need to protect workers who organize.”",
            None,
            Some("Ada Mensah"),
        ),
        Case::quote(
            "Mayor Jonas Berg continued his remarks.\n\n“The city cannot wait another decade for this bridge.”",
            "“The city cannot wait another decade for this bridge.”",
            None,
            Some("Jonas Berg"),
        ),
    ],
};

/// The subject of the short sentence just before the opening mark `open`,
/// when the quote opens its own sentence.
pub(crate) fn subject_before(doc: &Doc, open: Option<usize>, close: usize) -> Option<Mention> {
    let o = open.filter(|&o| o > 0 && doc.is_terminal(o - 1))?;
    // "“…?” Lichtman said about …": a verb after the quote names its own
    // speaker, even one the rules could not read.
    let after = doc.sentence_bounds(close).last();
    if (close + 1..=after).any(|i| doc.is_word(i) && !doc.is_cap(i) && is_cue_verb(doc.low(i))) {
        return None;
    }
    let end = o - 1;
    let start = sentence_start_from(doc, end);
    if end - start > MAX_LEAD_IN || (start..end).any(|i| doc.is_mark(i)) {
        return None;
    }
    if doc.low(start) == "according" {
        return None;
    }
    let m = np_right(doc, start, end)?;
    let next = m.tokens.last() + 1;
    // "Bush's approval rating dipped": a possessive is no subject.
    let verb_follows =
        next < end && doc.is_word(next) && !doc.is_cap(next) && !is_possessive(doc, m);
    (verb_follows && m.kind == MentionKind::Name).then_some(m)
}
