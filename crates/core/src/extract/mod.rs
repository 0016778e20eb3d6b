//! Article text from other formats: HTML pages and Markdown. Pure functions
//! of a string; nothing is fetched, executed or rendered.

pub mod entities;
pub mod html;
pub mod markdown;

pub use html::html_to_text;
pub use markdown::markdown_to_text;
