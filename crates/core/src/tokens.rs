//! Tokens: words, numbers, punctuation and quotation marks, with byte ranges.
//!
//! Word boundaries follow Unicode UAX #29 (via `unicode-segmentation`), so
//! "don’t", "U.S" and "3.5" stay whole and every script is handled; whitespace
//! is dropped.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::span::TextRange;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Contains at least one letter ("Somkeo", "don’t", "COVID-19" parts, "東京").
    Word,
    /// Digits, possibly with separators ("2004", "3.5", "1,000").
    Number,
    /// A quotation mark of any style (“ ” " ‘ ’ ' « » ‹ › „ 「 」 『 』).
    QuoteMark,
    /// Any other symbol or punctuation ("." "," "—" "(").
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is.
    pub range: TextRange,
    /// What it is made of.
    pub kind: TokenKind,
}

/// Whether `c` is a quotation mark of any supported style.
#[must_use]
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}' // “
            | '\u{201D}' // ”
            | '\u{201E}' // „
            | '\u{201F}' // ‟
            | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '\u{201A}' // ‚
            | '\u{00AB}' // «
            | '\u{00BB}' // »
            | '\u{2039}' // ‹
            | '\u{203A}' // ›
            | '\u{300C}' // 「
            | '\u{300D}' // 」
            | '\u{300E}' // 『
            | '\u{300F}' // 』
    )
}

/// Splits `text` into tokens (whitespace dropped), in text order.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for (start, piece) in text.split_word_bound_indices() {
        let mut chars = piece.chars();
        let Some(first) = chars.next() else { continue };
        if first.is_whitespace() {
            continue;
        }
        let single = chars.next().is_none();
        let kind = if single && is_quote_mark(first) {
            TokenKind::QuoteMark
        } else if piece.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if piece.chars().any(|c| c.is_numeric()) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        // UAX #29 keeps runs of some symbols together ("..." is three
        // pieces, but "——" may be one); split punctuation into single chars
        // so that sentence and quote stages see each mark.
        if kind == TokenKind::Punct && !single {
            for (i, c) in piece.char_indices() {
                let kind = if is_quote_mark(c) {
                    TokenKind::QuoteMark
                } else {
                    TokenKind::Punct
                };
                out.push(Token {
                    range: TextRange::new(start + i, start + i + c.len_utf8()),
                    kind,
                });
            }
            continue;
        }
        out.push(Token {
            range: TextRange::new(start, start + piece.len()),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.range.slice(text)).collect()
    }

    #[test]
    fn words_punctuation_and_marks() {
        let t = "“It’s fine,” said Ms Kaori.";
        assert_eq!(
            texts(t),
            ["“", "It’s", "fine", ",", "”", "said", "Ms", "Kaori", "."]
        );
        let kinds: Vec<_> = tokenize(t).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::QuoteMark);
        assert_eq!(kinds[1], TokenKind::Word);
        assert_eq!(kinds[3], TokenKind::Punct);
    }

    #[test]
    fn numbers_and_abbreviations() {
        assert_eq!(
            texts("In 2004, 3.5% of U.S. firms"),
            ["In", "2004", ",", "3.5", "%", "of", "U.S", ".", "firms"]
        );
        let kinds: Vec<_> = tokenize("2004 3.5").iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Number, TokenKind::Number]);
    }

    #[test]
    fn other_scripts() {
        assert_eq!(
            texts("«Bonjour» 「東京」"),
            ["«", "Bonjour", "»", "「", "東", "京", "」"]
        );
        assert_eq!(texts("مرحبا بكم"), ["مرحبا", "بكم"]);
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t ").is_empty());
    }
}
