//! Where the article comes in: a text area to paste or type into, a drop
//! zone and a file picker for `.txt` files.

use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::file_text::{
    file_to_text, file_to_text_any_size, is_supported, FileTextError, HARD_LIMIT_BYTES,
};
use crate::state::Notice;

/// Properties of [`InputPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct InputPanelProps {
    /// The current text.
    pub text: AttrValue,
    /// Bumped when `text` came from outside the editor and must be shown.
    pub text_version: u64,
    /// Called with the new text after every edit in the editor.
    pub on_text: Callback<String>,
    /// Called with the text of a file.
    pub on_load: Callback<String>,
    /// Called to tell the user something (e.g. a file could not be read).
    pub on_notice: Callback<Notice>,
    /// Loads the example article.
    pub on_example: Callback<()>,
}

/// The editor and drop zone.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let dragging = use_state(|| false);
    // The editor is not bound to the state: typing never makes the page
    // write the (possibly huge) text back. Outside texts are written once.
    let area = use_node_ref();
    {
        let (area, text) = (area.clone(), props.text.clone());
        use_effect_with(props.text_version, move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                if el.value().len() != text.len() || el.value() != *text {
                    el.set_value(&text);
                }
            }
        });
    }

    let oninput = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                on_text.emit(area.value());
            }
        })
    };
    let load = {
        let (on_load, on_notice) = (props.on_load.clone(), props.on_notice.clone());
        Callback::from(move |file: File| read_file(file, on_load.clone(), on_notice.clone()))
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, load) = (dragging.clone(), load.clone());
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                load.emit(file);
            }
            // No file: let the browser drop the dragged text into the editor.
        })
    };
    let onchange = Callback::from(move |e: Event| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load.emit(file);
            }
            input.set_value("");
        }
    });

    html! {
        <section class={classes!("input", dragging.then_some("dragging"))} aria-label="Article input"
            {ondragover} {ondragleave} {ondrop}>
            <label for="article-text" class="label">{ "Article text" }</label>
            <textarea id="article-text" class="editor" ref={area} {oninput}
                placeholder="Paste a news article here, or drop a .txt, .md, .html or .docx file…" spellcheck="false" />
            <div class="file-row">
                <label class="file-button">
                    { "Open a file" }
                    <input type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html"
                        class="visually-hidden" {onchange} />
                </label>
                <button type="button" class="file-button" onclick={props.on_example.reform(|_| ())}>{ "Try an example" }</button>
                <span class="hint">{ ".txt, .md, .html or .docx — or drop one on this panel" }</span>
            </div>
        </section>
    }
}

/// Reads a dropped or picked file and hands its text on, or explains why not.
fn read_file(file: File, on_text: Callback<String>, on_notice: Callback<Notice>) {
    let name = file.name();
    let mime = file.type_();
    if !is_supported(&name, &mime) {
        on_notice.emit(error(&FileTextError::Unsupported { name }));
        return;
    }
    let file = gloo_file::File::from(file);
    wasm_bindgen_futures::spawn_local(async move {
        match gloo_file::futures::read_as_bytes(&file).await {
            Ok(bytes) => match file_to_text(&name, &mime, &bytes) {
                Ok(text) => on_text.emit(text),
                Err(FileTextError::TooLarge { .. }) if bytes.len() <= HARD_LIMIT_BYTES => {
                    // Offer it: analysis runs in the worker, the page stays usable.
                    match file_to_text_any_size(&name, &mime, &bytes) {
                        Ok(text) => on_notice.emit(Notice {
                            text: format!(
                                "“{name}” is {:.1} MB, more than an article. Analysing it takes a few seconds \
                                 (the page stays usable); the article view shows its beginning.",
                                bytes.len() as f64 / 1_048_576.0
                            ),
                            is_error: false,
                            offer: Some(text.into()),
                            report: None,
                        }),
                        Err(e) => on_notice.emit(error(&e)),
                    }
                }
                Err(e) => on_notice.emit(error(&e)),
            },
            Err(e) => on_notice.emit(Notice {
                text: format!("Could not read “{name}”: {e}"),
                is_error: true,
                ..Notice::default()
            }),
        }
    });
}

fn error(e: &FileTextError) -> Notice {
    Notice {
        text: e.to_string(),
        is_error: true,
        ..Notice::default()
    }
}
