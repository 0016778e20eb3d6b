//! Reading what the reader gives the corpus page: picked or dropped files,
//! a picked folder, archives and tables, into articles (the core's
//! `corpus::files::Reader` does the reading; this module gets the bytes).

use saidwho_core::corpus::files::Reader;
use wasm_bindgen::JsValue;
use web_sys::{File, FileList};
use yew::UseReducerDispatcher;

use super::state::{Action, CorpusState};

/// The name a file is shown by: its path inside a picked folder, else its name.
fn shown_name(file: &File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// The files of a list, in order.
#[must_use]
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads `files` one by one (the page stays responsive between them) and
/// starts their analysis; `text_column` names the column of tables.
pub fn read_files(
    files: Vec<File>,
    text_column: Option<String>,
    dispatcher: UseReducerDispatcher<CorpusState>,
) {
    if files.is_empty() {
        return;
    }
    dispatcher.dispatch(Action::Reading);
    wasm_bindgen_futures::spawn_local(async move {
        let mut reader = Reader::new(text_column);
        let mut unreadable = Vec::new();
        for file in files {
            let name = shown_name(&file);
            match gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await {
                Ok(bytes) => reader.add_file(&name, &bytes),
                Err(e) => unreadable.push((name, format!("could not be read: {e}"))),
            }
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        let mut problems: Vec<(String, String)> = reader
            .problems
            .iter()
            .map(|p| (p.file.clone(), p.problem.to_string()))
            .collect();
        problems.extend(unreadable);
        dispatcher.dispatch(Action::Read {
            articles: reader.articles,
            problems,
            now_ms: super::now_ms(),
        });
    });
}
