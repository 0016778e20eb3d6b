//! `saidwho`: analyse news articles on the command line.
//!
//! ```text
//! saidwho analyze [FILE|-] [--json]   # a readable table, or JSON
//! saidwho analyze FILE --explain      # the table, with the rules behind each quote
//! saidwho predict IN.jsonl            # predictions in the evaluation format
//! saidwho predict - --jobs 2 < a.jsonl  # a streaming filter, on two threads
//! saidwho predict a.csv --csv --text-column body
//! saidwho corpus articles/ more.zip --out report/   # many articles: tables and figures
//! ```

mod corpus;
mod csv_input;
mod input;
mod predict;
mod report;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

/// Who is quoted, and what did they say?
#[derive(Debug, Parser)]
#[command(name = "saidwho", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The entity model (default: `static/models/ner-v4.bin` of this checkout,
    /// or $SAIDWHO_NER_MODEL).
    #[arg(long, global = true)]
    model: Option<PathBuf>,
    /// Skip entity tagging.
    #[arg(long, global = true)]
    no_entities: bool,
    /// The reported-speech model (default: `static/models/clauses-v2.bin` of
    /// this checkout, or $SAIDWHO_CLAUSE_MODEL).
    #[arg(long, global = true)]
    clause_model: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse one article (a UTF-8 text file, or standard input).
    Analyze {
        /// The article; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Print the analysis as JSON (code-point offsets) instead of a table.
        #[arg(long)]
        json: bool,
        /// Under each quote, say which rule found it and how its speaker was chosen.
        #[arg(long)]
        explain: bool,
    },
    /// Read `{"id","text"}` JSON lines (or CSV rows) and write one
    /// prediction line per document to standard output, in input order
    /// (format: shared/eval/SCHEMA.md, with the saidwho and model versions).
    /// A bad record gets an error record (`{"id", "line", "error"}`) and the
    /// rest goes on; the exit status is the number of bad records (at most
    /// 255), 0 when there are none.
    Predict {
        /// The input file; `-` reads standard input (streamed).
        input: PathBuf,
        /// Add to each quote the rule that found it (`found_by`).
        #[arg(long)]
        with_rules: bool,
        /// Analyse on this many threads (output order is kept).
        #[arg(long, short = 'j', default_value_t = 1)]
        jobs: usize,
        /// The input is CSV with a header row.
        #[arg(long)]
        csv: bool,
        /// With --csv: the column holding each article's text.
        #[arg(long, default_value = "text")]
        text_column: String,
        /// With --csv: the column holding each article's id (else its line).
        #[arg(long, default_value = "id")]
        id_column: String,
    },
    /// Analyse many articles — text, Markdown, HTML and Word files, folders
    /// of them, zip archives, CSV and JSON Lines tables — and write to a
    /// folder: quotes.csv (every quote), speakers.csv (every speaker across
    /// the articles), summary.md (who gets the quotes and the words),
    /// analyses.jsonl (as `saidwho predict` writes them) and problems.txt
    /// (files that gave no article, and why).
    Corpus {
        /// Files and folders to read.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The folder to write to.
        #[arg(long, short = 'o', default_value = "saidwho-corpus")]
        out: PathBuf,
        /// The column of CSV and JSON Lines tables holding the text
        /// (default: "text", else "body", "content" or "article").
        #[arg(long)]
        text_column: Option<String>,
        /// Start the CSV files with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// Analyse on this many threads.
        #[arg(long, short = 'j', default_value_t = 1)]
        jobs: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => ExitCode::from(u8::try_from(failed).unwrap_or(u8::MAX)),
        Err(err) => {
            eprintln!("saidwho: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Where the entity model is looked for when `--model` is not given.
const DEFAULT_MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../static/models/ner-v4.bin"
);

/// Where the reported-speech model is looked for.
const CLAUSE_MODEL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../static/models/clauses-v2.bin"
);

/// The model file named by `flag` or the environment variable `var`, else
/// `default`; the flag says whether a missing file is an error.
fn model_path(flag: Option<&PathBuf>, var: &str, default: &str) -> (PathBuf, bool) {
    match (flag, std::env::var_os(var)) {
        (Some(p), _) => (p.clone(), true),
        (None, Some(p)) => (PathBuf::from(p), true),
        (None, None) => (PathBuf::from(default), false),
    }
}

/// The versioned name of a model file ("ner-v4" for `…/ner-v4.bin`).
fn model_name(path: &std::path::Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The analyser with the reported-speech model, when there is one.
fn with_clauses(
    cli: &Cli,
    a: saidwho_core::Analyzer,
    models: &mut Vec<String>,
) -> anyhow::Result<saidwho_core::Analyzer> {
    let (path, explicit) = model_path(
        cli.clause_model.as_ref(),
        "SAIDWHO_CLAUSE_MODEL",
        CLAUSE_MODEL,
    );
    match std::fs::read(&path) {
        Ok(bytes) => {
            models.push(model_name(&path));
            a.with_clause_model(&bytes).with_context(|| {
                format!("cannot load the reported-speech model {}", path.display())
            })
        }
        Err(e) if explicit => Err(e)
            .with_context(|| format!("cannot read the reported-speech model {}", path.display())),
        Err(_) => Ok(a),
    }
}

/// The analyser (the entity model unless told otherwise, and the
/// reported-speech model) and the versioned names of the models in use.
fn analyzer(cli: &Cli) -> anyhow::Result<(saidwho_core::Analyzer, Vec<String>)> {
    let mut models = Vec::new();
    let a = entity_analyzer(cli, &mut models)?;
    let a = with_clauses(cli, a, &mut models)?;
    models.push(saidwho_core::stages::ranker::MODEL_NAME.to_owned());
    Ok((a, models))
}

/// The analyser with the entity model, unless told otherwise.
fn entity_analyzer(cli: &Cli, models: &mut Vec<String>) -> anyhow::Result<saidwho_core::Analyzer> {
    if cli.no_entities {
        return Ok(saidwho_core::Analyzer::new());
    }
    let (path, explicit) = model_path(cli.model.as_ref(), "SAIDWHO_NER_MODEL", DEFAULT_MODEL);
    match std::fs::read(&path) {
        Ok(bytes) => {
            models.push(model_name(&path));
            saidwho_core::Analyzer::with_ner_model(&bytes)
                .with_context(|| format!("cannot load the entity model {}", path.display()))
        }
        Err(e) if explicit => {
            Err(e).with_context(|| format!("cannot read the entity model {}", path.display()))
        }
        Err(_) => {
            eprintln!(
                "saidwho: no entity model at {} (train one with `cargo run --release -p saidwho-train -- ner`); \
                 entities are skipped",
                path.display()
            );
            Ok(saidwho_core::Analyzer::new())
        }
    }
}

/// Runs the command; the number of bad records (predict), else 0.
fn run(cli: Cli) -> anyhow::Result<usize> {
    let (analyzer, models) = analyzer(&cli)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    match cli.command {
        Command::Analyze {
            file,
            json,
            explain,
        } => {
            let (name, text) = input::read_text(file.as_deref())?;
            let mut analysis = analyzer.analyze(&text);
            if json {
                // Only the JSON lists the names, grouped.
                analysis.group_names(&text);
                report::write_json(&mut out, &text, &analysis)?;
            } else {
                report::write_table(&mut out, &name, &text, &analysis, explain)?;
            }
        }
        Command::Predict {
            input,
            with_rules,
            jobs,
            csv,
            text_column,
            id_column,
        } => {
            let opts = predict::Options {
                jobs: jobs.max(1),
                with_rules,
                versions: saidwho_core::output::Versions {
                    saidwho: saidwho_core::VERSION.to_owned(),
                    models,
                },
            };
            let (name, reader) = input::open(&input)?;
            let summary = if csv {
                let records = csv_input::csv_records(reader, &text_column, &id_column)
                    .with_context(|| format!("cannot read {name} as CSV"))?;
                predict::predict_records(&analyzer, records, &mut out, &opts)?
            } else {
                predict::predict_jsonl(&analyzer, reader, &mut out, &opts)?
            };
            if summary.failed > 0 {
                eprintln!(
                    "saidwho: {} of {} records in {name} could not be analysed (error records written)",
                    summary.failed, summary.records
                );
            }
            failed = summary.failed;
        }
        Command::Corpus {
            inputs,
            out: folder,
            text_column,
            bom,
            jobs,
        } => {
            let opts = corpus::Options {
                out: folder,
                text_column,
                bom,
                jobs: jobs.max(1),
                versions: saidwho_core::output::Versions {
                    saidwho: saidwho_core::VERSION.to_owned(),
                    models,
                },
            };
            let summary = corpus::run(&analyzer, &inputs, &opts)?;
            writeln!(
                out,
                "{} articles analysed, {} files skipped; written to {}",
                summary.articles,
                summary.problems,
                opts.out.display()
            )?;
        }
    }
    out.flush()?;
    Ok(failed)
}
