//! The scores of a linear-chain tagger (an averaged perceptron decoded with
//! Viterbi): per hashed feature and tag, per tag transition, per starting
//! tag. The trainers produce them; the entity and reported-speech model
//! files store them, quantised to 8 bits.

/// `trans` with every move that `allowed(Some(prev), next)` forbids set to
/// −∞, so that decoding loops need no test.
#[must_use]
pub fn masked<const N: usize>(
    trans: &[[f32; N]; N],
    allowed: impl Fn(Option<usize>, usize) -> bool,
) -> [[f32; N]; N] {
    std::array::from_fn(|p| {
        std::array::from_fn(|t| {
            if allowed(Some(p), t) {
                trans[p][t]
            } else {
                f32::NEG_INFINITY
            }
        })
    })
}

/// Exact best tag sequence over `N` tags under `trans`/`start`, never
/// taking a move `allowed` forbids (`None`: the sentence start).
#[must_use]
pub fn viterbi<const N: usize>(
    emissions: &[[f32; N]],
    trans: &[[f32; N]; N],
    start: &[f32; N],
    allowed: impl Fn(Option<usize>, usize) -> bool,
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score: [f32; N] = std::array::from_fn(|t| {
        if allowed(None, t) {
            start[t] + emissions[0][t]
        } else {
            f32::NEG_INFINITY
        }
    });
    let mut back = vec![[0u8; N]; n];
    let moves = masked(trans, &allowed);
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N];
        for t in 0..N {
            for p in 0..N {
                let s = score[p] + moves[p][t];
                if s > next[t] {
                    next[t] = s;
                    back[i][t] = p as u8;
                }
            }
            next[t] += emissions[i][t];
        }
        score = next;
    }
    let mut t = (1..N).fold(0, |b, x| if score[x] > score[b] { x } else { b });
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = t;
        t = usize::from(back[i][t]);
    }
    path
}

/// A tagger's scores over `N` tags.
#[derive(Debug, Clone)]
pub struct ChainScores<const N: usize> {
    /// (feature fingerprint, weight per tag), any order.
    pub features: Vec<(u32, [f32; N])>,
    /// `trans[prev][next]`.
    pub trans: [[f32; N]; N],
    /// Score of each tag at a sentence start.
    pub start: [f32; N],
}

impl<const N: usize> ChainScores<N> {
    /// The scale that maps the largest weight to 127, and the features
    /// quantised with it (weight = q × scale), sorted by fingerprint; a
    /// feature whose weights all quantise below `min` in magnitude is left
    /// out (`min` 1: only all-zero ones).
    #[must_use]
    pub fn quantised(&self, min: i8) -> (f32, Vec<(u32, [i8; N])>) {
        let max = self
            .features
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let floor = min.unsigned_abs().max(1);
        let mut q: Vec<(u32, [i8; N])> = self
            .features
            .iter()
            .map(|(k, w)| {
                (
                    *k,
                    w.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8),
                )
            })
            .filter(|(_, q)| q.iter().any(|&x| x.unsigned_abs() >= floor))
            .collect();
        q.sort_unstable_by_key(|f| f.0);
        q.dedup_by_key(|f| f.0);
        (scale, q)
    }

    /// Appends the transition and start scores (little-endian `f32`).
    pub fn write_transitions(&self, out: &mut Vec<u8>) {
        for x in self.trans.iter().flatten().chain(&self.start) {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantising_keeps_signs_drops_small_features_and_sorts() {
        let s = ChainScores::<2> {
            features: vec![(9, [2.0, -1.0]), (3, [0.001, 0.0]), (5, [0.03, 0.0])],
            trans: [[0.0; 2]; 2],
            start: [0.0; 2],
        };
        let (scale, q) = s.quantised(1);
        assert!((scale - 2.0 / 127.0).abs() < 1e-6);
        assert_eq!(q, vec![(5, [2, 0]), (9, [127, -64])]);
        assert_eq!(s.quantised(3).1, vec![(9, [127, -64])]);
    }
}
