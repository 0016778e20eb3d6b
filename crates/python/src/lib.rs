//! `saidwho._saidwho`: the saidwho core for Python (wrapped by the `saidwho`
//! package in `python/saidwho/`). The models are inside the extension, so
//! an `Analyzer` is ready without files or downloads. Results cross into
//! Python as JSON text (the core's one output model), which the package
//! turns into dicts.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use saidwho_core::output::{OffsetUnit, Prediction, PredictionRecord, Report, Versions};

const NER_MODEL: &[u8] = include_bytes!("../../../static/models/ner-v4.bin");
const CLAUSE_MODEL: &[u8] = include_bytes!("../../../static/models/clauses-v1.bin");

/// The versioned names of the models inside this build.
fn models() -> Vec<String> {
    [
        "ner-v4",
        "clauses-v1",
        saidwho_core::stages::ranker::MODEL_NAME,
    ]
    .iter()
    .map(|&m| m.to_owned())
    .collect()
}

/// A reusable analyser with its models loaded.
#[pyclass(frozen, module = "saidwho._saidwho")]
struct Analyzer {
    inner: saidwho_core::Analyzer,
}

impl Analyzer {
    fn report(&self, text: &str) -> Report {
        let mut analysis = self.inner.analyze(text);
        analysis.group_names(text);
        Report::new(text, &analysis, OffsetUnit::CodePoints, false)
    }

    fn report_json(&self, text: &str) -> String {
        serde_json::to_string(&self.report(text)).unwrap_or_default()
    }

    fn record_json(&self, id: &str, text: &str, with_rules: bool) -> String {
        let record = PredictionRecord {
            prediction: Prediction::new(id, text, &self.inner.analyze(text), with_rules),
            versions: Versions {
                saidwho: saidwho_core::VERSION.to_owned(),
                models: models(),
            },
        };
        serde_json::to_string(&record).unwrap_or_default()
    }
}

#[pymethods]
impl Analyzer {
    #[new]
    fn new() -> PyResult<Self> {
        let fail = |e: &dyn std::fmt::Display| {
            PyValueError::new_err(format!("the built-in models do not load: {e}"))
        };
        let inner = saidwho_core::Analyzer::with_ner_model(NER_MODEL)
            .map_err(|e| fail(&e))?
            .with_clause_model(CLAUSE_MODEL)
            .map_err(|e| fail(&e))?;
        Ok(Self { inner })
    }

    /// The analysis of `text` as JSON (code-point offsets).
    fn analyze_json(&self, py: Python<'_>, text: &str) -> String {
        py.allow_threads(|| self.report_json(text))
    }

    /// The prediction record of document `id` as JSON, as `saidwho
    /// predict` writes it.
    #[pyo3(signature = (id, text, with_rules = false))]
    fn predict_json(&self, py: Python<'_>, id: &str, text: &str, with_rules: bool) -> String {
        py.allow_threads(|| self.record_json(id, text, with_rules))
    }

    /// The analyses of `texts` as JSON, in order, on `threads` threads with
    /// the GIL released.
    #[pyo3(signature = (texts, threads = 0))]
    fn analyze_many_json(&self, py: Python<'_>, texts: Vec<String>, threads: usize) -> Vec<String> {
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            threads
        };
        py.allow_threads(|| in_parallel(&texts, threads, |t| self.report_json(t)))
    }
}

/// `f` of every item, in order, on `threads` threads.
fn in_parallel(items: &[String], threads: usize, f: impl Fn(&str) -> String + Sync) -> Vec<String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;
    let out: Vec<OnceLock<String>> = items.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(item) = items.get(i) else { break };
        let _ = out[i].set(f(item));
    };
    std::thread::scope(|s| {
        for _ in 1..threads.clamp(1, items.len().max(1)) {
            s.spawn(work);
        }
        work();
    });
    out.into_iter()
        .map(|o| o.into_inner().unwrap_or_default())
        .collect()
}

/// The extension module.
#[pymodule]
fn _saidwho(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analyzer>()?;
    m.add("__version__", saidwho_core::VERSION)?;
    m.add("MODELS", models())?;
    Ok(())
}
