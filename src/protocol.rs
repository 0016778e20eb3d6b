//! Messages between the page and the analysis worker.

use saidwho_core::Analysis;
use serde::{Deserialize, Serialize};

/// Where Trunk puts the worker's loader script, relative to the page (so the
/// app works from any sub-path of a static host).
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// The entity model, relative to the worker (Trunk copies `static/models/`).
pub const NER_MODEL_URL: &str = "./models/ner-v4.bin";

/// The reported-speech model, relative to the worker.
pub const CLAUSE_MODEL_URL: &str = "./models/clauses-v2.bin";

/// Whether the worker has its entity model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelState {
    /// Still downloading: quotes are shown, entities follow.
    #[default]
    Loading,
    /// Loaded: entities are included.
    Ready,
    /// Could not be loaded (the reason); quotes still work.
    Failed(String),
}

impl ModelState {
    /// "loading", "ready" or "failed" (the page's `data-model` test hook).
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Loading => "loading",
            Self::Ready => "ready",
            Self::Failed(_) => "failed",
        }
    }
}

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
    /// Whether entities could be included.
    pub model: ModelState,
}

/// What the page sends the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WorkerInput {
    /// Analyse a text (replaces any analysis in progress).
    Analyze(AnalyzeRequest),
    /// Stop the analysis in progress, if any.
    Cancel,
}

/// What the worker sends the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WorkerOutput {
    /// A long text is being analysed piece by piece.
    Progress {
        /// The request.
        id: u64,
        /// Bytes analysed so far.
        done: usize,
        /// Bytes in all.
        total: usize,
    },
    /// The analysis is complete.
    Done(AnalyzeResponse),
    /// The analysis of request `id` was stopped on request.
    Cancelled(u64),
}

/// Texts longer than this are analysed in pieces, with progress.
pub const CHUNK_BYTES: usize = 512 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    /// The page and the worker exchange messages in bincode (gloo-worker's
    /// codec), which cannot skip a field: every analysis must come back
    /// whole, interrupted quotes, cue classes and confidences included.
    #[test]
    fn answers_survive_the_worker_codec() {
        let text = "“We will rebuild,” said Dr Ama Owusu, who runs the clinic. “Every house.”\n\n\
                    The union urged the council to act. “No,” she said.";
        let analysis = saidwho_core::analyze(text);
        assert!(analysis.quotes.iter().any(|q| !q.interruptions.is_empty()));
        assert!(analysis.quotes.iter().any(|q| q.interruptions.is_empty()));
        let answer = AnalyzeResponse {
            id: 7,
            analysis,
            elapsed_ms: 1.5,
            model: ModelState::Ready,
        };
        let bytes = bincode::serialize(&answer).expect("encodes");
        let back: AnalyzeResponse = bincode::deserialize(&bytes).expect("decodes");
        assert_eq!(back, answer);
    }
}
