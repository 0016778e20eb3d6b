//! `speaker-then-cue`: “…,” X said / “…,” X, the minister, said.

use super::super::after_close::AfterClose;
use super::super::doc::Doc;
use super::super::lexicon::{is_cue_verb, pronoun_gender};
use super::super::phrases::{is_clause_word, np_left, np_right, MentionKind};
use super::super::scan::{cue_at, skip_modifiers_back};
use super::{Case, Found, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::SpeakerThenCue,
    stage: Stage::AfterClose,
    doc: "The speaker, then a reporting verb, within 16 tokens after the closing mark: \
          “…,” X said / “…,” X, the minister of Y, told reporters / “…,” retired general X \
          said (a few modifiers before the name). When the quote opens a \
          longer clause (“…” to drive up the price, she said) the whole clause is a mixed \
          quote; so is a clause begun before the quoted words (The bill's failure was \
          “heartbreaking,” she said). An intervening clause (“…,” and then he left, saying) is not an \
          attribution: the stage stops.",
    cases: &[
        // Quoted words ending a clause begun before them: a mixed quote.
        Case::quote(
            "The bill's failure was “heartbreaking,” Senator Ada Eze said.",
            "The bill's failure was “heartbreaking,”",
            Some("said"),
            Some("Ada Eze"),
        ),
        // The phrase a prepositional phrase belongs to, not its object.
        Case::quote(
            "“The water is rising faster than we planned for,” the mayor of the port city said.",
            "“The water is rising faster than we planned for,”",
            Some("said"),
            Some("the mayor"),
        ),
        // A suffix ("Jr.") before a long apposition.
        Case::quote(
            "“Twitter works as a way to sell books and to promote movies,” Samuel T. Okoro Jr., the director of the national cyber security agency, said at a news conference.",
            "“Twitter works as a way to sell books and to promote movies,”",
            Some("said"),
            Some("Samuel T. Okoro Jr"),
        ),
        // A speech verb the lexicon lacks, ending the sentence.
        Case::quote(
            "“The market has not failed the workers,” Okafor mocks.",
            "“The market has not failed the workers,”",
            Some("mocks"),
            Some("Okafor"),
        ),
        Case::quote(
            "“Will the ferry ever come back?” Tomasz Wolny fretted.",
            "“Will the ferry ever come back?”",
            Some("fretted"),
            Some("Tomasz Wolny"),
        ),
        Case::quote(
            "“We have never seen floods like this,” Mayor Ana Pereira told reporters on Monday.",
            "“We have never seen floods like this,”",
            Some("told"),
            Some("Ana Pereira"),
        ),
        Case::quote(
            "“Subpoenas are not optional,” panel chairman Rep. Aiko Tanabe (D-Hawaii) said after the hearing.",
            "“Subpoenas are not optional,”",
            Some("said"),
            Some("Aiko Tanabe"),
        ),
        // After "!" or "?", the attribution is a sentence of its own that
        // may go on after its verb.
        Case::quote(
            "“The great state of Alabama is proud to cast its votes!” Senator Ada Eze said as she opened the roll call on the convention floor.",
            "“The great state of Alabama is proud to cast its votes!”",
            Some("said"),
            Some("Ada Eze"),
        ),
        // A document that "read": its words are quoted.
        Case::quote(
            "“The plant will close in March and all staff will be offered other posts,” the memo read.",
            "“The plant will close in March and all staff will be offered other posts,”",
            Some("read"),
            Some("the memo"),
        ),
        // A surname that is also a reporting verb is the speaker, not the cue.
        Case::quote(
            "“We have looked at every rule that could change,” Read said.",
            "“We have looked at every rule that could change,”",
            Some("said"),
            Some("Read"),
        ),
        Case::quote(
            "“Talks will resume next week,” Rahul Verma, the trade secretary, said.",
            "“Talks will resume next week,”",
            Some("said"),
            Some("Rahul Verma"),
        ),
    ],
};

/// Longest stretch from the closing mark to the verb over a name and its
/// apposition, in tokens.
const MAX_APPOSITION: usize = 40;

