//! The corpus page (`corpus.html`): many articles at once, privately.
//! Files, a folder, a .zip, a .csv or a .jsonl go in; analysis runs in web
//! workers with progress and cancel; the workspace (texts, analyses, the
//! reader's merges) is kept in IndexedDB; tables, charts and exports come
//! from the core's `corpus` module.

mod charts;
mod pool;
mod reading;
mod state;
mod storage;
mod tables;

pub(crate) use crate::worker::now_ms;

use std::rc::Rc;

use saidwho_core::corpus::export::{quotes_csv, speakers_csv, summary_markdown};
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use charts::Chart;
use state::{Action, CorpusState, Phase};
use tables::{ArticlesTable, SpeakersTable};

pub use state::{Workspace, FORMAT};

/// Articles analysed between two saves while a corpus is analysed.
const SAVE_EVERY: usize = 25;

/// Articles written per storage transaction: each batch is serialised in
/// a task of its own, so saving a thousand texts never holds the page up.
const WRITE_BATCH: usize = 40;

/// Saves what changed since the articles last saved (`saved`, updated at
/// once), a batch of articles per task.
async fn save_changes(
    articles: Vec<Rc<state::StoredArticle>>,
    changed: Vec<usize>,
    previous_count: usize,
    meta: String,
) -> Result<(), String> {
    let count = articles.len();
    let mut batches: Vec<&[usize]> = changed.chunks(WRITE_BATCH).collect();
    if batches.is_empty() {
        batches.push(&[]);
    }
    let last = batches.len() - 1;
    for (k, batch) in batches.into_iter().enumerate() {
        let mut json = Vec::with_capacity(batch.len());
        for &i in batch {
            json.push((
                i,
                serde_json::to_string(&*articles[i]).map_err(|e| e.to_string())?,
            ));
        }
        storage::save(storage::Changes {
            articles: json,
            count,
            previous_count: if k == last { previous_count } else { count },
            meta: meta.clone(),
        })
        .await?;
    }
    Ok(())
}

/// The articles new or changed since the last save (by pointer: each
/// article is shared, and replaced when it changes), the count then, and
/// the snapshot updated.
fn changed(
    state: &CorpusState,
    saved: &Rc<std::cell::RefCell<Vec<Rc<state::StoredArticle>>>>,
) -> (Vec<usize>, usize) {
    let mut saved = saved.borrow_mut();
    let changed = (0..state.articles.len())
        .filter(|&i| {
            saved
                .get(i)
                .is_none_or(|s| !Rc::ptr_eq(s, &state.articles[i]))
        })
        .collect();
    let previous_count = saved.len();
    *saved = state.articles.clone();
    (changed, previous_count)
}

/// Offers a download, or says why it failed.
fn offer(dispatcher: &UseReducerDispatcher<CorpusState>, name: &str, mime: &str, body: &str) {
    if let Err(e) = crate::browser::download(name, mime, body) {
        dispatcher.dispatch(Action::Notice(format!("The download failed: {e}"), true));
    }
}

/// The progress line: articles done, time left, and Cancel.
fn progress(state: &CorpusState, on_cancel: Callback<MouseEvent>) -> Html {
    match state.phase {
        Phase::Reading => html! {
            <div class="progress" role="status" aria-live="polite" data-progress="reading">{ "Reading the files…" }</div>
        },
        Phase::Analysing { done, started_ms } => {
            let total = state.articles.len();
            let elapsed = now_ms() - started_ms;
            let left = if done > 0 {
                let secs = elapsed / done as f64 * (total - done) as f64 / 1000.0;
                format!(", about {} s left", secs.ceil())
            } else {
                String::new()
            };
            html! {
                <div class="progress" role="status" aria-live="polite" data-progress="analysing">
                    <progress max={total.to_string()} value={done.to_string()}
                              aria-label="Articles analysed"></progress>
                    <span>{ format!("{done} of {total} articles analysed{left}") }</span>
                    <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
                </div>
            }
        }
        _ => html! {},
    }
}

