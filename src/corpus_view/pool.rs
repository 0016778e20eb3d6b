//! The analysis workers of the corpus page: as many as the machine has
//! cores to spare (one to four), each analysing one article at a time from
//! a shared queue, so the page never freezes. An article analysed before
//! the worker's entity model arrived is analysed again once it has it, so
//! the corpus matches `saidwho predict` on the same texts.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use saidwho_core::corpus::{ArticleMeta, Corpus};
use saidwho_core::output::{Prediction, PredictionRecord, Versions};
use yew::prelude::*;

use super::state::{Action, ArticleResult, CorpusState, Phase, StoredArticle};
use crate::protocol::{AnalyzeRequest, AnalyzeResponse, ModelState, WorkerInput, WorkerOutput};
use crate::worker::AnalysisWorker;

/// The worker's loader, relative to the corpus page (`dist/corpus/`).
pub const CORPUS_WORKER_LOADER: &str = "../worker_loader.js";

/// Wait before asking again a worker whose entity model is still loading.
const MODEL_RETRY_MS: u32 = 250;

/// Workers to start: the cores but one, at least one, at most four.
fn worker_count() -> usize {
    let cores = web_sys::window().map_or(2.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).saturating_sub(1).clamp(1, 4)
}

/// What the workers share: the articles of the run, the queue, and which
/// request is which article.
#[derive(Default)]
struct Shared {
    run: u32,
    texts: Vec<Rc<StoredArticle>>,
    queue: VecDeque<usize>,
    asked: HashMap<(usize, u64), usize>,
    next_id: u64,
    bridges: Vec<WorkerBridge<AnalysisWorker>>,
}

/// The result of one article, computed from the worker's answer.
fn result(meta: &ArticleMeta, text: &str, resp: &AnalyzeResponse) -> ArticleResult {
    let mut part = Corpus::new();
    part.add(meta.clone(), text, &resp.analysis);
    let mut models = Vec::new();
    if resp.model == ModelState::Ready {
        models.push("ner-v4".to_owned());
    }
    models.push("clauses-v2".to_owned());
    models.push(saidwho_core::stages::ranker::MODEL_NAME.to_owned());
    let record = PredictionRecord {
        prediction: Prediction::new(&meta.id, text, &resp.analysis, false),
        versions: Versions {
            saidwho: saidwho_core::VERSION.to_owned(),
            models,
        },
    };
    ArticleResult {
        part,
        prediction: serde_json::to_string(&record).unwrap_or_default(),
    }
}

/// Sends worker `w` the next article of the queue, if any.
fn feed(shared: &Rc<RefCell<Shared>>, w: usize) {
    let mut s = shared.borrow_mut();
    let Some(index) = s.queue.pop_front() else {
        return;
    };
    s.next_id += 1;
    let id = s.next_id;
    s.asked.insert((w, id), index);
    let text = s.texts[index].text.clone();
    s.bridges[w].send(WorkerInput::Analyze(AnalyzeRequest { id, text }));
}

/// One worker's answer.
fn answered(
    shared: &Rc<RefCell<Shared>>,
    dispatcher: &UseReducerDispatcher<CorpusState>,
    w: usize,
    resp: &AnalyzeResponse,
) {
    let (index, run, article) = {
        let mut s = shared.borrow_mut();
        let Some(index) = s.asked.remove(&(w, resp.id)) else {
            return;
        };
        (index, s.run, s.texts[index].clone())
    };
    if resp.model == ModelState::Loading {
        shared.borrow_mut().queue.push_front(index);
        let shared = shared.clone();
        Timeout::new(MODEL_RETRY_MS, move || feed(&shared, w)).forget();
        return;
    }
    let result = result(&article.meta, &article.text, resp);
    dispatcher.dispatch(Action::Analysed { run, index, result });
    feed(shared, w);
}

/// Starts the workers once, and a run whenever the state starts one.
#[hook]
pub fn use_worker_pool(state: &UseReducerHandle<CorpusState>) {
    let shared: Rc<RefCell<Shared>> = use_mut_ref(Shared::default);
    {
        let (shared, dispatcher) = (shared.clone(), state.dispatcher());
        use_effect_with((), move |()| {
            let n = worker_count();
            for w in 0..n {
                let (shared2, dispatcher) = (shared.clone(), dispatcher.clone());
                let bridge = AnalysisWorker::spawner()
                    .callback(move |out| {
                        if let WorkerOutput::Done(resp) = out {
                            answered(&shared2, &dispatcher, w, &resp);
                        }
                    })
                    .with_loader(true)
                    .as_module(true)
                    .spawn(CORPUS_WORKER_LOADER);
                shared.borrow_mut().bridges.push(bridge);
            }
        });
    }
    let analysing = matches!(state.phase, Phase::Analysing { .. });
    let handle = state.clone();
    use_effect_with((state.run, analysing), move |&(run, analysing)| {
        let n = {
            let mut s = shared.borrow_mut();
            s.run = run;
            s.asked.clear();
            s.queue.clear();
            if analysing {
                // The texts of the run, shared (not copied) with the state.
                s.texts = handle.articles.clone();
                s.queue.extend(handle.pending());
            } else {
                for b in &s.bridges {
                    b.send(WorkerInput::Cancel);
                }
            }
            s.bridges.len()
        };
        if analysing {
            for w in 0..n {
                feed(&shared, w);
            }
        }
    });
}
