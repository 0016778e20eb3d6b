//! The article, paragraph by paragraph, with quotes highlighted in their
//! speaker's colour and the reporting verbs marked.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::input_panel::EDITOR_LIMIT_BYTES;
use crate::segments::paragraph_segments;
use crate::state::Shown;

/// Number of distinct speaker styles in the stylesheet (`.speaker-0` …).
pub const SPEAKER_STYLES: usize = 8;

/// Paragraphs drawn without asking, and added by each "show more": drawing a
/// whole book at once would block the page.
pub const PAGE_PARAGRAPHS: usize = 200;

/// Paragraphs of a long text drawn with the answer from the worker (in the
/// same task as everything else it changes on the page).
pub const FIRST_PARAGRAPHS: usize = 10;

/// Paragraphs drawn per later task until the first [`PAGE_PARAGRAPHS`] are
/// there, so that no task keeps the page from answering for long.
pub const STEP_PARAGRAPHS: usize = 25;

/// Properties of [`ArticleView`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The analysis to show, with its text.
    pub shown: Rc<Shown>,
    /// Highlight kinds switched off ("quotes", "PERSON", …).
    #[prop_or_default]
    pub hidden: Vec<&'static str>,
    /// Selects a quote for review (by a byte offset inside it).
    #[prop_or_default]
    pub on_select: Callback<Option<usize>>,
}

/// Renders the analysed text. User text is only ever inserted as text nodes.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let shown = &props.shown;
    let text: &str = &shown.text;
    let analysis = &shown.analysis;
    // Paragraphs drawn, for the analysis they were drawn for.
    // An article draws at once; a long text starts small and fills in.
    let first = if shown.text.len() > EDITOR_LIMIT_BYTES {
        FIRST_PARAGRAPHS
    } else {
        PAGE_PARAGRAPHS
    };
    let drawn = use_state(|| (shown.id, first));
    let id = shown.id;
    let limit = &if drawn.0 == id { drawn.1 } else { first };
    let total = analysis.paragraphs.len();
    {
        // Fill in the first page a step at a time, each in its own task.
        let drawn = drawn.clone();
        use_effect_with((*limit, id), move |&(now, id)| {
            let timer = (now < PAGE_PARAGRAPHS && now < total).then(|| {
                gloo_timers::callback::Timeout::new(0, move || {
                    drawn.set((id, (now + STEP_PARAGRAPHS).min(PAGE_PARAGRAPHS)));
                })
            });
            move || drop(timer)
        });
    }
    let paragraphs = paragraph_segments(analysis, *limit);
    let show_more = {
        let (drawn, now) = (drawn.clone(), *limit);
        Callback::from(move |_| drawn.set((id, now + PAGE_PARAGRAPHS * 5)))
    };
    let show_all = {
        let drawn = drawn.clone();
        Callback::from(move |_| drawn.set((id, usize::MAX)))
    };
    // A click on a quote (not a drag that selects words) opens its review.
    let on_click = {
        let (on_select, shown) = (props.on_select.clone(), shown.clone());
        Callback::from(move |e: MouseEvent| {
            let selecting = web_sys::window()
                .and_then(|w| w.get_selection().ok().flatten())
                .is_some_and(|s| !s.is_collapsed());
            let quote = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-quote]").ok().flatten())
                .and_then(|m| m.get_attribute("data-quote"))
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| shown.analysis.quotes.get(i));
            if let (Some(q), false) = (quote, selecting) {
                on_select.emit(Some(q.range.start()));
            }
        })
    };
    html! {
        <article class={classes!("article", props.hidden.iter().map(|h| format!("hide-{h}")).collect::<Vec<_>>())}
            aria-label="Article with quotes and names highlighted" onclick={on_click}>
            { for paragraphs.iter().enumerate().map(|(para, pieces)| html! {
                <p data-para={para.to_string()}>
                    { for pieces.iter().map(|seg| {
                        let piece = seg.range.slice(text).to_owned();
                        let inner = match seg.entity {
                            Some(k) => {
                                let e = &analysis.entities[k];
                                let label = e.label.as_str();
                                // The first piece of an entity carries its id (for "show mentions").
                                let id = (e.range.start() == seg.range.start()).then(|| format!("e-{k}"));
                                html! {
                                    <span class={classes!("entity", format!("ent-{label}"))} data-entity={label} title={label} {id} tabindex="-1">
                                        { piece }
                                    </span>
                                }
                            }
                            None => html! { { piece } },
                        };
                        if let Some(i) = seg.quote {
                            let q = &analysis.quotes[i];
                            let speaker = q.speaker.and_then(|s| analysis.speakers.get(s as usize));
                            let why = saidwho_core::export::explanation(analysis, i).unwrap_or_default();
                            let label = match speaker {
                                Some(s) => format!("{} quote ({}) by {} — {why}", q.kind.as_str(), q.cue_class.as_str(), s.name),
                                None => format!("{} quote ({}), speaker not found — {why}", q.kind.as_str(), q.cue_class.as_str()),
                            };
                            let style = q.speaker.map_or_else(
                                || "speaker-none".to_owned(),
                                |s| format!("speaker-{}", s as usize % SPEAKER_STYLES),
                            );
                            // The first piece of a quote carries its id (pieces split at
                            // names and at an interrupting attribution share data-quote).
                            let id = (q.range.start() == seg.range.start()).then(|| format!("q-{i}"));
                            html! {
                                <mark class={classes!("quote", style, q.kind.as_str(), q.cue_class.is_view().then_some("view"))}
                                    data-quote={i.to_string()} {id} tabindex="-1"
                                    data-found-by={q.found_by.as_str()}
                                    data-cue-class={q.cue_class.as_str()}
                                    data-edited={q.edited.any().then_some("")}
                                    title={label}>
                                    { inner }
                                </mark>
                            }
                        } else if let Some(i) = seg.cue_of {
                            let view = analysis.quotes[i].cue_class.is_view().then_some("view");
                            html! { <span class={classes!("cue", view)} data-cue={i.to_string()}>{ inner }</span> }
                        } else {
                            inner
                        }
                    }) }
                </p>
            }) }
            if total > *limit && *limit >= PAGE_PARAGRAPHS {
                <p class="more-row" role="note">
                    { format!("Showing {} of {total} paragraphs. ", (*limit).min(total)) }
                    <button type="button" class="tool" data-show-more="" onclick={show_more}>{ "Show more" }</button>
                    <button type="button" class="tool" data-show-all="" onclick={show_all}>{ "Show all" }</button>
                </p>
            }
        </article>
    }
}
