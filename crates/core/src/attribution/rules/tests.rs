//! Every case of every rule in the registry, run through the whole
//! pipeline: the quote is found with its cue and speaker, by that rule — or
//! no quote covers the words a rule must not take for one.

use super::{Expect, Stage, RULES};
use crate::Analysis;

fn quotes_of(a: &Analysis, text: &str) -> String {
    a.quotes
        .iter()
        .map(|q| format!("{:?} by {}", q.words(text), q.found_by.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn every_rule_case_holds() {
    let mut failures = Vec::new();
    for r in RULES {
        for case in r.cases {
            let a = crate::analyze(case.text);
            let found = quotes_of(&a, case.text);
            match case.expect {
                Expect::Quote {
                    content,
                    cue,
                    speaker,
                } => {
                    let q = a.quotes.iter().find(|q| q.words(case.text) == content);
                    let Some(q) = q else {
                        failures.push(format!(
                            "{}: no quote {content:?} in {:?}; found {found}",
                            r.id.as_str(),
                            case.text
                        ));
                        continue;
                    };
                    let got_cue = q.cue.map(|c| c.slice(case.text));
                    let got_speaker = q
                        .speaker
                        .and_then(|s| a.speakers.get(s as usize))
                        .map(|s| s.name.as_str());
                    if q.found_by != r.id || got_cue != cue || got_speaker != speaker {
                        failures.push(format!(
                            "{}: {content:?} found by {}, cue {got_cue:?}, speaker {got_speaker:?}; expected cue {cue:?}, speaker {speaker:?}",
                            r.id.as_str(),
                            q.found_by.as_str()
                        ));
                    }
                }
                Expect::NoQuote { words } => {
                    let at = case
                        .text
                        .find(words)
                        .expect("the words are in the case's text");
                    let r_words = crate::TextRange::new(at, at + words.len());
                    if a.quotes
                        .iter()
                        .any(|q| q.parts().any(|p| p.overlaps(r_words)))
                    {
                        failures.push(format!(
                            "{}: {words:?} must not be quoted; found {found}",
                            r.id.as_str()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn registry_is_complete_and_ordered_by_stage() {
    let mut seen = std::collections::HashSet::new();
    let stage_index = |s: Stage| Stage::ALL.iter().position(|&x| x == s).unwrap();
    for w in RULES.windows(2) {
        assert!(
            stage_index(w[0].stage) <= stage_index(w[1].stage),
            "{} before {}",
            w[0].id.as_str(),
            w[1].id.as_str()
        );
    }
    for r in RULES {
        assert!(seen.insert(r.id), "{} listed twice", r.id.as_str());
        assert!(!r.cases.is_empty(), "{} has no case", r.id.as_str());
        assert!(!r.doc.is_empty() && !r.id.summary().is_empty());
        let json = serde_json::to_string(&r.id).unwrap();
        assert_eq!(
            json,
            format!("\"{}\"", r.id.as_str()),
            "the id is written as the rule's name"
        );
    }
}

#[test]
fn every_rule_that_finds_quotes_is_registered() {
    // A rule missing from the registry would find quotes but be absent from
    // docs/rules.md. Its unused `RULE` is a dead-code warning (an error in
    // the test command's clippy); this also checks, on the cases and the
    // seed article, that every `found_by` seen is a registered rule.
    let seed = include_str!("../../../../../static/examples/seed.txt");
    let texts = RULES
        .iter()
        .flat_map(|r| r.cases)
        .map(|c| c.text)
        .chain([seed]);
    for text in texts {
        for q in crate::analyze(text).quotes {
            assert!(
                RULES.iter().any(|r| r.id == q.found_by),
                "{} found {:?} but is not in RULES",
                q.found_by.as_str(),
                q.range.slice(text)
            );
        }
    }
}
