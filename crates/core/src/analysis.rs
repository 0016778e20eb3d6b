//! The whole pipeline: [`Analyzer::analyze`] (or [`analyze`] without
//! models) and its result, [`Analysis`].

use serde::{Deserialize, Serialize};

use crate::attribution::confidence::rate_all;
use crate::attribution::cue_class::classify_all;
use crate::attribution::doc::Doc;
use crate::attribution::learned::{learned_clauses, ClauseModel, ClauseModelError};
use crate::attribution::{attribute, Quote};
use crate::names::{group_names, NameGroup};
use crate::ner::numeric::{merge, numeric_entities};
use crate::ner::{ner_tokens, tag_entities, Entity, ModelError, NerModel};
use crate::paragraphs::paragraphs;
use crate::quotes::scan_marks;
use crate::sentences::sentences;
use crate::span::TextRange;
use crate::speakers::{resolve_traced, PronounTrace, Speaker};
use crate::tokens::{tokenize, Token};

/// Everything saidwho found in one text. All spans are byte ranges into it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Length of the analysed text in bytes.
    pub text_len: u32,
    /// Paragraphs, trimmed, in text order.
    pub paragraphs: Vec<TextRange>,
    /// Sentences, in text order; each lies inside one paragraph.
    pub sentences: Vec<TextRange>,
    /// Tokens (whitespace excluded), in text order.
    pub tokens: Vec<Token>,
    /// Quotes, in text order, never overlapping.
    pub quotes: Vec<Quote>,
    /// The people (and sources) quoted, in order of first quote.
    pub speakers: Vec<Speaker>,
    /// Named entities, in text order (empty when no entity model is loaded).
    pub entities: Vec<Entity>,
    /// The entities grouped by what they name ("Somkeo", "Maj. Gen. Somkeo"
    /// and "Somkeo Sylavong" are one person), in order of first mention.
    /// Filled by [`Analysis::group_names`], which views that list names call
    /// (the page's worker, `saidwho analyze`); empty until then.
    #[serde(default)]
    pub names: Vec<NameGroup>,
}

/// The analyser with its models loaded once; cheap to call many times.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    ner: Option<NerModel>,
    clauses: Option<ClauseModel>,
}

impl Analyzer {
    /// An analyser without an entity model: quotes and speakers only.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An analyser that also tags entities with the model in `ner_bytes`
    /// (the contents of `static/models/ner-v4.bin`).
    ///
    /// # Errors
    /// When the bytes are not a model this build can read.
    pub fn with_ner_model(ner_bytes: &[u8]) -> Result<Self, ModelError> {
        Ok(Self {
            ner: Some(NerModel::from_bytes(ner_bytes)?),
            clauses: None,
        })
    }

    /// The analyser, also finding reported speech with the learned model in
    /// `bytes` (the contents of `static/models/clauses-v2.bin`) where no
    /// rule finds a quote.
    ///
    /// # Errors
    /// When the bytes are not a clause model this build can read.
    pub fn with_clause_model(mut self, bytes: &[u8]) -> Result<Self, ClauseModelError> {
        self.set_clause_model(bytes)?;
        Ok(self)
    }

    /// Loads the entity model in `bytes` in place (the contents of
    /// `static/models/ner-v4.bin`): on an error the analyser stays as it was.
    ///
    /// # Errors
    /// When the bytes are not a model this build can read.
    pub fn set_ner_model(&mut self, bytes: &[u8]) -> Result<(), ModelError> {
        self.ner = Some(NerModel::from_bytes(bytes)?);
        Ok(())
    }

    /// [`Analyzer::with_clause_model`] in place: on an error the analyser
    /// stays as it was.
    ///
    /// # Errors
    /// When the bytes are not a clause model this build can read.
    pub fn set_clause_model(&mut self, bytes: &[u8]) -> Result<(), ClauseModelError> {
        self.clauses = Some(ClauseModel::from_bytes(bytes)?);
        Ok(())
    }

    /// Whether an entity model is loaded.
    #[must_use]
    pub fn has_ner(&self) -> bool {
        self.ner.is_some()
    }

