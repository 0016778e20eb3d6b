//! "Open a file" and "Try an example", under the text box.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::file_load::read_file;
use crate::state::Notice;

/// Properties of [`FileRow`].
#[derive(Debug, Properties, PartialEq)]
pub struct FileRowProps {
    /// Called with the text of a file.
    pub on_load: Callback<String>,
    /// Called to tell the user something (e.g. a file could not be read).
    pub on_notice: Callback<Notice>,
    /// Loads the example article.
    pub on_example: Callback<()>,
}

/// The file picker, the example button and a hint.
#[function_component(FileRow)]
pub fn file_row(props: &FileRowProps) -> Html {
    let onchange = {
        let (on_load, on_notice) = (props.on_load.clone(), props.on_notice.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    read_file(file, on_load.clone(), on_notice.clone());
                }
                input.set_value("");
            }
        })
    };
    html! {
        <div class="file-row">
            <label class="file-button">
                { "Open a file" }
                <input type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html"
                    class="visually-hidden" {onchange} />
            </label>
            <button type="button" class="file-button" data-example="" onclick={props.on_example.reform(|_| ())}>{ "Try an example" }</button>
            <span class="hint">{ ".txt, .md, .html or .docx — or drop one anywhere on the page" }</span>
        </div>
    }
}
