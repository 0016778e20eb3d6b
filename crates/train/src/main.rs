//! `saidwho-train`: trains the models saidwho ships, reproducibly.
//!
//! ```text
//! cargo run --release -p saidwho-train -- ner [--data DIR] [--sources DIR] [--out FILE]
//!     [--epochs N] [--seed S] [--cluster-words N] [--cluster-seed S] [--without clusters,lists,evidence,history,title-case]
//! ```
//!
//! Reads CoNLL-2003 train (and dev, for the scores on the model card) from
//! `DIR/conll2003/`, and the outside data (GloVe vectors, GeoNames places,
//! Census names) that `cargo xtask train-ner` fetches into `--sources`
//! (default `.cache/train`); writes the model to `FILE` (default
//! `static/models/ner-v4.bin`) and a card beside it (`.card.json`).

mod averaged;
mod clauses;
mod clusters;
mod coref;
mod corpus;
mod lists;
mod perceptron;
mod speakers;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use saidwho_core::stages::ner::ModelParts;
use saidwho_core::stages::NerModel;

/// Command-line options.
struct Options {
    data: PathBuf,
    sources: PathBuf,
    out: PathBuf,
    epochs: usize,
    seed: u64,
    cluster_words: usize,
    cluster_seed: u64,
    without: Vec<String>,
    /// `ner-cv`: cross-validation over this many folds of train, no model written.
    folds: usize,
}

const USAGE: &str = "usage: saidwho-train ner|ner-cv [--data DIR] [--sources DIR] [--out FILE] [--epochs N] [--seed S] [--cluster-words N] [--cluster-seed S] [--without clusters,lists,evidence,history,title-case]";

fn parse_args() -> Result<Options> {
    let mut args = std::env::args().skip(1);
    let folds = match args.next().as_deref() {
        Some("ner") => 0,
        Some("ner-cv") => 5,
        _ => bail!(USAGE),
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut o = Options {
        data: root.join("../shared/data"),
        sources: root.join(".cache/train"),
        out: root.join("static/models/ner-v4.bin"),
        epochs: 12,
        seed: 7,
        cluster_words: 50_000,
        cluster_seed: 7,
        without: Vec::new(),
        folds,
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
            "--sources" => o.sources = value.into(),
            "--cluster-words" => {
                o.cluster_words = value.parse().context("--cluster-words takes a number")?;
            }
            "--cluster-seed" => {
                o.cluster_seed = value.parse().context("--cluster-seed takes a number")?
            }
            "--without" => o.without = value.split(',').map(str::to_owned).collect(),
            _ => bail!("unknown option {flag}\n{USAGE}"),
        }
    }
    Ok(o)
}

/// The outside data, less what `--without` leaves out.
fn load_outside(o: &Options) -> Result<perceptron::Outside> {
    let uses = |part: &str| !o.without.iter().any(|w| w == part);
    let mut outside = perceptron::Outside {
        evidence: uses("evidence"),
        history: uses("history"),
        title_case: uses("title-case"),
        ..Default::default()
    };
    if uses("lists") {
        outside.lists = lists::load(&o.sources)?;
        eprintln!(
            "lists: {} words, {} multiword places",
            outside.lists.words.len(),
            outside.lists.phrases.len()
        );
    }
    if uses("clusters") {
        let t = Instant::now();
        let glove = clusters::load_glove(&o.sources.join("glove"))?;
        outside.clusters = clusters::clusters(&glove, o.cluster_words, o.cluster_seed);
        eprintln!(
            "clusters: {} words in {:.1} s",
            outside.clusters.len(),
            t.elapsed().as_secs_f64()
        );
    }
    Ok(outside)
}

