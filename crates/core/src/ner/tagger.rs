//! Running the tagger over a text: tokens as the model expects them,
//! sentence by sentence, tags turned into entity spans.

use serde::{Deserialize, Serialize};

use super::evidence::DocEvidence;
use super::labels::{tag_label, EntityLabel};
use super::model::NerModel;
use crate::span::{TextRange, TokenSpan};
use crate::tokens::{Token, TokenKind};

/// A named entity found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Where it is.
    pub range: TextRange,
    /// What it is.
    pub label: EntityLabel,
}

/// Abbreviations whose dot belongs to the word for tagging ("Corp.", "Jr.").
fn keeps_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || word.contains('.')
        || matches!(
            word,
            "Corp"
                | "Inc"
                | "Ltd"
                | "Co"
                | "Jr"
                | "Sr"
                | "St"
                | "Mt"
                | "Bros"
                | "Gen"
                | "Lt"
                | "Col"
                | "Dr"
                | "Mr"
                | "Mrs"
                | "Ms"
                | "Prof"
                | "Gov"
                | "Sen"
                | "Rep"
                | "Ft"
                | "Maj"
                | "Capt"
                | "Sgt"
                | "Adm"
                | "Rev"
                | "Messrs"
                | "Plc"
                | "plc"
                | "Cos"
                | "Bhd"
                | "Pty"
                | "Ave"
                | "Blvd"
        )
}

/// The tokens the tagger works on: the text's tokens, with the dot of an
/// abbreviation or initial joined to its word ("U.S.", "J.", "Corp.").
#[must_use]
pub fn ner_tokens(text: &str, tokens: &[Token]) -> Vec<TextRange> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind == TokenKind::Word
            && i + 1 < tokens.len()
            && tokens[i + 1].range.start() == t.range.end()
            && tokens[i + 1].range.slice(text) == "."
            && keeps_dot(t.range.slice(text))
        {
            out.push(TextRange::new(t.range.start(), tokens[i + 1].range.end()));
            i += 2;
            continue;
        }
        out.push(t.range);
        i += 1;
    }
    out
}

/// Tags every sentence and returns the entities in text order, after the
/// document-level clean-up of [`tidy`].
#[must_use]
pub fn tag_entities(
    text: &str,
    sentences: &[TextRange],
    tokens: &[TextRange],
    model: &NerModel,
) -> Vec<Entity> {
    let raw = tag_sentences(text, sentences, tokens, model);
    tidy(text, tokens, raw)
}

