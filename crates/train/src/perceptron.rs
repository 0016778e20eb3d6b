//! Averaged structured perceptron over the core's features, with Viterbi
//! decoding — the model `saidwho-core` loads.

use std::collections::HashMap;

use saidwho_core::stages::ner::N_TAGS;
use saidwho_core::stages::ner::{extract_prepared, DocEvidence, History, Need, Prepared};
use saidwho_core::stages::ner::{is_all_caps_sentence, is_candidate, is_headline};
use saidwho_core::stages::ner::{viterbi, word_key, Lexicon, ModelParts, WordInfo};
use saidwho_core::stages::NerModel;

use crate::averaged::{Rng, Weights};
use crate::corpus::{evaluate, Doc};
use crate::lists::Lists;

/// What the model learns from besides CoNLL: name lists, word clusters and
/// document evidence (each can be left out, for the ablation table).
#[derive(Default)]
pub struct Outside {
    /// Name lists and multiword places.
    pub lists: Lists,
    /// Leaf cluster of lowercase words.
    pub clusters: HashMap<String, u16>,
    /// Whether features read the rest of the document.
    pub evidence: bool,
    /// Whether features read how earlier sentences were tagged.
    pub history: bool,
    /// Whether all-caps headlines are also learnt in title case.
    pub title_case: bool,
}

/// The lexicon the features see while training: one fold's training-entity
/// gazetteer and the outside lists and clusters.
struct TrainLexicon<'a> {
    gaz: &'a HashMap<String, u8>,
    outside: &'a Outside,
}

impl Lexicon for TrainLexicon<'_> {
    fn word(&self, lower: &str) -> WordInfo {
        WordInfo {
            gaz: self.gaz.get(lower).copied().unwrap_or(0),
            lists: self.outside.lists.words.get(lower).copied().unwrap_or(0),
            cluster: self.outside.clusters.get(lower).map_or(0, |&c| c + 1),
        }
    }
    fn phrase(&self, key: u32) -> u8 {
        self.outside.lists.phrases.get(&key).copied().unwrap_or(0)
    }
}

/// The model file's parts from averaged weights and the lexicon tables.
fn model_parts(
    w: &Weights<N_TAGS>,
    words: Vec<(u32, WordInfo)>,
    phrases: Vec<(u32, u8)>,
) -> ModelParts {
    ModelParts {
        scores: w.averaged(),
        words,
        phrases,
    }
}

/// Gazetteer masks from the entities of `docs`.
fn gazetteer(docs: &[&Doc]) -> HashMap<String, u8> {
    let mut g: HashMap<String, u8> = HashMap::new();
    for d in docs {
        for s in &d.sentences {
            for (w, &t) in s.words.iter().zip(&s.tags) {
                if t > 0 {
                    *g.entry(w.to_lowercase()).or_default() |= 1 << (t - 1);
                }
            }
        }
    }
    g
}

/// One sentence's gold tags and its features (without and with the tags
/// of the document's earlier sentences).
type Example = (Vec<Vec<u32>>, Vec<usize>);

/// The document evidence of a training document.
fn evidence_of(d: &Doc) -> DocEvidence {
    let words: Vec<Vec<&str>> = d
        .sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    DocEvidence::new(words.iter().map(Vec::as_slice))
}

/// Features of every word of a prepared sentence.
fn features(prepared: &Prepared) -> Vec<Vec<u32>> {
    (0..prepared.words.len())
        .map(|i| {
            let mut f = Vec::with_capacity(64);
            extract_prepared(prepared, i, &mut f);
            f
        })
        .collect()
}

/// Epochs of the models that tag the other half of the training data for
/// the history features.
const HISTORY_EPOCHS: usize = 6;

