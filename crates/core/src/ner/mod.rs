//! Named entities: a statistical tagger for people, organisations, places
//! and other names (averaged perceptron, Viterbi decoding under BIO
//! constraints), trained by `saidwho-train` into a compact model file; and
//! dates, times, money and percentages by rules ([`numeric`]).

mod acronyms;
pub mod evidence;
pub mod features;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod numeric;
pub mod tagger;
mod titled;

pub use labels::EntityLabel;
pub use model::{ModelError, NerModel};
pub use tagger::{ner_tokens, sentence_tokens, tag_entities, Entity};
