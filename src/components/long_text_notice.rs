//! The note that stands in for the text box while a long text is kept out
//! of it, with "Show it in the box" and "Clear".

use yew::prelude::*;

/// Properties of [`LongTextNotice`].
#[derive(Debug, Properties, PartialEq)]
pub struct LongTextNoticeProps {
    /// Size of the text in bytes.
    pub bytes: usize,
    /// Puts the text into the box.
    pub on_show: Callback<()>,
    /// Empties the page.
    pub on_clear: Callback<()>,
}

/// Says that a long text is in use and kept out of the box.
#[function_component(LongTextNotice)]
pub fn long_text_notice(props: &LongTextNoticeProps) -> Html {
    html! {
        <div class="long-text" role="status" data-long-text="">
            <p>{ format!(
                "A long text ({}) is in use. It is kept out of this box so that the page stays quick; \
                 the analysis and the article view show all of it.",
                size_label(props.bytes)
            ) }</p>
            <p class="long-text-actions">
                <button type="button" class="file-button" data-show-text="" onclick={props.on_show.reform(|_| ())}>
                    { "Show it in the box" }
                </button>
                <button type="button" class="file-button" data-clear-text="" onclick={props.on_clear.reform(|_| ())}>
                    { "Clear" }
                </button>
            </p>
        </div>
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
