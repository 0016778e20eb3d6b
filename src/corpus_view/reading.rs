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

/// Longest stretch of reading before the page gets the main thread back.
const SLICE_MS: f64 = 12.0;

/// Time-slicing: yields to the browser when a slice is used up.
struct Slice(f64);

impl Slice {
    fn start() -> Self {
        Self(super::now_ms())
    }

    async fn maybe_yield(&mut self) {
        if super::now_ms() - self.0 > SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.0 = super::now_ms();
        }
    }
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
        let mut slice = Slice::start();
        for file in files {
            let name = shown_name(&file);
            let bytes = match gloo_file::futures::read_as_bytes(&gloo_file::File::from(file)).await
            {
                Ok(bytes) => bytes,
                Err(e) => {
                    unreadable.push((name, format!("could not be read: {e}")));
                    continue;
                }
            };
            if name.to_ascii_lowercase().ends_with(".zip") {
                // A member at a time, yielding to the page now and then.
                for entry in reader.zip_entries(&name, &bytes) {
                    reader.add_zip_member(&name, &bytes, &entry);
                    slice.maybe_yield().await;
                }
            } else {
                reader.add_file(&name, &bytes);
            }
            slice.maybe_yield().await;
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
