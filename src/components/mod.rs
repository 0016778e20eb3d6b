//! The page's parts, one component per file.

pub mod article_view;
pub mod deferred;
pub mod entities_panel;
pub mod file_row;
pub mod input_panel;
pub mod legend;
pub mod long_text_notice;
pub mod speakers_panel;
pub mod status_bar;
pub mod toolbar;
