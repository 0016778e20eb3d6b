//! Entity tagger speed: tokens per second (tagging only) and model load
//! time. Run: `cargo bench -p saidwho-core --bench ner`.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use saidwho_core::stages::{ner_tokens, tag_entities, NerModel};
use saidwho_core::stages::{paragraphs, sentences, tokenize};

const MODEL: &[u8] = include_bytes!("../../../static/models/ner-v4.bin");
const SEED: &str = include_str!("../../../../shared/data/seed/seed.txt");

fn corpus() -> String {
    // The seed article repeated: about 50,000 tokens of real news text.
    SEED.repeat(100)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let toks = tokenize(&text);
    let paras = paragraphs(&text);
    let sents = sentences(&text, &paras, &toks);
    let ntoks = ner_tokens(&text, &toks);
    let model = NerModel::from_bytes(MODEL).unwrap();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(ntoks.len() as u64));
    g.bench_function("tag_tokens", |b| {
        b.iter(|| tag_entities(&text, &sents, &ntoks, &model))
    });
    g.finish();
    c.bench_function("ner/load_model", |b| {
        b.iter(|| NerModel::from_bytes(MODEL).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
