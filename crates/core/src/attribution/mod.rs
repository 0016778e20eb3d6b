//! Who said what: quotes (direct, mixed, indirect) with their cue and
//! speaker mention, each with the rule that found it.
//!
//! The rules are named units in [`rules`], one file each with its doc and
//! cases, listed in precedence order per stage in [`rules::RULES`]. For each
//! text in quotation marks ([`quoted`]): attribution after the closing mark,
//! before the opening mark, not-a-quote (titles, names of works, scare
//! quotes), mixed quotes, continuation. Then sentences are searched for
//! indirect speech ([`indirect`]).

mod after_close;
mod agentless;
pub mod confidence;
pub mod cue_class;
pub mod doc;
mod indirect;
pub mod learned;
pub mod lexicon;
pub(crate) mod name_scan;
pub mod phrases;
mod quoted;
mod reporting_subject;
pub mod rules;
pub(crate) mod scan;

use serde::{Deserialize, Serialize};

use crate::quotes::MarkScan;
use crate::span::TextRange;
use crate::speakers::SpeakerRule;
pub(crate) use agentless::{clear_agentless_speakers, is_expletive_it};
pub use cue_class::CueClass;
use doc::Doc;
use indirect::indirect_quotes;
use phrases::Mention;
use quoted::{attribute_marked, Marked, MarkedSpan};
pub(crate) use reporting_subject::prefer_reporting_subject;
use rules::{relative_clause, stray_closing_mark, RuleId};

/// How a quote reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim words between quotation marks.
    Direct,
    /// A reported clause that contains a quoted fragment.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The name used in exports and the evaluation format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Mixed => "mixed",
            Self::Indirect => "indirect",
        }
    }
}

/// A quote: what was said, the cue that reports it, and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said; quotation marks included for direct quotes.
    pub range: TextRange,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The reporting verb or phrase ("said", "according to"), if any.
    pub cue: Option<TextRange>,
    /// The phrase in the text naming the speaker ("she", "Ms Kaori").
    pub speaker_mention: Option<TextRange>,
    /// Index into [`crate::Analysis::speakers`] of the resolved speaker.
    pub speaker: Option<u32>,
    /// The rule that found the quote.
    pub found_by: RuleId,
    /// How the speaker was chosen, when there is one.
    pub speaker_by: Option<SpeakerRule>,
    /// Speech, a belief, a stance or evidence (from the cue).
    #[serde(default)]
    pub cue_class: CueClass,
    /// How often quotes found this way were right, quote and speaker, in
    /// percent (see [`confidence`]).
    #[serde(default)]
    pub confidence: u8,
    /// Stretches inside `range` that are not the quote's words, in text
    /// order: the attribution that interrupts it (“A,” she said. “B.”).
    /// (Always serialised: the page and its worker exchange analyses in
    /// bincode, which has no optional fields.)
    pub interruptions: Vec<TextRange>,
    /// What the reader changed about this quote (all false: as found).
    #[serde(default)]
    pub edited: QuoteEdits,
}

/// What the reader changed about a quote ([`crate::corrections`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteEdits {
    /// The reader marked the quote (the machine did not find it).
    pub added: bool,
    /// The reader moved its start or end.
    pub span: bool,
    /// The reader chose its speaker.
    pub speaker: bool,
}

impl QuoteEdits {
    /// Whether anything was edited.
    #[must_use]
    pub fn any(self) -> bool {
        self.added || self.span || self.speaker
    }
}

impl Quote {
    /// The quote's words: `range` less its interruptions, in text order (one
    /// part unless the attribution interrupts it).
    pub fn parts(&self) -> impl Iterator<Item = TextRange> + '_ {
        let mut from = self.range.start();
        self.interruptions
            .iter()
            .map(Some)
            .chain(std::iter::once(None))
            .map(move |gap| {
                let to = gap.map_or(self.range.end(), |g| g.start());
                let part = TextRange::new(from, to);
                if let Some(g) = gap {
                    from = g.end();
                }
                part
            })
    }

    /// The quote's words as one string, its parts joined by " … ".
    #[must_use]
    pub fn words(&self, text: &str) -> String {
        let parts: Vec<&str> = self.parts().map(|p| p.slice(text)).collect();
        parts.join(" … ")
    }

    /// Whether `r` lies inside the quote's words (not in an interruption).
    #[must_use]
    pub fn holds(&self, r: TextRange) -> bool {
        self.parts().any(|p| p.contains_range(r))
    }
}