/// Tried at the first token after the closing mark.
pub(crate) fn speaker_then_cue(c: &AfterClose) -> Outcome<Found> {
    let (doc, j) = (c.doc, c.j);
    // "“…,” Leonard E. Burman, director of the centrist … and a professor
    // at …, said": after a name and a comma, a long apposition.
    let apposition = np_right(doc, j, c.sent_end + 1).is_some_and(|m| {
        let mut after = m.tokens.last() + 1;
        // "James B. Comey Jr., the director of …": past a suffix's period.
        if doc.is(after, ".") && matches!(doc.s(after - 1), "Jr" | "Sr") {
            after += 1;
        }
        m.kind == MentionKind::Name && doc.is(after, ",")
    });
    let reach = if apposition { MAX_APPOSITION } else { 16 };
    let limit = (j + reach).min(c.sent_end + 1);
    let mut k = j;
    while k < limit && !doc.is_mark(k) && !doc.is_terminal(k) {
        if let Some(cue_end) = cue_at(doc, k) {
            if k == j {
                return Outcome::Skip;
            }
            return at_cue(c, k, cue_end);
        }
        k += 1;
    }
    unfamiliar_verb(c)
}

/// "“…,” the girl whimpered." / "“…?” Beck questioned." / "“…,” he
/// mocks.": right after the closing mark a speaker, then one lowercase
/// "-ed" word (or "-s" after a name or pronoun) that ends the sentence (or
/// meets a comma): a speech verb the lexicon lacks.
fn unfamiliar_verb(c: &AfterClose) -> Outcome<Found> {
    let (doc, j) = (c.doc, c.j);
    let Some(m) = np_right(doc, j, c.sent_end + 1).filter(|m| m.kind != MentionKind::Relative)
    else {
        return Outcome::Skip;
    };
    let v = m.tokens.last() + 1;
    // "“…,” he mocks.": a present "-s" form after a pronoun or a name.
    let low = doc.low(v);
    let present = matches!(m.kind, MentionKind::Pronoun | MentionKind::Name)
        && low.len() > 3
        && low.ends_with('s')
        && !low.ends_with("ss");
    let verb =
        v <= c.sent_end && doc.is_word(v) && !doc.is_cap(v) && (low.ends_with("ed") || present);
    let ends = v + 1 > c.sent_end || doc.is_terminal(v + 1) || doc.is(v + 1, ",");
    if !verb || !ends {
        return Outcome::Skip;
    }
    Outcome::Found(Found::new(
        RuleId::SpeakerThenCue,
        Some(TokenSpan::one(v)),
        Some(m),
    ))
}

/// Most words of modifiers before a speaker's name ("retired Air Force
/// general").
const MAX_MODIFIERS: usize = 4;

/// Whether the tokens `from..to` are a few words that modify the name after
/// them: no clause word, pronoun or reporting verb ("and then he left").
fn only_modifiers(doc: &Doc, from: usize, to: usize) -> bool {
    to > from
        && to - from <= MAX_MODIFIERS
        && (from..to).all(|i| {
            let low = doc.low(i);
            doc.is_word(i)
                && !is_clause_word(low)
                && pronoun_gender(low).is_none()
                && !is_cue_verb(low)
        })
}

/// The attribution for the cue at `k..=cue_end`, or none.
fn at_cue(c: &AfterClose, k: usize, cue_end: usize) -> Outcome<Found> {
    let (doc, j) = (c.doc, c.j);
    let found = |m| Found::new(RuleId::SpeakerThenCue, Some(TokenSpan::new(k, cue_end)), m);
    if let Some(m) = np_right(doc, j, k) {
        return Outcome::Found(found(Some(m)));
    }
    let m = np_left(doc, skip_modifiers_back(doc, k, j), j);
    // "“…” to drive up the price, she said": the clause up to the comma.
    if let Some(m) = m.filter(|m| m.tokens.first() > j + 1 && doc.is(m.tokens.first() - 1, ",")) {
        let mut f = found(Some(m));
        f.extend_to = Some(m.tokens.first() - 2);
        return Outcome::Found(f);
    }
    // "“…,” retired Air Force general Lloyd Newton said", "panel Chairman
    // Rep. Jason Chaffetz (R-Utah) said": a few modifiers before the name.
    if let Some(m) =
        m.filter(|&m| m.kind == MentionKind::Name && only_modifiers(doc, j, m.tokens.first()))
    {
        return Outcome::Found(found(Some(m)));
    }
    // An intervening clause ("…,” and then he left, saying) is not an attribution.
    if m.is_none() || m.is_some_and(|m| m.tokens.first() > j) {
        return Outcome::Stop;
    }
    Outcome::Found(found(m))
}
