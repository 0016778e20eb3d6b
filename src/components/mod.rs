//! The page's parts, one component per file.

pub mod article_view;
pub mod input_panel;
pub mod quote_list;
pub mod status_bar;
