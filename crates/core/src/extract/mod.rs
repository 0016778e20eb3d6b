//! Article text from other formats: HTML pages, Markdown and Word (.docx), and the
//! members of zip archives. Pure functions of bytes; nothing is fetched, executed or
//! rendered.

pub mod docx;
pub mod entities;
pub mod html;
pub mod markdown;
pub mod zip;

pub use docx::{docx_to_text, DocxError};
pub use html::html_to_text;
pub use markdown::markdown_to_text;
