//! The root component: owns the state and the worker bridge.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::input_panel::InputPanel;
use crate::components::legend::Legend;
use crate::components::speakers_panel::SpeakersPanel;
use crate::components::status_bar::StatusBar;
use crate::protocol::{AnalyzeRequest, WORKER_LOADER};
use crate::state::{Action, AppState};
use crate::worker::AnalysisWorker;

/// Pause after the last keystroke before analysing, in milliseconds.
pub const DEBOUNCE_MS: u32 = 120;

/// The saidwho page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let bridge: Rc<WorkerBridge<AnalysisWorker>> = {
        let dispatcher = state.dispatcher();
        use_memo((), move |()| {
            AnalysisWorker::spawner()
                .callback(move |resp| dispatcher.dispatch(Action::Received(Rc::new(resp))))
                .with_loader(true)
                .as_module(true)
                .spawn(WORKER_LOADER)
        })
    };
    let next_id: Rc<RefCell<u64>> = use_mut_ref(|| 0);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    let on_text = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| {
            dispatcher.dispatch(Action::Edit(text.clone()));
            if let Some(t) = timer.borrow_mut().take() {
                t.cancel();
            }
            if text.trim().is_empty() {
                dispatcher.dispatch(Action::Clear);
                return;
            }
            let (bridge, next_id, dispatcher) =
                (bridge.clone(), next_id.clone(), dispatcher.clone());
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                let id = {
                    let mut n = next_id.borrow_mut();
                    *n += 1;
                    *n
                };
                let shared: Rc<str> = Rc::from(text.as_str());
                bridge.send(AnalyzeRequest { id, text });
                dispatcher.dispatch(Action::Sent(id, shared));
            }));
        })
    };
    let on_notice = {
        let dispatcher = state.dispatcher();
        Callback::from(move |n| dispatcher.dispatch(Action::Notify(n)))
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
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(Action::Dismiss))
    };

    html! {
        <>
            <header class="top">
                <h1>{ "saidwho" }</h1>
                <p class="tagline">{ "Who is quoted, and what did they say? Paste an article — it never leaves your browser." }</p>
            </header>
            <main class="layout">
                <InputPanel text={state.text.clone()} {on_text} {on_notice} />
                <section class="results" aria-label="Analysis">
                    <StatusBar busy={state.busy()} shown={state.shown.clone()} notice={state.notice.clone()} {on_dismiss} />
                    if let Some(shown) = state.shown.clone() {
                        <Legend hidden={(*hidden).clone()} {on_toggle} />
                        <ArticleView shown={shown.clone()} hidden={(*hidden).clone()} />
                        <SpeakersPanel {shown} />
                    } else {
                        <p class="placeholder">{ "Paste or drop an article to see its quotes highlighted." }</p>
                    }
                </section>
            </main>
        </>
    }
}
