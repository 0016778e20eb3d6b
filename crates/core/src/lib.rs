//! # saidwho-core
//!
//! The pure analysis core of saidwho: `text -> Analysis`. No I/O, no web
//! dependencies; the web app, its worker, the CLI and the tests are thin shells
//! around [`analyze`].
//!
//! Data flows one way, one module per stage:
//! text → [`tokens`] → [`paragraphs`] → [`sentences`] → [`quotes`] (marks) →
//! [`attribution`] (cues, speaker mentions, indirect speech) → [`speakers`].
//! Every span is a [`TextRange`] of byte offsets; [`offsets::OffsetIndex`]
//! converts them to UTF-16 (DOM) and code-point (evaluation format) offsets.

pub mod analysis;
pub mod attribution;
pub mod chunks;
pub mod export;
pub mod extract;
pub mod names;
pub mod ner;
pub mod offsets;
pub mod output;
pub mod paragraphs;
pub mod quotes;
pub mod sentences;
pub mod span;
pub mod speakers;
pub mod tokens;

pub use analysis::{analyze, Analysis, Analyzer};
pub use attribution::{Quote, QuoteKind};
pub use names::NameGroup;
pub use ner::{Entity, EntityLabel};
pub use offsets::OffsetIndex;
pub use span::TextRange;
pub use speakers::Speaker;
pub use tokens::{Token, TokenKind};
