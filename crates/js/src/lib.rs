//! saidwho for JavaScript: the core compiled to WebAssembly. The npm package
//! (`crates/js/npm/`) wraps these bindings: `import init, { analyze } from
//! 'saidwho'` returns plain objects whose offsets are UTF-16 code units, the
//! indices of JavaScript strings.

use saidwho_core::output::{OffsetUnit, Report};
use wasm_bindgen::prelude::*;

/// An analyser; models are given as bytes (fetched or bundled by the
/// caller, see the npm package's `init`).
#[wasm_bindgen]
pub struct Analyzer {
    inner: saidwho_core::Analyzer,
}

#[wasm_bindgen]
impl Analyzer {
    /// An analyser without models: quotes and speakers, no names.
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> Self {
        Self {
            inner: saidwho_core::Analyzer::new(),
        }
    }

    /// Loads the entity model (`ner-v4.bin`).
    ///
    /// # Errors
    /// When the bytes are not a model this build reads.
    #[wasm_bindgen(js_name = loadEntityModel)]
    pub fn load_entity_model(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.inner
            .set_ner_model(bytes)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Loads the reported-speech model (`clauses-v2.bin`).
    ///
    /// # Errors
    /// When the bytes are not a model this build reads.
    #[wasm_bindgen(js_name = loadClauseModel)]
    pub fn load_clause_model(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.inner
            .set_clause_model(bytes)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The analysis of `text` as JSON, offsets in UTF-16 code units.
    #[wasm_bindgen(js_name = analyzeJson)]
    #[must_use]
    pub fn analyze_json(&self, text: &str) -> String {
        report_json(&self.inner, text)
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

/// The analysis of `text` by `analyzer` as JSON in UTF-16 offsets.
fn report_json(analyzer: &saidwho_core::Analyzer, text: &str) -> String {
    let mut analysis = analyzer.analyze(text);
    analysis.group_names(text);
    let report = Report::new(text, &analysis, OffsetUnit::Utf16, false);
    serde_json::to_string(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_code_units() {
        let text = "😀 “Oui,” she said.";
        let v: serde_json::Value =
            serde_json::from_str(&Analyzer::new().analyze_json(text)).unwrap();
        assert_eq!(v["offsets"], "utf-16");
        // 😀 is two UTF-16 units, then a space.
        assert_eq!(v["quotes"][0]["span"], serde_json::json!([3, 9]));
    }
}