/// Trains for `epochs` passes in an order shuffled by `seed`; prints the
/// dev score after each pass.
///
/// Two folds: each half's features use the training-entity gazetteer of
/// the other half, so the model learns how far to trust a gazetteer hit;
/// and each half is tagged by a model trained on the other half, so that
/// the history features (how a word was tagged earlier in its document)
/// are as noisy in training as they are when the model tags new text.
pub fn train(docs: &[Doc], epochs: usize, seed: u64, dev: &[Doc], outside: &Outside) -> ModelParts {
    let halves: [Vec<&Doc>; 2] = [
        docs.iter().step_by(2).collect(),
        docs.iter().skip(1).step_by(2).collect(),
    ];
    let gaz = [gazetteer(&halves[1]), gazetteer(&halves[0])];
    // Per half, per document: its evidence (none when left out).
    let evidence: [Vec<DocEvidence>; 2] = halves.each_ref().map(|half| {
        half.iter()
            .map(|d| {
                if outside.evidence {
                    evidence_of(d)
                } else {
                    DocEvidence::default()
                }
            })
            .collect()
    });
    // Per half, per document, per sentence: the prepared words.
    let mut prepared: [Vec<Vec<Prepared>>; 2] = [Vec::new(), Vec::new()];
    for h in 0..2 {
        let lex = TrainLexicon {
            gaz: &gaz[h],
            outside,
        };
        for (d, evidence) in halves[h].iter().zip(&evidence[h]) {
            let doc = d
                .sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    Prepared::new(&words, &lex, evidence)
                })
                .collect();
            prepared[h].push(doc);
        }
    }
    let gold = |h: usize, d: usize, s: usize| halves[h][d].sentences[s].tags.clone();
    if outside.history {
        for h in 0..2 {
            let other = 1 - h;
            let base_examples: Vec<Example> = prepared[other]
                .iter()
                .enumerate()
                .flat_map(|(d, doc)| doc.iter().enumerate().map(move |(s, p)| (d, s, p)))
                .map(|(d, s, p)| (features(p), gold(other, d, s)))
                .collect();
            let base = fit(&base_examples, HISTORY_EPOCHS, seed, |_, _| ());
            for doc in &mut prepared[h] {
                read_predicted_history(doc, &base);
            }
        }
    }
    let mut examples: Vec<Example> = Vec::new();
    for (h, half) in prepared.iter().enumerate() {
        for (d, doc) in half.iter().enumerate() {
            for (s, p) in doc.iter().enumerate() {
                examples.push((features(p), gold(h, d, s)));
            }
        }
    }
    if outside.title_case {
        examples.extend(title_case_twins(
            &halves, &gaz, &evidence, &prepared, outside,
        ));
    }
    let all: Vec<&Doc> = docs.iter().collect();
    let gaz_all = gazetteer(&all);
    let (words, phrases) = lexicon_tables(&gaz_all, outside);
    let w = fit(&examples, epochs, seed, |epoch, w| {
        if dev.is_empty() {
            return;
        }
        let parts = model_parts(w, words.clone(), phrases.clone());
        let dev_score =
            NerModel::from_bytes(&parts.to_bytes()).map(|m| evaluate(dev, &m).summary());
        eprintln!(
            "epoch {epoch}: {} features; dev {}",
            w.n_features(),
            dev_score.unwrap_or_else(|e| e.to_string())
        );
    });
    model_parts(&w, words, phrases)
}

