//! # saidwho-core
//!
//! The pure analysis core of saidwho: `text -> Analysis`. No I/O, no web
//! dependencies; the web app, its worker, the CLI and the tests are thin
//! shells around [`Analyzer::analyze`].
//!
//! ```
//! use saidwho_core::{analyze, output::{OffsetUnit, Report}};
//!
//! let text = "“We will rebuild,” said Mayor Keiko Tanaka. “Every house.”";
//! let analysis = analyze(text);
//! let quote = &analysis.quotes[0];
//! assert_eq!(analysis.speakers[0].name, "Keiko Tanaka");
//! assert_eq!(quote.found_by.as_str(), "one-quote-two-parts");
//! // Every JSON saidwho writes comes from one model, in one offset unit.
//! let report = Report::new(text, &analysis, OffsetUnit::CodePoints, false);
//! assert_eq!(report.quotes[0].core.speaker.as_deref(), Some("Keiko Tanaka"));
//! ```
//!
//! Data flows one way, one module per stage: text → tokens → paragraphs →
//! sentences → quotation marks → attribution (the named rules of
//! [`rules`]: cues, speaker mentions, indirect speech) → speakers → entities
//! (with an entity model, [`Analyzer::with_ner_model`]) → names. Every span
//! is a [`TextRange`] of byte offsets; [`OffsetIndex`] converts them to
//! UTF-16 (DOM) and code-point (evaluation format) offsets, and [`output`]
//! writes them in one declared unit.
//!
//! The public API is what this page lists; the stages themselves are for the
//! project's own benchmarks, training and fuzzing ([`stages`], hidden, not
//! stable).

mod analysis;
mod attribution;
mod chain;
mod chunks;
pub mod corpus;
pub mod corrections;
pub mod export;
pub mod extract;
mod names;
mod ner;
mod offsets;
pub mod output;
mod paragraphs;
mod quotes;
mod ranker;
mod sentences;
mod span;
mod speakers;
mod tokens;

pub use analysis::{analyze, Analysis, Analyzer};
pub use attribution::learned::ClauseModelError;
pub use attribution::lexicon::Gender;
pub use attribution::{CueClass, Quote, QuoteEdits, QuoteKind};
pub use chunks::chunk_ranges;
pub use names::NameGroup;
pub use ner::{Entity, EntityLabel, ModelError};
pub use offsets::OffsetIndex;
pub use span::{TextRange, TokenSpan};
pub use speakers::{Speaker, SpeakerEdits, SpeakerRule};

/// This version of saidwho, as written in every prediction record.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub use tokens::{Token, TokenKind};

/// The attribution rules: their ids (each quote's provenance), their
/// registry with docs and cases, and `docs/rules.md`.
pub mod rules {
    pub use crate::attribution::rules::{rules_markdown, Case, Expect, Rule, RuleId, Stage, RULES};
}

/// Stage-by-stage access for the project's own benchmarks, entity-model
/// training and fuzzing. Not a stable API: use [`Analyzer`].
#[doc(hidden)]
pub mod stages {
    pub use crate::attribution::attribute;
    pub use crate::attribution::doc::Doc;
    pub use crate::attribution::learned;
    pub use crate::chain::ChainScores;
    pub use crate::ner::numeric::numeric_entities;
    pub use crate::ner::{ner_tokens, sentence_tokens, tag_entities, NerModel};
    pub use crate::paragraphs::paragraphs;
    pub use crate::quotes::scan_marks;
    pub use crate::sentences::sentences;
    pub use crate::speakers::{resolve, resolve_traced, PronounTrace};

    /// The speaker ranker's insides, for `saidwho-train speakers`.
    pub mod ranker {
        pub use crate::ranker::{
            candidate_features, none_features, Candidate, Pronoun, Ranker, RankerError,
            FORMAT_VERSION, MODEL_NAME,
        };
    }
    pub use crate::tokens::{tokenize, tokenize_reference};

    /// The entity model's insides, for `saidwho-train`.
    pub mod ner {
        pub use crate::ner::evidence::{DocEvidence, History};
        pub use crate::ner::features::{
            extract_prepared, is_all_caps_sentence, is_headline, Need, Prepared,
        };
        pub use crate::ner::labels::{tag_of, N_TAGS};
        pub use crate::ner::lexicon::{
            list, phrase_key, word_key, Lexicon, WordInfo, CLUSTER_BITS, CLUSTER_LEVELS,
            MAX_PHRASE_WORDS,
        };
        pub use crate::ner::model::{is_candidate, viterbi, ModelParts, FORMAT_VERSION};
    }
}
