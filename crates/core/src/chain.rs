//! The scores of a linear-chain tagger (an averaged perceptron decoded with
//! Viterbi): per hashed feature and tag, per tag transition, per starting
//! tag. The trainers produce them; the entity and reported-speech model
//! files store them, quantised to 8 bits.

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
