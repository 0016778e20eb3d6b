//! `saidwho-train`: trains the models saidwho ships, reproducibly.
//!
//! ```text
//! cargo run --release -p saidwho-train -- ner [--data DIR] [--out FILE] [--epochs N] [--seed S]
//! ```
//!
//! Reads CoNLL-2003 train (and dev, for the scores on the model card) from
//! `DIR/conll2003/`, writes the model to `FILE` (default
//! `static/models/ner-v3.bin`) and a card beside it (`.card.json`).

mod corpus;
mod perceptron;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use saidwho_core::stages::ner::ModelParts;
use saidwho_core::stages::NerModel;

/// Command-line options.
struct Options {
    data: PathBuf,
    out: PathBuf,
    epochs: usize,
    seed: u64,
}

fn parse_args() -> Result<Options> {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("ner") => {}
        _ => bail!("usage: saidwho-train ner [--data DIR] [--out FILE] [--epochs N] [--seed S]"),
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut o = Options {
        data: root.join("../shared/data"),
        out: root.join("static/models/ner-v3.bin"),
        epochs: 16,
        seed: 7,
    };
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--data" => o.data = value.into(),
            "--out" => o.out = value.into(),
            "--epochs" => o.epochs = value.parse().context("--epochs takes a number")?,
            "--seed" => o.seed = value.parse().context("--seed takes a number")?,
            _ => bail!("unknown option {flag}"),
        }
    }
    Ok(o)
}

fn main() -> Result<()> {
    let o = parse_args()?;
    let started = Instant::now();
    let train = corpus::load(&o.data.join("conll2003/train.jsonl"))?;
    let dev = corpus::load(&o.data.join("conll2003/dev.jsonl"))?;
    eprintln!(
        "train: {} documents, dev: {} documents",
        train.len(),
        dev.len()
    );
    let parts: ModelParts = perceptron::train(&train, o.epochs, o.seed, &dev);
    let bytes = parts.to_bytes();
    let model = NerModel::from_bytes(&bytes).context("the model just written does not load")?;
    let scores = corpus::evaluate(&dev, &model);
    eprintln!("dev (quantised model): {}", scores.summary());
    if let Some(dir) = o.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&o.out, &bytes).with_context(|| format!("writing {}", o.out.display()))?;
    let card = serde_json::json!({
        "model": o.out.file_name().map(|n| n.to_string_lossy().into_owned()),
        "format_version": saidwho_core::stages::ner::FORMAT_VERSION,
        "kind": "averaged perceptron, first-order Viterbi under BIO constraints, 8-bit weights",
        "labels": ["PERSON", "ORG", "LOC", "MISC"],
        "training_data": "shared/data/conll2003/train.jsonl (CoNLL-2003 English train, 14,041 sentences)",
        "gazetteer": "lowercase words of train entities (2-fold during training)",
        "command": format!("cargo run --release -p saidwho-train -- ner --epochs {} --seed {}", o.epochs, o.seed),
        "epochs": o.epochs,
        "seed": o.seed,
        "features": model.n_features(),
        "bytes": bytes.len(),
        "dev_scores": scores.to_json(),
        "training_seconds": started.elapsed().as_secs(),
    });
    let card_path = o.out.with_extension("card.json");
    std::fs::write(&card_path, serde_json::to_string_pretty(&card)? + "\n")?;
    eprintln!(
        "wrote {} ({} bytes, {} features) and {}",
        o.out.display(),
        bytes.len(),
        model.n_features(),
        card_path.display()
    );
    Ok(())
}
