//! The corpus page's state: one reducer and its actions (the shape of yew's
//! `function_todomvc`). Articles arrive from the files read, their analyses
//! from the workers; the tables and figures are computed from `corpus`.

use std::rc::Rc;

use saidwho_core::corpus::files::InputArticle;
use saidwho_core::corpus::{Corpus, SpeakerEdits};
use serde::{Deserialize, Serialize};
use yew::Reducible;

/// One article's result: its part of the corpus (article 0) and its
/// prediction line (the format of `saidwho predict`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleResult {
    /// The article's row and quotes.
    pub part: Corpus,
    /// The prediction, as JSON.
    pub prediction: String,
}

/// Where the work is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing read yet.
    Empty,
    /// Reading files.
    Reading,
    /// Analysing: `done` of the articles, since `started_ms`.
    Analysing {
        /// Articles analysed.
        done: usize,
        /// When the analysis started (milliseconds, `now_ms`).
        started_ms: f64,
    },
    /// Every article analysed (or the rest cancelled).
    Ready,
}

/// The whole workspace, as stored and exported.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// "saidwho-corpus".
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// The articles, texts included.
    pub articles: Vec<StoredArticle>,
    /// The reader's merges and splits.
    pub edits: SpeakerEdits,
    /// Files that gave no article: (file, reason).
    pub problems: Vec<(String, String)>,
}

/// A workspace borrowed from the state, written as [`Workspace`] reads.
#[derive(Serialize)]
struct WorkspaceRef<'a> {
    format: &'a str,
    version: u32,
    articles: Vec<&'a StoredArticle>,
    edits: &'a SpeakerEdits,
    problems: &'a [(String, String)],
}

/// One article of a stored workspace.
// Eq as well: an `Rc<StoredArticle>` then compares by pointer first, so
// redrawing the tables never compares a thousand texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// Id, title, date, outlet, and text.
    pub meta: saidwho_core::corpus::ArticleMeta,
    /// The text.
    pub text: String,
    /// Its result, once analysed.
    pub result: Option<ArticleResult>,
}

/// Name and version of the workspace format.
pub const FORMAT: &str = "saidwho-corpus";
/// See [`FORMAT`].
pub const VERSION: u32 = 1;

/// The page's state.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusState {
    /// The articles, in the order read (each shared: the state is cloned
    /// on every action, and must not copy a thousand texts each time).
    pub articles: Vec<Rc<StoredArticle>>,
    /// The corpus of the analysed articles, in article order.
    pub corpus: Rc<Corpus>,
    /// The reader's merges and splits.
    pub edits: SpeakerEdits,
    /// Files that gave no article: (file, reason).
    pub problems: Vec<(String, String)>,
    /// Where the work is.
    pub phase: Phase,
    /// A message for the reader (errors included).
    pub notice: Option<(String, bool)>,
    /// Bumped when the workspace should be saved.
    pub saves: u32,
    /// Bumped when a new analysis run starts (workers answer only to it).
    pub run: u32,
}

impl Default for CorpusState {
    fn default() -> Self {
        Self {
            articles: Vec::new(),
            corpus: Rc::new(Corpus::new()),
            edits: SpeakerEdits::default(),
            problems: Vec::new(),
            phase: Phase::Empty,
            notice: None,
            saves: 0,
            run: 0,
        }
    }
}

/// What can happen.
pub enum Action {
    /// Files are being read.
    Reading,
    /// Files were read: new articles (added to those there) and problems;
    /// the analysis starts at `now_ms`.
    Read {
        /// The articles.
        articles: Vec<InputArticle>,
        /// (file, reason) of each file that gave none.
        problems: Vec<(String, String)>,
        /// The clock then (`now_ms`).
        now_ms: f64,
    },
    /// Article `index` of run `run` was analysed.
    Analysed {
        /// The run.
        run: u32,
        /// The article.
        index: usize,
        /// Its result.
        result: ArticleResult,
    },
    /// Stop analysing (what is done stays).
    Cancel,
    /// A workspace was loaded: from storage (`false`) or imported (`true`:
    /// it is saved).
    Load(Workspace, bool),
    /// Merge the speaker rows `from` into `into`.
    Merge {
        /// Keys merged away.
        from: Vec<String>,
        /// The key kept.
        into: String,
    },
    /// Split a speaker row by article: each article its own row.
    Split(String),
    /// Undo every merge and split.
    ResetEdits,
    /// Forget the corpus.
    Delete,
    /// Show a message (`true`: an error).
    Notice(String, bool),
}

