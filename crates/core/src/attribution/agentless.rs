//! Agentless passives: “Sanders was asked to name …”, “she is expected to
//! move swiftly”, “it was widely reported that …”. The subject of a passive
//! reporting verb is who the words are about, not who said them, and with no
//! “by …” after the verb the text names no speaker: such a quote keeps its
//! words and loses the speaker the rules or the tagger read in front of it.
//! So does an expletive “it” (“it seems …”), whichever verb follows.

use super::doc::Doc;
use super::lexicon::{is_characterising_cue, is_cue_verb, is_indirect_cue, is_that_cue};
use super::phrases::{np_right, Mention, MentionKind};
use super::Attributed;
use crate::span::TextRange;

/// Clears the speaker of each quote whose cue is a passive reporting verb
/// with no agent, when that speaker stands before the cue (the passive's
/// subject); with an agent ("was asked by host Bill Maher"), the agent is
/// the speaker.
pub(crate) fn clear_agentless_speakers(doc: &Doc, quotes: &mut [Attributed]) {
    for a in quotes {
        let (Some(cue), Some(m)) = (a.quote.cue, a.mention) else {
            continue;
        };
        let first = doc.token_at(cue.start());
        let last = doc.token_at(cue.end()).saturating_sub(1).max(first);
        if m.tokens.last() >= first {
            continue;
        }
        let Some(participle) = passive_participle(doc, first, last) else {
            continue;
        };
        let by = [participle + 1, last + 1]
            .into_iter()
            .find(|&b| doc.is(b, "by"));
        match by.and_then(|b| agent_after(doc, b + 1)) {
            // "Sanders was asked by host Bill Maher whether …": the asker,
            // who is no part of what was asked.
            Some(agent) => {
                a.set_speaker(doc, agent);
                let by_at = by.map(|b| doc.toks[b].range.start());
                if by_at == Some(a.quote.range.start()) {
                    start_after(doc, a, agent.tokens.last() + 1);
                }
            }
            None if by.is_none() => a.clear_speaker(),
            None => {}
        }
    }
}

/// Starts the (uninterrupted) quote `a` at token `i` when it lies inside it.
fn start_after(doc: &Doc, a: &mut Attributed, i: usize) {
    let Some(tok) = doc.toks.get(i) else {
        return;
    };
    let from = tok.range.start();
    if from < a.quote.range.end() && a.quote.interruptions.is_empty() {
        a.quote.range = TextRange::new(from, a.quote.range.end());
    }
}

/// The agent of a passive reporting verb, the phrase starting at token
/// `i` after its "by" ("host Bill Maher", "a caller"), when it is a name or
/// a noun phrase in the same sentence.
fn agent_after(doc: &Doc, i: usize) -> Option<Mention> {
    let end = doc
        .sentence_bounds(i.min(doc.len().saturating_sub(1)))
        .last()
        + 1;
    np_right(doc, i, end).filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Nominal))
}

/// The passive reporting participle of the cue `first..=last`: “was asked”
/// (a form of “be” inside the cue) or “asked” after one (“is widely
/// expected”), adverbs allowed between; not a progressive (“is saying”).
fn passive_participle(doc: &Doc, first: usize, last: usize) -> Option<usize> {
    let participle = if is_be(doc.low(first)) {
        (first + 1..=last).find(|&i| !is_adverb(doc.low(i)))?
    } else {
        let mut b = first.checked_sub(1)?;
        while b > 0 && is_adverb(doc.low(b)) {
            b -= 1;
        }
        if !is_be(doc.low(b)) {
            return None;
        }
        first
    };
    let low = doc.low(participle);
    (!low.ends_with("ing") && is_reporting_form(low)).then_some(participle)
}

/// A form of “be” that makes a passive.
fn is_be(low: &str) -> bool {
    matches!(low, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// An adverb between “be” and its participle (“widely”, “also”, “not”).
fn is_adverb(low: &str) -> bool {
    (low.len() > 4 && low.ends_with("ly"))
        || matches!(
            low,
            "also" | "not" | "never" | "often" | "still" | "already" | "once"
        )
}

/// Whether a mention is the "it" of an agentless report ("It is widely
/// expected that …", "it was reported that …", "it seems …"): no speaker.
pub(crate) fn is_expletive_it(doc: &Doc, m: Mention) -> bool {
    let i = m.tokens.first();
    if m.kind != MentionKind::Pronoun || doc.low(i) != "it" {
        return false;
    }
    let mut j = i + 1;
    if matches!(doc.low(j), "seems" | "seemed" | "appears" | "appeared") {
        return true;
    }
    if !matches!(doc.low(j), "is" | "was" | "has" | "had") {
        return false;
    }
    j += 1;
    if doc.low(j) == "been" {
        j += 1;
    }
    while doc.low(j).ends_with("ly") {
        j += 1; // "widely", "generally"
    }
    matches!(
        doc.low(j),
        "expected"
            | "believed"
            | "reported"
            | "said"
            | "thought"
            | "understood"
            | "feared"
            | "claimed"
            | "alleged"
            | "rumored"
            | "rumoured"
            | "estimated"
            | "known"
    )
}

/// A form of a verb of the reporting lexicon, in any role.
fn is_reporting_form(low: &str) -> bool {
    is_cue_verb(low) || is_indirect_cue(low) || is_that_cue(low) || is_characterising_cue(low)
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    /// The words and speaker phrase of each quote of `text`.
    fn quotes(text: &str) -> Vec<(&str, Option<&str>)> {
        analyze(text)
            .quotes
            .iter()
            .map(|q| {
                (
                    q.range.slice(text),
                    q.speaker_mention.map(|m| m.slice(text)),
                )
            })
            .collect()
    }

    #[test]
    fn a_passive_reporting_verb_without_an_agent_names_no_speaker() {
        let cases = [
            (
                "Senator Ana Ruiz was asked whether the levy would pass.",
                "whether the levy would pass",
            ),
            (
                "It was widely reported that the minister had resigned.",
                "the minister had resigned",
            ),
        ];
        for (text, words) in cases {
            assert_eq!(quotes(text), [(words, None)], "{text}");
        }
    }

    #[test]
    fn the_agent_of_a_passive_reporting_verb_is_the_speaker() {
        let text =
            "Senator Ana Ruiz was asked by the radio host Tom Bell whether the levy would pass.";
        assert_eq!(
            quotes(text),
            [("whether the levy would pass", Some("Tom Bell"))]
        );
    }

    #[test]
    fn active_and_progressive_verbs_keep_their_subject() {
        let text = "The mayor is saying that the budget is balanced.";
        assert_eq!(
            quotes(text),
            [("the budget is balanced", Some("The mayor"))]
        );
        let text = "Senator Ana Ruiz asked whether the levy would pass.";
        assert_eq!(
            quotes(text),
            [("whether the levy would pass", Some("Senator Ana Ruiz"))]
        );
    }
}