/// The files skipped, each with its reason.
fn problems(state: &CorpusState) -> Html {
    if state.problems.is_empty() {
        return html! {};
    }
    html! {
        <details class="problems" data-problems={state.problems.len().to_string()} open={state.problems.len() <= 5}>
            <summary>{ format!("{} files skipped", state.problems.len()) }</summary>
            <ul>
                { for state.problems.iter().map(|(file, why)| html! {
                    <li data-problem={file.clone()}><strong>{ file }</strong>{ ": " }{ why }</li>
                }) }
            </ul>
        </details>
    }
}

/// How many of `stages` parts may be drawn for `key`: none at first, one
/// more in each following task (a zero-delay timer apiece).
#[hook]
fn use_stages(key: u64, stages: u8) -> u8 {
    let at = use_state(|| (key, 0u8));
    let stage = if at.0 == key { at.1 } else { 0 };
    {
        let at = at.clone();
        use_effect_with((key, stage), move |&(key, stage)| {
            let timer = (stage < stages)
                .then(|| gloo_timers::callback::Timeout::new(0, move || at.set((key, stage + 1))));
            move || drop(timer)
        });
    }
    stage
}

/// The corpus page.
#[function_component(CorpusApp)]
pub fn corpus_app() -> Html {
    let state = use_reducer(CorpusState::default);
    pool::use_worker_pool(&state);
    let text_column = use_state(String::new);
    let bom = use_state(|| false);
    // The saved workspace, once; and the offline service worker.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            crate::browser::register_service_worker_at("../sw.js");
            wasm_bindgen_futures::spawn_local(async move {
                match storage::load().await {
                    Ok(Some(w)) => dispatcher.dispatch(Action::Load(w, false)),
                    Ok(None) => {}
                    Err(e) => dispatcher.dispatch(Action::Notice(e, true)),
                }
            });
        });
    }
    // Saved whenever the state asks for it, and every 25 articles analysed:
    // only the articles new or changed since the last save are written.
    {
        let saved: Rc<std::cell::RefCell<Vec<Rc<state::StoredArticle>>>> = use_mut_ref(Vec::new);
        let (dispatcher, handle) = (state.dispatcher(), state.clone());
        let batch = if matches!(state.phase, Phase::Analysing { .. }) {
            state.analysed() / SAVE_EVERY
        } else {
            0
        };
        use_effect_with((state.saves, batch), move |&(saves, _)| {
            if saves > 0 {
                let (changed, previous_count) = changed(&handle, &saved);
                let articles = handle.articles.clone();
                match handle.meta_json() {
                    Ok(meta) => wasm_bindgen_futures::spawn_local(async move {
                        if let Err(e) = save_changes(articles, changed, previous_count, meta).await
                        {
                            dispatcher.dispatch(Action::Notice(e, true));
                        }
                    }),
                    Err(e) => dispatcher.dispatch(Action::Notice(e, true)),
                }
            }
        });
    }
    let column = || Some((*text_column).clone()).filter(|c| !c.trim().is_empty());
    let on_files = {
        let (dispatcher, column) = (state.dispatcher(), column());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                reading::read_files(reading::files_of(&list), column.clone(), dispatcher.clone());
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (dispatcher, column) = (state.dispatcher(), column());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(dt) = e.data_transfer() else {
                return;
            };
            // Folders are walked; the entries are taken while the event lasts.
            let entries = reading::dropped_entries(&dt);
            if entries.is_empty() {
                if let Some(list) = dt.files() {
                    reading::read_files(
                        reading::files_of(&list),
                        column.clone(),
                        dispatcher.clone(),
                    );
                }
                return;
            }
            let (column, dispatcher) = (column.clone(), dispatcher.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let files = reading::walk(entries).await;
                reading::read_files(files, column, dispatcher);
            });
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_column = {
        let text_column = text_column.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            text_column.set(input.value());
        })
    };
    let on_cancel = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::Cancel))
    };
    let on_delete = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| {
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match storage::delete().await {
                    Ok(()) => dispatcher.dispatch(Action::Delete),
                    Err(e) => dispatcher.dispatch(Action::Notice(e, true)),
                }
            });
        })
    };
    let on_import = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = gloo_file::futures::read_as_text(&gloo_file::File::from(file)).await;
                match text
                    .map_err(|e| e.to_string())
                    .and_then(|t| storage::parse(&t))
                {
                    Ok(w) => {
                        dispatcher.dispatch(Action::Load(w, true));
                        dispatcher.dispatch(Action::Notice("Workspace imported.".into(), false));
                    }
                    Err(e) => dispatcher.dispatch(Action::Notice(e, true)),
                }
            });
        })
    };
    let on_export_workspace = {
        let (dispatcher, handle) = (state.dispatcher(), state.clone());
        Callback::from(move |_| match handle.workspace_json() {
            Ok(json) => offer(
                &dispatcher,
                "saidwho-workspace.json",
                "application/json",
                &json,
            ),
            Err(e) => dispatcher.dispatch(Action::Notice(e, true)),
        })
    };
    let corpus = state.corpus.clone();
    // Computed once per corpus and edits, not at every drawing.
    // A finished corpus is drawn in stages, each in a task of its own so a
    // thousand articles never become one long main-thread task: the
    // speakers and figures are counted, then the charts drawn, then the
    // speakers table, then the articles table.
    let token = (corpus.quotes.len() as u64) << 20 | corpus.articles.len() as u64;
    let stage = use_stages(token, 4);
    let (rows, figures) = {
        let deps = (corpus.clone(), state.edits.clone(), stage >= 1);
        let made = use_memo(deps, |(corpus, edits, go)| {
            let rows = Rc::new(if *go {
                corpus.speakers(edits)
            } else {
                Vec::new()
            });
            let figures = corpus.figures_of(&rows);
            (rows, figures)
        });
        (made.0.clone(), made.1.clone())
    };
    let export = |kind: &'static str| {
        let (dispatcher, corpus, edits, bom, handle) = (
            state.dispatcher(),
            corpus.clone(),
            state.edits.clone(),
            *bom,
            state.clone(),
        );
        Callback::from(move |_| match kind {
            "quotes" => offer(
                &dispatcher,
                "quotes.csv",
                "text/csv",
                &quotes_csv(&corpus, &edits, bom),
            ),
            "speakers" => offer(
                &dispatcher,
                "speakers.csv",
                "text/csv",
                &speakers_csv(&corpus, &edits, bom),
            ),
            "md" => offer(
                &dispatcher,
                "summary.md",
                "text/markdown",
                &summary_markdown(&corpus, &edits),
            ),
            _ => {
                let lines: Vec<&str> = handle
                    .articles
                    .iter()
                    .filter_map(|a| a.result.as_ref().map(|r| r.prediction.as_str()))
                    .collect();
                offer(
                    &dispatcher,
                    "analyses.jsonl",
                    "application/jsonl",
                    &(lines.join("\n") + "\n"),
                );
            }
        })
    };
    let on_bom = {
        let bom = bom.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            bom.set(input.checked());
        })
    };
    let (on_merge, on_split, on_reset) = {
        let d = state.dispatcher();
        let (d2, d3) = (d.clone(), d.clone());
        (
            Callback::from(move |(from, into): (Vec<String>, String)| {
                d.dispatch(Action::Merge { from, into })
            }),
            Callback::from(move |key: String| d2.dispatch(Action::Split(key))),
            Callback::from(move |()| d3.dispatch(Action::ResetEdits)),
        )
    };
    let ready = state.phase == Phase::Ready && !state.articles.is_empty();
    // Charts first, then the speakers table, then the articles table, each
    // in a task of its own: a finished corpus of a thousand articles never
    // becomes one long main-thread task.
    let (figures_ready, speakers_ready, articles_ready) = (stage >= 2, stage >= 3, stage >= 4);
    let edited = !state.edits.merges.is_empty() || !state.edits.splits.is_empty();
    html! {
        <main class="corpus" data-phase={match state.phase {
            Phase::Empty => "empty", Phase::Reading => "reading", Phase::Analysing { .. } => "analysing",
            // "ready" once the last stage is drawn (tests and the benchmark wait for it).
            Phase::Ready if ready && !articles_ready => "drawing",
            Phase::Ready => "ready" }}
            ondrop={on_drop} ondragover={on_dragover}>
            <section class="corpus-input" aria-label="Articles to add">
                <div class="file-row">
                    <label class="file-button">{ "Add files" }
                        <input type="file" multiple=true class="visually-hidden" data-corpus-files=""
                               accept=".txt,.md,.markdown,.html,.htm,.docx,.zip,.csv,.jsonl,.ndjson"
                               onchange={on_files.clone()} /></label>
                    <label class="file-button">{ "Add a folder" }
                        <input type="file" webkitdirectory=true multiple=true class="visually-hidden" onchange={on_files} /></label>
                    <label class="column">{ "Text column of tables" }
                        <input type="text" placeholder="text" value={(*text_column).clone()} oninput={on_column} size="10" /></label>
                </div>
                <p class="hint">{ ".txt, .md, .html, .docx, a .zip of them, or a .csv / .jsonl with a text column (title, date and outlet columns are picked up) — or drop them anywhere on the page." }</p>
            </section>
            { progress(&state, on_cancel) }
            if let Some((text, error)) = &state.notice {
                <p class={classes!("notice", error.then_some("error"))} role={if *error { "alert" } else { "status" }}>{ text }</p>
            }
            { problems(&state) }
            if ready && !figures_ready {
                <p class="muted" role="status">{ "Counting the speakers…" }</p>
            }
            if ready && figures_ready {
                <section class="figures" aria-labelledby="figures-title">
                    <h2 id="figures-title">{ format!("Who gets quoted: {} articles, {} quotes, {} quoted words",
                        figures.articles, figures.quotes, figures.words) }</h2>
                    <div class="charts">
                        <Chart id="sources" title="Named and anonymous sources" shares={figures.sources.clone()} />
                        <Chart id="kinds" title="Speech, views and findings" shares={figures.kinds.clone()} />
                        <Chart id="speakers" title="Most quoted speakers" shares={figures.by_speaker.clone()} />
                        <Chart id="organisations" title="Organisations" shares={figures.by_organization.clone()} />
                    </div>
                </section>
                if speakers_ready {
                    <SpeakersTable rows={rows} {on_merge} {on_split} {on_reset} {edited} />
                }
                if speakers_ready && articles_ready {
                    <ArticlesTable articles={Rc::new(state.articles.clone())} corpus={corpus.clone()} />
                }
                <section class="exports" aria-labelledby="exports-title">
                    <h2 id="exports-title">{ "Export" }</h2>
                    <div class="file-row">
                        <button type="button" data-export="quotes" onclick={export("quotes")}>{ "Quotes (CSV)" }</button>
                        <button type="button" data-export="speakers" onclick={export("speakers")}>{ "Speakers (CSV)" }</button>
                        <button type="button" data-export="jsonl" onclick={export("jsonl")}>{ "Analyses (JSON Lines)" }</button>
                        <button type="button" data-export="md" onclick={export("md")}>{ "Summary (Markdown)" }</button>
                        <label><input type="checkbox" checked={*bom} onchange={on_bom} />{ " CSV for Excel (byte order mark)" }</label>
                    </div>
                </section>
            }
            <section class="workspace" aria-labelledby="workspace-title">
                <h2 id="workspace-title">{ "Workspace" }</h2>
                <p class="hint">{ "The corpus is kept in this browser (IndexedDB), and never leaves it." }</p>
                <div class="file-row">
                    <button type="button" data-export="workspace" onclick={on_export_workspace} disabled={state.articles.is_empty()}>
                        { "Export the workspace" }</button>
                    <label class="file-button">{ "Import a workspace" }
                        <input type="file" accept=".json,application/json" class="visually-hidden" data-import="" onchange={on_import} /></label>
                    <button type="button" class="danger" data-delete="" onclick={on_delete} disabled={state.articles.is_empty()}>
                        { "Delete this corpus" }</button>
                </div>
            </section>
        </main>
    }
}
