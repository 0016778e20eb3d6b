//! In-browser tests (wasm-bindgen-test in headless Chromium, run by
//! `cargo xtask test`): the core runs in wasm, and the article view renders
//! quotes as highlights with their test hooks and user text as text only.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use saidwho_web::components::article_view::{ArticleView, ArticleViewProps};
use saidwho_web::state::Shown;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

async fn render(text: &str) -> web_sys::Element {
    let div = root();
    let shown = Rc::new(Shown::new(
        1,
        Rc::from(text),
        saidwho_core::analyze(text),
        0.0,
        saidwho_web::protocol::ModelState::Ready,
    ));
    yew::Renderer::<ArticleView>::with_root_and_props(
        div.clone(),
        ArticleViewProps {
            shown,
            hidden: Vec::new(),
            on_select: yew::Callback::noop(),
        },
    )
    .render();
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    div
}

/// The speaker ranker is trained natively and read in wasm: its feature
/// keys must hash the same on a 32-bit target (the same keys are pinned in
/// the native unit tests of `ranker.rs`).
#[wasm_bindgen_test]
fn speaker_ranker_keys_hash_as_natively() {
    use saidwho_core::stages::ranker::{none_features, Pronoun};
    assert_eq!(
        none_features(Pronoun::new("he", true), 2),
        [1_727_433_206, 3_936_926_691, 568_319_528]
    );
}

#[wasm_bindgen_test]
fn core_offsets_agree_with_javascript_strings() {
    let text = "😀 “Oui, oui,” she said in 東京.";
    let analysis = saidwho_core::analyze(text);
    let index = saidwho_core::OffsetIndex::new(text);
    let [s, e] = index.range_to_utf16(analysis.quotes[0].range);
    let js = js_sys::JsString::from(text);
    assert_eq!(
        String::from(js.substring(s as u32, e as u32)),
        "“Oui, oui,”"
    );
}

#[wasm_bindgen_test]
async fn quotes_are_highlighted_with_hooks() {
    let div =
        render("Title\n\n“We will win,” said Ms Kaori. “We will win again,” she added.").await;
    let marks = div.query_selector_all("mark[data-quote]").unwrap();
    assert_eq!(marks.length(), 2);
    let first = marks.item(0).unwrap();
    assert_eq!(first.text_content().unwrap(), "“We will win,”");
    assert_eq!(div.query_selector_all("p").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn user_text_is_never_parsed_as_html() {
    let div =
        render("“<img src=x onerror=alert(1)> is a payload,” he said. <script>alert(2)</script>")
            .await;
    assert!(div.query_selector("img").unwrap().is_none());
    assert!(div.query_selector("script").unwrap().is_none());
    assert!(div
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
}
