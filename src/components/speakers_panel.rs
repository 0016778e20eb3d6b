//! One card per speaker: name, role, how much they are quoted, and their
//! quotes; choosing a quote scrolls the article to it, "Review" opens its
//! evidence and corrections. "Unsure first" lists every quote, those without
//! a speaker and the least sure first.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::components::article_view::SPEAKER_STYLES;
use crate::components::deferred::{use_ready, DEFER_ITEMS};
use crate::components::speaker_editor::SpeakerEditor;
use crate::excerpt::excerpt;
use crate::state::{Notice, Shown};
use saidwho_core::corrections::Edit;

/// Most quotes listed in one card (the exports have them all), and offered
/// in its correction controls to split off.
pub(crate) const MAX_LISTED: usize = 50;

/// Speaker cards drawn before "Show all speakers" (the most quoted first).
const FIRST_SPEAKERS: usize = 12;

/// Quotes listed per card before "Show all speakers".
const FIRST_LISTED: usize = 20;

/// Longest excerpt shown in a card, in characters.
const EXCERPT_CHARS: usize = 160;

/// Properties of [`SpeakersPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct SpeakersPanelProps {
    /// The analysis to list.
    pub shown: Rc<Shown>,
    /// Tells the user whether a copy worked.
    pub on_notice: Callback<Notice>,
    /// Makes a correction (one undoable step).
    pub on_edit: Callback<Vec<Edit>>,
    /// Selects a quote for review (by a byte offset inside it).
    pub on_select: Callback<Option<usize>>,
}

