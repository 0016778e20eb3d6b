//! Exports (JSON, CSV, Markdown) and the share link.

use std::rc::Rc;

use saidwho_core::corrections::Corrections;
use saidwho_core::export;
use yew::prelude::*;

use crate::browser;
use crate::permalink;
use crate::state::{Notice, Shown};

/// Properties of [`Toolbar`].
#[derive(Debug, Properties, PartialEq)]
pub struct ToolbarProps {
    /// The analysis to export.
    pub shown: Rc<Shown>,
    /// The text now in the editor (or held outside it): what a share link
    /// carries, even before its analysis has arrived.
    pub text: Rc<str>,
    /// Tells the user how it went.
    pub on_notice: Callback<Notice>,
    /// The reader's corrections (a share link carries them with the text
    /// they were made on).
    pub corrections: Rc<Corrections>,
}

/// Buttons that save or share the analysis.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let export_button = |label: &'static str,
                         file: &'static str,
                         mime: &'static str,
                         format: &'static str| {
        let (shown, on_notice) = (props.shown.clone(), props.on_notice.clone());
        let onclick = Callback::from(move |_| {
            let body = match format {
                "json" => export::to_json(&shown.text, &shown.analysis),
                "csv" => export::to_csv(&shown.text, &shown.analysis),
                _ => export::to_markdown(&shown.text, &shown.analysis),
            };
            if let Err(e) = browser::download(file, mime, &body) {
                on_notice.emit(Notice::error(format!("The download did not start: {e}")));
            }
        });
        html! { <button type="button" class="tool" data-export={format} {onclick}>{ label }</button> }
    };
    let on_share = {
        let (text, on_notice) = (props.text.clone(), props.on_notice.clone());
        // Corrections travel only with the text they were made on.
        let corrections = if props.shown.text == props.text {
            props.corrections.clone()
        } else {
            Rc::default()
        };
        Callback::from(move |_| {
            let fragment = permalink::encode(&text, &corrections);
            let on_notice = on_notice.clone();
            let url = match browser::url_with_fragment(&fragment) {
                Ok(u) => u,
                Err(e) => {
                    on_notice.emit(Notice::error(format!("No link could be made: {e}")));
                    return;
                }
            };
            wasm_bindgen_futures::spawn_local(async move {
                let long = url.len() > permalink::WARN_LENGTH;
                let result = browser::copy(&url).await;
                let text = match (&result, long) {
                    (Ok(()), false) => format!("Link copied ({} characters). The text travels in the link itself, never to a server.", url.len()),
                    (Ok(()), true) => format!(
                        "Link copied, but it is long ({} characters): some mail and chat apps cut links over {} characters. Export the text instead if it breaks.",
                        url.len(),
                        permalink::WARN_LENGTH
                    ),
                    (Err(e), _) => format!("The link could not be copied ({e})."),
                };
                on_notice.emit(Notice {
                    text,
                    is_error: result.is_err() || long,
                    ..Notice::default()
                });
            });
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Export and share">
            <span class="tool-label">{ "Export:" }</span>
            { export_button("JSON", "saidwho.json", "application/json", "json") }
            { export_button("CSV", "saidwho-quotes.csv", "text/csv", "csv") }
            { export_button("Markdown", "saidwho-summary.md", "text/markdown", "md") }
            <button type="button" class="tool share" data-share="" onclick={on_share}>{ "Copy share link" }</button>
        </div>
    }
}
