//! The speaker ranker: who a pronoun speaker ("he", "she", "it", "they")
//! is. Each candidate — a speaker already quoted or a name in the text
//! before the pronoun — is described by a few facts (how recent, how far,
//! gender, what the entity tagger called it, a title, a possessive …); a
//! linear model trained on PolNeAR train (`saidwho-train speakers`, silver
//! speaker clusters) scores them against leaving the pronoun unresolved.
//!
//! The model is data: `data/speakers-v1.bin` (magic, version, sorted
//! feature keys with weights), built into the core (about 2 KB).

use std::sync::OnceLock;

use crate::attribution::lexicon::Gender;
use crate::ner::features::fingerprint;
use crate::ner::hash::FeatureHasher;
use crate::ner::EntityLabel;

/// First bytes of a speaker-ranker file.
pub const MAGIC: &[u8; 4] = b"SWSR";
/// Version of the file format and of the features.
pub const FORMAT_VERSION: u8 = 1;
/// The versioned name of the shipped model (`data/speakers-v1.bin`).
pub const MODEL_NAME: &str = "speakers-v1";

const SHIPPED: &[u8] = include_bytes!("../data/speakers-v1.bin");

/// The pronoun being resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    /// Its kind: 0 he, 1 she, 2 it, 3 they, 4 any other.
    pub kind: u8,
    /// Whether it opens its sentence ("He said …", not "…,” he said").
    pub opens_sentence: bool,
}

impl Pronoun {
    /// The pronoun written `lower`.
    #[must_use]
    pub fn new(lower: &str, opens_sentence: bool) -> Self {
        let kind = match lower {
            "he" => 0,
            "she" => 1,
            "it" => 2,
            "they" => 3,
            _ => 4,
        };
        Self {
            kind,
            opens_sentence,
        }
    }

    /// Whether a candidate of gender `g` may be this pronoun's.
    #[must_use]
    pub fn agrees(self, g: Gender) -> bool {
        let own = self.gender();
        own == Gender::Unknown || g == Gender::Unknown || own == g
    }

    /// Whether `c` may be what it refers to: its gender agrees, and "he" or
    /// "she" is never a place.
    #[must_use]
    pub fn may_be(self, c: &Candidate) -> bool {
        self.agrees(c.gender) && !(self.kind <= 1 && c.label == Some(EntityLabel::Loc))
    }

    /// Whether it refers back to someone named before ("he", "she", "it",
    /// "they"; not "I", "we", "you").
    #[must_use]
    pub fn refers_back(self) -> bool {
        self.kind < 4
    }

    /// The gender it shows.
    fn gender(self) -> Gender {
        match self.kind {
            0 => Gender::Male,
            1 => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// What the ranker knows of one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// A speaker already credited with a quote (else a name in the text).
    pub is_speaker: bool,
    /// Its place among the candidates, most recent first.
    pub rank: usize,
    /// Sentences between its last mention and the pronoun.
    pub sentences_back: usize,
    /// Whether that mention is in the pronoun's paragraph.
    pub same_paragraph: bool,
    /// The gender its titles, pronouns or first name show.
    pub gender: Gender,
    /// What the entity tagger called its last word, if anything.
    pub label: Option<EntityLabel>,
    /// Whether a title comes with it ("Mr", "Gen.").
    pub has_title: bool,
    /// Its number of name words.
    pub words: usize,
    /// Whether "'s" follows it ("Trump's campaign").
    pub possessive: bool,
    /// Whether it reads as an organisation ("… Party", "… Ministry").
    pub is_org: bool,
    /// Quotes credited to it so far.
    pub quotes: u32,
    /// Whether it is the speaker credited last.
    pub last_speaker: bool,
    /// Whether it is the one the nearest-person rule picks: the most recent
    /// candidate of compatible gender that is a speaker, or a name with a
    /// title or two words that is no organisation or place.
    pub rule_pick: bool,
    /// Whether its latest mention opens its sentence (after titles, first
    /// names or "the"): the sentence's subject, whom a pronoun opening the
    /// next sentence mostly goes on with.
    pub subject: bool,
}

/// Feature keys of the candidate for the pronoun.
#[must_use]
pub fn candidate_features(p: Pronoun, c: &Candidate) -> Vec<u32> {
    let pk = u32::from(p.kind);
    let label = c.label.map_or(0, |l| 1 + l as u32);
    let gender = match (p.gender(), c.gender) {
        (_, Gender::Unknown) | (Gender::Unknown, _) => 0,
        (a, b) if a == b => 1,
        _ => 2,
    };
    let rank = c.rank.min(5) as u32;
    let back = match c.sentences_back {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=9 => 4,
        _ => 5,
    };
    vec![
        key(1, pk, 0),
        key(2, pk, u32::from(c.is_speaker)),
        key(3, rank, u32::from(c.is_speaker)),
        key(4, back, pk),
        key(5, gender, pk),
        key(6, label, pk),
        key(7, u32::from(c.has_title), pk),
        key(8, c.words.min(3) as u32, pk),
        key(9, u32::from(c.possessive), 0),
        key(10, u32::from(c.last_speaker), pk),
        key(11, u32::from(c.same_paragraph), u32::from(p.opens_sentence)),
        key(12, c.quotes.min(3), 0),
        key(13, u32::from(c.is_org), pk),
        key(14, rank, label),
        key(15, back, u32::from(c.is_speaker)),
        key(16, u32::from(c.rule_pick), pk),
        key(17, u32::from(c.rule_pick), label),
        key(18, u32::from(c.subject), pk),
        key(19, u32::from(c.subject), u32::from(p.opens_sentence)),
    ]
}

/// Feature keys of leaving the pronoun unresolved, given how many
/// candidates there are.
#[must_use]
pub fn none_features(p: Pronoun, candidates: usize) -> Vec<u32> {
    let pk = u32::from(p.kind);
    vec![
        key(20, pk, 0),
        key(21, pk, candidates.min(3) as u32),
        key(22, pk, u32::from(p.opens_sentence)),
    ]
}

/// The key of one feature: its template and two values. The hash is the
/// entity tagger's, stable across platforms (a model trained natively is
/// read in wasm, where `usize` is 32 bits).
fn key(template: u8, a: u32, b: u32) -> u32 {
    fingerprint(
        FeatureHasher::new(template)
            .u64(u64::from(a))
            .u64(u64::from(b))
            .finish(),
    )
}

/// Why speaker-ranker bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RankerError {
    /// Not a speaker-ranker file.
    #[error("not a saidwho speaker-ranker file (it does not start with SWSR)")]
    NotARanker,
    /// A version this build cannot read.
    #[error("speaker-ranker format version {0} (this build reads version {FORMAT_VERSION})")]
    Version(u8),
    /// Cut short or inconsistent.
    #[error("the speaker-ranker file is cut short or damaged")]
    Damaged,
}

/// A trained speaker ranker: feature keys (sorted) with their weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranker {
    keys: Vec<u32>,
    weights: Vec<f32>,
}

