//! Pure helpers behind the correction controls: where a selection is in the
//! text, and a quote's extent moved by one word.

use saidwho_core::{Analysis, TextRange};

/// The byte offset of UTF-16 offset `units` in `s` (`None` past its end or
/// inside a character).
#[must_use]
pub fn utf16_to_byte(s: &str, units: u32) -> Option<usize> {
    let mut seen = 0u32;
    for (at, c) in s.char_indices() {
        if seen == units {
            return Some(at);
        }
        if seen > units {
            return None;
        }
        seen += u32::try_from(c.len_utf16()).ok()?;
    }
    (seen == units).then_some(s.len())
}

/// `r` without the spaces at its ends (`None` when nothing else is left).
#[must_use]
pub fn trimmed(text: &str, r: TextRange) -> Option<TextRange> {
    let words = text.get(r.start()..r.end())?;
    let start = r.start() + (words.len() - words.trim_start().len());
    let end = r.end() - (words.len() - words.trim_end().len());
    (end > start).then(|| TextRange::new(start, end))
}

/// The text range of a selection in the editor (UTF-16 offsets into the
/// whole text).
#[must_use]
pub fn editor_range(text: &str, (start, end): (u32, u32)) -> Option<TextRange> {
    let (s, e) = (utf16_to_byte(text, start)?, utf16_to_byte(text, end)?);
    trimmed(text, TextRange::new(s, e.max(s)))
}

/// The text range of a selection in paragraph `para` of the article view
/// (UTF-16 offsets into that paragraph's text).
#[must_use]
pub fn paragraph_range(
    text: &str,
    analysis: &Analysis,
    (para, start, end): (usize, u32, u32),
) -> Option<TextRange> {
    let p = *analysis.paragraphs.get(para)?;
    let words = p.slice(text);
    let (s, e) = (utf16_to_byte(words, start)?, utf16_to_byte(words, end)?);
    trimmed(text, TextRange::new(p.start() + s, p.start() + e.max(s)))
}

/// Which end of a quote moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Its first word.
    Start,
    /// Its last word.
    End,
}

/// The words of `para` (runs of letters and digits), as ranges of `text`.
fn words_of(text: &str, para: TextRange) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in para.slice(text).char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(TextRange::new(para.start() + s, para.start() + at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(TextRange::new(para.start() + s, para.end()));
    }
    out
}

/// `r` with one end moved by one word (`later`: towards the end of the
/// text), never empty and never past the paragraph; `None` when it cannot
/// move that way.
#[must_use]
pub fn moved_by_a_word(
    text: &str,
    a: &Analysis,
    r: TextRange,
    edge: Edge,
    later: bool,
) -> Option<TextRange> {
    let para = a
        .paragraphs
        .iter()
        .find(|p| p.start() <= r.start() && r.start() < p.end().max(p.start() + 1))?;
    // Words are steps; punctuation and marks go with them.
    let stops = words_of(text, *para);
    let moved = match (edge, later) {
        (Edge::Start, false) => stops
            .iter()
            .rev()
            .find(|t| t.start() < r.start())
            .map(|t| TextRange::new(t.start(), r.end())),
        (Edge::Start, true) => stops
            .iter()
            .find(|t| t.start() > r.start() && t.start() < r.end())
            .map(|t| TextRange::new(t.start(), r.end())),
        (Edge::End, false) => stops
            .iter()
            .rev()
            .find(|t| t.end() < r.end() && t.end() > r.start())
            .map(|t| TextRange::new(r.start(), t.end())),
        (Edge::End, true) => stops
            .iter()
            .find(|t| t.end() > r.end())
            .map(|t| TextRange::new(r.start(), t.end())),
    }?;
    (moved.end() > moved.start() && moved != r).then_some(moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_become_byte_offsets() {
        let s = "a😀é";
        assert_eq!(utf16_to_byte(s, 0), Some(0));
        assert_eq!(utf16_to_byte(s, 1), Some(1));
        assert_eq!(utf16_to_byte(s, 2), None, "inside the emoji's pair");
        assert_eq!(utf16_to_byte(s, 3), Some(5));
        assert_eq!(utf16_to_byte(s, 4), Some(7));
        assert_eq!(utf16_to_byte(s, 5), None);
    }

    #[test]
    fn selections_are_trimmed_ranges_of_the_text() {
        let t = "Title\n\nOne “two” three.";
        let a = saidwho_core::analyze(t);
        let r = paragraph_range(t, &a, (1, 3, 10)).unwrap();
        assert_eq!(r.slice(t), "“two”");
        let r = editor_range(t, (10, 17)).unwrap();
        assert_eq!(r.slice(t), "“two”");
        assert_eq!(editor_range(t, (3, 3)), None);
        assert_eq!(paragraph_range(t, &a, (9, 0, 2)), None);
    }

    #[test]
    fn a_quote_end_moves_a_word_at_a_time() {
        let t = "He said we will rebuild every house, today.";
        // The page's analyses come without tokens.
        let a = saidwho_core::Analysis {
            tokens: Vec::new(),
            ..saidwho_core::analyze(t)
        };
        let at = |w: &str| t.find(w).unwrap();
        let r = TextRange::new(at("we"), at(" every"));
        let grow = moved_by_a_word(t, &a, r, Edge::End, true).unwrap();
        assert_eq!(grow.slice(t), "we will rebuild every");
        let shrink = moved_by_a_word(t, &a, r, Edge::End, false).unwrap();
        assert_eq!(shrink.slice(t), "we will");
        let earlier = moved_by_a_word(t, &a, r, Edge::Start, false).unwrap();
        assert_eq!(earlier.slice(t), "said we will rebuild");
        let later = moved_by_a_word(t, &a, r, Edge::Start, true).unwrap();
        assert_eq!(later.slice(t), "will rebuild");
        let one = TextRange::new(at("we"), at(" will"));
        assert_eq!(moved_by_a_word(t, &a, one, Edge::Start, true), None);
    }
}
