//! The analysis web worker: loads the entity model once, then runs
//! [`saidwho_core::Analyzer::analyze`] off the main thread.

use gloo_worker::{HandlerId, Worker, WorkerScope};
use saidwho_core::Analyzer;

use crate::protocol::{AnalyzeRequest, AnalyzeResponse, ModelState, NER_MODEL_URL};

/// Messages the worker sends itself.
#[derive(Debug)]
pub enum WorkerMsg {
    /// The entity model's bytes arrived (or could not be had).
    ModelLoaded(Result<Vec<u8>, String>),
}

/// Answers each [`AnalyzeRequest`] with an [`AnalyzeResponse`]; when the
/// entity model arrives after a request, answers the latest one again.
#[derive(Debug, Default)]
pub struct AnalysisWorker {
    analyzer: Analyzer,
    model: ModelState,
    last: Option<(AnalyzeRequest, HandlerId)>,
}

impl AnalysisWorker {
    fn answer(&self, scope: &WorkerScope<Self>, req: &AnalyzeRequest, to: HandlerId) {
        let started = now_ms();
        let mut analysis = self.analyzer.analyze(&req.text);
        let elapsed_ms = now_ms() - started;
        analysis.tokens = Vec::new(); // the page does not need them
        scope.respond(
            to,
            AnalyzeResponse {
                id: req.id,
                analysis,
                elapsed_ms,
                model: self.model.clone(),
            },
        );
    }
}

impl Worker for AnalysisWorker {
    type Message = WorkerMsg;
    type Input = AnalyzeRequest;
    type Output = AnalyzeResponse;

    fn create(scope: &WorkerScope<Self>) -> Self {
        scope.send_future(async { WorkerMsg::ModelLoaded(fetch_bytes(NER_MODEL_URL).await) });
        Self {
            analyzer: Analyzer::new(),
            model: ModelState::Loading,
            last: None,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: Self::Message) {
        let WorkerMsg::ModelLoaded(result) = msg;
        self.model = match result
            .and_then(|bytes| Analyzer::with_ner_model(&bytes).map_err(|e| e.to_string()))
        {
            Ok(analyzer) => {
                self.analyzer = analyzer;
                ModelState::Ready
            }
            Err(e) => ModelState::Failed(e),
        };
        if let Some((req, to)) = self.last.take() {
            self.answer(scope, &req, to);
            self.last = Some((req, to));
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        self.answer(scope, &msg, id);
        self.last = Some((msg, id));
    }
}

/// Fetches a file next to the worker script.
#[cfg(target_arch = "wasm32")]
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let describe = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let scope: web_sys::WorkerGlobalScope = js_sys::global()
        .dyn_into()
        .map_err(|_| "not in a worker".to_owned())?;
    let resp: web_sys::Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(describe)?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Outside a browser there is nothing to fetch.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    Err(format!("{url}: no network outside the browser"))
}

/// A millisecond clock that works in workers and natively (for tests).
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
