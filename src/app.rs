//! The root component: owns the state and wires the hooks (worker, start,
//! drops, switches) to the components.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::components::article_view::ArticleView;
use crate::components::corrections_bar::CorrectionsBar;
use crate::components::entities_panel::EntitiesPanel;
use crate::components::input_panel::InputPanel;
use crate::components::legend::Legend;
use crate::components::quote_editor::QuoteEditor;
use crate::components::speakers_panel::SpeakersPanel;
use crate::components::status_bar::StatusBar;
use crate::components::toolbar::Toolbar;
use crate::file_load::read_file;
use crate::frame::EarlyInput;
use crate::hooks::{
    use_analysis_worker, use_corrections, use_example, use_page_drop, use_start, use_toggles,
};
use crate::state::{Action, AppState};

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
    let worker = use_analysis_worker(&state);
    let on_notice = {
        let dispatcher = state.dispatcher();
        Callback::from(move |n| dispatcher.dispatch(Action::Notify(n)))
    };
    // A text from outside the editor (file, example, link, last visit).
    let on_load = {
        let (dispatcher, on_text) = (state.dispatcher(), worker.on_text.clone());
        Callback::from(move |text: String| {
            on_text.emit(text);
            dispatcher.dispatch(Action::Loaded);
        })
    };
    let on_example = use_example(on_load.clone(), on_notice.clone());
    let on_restore = {
        let dispatcher = state.dispatcher();
        Callback::from(move |c| dispatcher.dispatch(Action::Restore(c)))
    };
    use_start(
        props.early.clone(),
        on_load.clone(),
        on_notice.clone(),
        on_example.clone(),
        on_restore,
    );
    use_corrections(&state, on_notice.clone());
    // The quote under review, by a byte offset inside it.
    let selected = use_state(|| None::<usize>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |at: Option<usize>| selected.set(at))
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |step| dispatcher.dispatch(Action::Correct(step)))
    };
    let on_undo = {
        let dispatcher = state.dispatcher();
        Callback::from(move |redo: bool| {
            dispatcher.dispatch(if redo { Action::Redo } else { Action::Undo });
        })
    };
    let on_file = {
        let (on_load, on_notice) = (on_load.clone(), on_notice.clone());
        Callback::from(move |file| read_file(file, on_load.clone(), on_notice.clone()))
    };
    let dragging = use_page_drop(on_file);
    let on_edit_text = {
        let on_text = worker.on_text.clone();
        Callback::from(move |text: String| {
            // The address bar no longer describes the text once it changes.
            if browser::fragment().len() > 1 {
                browser::clear_fragment();
            }
            on_text.emit(text);
        })
    };
    let (hidden, on_toggle) = use_toggles();
    let on_cancel = worker.on_cancel;
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
                    data-analysis-id={state.shown.as_ref().map(|s| s.id.to_string())}
                    data-model={state.shown.as_ref().map(|s| s.model.as_str())}>
                    <StatusBar busy={state.busy()} pending_bytes={state.pending_bytes()} shown={state.shown.clone()}
                        notice={state.notice.clone()} {on_dismiss} on_accept={on_load.clone()}
                        progress={state.progress} {on_cancel} />
                    if let Some(shown) = state.shown.clone() {
                        <Toolbar shown={shown.clone()} text={state.text.clone()} on_notice={on_notice.clone()}
                            corrections={state.corrections.clone()} />
                        <CorrectionsBar shown={shown.clone()} text={state.text.clone()} corrections={state.corrections.clone()}
                            on_edit={on_edit.clone()} {on_undo} on_select={on_select.clone()} on_notice={on_notice.clone()} />
                        if let Some(at) = *selected {
                            <QuoteEditor shown={shown.clone()} {at} on_edit={on_edit.clone()} on_select={on_select.clone()} />
                        }
                        <Legend hidden={hidden.clone()} {on_toggle} />
                        <ArticleView shown={shown.clone()} {hidden} on_select={on_select.clone()} />
                        <SpeakersPanel shown={shown.clone()} on_notice={on_notice.clone()} {on_edit} {on_select} />
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
