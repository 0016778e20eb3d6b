//! A capitalised name right after a title that the tagger left out ("Chinese
//! President Xi Jinping", "Premier Li Keqiang") is a person.

use super::tagger::Entity;
use super::EntityLabel;
use crate::attribution::lexicon::{is_role_word, is_title};
use crate::span::TextRange;

/// Longest name taken after a title, in words.
const MAX_WORDS: usize = 4;

/// Adds a PERSON for each run of capitalised words right after a title word
/// that no entity covers; `entities` stay in text order.
pub fn people_after_titles(text: &str, tokens: &[TextRange], entities: &mut Vec<Entity>) {
    let lower = |r: TextRange| r.slice(text).trim_end_matches('.').to_lowercase();
    let capital = |r: TextRange| r.slice(text).chars().next().is_some_and(char::is_uppercase);
    // Entities are in text order and disjoint: only the last one starting
    // before `r` ends can overlap it (a search, not a scan: linear time).
    let covered = |r: TextRange, es: &[Entity]| {
        let k = es.partition_point(|e| e.range.start() < r.end());
        k > 0 && es[k - 1].range.overlaps(r)
    };
    let mut added = Vec::new();
    for (i, &t) in tokens.iter().enumerate() {
        if !capital(t) || !is_title(&lower(t)) {
            continue;
        }
        let run: Vec<TextRange> = tokens[i + 1..]
            .iter()
            .take(MAX_WORDS + 1)
            .take_while(|&&w| {
                let l = lower(w);
                capital(w)
                    && !is_title(&l)
                    && !is_role_word(&l)
                    && w.slice(text).chars().all(char::is_alphabetic)
            })
            .copied()
            .collect();
        // Adjacent words only: a line break or a comma ends the name.
        let joined = run
            .windows(2)
            .all(|p| text.get(p[0].end()..p[1].start()) == Some(" "));
        let gap = run.first().and_then(|f| text.get(t.end()..f.start()));
        if run.is_empty() || run.len() > MAX_WORDS || !joined || gap != Some(" ") {
            continue;
        }
        let range = TextRange::new(run[0].start(), run[run.len() - 1].end());
        if !covered(range, entities) {
            added.push(Entity {
                range,
                label: EntityLabel::Person,
            });
        }
    }
    entities.extend(added);
    entities.sort_by_key(|e| (e.range.start(), e.range.end()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn untagged_names_after_titles() {
        let t = "Chinese President Xi Jinping met Premier Li Keqiang and the Minister of Finance.";
        let toks: Vec<_> = tokenize(t).iter().map(|x| x.range).collect();
        let at = t.find("Li Keqiang").unwrap();
        let mut es = vec![Entity {
            range: TextRange::new(at, at + "Li Keqiang".len()),
            label: EntityLabel::Person,
        }];
        people_after_titles(t, &toks, &mut es);
        let got: Vec<_> = es.iter().map(|e| e.range.slice(t)).collect();
        assert_eq!(
            got,
            ["Xi Jinping", "Li Keqiang"],
            "'Minister of Finance' is no person"
        );
    }
}
