//! Byte ranges into the analysed text, and runs of its tokens.

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

    /// Whether it overlaps one of `sorted` (disjoint ranges in text order;
    /// a binary search).
    #[must_use]
    pub fn overlaps_any(self, sorted: &[TextRange]) -> bool {
        let at = sorted.partition_point(|e| e.end() <= self.start());
        sorted.get(at).is_some_and(|e| e.overlaps(self))
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

/// An inclusive run of tokens `first..=last`: indices into the text's token
/// list ([`crate::Analysis::tokens`]), never byte offsets.
///
/// A typed pair instead of a bare `(usize, usize)`, so that a token run
/// cannot be taken for a byte range or an exclusive end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenSpan {
    /// Index of the first token.
    first: u32,
    /// Index of the last token (inclusive).
    last: u32,
}

impl TokenSpan {
    /// The tokens `first..=last`.
    ///
    /// # Panics
    /// In debug builds, when `first > last`.
    #[must_use]
    pub fn new(first: usize, last: usize) -> Self {
        debug_assert!(first <= last, "reversed token span {first}..={last}");
        Self {
            first: to_u32(first),
            last: to_u32(last),
        }
    }

    /// The tokens `first..=last`, or `None` when `first > last` (nothing
    /// between two marks side by side).
    #[must_use]
    pub fn try_new(first: usize, last: usize) -> Option<Self> {
        (first <= last).then(|| Self::new(first, last))
    }

    /// The one token `i`.
    #[must_use]
    pub fn one(i: usize) -> Self {
        Self::new(i, i)
    }

    /// Index of the first token.
    #[must_use]
    pub fn first(self) -> usize {
        self.first as usize
    }

    /// Index of the last token (inclusive).
    #[must_use]
    pub fn last(self) -> usize {
        self.last as usize
    }

    /// Number of tokens (at least one: a run is never empty).
    #[must_use]
    pub fn count(self) -> usize {
        (self.last - self.first) as usize + 1
    }

    /// Whether token `i` is in the run.
    #[must_use]
    pub fn contains(self, i: usize) -> bool {
        self.first() <= i && i <= self.last()
    }

    /// The token indices, first to last.
    #[must_use]
    pub fn indices(self) -> std::ops::RangeInclusive<usize> {
        self.first()..=self.last()
    }

    /// The run with its last token moved to `last`.
    #[must_use]
    pub fn with_last(self, last: usize) -> Self {
        Self::new(self.first(), last)
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

    #[test]
    fn token_spans_are_inclusive() {
        let s = TokenSpan::new(3, 5);
        assert_eq!((s.first(), s.last(), s.count()), (3, 5, 3));
        assert!(s.contains(3) && s.contains(5) && !s.contains(6));
        assert_eq!(s.indices().collect::<Vec<_>>(), vec![3, 4, 5]);
        assert_eq!(TokenSpan::one(7).count(), 1);
        assert_eq!(TokenSpan::try_new(4, 3), None);
        assert_eq!(s.with_last(9), TokenSpan::new(3, 9));
    }
}
