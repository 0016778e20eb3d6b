//! The corpus's two tables: its articles and its speakers across them,
//! each sortable by any column, filterable, and shown 100 rows at a time.

use std::collections::BTreeSet;
use std::rc::Rc;

use saidwho_core::corpus::{Corpus, CorpusSpeaker};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::StoredArticle;

/// Rows shown before "Show more".
const PAGE: usize = 50;

/// A column sort: its index and direction.
#[derive(Clone, Copy, PartialEq)]
struct Sort {
    col: usize,
    descending: bool,
}

/// What every table keeps: its sort, its filter text and how many rows it shows.
struct Controls {
    sort: UseStateHandle<Sort>,
    filter: UseStateHandle<String>,
    limit: UseStateHandle<usize>,
}

/// A table's controls, sorted first by column `col`.
#[hook]
fn use_controls(col: usize, descending: bool) -> Controls {
    Controls {
        sort: use_state(|| Sort { col, descending }),
        filter: use_state(String::new),
        limit: use_state(|| PAGE),
    }
}

/// Whether any of `fields` holds `needle` (lowercase; empty: every row).
fn found(needle: &str, fields: &[Option<&str>]) -> bool {
    needle.is_empty()
        || fields
            .iter()
            .flatten()
            .any(|f| f.to_lowercase().contains(needle))
}

/// `o` in the direction of `sort`.
fn directed(o: std::cmp::Ordering, sort: Sort) -> std::cmp::Ordering {
    if sort.descending {
        o.reverse()
    } else {
        o
    }
}

/// A sortable column header.
fn header(label: &str, col: usize, sort: &UseStateHandle<Sort>) -> Html {
    let current = **sort;
    let aria = if current.col == col {
        if current.descending {
            "descending"
        } else {
            "ascending"
        }
    } else {
        "none"
    };
    let onclick = {
        let sort = sort.clone();
        Callback::from(move |_| {
            let descending = if current.col == col {
                !current.descending
            } else {
                col != 0
            };
            sort.set(Sort { col, descending });
        })
    };
    html! {
        <th scope="col" aria-sort={aria}>
            <button type="button" class="sort" {onclick}>{ label }</button>
        </th>
    }
}

/// A filter box.
fn filter_box(label: &'static str, value: &UseStateHandle<String>) -> Html {
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    html! {
        <label class="filter">{ label }{ " " }
            <input type="search" value={(**value).clone()} {oninput} />
        </label>
    }
}

/// "Show more" under a table cut at `shown` of `total` rows.
fn more(shown: usize, total: usize, limit: &UseStateHandle<usize>) -> Html {
    if shown >= total {
        return html! {};
    }
    let onclick = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <p class="more">{ format!("{shown} of {total} rows. ") }
            <button type="button" {onclick}>{ "Show more" }</button></p>
    }
}

/// A table's section: its title, tools above it, its header row and
/// rows, scrolling sideways inside when wide, and "Show more" under it.
fn table_block(id: &str, title: String, tools: Html, head: Html, body: Html, footer: Html) -> Html {
    html! {
        <section class="table-block" aria-labelledby={id.to_owned()}>
            <h2 id={id.to_owned()}>{ title }</h2>
            { tools }
            <div class="scroll">
                <table class="corpus-table">
                    <thead><tr>{ head }</tr></thead>
                    <tbody>{ body }</tbody>
                </table>
            </div>
            { footer }
        </section>
    }
}

/// Props of the articles table.
#[derive(Properties, PartialEq)]
pub struct ArticlesProps {
    /// The articles (for their text, to open one).
    pub articles: Rc<Vec<Rc<StoredArticle>>>,
    /// The corpus.
    pub corpus: Rc<Corpus>,
}

/// Opens an article in the one-article view, in a new tab (its text in
/// the address fragment: nothing is sent anywhere). The link is made on
/// click: packing a hundred texts for every drawing of the table would
/// hold the page up.
fn open_article(text: &str) {
    let fragment =
        crate::permalink::encode(text, &saidwho_core::corrections::Corrections::default());
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target(&format!("../#{fragment}"), "_blank");
    }
}

