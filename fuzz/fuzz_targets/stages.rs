//! Each stage on its own, on any UTF-8 text: tokens, paragraphs, sentences,
//! quotation marks, tagger tokens, number rules, pieces for long texts and
//! share links. Each keeps its own invariants and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidwho_core::chunk_ranges;
use saidwho_core::stages::ner_tokens;
use saidwho_core::stages::numeric_entities;
use saidwho_core::stages::{paragraphs, scan_marks, sentences, tokenize};
use saidwho_core::TextRange;

fn ok(text: &str, r: TextRange) -> bool {
    r.start() <= r.end() && r.end() <= text.len() && text.is_char_boundary(r.start()) && text.is_char_boundary(r.end())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let toks = tokenize(text);
    assert!(toks.windows(2).all(|w| w[0].range.end() <= w[1].range.start()), "tokens in order, disjoint");
    assert!(toks.iter().all(|t| ok(text, t.range) && !t.range.is_empty()));
    let paras = paragraphs(text);
    assert!(paras.windows(2).all(|w| w[0].end() < w[1].start()));
    assert!(paras.iter().all(|p| ok(text, *p) && !p.slice(text).trim().is_empty()));
    let sents = sentences(text, &paras, &toks);
    assert!(sents.iter().all(|s| ok(text, *s) && paras.iter().any(|p| p.contains_range(*s))));
    let scan = scan_marks(text, &paras);
    assert!(scan.quotes.windows(2).all(|w| w[0].range.end() <= w[1].range.start()));
    assert!(scan.quotes.iter().all(|q| ok(text, q.range) && q.range.contains_range(q.content)));
    let ntoks = ner_tokens(text, &toks);
    assert!(ntoks.iter().all(|r| ok(text, *r)));
    for e in numeric_entities(text, &sents, &ntoks) {
        assert!(ok(text, e.range) && sents.iter().any(|s| s.contains_range(e.range)));
    }
    let pieces = chunk_ranges(text, 64 + data.len() % 200);
    assert_eq!(pieces.first().map(|p| p.start()), Some(0));
    assert_eq!(pieces.last().map(|p| p.end()), Some(text.len()));
    assert!(pieces.windows(2).all(|w| w[0].end() == w[1].start()) && pieces.iter().all(|p| ok(text, *p)));
});
