//! The root component: owns the state and the worker bridge.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use crate::browser;
use crate::components::article_view::ArticleView;
use crate::components::entities_panel::EntitiesPanel;
use crate::components::input_panel::{InputPanel, EDITOR_LIMIT_BYTES};
use crate::components::legend::Legend;
use crate::components::speakers_panel::SpeakersPanel;
use crate::components::status_bar::StatusBar;
use crate::components::toolbar::Toolbar;
use crate::file_load::read_file;
use crate::frame::EarlyInput;
use crate::hooks::use_page_drop;
use crate::permalink;
use crate::protocol::{AnalyzeRequest, WorkerInput, WorkerOutput, WORKER_LOADER};
use crate::state::{Action, AppState, Notice};
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

/// Where the example article is, relative to the page.
pub const EXAMPLE_URL: &str = "./examples/seed.txt";

/// Properties of [`App`].
#[derive(Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// What the person did with the static frame before the app started.
    #[prop_or_default]
    pub early: Rc<EarlyInput>,
}

/// The saidwho page below its header (the header is static HTML in
/// `index.html`, drawn at once and never replaced).
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(AppState::default);
    let bridge: Rc<WorkerBridge<AnalysisWorker>> = {
        let dispatcher = state.dispatcher();
        // A new worker whenever the last one stopped answering.
        use_memo(state.worker_generation, move |_| {
            AnalysisWorker::spawner()
                .callback(move |out| match out {
                    WorkerOutput::Done(resp) => {
                        dispatcher.dispatch(Action::Received(Rc::new(resp)))
                    }
                    WorkerOutput::Progress { id, done, total } => {
                        dispatcher.dispatch(Action::Progress(id, done, total))
                    }
                    WorkerOutput::Cancelled(id) => dispatcher.dispatch(Action::Cancelled(id)),
                })
                .with_loader(true)
                .as_module(true)
                .spawn(WORKER_LOADER)
        })
    };
    let next_id: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    let on_text = {
        let dispatcher = state.dispatcher();
        let bridge = bridge.clone();
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
            let (bridge, next_id, dispatcher) =
                (bridge.clone(), next_id.clone(), dispatcher.clone());
            // Long texts come whole (a paste or a file), not keystroke by
            // keystroke: no reason to wait.
            let delay = if text.len() > EDITOR_LIMIT_BYTES {
                0
            } else {
                DEBOUNCE_MS
            };
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                let id = {
                    let mut n = next_id.borrow_mut();
                    *n += 1;
                    *n
                };
                browser::save_text(&text);
                let shared: Rc<str> = Rc::from(text.as_str());
                let deadline = watchdog_ms(text.len());
                bridge.send(WorkerInput::Analyze(AnalyzeRequest { id, text }));
                dispatcher.dispatch(Action::Sent(id, shared));
                // If the worker dies (a panic) or hangs, say so and start a new one.
                let dispatcher = dispatcher.clone();
                Timeout::new(deadline, move || dispatcher.dispatch(Action::Stalled(id))).forget();
            }));
        })
    };
    let on_notice = {
        let dispatcher = state.dispatcher();
        Callback::from(move |n| dispatcher.dispatch(Action::Notify(n)))
    };
    // A text from outside the editor (file, example, link, last visit).
    let on_load = {
        let (dispatcher, on_text) = (state.dispatcher(), on_text.clone());
        Callback::from(move |text: String| {
            on_text.emit(text);
            dispatcher.dispatch(Action::Loaded);
        })
    };

    let on_example = {
        let (on_text, on_notice) = (on_load.clone(), on_notice.clone());
        Callback::from(move |()| {
            let (on_text, on_notice) = (on_text.clone(), on_notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match browser::fetch_text(EXAMPLE_URL).await {
                    Ok(text) => on_text.emit(text),
                    Err(e) => on_notice.emit(Notice::error(format!(
                        "The example could not be loaded: {e}"
                    ))),
                }
            });
        })
    };
    // On first render: what the person did before the app was ready, else
    // the text of a shared link, else the text kept from last time.
    {
        let (on_load, on_notice, on_example) =
            (on_load.clone(), on_notice.clone(), on_example.clone());
        let early = props.early.clone();
        use_effect_with((), move |()| {
            browser::register_service_worker();
            start_with(&early, &on_load, &on_notice, &on_example);
        });
    }
    let on_file = {
        let (on_load, on_notice) = (on_load.clone(), on_notice.clone());
        Callback::from(move |file| read_file(file, on_load.clone(), on_notice.clone()))
    };
    let dragging = use_page_drop(on_file);

    let on_edit_text = {
        let on_text = on_text.clone();
        Callback::from(move |text: String| {
            // The address bar no longer describes the text once it changes.
            if browser::fragment().len() > 1 {
                browser::clear_fragment();
            }
            on_text.emit(text);
        })
    };
    let hidden = use_state(Vec::<&'static str>::new);
    let on_toggle = {
        let hidden = hidden.clone();
        Callback::from(move |key: &'static str| {
            let mut next = (*hidden).clone();
            if let Some(i) = next.iter().position(|&k| k == key) {
                next.remove(i);
            } else {
                next.push(key);
            }
            hidden.set(next);
        })
    };
    let on_cancel = {
        let (dispatcher, bridge) = (state.dispatcher(), bridge.clone());
        let pending: Vec<u64> = state.pending.iter().map(|(id, _)| *id).collect();
        Callback::from(move |()| {
            bridge.send(WorkerInput::Cancel);
            for &id in &pending {
                dispatcher.dispatch(Action::Cancelled(id));
            }
        })
    };
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Dismiss))
    };

    html! {
        <>
            <main class="layout">
                <InputPanel text={AttrValue::from(state.text.clone())} text_version={state.text_version}
                    on_text={on_edit_text} on_load={on_load.clone()} on_notice={on_notice.clone()} {on_example} />
                <section class="results" aria-label="Analysis"
                    data-analysed-length={state.shown.as_ref().map(|s| s.utf16_len.to_string())}
                    data-analysis-id={state.shown.as_ref().map(|s| s.id.to_string())}>
                    <StatusBar busy={state.busy()} pending_bytes={state.pending_bytes()} shown={state.shown.clone()}
                        notice={state.notice.clone()} {on_dismiss} on_accept={on_load.clone()}
                        progress={state.progress} {on_cancel} />
                    if let Some(shown) = state.shown.clone() {
                        <Toolbar shown={shown.clone()} text={state.text.clone()} on_notice={on_notice.clone()} />
                        <Legend hidden={(*hidden).clone()} {on_toggle} />
                        <ArticleView shown={shown.clone()} hidden={(*hidden).clone()} />
                        <SpeakersPanel shown={shown.clone()} on_notice={on_notice.clone()} />
                        <EntitiesPanel {shown} />
                    } else if !state.text.is_empty() && state.text.trim().is_empty() {
                        <p class="placeholder" role="status">{ "The text is only spaces and line breaks: there is nothing to analyse yet." }</p>
                    } else {
                        <p class="placeholder">{ "Paste or drop an article — or try the example — to see who is quoted." }</p>
                    }
                </section>
            </main>
            if dragging {
                <div class="drop-overlay" data-drop-overlay="" aria-hidden="true">
                    <p>{ "Drop the file to analyse it" }</p>
                </div>
            }
        </>
    }
}

/// Starts the page with the first of: a file dropped or picked before the
/// app was ready, a click on "Try an example", text typed into the static
/// frame, the text of a shared link, the text kept from the last visit.
fn start_with(
    early: &EarlyInput,
    on_load: &Callback<String>,
    on_notice: &Callback<Notice>,
    on_example: &Callback<()>,
) {
    if let Some(file) = early.file.clone() {
        read_file(file, on_load.clone(), on_notice.clone());
    } else if early.example {
        on_example.emit(());
    } else if !early.text.is_empty() {
        on_load.emit(early.text.clone());
        if let Some((start, end)) = early.focus {
            // After the editor shows the text: the caret where it was.
            Timeout::new(0, move || browser::focus_editor(start, end)).forget();
        }
        return;
    } else {
        let fragment = browser::fragment();
        if fragment.len() > 1 {
            match permalink::decode(&fragment) {
                Ok(text) => on_load.emit(text),
                Err(e) => on_notice.emit(Notice::error(e.to_string())),
            }
        } else if let Some(text) = browser::load_text() {
            on_load.emit(text);
        }
    }
    if let Some((start, end)) = early.focus {
        browser::focus_editor(start, end);
    }
}
