//! The size report: every file of `dist/` with its raw and gzip size, what
//! a first visit downloads, and the budgets it must stay within.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

/// Everything but the models: wasm, JS glue, CSS, icons, page.
pub const SHELL_BUDGET_GZ: usize = 500 * 1024;
/// All models together (entities and attribution).
pub const MODELS_BUDGET_GZ: usize = 1000 * 1024;
/// A first visit, models included.
pub const TOTAL_BUDGET_GZ: usize = 1200 * 1024;
/// Budget of the corpus page's own files (it shares the worker and models).
pub const CORPUS_BUDGET_GZ: usize = 400 * 1024;

/// Gzip size of `bytes` (deflate level 9 plus the 18-byte gzip frame).
fn gzip_len(bytes: &[u8]) -> usize {
    miniz_oxide::deflate::compress_to_vec(bytes, 9).len() + 18
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a file is downloaded on a first visit (examples, cards, the
/// corpus page and the service worker's later fetches are not).
fn first_visit(rel: &str) -> bool {
    !(rel.starts_with("examples/")
        || rel.starts_with("corpus/")
        || rel.ends_with(".card.json")
        || rel == "sw.js"
        || rel == "manifest.webmanifest")
}

/// Prints the report for `dist` and fails when a budget is exceeded.
pub fn report(dist: &Path) -> Result<()> {
    let mut all = Vec::new();
    files(dist, &mut all)?;
    all.sort();
    let (mut shell, mut models, mut corpus_page) = (0usize, 0usize, 0usize);
    println!("{:<44} {:>10} {:>10}  first visit", "file", "raw", "gzip");
    for path in &all {
        let rel = path
            .strip_prefix(dist)?
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(path)?;
        let gz = gzip_len(&bytes);
        let counted = first_visit(&rel);
        println!(
            "{rel:<44} {:>10} {gz:>10}  {}",
            bytes.len(),
            if counted { "yes" } else { "no" }
        );
        if rel.starts_with("corpus/") {
            corpus_page += gz;
        }
        if counted {
            if rel.starts_with("models/") {
                models += gz;
            } else {
                shell += gz;
            }
        }
    }
    let kb = |n: usize| n as f64 / 1024.0;
    println!(
        "app shell (no models), gzip: {:>8.1} KB  (budget {:.0} KB)",
        kb(shell),
        kb(SHELL_BUDGET_GZ)
    );
    println!(
        "models, gzip:                {:>8.1} KB  (budget {:.0} KB)",
        kb(models),
        kb(MODELS_BUDGET_GZ)
    );
    println!(
        "first visit total, gzip:     {:>8.1} KB  (budget {:.0} KB)",
        kb(shell + models),
        kb(TOTAL_BUDGET_GZ)
    );
    println!(
        "corpus page (its own files, besides the worker and models), gzip: {:>8.1} KB  (budget {:.0} KB)",
        kb(corpus_page),
        kb(CORPUS_BUDGET_GZ)
    );
    if corpus_page > CORPUS_BUDGET_GZ {
        bail!(
            "the corpus page is {:.1} KB gzipped, over its {:.0} KB budget",
            kb(corpus_page),
            kb(CORPUS_BUDGET_GZ)
        );
    }
    if models > MODELS_BUDGET_GZ {
        bail!(
            "the models are {:.1} KB gzipped, over the {:.0} KB budget",
            kb(models),
            kb(MODELS_BUDGET_GZ)
        );
    }
    if shell > SHELL_BUDGET_GZ {
        bail!(
            "the app shell is {:.1} KB gzipped, over its {:.0} KB budget",
            kb(shell),
            kb(SHELL_BUDGET_GZ)
        );
    }
    if shell + models > TOTAL_BUDGET_GZ {
        bail!(
            "a first visit downloads {:.1} KB gzipped, over the {:.0} KB budget",
            kb(shell + models),
            kb(TOTAL_BUDGET_GZ)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_estimate_and_first_visit_files() {
        let text = "saidwho ".repeat(1000);
        assert!(gzip_len(text.as_bytes()) < 200);
        assert!(first_visit("app-1_bg.wasm") && first_visit("models/ner-v4.bin"));
        assert!(!first_visit("examples/seed.txt") && !first_visit("models/ner-v4.card.json"));
        assert!(!first_visit("corpus/corpus-1_bg.wasm"));
    }
}
