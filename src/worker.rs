//! The analysis web worker: runs [`saidwho_core::analyze`] off the main thread.

use gloo_worker::{HandlerId, Worker, WorkerScope};

use crate::protocol::{AnalyzeRequest, AnalyzeResponse};

/// Answers each [`AnalyzeRequest`] with an [`AnalyzeResponse`].
#[derive(Debug, Default)]
pub struct AnalysisWorker;

impl Worker for AnalysisWorker {
    type Message = ();
    type Input = AnalyzeRequest;
    type Output = AnalyzeResponse;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Self::Input, id: HandlerId) {
        let started = now_ms();
        let analysis = saidwho_core::analyze(&msg.text);
        let elapsed_ms = now_ms() - started;
        scope.respond(
            id,
            AnalyzeResponse {
                id: msg.id,
                analysis,
                elapsed_ms,
            },
        );
    }
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