    /// Analyses `text`. Never panics, whatever the input; the time taken
    /// grows linearly with the length of the text.
    #[must_use]
    pub fn analyze(&self, text: &str) -> Analysis {
        analyze_with(text, self.ner.as_ref(), self.clauses.as_ref(), None)
    }

    /// Analyses `text` and returns, for each pronoun speaker, the candidates
    /// the speaker ranker weighed (what `saidwho-train speakers` learns from).
    #[must_use]
    pub fn pronoun_traces(&self, text: &str) -> Vec<PronounTrace> {
        let mut trace = Vec::new();
        let _ = analyze_with(
            text,
            self.ner.as_ref(),
            self.clauses.as_ref(),
            Some(&mut trace),
        );
        trace
    }
}

impl Analysis {
    /// Groups the entities by what they name into [`Analysis::names`] (after
    /// the whole text is analysed: once pieces of a long text are joined).
    pub fn group_names(&mut self, text: &str) {
        self.names = group_names(text, &self.entities);
    }
}

/// Analyses `text` without models (no entities). Never panics, whatever the
/// input; the time taken grows linearly with the length of the text.
#[must_use]
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, None, None, None)
}

/// The pipeline: tokens, paragraphs, sentences, entities (with a model),
/// quotes, speakers (which read the entities: "he" is not a place).
fn analyze_with(
    text: &str,
    model: Option<&NerModel>,
    clauses: Option<&ClauseModel>,
    trace: Option<&mut Vec<PronounTrace>>,
) -> Analysis {
    let tokens = tokenize(text);
    let paragraphs = paragraphs(text);
    let sentences = sentences(text, &paragraphs, &tokens);
    let entities = model.map_or_else(Vec::new, |model| {
        let ntoks = ner_tokens(text, &tokens);
        let names = tag_entities(text, &sentences, &ntoks, model);
        merge(names, numeric_entities(text, &sentences, &ntoks))
    });
    let scan = scan_marks(text, &paragraphs);
    let doc = Doc::new(text, &tokens, &sentences, &paragraphs);
    let mut attributed = attribute(&doc, &scan);
    if let Some(clauses) = clauses {
        // The clause tagger reads the entity model's word clusters.
        let lexicon: &dyn crate::ner::lexicon::Lexicon = match model {
            Some(m) => m,
            None => &(),
        };
        learned_clauses(&doc, clauses, lexicon, &mut attributed);
    }
    // After the tagger: its clauses have passives too ("she is expected to").
    crate::attribution::clear_agentless_speakers(&doc, &mut attributed);
    crate::attribution::prefer_reporting_subject(&doc, &mut attributed);
    classify_all(text, &mut attributed);
    let marked: Vec<TextRange> = scan.quotes.iter().map(|q| q.range).collect();
    let speakers = resolve_traced(&doc, &mut attributed, &marked, &entities, trace);
    rate_all(&mut attributed);
    let quotes = attributed.into_iter().map(|a| a.quote).collect();
    Analysis {
        text_len: u32::try_from(text.len()).unwrap_or(u32::MAX),
        paragraphs,
        sentences,
        tokens,
        quotes,
        speakers,
        entities,
        names: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_gives_empty_analysis() {
        assert_eq!(analyze(""), Analysis::default());
        let a = analyze("  \n\n ");
        assert!(a.paragraphs.is_empty() && a.sentences.is_empty() && a.quotes.is_empty());
    }

    #[test]
    fn stages_fit_together() {
        let t = "Title\n\n“We will win,” said Ms Kaori. She left.\n\nMr. Vegard agreed.";
        let a = analyze(t);
        assert_eq!(a.paragraphs.len(), 3);
        let s: Vec<_> = a.sentences.iter().map(|r| r.slice(t)).collect();
        assert_eq!(
            s,
            [
                "Title",
                "“We will win,” said Ms Kaori.",
                "She left.",
                "Mr. Vegard agreed."
            ]
        );
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.quotes[0].range.slice(t), "“We will win,”");
        assert_eq!(a.speakers[0].name, "Kaori");
    }

    #[test]
    fn serde_round_trip() {
        let a = analyze("“Yes,” he said.");
        let json = serde_json::to_string(&a).unwrap();
        let back: Analysis = serde_json::from_str(&json).unwrap();
        assert_eq!(a, back);
    }
}
