//! Byte ranges into the analysed text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of **byte** offsets into the analysed text.
///
/// Byte offsets are what Rust slices with; convert them with
/// [`crate::offsets::OffsetIndex`] to UTF-16 offsets (what the DOM counts) or to
/// code-point offsets (what the evaluation format counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TextRange {
    /// First byte of the range.
    start: u32,
    /// One past the last byte of the range.
    end: u32,
}

impl TextRange {
    /// A range from `start` to `end` (byte offsets; `start <= end`).
    ///
    /// # Panics
    /// In debug builds, when `start > end`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "reversed range {start}..{end}");
        Self {
            start: to_u32(start),
            end: to_u32(end),
        }
    }

    /// The first byte as a `usize`.
    #[must_use]
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte as a `usize`.
    #[must_use]
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the range covers no byte.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside `self`.
    #[must_use]
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two ranges share at least one byte.
    #[must_use]
    pub fn overlaps(self, other: TextRange) -> bool {
        self.start.max(other.start) < self.end.min(other.end)
    }

    /// The range moved `by` bytes later (a piece's range in the whole text).
    #[must_use]
    pub fn shifted(self, by: usize) -> Self {
        Self::new(self.start() + by, self.end() + by)
    }

    /// The text this range covers.
    ///
    /// # Panics
    /// When the range is out of bounds or not on char boundaries of `text`
    /// (ranges made by the analyser for that text never are).
    #[must_use]
    pub fn slice(self, text: &str) -> &str {
        &text[self]
    }
}

/// `&text[range]`: the text a range covers (as [`TextRange::slice`]).
impl std::ops::Index<TextRange> for str {
    type Output = str;

    fn index(&self, r: TextRange) -> &str {
        &self[r.start()..r.end()]
    }
}

/// Texts are capped far below 4 GiB by the callers; saturate rather than wrap.
fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = TextRange::new(2, 6);
        assert!(a.overlaps(TextRange::new(5, 9)));
        assert!(!a.overlaps(TextRange::new(6, 9)));
        assert!(a.contains_range(TextRange::new(2, 6)));
        assert!(!a.contains_range(TextRange::new(1, 3)));
        assert_eq!(a.len(), 4);
        assert_eq!(TextRange::new(1, 4).slice("héllo"), "él");
        assert_eq!(&"Søren Ødegård"[TextRange::new(0, 6)], "Søren");
        assert_eq!(TextRange::new(1, 4).shifted(10), TextRange::new(11, 14));
    }
}
