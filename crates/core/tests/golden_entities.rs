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

use EntityLabel::{Loc, Misc, Org, Person};

/// Real-world news sentences (written for these tests) with every name in
/// them: people from every continent whose names CoNLL-2003's training
/// data never has, their countries, cities and nationalities.
const WORLD: &[(&str, &[(&str, EntityLabel)])] = &[
    ("The statement was made by the Minister of Public Security, Maj. Gen. Somkeo Sylavong at the meeting in Vientiane.",
     &[("Public Security", Org), ("Somkeo Sylavong", Person), ("Vientiane", Loc)]),
    ("“Norway and Sweden are proud to support your efforts,” said Mr Vegard Holmelid, Minister Counsellor.",
     &[("Norway", Loc), ("Sweden", Loc), ("Vegard Holmelid", Person)]),
    ("Egyptian President Abdel Fattah al-Sisi met Saudi Crown Prince Mohammed bin Salman in Riyadh on Sunday.",
     &[("Egyptian", Misc), ("Abdel Fattah al-Sisi", Person), ("Saudi", Misc), ("Mohammed bin Salman", Person), ("Riyadh", Loc)]),
    ("Chinese President Xi Jinping and Premier Li Keqiang addressed the National People's Congress in Beijing.",
     &[("Chinese", Misc), ("Xi Jinping", Person), ("Li Keqiang", Person), ("National People's Congress", Org), ("Beijing", Loc)]),
    ("South African President Cyril Ramaphosa said Ngozi Okonjo-Iweala would lead the World Trade Organization.",
     &[("South African", Misc), ("Cyril Ramaphosa", Person), ("Ngozi Okonjo-Iweala", Person), ("World Trade Organization", Org)]),
    ("Kenyan President Uhuru Kenyatta told reporters in Nairobi that the talks had failed.",
     &[("Kenyan", Misc), ("Uhuru Kenyatta", Person), ("Nairobi", Loc)]),
    ("Nigerian author Chimamanda Ngozi Adichie spoke with Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.",
     &[("Nigerian", Misc), ("Chimamanda Ngozi Adichie", Person), ("Ethiopian", Misc), ("Abiy Ahmed", Person), ("Addis Ababa", Loc)]),
    ("Brazilian President Luiz Inácio Lula da Silva met Mexican President Andrés Manuel López Obrador.",
     &[("Brazilian", Misc), ("Luiz Inácio Lula da Silva", Person), ("Mexican", Misc), ("Andrés Manuel López Obrador", Person)]),
    ("Norwegian Prime Minister Jonas Gahr Støre met Indian Prime Minister Narendra Modi.",
     &[("Norwegian", Misc), ("Jonas Gahr Støre", Person), ("Indian", Misc), ("Narendra Modi", Person)]),
    ("Vietnamese Prime Minister Pham Minh Chinh met Lao President Thongloun Sisoulith in Hanoi on Tuesday.",
     &[("Vietnamese", Misc), ("Pham Minh Chinh", Person), ("Lao", Misc), ("Thongloun Sisoulith", Person), ("Hanoi", Loc)]),
    ("Japanese Prime Minister Fumio Kishida spoke with South Korean President Yoon Suk-yeol by phone.",
     &[("Japanese", Misc), ("Fumio Kishida", Person), ("South Korean", Misc), ("Yoon Suk-yeol", Person)]),
    ("Indonesian President Joko Widodo visited Jakarta and Surabaya last week.",
     &[("Indonesian", Misc), ("Joko Widodo", Person), ("Jakarta", Loc), ("Surabaya", Loc)]),
    ("Ghanaian President Nana Akufo-Addo welcomed Senegalese President Macky Sall to Accra.",
     &[("Ghanaian", Misc), ("Nana Akufo-Addo", Person), ("Senegalese", Misc), ("Macky Sall", Person), ("Accra", Loc)]),
    ("Tanzanian President Samia Suluhu Hassan opened the meeting in Dodoma.",
     &[("Tanzanian", Misc), ("Samia Suluhu Hassan", Person), ("Dodoma", Loc)]),
    ("Chilean President Gabriel Boric met Colombian President Gustavo Petro in Santiago.",
     &[("Chilean", Misc), ("Gabriel Boric", Person), ("Colombian", Misc), ("Gustavo Petro", Person), ("Santiago", Loc)]),
    ("Peruvian President Dina Boluarte left Lima for Brasilia on Monday.",
     &[("Peruvian", Misc), ("Dina Boluarte", Person), ("Lima", Loc), ("Brasilia", Loc)]),
    ("Finnish President Sauli Niinistö met Estonian Prime Minister Kaja Kallas in Tallinn.",
     &[("Finnish", Misc), ("Sauli Niinistö", Person), ("Estonian", Misc), ("Kaja Kallas", Person), ("Tallinn", Loc)]),
    ("Ukrainian President Volodymyr Zelenskiy thanked Polish President Andrzej Duda in Warsaw.",
     &[("Ukrainian", Misc), ("Volodymyr Zelenskiy", Person), ("Polish", Misc), ("Andrzej Duda", Person), ("Warsaw", Loc)]),
    ("Fijian Prime Minister Sitiveni Rabuka met Samoan Prime Minister Fiame Naomi Mata'afa in Apia.",
     &[("Fijian", Misc), ("Sitiveni Rabuka", Person), ("Samoan", Misc), ("Fiame Naomi Mata'afa", Person), ("Apia", Loc)]),
    ("Mongolian President Ukhnaagiin Khurelsukh travelled to Ulaanbaatar.",
     &[("Mongolian", Misc), ("Ukhnaagiin Khurelsukh", Person), ("Ulaanbaatar", Loc)]),
    ("Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Astana.",
     &[("Kazakh", Misc), ("Kassym-Jomart Tokayev", Person), ("Uzbek", Misc), ("Shavkat Mirziyoyev", Person), ("Astana", Loc)]),
];

