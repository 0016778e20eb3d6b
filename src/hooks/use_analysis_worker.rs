//! The analysis worker: texts go to it (debounced while typing), answers
//! come back as [`Action`]s; a worker that stops answering is replaced.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use crate::browser;
use crate::components::input_panel::EDITOR_LIMIT_BYTES;
use crate::protocol::{AnalyzeRequest, WorkerInput, WorkerOutput, WORKER_LOADER};
use crate::state::{Action, AppState};
use crate::worker::AnalysisWorker;

/// Pause after the last keystroke before analysing, in milliseconds.
pub const DEBOUNCE_MS: u32 = 120;

/// How long the worker may take before it is considered stuck: generous,
/// and longer for long texts (wasm analyses well over 1 MB/s).
#[must_use]
pub fn watchdog_ms(bytes: usize) -> u32 {
    let per_mb = u32::try_from(bytes / 1_048_576).unwrap_or(u32::MAX);
    15_000u32.saturating_add(per_mb.saturating_mul(5_000))
}

/// What the page does with the worker.
pub struct AnalysisWorkerHandle {
    /// The text changed: keep it and analyse it (an empty text clears).
    pub on_text: Callback<String>,
    /// Stop the analysis in progress.
    pub on_cancel: Callback<()>,
}

/// Starts the worker (again after it stalled) and returns what sends it work.
#[hook]
pub fn use_analysis_worker(state: &UseReducerHandle<AppState>) -> AnalysisWorkerHandle {
    let bridge: Rc<WorkerBridge<AnalysisWorker>> = {
        let dispatcher = state.dispatcher();
        // A new worker whenever the last one stopped answering.
        use_memo(state.worker_generation, move |_| spawn(dispatcher))
    };
    let next_id: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let on_text = {
        let (dispatcher, bridge) = (state.dispatcher(), bridge.clone());
        Callback::from(move |text: String| {
            dispatcher.dispatch(Action::Edit(text.clone()));
            if let Some(t) = timer.borrow_mut().take() {
                t.cancel();
            }
            if text.trim().is_empty() {
                dispatcher.dispatch(Action::Clear);
                browser::save_text("");
                return;
            }
            // Long texts come whole (a paste or a file), not keystroke by
            // keystroke: no reason to wait.
            let delay = if text.len() > EDITOR_LIMIT_BYTES {
                0
            } else {
                DEBOUNCE_MS
            };
            let (bridge, next_id, dispatcher) =
                (bridge.clone(), next_id.clone(), dispatcher.clone());
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                let id = {
                    let mut n = next_id.borrow_mut();
                    *n += 1;
                    *n
                };
                send(&bridge, &dispatcher, id, text);
            }));
        })
    };
    let on_cancel = {
        let (dispatcher, bridge) = (state.dispatcher(), bridge);
        let pending: Vec<u64> = state.pending.iter().map(|(id, _)| *id).collect();
        Callback::from(move |()| {
            bridge.send(WorkerInput::Cancel);
            for &id in &pending {
                dispatcher.dispatch(Action::Cancelled(id));
            }
        })
    };
    AnalysisWorkerHandle { on_text, on_cancel }
}

/// A new worker whose answers become actions.
fn spawn(dispatcher: UseReducerDispatcher<AppState>) -> WorkerBridge<AnalysisWorker> {
    AnalysisWorker::spawner()
        .callback(move |out| match out {
            WorkerOutput::Done(resp) => dispatcher.dispatch(Action::Received(Rc::new(resp))),
            WorkerOutput::Progress { id, done, total } => {
                dispatcher.dispatch(Action::Progress(id, done, total));
            }
            WorkerOutput::Cancelled(id) => dispatcher.dispatch(Action::Cancelled(id)),
        })
        .with_loader(true)
        .as_module(true)
        .spawn(WORKER_LOADER)
}

/// Sends request `id` for `text`, keeps the text for the next visit, and
/// watches for a worker that dies (a panic) or hangs.
fn send(
    bridge: &WorkerBridge<AnalysisWorker>,
    dispatcher: &UseReducerDispatcher<AppState>,
    id: u64,
    text: String,
) {
    browser::save_text(&text);
    let shared: Rc<str> = Rc::from(text.as_str());
    let deadline = watchdog_ms(text.len());
    bridge.send(WorkerInput::Analyze(AnalyzeRequest { id, text }));
    dispatcher.dispatch(Action::Sent(id, shared));
    let dispatcher = dispatcher.clone();
    Timeout::new(deadline, move || dispatcher.dispatch(Action::Stalled(id))).forget();
}
