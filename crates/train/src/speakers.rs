//! `saidwho-train speakers`: the speaker ranker (who "he", "she", "it",
//! "they" is) from PolNeAR train and its silver speaker clusters.
//!
//! Each training article is analysed with the shipped models; for every
//! pronoun speaker the analyser records the candidates it weighed (speakers
//! already quoted, names before the pronoun). The human attribution whose
//! source is that pronoun belongs to a silver cluster of attributions by one
//! source (`clusters-train.jsonl`, from CoreNLP coreference). A speaker
//! already quoted is right when its latest mention is a source in that
//! cluster (and wrong when it is another cluster's source); a name is right
//! when its surname is a capitalised word of a named source in the cluster,
//! or when CoreNLP's coreference chain of the pronoun holds it
//! (`coref-train.jsonl.gz`: the cluster of a pronoun no named source joins
//! says nothing of who it is; 968 → 704 examples labelled "unresolved");
//! leaving the pronoun unresolved is right when no candidate is. An averaged
//! perceptron learns to rank a right option first.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result};
use saidwho_core::stages::ranker::{candidate_features, none_features, Ranker};
use saidwho_core::stages::PronounTrace;
use saidwho_core::Analyzer;
use serde::Deserialize;

use crate::averaged::Rng;
use crate::coref::{self, Chains};

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    text: String,
    attributions: Vec<RawAttribution>,
}

#[derive(Deserialize)]
struct RawAttribution {
    #[serde(default)]
    source: Vec<[usize; 2]>,
}

#[derive(Deserialize)]
struct RawClusters {
    id: String,
    clusters: Vec<Vec<usize>>,
}

/// One pronoun: the feature lists of its options (the candidates, then
/// "unresolved" last) and which options are right.
pub struct Example {
    /// The article's line number (0-based, blank lines aside): its fold.
    pub line: usize,
    options: Vec<Vec<u32>>,
    right: Vec<bool>,
    /// The trace it was made from.
    pub trace: PronounTrace,
}

/// What reading the articles gave.
pub struct Examples {
    /// Pronouns with at least one right and one wrong option.
    pub examples: Vec<Example>,
    /// Pronoun speakers seen.
    pub pronouns: usize,
}

/// The training examples of every article of `data` (PolNeAR JSON lines),
/// each analysed once; folds are chosen by [`Example::line`].
pub fn examples(
    data: &Path,
    clusters: &Path,
    chains: &Chains,
    analyzer: &Analyzer,
) -> Result<Examples> {
    let raw = std::fs::read_to_string(clusters)
        .with_context(|| format!("reading {}", clusters.display()))?;
    let mut cluster_of: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let c: RawClusters = serde_json::from_str(line)?;
        let of = c
            .clusters
            .iter()
            .enumerate()
            .flat_map(|(k, members)| members.iter().map(move |&a| (a, k)))
            .collect();
        cluster_of.insert(c.id, of);
    }
    let raw =
        std::fs::read_to_string(data).with_context(|| format!("reading {}", data.display()))?;
    let mut out = Examples {
        examples: Vec::new(),
        pronouns: 0,
    };
    let lines = raw.lines().filter(|l| !l.trim().is_empty()).enumerate();
    for (n, line) in lines {
        let d: RawDoc = serde_json::from_str(line)
            .with_context(|| format!("{}, line {}", data.display(), n + 1))?;
        let empty = HashMap::new();
        let clusters = cluster_of.get(&d.id).unwrap_or(&empty);
        let doc_chains = chains.get(&d.id).map_or(&[][..], Vec::as_slice);
        for t in analyzer.pronoun_traces(&d.text) {
            out.pronouns += 1;
            if let Some(e) = example(&d, clusters, doc_chains, &t, n) {
                out.examples.push(e);
            }
        }
    }
    Ok(out)
}

