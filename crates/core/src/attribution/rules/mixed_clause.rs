//! `mixed-clause`: X described it as “…” / X said the plan was “…”.

use super::super::doc::Doc;
use super::super::lexicon::{is_characterising_cue, is_indirect_cue};
use super::super::phrases::{Mention, MentionKind};
use super::super::scan::{after_determiner, is_title_case, left_speaker, sentence_start_from};
use super::{Case, Clause, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// Most tokens looked back from a quote for a cue that makes it mixed: keeps
/// the engine linear on texts with no sentence ends.
const MAX_SCAN: usize = 80;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MixedClause,
    stage: Stage::Mixed,
    doc: "Quoted words inside a clause reported by a cue earlier in the sentence: the whole \
          clause, from after the cue (or after “that”) to where a new clause begins, is the \
          quote. X said the deal was “a disaster” for farmers. A title in marks earlier in \
          the sentence is passed over; another quote stops the search.",
    cases: &[
        // A relative clause after the quoted words' comma is the writer's.
        Case::quote(
            "The bar association rated Judge Ana Ruiz “well qualified,” which is its highest possible rating.",
            "Judge Ana Ruiz “well qualified,”",
            Some("rated"),
            Some("The bar association"),
        ),
        // So is an aside in brackets.
        Case::quote(
            "Senator Tom Reyes called the plan “a giveaway” (although he voted for it in March).",
            "the plan “a giveaway”",
            Some("called"),
            Some("Tom Reyes"),
        ),
        // An opening phrase of time before the subject is not the speaker.
        Case::quote(
            "Early in his campaign, Senator Tom Reyes attacked the governor, calling him “a failed candidate.”",
            "him “a failed candidate.”",
            Some("calling"),
            Some("Tom Reyes"),
        ),
        // A dateline with an agency in brackets is no speaker.
        Case::quote(
            "Lisbon (AFP) – Prime Minister Ana Costa attacked the budget, calling it “a gift to the banks.”",
            "it “a gift to the banks.”",
            Some("calling"),
            Some("Ana Costa"),
        ),
        // A town and its state inside the phrase between the commas.
        Case::quote(
            "Okafor, during a town hall meeting in Columbus, Ohio, said she was “going to fight for every job,” before leaving.",
            "she was “going to fight for every job,”",
            Some("said"),
            Some("Okafor"),
        ),
        // A verb of aspect before the participle is no speaker.
        Case::quote(
            "Senator Ruth Adeyemi began calling the plan “a gift to the banks.”",
            "the plan “a gift to the banks.”",
            Some("calling"),
            Some("Ruth Adeyemi"),
        ),
        // The inner clause's speaker is not the quote's ("says if voters
        // think …"): the outer verb reports the whole clause.
        Case::quote(
            "Senator Ruth Adeyemi says if voters think the roads will be fixed by “the same people who broke them,” they should vote for her rival.",
            "voters think the roads will be fixed by “the same people who broke them,” they should vote for her rival",
            Some("says"),
            Some("Ruth Adeyemi"),
        ),
        // A circumstance's phrase may hold commas before the subject.
        Case::quote(
            "At a rally in Salem, Ore., on Tuesday, Senator Ruth Adeyemi of Oregon endorsed the governor, saying that her former rival would “make an outstanding president.”",
            "her former rival would “make an outstanding president.”",
            Some("saying"),
            Some("Ruth Adeyemi"),
        ),
        // A participle after a possessive is an adjective, not the cue.
        Case::quote(
            "Senator Paul Okafor then interjected, calling Rubio's proposed child care credit “a welfare transfer payment.”",
            "Rubio's proposed child care credit “a welfare transfer payment.”",
            Some("calling"),
            Some("Paul Okafor"),
        ),
        // A participle's opening phrase may hold commas before the subject.
        Case::quote(
            "Speaking at a town hall in Enugu, Nigeria, Governor Ada Eze went after the council, calling it “a club of cowards.”",
            "it “a club of cowards.”",
            Some("calling"),
            Some("Ada Eze"),
        ),
        // A statement put out by the subject is not the speaker, even with
        // a time word and an apposition.
        Case::quote(
            "Mayor Lena Park, who was booed at the rally, issued a statement Tuesday calling the protest “a circus.”",
            "the protest “a circus.”",
            Some("calling"),
            Some("Lena Park"),
        ),
        Case::quote(
            "The Security Council issued a statement calling the test “a clear violation” of its resolutions.",
            "the test “a clear violation” of its resolutions",
            Some("calling"),
            Some("The Security Council"),
        ),
        // An article before the mark: the quoted words are part of a clause.
        Case::quote(
            "Lena Park, a senior planner at the city housing office, said the ''old model'' of cheap rentals is in decline.",
            "the ''old model'' of cheap rentals is in decline",
            Some("said"),
            Some("Lena Park"),
        ),
        Case::quote(
            "Finance minister Sipho Ndlovu said the new tax was “fair and overdue” and would fund clinics.",
            "the new tax was “fair and overdue” and would fund clinics",
            Some("said"),
            Some("Sipho Ndlovu"),
        ),
        Case::quote(
            "Mayor Ana Pereira, a former engineer, toured the site and said she thought that the bridge was “simply unsafe” for trucks.",
            "she thought that the bridge was “simply unsafe” for trucks",
            Some("said"),
            Some("Ana Pereira"),
        ),
        Case::quote(
            "Governor Aiyana Redcloud told the assembly she was “firmly against the pipeline” because it crosses the river.",
            "she was “firmly against the pipeline” because it crosses the river",
            Some("told"),
            Some("Aiyana Redcloud"),
        ),
        // After a comma, an article opens an apposition, not more of the clause.
        Case::quote(
            "Mayor Ines Duarte said visitors would “not be harassed” at the festival, a swipe at the police union.",
            "visitors would “not be harassed” at the festival",
            Some("said"),
            Some("Ines Duarte"),
        ),
        // A participle after a comma, even behind an adverb, starts a new clause.
        Case::quote(
            "Mayor Ines Duarte told residents that the levy was “a fair price” for safety, implicitly blaming the council for the delay.",
            "the levy was “a fair price” for safety",
            Some("told"),
            Some("Ines Duarte"),
        ),
        // A naming participle inside the clause is not its cue.
        Case::quote(
            "In Lagos, Governor Ada Eze says the singer nicknamed “the Queen of Afrobeat” is a generous patron of the arts.",
            "the singer nicknamed “the Queen of Afrobeat” is a generous patron of the arts",
            Some("says"),
            Some("Ada Eze"),
        ),
        // Quoted words running into a verb are the clause's subject, not
        // a quotation with its cue after it.
        Case::quote(
            "City lawyer Amara Osei said in the letter that the advert “unmistakably and wrongfully” suggests that officers back the campaign.",
            "the advert “unmistakably and wrongfully” suggests that officers back the campaign",
            Some("said"),
            Some("Amara Osei"),
        ),
    ],
};

