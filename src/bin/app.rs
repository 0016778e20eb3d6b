//! Entry point of the page (Trunk `data-type="main"`).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    yew::Renderer::<saidwho_web::app::App>::new().render();
}
