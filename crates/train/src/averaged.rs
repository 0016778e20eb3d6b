//! The averaged structured perceptron both trainers use (entities: 17
//! tags; reported speech: 7), and the small random generator that shuffles
//! their examples and seeds the word clusters.

use std::collections::HashMap;

use saidwho_core::stages::ChainScores;

/// Weights over hashed features and tag transitions, with lazy averaging:
/// the average after `c` updates is `w - u / c`.
pub struct Weights<const N: usize> {
    index: HashMap<u32, usize>,
    w: Vec<[f32; N]>,
    u: Vec<[f32; N]>,
    /// `trans[prev][next]`.
    pub trans: [[f32; N]; N],
    trans_u: [[f32; N]; N],
    /// Score of each tag at a sentence start.
    pub start: [f32; N],
    start_u: [f32; N],
    c: f32,
}

impl<const N: usize> Weights<N> {
    /// All zero.
    pub fn new() -> Self {
        Self {
            index: HashMap::new(),
            w: Vec::new(),
            u: Vec::new(),
            trans: [[0.0; N]; N],
            trans_u: [[0.0; N]; N],
            start: [0.0; N],
            start_u: [0.0; N],
            c: 1.0,
        }
    }

    /// Number of features with a weight.
    pub fn n_features(&self) -> usize {
        self.w.len()
    }

    /// Per word, the tag scores of its features.
    pub fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; N]> {
        feats
            .iter()
            .map(|fs| {
                let mut s = [0f32; N];
                for row in fs.iter().filter_map(|f| self.index.get(f)) {
                    s.iter_mut().zip(&self.w[*row]).for_each(|(x, w)| *x += w);
                }
                s
            })
            .collect()
    }

    fn bump(&mut self, f: u32, tag: usize, delta: f32) {
        let next = self.w.len();
        let row = *self.index.entry(f).or_insert(next);
        if row == next {
            self.w.push([0.0; N]);
            self.u.push([0.0; N]);
        }
        self.w[row][tag] += delta;
        self.u[row][tag] += self.c * delta;
    }

    /// Moves the weights towards `gold` and away from `pred`.
    pub fn update(&mut self, feats: &[Vec<u32>], gold: &[usize], pred: &[usize]) {
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

    /// One more example seen (updated or not).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights.
    pub fn averaged(&self) -> ChainScores<N> {
        let c = self.c;
        let avg = |w: &[f32; N], u: &[f32; N]| std::array::from_fn(|t| w[t] - u[t] / c);
        ChainScores {
            features: self
                .index
                .iter()
                .map(|(&f, &row)| (f, avg(&self.w[row], &self.u[row])))
                .collect(),
            trans: std::array::from_fn(|p| avg(&self.trans[p], &self.trans_u[p])),
            start: avg(&self.start, &self.start_u),
        }
    }
}

/// A small deterministic random generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    /// The generator for a seed.
    pub fn seeded(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Shuffles `order` in place (Fisher–Yates).
    pub fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
}