/// Person names lose their titles ("Mr Vegard" → "Vegard", as in CoNLL);
/// phrases made only of titles and role words ("Project Manager") are not
/// people, and titles alone ("Maj.") are not names at all; acronyms defined in parentheses take their full form's label;
/// and one string gets one label in a document (the most frequent).
#[must_use]
pub fn tidy(text: &str, tokens: &[TextRange], entities: Vec<Entity>) -> Vec<Entity> {
    use crate::attribution::lexicon::{is_role_word, is_title};
    use rustc_hash::FxHashMap as HashMap;
    let lower = |r: TextRange| {
        let s = r.slice(text).trim_end_matches('.');
        if s.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(s.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    };
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    for mut e in entities {
        let first = tokens.partition_point(|t| t.start() < e.range.start());
        let mut last = first;
        while last + 1 < tokens.len() && tokens[last + 1].end() <= e.range.end() {
            last += 1;
        }
        if e.label == EntityLabel::Person {
            let mut k = first;
            while k < last && is_title(&lower(tokens[k])) {
                k += 1;
            }
            e.range = TextRange::new(tokens[k].start(), e.range.end());
        }
        let words = tokens[first..=last.max(first)]
            .iter()
            .filter(|t| t.start() >= e.range.start());
        let all_roles = words.clone().all(|&t| {
            let w = lower(t);
            is_title(&w) || is_role_word(&w) || !t.slice(text).chars().any(char::is_alphanumeric)
        });
        // A lone honorific ("Maj.", "H.E.") names nothing, whatever its label.
        let all_titles = words
            .clone()
            .all(|&t| is_title(&lower(t)) || !t.slice(text).chars().any(char::is_alphanumeric));
        if all_titles || (all_roles && e.label == EntityLabel::Person) {
            continue;
        }
        out.push(e);
    }
    // "Mohammed bin Salman": two names joined by a particle are one.
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out {
        if let Some(prev) = merged.last_mut() {
            let gap = text.get(prev.range.end()..e.range.start()).unwrap_or("");
            let particle = gap.trim();
            let joins = prev.label == EntityLabel::Person
                && e.label == EntityLabel::Person
                && gap.starts_with(' ')
                && gap.ends_with(' ')
                && crate::attribution::lexicon::is_name_particle(&particle.to_lowercase());
            if joins {
                prev.range = TextRange::new(prev.range.start(), e.range.end());
                continue;
            }
        }
        merged.push(e);
    }
    let mut out = merged;
    // A name right after a personal title is a person ("Mr Vegard Holmelid").
    for e in &mut out {
        let before = text[..e.range.start()].trim_end();
        let title = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let title = title.trim_end_matches('.').to_lowercase();
        if matches!(
            title.as_str(),
            "mr" | "mrs" | "ms" | "miss" | "dr" | "gen" | "maj" | "sir" | "dame" | "prof"
        ) {
            e.label = EntityLabel::Person;
        }
    }
    super::titled::people_after_titles(text, tokens, &mut out);
    // One label per string: the majority.
    let mut votes: HashMap<&str, [u32; 4]> = HashMap::default();
    for e in &out {
        if let Some(k) = EntityLabel::TAGGED.iter().position(|&l| l == e.label) {
            votes.entry(e.range.slice(text)).or_default()[k] += 1;
        }
    }
    for e in &mut out {
        if let Some(v) = votes.get(e.range.slice(text)) {
            let best = (0..4).fold(0, |b, k| if v[k] > v[b] { k } else { b });
            if v[best] > v.iter().sum::<u32>() - v[best] {
                e.label = EntityLabel::TAGGED[best];
            }
        }
    }
    // An acronym's definition outweighs the votes of its mentions.
    super::acronyms::label_defined_acronyms(text, tokens, &mut out);
    out
}

/// Tags every sentence; entities straight from the tag sequences.
#[must_use]
pub fn tag_sentences(
    text: &str,
    sentences: &[TextRange],
    tokens: &[TextRange],
    model: &NerModel,
) -> Vec<Entity> {
    let mut out = Vec::new();
    let sentence_words: Vec<Vec<&str>> = sentence_tokens(sentences, tokens)
        .map(|toks| toks.iter().map(|r| r.slice(text)).collect())
        .collect();
    let evidence = DocEvidence::new(sentence_words.iter().map(Vec::as_slice));
    let mut tagging = super::model::Tagging::for_document(evidence);
    for (toks, words) in sentence_tokens(sentences, tokens).zip(&sentence_words) {
        if toks.is_empty() {
            continue;
        }
        let tags = model.tag_with(words, &mut tagging);
        spans_from_tags(toks, &tags, &mut out);
    }
    out
}

/// The tokens of each sentence (tokens and sentences in text order).
pub fn sentence_tokens<'t>(
    sentences: &'t [TextRange],
    tokens: &'t [TextRange],
) -> impl Iterator<Item = &'t [TextRange]> + 't {
    let mut t = 0;
    sentences.iter().map(move |s| {
        while t < tokens.len() && tokens[t].start() < s.start() {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].end() <= s.end() {
            t += 1;
        }
        &tokens[first..t]
    })
}

/// Turns BIO tags over `toks` into entities.
pub fn spans_from_tags(toks: &[TextRange], tags: &[usize], out: &mut Vec<Entity>) {
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let this = tag_label(tag);
        if let Some((start, label)) = open {
            let continues = matches!(this, Some((l, false)) if l == label);
            if !continues {
                out.push(entity(toks, TokenSpan::new(start, i - 1), label));
                open = None;
            }
        }
        if let Some((label, begin)) = this {
            if begin || open.is_none() {
                open = Some((i, label));
            }
        }
    }
    if let Some((start, label)) = open {
        out.push(entity(toks, TokenSpan::new(start, toks.len() - 1), label));
    }
}

/// The entity over the tokens `words` of a sentence's `toks`.
fn entity(toks: &[TextRange], words: TokenSpan, label: EntityLabel) -> Entity {
    Entity {
        range: TextRange::new(toks[words.first()].start(), toks[words.last()].end()),
        label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn abbreviation_dots_join_their_word() {
        let t = "The U.S. Army and J. Smith Corp. left.";
        let toks = ner_tokens(t, &tokenize(t));
        let words: Vec<_> = toks.iter().map(|r| r.slice(t)).collect();
        assert_eq!(
            words,
            ["The", "U.S.", "Army", "and", "J.", "Smith", "Corp.", "left", "."]
        );
    }

    #[test]
    fn tags_become_spans() {
        let t = "Ms Kaori Kawarabayashi met UN staff";
        let toks: Vec<_> = tokenize(t).iter().map(|x| x.range).collect();
        let mut out = Vec::new();
        let tag = |l, first, last| super::super::labels::tag_of(l, first, last).unwrap();
        let (per, org) = (EntityLabel::Person, EntityLabel::Org);
        // O B-PER L-PER O U-ORG O
        let tags = [
            0,
            tag(per, true, false),
            tag(per, false, true),
            0,
            tag(org, true, true),
            0,
        ];
        spans_from_tags(&toks, &tags, &mut out);
        let got: Vec<_> = out.iter().map(|e| (e.range.slice(t), e.label)).collect();
        assert_eq!(
            got,
            [
                ("Kaori Kawarabayashi", EntityLabel::Person),
                ("UN", EntityLabel::Org)
            ]
        );
    }
}
