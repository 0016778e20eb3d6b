//! Named entities: a statistical tagger for people, organisations, places
//! and other names (averaged perceptron, Viterbi decoding under BIO
//! constraints), trained by `saidwho-train` into a compact model file.

pub mod features;
pub mod hash;
pub mod labels;
pub mod model;
pub mod tagger;

pub use labels::EntityLabel;
pub use model::{ModelError, NerModel};
pub use tagger::{ner_tokens, tag_entities, Entity};