/// The example of one pronoun trace, when the gold says which option is right.
fn example(
    d: &RawDoc,
    clusters: &HashMap<usize, usize>,
    chains: &[Vec<coref::Mention>],
    t: &PronounTrace,
    line: usize,
) -> Option<Example> {
    let byte_at = byte_offsets(&d.text);
    let span = |[s, e]: [usize; 2]| {
        (
            byte_at[s.min(byte_at.len() - 1)],
            byte_at[e.min(byte_at.len() - 1)],
        )
    };
    let overlaps = |(s, e): (usize, usize)| s < t.pronoun.end() && t.pronoun.start() < e;
    let attribution = d
        .attributions
        .iter()
        .position(|a| a.source.iter().any(|&sp| overlaps(span(sp))))?;
    let cluster = *clusters.get(&attribution)?;
    // The capitalised words of the cluster's named sources, lowercase.
    let mut names: HashSet<String> = HashSet::new();
    for (k, a) in d.attributions.iter().enumerate() {
        if clusters.get(&k) != Some(&cluster) {
            continue;
        }
        for &sp in &a.source {
            let (s, e) = span(sp);
            let words = d.text[s..e].split(|c: char| !c.is_alphanumeric() && c != '\'');
            names.extend(
                words
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1)
                    .map(str::to_lowercase),
            );
        }
    }
    // A speaker already quoted is right when its latest mention is a source
    // in the pronoun's cluster (its card is that source's), wrong when it is
    // a source of another cluster; otherwise (a name, or a mention no human
    // attribution has) when its surname is one of the cluster's names.
    let cluster_at = |r: saidwho_core::TextRange| {
        d.attributions
            .iter()
            .position(|a| {
                a.source.iter().any(|&sp| {
                    let (s, e) = span(sp);
                    s < r.end() && r.start() < e
                })
            })
            .and_then(|k| clusters.get(&k).copied())
    };
    let in_chain = pronoun_chain(&d.text, chains, t);
    let mut right: Vec<bool> = t
        .candidates
        .iter()
        .map(
            |(mention, words, c)| match cluster_at(*mention).filter(|_| c.is_speaker) {
                Some(k) => k == cluster,
                None => {
                    words.last().is_some_and(|w| names.contains(w)) || in_chain(*mention, words)
                }
            },
        )
        .collect();
    // Leaving the pronoun unresolved is right when no candidate is.
    let none_right = !right.iter().any(|&r| r);
    right.push(none_right);
    if right.iter().all(|&r| r) {
        return None;
    }
    let mut options: Vec<Vec<u32>> = t
        .candidates
        .iter()
        .map(|(_, _, c)| candidate_features(t.facts, c))
        .collect();
    options.push(none_features(t.facts, t.candidates.len()));
    Some(Example {
        line,
        options,
        right,
        trace: t.clone(),
    })
}

/// Whether a candidate (its latest mention, its lowercase name words) is
/// in the pronoun's CoreNLP coreference chain: a mention of the chain
/// overlaps it, or a capitalised mention ends with its last name word ("Ms.
/// Malik" for "Tashfeen Malik"). Where the pronoun's attribution has no
/// named source (CoreNLP put it with no other source), this says who it is.
fn pronoun_chain(
    text: &str,
    chains: &[Vec<coref::Mention>],
    t: &PronounTrace,
) -> impl Fn(saidwho_core::TextRange, &[String]) -> bool {
    let char_of = char_offsets(text);
    let at = move |b: usize| char_of[b.min(char_of.len() - 1)];
    let chain = coref::chain_at(chains, at(t.pronoun.start()), at(t.pronoun.end()));
    let mentions: Vec<(usize, usize, Option<String>)> = chain
        .unwrap_or(&[])
        .iter()
        .map(|m| (m.start_char, m.end_char, last_name_word(&m.text)))
        .collect();
    move |r: saidwho_core::TextRange, words: &[String]| {
        let (s, e) = (at(r.start()), at(r.end()));
        mentions.iter().any(|(ms, me, last)| {
            (*ms < e && s < *me) || last.is_some() && words.last() == last.as_ref()
        })
    }
}

