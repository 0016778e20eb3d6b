//! Source-diversity figures: who gets the quotes and the words.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::speakers::CorpusSpeaker;
#[cfg(test)]
use super::speakers::SpeakerEdits;
use super::Corpus;

/// One bar of a chart: a label, its quotes and words, and their shares of
/// all the corpus's quotes and quoted words (0 to 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// What the bar counts ("Sam Ruiz", "named sources", "speech").
    pub label: String,
    /// Quotes.
    pub quotes: u32,
    /// Quoted words.
    pub words: u32,
    /// Share of all quotes.
    pub quote_share: f64,
    /// Share of all quoted words.
    pub word_share: f64,
}

/// The corpus's source-diversity figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Articles.
    pub articles: u32,
    /// Quotes.
    pub quotes: u32,
    /// Quoted words.
    pub words: u32,
    /// Named sources, anonymous sources ("a spokesman", "officials", an
    /// unresolved "he"), and quotes whose speaker was not found.
    pub sources: Vec<Share>,
    /// Speech against views and findings (beliefs, stances, evidence).
    pub kinds: Vec<Share>,
    /// Each speaker, most quoted first.
    pub by_speaker: Vec<Share>,
    /// Each organisation the speakers' roles name, most quoted first;
    /// speakers without one are "no organisation given".
    pub by_organization: Vec<Share>,
}

/// Label of the quotes whose speaker was not found.
pub const NO_SPEAKER: &str = "speaker not found";
/// Label of speakers whose organisation the articles do not give.
pub const NO_ORGANIZATION: &str = "no organisation given";

/// Adds up shares from (label, quotes, words), keeping first-seen order.
struct Tally {
    rows: Vec<(String, u32, u32)>,
    at: HashMap<String, usize>,
}

impl Tally {
    fn new() -> Self {
        Self {
            rows: Vec::new(),
            at: HashMap::new(),
        }
    }

    fn add(&mut self, label: &str, quotes: u32, words: u32) {
        let i = *self.at.entry(label.to_owned()).or_insert_with(|| {
            self.rows.push((label.to_owned(), 0, 0));
            self.rows.len() - 1
        });
        self.rows[i].1 += quotes;
        self.rows[i].2 += words;
    }

    /// The shares, most quoted first when `sorted`.
    fn shares(self, quotes: u32, words: u32, sorted: bool) -> Vec<Share> {
        let ratio = |a: u32, b: u32| {
            if b == 0 {
                0.0
            } else {
                f64::from(a) / f64::from(b)
            }
        };
        let mut out: Vec<Share> = self
            .rows
            .into_iter()
            .map(|(label, q, w)| Share {
                label,
                quotes: q,
                words: w,
                quote_share: ratio(q, quotes),
                word_share: ratio(w, words),
            })
            .collect();
        if sorted {
            out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.label.cmp(&b.label)));
        }
        out
    }
}

/// The figures of `corpus` over its speakers table `rows`.
pub(super) fn figures(corpus: &Corpus, rows: &[CorpusSpeaker]) -> Figures {
    let quotes = u32::try_from(corpus.quotes.len()).unwrap_or(u32::MAX);
    let words = corpus.quotes.iter().map(|q| q.words).sum::<u32>();
    let mut sources = Tally::new();
    let mut kinds = Tally::new();
    for label in ["named sources", "anonymous sources", NO_SPEAKER] {
        sources.add(label, 0, 0);
    }
    for label in ["speech", "views and findings"] {
        kinds.add(label, 0, 0);
    }
    for q in &corpus.quotes {
        let source = if q.speaker.trim().is_empty() {
            NO_SPEAKER
        } else if q.named {
            "named sources"
        } else {
            "anonymous sources"
        };
        sources.add(source, 1, q.words);
        let kind = if q.is_view() {
            "views and findings"
        } else {
            "speech"
        };
        kinds.add(kind, 1, q.words);
    }
    let mut by_speaker = Tally::new();
    let mut by_org = Tally::new();
    for r in rows {
        by_speaker.add(&r.name, r.quotes, r.quoted_words);
        let org = r.organization.as_deref().unwrap_or(NO_ORGANIZATION);
        if r.named || r.organization.is_some() {
            by_org.add(org, r.quotes, r.quoted_words);
        }
    }
    Figures {
        articles: u32::try_from(corpus.articles.len()).unwrap_or(u32::MAX),
        quotes,
        words,
        sources: sources.shares(quotes, words, false),
        kinds: kinds.shares(quotes, words, false),
        by_speaker: by_speaker.shares(quotes, words, true),
        by_organization: by_org.shares(quotes, words, true),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn shares_add_up() {
        let c = sample();
        let f = c.figures(&SpeakerEdits::default());
        assert_eq!(f.articles, 3);
        assert_eq!(f.quotes, u32::try_from(c.quotes.len()).unwrap());
        let total: u32 = f.sources.iter().map(|s| s.quotes).sum();
        assert_eq!(total, f.quotes);
        let share: f64 = f.kinds.iter().map(|s| s.quote_share).sum();
        assert!((share - 1.0).abs() < 1e-9);
        assert_eq!(f.by_speaker[0].label, "Sam Ruiz");
        let anonymous = &f.sources[1];
        assert_eq!(anonymous.label, "anonymous sources");
        assert!(anonymous.quotes >= 1, "{f:?}");
    }

    #[test]
    fn an_empty_corpus_has_zero_shares() {
        let f = Corpus::new().figures(&SpeakerEdits::default());
        assert_eq!(f.quotes, 0);
        assert!(f.sources.iter().all(|s| s.quote_share == 0.0));
    }
}