impl Ranker {
    /// The model of `weights` by feature key (zero weights left out).
    #[must_use]
    pub fn new(weights: impl IntoIterator<Item = (u32, f32)>) -> Self {
        let mut pairs: Vec<(u32, f32)> = weights.into_iter().filter(|p| p.1 != 0.0).collect();
        pairs.sort_unstable_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        Self {
            keys: pairs.iter().map(|p| p.0).collect(),
            weights: pairs.iter().map(|p| p.1).collect(),
        }
    }

    /// A model with no weights: it leaves every pronoun unresolved.
    #[must_use]
    pub fn empty() -> &'static Self {
        static EMPTY: OnceLock<Ranker> = OnceLock::new();
        EMPTY.get_or_init(|| Self::new([]))
    }

    /// The shipped model.
    #[must_use]
    pub fn shipped() -> &'static Self {
        static SHIPPED_RANKER: OnceLock<Ranker> = OnceLock::new();
        SHIPPED_RANKER.get_or_init(|| Self::from_bytes(SHIPPED).unwrap_or_else(|_| Self::new([])))
    }

    /// Reads a model written by [`Ranker::to_bytes`].
    ///
    /// # Errors
    /// When the bytes are not a speaker ranker of this version, or damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, RankerError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(RankerError::NotARanker)?;
        let (&version, rest) = rest.split_first().ok_or(RankerError::Damaged)?;
        if version != FORMAT_VERSION {
            return Err(RankerError::Version(version));
        }
        if rest.len() % 8 != 0 {
            return Err(RankerError::Damaged);
        }
        let pairs = rest.chunks_exact(8).map(|c| {
            let k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let w = f32::from_le_bytes([c[4], c[5], c[6], c[7]]);
            (k, w)
        });
        let model = Self::new(pairs);
        if model.weights.iter().any(|w| !w.is_finite()) {
            return Err(RankerError::Damaged);
        }
        Ok(model)
    }

    /// The model as bytes: magic, version, then (key, weight) pairs, little
    /// endian, sorted by key.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(FORMAT_VERSION);
        for (k, w) in self.keys.iter().zip(&self.weights) {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The score of a feature list.
    #[must_use]
    pub fn score(&self, features: &[u32]) -> f32 {
        features
            .iter()
            .filter_map(|k| self.keys.binary_search(k).ok().map(|i| self.weights[i]))
            .sum()
    }

    /// The best candidate for the pronoun whose gender agrees with it, or
    /// `None` when leaving it unresolved scores higher (ties go to the
    /// earlier candidate); the speaker just quoted, when the text shows
    /// them to be of the pronoun's gender.
    #[must_use]
    pub fn choose(&self, p: Pronoun, candidates: &[Candidate]) -> Option<usize> {
        if let Some(i) = just_quoted(p, candidates) {
            return Some(i);
        }
        let mut best = (self.score(&none_features(p, candidates.len())), None);
        // "he" is never a woman the text shows to be one, nor "she" a man,
        // nor either a place.
        for (i, c) in candidates.iter().enumerate().filter(|(_, c)| p.may_be(c)) {
            let s = self.score(&candidate_features(p, c));
            if s > best.0 {
                best = (s, Some(i));
            }
        }
        best.1.or_else(|| only_one_of_its_gender(p, candidates))
    }
}

