//! The page's parts, one component per file.

pub mod article_view;
pub mod corrections_bar;
pub mod deferred;
pub mod entities_panel;
pub mod file_row;
pub mod input_panel;
pub mod legend;
pub mod long_text_notice;
pub mod quote_editor;
pub mod speaker_editor;
pub mod speakers_panel;
pub mod status_bar;
pub mod toolbar;
