//! Many articles at once: a corpus of analyses, its speakers across
//! articles, source-diversity figures and exports.
//!
//! A [`Corpus`] keeps, per article, its metadata ([`ArticleMeta`]) and the
//! quotes the analysis found ([`CorpusQuote`]: speaker, role, organisation,
//! kind, cue class, words, position), not the text. [`Corpus::speakers`]
//! merges named speakers across articles by their normalised full name
//! ("Mr. O’Neill" and "O'Neill" in two articles are one row when both are
//! the fullest name in their article), with the reader's merges and splits
//! ([`SpeakerEdits`]); unnamed sources ("a spokesman", "he (¶4)") stay per
//! article and count as anonymous. [`Corpus::figures`] gives the shares of
//! quotes and words by speaker and organisation, named against anonymous,
//! and speech against views. [`export`] writes CSV and Markdown.

pub mod export;
mod figures;
pub mod files;
mod speakers;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::corrections::words_in;
use crate::offsets::OffsetIndex;
use crate::span::TextRange;

pub use figures::{Figures, Share};
pub use speakers::{speaker_key, CorpusSpeaker, SpeakerEdits};

/// What is known of an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Unique within the corpus: a file name, a CSV id, a line number.
    pub id: String,
    /// Its title: given, else the first paragraph.
    pub title: String,
    /// Its date, when the input gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// Its outlet, when the input gives one.
    #[serde(default)]
    pub outlet: Option<String>,
}

/// One article of the corpus: metadata and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusArticle {
    /// Id, title, date, outlet.
    pub meta: ArticleMeta,
    /// Quotes found.
    pub quotes: u32,
    /// Speakers quoted (cards of the article view).
    pub speakers: u32,
    /// Words in the article.
    pub words: u32,
}

/// One quote of the corpus, with what the article view says of its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusQuote {
    /// Index of its article in [`Corpus::articles`].
    pub article: u32,
    /// Its speaker's name in the article ("" when none was found).
    pub speaker: String,
    /// Whether that is a real name (not "he (¶4)" or "a spokesman").
    pub named: bool,
    /// The speaker's role, when the article gives one.
    pub role: Option<String>,
    /// The speaker's organisation, when the article gives one.
    pub organization: Option<String>,
    /// "direct", "mixed" or "indirect".
    pub kind: String,
    /// "speech", "belief", "stance" or "evidence".
    pub cue_class: String,
    /// The quoted words (an interrupted quote's parts joined by " … ").
    pub text: String,
    /// Words quoted.
    pub words: u32,
    /// Code-point offsets of its first and last word in the article.
    pub start: u32,
    /// See `start`.
    pub end: u32,
}

impl CorpusQuote {
    /// Whether it reports a view or finding (belief, stance, evidence).
    #[must_use]
    pub fn is_view(&self) -> bool {
        self.cue_class != "speech"
    }
}

/// Articles and their quotes, in the order added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// The articles.
    pub articles: Vec<CorpusArticle>,
    /// Every quote, article by article, in text order.
    pub quotes: Vec<CorpusQuote>,
}

impl Corpus {
    /// An empty corpus.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the analysis `a` of article `text`; an empty title becomes the
    /// article's first paragraph (cut to 120 characters).
    pub fn add(&mut self, mut meta: ArticleMeta, text: &str, a: &Analysis) {
        if meta.title.trim().is_empty() {
            let first = a.paragraphs.first().map_or("", |p| p.slice(text));
            meta.title = first.chars().take(120).collect();
        }
        let article = u32::try_from(self.articles.len()).unwrap_or(u32::MAX);
        let idx = OffsetIndex::new(text);
        for q in &a.quotes {
            let sp = q.speaker.and_then(|s| a.speakers.get(s as usize));
            let [start, end] = idx.range_to_chars(q.range);
            let words = q.words(text);
            // Counted as the article view's speaker cards count them.
            let quoted: u32 = q.parts().map(|p| words_in(text, p)).sum();
            self.quotes.push(CorpusQuote {
                article,
                speaker: sp.map_or_else(String::new, |s| s.name.clone()),
                named: sp.is_some_and(|s| s.named),
                role: sp.and_then(|s| s.role.clone()),
                organization: sp.and_then(|s| s.organization.clone()),
                kind: q.kind.as_str().to_owned(),
                cue_class: q.cue_class.as_str().to_owned(),
                words: quoted,
                text: words,
                start: u32::try_from(start).unwrap_or(u32::MAX),
                end: u32::try_from(end).unwrap_or(u32::MAX),
            });
        }
        self.articles.push(CorpusArticle {
            meta,
            quotes: u32::try_from(a.quotes.len()).unwrap_or(u32::MAX),
            speakers: u32::try_from(a.speakers.len()).unwrap_or(u32::MAX),
            words: words_in(text, TextRange::new(0, text.len())),
        });
    }

