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
    /// Loads the entity and reported-speech models from their bytes.
    ///
    /// # Errors
    /// When the bytes are not models.
    #[wasm_bindgen(constructor)]
    pub fn new(model: &[u8], clauses: &[u8]) -> Result<Bench, JsError> {
        let error = |e: String| JsError::new(&e);
        let analyzer = Analyzer::with_ner_model(model).map_err(|e| error(e.to_string()))?;
        Ok(Self {
            analyzer: analyzer
                .with_clause_model(clauses)
                .map_err(|e| error(e.to_string()))?,
        })
    }

    /// Analyses `text` as the worker does (names grouped too); returns the
    /// number of quotes plus names found (so the work cannot be optimised away).
    pub fn analyze(&self, text: &str) -> u32 {
        let mut a = self.analyzer.analyze(text);
        a.group_names(text);
        (a.quotes.len() + a.names.len()) as u32
    }

    /// Milliseconds per run of each stage on `text` (tokens, sentences, quotes,
    /// speakers, entities, paragraphs, then the whole analysis), each averaged over `runs`
    /// runs, so that a slow stage in wasm can be found.
    pub fn stages(&self, text: &str, runs: u32, model: &[u8]) -> Result<Vec<f64>, JsError> {
        use saidwho_core::stages::numeric_entities;
        use saidwho_core::stages::{attribute, Doc};
        use saidwho_core::stages::{ner_tokens, tag_entities, NerModel};
        use saidwho_core::stages::{paragraphs, resolve, scan_marks, sentences, tokenize};
        use saidwho_core::TextRange;
        let model = NerModel::from_bytes(model).map_err(|e| JsError::new(&e.to_string()))?;
        let clock = web_sys::window()
            .and_then(|w| w.performance())
            .ok_or_else(|| JsError::new("no performance clock"))?;
        let runs = runs.max(1);
        let time = |f: &mut dyn FnMut() -> usize| {
            let start = clock.now();
            let mut sink = 0;
            for _ in 0..runs {
                sink += f();
            }
            std::hint::black_box(sink);
            (clock.now() - start) / f64::from(runs)
        };
        let toks = tokenize(text);
        let paras = paragraphs(text);
        let sents = sentences(text, &paras, &toks);
        let scan = scan_marks(text, &paras);
        let doc = Doc::new(text, &toks, &sents, &paras);
        let att = attribute(&doc, &scan);
        let marked: Vec<TextRange> = scan.quotes.iter().map(|q| q.range).collect();
        Ok(vec![
            time(&mut || tokenize(text).len()),
            time(&mut || sentences(text, &paragraphs(text), &toks).len()),
            time(&mut || {
                let scan = scan_marks(text, &paras);
                attribute(&Doc::new(text, &toks, &sents, &paras), &scan).len()
            }),
            time(&mut || resolve(&doc, &mut att.clone(), &marked, &[]).len()),
            time(&mut || {
                let ntoks = ner_tokens(text, &toks);
                tag_entities(text, &sents, &ntoks, &model).len()
                    + numeric_entities(text, &sents, &ntoks).len()
            }),
            time(&mut || paragraphs(text).len()),
            time(&mut || self.analyzer.analyze(text).quotes.len()),
        ])
    }
}

fn main() {}
