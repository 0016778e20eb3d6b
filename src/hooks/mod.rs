//! Custom hooks of the page: each owns one piece of browser behaviour.

mod use_page_drop;

pub use use_page_drop::use_page_drop;
