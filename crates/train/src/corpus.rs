//! CoNLL-2003 documents as sentences of tagger tokens with gold tags, and
//! entity-level scoring.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use saidwho_core::stages::ner::tag_of;
use saidwho_core::stages::{ner_tokens, tag_entities, NerModel};
use saidwho_core::stages::{paragraphs, sentences, tokenize};
use saidwho_core::EntityLabel;
use saidwho_core::TextRange;
use serde::Deserialize;

#[derive(Deserialize)]
struct RawEntity {
    span: [usize; 2],
    label: String,
}

#[derive(Deserialize)]
struct RawDoc {
    text: String,
    entities: Vec<RawEntity>,
}

/// One sentence: its words and gold tags.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Tagger tokens.
    pub words: Vec<String>,
    /// Gold BIO tag per word.
    pub tags: Vec<usize>,
}

/// One document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The text.
    pub text: String,
    /// Gold entities (byte ranges).
    pub entities: Vec<(TextRange, EntityLabel)>,
    /// Its sentences, as the analyser splits them.
    pub sentences: Vec<Sentence>,
}

/// Loads a JSON lines file of `{"text", "entities"}` documents.
pub fn load(path: &Path) -> Result<Vec<Doc>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: RawDoc = serde_json::from_str(line)
            .with_context(|| format!("{}, line {}", path.display(), n + 1))?;
        docs.push(prepare(d));
    }
    Ok(docs)
}

fn prepare(d: RawDoc) -> Doc {
    let text = d.text;
    // Code points to bytes.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let entities: Vec<(TextRange, EntityLabel)> = d
        .entities
        .iter()
        .filter_map(|e| {
            let label = EntityLabel::parse(&e.label)?;
            Some((
                TextRange::new(byte_at[e.span[0]], byte_at[e.span[1]]),
                label,
            ))
        })
        .collect();
    let toks = tokenize(&text);
    let paras = paragraphs(&text);
    let sents = sentences(&text, &paras, &toks);
    let ntoks = ner_tokens(&text, &toks);
    let mut out = Vec::new();
    let mut t = 0;
    for s in sents {
        while t < ntoks.len() && ntoks[t].start() < s.start() {
            t += 1;
        }
        let first = t;
        while t < ntoks.len() && ntoks[t].end() <= s.end() {
            t += 1;
        }
        if first == t {
            continue;
        }
        let words: Vec<String> = ntoks[first..t]
            .iter()
            .map(|r| r.slice(&text).to_owned())
            .collect();
        let here = &ntoks[first..t];
        let entity_of = |r: &TextRange| {
            entities
                .iter()
                .find(|(e, _)| e.start() <= r.start() && r.start() < e.end())
        };
        let tags = here
            .iter()
            .enumerate()
            .map(|(k, r)| {
                entity_of(r)
                    .and_then(|(e, l)| {
                        let last = here.get(k + 1).is_none_or(|n| n.start() >= e.end());
                        // A name cut by a sentence break still ends here.
                        tag_of(*l, e.start() == r.start() || k == 0, last)
                    })
                    .unwrap_or(0)
            })
            .collect();
        out.push(Sentence { words, tags });
    }
    Doc {
        text,
        entities,
        sentences: out,
    }
}

/// Entity-level precision, recall and F1, overall and per label.
#[derive(Debug, Default)]
pub struct Scores {
    per_label: BTreeMap<&'static str, (usize, usize, usize)>,
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 {
        tp as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Scores {
    fn total(&self) -> (usize, usize, usize) {
        self.per_label
            .values()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// Micro F1.
    pub fn f1(&self) -> f64 {
        let (tp, p, g) = self.total();
        prf(tp, p, g).2
    }

    /// One line: micro and per-label F1.
    pub fn summary(&self) -> String {
        let mut s = format!("micro F1 {:.2}", 100.0 * self.f1());
        for (l, &(tp, p, g)) in &self.per_label {
            s += &format!(", {l} {:.2}", 100.0 * prf(tp, p, g).2);
        }
        s
    }

    /// The scores as JSON for the model card.
    pub fn to_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        let (tp, p, g) = self.total();
        let (pp, rr, ff) = prf(tp, p, g);
        m.insert(
            "micro".into(),
            serde_json::json!({"precision": pp, "recall": rr, "f1": ff}),
        );
        for (l, &(tp, p, g)) in &self.per_label {
            let (pp, rr, ff) = prf(tp, p, g);
            m.insert(
                (*l).into(),
                serde_json::json!({"precision": pp, "recall": rr, "f1": ff, "gold": g}),
            );
        }
        serde_json::Value::Object(m)
    }
}

/// Tags `docs` with `model` the way the analyser does and scores exact spans.
pub fn evaluate(docs: &[Doc], model: &NerModel) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let toks = tokenize(&d.text);
        let paras = paragraphs(&d.text);
        let sents = sentences(&d.text, &paras, &toks);
        let ntoks = ner_tokens(&d.text, &toks);
        let pred = tag_entities(&d.text, &sents, &ntoks, model);
        for label in EntityLabel::TAGGED {
            let g: Vec<TextRange> = d
                .entities
                .iter()
                .filter(|e| e.1 == label)
                .map(|e| e.0)
                .collect();
            let p: Vec<TextRange> = pred
                .iter()
                .filter(|e| e.label == label)
                .map(|e| e.range)
                .collect();
            let tp = p.iter().filter(|r| g.contains(r)).count();
            let e = scores.per_label.entry(label.as_str()).or_default();
            e.0 += tp;
            e.1 += p.len();
            e.2 += g.len();
        }
    }
    scores
}
