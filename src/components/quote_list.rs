//! The list of quotes found; choosing one scrolls the article to it.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Shown;

/// Longest excerpt shown in the list, in characters.
const EXCERPT_CHARS: usize = 140;

/// Properties of [`QuoteList`].
#[derive(Debug, Properties, PartialEq)]
pub struct QuoteListProps {
    /// The analysis to list.
    pub shown: Rc<Shown>,
}

/// One button per quote, in text order.
#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let shown = &props.shown;
    let quotes = &shown.analysis.quotes;
    html! {
        <section class="quote-list" aria-label="Quotes">
            <h2>{ format!("Quotes ({})", quotes.len()) }</h2>
            if quotes.is_empty() {
                <p class="placeholder">{ "No quotes found in this text." }</p>
            } else {
                <ol>
                    { for quotes.iter().enumerate().map(|(i, q)| {
                        let onclick = Callback::from(move |_| reveal(i));
                        html! {
                            <li>
                                <button type="button" class="quote-link" {onclick}>
                                    { excerpt(q.range.slice(&shown.text)) }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

/// Scrolls quote `i` of the article into view, focuses and flashes it.
fn reveal(i: usize) {
    let Some(el) = gloo_utils_document().and_then(|d| d.get_element_by_id(&format!("q-{i}")))
    else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Ok(html) = el.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    let list = el.class_list();
    let _ = list.remove_1("flash");
    // Force a reflow so the animation restarts.
    let _ = el.get_bounding_client_rect();
    let _ = list.add_1("flash");
}

fn gloo_utils_document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn excerpt(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let mut cut: String = flat.chars().take(EXCERPT_CHARS - 1).collect();
    cut.push('…');
    cut
}
