//! What the tagger knows of a word beyond its sentence: how it was seen in
//! training entities, name lists it is on, its word cluster (from
//! unlabelled text), multiword place names it starts or continues, and how
//! the same word looks elsewhere in the document.
//!
//! All of it feeds learned features: a hit on a list is evidence, never a
//! decision (a one-word place-name match is a place only about a third of
//! the time).

use super::features::fingerprint;
use super::hash::FeatureHasher;

/// One lowercase word's entry in the model's word table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// How the word was seen in training entities (bit `2k`: first word of
    /// label k, `2k + 1`: later word).
    pub gaz: u8,
    /// Name lists the word is on ([`list`]).
    pub lists: u8,
    /// Its word cluster's leaf plus one (0: not in the cluster table). The
    /// leaves are numbered so that `(leaf >> 3 * k)` is its ancestor `k`
    /// levels up: clusters of clusters.
    pub cluster: u16,
}

/// The name-list bits of [`WordInfo::lists`] and of a multiword match.
pub mod list {
    /// A first name (US Census).
    pub const FIRST_NAME: u8 = 1;
    /// A surname (US Census).
    pub const LAST_NAME: u8 = 1 << 1;
    /// A one-word place name (GeoNames: city, country, region, continent).
    pub const PLACE: u8 = 1 << 2;
    /// A country's name.
    pub const COUNTRY: u8 = 1 << 3;
    /// First word of a multiword place name found in the sentence.
    pub const PLACE_BEGIN: u8 = 1 << 4;
    /// Later word of a multiword place name found in the sentence.
    pub const PLACE_INSIDE: u8 = 1 << 5;
    /// In the word table: the word starts a multiword place name (so the
    /// tagger looks for one only there). Not a feature.
    pub const PHRASE_START: u8 = 1 << 6;
}

/// Levels of the word-cluster tree (8, 64, 512, 4,096 clusters).
pub const CLUSTER_LEVELS: u32 = 4;
/// Bits a cluster's number takes at each level (8 children a node): a
/// leaf's ancestor `k` levels up is `leaf >> (CLUSTER_BITS * k)`.
pub const CLUSTER_BITS: u32 = 3;

/// What a model can look up: words and multiword phrases.
pub trait Lexicon {
    /// The entry of a lowercase word (all zero when unknown).
    fn word(&self, lower: &str) -> WordInfo;
    /// The list bits of a multiword phrase by its [`phrase_key`] (0 when unknown).
    fn phrase(&self, key: u32) -> u8;
}

/// A lexicon that knows nothing (features from the sentence alone).
impl Lexicon for () {
    fn word(&self, _: &str) -> WordInfo {
        WordInfo::default()
    }
    fn phrase(&self, _: u32) -> u8 {
        0
    }
}

/// Key of a lowercase word in the word table: 24 bits (never 0), so that
/// keys sorted and delta-coded take two bytes each. A word not in the table
/// shares a key with one that is about once in 300 look-ups (50,000 words).
#[must_use]
pub fn word_key(lower_word: &str) -> u32 {
    (fingerprint(FeatureHasher::new(200).str(lower_word).finish()) >> 8).max(1)
}

/// Key of a multiword phrase, from its lowercase words (24 bits, never 0).
#[must_use]
pub fn phrase_key<S: AsRef<str>>(lower_words: impl IntoIterator<Item = S>) -> u32 {
    let h = lower_words
        .into_iter()
        .fold(FeatureHasher::new(202), |h, w| h.str(w.as_ref()));
    (fingerprint(h.finish()) >> 8).max(1)
}

/// Longest multiword phrase matched.
pub const MAX_PHRASE_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_keys_depend_on_word_boundaries() {
        assert_ne!(phrase_key(["new", "york"]), phrase_key(["newyork"]));
        assert_ne!(phrase_key(["new", "york"]), phrase_key(["ne", "wyork"]));
        assert_eq!(phrase_key(["new", "york"]), phrase_key(vec!["new", "york"]));
        assert_ne!(word_key("york"), phrase_key(["york"]));
    }
}