/// Trains on all folds of `train` but one and scores the one left out, for
/// each fold; prints each fold's micro F1 and their mean.
fn cross_validate(train: &[corpus::Doc], o: &Options, outside: &perceptron::Outside) -> Result<()> {
    let mut f1s = Vec::new();
    for k in 0..o.folds {
        let (rest, held): (Vec<_>, Vec<_>) = train
            .iter()
            .enumerate()
            .partition(|(i, _)| i % o.folds != k);
        let rest: Vec<corpus::Doc> = rest.into_iter().map(|(_, d)| d.clone()).collect();
        let held: Vec<corpus::Doc> = held.into_iter().map(|(_, d)| d.clone()).collect();
        let parts = perceptron::train(&rest, o.epochs, o.seed, &[], outside);
        let model = NerModel::from_bytes(&parts.to_bytes())?;
        let scores = corpus::evaluate(&held, &model);
        eprintln!("fold {}/{}: {}", k + 1, o.folds, scores.summary());
        f1s.push(scores.f1());
    }
    let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
    println!(
        "{}-fold cross-validation on CoNLL-2003 train: micro F1 {:.2} (folds: {})",
        o.folds,
        100.0 * mean,
        f1s.iter()
            .map(|f| format!("{:.2}", 100.0 * f))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}

/// `saidwho-train clauses [--epochs N] [--out FILE]`: the reported-speech
/// tagger from PolNeAR train, written with its card.
fn train_clauses() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = root.join("static/models/clauses-v2.bin");
    let mut epochs = 5;
    let mut min_weight: i8 = 5;
    let mut leave_out: Option<usize> = None;
    let mut args = std::env::args().skip(2);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--epochs" => epochs = value.parse().context("--epochs takes a number")?,
            "--out" => out = value.into(),
            "--min-weight" => min_weight = value.parse().context("--min-weight takes a number")?,
            "--leave-out" => leave_out = Some(value.parse().context("--leave-out takes a fold, 0-4")?),
            _ => bail!("usage: saidwho-train clauses [--epochs N] [--min-weight Q] [--leave-out FOLD] [--out FILE]"),
        }
    }
    let started = Instant::now();
    let data = root.join("../shared/data/polnear/train.jsonl");
    // Cross-validation: train on four fifths of the documents (the fold is
    // the document's line number modulo 5).
    let keep = |n: usize| leave_out.is_none_or(|k| n % 5 != k);
    // The tagger reads the entity model's word clusters.
    let ner_path = root.join("static/models/ner-v4.bin");
    let ner_bytes =
        std::fs::read(&ner_path).with_context(|| format!("reading {}", ner_path.display()))?;
    let ner = saidwho_core::stages::NerModel::from_bytes(&ner_bytes)
        .context("the entity model does not load")?;
    let (examples, cue_words) = clauses::examples(&data, keep, &ner)?;
    let parts = clauses::train(&examples, cue_words, epochs, 7);
    let bytes = parts.to_bytes(min_weight);
    saidwho_core::stages::learned::ClauseModel::from_bytes(&bytes)
        .context("the clause model just made does not load")?;
    let card = serde_json::json!({
        "model": out.file_name().map(|n| n.to_string_lossy().into_owned()),
        "format_version": saidwho_core::stages::learned::FORMAT_VERSION,
        "kind": "averaged perceptron over sentence words, BIO tags for source, cue and content, first-order Viterbi, 8-bit weights",
        "training_data": "shared/data/polnear/train.jsonl (PolNeAR train: 840 news articles, 19,868 human attributions)",
        "used_for": "sentences where no rule finds a quote (rule id learned-clause)",
        "command": format!("cargo run --release -p saidwho-train -- clauses --epochs {epochs} --min-weight {min_weight}"),
        "epochs": epochs,
        "sentences": examples.len(),
        "bytes": bytes.len(),
        "dev_scores": "docs/quality.md (python3 ../shared/eval/score.py quotes on PolNeAR dev)",
        "training_seconds": started.elapsed().as_secs(),
    });
    write_model(&out, &bytes, &card)?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

