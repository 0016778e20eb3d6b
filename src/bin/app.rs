//! Entry point of the page (Trunk `data-type="main"`).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The static frame of index.html is already on screen: take it over.
    let early = std::rc::Rc::new(saidwho_web::frame::take_over());
    let props = saidwho_web::app::AppProps { early };
    match saidwho_web::frame::app_root() {
        Some(root) => {
            yew::Renderer::<saidwho_web::app::App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<saidwho_web::app::App>::with_props(props).render();
        }
    }
}