/// Names from around the world: at least 90% of them found whole with the
/// right label, and at least 90% of what is found is right. (Measured when
/// this model shipped: see the message; the misses are listed.)
#[test]
fn names_from_every_continent_that_training_never_saw() {
    let (mut expected, mut found, mut right) = (0, 0, 0);
    let mut misses = Vec::new();
    for (text, want) in WORLD {
        let got = entities(text);
        let got: Vec<(String, EntityLabel)> = got
            .into_iter()
            .filter(|e| EntityLabel::TAGGED.contains(&e.1))
            .collect();
        expected += want.len();
        found += got.len();
        for (name, label) in *want {
            if got.iter().any(|(s, l)| s == name && l == label) {
                right += 1;
            } else {
                misses.push(format!("{name} ({label:?}) in {got:?}"));
            }
        }
    }
    let recall = right as f64 / expected as f64;
    let precision = right as f64 / found as f64;
    assert!(
        recall >= 0.9 && precision >= 0.9,
        "recall {recall:.3}, precision {precision:.3}; missed:\n{}",
        misses.join("\n")
    );
}

#[test]
fn a_title_case_headline_is_not_one_long_name() {
    let t = "Mekong Countries Reaffirm Cooperation in Anti-trafficking Efforts\n\n\
             Six Mekong countries have reaffirmed their cooperation on countering human trafficking.";
    let headline = t.lines().next().unwrap();
    for (s, l) in entities(t) {
        assert!(
            !(headline.contains(&s) && s.split_whitespace().count() >= 3),
            "{s:?} ({l:?}) spans the headline"
        );
    }
}

/// A pasted web page's title names the outlet after a bar; the body repeats
/// the headline's words in lower case.
#[test]
fn an_outlet_after_a_headline_bar_is_an_organisation() {
    for (page, outlet) in [
        ("Farmers Protest Against New Irrigation Rules | Nation Herald\n\n\
          Hundreds of farmers marched through Nairobi on Tuesday to protest against new irrigation rules.",
         "Nation Herald"),
        ("Health Ministers Pledge Support for Rural Clinics | Himalayan Times\n\n\
          Health ministers from six countries pledged their support for rural clinics at a meeting in Kathmandu.",
         "Himalayan Times"),
        ("Regional Ministers Reaffirm Cooperation on Flood Warnings | Mekong Daily\n\n\
          Ministers from the Mekong countries reaffirmed their cooperation on flood warnings in Phnom Penh.",
         "Mekong Daily"),
    ] {
        let found = entities(page);
        assert!(
            found.contains(&(outlet.to_owned(), Org)),
            "{outlet:?} not an organisation in {found:?}"
        );
    }
}

#[test]
fn military_and_civil_titles_stay_out_of_names() {
    let t =
        "The statement was made by the Minister of Public Security, Maj. Gen. Somkeo Sylavong, \
             and H.E. Mr. Vegard Holmelid, Minister Counsellor of the Norwegian Embassy.";
    let e = entities(t);
    assert!(people(t).contains(&"Somkeo Sylavong".to_owned()), "{e:?}");
    assert!(people(t).contains(&"Vegard Holmelid".to_owned()), "{e:?}");
    for (s, l) in &e {
        assert!(
            !s.contains("Maj.") && !s.contains("Gen.") && !s.contains("H.E."),
            "{s:?} ({l:?}) keeps a title"
        );
    }
}

#[test]
fn an_acronym_defined_in_the_text_is_labelled_like_its_full_form() {
    let t = "The plan supports the Sustainable Development Goals (SDGs) agreed in 2015. \
             Officials said the SDGs would guide spending.";
    let e = entities(t);
    let full = e.iter().find(|(s, _)| s == "Sustainable Development Goals");
    let full = full
        .unwrap_or_else(|| panic!("the full form is a name: {e:?}"))
        .1;
    let acronyms: Vec<_> = e.iter().filter(|(s, _)| s == "SDGs").collect();
    assert_eq!(acronyms.len(), 2, "{e:?}");
    assert!(acronyms.iter().all(|(_, l)| *l == full), "{e:?}");
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

#[test]
fn he_or_she_is_never_a_place_the_tagger_found() {
    let analyzer = Analyzer::with_ner_model(MODEL).unwrap();
    let t = "The Marshall Islands government said on Monday it would respond to the report.\n\n\
             “We will not be silenced,” he said.";
    let a = analyzer.analyze(t);
    let last = a.quotes.last().expect("the quote is found");
    let name = last.speaker.map(|i| a.speakers[i as usize].name.as_str());
    assert!(
        name.is_none_or(|n| !n.contains("Marshall Islands")),
        "“he” was resolved to {name:?}"
    );
}
