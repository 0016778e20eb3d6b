//! Word clusters from GloVe vectors: a tree of k-means clusterings (8
//! children per node, 4 levels: 8, 64, 512 and 4,096 clusters), so that a
//! leaf's number shifted right by 3·k is its ancestor k levels up.
//!
//! Deterministic: fixed seed, fixed order of every sum, single thread.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

use saidwho_core::stages::ner::{CLUSTER_BITS, CLUSTER_LEVELS};

use crate::averaged::Rng;

/// Dimensions of the vectors.
const DIM: usize = 50;
/// Children per node (the core reads the tree by [`CLUSTER_BITS`]).
const BRANCH: usize = 1 << CLUSTER_BITS;
/// Levels of the tree.
const LEVELS: u32 = CLUSTER_LEVELS;
/// Leading principal directions removed (they mostly encode frequency).
const REMOVED_DIRECTIONS: usize = 2;
/// k-means iterations per node.
const ITERATIONS: usize = 12;
/// k-means runs per node from different seeds; the tightest is kept (one
/// unlucky start would otherwise shape a whole subtree).
const RESTARTS: usize = 6;

/// GloVe vocabulary (most frequent first) and vectors.
pub struct Glove {
    words: Vec<String>,
    /// Row-major `words.len() × DIM`.
    vectors: Vec<f32>,
}

/// Reads `dir/words.txt` and `dir/vectors.npy` (float32, either order).
pub fn load_glove(dir: &Path) -> Result<Glove> {
    let words: Vec<String> = std::fs::read_to_string(dir.join("words.txt"))
        .with_context(|| {
            format!(
                "reading {}/words.txt (run `cargo xtask train-ner`)",
                dir.display()
            )
        })?
        .lines()
        .map(str::to_owned)
        .collect();
    let raw = std::fs::read(dir.join("vectors.npy")).context("reading vectors.npy")?;
    if raw.len() < 10 || &raw[..6] != b"\x93NUMPY" {
        bail!("vectors.npy is not a NumPy file");
    }
    let header_len = usize::from(u16::from_le_bytes([raw[8], raw[9]]));
    let header = std::str::from_utf8(&raw[10..10 + header_len]).context("npy header")?;
    if !header.contains("'<f4'") {
        bail!("vectors.npy is not little-endian float32: {header}");
    }
    let fortran = header.contains("'fortran_order': True");
    let data = &raw[10 + header_len..];
    let n = words.len();
    if data.len() != n * DIM * 4 {
        bail!(
            "vectors.npy holds {} bytes, expected {n} × {DIM} floats",
            data.len()
        );
    }
    let at = |k: usize| {
        f32::from_le_bytes([
            data[4 * k],
            data[4 * k + 1],
            data[4 * k + 2],
            data[4 * k + 3],
        ])
    };
    let mut vectors = vec![0f32; n * DIM];
    for i in 0..n {
        for d in 0..DIM {
            vectors[i * DIM + d] = if fortran {
                at(d * n + i)
            } else {
                at(i * DIM + d)
            };
        }
    }
    Ok(Glove { words, vectors })
}

/// Whether a GloVe entry is a word worth a cluster (letters, with inner
/// hyphens, apostrophes, dots or ampersands).
fn is_wordlike(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.' | '&'))
}

/// The leaf cluster of each of the `count` most frequent word-like entries.
pub fn clusters(glove: &Glove, count: usize, seed: u64) -> HashMap<String, u16> {
    let chosen: Vec<usize> = (0..glove.words.len())
        .filter(|&i| is_wordlike(&glove.words[i]))
        .take(count)
        .collect();
    let mut points: Vec<[f32; DIM]> = chosen
        .iter()
        .map(|&i| std::array::from_fn(|d| glove.vectors[i * DIM + d]))
        .collect();
    normalise(&mut points);
    let mut leaf = vec![0u16; points.len()];
    let mut rng = Rng::seeded(seed);
    let all: Vec<usize> = (0..points.len()).collect();
    split(&points, &all, 0, 0, &mut leaf, &mut rng);
    chosen
        .iter()
        .zip(leaf)
        .map(|(&i, l)| (glove.words[i].clone(), l))
        .collect()
}

/// Centres the points, removes their leading principal directions and
/// scales each to unit length.
fn normalise(points: &mut [[f32; DIM]]) {
    let n = points.len() as f64;
    let mut mean = [0f64; DIM];
    for p in points.iter() {
        for d in 0..DIM {
            mean[d] += f64::from(p[d]) / n;
        }
    }
    for p in points.iter_mut() {
        for d in 0..DIM {
            p[d] -= mean[d] as f32;
        }
    }
    for k in 0..REMOVED_DIRECTIONS {
        let u = top_direction(points, k as u64);
        for p in points.iter_mut() {
            let dot: f32 = (0..DIM).map(|d| p[d] * u[d]).sum();
            for d in 0..DIM {
                p[d] -= dot * u[d];
            }
        }
    }
    for p in points.iter_mut() {
        let norm = p.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        p.iter_mut().for_each(|x| *x /= norm);
    }
}

