//! `saidwho._saidwho`: the saidwho core for Python (wrapped by the `saidwho`
//! package in `python/saidwho/`). The models are inside the extension, so
//! an `Analyzer` is ready without files or downloads. Results cross into
//! Python as JSON text of the core's one output model, turned into dicts
//! by `json.loads`.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use saidwho_core::output::{OffsetUnit, Prediction, PredictionRecord, Report, Versions};

const NER_MODEL: &[u8] = include_bytes!("../../../static/models/ner-v4.bin");
const CLAUSE_MODEL: &[u8] = include_bytes!("../../../static/models/clauses-v2.bin");

/// The versioned names of the models inside this build.
fn models() -> Vec<String> {
    [
        "ner-v4",
        "clauses-v2",
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
    fn report_json(&self, text: &str) -> String {
        let mut analysis = self.inner.analyze(text);
        analysis.group_names(text);
        // With paragraphs and sentences, as `saidwho analyze --json` writes it.
        let report = Report::new(text, &analysis, OffsetUnit::CodePoints, true);
        serde_json::to_string(&report).unwrap_or_default()
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

    /// The analyses of `texts` as dicts, in order, on `threads` threads
    /// (0: every core). The analyses run without the GIL; this thread
    /// analyses too and, in between, turns finished ones into Python
    /// objects (which needs the GIL), so every core stays busy.
    #[pyo3(signature = (texts, threads = 0))]
    fn analyze_many(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: usize,
    ) -> PyResult<Vec<PyObject>> {
        let loads = py.import("json")?.getattr("loads")?;
        let to_py = |json: String| -> PyResult<PyObject> { Ok(loads.call1((json,))?.unbind()) };
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            threads
        };
        let mut out: Vec<Option<PyObject>> = texts.iter().map(|_| None).collect();
        let next = AtomicUsize::new(0);
        let (send, receive) = std::sync::mpsc::channel::<(usize, String)>();
        std::thread::scope(|s| -> PyResult<()> {
            for _ in 1..threads.clamp(1, texts.len().max(1)) {
                let send = send.clone();
                let (texts, next) = (&texts, &next);
                s.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(t) = texts.get(i) else { break };
                    if send.send((i, self.report_json(t))).is_err() {
                        break;
                    }
                });
            }
            drop(send);
            loop {
                while let Ok((i, json)) = receive.try_recv() {
                    out[i] = Some(to_py(json)?);
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(t) = texts.get(i) else { break };
                let json = py.allow_threads(|| self.report_json(t));
                out[i] = Some(to_py(json)?);
            }
            for (i, json) in receive {
                out[i] = Some(to_py(json)?);
            }
            Ok(())
        })?;
        Ok(out
            .into_iter()
            .map(|o| o.unwrap_or_else(|| py.None()))
            .collect())
    }
}

/// The extension module.
#[pymodule]
fn _saidwho(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analyzer>()?;
    m.add("__version__", saidwho_core::VERSION)?;
    m.add("MODELS", models())?;
    Ok(())
}
