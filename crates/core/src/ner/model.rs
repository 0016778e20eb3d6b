//! The tagger's model: a compact binary file, loaded from bytes.
//!
//! Layout (little-endian):
//! `b"SAIDWHO\0"`, format version `u16`, tag count `u8`, feature-set version `u8`,
//! weight scale `f32`, transition (`n×n`) and start (`n`) scores as `f32`,
//! then the feature table — count `u32`, then per feature (sorted by
//! fingerprint) the fingerprint delta as a varint, a 3-byte mask of the tags
//! with a non-zero weight and one `i8` per set bit (weight = q × scale) —
//! then the word table — count `u32`, then per word (sorted by
//! [`word_key`], 24 bits) the key delta as a varint, a `u16` with the
//! cluster (13 bits) and whether a training-entity mask `u8` and list bits
//! `u8` follow, and those bytes — and the multiword phrases — count `u32`, then
//! per phrase ([`super::lexicon::phrase_key`]) the key delta and its list
//! bits `u8`.

use super::evidence::{DocEvidence, History};
use super::features::{extract_prepared, Need, Prepared, WordMemo, FEATURE_SET};
use super::labels::{allowed, is_open, N_TAGS};
use super::lexicon::{word_key, Lexicon, WordInfo};
use crate::chain::ChainScores;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"SAIDWHO\0";
/// The format version this code reads and writes.
pub const FORMAT_VERSION: u16 = 2;

/// Why a model file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// Not a saidwho model at all.
    #[error("not a saidwho model file (bad magic bytes); was the right file loaded?")]
    BadMagic,
    /// A model from another version of saidwho.
    #[error("model format version {found} is not supported (this build reads version {FORMAT_VERSION}); rebuild the model with `cargo run --release -p saidwho-train -- ner`")]
    UnsupportedVersion {
        /// The version in the file.
        found: u16,
    },
    /// The model was trained on features this build does not compute.
    #[error("model was trained with feature set {found}, this build computes feature set {FEATURE_SET}; retrain it with `cargo run --release -p saidwho-train -- ner`")]
    WrongFeatureSet {
        /// The feature set in the file.
        found: u8,
    },
    /// The model was made for another tag set.
    #[error("model has {found} tags, this build expects {N_TAGS}")]
    WrongTagCount {
        /// Tags in the file.
        found: u8,
    },
    /// The file ends early or has trailing garbage.
    #[error("model file is truncated or corrupt at byte {at}")]
    Corrupt {
        /// Where reading failed.
        at: usize,
    },
}

/// Scores of one model: `feature fingerprint → per-tag weights`, tag
/// transitions, and its lexicon (word table and multiword phrases).
#[derive(Debug, Clone)]
pub struct NerModel {
    /// Open-addressing table: fingerprint (0 = empty) and its weights, side
    /// by side so that a look-up touches one cache line.
    slots: Vec<Slot>,
    /// One bit per group of fingerprints (their top [`PRESENT_BITS`] bits)
    /// that has a feature in the table: most absent features are turned
    /// away here, in 32 KB, without probing the 2 MB table.
    present: Vec<u64>,
    n_features: usize,
    scale: f32,
    trans: [[f32; N_TAGS]; N_TAGS],
    start: [f32; N_TAGS],
    word_keys: Vec<u32>,
    word_infos: Vec<WordInfo>,
    phrase_keys: Vec<u32>,
    phrase_bits: Vec<u8>,
}

/// Bits of a fingerprint that index [`NerModel`]'s `present` filter.
const PRESENT_BITS: u32 = 18;

/// The filter bit of fingerprint `f`.
fn present_bit(f: u32) -> usize {
    (f >> (32 - PRESENT_BITS)) as usize
}

/// One slot of the feature table: 16 bytes, four to a cache line.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    /// Quantised weights (weight = q × scale).
    w: [i8; N_TAGS],
}

/// Everything needed to write a model file.
#[derive(Debug, Clone)]
pub struct ModelParts {
    /// The tagger's scores.
    pub scores: ChainScores<N_TAGS>,
    /// ([`word_key`] of a lowercase word, its entry), any order.
    pub words: Vec<(u32, WordInfo)>,
    /// ([`super::lexicon::phrase_key`] of a multiword phrase, list bits), any order.
    pub phrases: Vec<(u32, u8)>,
}

