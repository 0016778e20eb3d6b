//! Document evidence: how each word looks in its other mentions in the same
//! article. A headline's "MEKONG" or a sentence-initial "Apple" is read in
//! the light of "the Mekong" and "Apple Inc." further on; "Will" at the start
//! of a sentence is a verb when the article also writes "will".

use rustc_hash::FxHashMap;

use super::features::{is_headline, lower_hash};
use crate::attribution::lexicon::is_title;

/// The evidence bits of a word (OR over its mentions).
pub mod bit {
    /// Written all in lowercase somewhere ("state", "will").
    pub const LOWER: u8 = 1;
    /// Capitalised inside a mixed-case sentence (not a headline), not as its
    /// first word.
    pub const CAPITAL_INSIDE: u8 = 1 << 1;
    /// Right after a title or honorific ("Mr", "President", "Gen.").
    pub const AFTER_TITLE: u8 = 1 << 2;
    /// Right before a company suffix ("Inc", "Corp", "Ltd", "Group").
    pub const BEFORE_COMPANY: u8 = 1 << 3;
    /// Right after a place preposition ("in", "at", "from", "near").
    pub const AFTER_PLACE_WORD: u8 = 1 << 4;
    /// Next to another capitalised word, inside a mixed-case sentence.
    pub const IN_LONGER_NAME: u8 = 1 << 5;
    /// Capitalised with no capitalised neighbour, inside a mixed-case sentence.
    pub const ALONE: u8 = 1 << 6;
}

/// How many evidence bits there are.
pub const BITS: u8 = 7;

/// Per word of a document (by the hash of its lowercase form, see
/// [`lower_hash`]), its evidence bits. Only capitalised words are recorded
/// (the tagger scores no other), with whether they also occur in lowercase.
#[derive(Debug, Default, Clone)]
pub struct DocEvidence {
    words: FxHashMap<u64, u8>,
}

impl DocEvidence {
    /// Reads every sentence (tagger words) of a document.
    pub fn new<'s>(sentences: impl IntoIterator<Item = &'s [&'s str]> + Clone) -> Self {
        let mut e = Self::default();
        for s in sentences.clone() {
            e.add_capitals(s);
        }
        for s in sentences {
            for w in s.iter().filter(|w| is_lowercase_word(w)) {
                if let Some(bits) = e.words.get_mut(&lower_hash(w)) {
                    *bits |= bit::LOWER;
                }
            }
        }
        e
    }

    /// The bits of a word by the hash of its lowercase form (0 when the
    /// document never has it capitalised).
    #[must_use]
    pub fn of(&self, lower_hash: u64) -> u8 {
        self.words.get(&lower_hash).copied().unwrap_or(0)
    }

    /// Records the capitalised words of a sentence and what stands around them.
    fn add_capitals(&mut self, words: &[&str]) {
        let word = |i: usize| words.get(i).copied().unwrap_or("");
        let mixed_case = !is_headline(words);
        for (i, w) in words.iter().enumerate() {
            if !starts_upper(w) {
                continue;
            }
            let mut bits = 0u8;
            if mixed_case && i > 0 {
                bits |= bit::CAPITAL_INSIDE;
                let longer = starts_upper(word(i - 1)) || starts_upper(word(i + 1));
                bits |= if longer {
                    bit::IN_LONGER_NAME
                } else {
                    bit::ALONE
                };
            }
            if i > 0 {
                let before = word(i - 1).trim_end_matches('.');
                if starts_upper(before) && is_title(&before.to_lowercase()) {
                    bits |= bit::AFTER_TITLE;
                }
                if ["in", "at", "from", "near", "to"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(before))
                {
                    bits |= bit::AFTER_PLACE_WORD;
                }
            }
            if is_company_suffix(word(i + 1).trim_end_matches('.')) {
                bits |= bit::BEFORE_COMPANY;
            }
            *self.words.entry(lower_hash(w)).or_default() |= bits;
        }
    }
}

