//! `saidwho`: analyse news articles on the command line.
//!
//! ```text
//! saidwho analyze [FILE|-] [--json]   # a readable table, or JSON
//! saidwho predict IN.jsonl            # predictions in the evaluation format
//! ```

mod input;
mod predict;
mod report;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Who is quoted, and what did they say?
#[derive(Debug, Parser)]
#[command(name = "saidwho", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    },
    /// Read `{"id","text"}` JSON lines and write one prediction line per
    /// document to standard output (format: shared/eval/SCHEMA.md).
    Predict {
        /// The JSON lines file; `-` reads standard input.
        input: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("saidwho: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Analyze { file, json } => {
            let (name, text) = input::read_text(file.as_deref())?;
            let analysis = saidwho_core::analyze(&text);
            if json {
                report::write_json(&mut out, &text, &analysis)?;
            } else {
                report::write_table(&mut out, &name, &text, &analysis)?;
            }
        }
        Command::Predict { input } => {
            let (name, text) = input::read_text(Some(&input))?;
            predict::predict_jsonl(&name, &text, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}
