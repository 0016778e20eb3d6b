//! `subject-of-sentence`: Sanders credited the win to “a closed primary …”

use super::super::doc::Doc;
use super::super::phrases::{is_impersonal, is_possessive, Mention, MentionKind};
use super::super::scan::{sentence_start_from, sentence_subject_past_apposition};
use super::{Case, Rule, RuleId, Stage};

/// Most tokens between the sentence start and the opening mark: a clause
/// leading into the quote, not a long sentence naming many people.
const MAX_LEAD_IN: usize = 40;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::SubjectOfSentence,
    stage: Stage::Continuation,
    doc: "Long marked speech that ends a sentence led by its subject and a verb no rule reads \
          as a cue (“Sanders credited Clinton's victory to “a closed primary …””, “Warren \
          appeared with Maddow, saying, “…””) is by that subject: news writing names the \
          speaker as the subject and lets the quote finish the sentence. Not when the lead-in \
          holds quotation marks of its own, opens with a circumstance (“When …”, “After …”), \
          is longer than forty tokens, or its subject is a possessive (“Pence's release \
          linked to …”) or an impersonal “it” or “you”; two quotes in one such sentence stay two quotes \
          (PolNeAR train, direct track: speaker accuracy 90.05 -> 90.85). The subject may be a \
          name with an apposition or a party bracket before its verb (“Filippo Grandi, the UN \
          refugee chief, reacted …, “…””: 92.17 -> 92.34).",
    cases: &[
        // An apposition or a party bracket between the name and its verb.
        Case::quote(
            "Amina Diallo, the UN refugee agency's chief, reacted coolly to the deal, “I am concerned about any agreement that sends people back without safeguards.”",
            "“I am concerned about any agreement that sends people back without safeguards.”",
            None,
            Some("Amina Diallo"),
        ),
        Case::quote(
            "Gov. Pat Keane (R) blamed the court's “four liberal justices who blocked the protections afforded by our sensible voter laws.”",
            "“four liberal justices who blocked the protections afforded by our sensible voter laws.”",
            None,
            Some("Pat Keane"),
        ),
        Case::quote(
            "Mensah credited the victory to “a closed primary, something I am not all that enthusiastic about.”",
            "“a closed primary, something I am not all that enthusiastic about.”",
            None,
            Some("Mensah"),
        ),
        Case::quote(
            "Senator Ada Mensah fanned controversy this year with her remark that “there is a special place in hell for those who stay silent.”",
            "“there is a special place in hell for those who stay silent.”",
            None,
            Some("Ada Mensah"),
        ),
    ],
};

/// The subject of the sentence that the quote opening at `open` ends,
/// when a clause of its own leads into the quote.
pub(crate) fn subject_of_sentence(doc: &Doc, open: Option<usize>) -> Option<Mention> {
    let o = open.filter(|&o| o > 0 && !doc.is_terminal(o - 1))?;
    if !doc.same_sentence(o - 1, o) || !doc.same_paragraph(o - 1, o) {
        return None;
    }
    let start = sentence_start_from(doc, o - 1);
    if o - start > MAX_LEAD_IN || (start..o).any(|i| doc.is_mark(i)) {
        return None;
    }
    // "Pence's press release linked to …": the subject is the release;
    // "It's the pull of …", "You have to go back …": no one speaks.
    sentence_subject_past_apposition(doc, start, o).filter(|&m| {
        m.kind != MentionKind::Relative && !is_possessive(doc, m) && !is_impersonal(doc, m)
    })
}
