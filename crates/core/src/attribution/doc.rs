//! A token view of one text with the look-ups the attribution stages need.

use crate::span::{TextRange, TokenSpan};
use crate::tokens::{Token, TokenKind};

/// Tokens of a text with their sentence and paragraph numbers.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Token],
    /// Sentence number of each token.
    pub sent_of: Vec<u32>,
    /// Paragraph number of each token.
    pub para_of: Vec<u32>,
    /// Sentences.
    pub sentences: &'a [TextRange],
    /// Paragraphs.
    pub paragraphs: &'a [TextRange],
    /// Per sentence, its first token (and one more entry: the token count),
    /// so that a sentence's tokens are found without a search.
    sentence_starts: Vec<u32>,
    /// The same per paragraph.
    paragraph_starts: Vec<u32>,
    /// Lowercase forms of the tokens that have capitals, one after another
    /// (made once: every stage asks for them, many times).
    lowered: String,
    /// Per token: where its lowercase form is in `lowered`, or `None` when
    /// the token is lowercase already.
    low_at: Vec<Option<(u32, u32)>>,
}

impl<'a> Doc<'a> {
    /// Indexes `toks` by sentence and paragraph.
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        sentences: &'a [TextRange],
        paragraphs: &'a [TextRange],
    ) -> Self {
        let mut lowered = String::new();
        let low_at = toks
            .iter()
            .map(|t| {
                let s = t.range.slice(text);
                let capitals = if s.is_ascii() {
                    s.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    s.chars().any(char::is_uppercase)
                };
                if !capitals {
                    return None;
                }
                let start = u32::try_from(lowered.len()).ok()?;
                if s.is_ascii() {
                    lowered.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else if s.contains('Σ') {
                    lowered.push_str(&s.to_lowercase()); // final sigma needs the whole word
                } else {
                    lowered.extend(s.chars().flat_map(char::to_lowercase));
                }
                Some((start, u32::try_from(lowered.len()).ok()?))
            })
            .collect();
        let (sent_of, para_of) = (owner(toks, sentences), owner(toks, paragraphs));
        Self {
            text,
            toks,
            sentence_starts: starts(&sent_of, sentences.len()),
            paragraph_starts: starts(&para_of, paragraphs.len()),
            sent_of,
            para_of,
            sentences,
            paragraphs,
            lowered,
            low_at,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether the text has no token.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The text of token `i` ("" past the last token: look-ups near the end
    /// of a text never panic).
    pub fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.range.slice(self.text))
    }

    /// Token `i` in lowercase (made once, in [`Doc::new`]).
    pub fn low(&self, i: usize) -> &str {
        match self.low_at.get(i).copied().flatten() {
            Some((start, end)) => self
                .lowered
                .get(start as usize..end as usize)
                .unwrap_or_default(),
            None => self.s(i),
        }
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a word starting with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::QuoteMark)
    }

    /// Whether token `i` is exactly `p`.
    pub fn is(&self, i: usize, p: &str) -> bool {
        self.s(i) == p
    }

    /// Whether tokens `i` and `i + 1` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.sent_of[i] == self.sent_of[j]
    }

    /// Whether tokens `i` and `j` are in the same paragraph.
    pub fn same_paragraph(&self, i: usize, j: usize) -> bool {
        self.para_of[i] == self.para_of[j]
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.range.start() < b)
    }

    /// Byte range from the start of token `i` to the end of token `j`.
    pub fn range(&self, i: usize, j: usize) -> TextRange {
        TextRange::new(self.toks[i].range.start(), self.toks[j].range.end())
    }

    /// Byte range covered by the tokens of `span`.
    pub fn range_of(&self, span: TokenSpan) -> TextRange {
        self.range(span.first(), span.last())
    }

    /// The tokens covering `range` (a range that `range_of` returned): the
    /// inverse of `range_of`.
    pub fn span_of(&self, range: TextRange) -> TokenSpan {
        TokenSpan::new(self.token_at(range.start()), self.token_at(range.end()) - 1)
    }

    /// The tokens of sentence `s`, if it has any.
    pub fn sentence_tokens(&self, s: u32) -> Option<TokenSpan> {
        run_of(&self.sentence_starts, s)
    }

    /// The tokens of the sentence holding token `i` (clamped to the last
    /// token; just `i` when it has no sentence).
    pub fn sentence_bounds(&self, i: usize) -> TokenSpan {
        let i = i.min(self.len().saturating_sub(1));
        self.sent_of
            .get(i)
            .and_then(|&s| self.sentence_tokens(s))
            .unwrap_or(TokenSpan::one(i))
    }

    /// The tokens of paragraph `p`, if it has any.
    pub fn paragraph_tokens(&self, p: u32) -> Option<TokenSpan> {
        run_of(&self.paragraph_starts, p)
    }

    /// Whether token `i` is sentence-ending punctuation (". ! ?" that ends
    /// its sentence, or is followed by a closing quotation mark); the dot of
    /// "Ms." or "U.S." is not.
    pub fn is_terminal(&self, i: usize) -> bool {
        matches!(self.s(i), "." | "!" | "?" | "…")
            && (i + 1 >= self.len()
                || self.sent_of[i + 1] != self.sent_of[i]
                || (self.is_mark(i + 1)
                    && self.toks[i].range.end() == self.toks[i + 1].range.start()))
    }
}

/// The tokens of range `n`, from the first token of each range (see
/// [`starts`]), if it has any.
fn run_of(starts: &[u32], n: u32) -> Option<TokenSpan> {
    let n = n as usize;
    let (first, end) = (*starts.get(n)? as usize, *starts.get(n + 1)? as usize);
    (first < end).then(|| TokenSpan::new(first, end - 1))
}

/// For ranges `0..count`, the first token owned by each (or by a later
/// one), then the token count: `owner_of` is sorted. With no range at all,
/// every token belongs to range 0 (as [`owner`] says).
fn starts(owner_of: &[u32], count: usize) -> Vec<u32> {
    let count = count.max(1);
    let mut out = Vec::with_capacity(count + 1);
    let mut t = 0usize;
    for n in 0..=count {
        while t < owner_of.len() && (owner_of[t] as usize) < n {
            t += 1;
        }
        out.push(u32::try_from(t).unwrap_or(u32::MAX));
    }
    out
}

/// For each token, the index of the range (sorted, disjoint) containing it;
/// tokens outside every range get the next range's index.
fn owner(toks: &[Token], ranges: &[TextRange]) -> Vec<u32> {
    let mut out = Vec::with_capacity(toks.len());
    let mut r = 0usize;
    for t in toks {
        while r + 1 < ranges.len() && ranges[r].end() <= t.range.start() {
            r += 1;
        }
        out.push(u32::try_from(r).unwrap_or(u32::MAX));
    }
    out
}
