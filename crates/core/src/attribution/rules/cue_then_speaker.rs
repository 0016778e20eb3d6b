//! `cue-then-speaker`: “…,” said X / “…,” according to X.

use super::super::after_close::AfterClose;
use super::super::doc::Doc;
use super::super::lexicon::{is_determiner, is_time_word};
use super::super::phrases::{is_clause_word, np_right, Mention, MentionKind};
use super::super::scan::{cue_at, is_lowercase_past, sentence_start_from, sentence_subject};
use super::{Case, Found, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::CueThenSpeaker,
    stage: Stage::AfterClose,
    doc: "A reporting verb or phrase right after the closing mark (past a comma), \
          then the speaker: “…,” said X / “…,” according to X / “…,” added the minister. \
          Words describing the speaker may come before the name (“…,” said 9/11 widow \
          Terry Strada). The speaker may be missing (“…,” said one of them, unnamed: no \
          speaker). \
          Inverted attribution is the commonest in news after a quote. A lowercase \
          “-ed” word the lexicon lacks is the verb when a name ending the sentence (or meeting \
          a comma) follows it (““…?” reacted Trump.”; PolNeAR train, direct track: speaker \
          accuracy 91.20 -> 91.25). A participle with no speaker after it (““…,” adding, \
          “…””) is by the subject of the sentence the quote ends (PolNeAR train, direct \
          track: speaker accuracy 91.35 -> 91.64).",
    cases: &[
        Case::quote(
            "“The harvest will be late this year,” said Kwame Mensah, a farmer near Kumasi.",
            "“The harvest will be late this year,”",
            Some("said"),
            Some("Kwame Mensah"),
        ),
        Case::quote(
            "“Prices have doubled since March,” according to Ms Lucía Fernández.",
            "“Prices have doubled since March,”",
            Some("according to"),
            Some("Lucía Fernández"),
        ),
        // Words and numbers describing the speaker before the name.
        Case::quote(
            "“They are one hundred percent wrong,” said 9/11 widow Terry Strada.",
            "“They are one hundred percent wrong,”",
            Some("said"),
            Some("Terry Strada"),
        ),
        Case::quote(
            "“We need more beds,” said longtime nurse Ada Obi.",
            "“We need more beds,”",
            Some("said"),
            Some("Ada Obi"),
        ),
        // An "-ed" verb the lexicon lacks, then a name ending the sentence.
        Case::quote(
            "“What sport is he talking about, and who?” reacted Ada Mensah.",
            "“What sport is he talking about, and who?”",
            Some("reacted"),
            Some("Ada Mensah"),
        ),
        Case::quote(
            "“The engineers told her it could not be done,” remembered Tom Okafor, her former deputy.",
            "“The engineers told her it could not be done,”",
            Some("remembered"),
            Some("Tom Okafor"),
        ),
        // "of" inside the words describing the speaker.
        Case::quote(
            "“The first line of defense is the community,” said former secretary of state Ada Mensah.",
            "“The first line of defense is the community,”",
            Some("said"),
            Some("Ada Mensah"),
        ),
        // A determiner standing for its noun, a hyphenated age.
        Case::quote(
            "“Better watch out,” tweeted another.",
            "“Better watch out,”",
            Some("tweeted"),
            Some("another"),
        ),
        Case::quote(
            "“He is an amazing leader,” said the 46-year-old.",
            "“He is an amazing leader,”",
            Some("said"),
            Some("the 46-year-old"),
        ),
        // A participle with no speaker after it: the sentence's subject.
        Case::quote(
            "Ada Mensah said she was thinking, “This cannot be happening,” adding that she was afraid.",
            "“This cannot be happening,”",
            Some("adding"),
            Some("Ada Mensah"),
        ),
        // Manner verbs report speech too.
        Case::quote(
            "“We are not going to pay,” fumed Tom Reed, a spokesman for the company.",
            "“We are not going to pay,”",
            Some("fumed"),
            Some("Tom Reed"),
        ),
    ],
};