impl CorpusState {
    /// The articles still to analyse, in order.
    #[must_use]
    pub fn pending(&self) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| self.articles[i].result.is_none())
            .collect()
    }

    /// The workspace without its articles, as JSON (what storage keeps
    /// beside the articles' own records).
    ///
    /// # Errors
    /// When serialising fails.
    pub fn meta_json(&self) -> Result<String, String> {
        let w = WorkspaceRef {
            format: FORMAT,
            version: VERSION,
            articles: Vec::new(),
            edits: &self.edits,
            problems: &self.problems,
        };
        serde_json::to_string(&w).map_err(|e| e.to_string())
    }

    /// The workspace as JSON, to store or export (written from the state,
    /// in the [`Workspace`] format).
    ///
    /// # Errors
    /// When serialising fails.
    pub fn workspace_json(&self) -> Result<String, String> {
        let w = WorkspaceRef {
            format: FORMAT,
            version: VERSION,
            articles: self.articles.iter().map(AsRef::as_ref).collect(),
            edits: &self.edits,
            problems: &self.problems,
        };
        serde_json::to_string(&w).map_err(|e| e.to_string())
    }

    fn rebuild(&mut self) {
        let mut corpus = Corpus::new();
        for a in &self.articles {
            if let Some(r) = &a.result {
                corpus.extend(r.part.clone());
            }
        }
        self.corpus = Rc::new(corpus);
    }

    /// Articles analysed so far.
    #[must_use]
    pub fn analysed(&self) -> usize {
        self.articles.iter().filter(|a| a.result.is_some()).count()
    }
}

impl Reducible for CorpusState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Reading => {
                s.phase = Phase::Reading;
                s.notice = None;
            }
            Action::Read {
                articles,
                problems,
                now_ms,
            } => {
                let added = articles.len();
                s.saves += 1;
                s.articles.extend(articles.into_iter().map(|a| {
                    Rc::new(StoredArticle {
                        meta: a.meta,
                        text: a.text,
                        result: None,
                    })
                }));
                s.problems.extend(problems);
                s.run += 1;
                s.phase = if s.pending().is_empty() {
                    Phase::Ready
                } else {
                    Phase::Analysing {
                        done: s.analysed(),
                        started_ms: now_ms,
                    }
                };
                if added == 0 {
                    s.notice = Some((
                        "No article found in what was given (see the files skipped).".into(),
                        true,
                    ));
                }
            }
            Action::Analysed { run, index, result } => {
                if run != s.run || index >= s.articles.len() || s.articles[index].result.is_some() {
                    return self;
                }
                let mut article = (*s.articles[index]).clone();
                article.result = Some(result);
                s.articles[index] = Rc::new(article);
                let done = s.analysed();
                if done == s.articles.len() {
                    s.phase = Phase::Ready;
                    s.rebuild();
                    s.saves += 1;
                } else if let Phase::Analysing { started_ms, .. } = s.phase {
                    s.phase = Phase::Analysing { done, started_ms };
                }
            }
            Action::Cancel => {
                s.run += 1;
                s.articles.retain(|a| a.result.is_some());
                s.phase = if s.articles.is_empty() {
                    Phase::Empty
                } else {
                    Phase::Ready
                };
                s.rebuild();
                s.saves += 1;
                s.notice = Some((
                    "Stopped: the articles analysed so far are kept.".into(),
                    false,
                ));
            }
            Action::Load(w, imported) => {
                s = Self::default();
                s.articles = w.articles.into_iter().map(Rc::new).collect();
                s.edits = w.edits;
                s.problems = w.problems;
                s.run = self.run + 1;
                s.rebuild();
                s.phase = if s.articles.is_empty() {
                    Phase::Empty
                } else {
                    Phase::Ready
                };
                s.saves = self.saves + u32::from(imported);
            }
            Action::Merge { from, into } => {
                for f in from.into_iter().filter(|f| *f != into) {
                    s.edits.merges.push((f, into.clone()));
                }
                s.saves += 1;
            }
            Action::Split(key) => {
                let rows = s.corpus.speakers(&s.edits);
                if let Some(row) = rows.iter().find(|r| r.key == key) {
                    // Quotes merged in go back to their own rows; a row of
                    // several articles becomes one row per article.
                    let merged: Vec<(String, String)> = s
                        .edits
                        .merges
                        .iter()
                        .filter(|(_, into)| *into == key)
                        .cloned()
                        .collect();
                    if merged.is_empty() {
                        for &a in &row.articles {
                            s.edits.splits.push((key.clone(), a));
                        }
                    } else {
                        s.edits.merges.retain(|m| !merged.contains(m));
                    }
                }
                s.saves += 1;
            }
            Action::ResetEdits => {
                s.edits = SpeakerEdits::default();
                s.saves += 1;
            }
            Action::Delete => {
                s = Self::default();
                s.run = self.run + 1;
                s.saves = self.saves + 1;
                s.notice = Some(("The corpus was deleted from this browser.".into(), false));
            }
            Action::Notice(text, error) => s.notice = Some((text, error)),
        }
        Rc::new(s)
    }
}
