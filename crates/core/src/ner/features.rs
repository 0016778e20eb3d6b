//! Features of a token in its sentence, as stable 32-bit fingerprints.
//!
//! The same code computes features for training (`saidwho-train`) and for
//! tagging, so a model always sees what it was trained on.

use super::evidence::{DocEvidence, History};
use super::hash::FeatureHasher;
use super::lexicon::{
    list, phrase_key, Lexicon, WordInfo, CLUSTER_BITS, CLUSTER_LEVELS, MAX_PHRASE_WORDS,
};

/// The fingerprint a feature hash is stored under (never 0).
#[must_use]
pub fn fingerprint(h: u64) -> u32 {
    let f = (h >> 32) as u32;
    if f == 0 {
        1
    } else {
        f
    }
}

/// Word shape: `X` upper, `x` lower, `d` digit, other characters as they
/// are; at most 12 characters.
fn shape(w: &str, out: &mut [u8; 12]) -> usize {
    let mut n = 0;
    for c in w.chars() {
        if n == out.len() {
            break;
        }
        out[n] = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        n += 1;
    }
    n
}

/// Shape with runs collapsed ("Xxxxx" → "Xx", "dddd-dd" → "d-d").
fn short_shape(w: &str, out: &mut [u8; 12]) -> usize {
    let mut full = [0u8; 12];
    let n = shape(w, &mut full);
    let mut m = 0;
    for &b in &full[..n] {
        if m == 0 || out[m - 1] != b {
            out[m] = b;
            m += 1;
        }
    }
    m
}

fn shape_str(w: &str, short: bool) -> ([u8; 12], usize) {
    let mut buf = [0u8; 12];
    let n = if short {
        short_shape(w, &mut buf)
    } else {
        shape(w, &mut buf)
    };
    (buf, n)
}

/// The last `k` characters of the word.
fn suffix_of(w: &str, k: usize) -> Option<&str> {
    let n = w.chars().count();
    (n >= k).then(|| {
        let start = w.char_indices().nth(n - k).map_or(0, |(i, _)| i);
        &w[start..]
    })
}

/// Whether every letter of every word is uppercase (a headline).
#[must_use]
pub fn is_all_caps_sentence(words: &[&str]) -> bool {
    let letters = words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic());
    let mut any = false;
    for c in letters {
        if c.is_lowercase() {
            return false;
        }
        any = true;
    }
    any
}