impl ModelParts {
    /// Serialises the model (weights quantised to 8 bits).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let (scale, feats) = self.scores.quantised(1);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.push(N_TAGS as u8);
        out.push(FEATURE_SET);
        out.extend_from_slice(&scale.to_le_bytes());
        self.scores.write_transitions(&mut out);
        write_keyed(&mut out, feats, |out, q| {
            let mask = q
                .iter()
                .enumerate()
                .filter(|(_, &x)| x != 0)
                .fold(0u32, |m, (i, _)| m | (1 << i));
            out.extend_from_slice(&mask.to_le_bytes()[..3]);
            out.extend(q.iter().filter(|&&x| x != 0).map(|&x| x as u8));
        });
        write_keyed(&mut out, self.words.clone(), write_word);
        write_keyed(&mut out, self.phrases.clone(), |out, m| out.push(*m));
        out
    }
}

/// Bits of a word entry's `u16` that hold its cluster (leaf + 1).
const CLUSTER_BITS: u16 = 0x1FFF;
/// The entry's `u16` says a training-entity mask follows.
const HAS_GAZ: u16 = 1 << 13;
/// The entry's `u16` says list bits follow.
const HAS_LISTS: u16 = 1 << 14;

/// A word-table entry: a `u16` with the cluster and which bytes follow,
/// then those bytes (most words have a cluster only: two bytes).
fn write_word(out: &mut Vec<u8>, w: &WordInfo) {
    let head = (w.cluster & CLUSTER_BITS)
        | if w.gaz != 0 { HAS_GAZ } else { 0 }
        | if w.lists != 0 { HAS_LISTS } else { 0 };
    out.extend_from_slice(&head.to_le_bytes());
    if w.gaz != 0 {
        out.push(w.gaz);
    }
    if w.lists != 0 {
        out.push(w.lists);
    }
}

/// Reads what [`write_word`] wrote.
fn read_word(r: &mut Reader<'_>) -> Result<WordInfo, ModelError> {
    let head = r.u16()?;
    if head & !(CLUSTER_BITS | HAS_GAZ | HAS_LISTS) != 0 {
        return Err(ModelError::Corrupt { at: r.at });
    }
    Ok(WordInfo {
        gaz: if head & HAS_GAZ != 0 { r.u8()? } else { 0 },
        lists: if head & HAS_LISTS != 0 { r.u8()? } else { 0 },
        cluster: head & CLUSTER_BITS,
    })
}

/// Reads a keyed section: its count, then per entry the key delta and
/// what `value` reads.
fn read_keyed<'b, V>(
    r: &mut Reader<'b>,
    mut value: impl FnMut(&mut Reader<'b>) -> Result<V, ModelError>,
) -> Result<(Vec<u32>, Vec<V>), ModelError> {
    let n = r.u32()? as usize;
    if n > r.bytes.len() {
        return Err(ModelError::Corrupt { at: r.at });
    }
    let (mut keys, mut values) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut prev = 0u32;
    for _ in 0..n {
        prev = prev.wrapping_add(r.varint()?);
        keys.push(prev);
        values.push(value(r)?);
    }
    Ok((keys, values))
}

/// Writes `entries` sorted by key, one per key: their count (`u32`), then
/// for each the key's delta from the previous one (varint) and its value.
fn write_keyed<V>(out: &mut Vec<u8>, mut entries: Vec<(u32, V)>, value: impl Fn(&mut Vec<u8>, &V)) {
    entries.sort_unstable_by_key(|e| e.0);
    entries.dedup_by_key(|e| e.0);
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    let mut prev = 0u32;
    for (k, v) in &entries {
        varint(out, k - prev);
        prev = *k;
        value(out, v);
    }
}

fn varint(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// A cursor over model bytes.
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl Reader<'_> {
    pub(crate) fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Corrupt { at: self.at })?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    pub(crate) fn varint(&mut self) -> Result<u32, ModelError> {
        let mut x = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            x |= u32::from(b & 0x7F)
                .checked_shl(shift)
                .ok_or(ModelError::Corrupt { at: self.at })?;
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err(ModelError::Corrupt { at: self.at })
    }
}

