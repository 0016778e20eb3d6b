//! The analyser exported to JavaScript for the in-browser benchmark
//! (`cargo xtask bench-web`), which times it against compromise in the same
//! page. Not part of the app.

use saidwho_core::Analyzer;
use wasm_bindgen::prelude::*;

/// An analyser with its model loaded.
#[wasm_bindgen]
pub struct Bench {
    analyzer: Analyzer,
}

#[wasm_bindgen]
impl Bench {
    /// Loads the entity model from its bytes.
    ///
    /// # Errors
    /// When the bytes are not a model.
    #[wasm_bindgen(constructor)]
    pub fn new(model: &[u8]) -> Result<Bench, JsError> {
        Ok(Self {
            analyzer: Analyzer::with_ner_model(model).map_err(|e| JsError::new(&e.to_string()))?,
        })
    }

    /// Analyses `text`; returns the number of quotes plus entities found
    /// (so the work cannot be optimised away).
    pub fn analyze(&self, text: &str) -> u32 {
        let a = self.analyzer.analyze(text);
        (a.quotes.len() + a.entities.len()) as u32
    }
}

fn main() {}
