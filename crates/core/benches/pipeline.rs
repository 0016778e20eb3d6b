//! Whole-pipeline and per-stage speed on the seed article, a 1,000-word
//! article and 1 MB of news (PolNeAR dev articles, concatenated).
//! Run: `cargo bench -p saidwho-core --bench pipeline`.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use saidwho_core::stages::resolve;
use saidwho_core::stages::{attribute, Doc};
use saidwho_core::stages::{ner_tokens, tag_entities};
use saidwho_core::stages::{paragraphs, scan_marks, sentences, tokenize};
use saidwho_core::{Analyzer, TextRange};

const MODEL: &[u8] = include_bytes!("../../../static/models/ner-v4.bin");
const SEED: &str = include_str!("../../../../shared/data/seed/seed.txt");
const DEV: &str = include_str!("../../../../shared/data/polnear/dev.jsonl");

/// Article texts from the PolNeAR dev file (one JSON object per line).
fn dev_texts() -> Vec<String> {
    DEV.lines()
        .filter_map(|l| {
            let start = l.find("\"text\": \"")? + 9;
            let mut out = String::new();
            let mut chars = l[start..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => return Some(out),
                    '\\' => match chars.next()? {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex: String = chars.by_ref().take(4).collect();
                            out.push(
                                char::from_u32(u32::from_str_radix(&hex, 16).ok()?)
                                    .unwrap_or('\u{FFFD}'),
                            );
                        }
                        other => out.push(other),
                    },
                    c => out.push(c),
                }
            }
            None
        })
        .collect()
}

fn inputs() -> Vec<(&'static str, String)> {
    let dev = dev_texts();
    let joined = dev.join("\n\n");
    let words: Vec<&str> = joined.split(' ').take(1000).collect();
    let mut mb = String::new();
    while mb.len() < 1 << 20 {
        mb.push_str(&joined);
        mb.push_str("\n\n");
    }
    let cut = (0..=(1 << 20))
        .rev()
        .find(|&i| mb.is_char_boundary(i))
        .unwrap_or(0);
    mb.truncate(cut);
    vec![
        ("seed", SEED.to_owned()),
        ("1000_words", words.join(" ")),
        ("1_MB", mb),
    ]
}

fn whole(c: &mut Criterion) {
    let analyzer = Analyzer::with_ner_model(MODEL).unwrap();
    let mut g = c.benchmark_group("analyze");
    g.sample_size(20);
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| analyzer.analyze(t))
        });
    }
    g.finish();
}

fn stages(c: &mut Criterion) {
    let model = saidwho_core::stages::NerModel::from_bytes(MODEL).unwrap();
    let (_, text) = inputs().pop().unwrap();
    let text = &text;
    let toks = tokenize(text);
    let paras = paragraphs(text);
    let sents = sentences(text, &paras, &toks);
    let scan = scan_marks(text, &paras);
    let doc = Doc::new(text, &toks, &sents, &paras);
    let marked: Vec<TextRange> = scan.quotes.iter().map(|q| q.range).collect();
    let ntoks = ner_tokens(text, &toks);
    let mut g = c.benchmark_group("stage_1MB");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokenize", |b| b.iter(|| tokenize(text)));
    g.bench_function("sentences", |b| {
        b.iter(|| sentences(text, &paragraphs(text), &toks))
    });
    g.bench_function("quotes", |b| {
        b.iter(|| attribute(&doc, &scan_marks(text, &paras)))
    });
    g.bench_function("speakers", |b| {
        b.iter_batched(
            || attribute(&doc, &scan),
            |mut a| resolve(&doc, &mut a, &marked, &[]),
            criterion::BatchSize::LargeInput,
        )
    });
    g.bench_function("entities", |b| {
        b.iter(|| tag_entities(text, &sents, &ntoks, &model))
    });
    g.finish();
}

criterion_group!(benches, whole, stages);
criterion_main!(benches);