/// Whether the sentence is a title-case headline ("Mekong Countries
/// Reaffirms Cooperation"): no full stop at its end (a sentence dense with
/// names has one: "President Xi Jinping met Premier Li Keqiang."), and three
/// or more words of three letters or more, small words ("of", "the") aside,
/// nearly all capitalised — verbs too, which a sentence never capitalises.
#[must_use]
pub fn is_title_case_sentence(words: &[&str]) -> bool {
    if words.last().is_some_and(|w| matches!(*w, "." | "!" | "…")) {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .filter(|w| !is_small_title_word(w))
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    content.len() >= 3 && capitalised * 5 >= content.len() * 4
}

/// Words a title-case headline leaves in lower case.
fn is_small_title_word(w: &str) -> bool {
    [
        "the", "and", "for", "but", "nor", "from", "with", "into", "over", "onto", "upon",
    ]
    .iter()
    .any(|s| s.eq_ignore_ascii_case(w))
}

/// Whether capitals say nothing about names in this sentence: all caps or
/// title case (a headline).
#[must_use]
pub fn is_headline(words: &[&str]) -> bool {
    is_all_caps_sentence(words) || is_title_case_sentence(words)
}

/// The feature set: models record the version they were trained with.
/// Set 4 added word clusters, name lists, multiword places, document
/// evidence, the tags of earlier sentences, and title-case headlines.
pub const FEATURE_SET: u8 = 4;

/// Per-word hashes, computed once per sentence and shared by the word's
/// own features and its neighbours'.
#[derive(Debug, Clone, Copy, Default)]
struct WordHashes {
    exact: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    suffix: [u64; 4],
}

fn hash_bytes(b: &[u8]) -> u64 {
    b.iter()
        .copied()
        .fold(FeatureHasher::new(250), FeatureHasher::byte)
        .finish()
}

/// The hash of `w`'s lowercase form (as `hash_bytes(lowercase(w))`),
/// without making the lowercase string when `w` is ASCII: the key of a word
/// in a document's evidence and history.
#[must_use]
pub fn lower_hash(w: &str) -> u64 {
    if w.is_ascii() {
        w.bytes()
            .map(|b| b.to_ascii_lowercase())
            .fold(FeatureHasher::new(250), FeatureHasher::byte)
            .finish()
    } else {
        hash_bytes(w.to_lowercase().as_bytes())
    }
}

/// The hashes a neighbour's features read: its lowercase form and short shape.
fn context_hashes(w: &str, lower: &str) -> WordHashes {
    let (ss, ssn) = shape_str(w, true);
    WordHashes {
        lower: hash_bytes(lower.as_bytes()),
        short_shape: hash_bytes(&ss[..ssn]),
        ..WordHashes::default()
    }
}

/// All hashes of a word whose own features are extracted.
fn word_hashes(w: &str, lower: &str) -> WordHashes {
    let (fs, fsn) = shape_str(w, false);
    let mut suffix = [0u64; 4];
    for k in 1..=4 {
        suffix[k - 1] = suffix_of(lower, k).map_or(0, |x| hash_bytes(x.as_bytes()));
    }
    WordHashes {
        exact: hash_bytes(w.as_bytes()),
        shape: hash_bytes(&fs[..fsn]),
        suffix,
        ..context_hashes(w, lower)
    }
}

/// `w` lowercased, borrowed when it has no capitals.
fn lowercase(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// How much of a word [`Prepared::refill`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Nothing: no feature reads the word.
    Nothing,
    /// What neighbours' features read (lowercase form, short shape, gazetteer).
    Context,
    /// Everything: the word's own features are extracted.
    Features,
}

/// A sentence prepared for feature extraction: words, per-word hashes,
/// word-table entries, multiword matches, document evidence and history,
/// computed once.
#[derive(Debug, Clone, Default)]
pub struct Prepared<'a> {
    /// The words.
    pub words: Vec<&'a str>,
    /// Word-table entry of each word.
    pub info: Vec<WordInfo>,
    /// Multiword place-name bits of each word ([`list::PLACE_BEGIN`] …).
    pub phrase: Vec<u8>,
    /// Document evidence bits of each word ([`super::evidence::bit`]).
    pub doc: Vec<u8>,
    /// How each word was tagged in earlier sentences ([`History::code`]).
    pub history: Vec<u8>,
    /// Whether the sentence is a headline (all capitals or title case).
    pub headline: bool,
    hashes: Vec<WordHashes>,
}

