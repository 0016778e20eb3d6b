//! Golden tests of the entity tagger with the shipped model: names from
//! around the world in real news sentences, titles kept out of names, and
//! bad model bytes refused.

use saidwho_core::{Analyzer, EntityLabel};

const MODEL: &[u8] = include_bytes!("../../../static/models/ner-v4.bin");

fn entities(text: &str) -> Vec<(String, EntityLabel)> {
    let analyzer = Analyzer::with_ner_model(MODEL).expect("the shipped model loads");
    analyzer
        .analyze(text)
        .entities
        .iter()
        .map(|e| (e.range.slice(text).to_owned(), e.label))
        .collect()
}

fn people(text: &str) -> Vec<String> {
    entities(text)
        .into_iter()
        .filter(|e| e.1 == EntityLabel::Person)
        .map(|e| e.0)
        .collect()
}

#[test]
fn lao_norwegian_and_japanese_names_from_the_seed_article() {
    let t = "The statement was made by the Minister of Public Security, Maj. Gen. Somkeo Sylavong at the meeting in Vientiane.\n\n\
             “Norway and Sweden are proud to support your efforts,” said Mr Vegard Holmelid, Minister Counsellor.\n\n\
             “The SDGs present a framework,” said Ms Kaori Kawarabayashi of the United Nations.";
    assert_eq!(
        people(t),
        ["Somkeo Sylavong", "Vegard Holmelid", "Kaori Kawarabayashi"]
    );
    let e = entities(t);
    assert!(e.contains(&("Vientiane".into(), EntityLabel::Loc)));
    assert!(e.contains(&("Norway".into(), EntityLabel::Loc)));
    assert!(e.contains(&("United Nations".into(), EntityLabel::Org)));
}

#[test]
fn arabic_names_with_particles() {
    let t = "Egyptian President Abdel Fattah al-Sisi met Saudi Crown Prince Mohammed bin Salman in Riyadh on Sunday.";
    assert_eq!(people(t), ["Abdel Fattah al-Sisi", "Mohammed bin Salman"]);
    assert!(entities(t).contains(&("Riyadh".into(), EntityLabel::Loc)));
}

#[test]
fn chinese_names() {
    let t = "Chinese President Xi Jinping and Premier Li Keqiang addressed the National People's Congress in Beijing.";
    assert_eq!(people(t), ["Xi Jinping", "Li Keqiang"]);
    assert!(entities(t).contains(&("Chinese".into(), EntityLabel::Misc)));
}

#[test]
fn african_names() {
    let t = "South African President Cyril Ramaphosa said Ngozi Okonjo-Iweala would lead the World Trade Organization.\n\n\
             Kenyan President Uhuru Kenyatta told reporters in Nairobi that the talks had failed.\n\n\
             Nigerian author Chimamanda Ngozi Adichie spoke with Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.";
    assert_eq!(
        people(t),
        [
            "Cyril Ramaphosa",
            "Ngozi Okonjo-Iweala",
            "Uhuru Kenyatta",
            "Chimamanda Ngozi Adichie",
            "Abiy Ahmed"
        ]
    );
    assert!(entities(t).contains(&("World Trade Organization".into(), EntityLabel::Org)));
}

#[test]
fn names_with_accents_and_particles() {
    let t = "Brazilian President Luiz Inácio Lula da Silva met Mexican President Andrés Manuel López Obrador.\n\n\
             Norwegian Prime Minister Jonas Gahr Støre met Indian Prime Minister Narendra Modi.";
    assert_eq!(
        people(t),
        [
            "Luiz Inácio Lula da Silva",
            "Andrés Manuel López Obrador",
            "Jonas Gahr Støre",
            "Narendra Modi"
        ]
    );
}

#[test]
fn entities_never_cross_sentence_ends_and_spans_are_on_char_boundaries() {
    let t = "Paris. London is big. 東京 and Zürich — “Oslo”.";
    let analyzer = Analyzer::with_ner_model(MODEL).unwrap();
    let a = analyzer.analyze(t);
    for e in &a.entities {
        assert!(t.is_char_boundary(e.range.start()) && t.is_char_boundary(e.range.end()));
        assert!(
            a.sentences.iter().any(|s| s.contains_range(e.range)),
            "{:?} crosses a sentence",
            e
        );
    }
}

#[test]
fn corrupt_model_bytes_are_an_error() {
    let mut bytes = MODEL.to_vec();
    bytes.truncate(bytes.len() / 2);
    let err = Analyzer::with_ner_model(&bytes).unwrap_err();
    assert!(err.to_string().contains("truncated or corrupt"), "{err}");
    assert!(Analyzer::with_ner_model(b"PNG....")
        .unwrap_err()
        .to_string()
        .contains("not a saidwho model"));
}

#[test]
fn lower_case_parts_of_names_are_kept() {
    let t = "Louis van Gaal met the Bank of England team at Chester-le-Street, \
             then flew to Abu Dhabi for a United Nations-sponsored meeting.";
    let e = entities(t);
    for name in [
        "Louis van Gaal",
        "Bank of England",
        "Chester-le-Street",
        "Abu Dhabi",
    ] {
        assert!(
            e.iter().any(|(s, _)| s == name),
            "{name} missing from {e:?}"
        );
    }
}

#[test]
fn skipping_lower_case_words_changes_no_tag() {
    use saidwho_core::stages::{ner_tokens, sentence_tokens, NerModel};
    let model = NerModel::from_bytes(MODEL).unwrap();
    let text = include_str!("../../../static/examples/seed.txt");
    let a = saidwho_core::analyze(text);
    let toks = ner_tokens(text, &a.tokens);
    let mut checked = 0;
    for sentence in sentence_tokens(&a.sentences, &toks) {
        let words: Vec<&str> = sentence.iter().map(|r| r.slice(text)).collect();
        assert_eq!(model.tag(&words), model.tag_every_word(&words), "{words:?}");
        checked += words.len();
    }
    assert!(checked > 400, "only {checked} words checked");
}