/// An open-addressing table from fingerprint to slot value.
fn build_table(keys_in: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let cap = (keys_in.len() * 2).next_power_of_two().max(16);
    let mut keys = vec![0u32; cap];
    let mut rows = vec![0u32; cap];
    for (row, &k) in keys_in.iter().enumerate() {
        let mut slot = (k as usize).wrapping_mul(0x9E37_79B9) & (cap - 1);
        while keys[slot] != 0 && keys[slot] != k {
            slot = (slot + 1) & (cap - 1);
        }
        keys[slot] = k;
        rows[slot] = row as u32;
    }
    (keys, rows)
}

/// An open-addressing table of `keys` with their `values` in the same slots.
pub(crate) fn hashed<V: Copy + Default>(keys: &[u32], values: &[V]) -> (Vec<u32>, Vec<V>) {
    let (table, rows) = build_table(keys);
    let values = rows
        .iter()
        .zip(&table)
        .map(|(&r, &k)| {
            if k == 0 {
                V::default()
            } else {
                values[r as usize]
            }
        })
        .collect();
    (table, values)
}

pub(crate) fn find(keys: &[u32], k: u32) -> Option<usize> {
    let cap = keys.len();
    let mut slot = (k as usize).wrapping_mul(0x9E37_79B9) & (cap - 1);
    loop {
        match keys[slot] {
            0 => return None,
            x if x == k => return Some(slot),
            _ => slot = (slot + 1) & (cap - 1),
        }
    }
}

impl NerModel {
    /// Loads a model from its file's bytes.
    ///
    /// # Errors
    /// When the bytes are not a model of this format version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8).map_err(|_| ModelError::BadMagic)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::UnsupportedVersion { found: version });
        }
        let n = r.u8()?;
        if usize::from(n) != N_TAGS {
            return Err(ModelError::WrongTagCount { found: n });
        }
        let features = r.u8()?;
        if features != FEATURE_SET {
            return Err(ModelError::WrongFeatureSet { found: features });
        }
        let scale = r.f32()?;
        let mut trans = [[0f32; N_TAGS]; N_TAGS];
        for row in &mut trans {
            for x in row.iter_mut() {
                *x = r.f32()?;
            }
        }
        let mut start = [0f32; N_TAGS];
        for x in &mut start {
            *x = r.f32()?;
        }
        let n_feats = r.u32()? as usize;
        if n_feats > bytes.len() {
            return Err(ModelError::Corrupt { at: r.at });
        }
        let mut fkeys = Vec::with_capacity(n_feats);
        let mut weights = vec![0i8; n_feats * N_TAGS];
        let mut prev = 0u32;
        for f in 0..n_feats {
            prev = prev.wrapping_add(r.varint()?);
            fkeys.push(prev);
            let m = r.take(3)?;
            let mask = u32::from_le_bytes([m[0], m[1], m[2], 0]);
            for t in 0..N_TAGS {
                if mask & (1 << t) != 0 {
                    weights[f * N_TAGS + t] = r.u8()? as i8;
                }
            }
        }
        let (wkeys, winfos) = read_keyed(&mut r, read_word)?;
        let (pkeys, pbits) = read_keyed(&mut r, |r| r.u8())?;
        if r.at != bytes.len() {
            return Err(ModelError::Corrupt { at: r.at });
        }
        let mut present = vec![0u64; (1 << PRESENT_BITS) / 64];
        for &k in &fkeys {
            let b = present_bit(k);
            present[b / 64] |= 1 << (b % 64);
        }
        let (keys, rows) = build_table(&fkeys);
        let slots = keys
            .iter()
            .zip(&rows)
            .map(|(&key, &row)| {
                let mut w = [0i8; N_TAGS];
                if key != 0 {
                    let r = row as usize * N_TAGS;
                    w.copy_from_slice(&weights[r..r + N_TAGS]);
                }
                Slot { key, w }
            })
            .collect();
        let (word_keys, word_infos) = hashed(&wkeys, &winfos);
        let (phrase_keys, phrase_bits) = hashed(&pkeys, &pbits);
        Ok(Self {
            slots,
            present,
            n_features: n_feats,
            scale,
            trans,
            start,
            word_keys,
            word_infos,
            phrase_keys,
            phrase_bits,
        })
    }

    /// Number of features with weights.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Adds the weights of the features `feats` to `scores`.
    pub fn add_scores(&self, feats: &[u32], scores: &mut [f32; N_TAGS]) {
        let mask = self.slots.len() - 1;
        let mut acc = [0i32; N_TAGS];
        for &f in feats {
            let b = present_bit(f);
            if self.present[b / 64] & (1 << (b % 64)) == 0 {
                continue; // not in the table
            }
            let mut i = (f as usize).wrapping_mul(0x9E37_79B9) & mask;
            loop {
                let slot = &self.slots[i];
                if slot.key == f {
                    for (a, &w) in acc.iter_mut().zip(&slot.w) {
                        *a += i32::from(w);
                    }
                    break;
                }
                if slot.key == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }

    /// The best tag sequence for a sentence (Viterbi, BIO constraints kept).
    ///
    /// Only words that may belong to a name are scored (see `live_words`:
    /// capitalised words, words inside names next to them — "Bank *of*
    /// England" — and hyphenated compounds). Every other word is outside
    /// any name, so the sentence falls into independent runs of candidate
    /// words, each decoded exactly given the `O` around it. News text has a
    /// capital on roughly one word in six, so most words skip feature
    /// extraction entirely.
    #[must_use]
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        self.tag_with(words, &mut Tagging::default())
    }

    /// [`NerModel::tag`] for one sentence of a document, with the buffers
    /// and word memo of `t` (shared by the document's sentences).
    #[must_use]
    pub fn tag_with<'a>(&self, words: &[&'a str], t: &mut Tagging<'a>) -> Vec<usize> {
        let n = words.len();
        let mut path = vec![0usize; n];
        t.capital.clear();
        t.capital.extend(words.iter().map(|w| is_candidate(w)));
        if !t.capital.contains(&true) {
            return path;
        }
        live_words(words, &t.capital, &mut t.live);
        let live = &t.live;
        // Features of a live word read its neighbours up to two words away.
        t.need.clear();
        t.need.extend((0..n).map(|i| {
            if live[i] {
                Need::Features
            } else if live[i.saturating_sub(2)..(i + 3).min(n)].contains(&true) {
                Need::Context
            } else {
                Need::Nothing
            }
        }));
        t.prepared
            .refill(words, self, &t.need, &mut t.memo, &t.evidence);
        t.prepared.read_history(&t.need, &t.history);
        let mut i = 0;
        while i < n {
            if !live[i] {
                i += 1;
                continue;
            }
            let first = i;
            while i < n && live[i] {
                i += 1;
            }
            t.emissions.clear();
            for k in first..i {
                let e = self.emission(&t.prepared, k, &mut t.feats);
                t.emissions.push(e);
            }
            viterbi_into(
                &t.emissions,
                &self.trans,
                &self.start,
                Edges {
                    after_outside: first > 0,
                    before_outside: i < n,
                },
                &mut t.back,
                &mut path[first..i],
            );
        }
        let candidates = (0..n).map(|k| t.capital[k].then(|| t.prepared.lower_hash(k)).flatten());
        t.history.record(candidates, &path);
        path
    }
}