/// Writes a model's bytes to `out` and its card beside it (`.card.json`).
fn write_model(out: &std::path::Path, bytes: &[u8], card: &serde_json::Value) -> Result<()> {
    std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))?;
    let card_path = out.with_extension("card.json");
    std::fs::write(&card_path, serde_json::to_string_pretty(card)? + "\n")
        .with_context(|| format!("writing {}", card_path.display()))
}

/// `saidwho-train speakers [--epochs N] [--out FILE]`: the speaker ranker
/// from PolNeAR train and its silver clusters, after a 5-fold
/// cross-validation of its ranking accuracy; written with its card.
fn train_speakers() -> Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/data/speakers-v1.bin"
    ));
    // Five passes: the best of 5, 10 and 20 in the cross-validation.
    let mut epochs = 5;
    let mut args = std::env::args().skip(2);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--epochs" => epochs = value.parse().context("--epochs takes a number")?,
            "--out" => out = value.into(),
            _ => bail!("usage: saidwho-train speakers [--epochs N] [--out FILE]"),
        }
    }
    let started = Instant::now();
    let read = |p: &str| std::fs::read(root.join(p)).with_context(|| format!("reading {p}"));
    let analyzer = saidwho_core::Analyzer::with_ner_model(&read("static/models/ner-v4.bin")?)?
        .with_clause_model(&read("static/models/clauses-v2.bin")?)?;
    let data = root.join("../shared/data/polnear/train.jsonl");
    let clusters = root.join("../shared/data/polnear/clusters-train.jsonl");
    let chains = coref::read(&root.join("../shared/data/polnear-corenlp/coref-train.jsonl.gz"))?;
    let all = speakers::examples(&data, &clusters, &chains, &analyzer)?;
    let every: Vec<&speakers::Example> = all.examples.iter().collect();
    let mut fold_accuracy = Vec::new();
    for k in 0..5 {
        let (held, rest): (Vec<&speakers::Example>, Vec<&speakers::Example>) =
            every.iter().partition(|e| e.line % 5 == k);
        let ranker = speakers::train(&rest, epochs, 7);
        fold_accuracy.push(speakers::accuracy(&ranker, &held));
    }
    let cv = fold_accuracy.iter().sum::<f64>() / fold_accuracy.len() as f64;
    let rule = speakers::rule_accuracy(&all.examples);
    let ranker = speakers::train(&every, epochs, 7);
    let bytes = ranker.to_bytes();
    saidwho_core::stages::ranker::Ranker::from_bytes(&bytes)
        .context("the speaker ranker just made does not load")?;
    let card = serde_json::json!({
        "model": out.file_name().map(|n| n.to_string_lossy().into_owned()),
        "format_version": saidwho_core::stages::ranker::FORMAT_VERSION,
        "kind": "averaged perceptron ranking a pronoun speaker's candidates (speakers already quoted, names before it) against leaving it unresolved",
        "training_data": "shared/data/polnear/train.jsonl with clusters-train.jsonl and polnear-corenlp/coref-train.jsonl.gz (PolNeAR train, 840 articles; silver speaker clusters and coreference chains from CoreNLP)",
        "labels": "a speaker already quoted is right when its latest mention is a source in the pronoun's cluster (wrong when another cluster's); a name when its surname is a capitalised word of a named source in the cluster, or when the pronoun's CoreNLP coreference chain holds it (a mention overlaps it or ends with its surname); unresolved when no candidate is right",
        "command": format!("cargo run --release -p saidwho-train -- speakers --epochs {epochs}"),
        "epochs": epochs,
        "pronouns": all.pronouns,
        "examples": all.examples.len(),
        "cross_validation_ranking_accuracy": format!("{:.1}% (5 folds of train: {})", 100.0 * cv,
            fold_accuracy.iter().map(|a| format!("{:.1}", 100.0 * a)).collect::<Vec<_>>().join(", ")),
        "training_accuracy": format!("{:.1}%", 100.0 * speakers::accuracy(&ranker, &every)),
        "nearest_person_rule_accuracy": format!("{:.1}% (the rule the ranker replaced, on the same examples)", 100.0 * rule),
        "bytes": bytes.len(),
        "dev_scores": "docs/quality.md (score.py quotes and speakers on PolNeAR dev)",
        "training_seconds": started.elapsed().as_secs(),
    });
    write_model(&out, &bytes, &card)?;
    eprintln!(
        "wrote {} ({} bytes; {} examples from {} pronouns; cross-validation ranking accuracy {:.1}%, the nearest-person rule {:.1}%)",
        out.display(),
        bytes.len(),
        all.examples.len(),
        all.pronouns,
        100.0 * cv,
        100.0 * rule
    );
    Ok(())
}

