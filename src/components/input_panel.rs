//! Where the article comes in: a text area to paste or type into and a file
//! picker (files dropped anywhere on the page: [`crate::hooks::use_page_drop`]).

use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::file_load::read_file;
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

/// Texts longer than this (in bytes) are not put into the text box unless
/// asked: a browser lays out all of a text area's text, which for 1 MB
/// blocks the page for a quarter of a second or more.
pub const EDITOR_LIMIT_BYTES: usize = 100_000;

/// The editor and drop zone.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    // Whether a long text from outside the box (a paste, a file) is kept out
    // of it; typing in the box, "Show it in the box" and "Clear" end it.
    let kept_out = use_state(|| false);
    let long = *kept_out && props.text.len() > EDITOR_LIMIT_BYTES;
    // The editor is not bound to the state: typing never makes the page
    // write the (possibly huge) text back. Outside texts are written once.
    let area = use_node_ref();
    {
        let (area, text, kept_out) = (area.clone(), props.text.clone(), kept_out.clone());
        use_effect_with(props.text_version, move |_| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                if text.len() > EDITOR_LIMIT_BYTES {
                    el.set_value("");
                    kept_out.set(true);
                } else if el.value().len() != text.len() || el.value() != *text {
                    el.set_value(&text);
                }
            }
        });
    }

    // A long paste is taken from the clipboard and analysed without being
    // inserted into the box (see [`EDITOR_LIMIT_BYTES`]).
    let onpaste = {
        let (on_text, kept_out) = (props.on_text.clone(), kept_out.clone());
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(pasted) = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let value = js_sys::JsString::from(area.value());
            let start = area
                .selection_start()
                .ok()
                .flatten()
                .unwrap_or(value.length());
            let end = area
                .selection_end()
                .ok()
                .flatten()
                .unwrap_or(start)
                .max(start);
            let pasted = js_sys::JsString::from(pasted);
            // UTF-16 units never outnumber UTF-8 bytes, so this errs short.
            let units = value.length() - (end - start) + pasted.length();
            if (units as usize) <= EDITOR_LIMIT_BYTES {
                return; // an ordinary paste: the browser inserts it
            }
            e.prevent_default();
            let whole = value
                .slice(0, start)
                .concat(&pasted)
                .concat(&value.slice(end, value.length()));
            area.set_value("");
            kept_out.set(true);
            on_text.emit(String::from(whole));
        })
    };
    let on_show_long = {
        let (kept_out, area, text) = (kept_out.clone(), area.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_value(&text);
            }
            kept_out.set(false);
        })
    };
    let on_clear = {
        let (kept_out, on_text) = (kept_out.clone(), props.on_text.clone());
        Callback::from(move |_: MouseEvent| {
            kept_out.set(false);
            on_text.emit(String::new());
        })
    };

    let oninput = {
        let (on_text, kept_out) = (props.on_text.clone(), kept_out.clone());
        Callback::from(move |e: InputEvent| {
            kept_out.set(false); // the box holds what was typed
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
        <section class="input" aria-label="Article input">
            <label for="article-text" class="label">{ "Article text" }</label>
            if long {
                <div class="long-text" role="status" data-long-text="">
                    <p>{ format!(
                        "A long text ({}) is in use. It is kept out of this box so that the page stays quick; \
                         the analysis and the article view show all of it.",
                        size_label(props.text.len())
                    ) }</p>
                    <p class="long-text-actions">
                        <button type="button" class="file-button" data-show-text="" onclick={on_show_long}>
                            { "Show it in the box" }
                        </button>
                        <button type="button" class="file-button" data-clear-text="" onclick={on_clear}>
                            { "Clear" }
                        </button>
                    </p>
                </div>
            }
            <textarea id="article-text" class="editor" ref={area} {oninput} {onpaste} hidden={long}
                placeholder="Paste a news article here, or drop a .txt, .md, .html or .docx file…" spellcheck="false" />
            <div class="file-row">
                <label class="file-button">
                    { "Open a file" }
                    <input type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html"
                        class="visually-hidden" {onchange} />
                </label>
                <button type="button" class="file-button" data-example="" onclick={props.on_example.reform(|_| ())}>{ "Try an example" }</button>
                <span class="hint">{ ".txt, .md, .html or .docx — or drop one anywhere on the page" }</span>
            </div>
        </section>
    }
}

/// "1.0 MB", "120 KB".
fn size_label(bytes: usize) -> String {
    if bytes >= 1_048_576 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
