//! Any UTF-8 text: the whole pipeline (with the shipped entity model) never
//! panics, and every span it returns is in bounds and on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidwho_core::{Analyzer, OffsetIndex, TextRange};
use std::sync::OnceLock;

static ANALYZER: OnceLock<Analyzer> = OnceLock::new();

fn check(text: &str, r: TextRange) {
    assert!(r.start() <= r.end() && r.end() <= text.len(), "span {r:?} out of bounds");
    assert!(text.is_char_boundary(r.start()) && text.is_char_boundary(r.end()), "span {r:?} splits a char");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let analyzer = ANALYZER.get_or_init(|| {
        Analyzer::with_ner_model(include_bytes!("../../static/models/ner-v4.bin"))
            .expect("model loads")
            .with_clause_model(include_bytes!("../../static/models/clauses-v2.bin"))
            .expect("clause model loads")
    });
    let a = analyzer.analyze(text);
    for r in a.paragraphs.iter().chain(&a.sentences) {
        check(text, *r);
    }
    let mut last_end = 0;
    for q in &a.quotes {
        check(text, q.range);
        assert!(q.range.start() >= last_end, "quotes overlap");
        last_end = q.range.end();
        for r in q.cue.iter().chain(&q.speaker_mention) {
            check(text, *r);
        }
        if let Some(s) = q.speaker {
            assert!((s as usize) < a.speakers.len());
        }
    }
    for e in &a.entities {
        check(text, e.range);
    }
    let idx = OffsetIndex::new(text);
    assert_eq!(idx.to_char(text.len()), text.chars().count());
    let _ = saidwho_core::export::to_json(text, &a);
    let _ = saidwho_core::export::to_csv(text, &a);
    let _ = saidwho_core::export::to_markdown(text, &a);
});