fn main() -> Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some("clauses") => return train_clauses(),
        Some("speakers") => return train_speakers(),
        _ => {}
    }
    let o = parse_args()?;
    let started = Instant::now();
    let train = corpus::load(&o.data.join("conll2003/train.jsonl"))?;
    let dev = corpus::load(&o.data.join("conll2003/dev.jsonl"))?;
    eprintln!(
        "train: {} documents, dev: {} documents",
        train.len(),
        dev.len()
    );
    let outside = load_outside(&o)?;
    if o.folds > 0 {
        return cross_validate(&train, &o, &outside);
    }
    let parts: ModelParts = perceptron::train(&train, o.epochs, o.seed, &dev, &outside);
    let bytes = parts.to_bytes();
    let model = NerModel::from_bytes(&bytes).context("the model just written does not load")?;
    let scores = corpus::evaluate(&dev, &model);
    eprintln!("dev (quantised model): {}", scores.summary());
    if let Some(dir) = o.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&o.out, &bytes).with_context(|| format!("writing {}", o.out.display()))?;
    let sources: serde_json::Value = std::fs::read_to_string(o.sources.join("SOURCES.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null);
    let card = serde_json::json!({
        "model": o.out.file_name().map(|n| n.to_string_lossy().into_owned()),
        "format_version": saidwho_core::stages::ner::FORMAT_VERSION,
        "kind": "averaged perceptron, first-order Viterbi under BILOU constraints, 8-bit weights",
        "labels": ["PERSON", "ORG", "LOC", "MISC"],
        "training_data": "shared/data/conll2003/train.jsonl (CoNLL-2003 English train, 14,041 sentences); all-caps headlines also learnt in title case",
        "features": {
            "sentence": "words, lowercase forms, shapes, suffixes, neighbours (two each side)",
            "gazetteer": "lowercase words of train entities (2-fold during training)",
            "word_clusters": format!("{} most frequent GloVe 6B words, 2 leading principal directions removed, spherical k-means tree 8/64/512/4096 (cluster seed {})", outside.clusters.len(), o.cluster_seed),
            "name_lists": format!("{} words (Census first names, {} most frequent surnames, one-word GeoNames places, WordNet places and people's last names) and {} multiword places (GeoNames, WordNet)", outside.lists.words.len(), lists::MAX_SURNAMES, outside.lists.phrases.len()),
            "document_evidence": outside.evidence,
            "earlier_sentences_tags": outside.history,
            "title_case_headlines": outside.title_case,
        },
        "sources": sources,
        "command": format!("cargo xtask train-ner (= saidwho-train ner --epochs {} --seed {} --cluster-words {} --cluster-seed {})", o.epochs, o.seed, o.cluster_words, o.cluster_seed),
        "epochs": o.epochs,
        "seed": o.seed,
        "n_features": model.n_features(),
        "bytes": bytes.len(),
        "dev_scores": scores.to_json(),
        "cross_validation_and_ablation": "docs/quality.md (saidwho-train ner-cv; --without clusters|lists|evidence|history|title-case)",
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
