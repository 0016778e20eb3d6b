//! The analysis web worker: loads the entity model once, then runs
//! [`saidwho_core::Analyzer::analyze`] off the main thread. Long texts are
//! analysed in pieces, reporting progress after each and stopping early when
//! a newer text (or a cancel) arrives.

use std::cell::Cell;
use std::rc::Rc;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use saidwho_core::chunk_ranges;
use saidwho_core::{Analysis, Analyzer};

use crate::protocol::{
    AnalyzeRequest, AnalyzeResponse, ModelState, WorkerInput, WorkerOutput, CHUNK_BYTES,
    CLAUSE_MODEL_URL, NER_MODEL_URL,
};

/// Messages the worker sends itself.
#[derive(Debug)]
pub enum WorkerMsg {
    /// The entity and reported-speech models' bytes arrived (or could not
    /// be had).
    ModelLoaded(Result<Vec<u8>, String>, Result<Vec<u8>, String>),
}

/// Answers each request with [`WorkerOutput`]s; when the entity model
/// arrives after a request, answers the latest one again.
#[derive(Debug, Default)]
pub struct AnalysisWorker {
    analyzer: Rc<Analyzer>,
    model: ModelState,
    last: Option<(AnalyzeRequest, HandlerId)>,
    /// Id of the request that should run; older long analyses stop.
    current: Rc<Cell<u64>>,
}

impl AnalysisWorker {
    fn answer(&self, scope: &WorkerScope<Self>, req: AnalyzeRequest, to: HandlerId) {
        self.current.set(req.id);
        let (analyzer, model, current, scope) = (
            self.analyzer.clone(),
            self.model.clone(),
            self.current.clone(),
            scope.clone(),
        );
        if req.text.len() <= CHUNK_BYTES {
            let started = now_ms();
            let mut analysis = analyzer.analyze(&req.text);
            analysis.group_names(&req.text);
            // The page needs neither tokens nor sentences: less to send and decode.
            analysis.tokens = Vec::new();
            analysis.sentences = Vec::new();
            let elapsed_ms = now_ms() - started;
            scope.respond(
                to,
                WorkerOutput::Done(AnalyzeResponse {
                    id: req.id,
                    analysis,
                    elapsed_ms,
                    model,
                }),
            );
            return;
        }
        // Long text: piece by piece, yielding between pieces so that a newer
        // request or a cancel is seen.
        wasm_bindgen_futures::spawn_local(async move {
            let started = now_ms();
            let mut whole = Analysis::default();
            let pieces = chunk_ranges(&req.text, CHUNK_BYTES);
            for r in pieces {
                if current.get() != req.id {
                    scope.respond(to, WorkerOutput::Cancelled(req.id));
                    return;
                }
                let mut part = analyzer.analyze(r.slice(&req.text));
                part.tokens = Vec::new();
                part.sentences = Vec::new();
                whole.append(part, r.start());
                scope.respond(
                    to,
                    WorkerOutput::Progress {
                        id: req.id,
                        done: r.end(),
                        total: req.text.len(),
                    },
                );
                yield_now().await;
            }
            if current.get() != req.id {
                scope.respond(to, WorkerOutput::Cancelled(req.id));
                return;
            }
            // Names are grouped over the whole text, not piece by piece.
            whole.group_names(&req.text);
            let elapsed_ms = now_ms() - started;
            scope.respond(
                to,
                WorkerOutput::Done(AnalyzeResponse {
                    id: req.id,
                    analysis: whole,
                    elapsed_ms,
                    model,
                }),
            );
        });
    }
}

impl Worker for AnalysisWorker {
    type Message = WorkerMsg;
    type Input = WorkerInput;
    type Output = WorkerOutput;

    fn create(scope: &WorkerScope<Self>) -> Self {
        scope.send_future(async {
            let ner = fetch_bytes(NER_MODEL_URL).await;
            WorkerMsg::ModelLoaded(ner, fetch_bytes(CLAUSE_MODEL_URL).await)
        });
        Self {
            model: ModelState::Loading,
            ..Self::default()
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: Self::Message) {
        let WorkerMsg::ModelLoaded(ner, clauses) = msg;
        // Without the reported-speech model the rules still find quotes:
        // only the entity model's failure is reported.
        let analyzer = ner.and_then(|ner| {
            let mut a = Analyzer::with_ner_model(&ner).map_err(|e| e.to_string())?;
            if let Ok(bytes) = clauses {
                // On a damaged file the analyser keeps its rules only.
                let _ = a.set_clause_model(&bytes);
            }
            Ok(a)
        });
        self.model = match analyzer {
            Ok(analyzer) => {
                self.analyzer = Rc::new(analyzer);
                ModelState::Ready
            }
            Err(e) => ModelState::Failed(e),
        };
        if let Some((req, to)) = self.last.clone() {
            self.answer(scope, req, to);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        match msg {
            WorkerInput::Analyze(req) => {
                self.last = Some((req.clone(), id));
                self.answer(scope, req, id);
            }
            WorkerInput::Cancel => {
                self.current.set(0);
                self.last = None;
            }
        }
    }
}

/// Lets the worker's event loop run (new messages are received).
#[cfg(target_arch = "wasm32")]
async fn yield_now() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[cfg(not(target_arch = "wasm32"))]
async fn yield_now() {}

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

/// A millisecond clock that works in workers, pages and natively (0, for tests).
pub(crate) fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