/// Buffers and the word memo for tagging the sentences of one document
/// (see [`NerModel::tag_with`]): sentences after the first allocate little.
#[derive(Debug, Default)]
pub struct Tagging<'a> {
    evidence: DocEvidence,
    history: History,
    memo: WordMemo<'a>,
    prepared: Prepared<'a>,
    capital: Vec<bool>,
    live: Vec<bool>,
    need: Vec<Need>,
    feats: Vec<u32>,
    emissions: Vec<[f32; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
}

impl Tagging<'_> {
    /// Buffers for the sentences of a document with its evidence (see
    /// [`DocEvidence`]).
    #[must_use]
    pub fn for_document(evidence: DocEvidence) -> Self {
        Self {
            evidence,
            ..Self::default()
        }
    }
}

/// The words worth scoring: each capitalised word (`capital`), a neighbour
/// that is a word found inside names or a weak capital ("Bank *of*
/// England", "*The* Hague"), and the rest of any hyphenated compound it is
/// part of ("Chester-le-Street", "United Nations-sponsored", "self-rule
/// Authority").
fn live_words(words: &[&str], capital: &[bool], live: &mut Vec<bool>) {
    let n = words.len();
    let joins = |i: usize| matches!(words[i], "-" | "‐" | "–" | "/" | "&" | "'" | "’" | ".");
    live.clear();
    live.resize(n, false);
    for c in (0..n).filter(|&c| capital[c]) {
        live[c] = true;
        let mut j = c;
        while j > 0 {
            j -= 1;
            let compound = joins(j) || joins(j + 1) || (j > 0 && joins(j - 1));
            if compound || inside_name(words[j]) || weak_capital(words[j]) {
                live[j] = true;
            }
            if !compound {
                break;
            }
        }
        let mut j = c;
        while j + 1 < n {
            j += 1;
            let compound = joins(j) || joins(j - 1) || (j + 1 < n && joins(j + 1));
            if compound || inside_name(words[j]) || weak_capital(words[j]) {
                live[j] = true;
            }
            if !compound {
                break;
            }
        }
    }
}