/// The articles: title, date, outlet, quotes, speakers.
#[function_component(ArticlesTable)]
pub fn articles_table(props: &ArticlesProps) -> Html {
    let Controls {
        sort,
        filter,
        limit,
    } = use_controls(3, true);
    let needle = filter.to_lowercase();
    let a = &props.corpus.articles;
    let mut rows: Vec<usize> = (0..a.len())
        .filter(|&i| {
            let m = &a[i].meta;
            found(&needle, &[Some(&m.title), Some(&m.id), m.outlet.as_deref()])
        })
        .collect();
    let s = *sort;
    rows.sort_by(|&x, &y| {
        let (p, q) = (&a[x], &a[y]);
        let o = match s.col {
            0 => p
                .meta
                .title
                .to_lowercase()
                .cmp(&q.meta.title.to_lowercase()),
            1 => p.meta.date.cmp(&q.meta.date),
            2 => p.meta.outlet.cmp(&q.meta.outlet),
            3 => p.quotes.cmp(&q.quotes),
            _ => p.speakers.cmp(&q.speakers),
        };
        directed(o, s)
    });
    let total = rows.len();
    // The corpus's articles are the analysed ones, in order.
    let analysed: Vec<&Rc<StoredArticle>> = props
        .articles
        .iter()
        .filter(|s| s.result.is_some())
        .collect();
    let body = html! {
        { for rows.iter().take(*limit).map(|&i| {
            let r = &a[i];
            let onclick = analysed.get(i).map(|s| {
                let s = Rc::clone(s);
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    open_article(&s.text);
                })
            });
            html! {
                <tr data-corpus-article={r.meta.id.clone()} data-quotes={r.quotes.to_string()}>
                    <th scope="row">
                        if let Some(onclick) = onclick {
                            <a href="../" {onclick}>{ &r.meta.title }</a>
                        } else { { &r.meta.title } }
                        <span class="muted id">{ &r.meta.id }</span>
                    </th>
                    <td>{ r.meta.date.clone().unwrap_or_default() }</td>
                    <td>{ r.meta.outlet.clone().unwrap_or_default() }</td>
                    <td>{ r.quotes }</td>
                    <td>{ r.speakers }</td>
                </tr>
            }
        }) }
    };
    let head = html! { <>
        { header("Title", 0, &sort) }{ header("Date", 1, &sort) }{ header("Outlet", 2, &sort) }
        { header("Quotes", 3, &sort) }{ header("Speakers", 4, &sort) }
    </> };
    table_block(
        "articles-title",
        format!("Articles ({})", a.len()),
        filter_box("Filter articles", &filter),
        head,
        body,
        more((*limit).min(total), total, &limit),
    )
}

/// Props of the speakers table.
#[derive(Properties, PartialEq)]
pub struct SpeakersProps {
    /// The rows, with the reader's edits applied.
    pub rows: Rc<Vec<CorpusSpeaker>>,
    /// Merge the first keys into the last.
    pub on_merge: Callback<(Vec<String>, String)>,
    /// Split a row.
    pub on_split: Callback<String>,
    /// Undo every merge and split.
    pub on_reset: Callback<()>,
    /// Whether there are edits to undo.
    pub edited: bool,
}