/// The direction of largest variance (power iteration on the covariance).
fn top_direction(points: &[[f32; DIM]], salt: u64) -> [f32; DIM] {
    let mut cov = [[0f64; DIM]; DIM];
    for p in points {
        for a in 0..DIM {
            for b in 0..DIM {
                cov[a][b] += f64::from(p[a]) * f64::from(p[b]);
            }
        }
    }
    let mut rng = Rng(0x1234_5678 + salt);
    let mut v: [f64; DIM] = std::array::from_fn(|_| (rng.next() % 1000) as f64 / 1000.0 + 0.1);
    for _ in 0..100 {
        let mut next = [0f64; DIM];
        for a in 0..DIM {
            next[a] = (0..DIM).map(|b| cov[a][b] * v[b]).sum();
        }
        let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
        v = next.map(|x| x / norm);
    }
    v.map(|x| x as f32)
}

/// Clusters `members` into [`BRANCH`] children at `level`, numbering leaves
/// under `prefix`, and recurses.
fn split(
    points: &[[f32; DIM]],
    members: &[usize],
    level: u32,
    prefix: u16,
    leaf: &mut [u16],
    rng: &mut Rng,
) {
    if level == LEVELS {
        for &m in members {
            leaf[m] = prefix;
        }
        return;
    }
    let assign = kmeans(points, members, rng);
    for child in 0..BRANCH {
        let sub: Vec<usize> = members
            .iter()
            .zip(&assign)
            .filter(|(_, &a)| a == child)
            .map(|(&m, _)| m)
            .collect();
        let prefix = prefix * BRANCH as u16 + child as u16;
        split(points, &sub, level + 1, prefix, leaf, rng);
    }
}

/// The child of each member: the tightest of [`RESTARTS`] runs of
/// spherical k-means (highest total similarity to the centres).
fn kmeans(points: &[[f32; DIM]], members: &[usize], rng: &mut Rng) -> Vec<usize> {
    let mut best: Option<(f64, Vec<usize>)> = None;
    for _ in 0..RESTARTS {
        let (fit, assign) = kmeans_once(points, members, rng);
        if best.as_ref().is_none_or(|(f, _)| fit > *f) {
            best = Some((fit, assign));
        }
    }
    best.map_or_else(|| vec![0; members.len()], |(_, a)| a)
}

/// One run of spherical k-means with k-means++ seeding: its total
/// similarity and the child of each member.
fn kmeans_once(points: &[[f32; DIM]], members: &[usize], rng: &mut Rng) -> (f64, Vec<usize>) {
    let k = BRANCH.min(members.len());
    if k < 2 {
        return (0.0, vec![0; members.len()]);
    }
    let dot = |a: &[f32; DIM], b: &[f32; DIM]| -> f32 { a.iter().zip(b).map(|(x, y)| x * y).sum() };
    let mut centres: Vec<[f32; DIM]> = vec![points[members[(rng.next() as usize) % members.len()]]];
    while centres.len() < k {
        let dist: Vec<f64> = members
            .iter()
            .map(|&m| {
                let best = centres
                    .iter()
                    .map(|c| dot(&points[m], c))
                    .fold(f32::MIN, f32::max);
                f64::from((1.0 - best).max(0.0)).powi(2)
            })
            .collect();
        let total: f64 = dist.iter().sum();
        let mut target = (rng.next() % 1_000_000) as f64 / 1_000_000.0 * total;
        let pick = dist
            .iter()
            .position(|&d| {
                target -= d;
                target <= 0.0
            })
            .unwrap_or(members.len() - 1);
        centres.push(points[members[pick]]);
    }
    let mut assign = vec![0usize; members.len()];
    for _ in 0..ITERATIONS {
        for (a, &m) in assign.iter_mut().zip(members) {
            *a = (0..k)
                .max_by(|&x, &y| {
                    dot(&points[m], &centres[x])
                        .total_cmp(&dot(&points[m], &centres[y]))
                        .then(y.cmp(&x))
                })
                .unwrap_or(0);
        }
        let mut sums = vec![[0f32; DIM]; k];
        for (&a, &m) in assign.iter().zip(members) {
            for d in 0..DIM {
                sums[a][d] += points[m][d];
            }
        }
        for (c, s) in centres.iter_mut().zip(&sums) {
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                *c = s.map(|x| x / norm);
            }
        }
    }
    let fit = assign
        .iter()
        .zip(members)
        .map(|(&a, &m)| f64::from(dot(&points[m], &centres[a])))
        .sum();
    (fit, assign)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_look_like_words() {
        assert!(is_wordlike("vientiane"));
        assert!(is_wordlike("al-sisi"));
        assert!(is_wordlike("o'neill"));
        assert!(!is_wordlike("1996"));
        assert!(!is_wordlike(","));
        assert!(!is_wordlike("-lrb-"));
    }

    #[test]
    fn leaves_number_the_tree() {
        // 64 word-like entries ("wab…b", distinct) with distinct vectors:
        // each gets a leaf below 8^4, the same one on every run.
        let words: Vec<String> = (0..64).map(|i| format!("wa{}", "b".repeat(i))).collect();
        let vectors = (0..64)
            .flat_map(|i| {
                let base = if i < 32 { 1.0 } else { -1.0 };
                (0..DIM).map(move |d| {
                    base * (1.0 + (d as f32) * 0.01) + (i as f32) * 0.001 * (d % 3) as f32
                })
            })
            .collect();
        let g = Glove { words, vectors };
        let c = clusters(&g, 64, 7);
        assert_eq!(c.len(), 64);
        assert!(c.values().all(|&l| (l as usize) < BRANCH.pow(LEVELS)));
        assert_eq!(clusters(&g, 64, 7), c, "deterministic");
    }
}