/// Lower-case words found inside names next to a capitalised word ("Bank
/// *of* England", "*van* Gaal", "Abu Dhabi*'s*"): 97% of the lower-case
/// words inside CoNLL-2003 names outside hyphenated compounds.
fn inside_name(word: &str) -> bool {
    matches!(
        word,
        "of" | "and"
            | "de"
            | "the"
            | "al"
            | "van"
            | "for"
            | "in"
            | "der"
            | "on"
            | "den"
            | "le"
            | "la"
            | "et"
            | "da"
            | "del"
            | "della"
            | "di"
            | "du"
            | "des"
            | "von"
            | "bin"
            | "ibn"
            | "el"
            | "y"
            | "e"
            | "a"
            | "s"
            | "'s"
            | "’s"
            | "$"
            | "("
            | ")"
            | ","
            | ":"
    )
}

impl NerModel {
    /// The reference decoder: scores every word of the sentence (no
    /// skipping), for checking [`NerModel::tag`] against.
    #[must_use]
    pub fn tag_every_word(&self, words: &[&str]) -> Vec<usize> {
        let prepared = Prepared::new(words, self, &DocEvidence::default());
        let mut feats = Vec::new();
        let emissions: Vec<[f32; N_TAGS]> = (0..words.len())
            .map(|i| self.emission(&prepared, i, &mut feats))
            .collect();
        viterbi(&emissions, &self.trans, &self.start)
    }

    /// The tag scores of word `i` of a prepared sentence (`feats` is a
    /// buffer).
    fn emission(&self, p: &Prepared, i: usize, feats: &mut Vec<u32>) -> [f32; N_TAGS] {
        feats.clear();
        extract_prepared(p, i, feats);
        let mut s = [0f32; N_TAGS];
        self.add_scores(feats, &mut s);
        s
    }
}

/// Capitalised words that start sentences and are names only next to
/// another capitalised word ("*The* Hague", "World War *I*", "Boeing *747*"):
/// pronouns, determiners, conjunctions, prepositions and numbers.
fn weak_capital(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-'))
        || matches!(
            word,
            "The"
                | "A"
                | "An"
                | "He"
                | "She"
                | "It"
                | "They"
                | "We"
                | "I"
                | "You"
                | "His"
                | "Her"
                | "Its"
                | "Their"
                | "Our"
                | "My"
                | "Your"
                | "But"
                | "And"
                | "Or"
                | "So"
                | "In"
                | "On"
                | "At"
                | "For"
                | "If"
                | "When"
                | "As"
                | "After"
                | "Before"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "There"
                | "What"
                | "Who"
                | "Why"
                | "How"
                | "While"
                | "Although"
                | "Because"
                | "Some"
                | "Many"
                | "Most"
                | "All"
                | "No"
                | "Not"
                | "By"
                | "From"
                | "With"
                | "To"
                | "Of"
                | "Now"
                | "Then"
                | "Still"
                | "Yet"
                | "Also"
                | "Even"
                | "However"
                | "Meanwhile"
                | "Asked"
                | "According"
                | "During"
                | "Since"
                | "Under"
                | "Over"
                | "Despite"
                | "Until"
                | "Among"
                | "Both"
                | "Each"
                | "Every"
                | "Another"
                | "More"
                | "Several"
                | "Instead"
                | "Though"
                | "Here"
                | "Where"
                | "Which"
                | "Whether"
                | "Only"
                | "Just"
                | "Like"
                | "Is"
                | "Was"
                | "Are"
                | "Do"
                | "Does"
                | "Did"
                | "Will"
                | "Would"
                | "Can"
                | "Could"
                | "Should"
        )
}