    /// Appends the articles of `other` (analysed apart, in a worker),
    /// renumbering their quotes.
    pub fn extend(&mut self, other: Corpus) {
        let base = u32::try_from(self.articles.len()).unwrap_or(u32::MAX);
        self.articles.extend(other.articles);
        self.quotes.extend(other.quotes.into_iter().map(|mut q| {
            q.article = q.article.saturating_add(base);
            q
        }));
    }

    /// The quotes of article `i`.
    pub fn quotes_of(&self, i: u32) -> impl Iterator<Item = &CorpusQuote> {
        self.quotes.iter().filter(move |q| q.article == i)
    }

    /// The speakers across articles, with the reader's merges and splits.
    #[must_use]
    pub fn speakers(&self, edits: &SpeakerEdits) -> Vec<CorpusSpeaker> {
        speakers::table(self, edits)
    }

    /// Source-diversity figures over the speakers table.
    #[must_use]
    pub fn figures(&self, edits: &SpeakerEdits) -> Figures {
        figures::figures(self, &self.speakers(edits))
    }

    /// The figures over speakers `rows` already made by [`Corpus::speakers`].
    #[must_use]
    pub fn figures_of(&self, rows: &[CorpusSpeaker]) -> Figures {
        figures::figures(self, rows)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyze;

    /// Three short articles: Ruiz in two, a spokesman, an unnamed "he".
    pub(crate) fn sample() -> Corpus {
        let texts = [
            "“The walls held,” said Mayor Sam Ruiz. “We were lucky.”",
            "“We were prepared,” Sam Ruiz told reporters. The river rose faster than ever, a spokesman said.",
            "Officials expect the bridge to reopen on Monday, the ministry said. “It was close,” said Dr. Ana Ortiz.",
        ];
        let mut c = Corpus::new();
        for (i, t) in texts.iter().enumerate() {
            let meta = ArticleMeta {
                id: format!("a{i}.txt"),
                ..ArticleMeta::default()
            };
            c.add(meta, t, &analyze(t));
        }
        c
    }

    #[test]
    fn articles_keep_counts_and_a_title() {
        let c = sample();
        assert_eq!(c.articles.len(), 3);
        assert_eq!(c.articles[0].meta.title, texts_first_paragraph());
        assert_eq!(c.articles[0].quotes, 1);
        assert_eq!(c.quotes_of(1).count(), 2);
        assert!(c.quotes.iter().all(|q| q.start < q.end));
    }

    #[test]
    fn corpora_analysed_apart_join() {
        let whole = sample();
        let mut joined = Corpus::new();
        for (i, a) in whole.articles.iter().enumerate() {
            let mut part = Corpus::new();
            part.articles.push(a.clone());
            part.quotes = whole
                .quotes_of(u32::try_from(i).unwrap())
                .cloned()
                .map(|mut q| {
                    q.article = 0;
                    q
                })
                .collect();
            joined.extend(part);
        }
        assert_eq!(joined, whole);
    }

    fn texts_first_paragraph() -> &'static str {
        "“The walls held,” said Mayor Sam Ruiz. “We were lucky.”"
    }
}