/// A quote with its mention before speaker resolution.
#[derive(Debug, Clone)]
pub struct Attributed {
    /// The quote (speaker index not yet set).
    pub quote: Quote,
    /// The speaker phrase, if found.
    pub mention: Option<Mention>,
    /// Token index of the first token of the quote.
    pub first_token: usize,
}

impl Attributed {
    /// Drops the speaker read for the quote: the text names no one
    /// (“it was reported that …”).
    pub(crate) fn clear_speaker(&mut self) {
        self.mention = None;
        self.quote.speaker_mention = None;
    }

    /// Credits the quote to the phrase `m` (a rule's later reading of who
    /// spoke: a passive's agent, a reporting subject).
    pub(crate) fn set_speaker(&mut self, doc: &Doc, m: Mention) {
        self.mention = Some(m);
        self.quote.speaker_mention = Some(doc.range_of(m.tokens));
    }

    /// The paragraph where the quote ends (a quote may run over several).
    pub(crate) fn end_paragraph(&self, doc: &Doc) -> u32 {
        doc.para_of[doc.token_at(self.quote.range.end()).saturating_sub(1)]
    }
}

/// Finds every quote of the text and its attribution.
#[must_use]
pub fn attribute(doc: &Doc, scan: &MarkScan) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = Vec::new();
    for span in marked_spans(doc, scan) {
        match attribute_marked(doc, span, &out) {
            Marked::Quote(a) => {
                let relative = a.mention.and_then(|m| relative_clause(doc, &a, m));
                out.push(*a);
                out.extend(relative);
            }
            Marked::Continues => {
                // Same speaker, same paragraph: one quote in two parts, as
                // annotators mark it (“A,” she said. “B.”), the attribution
                // between them an interruption.
                if let Some(prev) = out.last_mut() {
                    let end = prev.quote.range.end();
                    let gap = TextRange::new(end, span.range.start().max(end));
                    if !gap.slice(doc.text).trim().is_empty() {
                        prev.quote.interruptions.push(gap);
                    }
                    prev.quote.range = TextRange::new(prev.quote.range.start(), span.range.end());
                    prev.quote.found_by = RuleId::OneQuoteTwoParts;
                }
            }
            Marked::NotAQuote => {}
        }
    }
    indirect_quotes(doc, &mut out);
    let mut out = without_overlaps(out);
    rules::continue_reported_speaker(doc, &mut out);
    out
}

/// The texts in quotation marks, with the quotes whose opening mark is
/// missing, in text order.
fn marked_spans(doc: &Doc, scan: &MarkScan) -> Vec<MarkedSpan> {
    let mut marked: Vec<MarkedSpan> = scan
        .quotes
        .iter()
        .map(|q| {
            let open = doc.token_at(q.range.start());
            let close = doc.token_at(q.range.end()).saturating_sub(1);
            MarkedSpan::new(doc, q.range, Some(open), open, close)
        })
        .collect();
    for &at in &scan.stray_closes {
        if let Some(span) = stray_closing_mark(doc, at, &marked) {
            marked.push(span);
        }
    }
    marked.sort_by_key(|m| m.range.start());
    marked
}

/// The quotes in text order, an overlapping one dropped for the earlier.
fn without_overlaps(mut out: Vec<Attributed>) -> Vec<Attributed> {
    out.sort_by_key(|a| a.quote.range.start());
    let mut kept: Vec<Attributed> = Vec::with_capacity(out.len());
    for a in out {
        if kept
            .last()
            .is_some_and(|k| k.quote.range.overlaps(a.quote.range))
        {
            continue;
        }
        kept.push(a);
    }
    kept
}
