//! Golden tests of the learned reported-speech tagger with the shipped
//! models (`static/models/clauses-v2.bin`): sentences written for these
//! tests, in the shape of news copy the rules do not read.

use saidwho_core::rules::RuleId;
use saidwho_core::{Analysis, Analyzer, Quote};

const NER: &[u8] = include_bytes!("../../../static/models/ner-v4.bin");
const CLAUSES: &[u8] = include_bytes!("../../../static/models/clauses-v2.bin");

fn analyze(text: &str) -> Analysis {
    Analyzer::with_ner_model(NER)
        .expect("the shipped entity model loads")
        .with_clause_model(CLAUSES)
        .expect("the shipped clause model loads")
        .analyze(text)
}

/// Each quote's words and the rule that found it.
fn found_by<'t>(a: &Analysis, t: &'t str) -> Vec<(&'t str, RuleId)> {
    a.quotes
        .iter()
        .map(|q| (q.range.slice(t), q.found_by))
        .collect()
}

/// The speaker's name of the quote holding `words`.
fn speaker_named(t: &str, words: &str) -> Option<String> {
    let a = analyze(t);
    let q = a
        .quotes
        .iter()
        .find(|q| q.range.slice(t).contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?} in {:?}", found_by(&a, t)));
    q.speaker.map(|s| a.speakers[s as usize].name.clone())
}

#[test]
fn a_reporting_verb_the_rules_do_not_read() {
    let t = "Critics argue the plan is a giveaway to developers and will raise rents.";
    let a = analyze(t);
    let found = found_by(&a, t);
    assert_eq!(
        found,
        [(
            "the plan is a giveaway to developers and will raise rents",
            RuleId::LearnedClause
        )]
    );
}

#[test]
fn no_quote_without_a_source_or_in_sentences_the_rules_already_read() {
    let t = "The company has been accused of hiding losses from investors for years.\n\n\
             “We will appeal,” the company said.";
    let a = analyze(t);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_ne!(a.quotes[0].found_by, RuleId::LearnedClause);
}

#[test]
fn the_seed_article_keeps_its_nine_quotes_and_no_false_one() {
    let t = include_str!("../../../static/examples/seed.txt");
    let a = analyze(t);
    assert_eq!(a.quotes.len(), 9);
    assert!(a.quotes.iter().all(|q| q.found_by != RuleId::LearnedClause));
}

#[test]
fn corrupt_clause_model_bytes_are_an_error() {
    let err = Analyzer::new()
        .with_clause_model(&CLAUSES[..CLAUSES.len() / 2])
        .unwrap_err();
    assert!(err.to_string().contains("truncated or corrupt"), "{err}");
    assert!(Analyzer::new().with_clause_model(NER).is_err());
}

#[test]
fn a_capitalised_common_noun_opening_the_sentence_is_no_name() {
    let t = "Doctors say the new drug could save thousands of lives every year.\n\n\
             Amina Yusuf said the trial would end in May.";
    let a = analyze(t);
    let cards: Vec<_> = a
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.named))
        .collect();
    assert_eq!(cards, [("Doctors", false), ("Amina Yusuf", true)]);
}

#[test]
fn a_short_reported_clause_with_a_common_noun_speaker() {
    let t = "The mayor insists crime is falling.";
    let a = analyze(t);
    let found = found_by(&a, t);
    assert_eq!(found, [("crime is falling", RuleId::LearnedClause)]);
    let cards: Vec<_> = a.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        cards,
        ["The mayor"],
        "a sentence-opening determiner is no name"
    );
}

/// Each quote's text and speaker card name.
fn quotes_and_speakers(a: &Analysis, t: &str) -> Vec<(String, String)> {
    a.quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .and_then(|s| a.speakers.get(s as usize))
                .map_or(String::new(), |s| s.name.clone());
            (q.range.slice(t).to_string(), speaker)
        })
        .collect()
}

#[test]
fn two_reported_clauses_in_one_sentence() {
    let t = "Doctors fear the virus is spreading faster and officials concede testing has lagged.";
    let a = analyze(t);
    let found = quotes_and_speakers(&a, t);
    // Each clause with its own source. (The first ends early, at "the
    // virus", since the model keeps only weights of 5/127 or more: 34 KB
    // less to download, the same 5-fold cross-validation score; see
    // docs/quality.md.)
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].0.starts_with("the virus") && found[0].1 == "Doctors",
        "{found:?}"
    );
    assert_eq!(found[1], ("testing has lagged".into(), "officials".into()));
    assert!(a.quotes.iter().all(|q| q.found_by == RuleId::LearnedClause));
}

#[test]
fn who_after_a_name_and_its_place_is_the_name() {
    let t = "The measure was opposed by Senator Maren Holt of Vermont, who said \
             the bill “would gut the program.”";
    assert_eq!(
        speaker_named(t, "gut the program").as_deref(),
        Some("Maren Holt")
    );
}

#[test]
fn which_after_an_organisation_is_the_organisation() {
    let t = "The files were released at the request of The Harbor Gazette, which argued \
             that the records were “a matter of public interest.”";
    assert_eq!(
        speaker_named(t, "public interest").as_deref(),
        Some("The Harbor Gazette")
    );
}

#[test]
fn who_after_a_common_noun_is_that_noun_phrase() {
    let t = "The apartment was searched by police, who said they had found \
             “a small arsenal” in the basement.";
    assert_eq!(speaker_named(t, "small arsenal").as_deref(), Some("police"));
}

/// The one quote found in `t`.
fn sole_quote(t: &str) -> Quote {
    let a = analyze(t);
    assert_eq!(a.quotes.len(), 1, "{:?}", found_by(&a, t));
    a.quotes.into_iter().next().expect("one quote")
}

#[test]
fn the_subject_of_an_agentless_passive_is_not_its_speaker() {
    // "was accused of": the tagger reads the clause; the text names no
    // accuser, so the quote has no speaker.
    let q = sole_quote("Mr. Okafor was accused of hiding losses from the pension fund for years.");
    assert_eq!(q.speaker, None);
    // An active verb keeps the subject it reads.
    assert_eq!(
        speaker_named(
            "Lena Park, the union's lawyer, argued the pension fund had hidden its losses for years.",
            "hidden its losses"
        )
        .as_deref(),
        Some("Lena Park")
    );
}

#[test]
fn an_expletive_it_names_no_speaker() {
    // The tagger reads the clause; "it" is no one, and is not marked as
    // the phrase naming the speaker either.
    let q = sole_quote("It appears that the council will approve the new budget next week.");
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_mention, None);
}
