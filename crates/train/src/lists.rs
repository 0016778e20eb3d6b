//! Name lists from the sources cache (`crates/train/prep/sources.py`):
//! GeoNames places (one-word names as word bits, longer ones as phrases),
//! WordNet proper nouns (places, people) and US Census first names and
//! surnames.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use saidwho_core::stages::ner::{list, phrase_key, MAX_PHRASE_WORDS};
use saidwho_core::stages::{ner_tokens, tokenize};

/// The lists as the model stores them.
#[derive(Debug, Default)]
pub struct Lists {
    /// List bits of lowercase words.
    pub words: HashMap<String, u8>,
    /// List bits of multiword phrases, by phrase key.
    pub phrases: HashMap<u32, u8>,
}

/// Census names rarer than this rank are left out (the tail is mostly
/// common words and noise).
pub const MAX_SURNAMES: usize = 10_000;

/// Reads the lists under `dir`.
pub fn load(dir: &Path) -> Result<Lists> {
    let mut l = Lists::default();
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).with_context(|| {
            format!(
                "reading {}/{name} (run `cargo xtask train-ner`)",
                dir.display()
            )
        })
    };
    for w in read("first_names.txt")?.lines() {
        *l.words.entry(w.to_owned()).or_default() |= list::FIRST_NAME;
    }
    // Most frequent first (the Census's order).
    for w in read("last_names.txt")?.lines().take(MAX_SURNAMES) {
        *l.words.entry(w.to_owned()).or_default() |= list::LAST_NAME;
    }
    // WordNet proper nouns: places (rivers, mountains, regions too) as
    // places; people's last words as surnames.
    for line in read("wordnet.tsv")?.lines() {
        let Some((name, kind)) = line.split_once('\t') else {
            continue;
        };
        let words = tagger_words(name);
        match (kind, words.len()) {
            ("LOC", 1) => *l.words.entry(words[0].clone()).or_default() |= list::PLACE,
            ("LOC", n) if n <= MAX_PHRASE_WORDS => {
                *l.phrases.entry(phrase_key(&words)).or_default() |= list::PLACE;
                *l.words.entry(words[0].clone()).or_default() |= list::PHRASE_START;
            }
            ("PER", n) if n >= 1 => {
                *l.words.entry(words[n - 1].clone()).or_default() |= list::LAST_NAME;
            }
            _ => {}
        }
    }
    for line in read("places.tsv")?.lines() {
        let Some((name, kind)) = line.split_once('\t') else {
            continue;
        };
        let words = tagger_words(name);
        let bit = if kind == "country" {
            list::PLACE | list::COUNTRY
        } else {
            list::PLACE
        };
        match words.len() {
            0 => {}
            1 => *l.words.entry(words[0].clone()).or_default() |= bit,
            n if n <= MAX_PHRASE_WORDS => {
                *l.phrases.entry(phrase_key(&words)).or_default() |= bit;
                *l.words.entry(words[0].clone()).or_default() |= list::PHRASE_START;
            }
            _ => {}
        }
    }
    Ok(l)
}

/// A name split as the tagger splits text, lowercased.
fn tagger_words(name: &str) -> Vec<String> {
    let toks = tokenize(name);
    ner_tokens(name, &toks)
        .iter()
        .map(|r| r.slice(name).to_lowercase())
        .collect()
}
