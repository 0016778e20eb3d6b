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
            | '`' // ``…'' (typewriter)
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
///
/// Runs between ASCII whitespace made of ASCII and news typography (most of
/// an English article) are split by [`news_word_bounds`], which applies the
/// UAX #29 rules that can fire on them; every other run goes through
/// `unicode-segmentation`. The result is the same as segmenting the whole
/// text (a property test checks it).
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if news_chars(&text[start..i], &mut chars) {
            news_word_bounds(&chars, |r| {
                push_piece(text, start + r.0, start + r.1, &mut out)
            });
        } else {
            // Start at the whitespace before the run, if any, so that a
            // combining mark after it attaches to it as in the whole text.
            let from = if start > 0 { start - 1 } else { start };
            for (at, piece) in text[from..i].split_word_bound_indices() {
                push_piece(text, from + at, from + at + piece.len(), &mut out);
            }
        }
    }
    out
}

/// Reference tokenizer: `unicode-segmentation` over the whole text.
#[must_use]
pub fn tokenize_reference(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for (start, piece) in text.split_word_bound_indices() {
        push_piece(text, start, start + piece.len(), &mut out);
    }
    out
}

/// Puts into `out` the characters of a run made of ASCII and the
/// typographic marks of news copy (‘ ’ “ ” – — …), with their byte offsets;
/// false for any other run (combining marks, other scripts, …).
fn news_chars(run: &str, out: &mut Vec<(usize, char)>) -> bool {
    out.clear();
    for (i, c) in run.char_indices() {
        if !(c.is_ascii() || matches!(c, '‘' | '’' | '“' | '”' | '–' | '—' | '…')) {
            return false;
        }
        out.push((i, c));
    }
    true
}

/// UAX #29 word boundaries of a run from [`news_chars`] (no whitespace):
/// letters, digits and `_` join (WB5, WB8–WB10, WB13a/b); `.`, `'`, ‘ or ’
/// (MidNumLet) or `:` joins two letters (WB6/7), as in "don’t"; `.`, `'`,
/// ‘, ’, `,` or `;` joins two digits (WB11/12); every other character —
/// “ ” – — … included — stands alone (WB999). Calls `piece` with each byte
/// `(start, end)`.
fn news_word_bounds(chars: &[(usize, char)], mut piece: impl FnMut((usize, usize))) {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let end_of = |k: usize| chars[k].0 + chars[k].1.len_utf8();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        if word(chars[i].1) {
            i += 1;
            loop {
                if i < chars.len() && word(chars[i].1) {
                    i += 1;
                } else if i + 1 < chars.len() {
                    let (prev, mid, next) = (chars[i - 1].1, chars[i].1, chars[i + 1].1);
                    let letters = prev.is_ascii_alphabetic()
                        && next.is_ascii_alphabetic()
                        && matches!(mid, '.' | '\'' | ':' | '‘' | '’');
                    let digits = prev.is_ascii_digit()
                        && next.is_ascii_digit()
                        && matches!(mid, '.' | '\'' | ',' | ';' | '‘' | '’');
                    if letters || digits {
                        i += 2;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else {
            i += 1;
        }
        piece((chars[start].0, end_of(i - 1)));
    }
}

/// Classifies the segment `text[start..end]` and pushes its token(s).
fn push_piece(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let piece = &text[start..end];
    let mut chars = piece.chars();
    let Some(first) = chars.next() else { return };
    if first.is_whitespace() {
        return;
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
        return;
    }
    out.push(Token {
        range: TextRange::new(start, end),
        kind,
    });
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
    fn ascii_runs_split_as_unicode_segmentation_does() {
        let samples = [
            "U.S. co-op don't 3.5 1,000 1;2 a:b a_b _x 9a a9 x.9 9.x it's.",
            "e-mail... (yes) $5.00! 'quoted' \"double\" a--b #tag @user 50% x'",
            "Ms.Kaori:\"We'll\" 10,000,000 1.2.3 a.b.c. ''a'' `b` ~c~ a::b a..b",
            "“Don’t,” she said—twice… ‘Yes’ 3’5 a’’b ’90s Jones’ “a”b”c –x— ‘’",
        ];
        for t in samples {
            assert_eq!(tokenize(t), tokenize_reference(t), "{t}");
        }
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t ").is_empty());
    }
}