/// The speaker quoted last, when that was in the sentence before and both
/// it and the pronoun show the same gender ("Clinton said she thinks … .
/// She said …"): the ranker learnt from silver clusters, in which CoreNLP
/// often leaves such a pronoun out, to leave it unresolved. (PolNeAR train
/// B-cubed all 90.43 -> 90.46, dev 91.30 -> 91.33.)
fn just_quoted(p: Pronoun, candidates: &[Candidate]) -> Option<usize> {
    let c = candidates.first()?;
    let own = p.gender();
    let shown = own != Gender::Unknown && c.gender == own;
    (c.is_speaker && c.last_speaker && c.sentences_back <= 1 && shown).then_some(0)
}

/// The one candidate whose gender is known to be the pronoun's when every
/// other candidate is known to differ ("Jennifer Okafor … met … Peter Lund.
/// She said …"): the text leaves no one else the pronoun could be.
fn only_one_of_its_gender(p: Pronoun, candidates: &[Candidate]) -> Option<usize> {
    let own = p.gender();
    if own == Gender::Unknown {
        return None;
    }
    let mut agreeing = candidates.iter().enumerate().filter(|(_, c)| p.may_be(c));
    match (agreeing.next(), agreeing.next()) {
        (Some((i, c)), None) if c.gender == own => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(rank: usize) -> Candidate {
        Candidate {
            is_speaker: true,
            rank,
            sentences_back: rank,
            same_paragraph: rank == 0,
            gender: Gender::Male,
            label: Some(EntityLabel::Person),
            has_title: false,
            words: 2,
            possessive: false,
            is_org: false,
            quotes: 1,
            last_speaker: rank == 0,
            rule_pick: rank == 0,
            subject: rank == 0,
        }
    }

    /// Keys must be the same on every platform: the model is trained
    /// natively and read in wasm. (A value pinned here changes only with
    /// the format version.)
    #[test]
    fn feature_keys_are_pinned() {
        assert_eq!(key(1, 0, 0), 3_486_171_223);
        // The same three keys are checked in wasm (tests/browser.rs).
        assert_eq!(
            none_features(Pronoun::new("he", true), 2),
            [1_727_433_206, 3_936_926_691, 568_319_528]
        );
    }

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_errors() {
        let r = Ranker::new([(3, 0.5), (1, -2.0), (7, 0.0)]);
        let bytes = r.to_bytes();
        assert_eq!(Ranker::from_bytes(&bytes), Ok(r));
        assert_eq!(Ranker::from_bytes(b"nope"), Err(RankerError::NotARanker));
        let mut v2 = bytes.clone();
        v2[4] = 9;
        assert_eq!(Ranker::from_bytes(&v2), Err(RankerError::Version(9)));
        assert_eq!(
            Ranker::from_bytes(&bytes[..bytes.len() - 1]),
            Err(RankerError::Damaged)
        );
    }

    #[test]
    fn she_is_the_woman_quoted_in_the_sentence_before_whatever_the_weights() {
        let she = Pronoun::new("she", true);
        let woman = Candidate {
            gender: Gender::Female,
            sentences_back: 1,
            ..person(0)
        };
        let r = Ranker::empty();
        assert_eq!(r.choose(she, &[woman]), Some(0));
        // Not when the gender is not shown, nor further back (where someone
        // else of unknown gender may be meant), nor for "he".
        let unknown = Candidate {
            gender: Gender::Unknown,
            ..woman
        };
        let earlier = Candidate {
            sentences_back: 2,
            ..woman
        };
        let other = Candidate {
            rank: 1,
            last_speaker: false,
            ..unknown
        };
        assert_eq!(r.choose(she, &[unknown]), None);
        assert_eq!(r.choose(she, &[earlier, other]), None);
        assert_eq!(r.choose(Pronoun::new("he", true), &[woman]), None);
    }

    #[test]
    fn the_shipped_model_prefers_the_recent_male_person_for_he() {
        let he = Pronoun::new("he", true);
        // Facts as the resolver sets them: the nearest-person rule passes
        // over a woman for "he", and over a name the tagger calls a place.
        let woman = Candidate {
            gender: Gender::Female,
            rule_pick: false,
            ..person(0)
        };
        let place = Candidate {
            is_speaker: false,
            label: Some(EntityLabel::Loc),
            gender: Gender::Unknown,
            quotes: 0,
            last_speaker: false,
            rule_pick: false,
            ..person(0)
        };
        let picked = |c: Candidate| Candidate {
            rule_pick: true,
            ..c
        };
        let r = Ranker::shipped();
        assert_eq!(r.choose(he, &[person(0), person(3)]), Some(0));
        assert_eq!(r.choose(he, &[woman, picked(person(1))]), Some(1));
        assert_eq!(r.choose(he, &[place, picked(person(1))]), Some(1));
    }
}
