//! `saidwho corpus`: many articles at once — files, folders, zip archives,
//! CSV and JSON Lines tables — analysed into a folder of tables: every
//! quote (`quotes.csv`), every speaker across articles (`speakers.csv`),
//! source-diversity figures (`summary.md`), the analyses in the format of
//! `saidwho predict` (`analyses.jsonl`), and the files that gave no article
//! with the reason (`problems.txt`, also on standard error).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use saidwho_core::corpus::export::{quotes_csv, speakers_csv, summary_markdown};
use saidwho_core::corpus::files::{InputArticle, Reader};
use saidwho_core::corpus::{Corpus, SpeakerEdits};
use saidwho_core::output::{Prediction, PredictionRecord, Versions};
use saidwho_core::{Analysis, Analyzer};

/// How to build the corpus.
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder written to (made when missing).
    pub out: PathBuf,
    /// The text column of CSV and JSON Lines inputs.
    pub text_column: Option<String>,
    /// Start the CSV files with a byte order mark (for Excel).
    pub bom: bool,
    /// Threads that analyse.
    pub jobs: usize,
    /// The versions written in `analyses.jsonl`.
    pub versions: Versions,
}

/// What was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Articles analysed.
    pub articles: usize,
    /// Files (or rows) that gave no article.
    pub problems: usize,
}

/// Every file under `path` (itself when a file), hidden ones aside, in
/// name order, with the name it is shown by.
fn files_under(path: &Path) -> anyhow::Result<Vec<(PathBuf, String)>> {
    if !path.is_dir() {
        let shown = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        return Ok(vec![(path.to_path_buf(), shown)]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?;
        for e in entries {
            let p = e?.path();
            if p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let base = path.parent().unwrap_or(path);
                let shown = p
                    .strip_prefix(base)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((p, shown));
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// The analyses of `articles`, in order, on `jobs` threads.
fn analyse_all(analyzer: &Analyzer, articles: &[InputArticle], jobs: usize) -> Vec<Analysis> {
    let chunk = articles.len().div_ceil(jobs.max(1)).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = articles
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|a| analyzer.analyze(&a.text))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Reads `inputs`, analyses every article and writes the corpus's files.
///
/// # Errors
/// When an input cannot be read, no article was found, or writing fails.
pub fn run(analyzer: &Analyzer, inputs: &[PathBuf], opts: &Options) -> anyhow::Result<Summary> {
    let mut reader = Reader::new(opts.text_column.clone());
    for input in inputs {
        for (path, shown) in files_under(input)? {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            reader.add_file(&shown, &bytes);
        }
    }
    let mut problems = String::new();
    for p in &reader.problems {
        eprintln!("saidwho: {}: {}", p.file, p.problem);
        problems.push_str(&format!("{}: {}\n", p.file, p.problem));
    }
    anyhow::ensure!(
        !reader.articles.is_empty(),
        "no article found in {} (see the messages above)",
        inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let analyses = analyse_all(analyzer, &reader.articles, opts.jobs);
    std::fs::create_dir_all(&opts.out)
        .with_context(|| format!("cannot make the folder {}", opts.out.display()))?;
    let write = |name: &str, body: &str| {
        let path = opts.out.join(name);
        std::fs::write(&path, body).with_context(|| format!("cannot write {}", path.display()))
    };
    let mut corpus = Corpus::new();
    let mut jsonl = Vec::new();
    for (article, analysis) in reader.articles.iter().zip(&analyses) {
        corpus.add(article.meta.clone(), &article.text, analysis);
        let record = PredictionRecord {
            prediction: Prediction::new(&article.meta.id, &article.text, analysis, false),
            versions: opts.versions.clone(),
        };
        serde_json::to_writer(&mut jsonl, &record)?;
        jsonl.write_all(b"\n")?;
    }
    let edits = SpeakerEdits::default();
    write("analyses.jsonl", &String::from_utf8_lossy(&jsonl))?;
    write("quotes.csv", &quotes_csv(&corpus, &edits, opts.bom))?;
    write("speakers.csv", &speakers_csv(&corpus, &edits, opts.bom))?;
    write("summary.md", &summary_markdown(&corpus, &edits))?;
    if !problems.is_empty() {
        write("problems.txt", &problems)?;
    }
    Ok(Summary {
        articles: reader.articles.len(),
        problems: reader.problems.len(),
    })
}
