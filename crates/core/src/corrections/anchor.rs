//! Where an edit is: a byte range of the text and the words it held, so the
//! edit can follow its words when the text around them changes.

use serde::{Deserialize, Serialize};

use crate::span::TextRange;

/// A stretch of the text an edit refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Byte offset of its start in the text it was made on.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The words it covered.
    pub text: String,
    /// Which copy of those words it was (0: the first in the text).
    pub nth: usize,
}

impl Anchor {
    /// The anchor of `range` in `text`.
    #[must_use]
    pub fn new(text: &str, range: TextRange) -> Self {
        let words = text.get(range.start()..range.end()).unwrap_or("");
        let nth = if words.is_empty() {
            0
        } else {
            text[..range.start()].match_indices(words).count()
        };
        Self {
            start: range.start(),
            end: range.end(),
            text: words.to_owned(),
            nth,
        }
    }

    /// Where the anchored words are in `text`: the same copy of them (where
    /// they were, or moved by text added or removed elsewhere), else the
    /// copy nearest to where they were; `None` when they are gone.
    #[must_use]
    pub fn find(&self, text: &str) -> Option<TextRange> {
        if self.text.is_empty() {
            return None;
        }
        let copies: Vec<usize> = text
            .match_indices(self.text.as_str())
            .map(|(at, _)| at)
            .collect();
        let start = copies.get(self.nth).copied().or_else(|| {
            copies
                .iter()
                .copied()
                .min_by_key(|&at| at.abs_diff(self.start))
        })?;
        Some(TextRange::new(start, start + self.text.len()))
    }

    /// The same words at `range` (after [`Anchor::find`] moved them).
    #[must_use]
    pub fn at(&self, range: TextRange) -> Self {
        Self {
            start: range.start(),
            end: range.end(),
            text: self.text.clone(),
            nth: self.nth,
        }
    }

    /// Its words in quotation marks, cut to about `chars` characters.
    #[must_use]
    pub fn excerpt(&self, chars: usize) -> String {
        let flat = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat = flat.trim_matches(|c: char| "“”\"‘’'«»„".contains(c));
        if flat.chars().count() <= chars {
            return format!("“{flat}”");
        }
        let cut: String = flat.chars().take(chars).collect();
        format!("“{cut}…”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchor_follows_its_words_and_is_lost_with_them() {
        let t = "He said “yes.” Then “yes.” again.";
        let second = t.rfind("“yes").unwrap();
        let a = Anchor::new(t, TextRange::new(second, second + "“yes.”".len()));
        assert_eq!(a.find(t), Some(TextRange::new(second, a.end)));
        // Text added before it: it moves to the nearest copy of its words.
        let longer = format!("New first line. {t}");
        let moved = a.find(&longer).unwrap();
        assert_eq!(moved.slice(&longer), "“yes.”");
        assert_eq!(moved.start(), second + "New first line. ".len());
        // Its words changed: gone.
        assert_eq!(a.find(&t.replace("yes", "no")), None);
        // Offsets outside the text or inside a character never panic.
        let far = Anchor {
            start: 500,
            end: 2,
            text: "x".into(),
            nth: 3,
        };
        assert_eq!(far.find("é"), None);
    }

    #[test]
    fn excerpts_are_short_and_quoted_once() {
        let a = Anchor::new("“We will rebuild every house.”", TextRange::new(0, 34));
        assert_eq!(a.excerpt(7), "“We will…”");
        assert_eq!(a.excerpt(100), "“We will rebuild every house.”");
    }
}