/// The speakers across articles, with merge and split.
#[function_component(SpeakersTable)]
pub fn speakers_table(props: &SpeakersProps) -> Html {
    let Controls {
        sort,
        filter,
        limit,
    } = use_controls(4, true);
    let picked = use_state(BTreeSet::<String>::new);
    let needle = filter.to_lowercase();
    let rows = &props.rows;
    let mut shown: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            let r = &rows[i];
            found(
                &needle,
                &[Some(&r.name), r.organization.as_deref(), r.role.as_deref()],
            )
        })
        .collect();
    let s = *sort;
    shown.sort_by(|&x, &y| {
        let (p, q) = (&rows[x], &rows[y]);
        let o = match s.col {
            0 => p.name.to_lowercase().cmp(&q.name.to_lowercase()),
            1 => p.named.cmp(&q.named),
            2 => p.role.cmp(&q.role),
            3 => p.organization.cmp(&q.organization),
            4 => p.quotes.cmp(&q.quotes),
            5 => p.quoted_words.cmp(&q.quoted_words),
            _ => p.articles.len().cmp(&q.articles.len()),
        };
        directed(o, s)
    });
    let total = shown.len();
    let merge = {
        let (picked, on_merge, rows) = (picked.clone(), props.on_merge.clone(), rows.clone());
        Callback::from(move |_| {
            // Into the most quoted of the rows picked.
            let mut keys: Vec<&CorpusSpeaker> =
                rows.iter().filter(|r| picked.contains(&r.key)).collect();
            keys.sort_by_key(|r| std::cmp::Reverse(r.quotes));
            if let Some((into, rest)) = keys.split_first() {
                on_merge.emit((
                    rest.iter().map(|r| r.key.clone()).collect(),
                    into.key.clone(),
                ));
            }
            picked.set(BTreeSet::new());
        })
    };
    let reset = {
        let on_reset = props.on_reset.clone();
        Callback::from(move |_| on_reset.emit(()))
    };
    let body = html! {
        { for shown.iter().take(*limit).map(|&i| {
            let r = &rows[i];
            let key = r.key.clone();
            let on_pick = {
                let (picked, key) = (picked.clone(), key.clone());
                Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let mut set = (*picked).clone();
                    if input.checked() { set.insert(key.clone()); } else { set.remove(&key); }
                    picked.set(set);
                })
            };
            let on_split = {
                let (f, key) = (props.on_split.clone(), key.clone());
                Callback::from(move |_| f.emit(key.clone()))
            };
            let label = format!("Pick {}", r.name);
            html! {
                <tr data-corpus-speaker={r.name.clone()} data-quotes={r.quotes.to_string()}>
                    <td><input type="checkbox" aria-label={label} checked={picked.contains(&r.key)} onchange={on_pick} /></td>
                    <th scope="row">{ &r.name }</th>
                    <td>{ if r.named { "named" } else { "anonymous" } }</td>
                    <td>{ r.role.clone().unwrap_or_default() }</td>
                    <td>{ r.organization.clone().unwrap_or_default() }</td>
                    <td>{ r.quotes }</td>
                    <td>{ r.quoted_words }</td>
                    <td>{ r.articles.len() }</td>
                    <td>
                        if r.articles.len() > 1 || props.edited {
                            <button type="button" class="link" onclick={on_split}
                                    aria-label={format!("Split {} by article", r.name)}>{ "Split" }</button>
                        }
                    </td>
                </tr>
            }
        }) }
    };
    let tools = html! {
        <div class="table-tools">
            { filter_box("Filter speakers", &filter) }
            <button type="button" disabled={picked.len() < 2} onclick={merge} data-merge="">
                { format!("Merge the {} picked", picked.len()) }
            </button>
            if props.edited {
                <button type="button" onclick={reset}>{ "Undo merges and splits" }</button>
            }
        </div>
    };
    let head = html! { <>
        <th scope="col"><span class="visually-hidden">{ "Pick" }</span></th>
        { header("Speaker", 0, &sort) }{ header("Source", 1, &sort) }{ header("Role", 2, &sort) }
        { header("Organisation", 3, &sort) }{ header("Quotes", 4, &sort) }
        { header("Quoted words", 5, &sort) }{ header("Articles", 6, &sort) }
        <th scope="col"><span class="visually-hidden">{ "Split" }</span></th>
    </> };
    table_block(
        "speakers-title",
        format!("Speakers ({})", rows.len()),
        tools,
        head,
        body,
        more((*limit).min(total), total, &limit),
    )
}