/// Each all-caps headline again in title case ("Eu Rejects German Call to
/// Boycott British Lamb"), with the same tags, document evidence and
/// history: news on the web writes headlines that way, and CoNLL-2003 has
/// almost none.
fn title_case_twins(
    halves: &[Vec<&Doc>; 2],
    gaz: &[HashMap<String, u8>; 2],
    evidence: &[Vec<DocEvidence>; 2],
    prepared: &[Vec<Vec<Prepared>>; 2],
    outside: &Outside,
) -> Vec<Example> {
    let mut out = Vec::new();
    for h in 0..2 {
        let lex = TrainLexicon {
            gaz: &gaz[h],
            outside,
        };
        for (d, doc) in halves[h].iter().enumerate() {
            let evidence = &evidence[h][d];
            for (s, sentence) in doc.sentences.iter().enumerate() {
                let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
                if !is_all_caps_sentence(&words) || words.len() < 3 {
                    continue;
                }
                // Web headlines have no full stop; CoNLL's have " .".
                let kept = if words.last() == Some(&".") {
                    words.len() - 1
                } else {
                    words.len()
                };
                let twin: Vec<String> = words[..kept]
                    .iter()
                    .zip(&sentence.tags)
                    .enumerate()
                    .map(|(i, (w, &tag))| title_case(w, i == 0, tag != 0))
                    .collect();
                let twin_words: Vec<&str> = twin.iter().map(String::as_str).collect();
                if !is_headline(&twin_words) {
                    continue; // too short to read as a headline: capitals would mislead
                }
                let mut p = Prepared::new(&twin_words, &lex, evidence);
                p.history.clone_from(&prepared[h][d][s].history);
                p.history.truncate(kept);
                out.push((features(&p), sentence.tags[..kept].to_vec()));
            }
        }
    }
    out
}

/// An all-caps word as a title-case headline writes it: small words in
/// lower case (but the first), short words of names kept as acronyms
/// ("EU"), others with one capital.
fn title_case(word: &str, first: bool, in_name: bool) -> String {
    let lower = word.to_lowercase();
    let small = matches!(
        lower.as_str(),
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "and"
            | "or"
            | "by"
            | "with"
            | "as"
    );
    if small && !first {
        return lower;
    }
    if in_name && word.chars().count() <= 4 {
        return word.to_owned();
    }
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Tags a document's sentences in order with `base`, giving each the
/// history of the ones before it.
fn read_predicted_history(doc: &mut [Prepared], base: &Weights<N_TAGS>) {
    let mut history = History::default();
    for p in doc.iter_mut() {
        // The base model has no history features: tag before reading it.
        let tags = viterbi(&base.emissions(&features(p)), &base.trans, &base.start);
        let need = vec![Need::Features; p.words.len()];
        p.read_history(&need, &history);
        let candidates =
            (0..p.words.len()).map(|i| is_candidate(p.words[i]).then(|| p.lower_hash(i)).flatten());
        history.record(candidates, &tags);
    }
}

/// A model's word table: (key, entry).
type WordTable = Vec<(u32, WordInfo)>;
/// A model's multiword phrases: (key, list bits).
type PhraseTable = Vec<(u32, u8)>;

/// The model's word table and multiword phrases.
fn lexicon_tables(gaz_all: &HashMap<String, u8>, outside: &Outside) -> (WordTable, PhraseTable) {
    let lex = TrainLexicon {
        gaz: gaz_all,
        outside,
    };
    let mut vocabulary: Vec<&String> = gaz_all
        .keys()
        .chain(outside.lists.words.keys())
        .chain(outside.clusters.keys())
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    let words = vocabulary
        .iter()
        .map(|w| (word_key(w), lex.word(w)))
        .collect();
    let phrases = outside
        .lists
        .phrases
        .iter()
        .map(|(&k, &v)| (k, v))
        .collect();
    (words, phrases)
}

/// The averaged perceptron over `examples`, `epochs` passes in an order
/// shuffled by `seed`; `after_epoch` sees the weights after each pass.
fn fit(
    examples: &[Example],
    epochs: usize,
    seed: u64,
    mut after_epoch: impl FnMut(usize, &Weights<N_TAGS>),
) -> Weights<N_TAGS> {
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::seeded(seed);
    let mut w = Weights::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (feats, gold) = &examples[k];
            let pred = viterbi(&w.emissions(feats), &w.trans, &w.start);
            if pred != *gold {
                w.update(feats, gold, &pred);
            }
            w.tick();
        }
        after_epoch(epoch, &w);
    }
    w
}