/// Whether the tagger scores `word` for itself (a capitalised word that is
/// not a sentence-initial function word; see [`NerModel::tag_with`]): the
/// words whose tags go into the document's [`History`].
#[must_use]
pub fn is_candidate(word: &str) -> bool {
    may_be_name(word) && !weak_capital(word)
}

/// Whether `word` could be (part of) a name on its own: it has a capital
/// letter, or letters of a script without case (Arabic, Chinese, …).
fn may_be_name(word: &str) -> bool {
    word.chars().any(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || (c.is_alphabetic() && !c.is_lowercase() && !c.is_ascii())
    })
}

/// What lies around a run of words decoded on its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Edges {
    /// The run follows a word tagged `O` (otherwise it starts the sentence).
    pub after_outside: bool,
    /// The run is followed by a word tagged `O` (otherwise it ends the sentence).
    pub before_outside: bool,
}

impl Lexicon for NerModel {
    fn word(&self, lower: &str) -> WordInfo {
        find(&self.word_keys, word_key(lower))
            .map_or_else(WordInfo::default, |slot| self.word_infos[slot])
    }
    fn phrase(&self, key: u32) -> u8 {
        find(&self.phrase_keys, key).map_or(0, |slot| self.phrase_bits[slot])
    }
}

/// Exact best path through `emissions` under `trans`/`start`, never
/// breaking the BILOU constraints.
#[must_use]
pub fn viterbi(
    emissions: &[[f32; N_TAGS]],
    trans: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
) -> Vec<usize> {
    viterbi_between(emissions, trans, start, Edges::default())
}

/// [`viterbi`] for a run of words inside a sentence whose neighbours are
/// known to be `O` (`edges`): the run starts from the `O → tag`
/// transition instead of the sentence start and pays `tag → O` at its end.
#[must_use]
pub fn viterbi_between(
    emissions: &[[f32; N_TAGS]],
    trans: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
    edges: Edges,
) -> Vec<usize> {
    let mut path = vec![0usize; emissions.len()];
    viterbi_into(emissions, trans, start, edges, &mut Vec::new(), &mut path);
    path
}

/// The tags that close a name or stand outside one (O, L, U): the only
/// ones an O, B or U tag may follow.
const CLOSED: [usize; 1 + 2 * 4] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Per label, its open tags (B, I): the only ones its I and L may follow.
const OPEN_OF: [[usize; 2]; 4] = [[1, 2], [5, 6], [9, 10], [13, 14]];

