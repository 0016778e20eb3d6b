//! Properties that hold for any text (with both shipped models): spans in bounds and on char
//! boundaries, exact offset conversions, quotes that never overlap, entities
//! inside one sentence, deterministic results, and extraction that never
//! panics.

use proptest::prelude::*;
use saidwho_core::{Analyzer, OffsetIndex, TextRange};
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| {
        Analyzer::with_ner_model(include_bytes!("../../../static/models/ner-v4.bin"))
            .unwrap()
            .with_clause_model(include_bytes!("../../../static/models/clauses-v2.bin"))
            .unwrap()
    })
}

/// Text made of news-like pieces and arbitrary Unicode, so that quotes,
/// names and odd characters all occur.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("'".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just("「".to_owned()),
        Just("」".to_owned()),
        Just(" said ".to_owned()),
        Just(" Ms Kaori Kawarabayashi ".to_owned()),
        Just(", he added. ".to_owned()),
        Just("\n\n".to_owned()),
        Just("Mr. ".to_owned()),
        Just("according to the ministry, ".to_owned()),
        Just(" $10 million on Nov 24 ".to_owned()),
        Just("😀".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("東京".to_owned()),
        Just("مرحبا".to_owned()),
        Just("\u{200f}".to_owned()),
        Just("\r\n".to_owned()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn in_bounds(text: &str, r: TextRange) -> bool {
    r.start() <= r.end()
        && r.end() <= text.len()
        && text.is_char_boundary(r.start())
        && text.is_char_boundary(r.end())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_valid_and_quotes_disjoint(text in texty()) {
        let a = analyzer().analyze(&text);
        for r in a.paragraphs.iter().chain(&a.sentences).chain(a.tokens.iter().map(|t| &t.range)) {
            prop_assert!(in_bounds(&text, *r));
        }
        let mut end = 0;
        for q in &a.quotes {
            prop_assert!(in_bounds(&text, q.range));
            prop_assert!(q.range.start() >= end, "quotes overlap");
            end = q.range.end();
            for r in q.cue.iter().chain(&q.speaker_mention) {
                prop_assert!(in_bounds(&text, *r));
            }
            prop_assert!(q.speaker.is_none_or(|s| (s as usize) < a.speakers.len()));
        }
        for e in &a.entities {
            prop_assert!(in_bounds(&text, e.range));
            prop_assert!(a.sentences.iter().any(|s| s.contains_range(e.range)), "entity crosses a sentence end");
        }
    }

    #[test]
    fn fast_tokenizer_equals_unicode_segmentation(
        text in texty(),
        ascii in "[ -~\\n\\t]{0,120}",
        mixed in "[a-zA-Z0-9 .,;:'_\\-\u{301}\u{200d}\u{a0}\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2026}\u{3000}é東]{0,60}",
    ) {
        for t in [&text, &ascii, &mixed] {
            prop_assert_eq!(
                saidwho_core::stages::tokenize(t),
                saidwho_core::stages::tokenize_reference(t),
                "{:?}", t
            );
        }
    }

    #[test]
    fn analysis_is_deterministic(text in texty()) {
        prop_assert_eq!(analyzer().analyze(&text), analyzer().analyze(&text));
    }

    #[test]
    fn offset_conversions_are_exact(text in "\\PC{0,80}") {
        let idx = OffsetIndex::new(&text);
        for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            prop_assert_eq!(idx.to_char(b), text[..b].chars().count());
            prop_assert_eq!(idx.to_utf16(b), text[..b].encode_utf16().count());
        }
    }

    #[test]
    fn extraction_never_panics(text in "\\PC{0,200}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = saidwho_core::extract::html_to_text(&text);
        let _ = saidwho_core::extract::markdown_to_text(&text);
        let _ = saidwho_core::extract::docx_to_text(&bytes);
        let html = format!("<p>{text}</p><script>{text}</script>");
        let out = saidwho_core::extract::html_to_text(&html);
        if !text.to_ascii_lowercase().contains("</script") && !text.contains('<') {
            prop_assert!(!out.contains("<script"));
        }
    }
}

/// Pathological inputs finish (a quadratic pass would not, at this size).
#[test]
fn pathological_inputs_finish() {
    let cases = [
        "“".repeat(200_000),
        "\"a ".repeat(100_000),
        "said he “a ".repeat(50_000),
        "x".repeat(1_000_000),
        "Mr. A. B. ".repeat(50_000),
        format!("{}\n", "word ".repeat(100_000)),
    ];
    for text in &cases {
        let a = analyzer().analyze(text);
        let mut end = 0;
        for q in &a.quotes {
            assert!(
                in_bounds(text, q.range) && q.range.start() >= end,
                "bad quote {:?}",
                q.range
            );
            end = q.range.end();
        }
    }
    // An unmatched run of opening marks is not a quote.
    assert!(analyzer().analyze(&cases[0]).quotes.is_empty());
}

/// Inputs that once crashed the fuzzers (kept in `fuzz/regressions/`).
#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions exists") {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let _ = analyzer().analyze(&text);
        let _ = saidwho_core::extract::html_to_text(&text);
        let _ = saidwho_core::extract::markdown_to_text(&text);
        for max in [64, 65, 100, 257] {
            let pieces = saidwho_core::chunk_ranges(&text, max);
            assert!(pieces
                .iter()
                .all(|p| text.is_char_boundary(p.start()) && text.is_char_boundary(p.end())));
        }
        n += 1;
    }
    assert!(n >= 3, "the regression inputs are there");
}
