//! Entry point of the analysis web worker (Trunk `data-type="worker"`).

use gloo_worker::Registrable;

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    saidwho_web::worker::AnalysisWorker::registrar().register();
}