/// Tried at the first token after the closing mark.
pub(crate) fn cue_then_speaker(c: &AfterClose) -> Outcome<Found> {
    match cue_at(c.doc, c.j) {
        Some(cue_end) => {
            let end = c.sent_end + 1;
            let mention = np_right(c.doc, cue_end + 1, end)
                .or_else(|| name_after_modifiers(c.doc, cue_end + 1, end))
                .or_else(|| subject_before_participle(c));
            // “unmistakably and wrongfully” suggests that …: quoted words
            // that run on into a verb without a comma, and nobody after
            // it, are the subject of the sentence, not a quotation.
            if mention.is_none() && !c.comma {
                return Outcome::Skip;
            }
            Outcome::Found(Found::new(
                RuleId::CueThenSpeaker,
                Some(TokenSpan::new(c.j, cue_end)),
                mention,
            ))
        }
        None => unfamiliar_verb_then_name(c),
    }
}

/// "“…?” reacted Trump." / "“…,” remembered Roy Verley, a former …": after
/// a quote ending in a comma (or "?", "!"), one lowercase "-ed" word the lexicon lacks,
/// then a name that ends the sentence or meets a comma.
fn unfamiliar_verb_then_name(c: &AfterClose) -> Outcome<Found> {
    let (doc, v) = (c.doc, c.j);
    // “…?” reacted Trump: a question or exclamation closes as a comma does.
    let close = v.saturating_sub(1);
    let asked = close > 0 && doc.is_mark(close) && matches!(doc.s(close - 1), "?" | "!");
    let verb = (c.comma || asked) && is_lowercase_past(doc, v);
    if !verb || v + 1 > c.sent_end {
        return Outcome::Skip;
    }
    let Some(m) = np_right(doc, v + 1, c.sent_end + 1).filter(|m| m.kind == MentionKind::Name)
    else {
        return Outcome::Skip;
    };
    let after = m.tokens.last() + 1;
    if after <= c.sent_end && !doc.is_terminal(after) && !doc.is(after, ",") {
        return Outcome::Skip;
    }
    Outcome::Found(Found::new(
        RuleId::CueThenSpeaker,
        Some(TokenSpan::one(v)),
        Some(m),
    ))
}

/// "She said she was thinking, “…,” adding, “…”": a participle with no
/// speaker after it goes on the sentence's subject, as it does before a
/// quote.
fn subject_before_participle(c: &AfterClose) -> Option<Mention> {
    let doc = c.doc;
    if !doc.low(c.j).ends_with("ing") || !c.comma {
        return None;
    }
    let start = sentence_start_from(doc, c.j);
    sentence_subject(doc, start, c.j.saturating_sub(1))
        .filter(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
}

/// Most words and numbers before a name that describe the speaker ("9/11
/// widow", "35-year-old nurse", "longtime aide").
const MAX_MODIFIERS: usize = 5;

/// "“…,” said 9/11 widow Terry Strada": the name after a few lowercase
/// words or numbers describing the speaker, right after the cue.
fn name_after_modifiers(doc: &Doc, i: usize, end: usize) -> Option<Mention> {
    let mut k = i;
    while k < end && k - i < 2 * MAX_MODIFIERS && !doc.is_cap(k) {
        let low = doc.low(k);
        // "said former secretary of state Hillary Clinton", "said master
        // of ceremonies Asab Al-Tabchi": "of" inside the description.
        let of = low == "of" && k > i && doc.is_word(k - 1);
        let modifier =
            (doc.is_word(k) && !is_clause_word(low) && !is_determiner(low) && !is_time_word(low))
                || of
                || matches!(low, "/" | "-")
                || low.starts_with(|c: char| c.is_ascii_digit());
        if !modifier {
            return None;
        }
        k += 1;
    }
    let words = (i..k).filter(|&j| !matches!(doc.s(j), "/" | "-")).count();
    if k == i || words > MAX_MODIFIERS {
        return None;
    }
    np_right(doc, k, end).filter(|m| m.kind == MentionKind::Name)
}
