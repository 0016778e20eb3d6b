//! Messages between the page and the analysis worker.

use saidwho_core::Analysis;
use serde::{Deserialize, Serialize};

/// Where Trunk puts the worker's loader script, relative to the page (so the
/// app works from any sub-path of a static host).
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// Ask the worker to analyse a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzeRequest {
    /// Increases with every request; answers to older requests are stale.
    pub id: u64,
    /// The text to analyse.
    pub text: String,
}

/// The worker's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzeResponse {
    /// The id of the request answered.
    pub id: u64,
    /// What the analyser found.
    pub analysis: Analysis,
    /// Time spent in `analyze`, in milliseconds.
    pub elapsed_ms: f64,
}