/// The clause of a reporting verb right before the speaker `inner` of an
/// inner clause ("said she thought …", "says if people think …"), when
/// that verb has a speaker of its own; the content runs from the inner
/// speaker to the opening mark at `open`.
fn outer_cue(doc: &Doc, inner: Mention, sent_start: usize, open: usize) -> Option<Clause> {
    let p = inner.tokens.first();
    if inner.kind == MentionKind::Relative || p <= sent_start + 1 {
        return None;
    }
    let mut c = p - 1;
    // "He says if people think …": a conjunction may open the inner clause.
    if c > sent_start + 1 && matches!(doc.low(c), "that" | "if" | "when" | "because") {
        c -= 1;
    }
    if !is_indirect_cue(doc.low(c)) || doc.is_cap(c) {
        return None;
    }
    let mention = left_speaker(doc, c, sent_start)?;
    Some(Clause::new(
        RuleId::MixedClause,
        TokenSpan::new(p, open),
        TokenSpan::one(c),
        mention,
    ))
}

/// A cue earlier in the sentence whose clause contains the quote at `open`;
/// the clause's content runs from its first word to the opening mark (the
/// caller finds where it ends after the quote).
pub(crate) fn mixed_clause(doc: &Doc, open: usize) -> Option<Clause> {
    let sent_start = sentence_start_from(doc, open).max(open.saturating_sub(MAX_SCAN));
    let mut c = open;
    while c > sent_start {
        c -= 1;
        if doc.is_mark(c) {
            // A title in marks earlier in the sentence ("on CBS's “Face the
            // Nation,” Ryan said …") is passed over; other quotes stop the scan.
            let opening = (sent_start..c).rev().take(14).find(|&k| doc.is_mark(k));
            match opening {
                Some(k) if k + 1 < c && is_title_case(doc, k + 1, c - 1) => {
                    c = k;
                    continue;
                }
                _ => return None,
            }
        }
        let low = doc.low(c);
        if !is_indirect_cue(low) && !is_characterising_cue(low) && low != "reports" {
            continue;
        }
        // "calling Rubio's proposed credit “a welfare payment”": an
        // adjective, not the clause's cue.
        if after_determiner(doc, c) {
            continue;
        }
        // "says the Ohio native nicknamed “King James” is …": a naming verb
        // with no speaker before it is a participle; the clause is an
        // earlier cue's. (Not ", adding, “…”": that quote is the adding's.)
        let Some(mention) = left_speaker(doc, c, sent_start) else {
            if is_characterising_cue(low) && !is_indirect_cue(low) {
                continue;
            }
            return None;
        };
        // "… said she thought that the bridge was “unsafe”": the outer verb
        // reports the whole clause, "she thought" included.
        if let Some(outer) = outer_cue(doc, mention, sent_start, open) {
            return Some(outer);
        }
        let mut content = c + 1;
        // "said in the letter that …": the clause starts after "that";
        // "told the forum he was …": after the listener, at the subject.
        // (Not the "that" of an inner clause: "said she thought that …".)
        let near = content..open.min(content + 6);
        let subject = |i: &usize| matches!(doc.low(*i), "he" | "she" | "they" | "we" | "i" | "it");
        let that = near.clone().find(|&i| doc.is(i, "that"));
        if let Some(that) = that.filter(|&t| !(content..t).any(|i| subject(&i))) {
            content = that + 1;
        } else if matches!(low, "told" | "tells" | "tell" | "telling") {
            content = near.into_iter().find(subject).unwrap_or(content);
        }
        return Some(Clause::new(
            RuleId::MixedClause,
            TokenSpan::new(content, open),
            TokenSpan::one(c),
            mention,
        ));
    }
    None
}