/// [`viterbi_between`] writing the best path into `path` (as long as
/// `emissions`), with `back` as its back-pointer buffer.
pub fn viterbi_into(
    emissions: &[[f32; N_TAGS]],
    trans: &[[f32; N_TAGS]; N_TAGS],
    start: &[f32; N_TAGS],
    edges: Edges,
    back: &mut Vec<[u8; N_TAGS]>,
    path: &mut [usize],
) {
    const OUTSIDE: usize = 0;
    let n = emissions.len().min(path.len());
    if n == 0 {
        return;
    }
    // Forbidden transitions cost −∞, so the inner loop needs no test.
    let moves = crate::chain::masked(trans, allowed);
    let mut score = [f32::NEG_INFINITY; N_TAGS];
    for t in 0..N_TAGS {
        if edges.after_outside {
            score[t] = moves[OUTSIDE][t] + emissions[0][t];
        } else if allowed(None, t) {
            score[t] = start[t] + emissions[0][t];
        }
    }
    back.clear();
    back.resize(n, [0u8; N_TAGS]);
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        for t in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            // An I or L tag (2 + 4k, 3 + 4k) can only follow B or I of
            // its label (1 + 4k, 2 + 4k); any other tag only a closed one
            // (O, L, U).
            let from: &[usize] = if t > 0 && matches!((t - 1) % 4, 1 | 2) {
                let b = t - (t - 1) % 4;
                &OPEN_OF[(b - 1) / 4]
            } else {
                &CLOSED
            };
            for &p in from {
                let s = score[p] + moves[p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            next[t] = best + emissions[i][t];
            back[i][t] = arg;
        }
        score = next;
    }
    for (t, s) in score.iter_mut().enumerate() {
        if is_open(t) {
            *s = f32::NEG_INFINITY; // a name never stops at B or I
        } else if edges.before_outside {
            *s += trans[t][OUTSIDE];
        }
    }
    let mut t = (1..N_TAGS).fold(0, |best, x| if score[x] > score[best] { x } else { best });
    for i in (0..n).rev() {
        path[i] = t;
        t = usize::from(back[i][t]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::labels::tag_of;
    use super::super::lexicon::{list, phrase_key};
    use crate::EntityLabel;

    fn kaori() -> WordInfo {
        WordInfo {
            gaz: 1,
            lists: list::FIRST_NAME,
            cluster: 4096,
        }
    }

    fn tiny() -> ModelParts {
        let mut w = [0f32; N_TAGS];
        let u_per = tag_of(EntityLabel::Person, true, true).unwrap();
        w[u_per] = 2.0;
        // A feature that fires on "Kaori" and not on its neighbours.
        let words = ["Ms", "Kaori", "spoke"];
        let feats = |i| {
            let mut f = Vec::new();
            super::super::features::extract(&words, i, &(), &mut f);
            f
        };
        let (others, mine) = ([feats(0), feats(2)].concat(), feats(1));
        let feat = *mine.iter().find(|f| !others.contains(f)).unwrap();
        ModelParts {
            scores: ChainScores {
                features: vec![(feat, w)],
                trans: [[0.0; N_TAGS]; N_TAGS],
                start: [0.0; N_TAGS],
            },
            words: vec![
                (word_key("kaori"), kaori()),
                (
                    word_key("lao"),
                    WordInfo {
                        cluster: 3,
                        ..WordInfo::default()
                    },
                ),
            ],
            phrases: vec![(phrase_key(["new", "york"]), list::PLACE)],
        }
    }

    #[test]
    fn round_trip_and_tagging() {
        let bytes = tiny().to_bytes();
        let m = NerModel::from_bytes(&bytes).unwrap();
        assert_eq!(m.n_features(), 1);
        assert_eq!(m.word("kaori"), kaori());
        assert_eq!(m.word("lao").cluster, 3);
        assert_eq!(m.word("paris"), WordInfo::default());
        assert_eq!(m.phrase(phrase_key(["new", "york"])), list::PLACE);
        assert_eq!(m.phrase(phrase_key(["old", "york"])), 0);
        let u_per = tag_of(EntityLabel::Person, true, true).unwrap();
        assert_eq!(m.tag(&["Ms", "Kaori", "spoke"]), vec![0, u_per, 0]);
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        assert_eq!(
            NerModel::from_bytes(b"nope").unwrap_err(),
            ModelError::BadMagic
        );
        let mut bytes = tiny().to_bytes();
        bytes[8] = 9;
        assert!(matches!(
            NerModel::from_bytes(&bytes),
            Err(ModelError::UnsupportedVersion { found: 9 })
        ));
        let bytes = tiny().to_bytes();
        for cut in 0..bytes.len() {
            assert!(
                NerModel::from_bytes(&bytes[..cut]).is_err(),
                "truncated at {cut}"
            );
        }
    }

    #[test]
    fn the_source_tables_match_the_constraints() {
        let closed: Vec<usize> = (0..N_TAGS).filter(|&t| !is_open(t)).collect();
        assert_eq!(closed, CLOSED);
        for (k, open) in OPEN_OF.iter().enumerate() {
            let i_tag = 2 + 4 * k;
            let from: Vec<usize> = (0..N_TAGS).filter(|&p| allowed(Some(p), i_tag)).collect();
            assert_eq!(from, open);
        }
    }

    #[test]
    fn viterbi_respects_bilou() {
        // Emissions prefer I-PER at the start and B-PER at the end; neither
        // is allowed (a name starts with B or U and ends with L or U).
        let b_per = tag_of(EntityLabel::Person, true, false).unwrap();
        let i_per = tag_of(EntityLabel::Person, false, false).unwrap();
        let mut e = [[0f32; N_TAGS]; 2];
        e[0][i_per] = 5.0;
        e[1][b_per] = 5.0;
        let path = viterbi(&e, &[[0.0; N_TAGS]; N_TAGS], &[0.0; N_TAGS]);
        assert_ne!(path[0], i_per);
        assert_ne!(path[1], b_per);
        for (p, t) in [(None, path[0]), (Some(path[0]), path[1])] {
            assert!(allowed(p, t));
        }
    }
}
