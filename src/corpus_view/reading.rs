//! Reading what the reader gives the corpus page: picked or dropped files,
//! a picked folder, archives and tables, into articles (the core's
//! `corpus::files::Reader` does the reading; this module gets the bytes).

use saidwho_core::corpus::files::Reader;
use wasm_bindgen::{JsCast, JsValue};
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

/// The files of a list, in order, with the names they are shown by.
#[must_use]
pub fn files_of(list: &FileList) -> Vec<(File, String)> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| {
            let name = shown_name(&f);
            (f, name)
        })
        .collect()
}

/// Calls method `name` of `target` with `args`.
fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name))?.dyn_into()?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    f.apply(target, &list)
}

/// The entries (files and folders) of a drop, taken while the drop event
/// lasts (`webkitGetAsEntry`, which every current browser has).
#[must_use]
pub fn dropped_entries(dt: &web_sys::DataTransfer) -> Vec<JsValue> {
    let Ok(items) = js_sys::Reflect::get(dt, &JsValue::from_str("items")) else {
        return Vec::new();
    };
    let n = js_sys::Reflect::get(&items, &JsValue::from_str("length"))
        .ok()
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0) as u32;
    (0..n)
        .filter_map(|i| js_sys::Reflect::get_u32(&items, i).ok())
        .filter_map(|item| call(&item, "webkitGetAsEntry", &[]).ok())
        .filter(|e| !e.is_null() && !e.is_undefined())
        .collect()
}

/// A callback API as a future: `method(resolve, reject)` on `target`.
async fn callback(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let mut failed = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(e) = call(target, method, &[&resolve, &reject]) {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// Most files taken from a dropped folder (deeper trees are cut there).
const MAX_DROPPED_FILES: usize = 20_000;

/// The files under dropped `entries`, folders walked, each named by its
/// path ("articles/2016/a.txt").
pub async fn walk(entries: Vec<JsValue>) -> Vec<(File, String)> {
    let mut out = Vec::new();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        if out.len() >= MAX_DROPPED_FILES {
            break;
        }
        let flag = |name: &str| {
            js_sys::Reflect::get(&entry, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        };
        let path = js_sys::Reflect::get(&entry, &JsValue::from_str("fullPath"))
            .ok()
            .and_then(|p| p.as_string())
            .unwrap_or_default();
        if flag("isFile") {
            if let Ok(file) = callback(&entry, "file").await {
                if let Ok(file) = file.dyn_into::<File>() {
                    out.push((file, path.trim_start_matches('/').to_owned()));
                }
            }
        } else if flag("isDirectory") {
            let Ok(reader) = call(&entry, "createReader", &[]) else {
                continue;
            };
            // A folder's entries come in batches until an empty one.
            while let Ok(batch) = callback(&reader, "readEntries").await {
                let batch: js_sys::Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter());
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Reads `files` one by one (the page stays responsive between them) and
/// starts their analysis; `text_column` names the column of tables.
pub fn read_files(
    files: Vec<(File, String)>,
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
        for (file, name) in files {
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
