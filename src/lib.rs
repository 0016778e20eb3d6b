//! # saidwho-web
//!
//! The saidwho page: a yew app (`bin/app.rs`) that sends the text to a web
//! worker (`bin/worker.rs`) running [`saidwho_core::analyze`], and shows the
//! article with its quotes highlighted. No text ever leaves the browser.

pub mod app;
pub mod browser;
pub mod components;
pub mod corpus_view;
pub mod editing;
pub mod excerpt;
pub mod file_load;
pub mod file_text;
pub mod frame;
pub mod hooks;
pub mod permalink;
pub mod protocol;
pub mod segments;
pub mod state;
pub mod worker;
