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

/// An edit anchored anywhere in `text` (or outside it: a stored or linked
/// edit may come from another version of the text, or be forged).
fn edits(text_len: usize) -> impl Strategy<Value = Vec<saidwho_core::corrections::Edit>> {
    use saidwho_core::corrections::{Anchor, Edit};
    let anchor = (0..text_len + 4, 0..24usize, "\\PC{0,6}", 0..3usize).prop_map(
        |(start, len, words, nth)| Anchor {
            start,
            end: start + len,
            text: words,
            nth,
        },
    );
    let name = prop_oneof![
        Just("Ms Kaori".to_owned()),
        Just("he".to_owned()),
        "\\PC{0,8}"
    ];
    let edit = prop_oneof![
        (anchor.clone(), name.clone()).prop_map(|(quote, name)| Edit::Speaker {
            quote,
            name,
            role: None
        }),
        anchor.clone().prop_map(|quote| Edit::NotAQuote { quote }),
        (anchor.clone(), prop::option::of(name.clone()))
            .prop_map(|(span, speaker)| Edit::AddQuote { span, speaker }),
        (anchor.clone(), anchor).prop_map(|(quote, to)| Edit::Extent { quote, to }),
        (name.clone(), name.clone()).prop_map(|(from, into)| Edit::Merge { from, into }),
        (name, any::<bool>())
            .prop_map(|(speaker, anonymous)| Edit::Anonymous { speaker, anonymous }),
    ];
    prop::collection::vec(edit, 0..8)
}

/// Edits anchored to real quotes and words of `text`, so that most apply.
fn anchored(
    text: &str,
    a: &saidwho_core::Analysis,
    picks: &[(usize, u8)],
) -> Vec<saidwho_core::corrections::Edit> {
    use saidwho_core::corrections::{Anchor, Edit};
    let words: Vec<TextRange> = a.tokens.iter().map(|t| t.range).collect();
    picks
        .iter()
        .filter_map(|&(k, kind)| {
            let quote = a
                .quotes
                .get(k % a.quotes.len().max(1))
                .map(|q| Anchor::new(text, q.range));
            let word = words
                .get(k % words.len().max(1))
                .map(|&w| Anchor::new(text, w));
            Some(match kind % 4 {
                0 => Edit::Speaker {
                    quote: quote?,
                    name: "Ann Lee".into(),
                    role: Some("mayor".into()),
                },
                1 => Edit::NotAQuote { quote: quote? },
                2 => Edit::AddQuote {
                    span: word?,
                    speaker: Some("Bo".into()),
                },
                _ => Edit::Extent {
                    quote: quote?,
                    to: word?,
                },
            })
        })
        .collect()
}

/// The corrected analysis keeps the analysis' invariants.
fn check_corrected(text: &str, a: &saidwho_core::Analysis) -> Result<(), TestCaseError> {
    let mut end = 0;
    for q in &a.quotes {
        prop_assert!(in_bounds(text, q.range));
        prop_assert!(q.range.start() >= end, "corrected quotes overlap");
        end = q.range.end();
        if let Some(s) = q.speaker {
            prop_assert!((s as usize) < a.speakers.len());
        }
    }
    let credited: u32 = a.speakers.iter().map(|s| s.quotes).sum();
    prop_assert_eq!(
        credited as usize,
        a.quotes.iter().filter(|q| q.speaker.is_some()).count()
    );
    prop_assert!(a.speakers.iter().all(|s| s.quotes > 0));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any edits, on any text — forged, stale or real — apply without a
    /// panic, keep the invariants, and what was kept applies again unchanged.
    #[test]
    fn corrections_never_break_an_analysis(
        text in texty(),
        forged in edits(80),
        picks in prop::collection::vec((0..50usize, any::<u8>()), 0..8),
    ) {
        use saidwho_core::corrections::Corrections;
        let a = analyzer().analyze(&text);
        let mut c = Corrections::default();
        c.push(forged);
        c.push(anchored(&text, &a, &picks));
        let fixed = c.apply(&text, &a);
        check_corrected(&text, &fixed.analysis)?;
        prop_assert_eq!(fixed.dropped.len() + fixed.corrections.len(), c.len());
        let again = fixed.corrections.apply(&text, &a);
        prop_assert!(again.dropped.is_empty());
        prop_assert_eq!(again.analysis, fixed.analysis);
        // The same edits on an edited text: never a panic.
        let edited = format!("x{}", text.replacen('a', "b", 1));
        check_corrected(&edited, &c.apply(&edited, &analyzer().analyze(&edited)).analysis)?;
    }
}
