//! Averaged structured perceptron over the core's features, with Viterbi
//! decoding — the model `saidwho-core` loads.

use std::collections::HashMap;

use saidwho_core::stages::ner::N_TAGS;
use saidwho_core::stages::ner::{extract_prepared, Prepared};
use saidwho_core::stages::ner::{gazetteer_key, viterbi, ModelParts};
use saidwho_core::stages::NerModel;

use crate::corpus::{evaluate, Doc};

/// Weights with lazy averaging: `avg = w - u / c`.
struct Weights {
    index: HashMap<u32, usize>,
    w: Vec<[f32; N_TAGS]>,
    u: Vec<[f32; N_TAGS]>,
    trans: [[f32; N_TAGS]; N_TAGS],
    trans_u: [[f32; N_TAGS]; N_TAGS],
    start: [f32; N_TAGS],
    start_u: [f32; N_TAGS],
    c: f32,
}

impl Weights {
    fn new() -> Self {
        Self {
            index: HashMap::new(),
            w: Vec::new(),
            u: Vec::new(),
            trans: [[0.0; N_TAGS]; N_TAGS],
            trans_u: [[0.0; N_TAGS]; N_TAGS],
            start: [0.0; N_TAGS],
            start_u: [0.0; N_TAGS],
            c: 1.0,
        }
    }

    fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; N_TAGS]> {
        feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; N_TAGS];
                for f in fs {
                    if let Some(&row) = self.index.get(f) {
                        for (x, w) in s.iter_mut().zip(&self.w[row]) {
                            *x += w;
                        }
                    }
                }
                s
            })
            .collect()
    }

    fn bump(&mut self, f: u32, tag: usize, delta: f32) {
        let next = self.w.len();
        let row = *self.index.entry(f).or_insert(next);
        if row == next {
            self.w.push([0.0; N_TAGS]);
            self.u.push([0.0; N_TAGS]);
        }
        self.w[row][tag] += delta;
        self.u[row][tag] += self.c * delta;
    }

    fn update(&mut self, feats: &[Vec<u32>], gold: &[usize], pred: &[usize]) {
        for (i, fs) in feats.iter().enumerate() {
            if gold[i] != pred[i] {
                for &f in fs {
                    self.bump(f, gold[i], 1.0);
                    self.bump(f, pred[i], -1.0);
                }
            }
        }
        let c = self.c;
        for (path, delta) in [(gold, 1.0f32), (pred, -1.0)] {
            self.start[path[0]] += delta;
            self.start_u[path[0]] += c * delta;
            for i in 1..path.len() {
                self.trans[path[i - 1]][path[i]] += delta;
                self.trans_u[path[i - 1]][path[i]] += c * delta;
            }
        }
    }

    fn averaged(&self, gazetteer: Vec<(u32, u8)>) -> ModelParts {
        let c = self.c;
        let avg_row =
            |w: &[f32; N_TAGS], u: &[f32; N_TAGS]| std::array::from_fn(|t| w[t] - u[t] / c);
        let features = self
            .index
            .iter()
            .map(|(&f, &row)| (f, avg_row(&self.w[row], &self.u[row])))
            .collect();
        let trans = std::array::from_fn(|p| avg_row(&self.trans[p], &self.trans_u[p]));
        let start = avg_row(&self.start, &self.start_u);
        ModelParts {
            features,
            trans,
            start,
            gazetteer,
        }
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

/// A small deterministic random generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Trains for `epochs` passes in an order shuffled by `seed`; prints the
/// dev score after each pass.
pub fn train(docs: &[Doc], epochs: usize, seed: u64, dev: &[Doc]) -> ModelParts {
    // Two folds: each half's features use the gazetteer of the other half,
    // so the model learns how far to trust a gazetteer hit.
    let a: Vec<&Doc> = docs.iter().step_by(2).collect();
    let b: Vec<&Doc> = docs.iter().skip(1).step_by(2).collect();
    let gaz_a = gazetteer(&a);
    let gaz_b = gazetteer(&b);
    let all: Vec<&Doc> = docs.iter().collect();
    let gaz_all = gazetteer(&all);
    let mut examples: Vec<(Vec<Vec<u32>>, Vec<usize>)> = Vec::new();
    for (half, gaz) in [(&a, &gaz_b), (&b, &gaz_a)] {
        let lookup = |w: &str| gaz.get(w).copied().unwrap_or(0);
        for d in half.iter() {
            for s in &d.sentences {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let prepared = Prepared::new(&words, &lookup);
                let feats = (0..words.len())
                    .map(|i| {
                        let mut f = Vec::with_capacity(48);
                        extract_prepared(&prepared, i, &mut f);
                        f
                    })
                    .collect();
                examples.push((feats, s.tags.clone()));
            }
        }
    }
    let gazetteer: Vec<(u32, u8)> = gaz_all
        .iter()
        .map(|(w, &m)| (gazetteer_key(w), m))
        .collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut w = Weights::new();
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &k in &order {
            let (feats, gold) = &examples[k];
            let pred = viterbi(&w.emissions(feats), &w.trans, &w.start);
            if pred != *gold {
                errors += 1;
                w.update(feats, gold, &pred);
            }
            w.c += 1.0;
        }
        let parts = w.averaged(gazetteer.clone());
        let dev_score =
            NerModel::from_bytes(&parts.to_bytes()).map(|m| evaluate(dev, &m).summary());
        eprintln!(
            "epoch {epoch}: {errors} sentences wrong, {} features; dev {}",
            w.w.len(),
            dev_score.unwrap_or_else(|e| e.to_string())
        );
    }
    w.averaged(gazetteer)
}
