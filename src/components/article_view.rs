//! The article, paragraph by paragraph, with its quotes highlighted.

use std::rc::Rc;

use yew::prelude::*;

use crate::segments::paragraph_segments;
use crate::state::Shown;

/// Properties of [`ArticleView`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysis to show, with its text.
    pub shown: Rc<Shown>,
}

/// Renders the analysed text. User text is only ever inserted as text nodes.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let shown = &props.shown;
    let text: &str = &shown.text;
    let paragraphs = paragraph_segments(&shown.analysis);
    html! {
        <article class="article" aria-label="Article with quotes highlighted">
            { for paragraphs.iter().map(|pieces| html! {
                <p>
                    { for pieces.iter().map(|seg| {
                        let piece = seg.range.slice(text).to_owned();
                        match seg.quote {
                            Some(i) => html! {
                                <mark class="quote" data-quote={i.to_string()} id={format!("q-{i}")} tabindex="-1">
                                    { piece }
                                </mark>
                            },
                            None => html! { { piece } },
                        }
                    }) }
                </p>
            }) }
        </article>
    }
}
