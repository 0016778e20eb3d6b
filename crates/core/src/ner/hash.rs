//! A small, fast, stable hash for feature strings (FxHash-style), streamed
//! so that features never allocate.

/// Multiplier of the Fx hash.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// A streaming hasher whose output is stable across platforms and versions
/// (models store these hashes).
#[derive(Debug, Clone, Copy)]
pub struct FeatureHasher(u64);

impl FeatureHasher {
    /// Starts a feature of template `template`.
    #[must_use]
    pub fn new(template: u8) -> Self {
        Self(u64::from(template).wrapping_add(1).wrapping_mul(K))
    }

    /// Adds one byte.
    #[must_use]
    pub fn byte(self, b: u8) -> Self {
        Self((self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K))
    }

    /// Adds a 64-bit value in one step (a precomputed hash).
    #[must_use]
    pub fn u64(self, x: u64) -> Self {
        Self((self.0.rotate_left(5) ^ x).wrapping_mul(K))
    }

    /// Adds a string's bytes.
    #[must_use]
    pub fn str(self, s: &str) -> Self {
        s.bytes().fold(self, Self::byte).byte(0xFF)
    }

    /// Adds a string's bytes, lowercased.
    #[cfg(test)]
    #[must_use]
    pub fn lower(self, s: &str) -> Self {
        let mut h = self;
        if s.is_ascii() {
            for b in s.bytes() {
                h = h.byte(b.to_ascii_lowercase());
            }
        } else {
            let mut buf = [0u8; 4];
            for c in s.chars().flat_map(char::to_lowercase) {
                for &b in c.encode_utf8(&mut buf).as_bytes() {
                    h = h.byte(b);
                }
            }
        }
        h.byte(0xFF)
    }

    /// The final hash.
    #[must_use]
    pub fn finish(self) -> u64 {
        // Final avalanche so that nearby inputs spread over the table.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_case_folding() {
        let a = FeatureHasher::new(1).str("Paris").finish();
        assert_eq!(a, FeatureHasher::new(1).str("Paris").finish());
        assert_ne!(a, FeatureHasher::new(2).str("Paris").finish());
        assert_eq!(
            FeatureHasher::new(3).lower("PARIS").finish(),
            FeatureHasher::new(3).lower("paris").finish()
        );
        assert_eq!(
            FeatureHasher::new(3).lower("ÉTÉ").finish(),
            FeatureHasher::new(3).lower("été").finish()
        );
        assert_ne!(
            FeatureHasher::new(4).str("ab").str("c").finish(),
            FeatureHasher::new(4).str("a").str("bc").finish()
        );
    }
}
