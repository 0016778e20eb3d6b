//! Conversion of byte offsets to UTF-16 and code-point offsets.
//!
//! The DOM (`Range`, `selectionStart`) counts UTF-16 code units; the
//! evaluation format and Python count code points; Rust counts bytes. An
//! [`OffsetIndex`] is built once per text and answers each conversion in
//! `O(log n)` where `n` is the number of non-ASCII characters.

use crate::span::TextRange;

/// Lookup table from byte offsets of one text to UTF-16 and code-point offsets.
#[derive(Debug, Clone)]
pub struct OffsetIndex {
    len: usize,
    /// For each non-ASCII char: (byte offset just after it, chars up to and
    /// including it, UTF-16 units up to and including it).
    checkpoints: Vec<(u32, u32, u32)>,
}

/// Offsets of one position counted three ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// UTF-8 bytes.
    pub byte: usize,
    /// Unicode scalar values (Python `str` indices).
    pub char: usize,
    /// UTF-16 code units (JavaScript string indices).
    pub utf16: usize,
}

impl OffsetIndex {
    /// Builds the index for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let (mut chars, mut units) = (0u32, 0u32);
        for (i, c) in text.char_indices() {
            chars += 1;
            units += c.len_utf16() as u32;
            if !c.is_ascii() {
                checkpoints.push(((i + c.len_utf8()) as u32, chars, units));
            }
        }
        Self {
            len: text.len(),
            checkpoints,
        }
    }

    /// The position of byte offset `byte`, which must be a char boundary
    /// of the text (offsets past the end are clamped to its end).
    #[must_use]
    pub fn position(&self, byte: usize) -> Position {
        let byte = byte.min(self.len);
        // Last checkpoint whose end is <= byte.
        let k = self
            .checkpoints
            .partition_point(|&(end, _, _)| end as usize <= byte);
        let (base_byte, base_chars, base_units) = if k == 0 {
            (0, 0, 0)
        } else {
            let (b, c, u) = self.checkpoints[k - 1];
            (b as usize, c as usize, u as usize)
        };
        // Everything between the checkpoint and `byte` is ASCII.
        let ascii = byte - base_byte;
        Position {
            byte,
            char: base_chars + ascii,
            utf16: base_units + ascii,
        }
    }

    /// Code-point offset of a byte offset.
    #[must_use]
    pub fn to_char(&self, byte: usize) -> usize {
        self.position(byte).char
    }

    /// UTF-16 offset of a byte offset.
    #[must_use]
    pub fn to_utf16(&self, byte: usize) -> usize {
        self.position(byte).utf16
    }

    /// A byte range as a `[start, end)` pair of code-point offsets.
    #[must_use]
    pub fn range_to_chars(&self, r: TextRange) -> [usize; 2] {
        [self.to_char(r.start()), self.to_char(r.end())]
    }

    /// A byte range as a `[start, end)` pair of UTF-16 offsets.
    #[must_use]
    pub fn range_to_utf16(&self, r: TextRange) -> [usize; 2] {
        [self.to_utf16(r.start()), self.to_utf16(r.end())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        let idx = OffsetIndex::new(text);
        let mut chars = 0;
        let mut units = 0;
        for (b, c) in text.char_indices() {
            let p = idx.position(b);
            assert_eq!((p.char, p.utf16), (chars, units), "at byte {b} of {text:?}");
            chars += 1;
            units += c.len_utf16();
        }
        let end = idx.position(text.len());
        assert_eq!((end.char, end.utf16), (chars, units));
        assert_eq!(end.char, text.chars().count());
        assert_eq!(end.utf16, text.encode_utf16().count());
    }

    #[test]
    fn ascii_is_identity() {
        let idx = OffsetIndex::new("plain text");
        assert_eq!(idx.to_char(5), 5);
        assert_eq!(idx.to_utf16(10), 10);
    }

    /// Where `needle` starts in `text`: (bytes, code points, UTF-16 units).
    fn position_of(text: &str, needle: &str) -> (usize, usize, usize) {
        let idx = OffsetIndex::new(text);
        let at = text.find(needle).unwrap();
        check_all(text);
        (at, idx.to_char(at), idx.to_utf16(at))
    }

    #[test]
    fn emoji_take_two_utf16_units_and_one_code_point() {
        let text = "a😀b👍🏽c";
        assert_eq!(position_of(text, "b"), (5, 2, 3));
        assert_eq!(position_of(text, "c"), (14, 5, 8));
    }

    #[test]
    fn cjk_and_combining_marks() {
        // CJK: 3 bytes, 1 code point, 1 UTF-16 unit each.
        assert_eq!(position_of("東京で「こんにちは」と言った", "「"), (9, 3, 3));
        // "é" as e + COMBINING ACUTE: two code points, two UTF-16 units.
        assert_eq!(position_of("Sle\u{301}ttvik said", " said"), (10, 9, 9));
    }

    #[test]
    fn ranges_convert_both_ends() {
        let text = "«Ça va», dit-il 😀.";
        let idx = OffsetIndex::new(text);
        let r = TextRange::new(0, text.find(',').unwrap());
        assert_eq!(idx.range_to_chars(r), [0, 7]);
        assert_eq!(idx.range_to_utf16(r), [0, 7]);
        let r = TextRange::new(text.find('😀').unwrap(), text.len());
        assert_eq!(idx.range_to_chars(r), [16, 18]);
        assert_eq!(idx.range_to_utf16(r), [16, 19]);
    }

    #[test]
    fn past_the_end_is_clamped() {
        let idx = OffsetIndex::new("é");
        assert_eq!(idx.to_char(99), 1);
    }
}
