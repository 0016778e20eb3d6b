//! Trains the reported-speech tagger (`saidwho_core::stages::learned`) on
//! the PolNeAR attributions: each sentence's words tagged source, cue or
//! content (BIO) from the human spans; averaged perceptron, Viterbi.

use std::collections::HashMap;

use crate::averaged::{Rng, Weights};
use std::path::Path;

use anyhow::{Context, Result};
use saidwho_core::stages::learned::{
    self, ClauseParts, SentenceView, CONTENT, CUE, MAX_WORDS, N_TAGS, SOURCE,
};
use saidwho_core::stages::ner::Lexicon;
use saidwho_core::stages::{paragraphs, sentences, tokenize, Doc};
use saidwho_core::{TextRange, TokenSpan};
use serde::Deserialize;

#[derive(Deserialize)]
struct RawAttribution {
    source: Vec<[usize; 2]>,
    cue: Vec<[usize; 2]>,
    content: Vec<[usize; 2]>,
}

#[derive(Deserialize)]
struct RawDoc {
    text: String,
    attributions: Vec<RawAttribution>,
}

/// One training sentence: its word features and gold tags.
type Example = (Vec<Vec<u32>>, Vec<usize>);

/// A word seen this many times in training cues, and in a cue at least one
/// time in [`CUE_RATE`], opens a sentence to tagging ("said", "showed",
/// "statement"; not "is" or "to", which are in cues too but mostly not).
const MIN_CUE_COUNT: usize = 2;
/// See [`MIN_CUE_COUNT`]: one in 5.
const CUE_RATE: usize = 5;

/// Reads PolNeAR documents and turns every sentence into an example (its
/// words' clusters from `lexicon`, the entity model's word table); with
/// them, the keys of the cue words ([`MIN_CUE_COUNT`]).
pub fn examples(
    path: &Path,
    keep: impl Fn(usize) -> bool,
    lexicon: &dyn Lexicon,
) -> Result<(Vec<Example>, Vec<u32>)> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut cue_words: HashMap<String, usize> = HashMap::new();
    let mut all_words: HashMap<String, usize> = HashMap::new();
    let lines = raw.lines().filter(|l| !l.trim().is_empty()).enumerate();
    for (n, line) in lines.filter(|(n, _)| keep(*n)) {
        let d: RawDoc = serde_json::from_str(line)
            .with_context(|| format!("{}, line {}", path.display(), n + 1))?;
        count_cue_words(&d, &mut cue_words);
        for w in d
            .text
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *all_words.entry(w.to_lowercase()).or_default() += 1;
        }
        document_examples(&d, lexicon, &mut out);
    }
    let mut keys: Vec<u32> = cue_words
        .iter()
        .filter(|(w, &n)| {
            n >= MIN_CUE_COUNT && n * CUE_RATE >= all_words.get(*w).copied().unwrap_or(0)
        })
        .map(|(w, _)| learned::cue_word_key(w))
        .collect();
    keys.sort_unstable();
    Ok((out, keys))
}

/// Counts the lowercase words of a document's cues.
fn count_cue_words(d: &RawDoc, counts: &mut HashMap<String, usize>) {
    let chars: Vec<char> = d.text.chars().collect();
    for c in d.attributions.iter().flat_map(|a| &a.cue) {
        let cue: String = chars
            .get(c[0]..c[1])
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        for w in cue
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }
}

fn document_examples(d: &RawDoc, lexicon: &dyn Lexicon, out: &mut Vec<Example>) {
    let text = &d.text;
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let to_bytes = |spans: &[[usize; 2]]| -> Vec<TextRange> {
        spans
            .iter()
            .filter(|s| s[0] < s[1] && s[1] < byte_at.len())
            .map(|s| TextRange::new(byte_at[s[0]], byte_at[s[1]]))
            .collect()
    };
    // Cue first: it wins where spans overlap.
    let mut labelled: Vec<(TextRange, usize)> = Vec::new();
    for a in &d.attributions {
        for (spans, tag) in [(&a.cue, CUE), (&a.source, SOURCE), (&a.content, CONTENT)] {
            labelled.extend(to_bytes(spans).into_iter().map(|r| (r, tag)));
        }
    }
    let toks = tokenize(text);
    let paras = paragraphs(text);
    let sents = sentences(text, &paras, &toks);
    let doc = Doc::new(text, &toks, &sents, &paras);
    for s in 0..sents.len() {
        let Some(sentence) = doc.sentence_tokens(s as u32) else {
            continue;
        };
        if sentence.count() > MAX_WORDS {
            continue;
        }
        out.push(sentence_example(&doc, sentence, &labelled, lexicon));
    }
}

fn sentence_example(
    doc: &Doc,
    sentence: TokenSpan,
    labelled: &[(TextRange, usize)],
    lexicon: &dyn Lexicon,
) -> Example {
    let span_of = |i: usize| {
        let start = doc.toks[i].range.start();
        labelled
            .iter()
            .find(|(r, _)| r.start() <= start && start < r.end())
            .copied()
    };
    let mut tags = Vec::with_capacity(sentence.count());
    let mut prev: Option<(TextRange, usize)> = None;
    for i in sentence.indices() {
        let here = span_of(i);
        tags.push(match here {
            Some((r, tag)) if prev.is_some_and(|(p, _)| p == r) => tag + 1,
            Some((_, tag)) => tag,
            None => 0,
        });
        prev = here;
    }
    let view = SentenceView::new(doc, sentence, lexicon);
    let feats = (0..view.len())
        .map(|k| {
            let mut f = Vec::with_capacity(24);
            view.features(k, &mut f);
            f
        })
        .collect();
    (feats, tags)
}

/// Trains for `epochs` passes in an order shuffled by `seed`.
pub fn train(examples: &[Example], cue_words: Vec<u32>, epochs: usize, seed: u64) -> ClauseParts {
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::seeded(seed);
    let mut w = Weights::<N_TAGS>::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0;
        for &k in &order {
            let (feats, gold) = &examples[k];
            let pred = learned::viterbi(&w.emissions(feats), &w.trans, &w.start);
            if pred != *gold {
                wrong += 1;
                w.update(feats, gold, &pred);
            }
            w.tick();
        }
        eprintln!(
            "epoch {epoch}: {wrong} of {} sentences wrong, {} features",
            examples.len(),
            w.n_features()
        );
    }
    ClauseParts {
        scores: w.averaged(),
        cue_words,
    }
}
