//! CoreNLP's coreference chains for PolNeAR (silver, in
//! `../shared/data/polnear-corenlp/coref-<split>.jsonl.gz`): which mentions
//! of an article name one thing. The speaker ranker learns from them who a
//! pronoun is when the pronoun's attribution has no named source to say so.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Deserialize;

/// One mention: code-point offsets into the article (end exclusive) and
/// CoreNLP's words.
#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    /// First code point.
    pub start_char: usize,
    /// One past the last code point.
    pub end_char: usize,
    /// CoreNLP's words, joined by spaces.
    pub text: String,
}

#[derive(Deserialize)]
struct RawDoc {
    doc_id: String,
    chains: Vec<Vec<Mention>>,
}

/// The chains of every article, by article id.
pub type Chains = HashMap<String, Vec<Vec<Mention>>>;

/// Reads a gzipped coreference file.
pub fn read(path: &Path) -> Result<Chains> {
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut raw = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut raw)
        .with_context(|| format!("unpacking {}", path.display()))?;
    let mut out = Chains::new();
    for (n, line) in raw.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let d: RawDoc = serde_json::from_str(line)
            .with_context(|| format!("{}, line {}", path.display(), n + 1))?;
        out.insert(d.doc_id, d.chains);
    }
    Ok(out)
}

/// The chain holding a mention that overlaps code points `start..end`.
pub fn chain_at(chains: &[Vec<Mention>], start: usize, end: usize) -> Option<&[Mention]> {
    chains
        .iter()
        .find(|c| c.iter().any(|m| m.start_char < end && start < m.end_char))
        .map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start_char: usize, end_char: usize, text: &str) -> Mention {
        Mention {
            start_char,
            end_char,
            text: text.to_owned(),
        }
    }

    #[test]
    fn the_chain_of_an_overlapping_mention_is_found() {
        let chains = vec![
            vec![m(0, 5, "Smith"), m(20, 22, "he")],
            vec![m(10, 14, "Acme"), m(30, 32, "it")],
        ];
        assert_eq!(
            chain_at(&chains, 20, 22).map(|c| c[0].text.as_str()),
            Some("Smith")
        );
        assert_eq!(
            chain_at(&chains, 31, 40).map(|c| c[0].text.as_str()),
            Some("Acme")
        );
        assert!(chain_at(&chains, 15, 19).is_none());
    }
}