/// A word with letters and no capital ("state", "will").
fn is_lowercase_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_company_suffix(w: &str) -> bool {
    [
        "inc", "corp", "ltd", "plc", "co", "llc", "ag", "sa", "nv", "group", "holdings",
    ]
    .iter()
    .any(|s| s.eq_ignore_ascii_case(w))
}

/// How the words of the document's earlier sentences were tagged (by
/// their lowercase form's hash): the tagger reads "Mekong" in the fifth
/// sentence in the light of the place it found in the second.
#[derive(Debug, Default, Clone)]
pub struct History {
    /// Per word: how often it was tagged O, PERSON, ORG, LOC, MISC.
    counts: FxHashMap<u64, [u16; 5]>,
}

impl History {
    /// Records the tags of a sentence's words (`lower_hashes` of the words
    /// that were scored, `None` for the others).
    pub fn record(&mut self, lower_hashes: impl IntoIterator<Item = Option<u64>>, tags: &[usize]) {
        for (h, &tag) in lower_hashes.into_iter().zip(tags) {
            if let Some(h) = h {
                let class = super::labels::tag_class(tag);
                let c = &mut self.counts.entry(h).or_default()[class.min(4)];
                *c = c.saturating_add(1);
            }
        }
    }

    /// The history of a word: bits 0–4 say which classes (O, PERSON, ORG,
    /// LOC, MISC) it had, bits 5–7 the most frequent one plus one; 0 when
    /// the word was not seen.
    #[must_use]
    pub fn code(&self, lower_hash: u64) -> u8 {
        let Some(c) = self.counts.get(&lower_hash) else {
            return 0;
        };
        let seen = (0..5).filter(|&k| c[k] > 0).fold(0u8, |m, k| m | 1 << k);
        let best = (0..5).fold(0, |b, k| if c[k] > c[b] { k } else { b });
        seen | ((best as u8 + 1) << 5)
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.counts.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_words_read_from_the_body() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["MEKONG", "TALKS", "END"],
            vec![
                "Ministers",
                "met",
                "on",
                "the",
                "Mekong",
                "in",
                "Vientiane",
                ".",
            ],
            vec![
                "Apple",
                "Inc",
                "said",
                "the",
                "ministers",
                "will",
                "talk",
                ".",
            ],
            vec!["Mr", "Sylavong", "spoke", "."],
        ];
        let e = DocEvidence::new(doc.iter().map(Vec::as_slice));
        let of = |w: &str| e.of(lower_hash(w));
        assert_eq!(of("mekong"), bit::CAPITAL_INSIDE | bit::ALONE);
        assert_ne!(of("vientiane") & bit::AFTER_PLACE_WORD, 0);
        assert_ne!(of("apple") & bit::BEFORE_COMPANY, 0);
        assert_ne!(of("sylavong") & bit::AFTER_TITLE, 0);
        // "Ministers" opens a sentence, "ministers" is written later.
        assert_eq!(of("MINISTERS"), bit::LOWER);
        assert_eq!(of("will"), 0, "never capitalised: not recorded");
        assert_eq!(
            of("talks"),
            0,
            "a word of an all-caps headline says nothing"
        );
        assert_eq!(of("absent"), 0);
    }

    #[test]
    fn history_says_what_a_word_was_tagged() {
        let mut h = History::default();
        assert_eq!(h.code(7), 0);
        // O, U-LOC, (B-PER, not recorded), U-LOC: seen as O and LOC, mostly LOC.
        let u_loc = super::super::labels::tag_of(crate::EntityLabel::Loc, true, true).unwrap();
        h.record([Some(7), Some(7), None, Some(7)], &[0, u_loc, 1, u_loc]);
        assert_eq!(h.code(7), 0b1001 | (4 << 5));
        h.clear();
        assert_eq!(h.code(7), 0);
    }
}