impl<'a> Prepared<'a> {
    /// Prepares `words` with the lexicon `lex` and the evidence of their
    /// document (no history: see [`Prepared::read_history`]).
    pub fn new(words: &[&'a str], lex: &dyn Lexicon, doc: &DocEvidence) -> Self {
        let mut p = Self::default();
        let need = vec![Need::Features; words.len()];
        p.refill(words, lex, &need, &mut WordMemo::default(), doc);
        p
    }

    /// Prepares `words` into this one's buffers (no allocation once they are
    /// big enough), each word as far as `need` says — features must only be
    /// extracted for words prepared with [`Need::Features`], and their
    /// neighbours must have at least [`Need::Context`] — reusing what `memo`
    /// already knows (words repeat: a document computes each distinct word
    /// once).
    pub fn refill(
        &mut self,
        words: &[&'a str],
        lex: &dyn Lexicon,
        need: &[Need],
        memo: &mut WordMemo<'a>,
        doc: &DocEvidence,
    ) {
        self.words.clear();
        self.words.extend_from_slice(words);
        self.headline = is_headline(words);
        let (infos, hashes, evidence) = (&mut self.info, &mut self.hashes, &mut self.doc);
        infos.clear();
        hashes.clear();
        evidence.clear();
        for (&w, &k) in words.iter().zip(need) {
            if k == Need::Nothing {
                infos.push(WordInfo::default());
                hashes.push(WordHashes::default());
                evidence.push(0);
                continue;
            }
            let full = k == Need::Features;
            let known = memo.words.get(w).filter(|m| m.full || !full).copied();
            let m = known.unwrap_or_else(|| {
                let lower = lowercase(w);
                let m = MemoWord {
                    info: lex.word(&lower),
                    doc: doc.of(lower_hash(w)),
                    hashes: if full {
                        word_hashes(w, &lower)
                    } else {
                        context_hashes(w, &lower)
                    },
                    full,
                };
                memo.words.insert(w, m);
                m
            });
            infos.push(m.info);
            hashes.push(m.hashes);
            evidence.push(m.doc);
        }
        match_phrases(words, &self.info, need, lex, &mut self.phrase);
        self.history.clear();
        self.history.resize(words.len(), 0);
    }

    /// Reads the tags of the document's earlier sentences for each word
    /// prepared with [`Need::Features`].
    pub fn read_history(&mut self, need: &[Need], history: &History) {
        for ((h, w), &k) in self.history.iter_mut().zip(&self.hashes).zip(need) {
            *h = if k == Need::Features {
                history.code(w.lower)
            } else {
                0
            };
        }
    }

    /// The hash of word `i`'s lowercase form (what [`History`] is keyed by),
    /// when it was prepared.
    #[must_use]
    pub fn lower_hash(&self, i: usize) -> Option<u64> {
        self.hashes.get(i).map(|h| h.lower).filter(|&h| h != 0)
    }
}

/// Marks the words of multiword place names (longest match first, from
/// each scored word that starts one in the lexicon).
fn match_phrases(
    words: &[&str],
    infos: &[WordInfo],
    need: &[Need],
    lex: &dyn Lexicon,
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(words.len(), 0);
    let mut i = 0;
    while i < words.len() {
        let starts = need[i] == Need::Features && infos[i].lists & list::PHRASE_START != 0;
        let longest = (2..=MAX_PHRASE_WORDS.min(words.len() - i))
            .rev()
            .filter(|_| starts)
            .find(|&n| lex.phrase(phrase_key(words[i..i + n].iter().map(|w| lowercase(w)))) != 0);
        match longest {
            Some(n) => {
                out[i] |= list::PLACE_BEGIN;
                for o in &mut out[i + 1..i + n] {
                    *o |= list::PLACE_INSIDE;
                }
                i += n;
            }
            None => i += 1,
        }
    }
}

/// What [`Prepared`] computed for one distinct word.
#[derive(Debug, Clone, Copy)]
struct MemoWord {
    info: WordInfo,
    doc: u8,
    hashes: WordHashes,
    /// Whether `hashes` has everything, not only what neighbours read.
    full: bool,
}

/// Per-document memo of the hashes, word-table entry and evidence of each
/// distinct word.
#[derive(Debug, Default)]
pub struct WordMemo<'a> {
    words: rustc_hash::FxHashMap<&'a str, MemoWord>,
}

/// Appends the feature fingerprints of `words[i]` to `out` (prepares the
/// whole sentence for one word: for tests; taggers use [`extract_prepared`]).
#[cfg(test)]
pub fn extract(words: &[&str], i: usize, lex: &dyn Lexicon, out: &mut Vec<u32>) {
    extract_prepared(&Prepared::new(words, lex, &DocEvidence::default()), i, out);
}

/// Hashes standing for the sentence boundaries.
const START: u64 = 0x5354_4152_5453_5441;
const END: u64 = 0x454e_4453_454e_4453;

/// Appends the feature fingerprints of word `i` of a prepared sentence.
pub fn extract_prepared(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let n = p.words.len();
    let h = &p.hashes;
    let t = FeatureHasher::new;
    // A neighbour's hash (`pick` chooses which), or a boundary marker.
    let at = |k: isize, pick: fn(&WordHashes) -> u64| -> u64 {
        let j = i as isize + k;
        if j < 0 {
            START
        } else if j as usize >= n {
            END
        } else {
            pick(&h[j as usize])
        }
    };
    let lower_at = |k: isize| at(k, |w| w.lower);
    let sshape_at = |k: isize| at(k, |w| w.short_shape);
    let w = h[i];
    push(out, t(0));
    push(out, t(1).u64(w.exact));
    push(out, t(2).u64(w.lower));
    // Feature set 3 dropped the prefixes (templates 3–6): four fewer
    // look-ups per word; CoNLL dev F1 90.78 -> 90.50, the seed article's
    // names 63 -> 69.
    for k in 0..4 {
        if w.suffix[k] != 0 {
            push(out, t(7 + k as u8).u64(w.suffix[k]));
        }
    }
    push(out, t(11).u64(w.shape));
    push(out, t(12).u64(w.short_shape));
    push(out, t(13).u64(lower_at(-1)));
    push(out, t(14).u64(lower_at(1)));
    push(out, t(15).u64(lower_at(-2)));
    push(out, t(16).u64(lower_at(2)));
    push(out, t(17).u64(sshape_at(-1)));
    push(out, t(18).u64(sshape_at(1)));
    push(out, t(19).u64(lower_at(-1)).u64(w.lower));
    push(out, t(20).u64(w.lower).u64(lower_at(1)));
    push(
        out,
        t(26)
            .u64(sshape_at(-1))
            .u64(w.short_shape)
            .u64(sshape_at(1)),
    );
    if i == 0 {
        push(out, t(21).u64(w.short_shape));
    }
    if p.headline {
        push(out, t(25).u64(w.lower));
    }
    let g = p.info[i].gaz;
    for bit in 0..8u8 {
        if g & (1 << bit) != 0 {
            push(out, t(22).byte(bit));
            push(out, t(27).byte(bit).u64(w.short_shape));
        }
    }
    let gp = if i > 0 { p.info[i - 1].gaz } else { 0 };
    let gn = p.info.get(i + 1).map_or(0, |x| x.gaz);
    for bit in 0..8u8 {
        if gp & (1 << bit) != 0 {
            push(out, t(23).byte(bit));
        }
        if gn & (1 << bit) != 0 {
            push(out, t(24).byte(bit));
        }
    }
    cluster_features(p, i, out);
    list_features(p, i, out);
    evidence_features(p, i, out);
    history_features(p, i, out);
}

/// Appends the fingerprint of one feature.
pub(crate) fn push(out: &mut Vec<u32>, f: FeatureHasher) {
    out.push(fingerprint(f.finish()));
}

/// Where word `i` stands: in a headline (0), first in its sentence (1),
/// inside it (2).
fn place(p: &Prepared, i: usize) -> u8 {
    if p.headline {
        0
    } else if i == 0 {
        1
    } else {
        2
    }
}

/// The word's cluster at each level of the tree and with its shape, its
/// neighbours' at two levels, or that it has none (with its shape: a rare
/// word or a name).
fn cluster_features(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let t = FeatureHasher::new;
    let at = |j: usize| p.info.get(j).map_or(0, |x| x.cluster);
    let c = at(i);
    if c == 0 {
        push(out, t(38).u64(p.hashes[i].short_shape));
    } else {
        for level in 0..CLUSTER_LEVELS {
            let prefix = (c - 1) >> (CLUSTER_BITS * (CLUSTER_LEVELS - 1 - level));
            push(out, t(30 + level as u8).u64(u64::from(prefix)));
        }
        // A capitalised word of a cluster of common words is a different
        // thing from a capitalised word of a cluster of names.
        push(
            out,
            t(45)
                .u64(u64::from((c - 1) >> 3))
                .u64(p.hashes[i].short_shape),
        );
    }
    for (template, j) in [(46u8, i.wrapping_sub(2)), (47, i + 2)] {
        let n = at(j);
        if n > 0 {
            push(out, t(template).u64(u64::from((n - 1) >> 6)));
        }
    }
    for (template, j) in [(34u8, i.wrapping_sub(1)), (36, i + 1)] {
        let n = at(j);
        if n > 0 {
            push(out, t(template).u64(u64::from((n - 1) >> 6)));
            push(out, t(template + 1).u64(u64::from(n - 1)));
        }
    }
}

/// Name lists the word (and its neighbours) are on, one-word and multiword.
fn list_features(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let t = FeatureHasher::new;
    let bits = |j: usize| {
        (p.info.get(j).map_or(0, |x| x.lists) & !list::PHRASE_START)
            | p.phrase.get(j).copied().unwrap_or(0)
    };
    let own = bits(i);
    for b in 0..8u8 {
        if own & (1 << b) != 0 {
            push(out, t(39).byte(b));
            push(out, t(42).byte(b).u64(p.hashes[i].short_shape));
        }
    }
    for (template, j) in [(43u8, i.wrapping_sub(1)), (44, i + 1)] {
        let n = bits(j);
        for b in 0..8u8 {
            if n & (1 << b) != 0 {
                push(out, t(template).byte(b));
            }
        }
    }
}

/// How the word looks elsewhere in the document, alone and by where it
/// stands here.
fn evidence_features(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let t = FeatureHasher::new;
    let e = p.doc[i];
    for b in 0..super::evidence::BITS {
        if e & (1 << b) != 0 {
            push(out, t(40).byte(b));
            push(out, t(41).byte(b).byte(place(p, i)));
        }
    }
}

/// How the word was tagged in the document's earlier sentences: each class
/// it had, the most frequent, and that with where it stands and its shape.
fn history_features(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let t = FeatureHasher::new;
    let h = p.history.get(i).copied().unwrap_or(0);
    if h == 0 {
        return;
    }
    for b in 0..5u8 {
        if h & (1 << b) != 0 {
            push(out, t(48).byte(b));
        }
    }
    push(out, t(49).byte(h >> 5));
    push(
        out,
        t(50)
            .byte(h >> 5)
            .byte(place(p, i))
            .u64(p.hashes[i].short_shape),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let (s, n) = shape_str("Kaori-2", false);
        assert_eq!(&s[..n], b"Xxxxx-d");
        let (s, n) = shape_str("Kaori-2", true);
        assert_eq!(&s[..n], b"Xx-d");
        assert_eq!(suffix_of("東京都", 2), Some("京都"));
        assert_eq!(suffix_of("sylavong", 3), Some("ong"));
        assert_eq!(suffix_of("ab", 3), None);
        assert!(is_all_caps_sentence(&["LONDON", "1996-08-30"]));
        assert!(!is_all_caps_sentence(&["London"]));
        assert!(is_headline(&[
            "Mekong",
            "Countries",
            "Reaffirms",
            "Cooperation"
        ]));
        assert!(is_headline(&["EU", "REJECTS", "GERMAN", "CALL"]));
        assert!(!is_headline(&[
            "The",
            "Mekong",
            "countries",
            "reaffirmed",
            "their",
            "cooperation"
        ]));
        assert!(!is_headline(&["Somkeo", "Sylavong", "said"]));
        assert!(!is_headline(&[
            "Ministers",
            "met",
            "on",
            "the",
            "Mekong",
            "in",
            "Vientiane"
        ]));
        assert!(is_headline(&[
            "Six",
            "Countries",
            "Sign",
            "Pact",
            "in",
            "Bangkok"
        ]));
    }

    /// A lexicon that knows one name.
    struct Kaori;

    impl Lexicon for Kaori {
        fn word(&self, w: &str) -> WordInfo {
            let known = w == "kaori";
            WordInfo {
                gaz: u8::from(known),
                lists: if known { list::FIRST_NAME } else { 0 },
                cluster: if known { 77 } else { 0 },
            }
        }
        fn phrase(&self, _: u32) -> u8 {
            0
        }
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let none = ();
        let mut a = Vec::new();
        let mut b = Vec::new();
        extract(&["Ms", "Kaori", "said"], 1, &none, &mut a);
        extract(&["Ms", "Kaori", "said"], 1, &none, &mut b);
        assert_eq!(a, b);
        let mut c = Vec::new();
        extract(&["Mr", "Kaori", "said"], 1, &none, &mut c);
        assert_ne!(a, c);
        let mut d = Vec::new();
        extract(&["Ms", "Kaori", "said"], 1, &Kaori, &mut d);
        assert!(d.len() > a.len());
    }
}
