//! Entry point of the corpus page (`corpus.html`, built into `dist/corpus/`).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("corpus"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<saidwho_web::corpus_view::CorpusApp>::with_root(root).render();
        }
        None => {
            yew::Renderer::<saidwho_web::corpus_view::CorpusApp>::new().render();
        }
    }
}
