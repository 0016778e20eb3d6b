//! Custom hooks of the page: each owns one piece of browser behaviour, so
//! that components only wire them together.

mod use_analysis_worker;
mod use_corrections;
mod use_long_paste;
mod use_page_drop;
mod use_start;
mod use_toggles;

pub use use_analysis_worker::{
    use_analysis_worker, watchdog_ms, AnalysisWorkerHandle, DEBOUNCE_MS,
};
pub use use_corrections::use_corrections;
pub use use_long_paste::use_long_paste;
pub use use_page_drop::use_page_drop;
pub use use_start::{use_example, use_start, EXAMPLE_URL};
pub use use_toggles::use_toggles;