/// A mention's last word, lowercase, when it is capitalised ("Ms. Malik 's"
/// → "malik"; "the senator" → none).
fn last_name_word(mention: &str) -> Option<String> {
    let mut words = mention.split(' ').rev();
    let last = match words.next()? {
        "'s" | "’s" | "'" | "’" => words.next()?,
        w => w,
    };
    last.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then(|| last.to_lowercase())
}

/// The code-point offset of each byte of `text` (and of its end).
fn char_offsets(text: &str) -> Vec<usize> {
    let mut out = vec![0; text.len() + 1];
    for (n, (b, c)) in text.char_indices().enumerate() {
        out[b..b + c.len_utf8()].fill(n);
    }
    out[text.len()] = text.chars().count();
    out
}

/// The byte offset of each code point of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

/// Averaged perceptron weights by feature key (lazy averaging: the average
/// after `c` updates is `w - u / c`).
#[derive(Default)]
struct Weights {
    w: HashMap<u32, (f32, f32)>,
    c: f32,
}

impl Weights {
    fn score(&self, features: &[u32]) -> f32 {
        features
            .iter()
            .filter_map(|k| self.w.get(k))
            .map(|x| x.0)
            .sum()
    }

    fn add(&mut self, features: &[u32], by: f32) {
        for &k in features {
            let x = self.w.entry(k).or_default();
            x.0 += by;
            x.1 += by * self.c;
        }
    }

    fn averaged(&self) -> Ranker {
        let c = self.c.max(1.0);
        Ranker::new(self.w.iter().map(|(&k, &(w, u))| (k, w - u / c)))
    }
}

/// Whether option `k` of `e` may be chosen: leaving the pronoun unresolved,
/// or a candidate it may be (as `Ranker::choose` does).
fn agrees(e: &Example, k: usize) -> bool {
    e.trace
        .candidates
        .get(k)
        .is_none_or(|c| e.trace.facts.may_be(&c.2))
}

/// The best option by `score` among those `allowed`.
fn best(e: &Example, score: impl Fn(&[u32]) -> f32, allowed: impl Fn(usize) -> bool) -> usize {
    let mut top = (f32::NEG_INFINITY, 0);
    for (i, f) in e.options.iter().enumerate().filter(|(i, _)| allowed(*i)) {
        let s = score(f);
        if s > top.0 {
            top = (s, i);
        }
    }
    top.1
}

/// Trains the ranker: `epochs` passes in a shuffled order from `seed`.
pub fn train(examples: &[&Example], epochs: usize, seed: u64) -> Ranker {
    let mut w = Weights::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::seeded(seed);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let e = &examples[i];
            w.c += 1.0;
            let pred = best(e, |f| w.score(f), |k| agrees(e, k));
            if !e.right[pred] {
                let gold = best(e, |f| w.score(f), |k| e.right[k] && agrees(e, k));
                w.add(&e.options[gold], 1.0);
                w.add(&e.options[pred], -1.0);
            }
        }
    }
    w.averaged()
}

/// Share of examples whose top option is right.
pub fn accuracy(ranker: &Ranker, examples: &[&Example]) -> f64 {
    let right = examples
        .iter()
        .filter(|e| e.right[best(e, |f| ranker.score(f), |k| agrees(e, k))])
        .count();
    right as f64 / examples.len().max(1) as f64
}

/// Share of examples whose option chosen by the nearest-person rule (the
/// ranker's `rule_pick` feature) is right.
pub fn rule_accuracy(examples: &[Example]) -> f64 {
    let right = examples
        .iter()
        .filter(|e| {
            let pick = e.trace.candidates.iter().position(|c| c.2.rule_pick);
            e.right[pick.unwrap_or(e.trace.candidates.len())]
        })
        .count();
    right as f64 / examples.len().max(1) as f64
}