/// The speakers, most quoted first, then quotes with no known speaker.
#[function_component(SpeakersPanel)]
pub fn speakers_panel(props: &SpeakersPanelProps) -> Html {
    let shown = &props.shown;
    let a = &shown.analysis;
    let total_words: u32 = a
        .speakers
        .iter()
        .map(|s| s.quoted_words)
        .sum::<u32>()
        .max(1);
    // "Show all" holds for the analysis it was pressed on.
    let all_for = use_state(|| None::<u64>);
    let all = &(*all_for == Some(shown.id));
    let unsure_first = use_state(|| false);
    let ready = use_ready(shown.id, a.quotes.len() + a.entities.len() > DEFER_ITEMS);
    let mut order: Vec<usize> = (0..a.speakers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(a.speakers[i].quoted_words));
    let hidden_cards = if *all {
        0
    } else {
        order.len().saturating_sub(FIRST_SPEAKERS)
    };
    order.truncate(order.len() - hidden_cards);
    let listed = if *all { MAX_LISTED } else { FIRST_LISTED };
    // Each speaker's quotes, in text order.
    let mut by_speaker: Vec<Vec<usize>> = vec![Vec::new(); a.speakers.len()];
    for (i, q) in a.quotes.iter().enumerate() {
        if let Some(list) = q.speaker.and_then(|s| by_speaker.get_mut(s as usize)) {
            list.push(i);
        }
    }
    let show_all = {
        let (all_for, id) = (all_for.clone(), shown.id);
        Callback::from(move |_: MouseEvent| all_for.set(Some(id)))
    };
    let cut_lists = !*all && order.iter().any(|&si| by_speaker[si].len() > FIRST_LISTED);
    let unattributed: Vec<usize> = (0..a.quotes.len())
        .filter(|&i| a.quotes[i].speaker.is_none())
        .collect();
    let quote_button = |i: usize, note: Option<String>| {
        let q = &a.quotes[i];
        let onclick = Callback::from(move |_| reveal(i));
        let on_review = {
            let (on_select, at) = (props.on_select.clone(), q.range.start());
            Callback::from(move |_| {
                on_select.emit(Some(at));
                reveal_element("quote-editor-title");
            })
        };
        let on_copy = {
            let (shown, on_notice) = (shown.clone(), props.on_notice.clone());
            Callback::from(move |_| {
                let Some(citation) =
                    saidwho_core::export::citation(&shown.text, &shown.analysis, i)
                else {
                    return;
                };
                let on_notice = on_notice.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let n = match browser::copy(&citation).await {
                        Ok(()) => Notice::info("Quote copied with its attribution."),
                        Err(e) => Notice::error(format!("The quote could not be copied ({e}).")),
                    };
                    on_notice.emit(n);
                });
            })
        };
        html! {
            <li data-list-quote={i.to_string()}>
                if let Some(note) = note {
                    <span class="unsure-who">{ note }</span>
                }
                <button type="button" class="quote-link" {onclick} title="Show this quote in the article">
                    <span class="kind">{ q.kind.as_str() }</span>
                    if q.cue_class.is_view() {
                        <span class="kind" data-cue-class={q.cue_class.as_str()}>{ q.cue_class.as_str() }</span>
                    }
                    { excerpt(&q.words(&shown.text), EXCERPT_CHARS) }
                </button>
                <button type="button" class="copy" data-copy-quote={i.to_string()} onclick={on_copy}
                    aria-label={format!("Copy quote {} with its attribution", i + 1)}>{ "Copy" }</button>
                <button type="button" class="copy" data-review-quote={i.to_string()} onclick={on_review}
                    aria-label={format!("Review or correct quote {}", i + 1)}>{ "Review" }</button>
                if q.edited.any() {
                    <span class="kind edited-tag" data-edited="">{ if q.edited.added { "added" } else { "edited" } }</span>
                }
                <details class="why" data-evidence="">
                    <summary>{ "Why?" }</summary>
                    { saidwho_core::export::explanation(a, i).unwrap_or_default() }
                </details>
            </li>
        }
    };
    if !ready {
        return html! {
            <section class="speakers" aria-label="Speakers" aria-busy="true">
                <h2>{ format!("Speakers ({})", a.speakers.len()) }</h2>
            </section>
        };
    }
    let on_unsure = {
        let unsure_first = unsure_first.clone();
        Callback::from(move |_| unsure_first.set(!*unsure_first))
    };
    let mut unsure: Vec<usize> = (0..a.quotes.len()).collect();
    unsure.sort_by_key(|&i| {
        let q = &a.quotes[i];
        (q.speaker.is_some(), q.edited.any(), q.confidence)
    });
    html! {
        <section class="speakers" aria-label="Speakers">
            <h2>{ format!("Speakers ({})", a.speakers.len()) }</h2>
            if a.quotes.is_empty() {
                <p class="placeholder">{ "No quotes found in this text." }</p>
            } else {
                <p class="more-row">
                    <button type="button" class="tool" data-unsure-first="" aria-pressed={unsure_first.to_string()} onclick={on_unsure}>
                        { "Unsure quotes first" }
                    </button>
                </p>
            }
            if *unsure_first {
                <h3>{ "All quotes, least sure first" }</h3>
                <ol class="quotes unsure" data-unsure-list="">
                    { for unsure.iter().copied().take(MAX_LISTED).map(|i| {
                        let q = &a.quotes[i];
                        let who = q.speaker.and_then(|s| a.speakers.get(s as usize)).map_or_else(
                            || "speaker not found".to_owned(),
                            |s| s.name.clone(),
                        );
                        let trust = if q.edited.any() { "checked".to_owned() } else { format!("{}%", q.confidence) };
                        quote_button(i, Some(format!("{who} · {trust}")))
                    }) }
                </ol>
            }
            <ul class="speaker-cards">
                { for order.iter().map(|&si| {
                    let s = &a.speakers[si];
                    let share = f64::from(s.quoted_words) * 100.0 / f64::from(total_words);
                    let quotes = &by_speaker[si];
                    let details = [s.role.clone(), s.organization.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                    html! {
                        <li class={classes!("speaker-card", format!("speaker-{}", si % SPEAKER_STYLES))} data-speaker={s.name.clone()}
                            data-quotes={s.quotes.to_string()} data-edited={s.edited.any().then_some("")}>
                            <h3>{ s.name.clone() }</h3>
                            if !details.is_empty() {
                                <p class="role">{ details }</p>
                            }
                            <p class="stats">
                                { stats_line(s, share) }
                            </p>
                            <progress class="bar" max="100" value={format!("{share:.1}")}
                                aria-label={format!("{share:.0}% of quoted words")}></progress>
                            <ol class="quotes">{ for quotes.iter().copied().take(listed).map(|i| quote_button(i, None)) }</ol>
                            if quotes.len() > listed {
                                <p class="more">{ format!("and {} more quotes — all are in the exports", quotes.len() - listed) }</p>
                            }
                            <SpeakerEditor shown={shown.clone()} speaker={si} on_edit={props.on_edit.clone()} />
                        </li>
                    }
                }) }
            </ul>
            if hidden_cards > 0 || cut_lists {
                <p class="more-row">
                    <button type="button" class="tool" data-show-speakers="" onclick={show_all}>
                        { if hidden_cards > 0 {
                            format!("Show all {} speakers ({hidden_cards} more)", a.speakers.len())
                        } else {
                            format!("Show up to {MAX_LISTED} quotes per speaker")
                        } }
                    </button>
                </p>
            }
            if !unattributed.is_empty() {
                <h3 class="unattributed" data-speaker-unknown="">{ format!("Speaker not found ({})", unattributed.len()) }</h3>
                <ol class="quotes">{ for unattributed.iter().copied().take(MAX_LISTED).map(|i| quote_button(i, None)) }</ol>
                if unattributed.len() > MAX_LISTED {
                    <p class="more">{ format!("and {} more — all are in the exports", unattributed.len() - MAX_LISTED) }</p>
                }
            }
        </section>
    }
}

/// Scrolls quote `i` of the article into view, focuses and flashes it.
fn reveal(i: usize) {
    reveal_element(&format!("q-{i}"));
}

/// Scrolls the element with this id into view, focuses and flashes it.
pub fn reveal_element(id: &str) {
    reveal_attempt(id, 40);
}

fn reveal_attempt(id: &str, attempts_left: u32) {
    let doc = web_sys::window().and_then(|w| w.document());
    let Some(el) = doc.as_ref().and_then(|d| d.get_element_by_id(id)) else {
        // Not drawn yet (a long text shows its beginning, or is still being
        // drawn): draw everything, then retry.
        let show_all = doc
            .and_then(|d| d.query_selector("[data-show-all]").ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = &show_all {
            button.click();
        }
        if attempts_left > 0 {
            let id = id.to_owned();
            gloo_timers::callback::Timeout::new(50, move || reveal_attempt(&id, attempts_left - 1))
                .forget();
        }
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

/// "3 quotes (1 view or finding) · 42 words · 30% of quoted words": views
/// and findings (beliefs, stances, evidence) counted apart from speech.
fn stats_line(s: &saidwho_core::Speaker, share: f64) -> String {
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let views = if s.views > 0 {
        format!(
            " ({})",
            plural(s.views, "view or finding", "views or findings")
        )
    } else {
        String::new()
    };
    format!(
        "{}{views} · {} words · {share:.0}% of quoted words",
        plural(s.quotes, "quote", "quotes"),
        s.quoted_words
    )
}
