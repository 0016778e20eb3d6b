//! Where the article comes in: a text area to paste or type into and a file
//! picker (files dropped anywhere on the page: [`crate::hooks::use_page_drop`]).

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::file_row::FileRow;
use crate::components::long_text_notice::LongTextNotice;
use crate::hooks::use_long_paste;
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
    let onpaste = use_long_paste(props.on_text.clone(), kept_out.clone());
    let on_show_long = {
        let (kept_out, area, text) = (kept_out.clone(), area.clone(), props.text.clone());
        Callback::from(move |()| {
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_value(&text);
            }
            kept_out.set(false);
        })
    };
    let on_clear = {
        let (kept_out, on_text) = (kept_out.clone(), props.on_text.clone());
        Callback::from(move |()| {
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

    html! {
        <section class="input" aria-label="Article input">
            <label for="article-text" class="label">{ "Article text" }</label>
            if long {
                <LongTextNotice bytes={props.text.len()} on_show={on_show_long} {on_clear} />
            }
            <textarea id="article-text" class="editor" ref={area} {oninput} {onpaste} hidden={long}
                placeholder="Paste a news article here, or drop a .txt, .md, .html or .docx file…" spellcheck="false" />
            <FileRow on_load={props.on_load.clone()} on_notice={props.on_notice.clone()}
                on_example={props.on_example.clone()} />
        </section>
    }
}
