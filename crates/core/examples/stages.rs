//! Times each stage of the pipeline on a text file:
//! `cargo run --release -p saidwho-core --example stages -- FILE`.
#![allow(missing_docs)]

use std::time::Instant;

use saidwho_core::stages::numeric_entities;
use saidwho_core::stages::resolve;
use saidwho_core::stages::{attribute, Doc};
use saidwho_core::stages::{ner_tokens, tag_entities, NerModel};
use saidwho_core::stages::{paragraphs, scan_marks, sentences, tokenize};
use saidwho_core::TextRange;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let model = NerModel::from_bytes(include_bytes!("../../../static/models/ner-v4.bin")).unwrap();
    let mb = text.len() as f64 / 1_048_576.0;
    let t = Instant::now();
    let toks = tokenize(&text);
    let t_tok = t.elapsed();
    let t = Instant::now();
    let paras = paragraphs(&text);
    let sents = sentences(&text, &paras, &toks);
    let t_sent = t.elapsed();
    let t = Instant::now();
    let scan = scan_marks(&text, &paras);
    let doc = Doc::new(&text, &toks, &sents, &paras);
    let mut att = attribute(&doc, &scan);
    let t_quotes = t.elapsed();
    let t = Instant::now();
    let marked: Vec<TextRange> = scan.quotes.iter().map(|q| q.range).collect();
    let speakers = resolve(&doc, &mut att, &marked, &[]);
    let t_speakers = t.elapsed();
    let t = Instant::now();
    let ntoks = ner_tokens(&text, &toks);
    let ents = tag_entities(&text, &sents, &ntoks, &model);
    let nums = numeric_entities(&text, &sents, &ntoks);
    let t_ner = t.elapsed();
    println!(
        "{path}: {mb:.2} MB, {} tokens, {} quotes, {} speakers, {} entities",
        toks.len(),
        att.len(),
        speakers.len(),
        ents.len() + nums.len()
    );
    for (name, d) in [
        ("tokens", t_tok),
        ("sentences", t_sent),
        ("quotes", t_quotes),
        ("speakers", t_speakers),
        ("entities", t_ner),
    ] {
        println!(
            "  {name:<10} {:>8.1} ms  {:>7.1} MB/s",
            d.as_secs_f64() * 1e3,
            mb / d.as_secs_f64()
        );
    }
}
