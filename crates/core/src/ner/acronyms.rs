//! Acronyms defined in the text: "the Sustainable Development Goals (SDGs)"
//! defines "SDGs", and every mention of it names what the full form names.

use rustc_hash::FxHashMap;

use super::tagger::Entity;
use super::EntityLabel;
use crate::span::TextRange;

/// Labels each acronym that an entity defines in parentheses right after it
/// (its initials, a plural "s" allowed) like that entity, everywhere in the
/// text: mentions the tagger missed are added, mentions it labelled
/// otherwise are relabelled. The first definition of an acronym counts.
/// `entities` (in text order, disjoint) stay in text order; one pass over
/// the `tokens`, so the time is linear in the text however many acronyms
/// it defines.
pub fn label_defined_acronyms(text: &str, tokens: &[TextRange], entities: &mut Vec<Entity>) {
    let mut defined: FxHashMap<&str, EntityLabel> = FxHashMap::default();
    for e in entities.iter() {
        if let Some(acronym) = defined_after(text, e) {
            defined.entry(acronym).or_insert(e.label);
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for &t in tokens {
        let Some(&label) = defined.get(t.slice(text)) else {
            continue;
        };
        // Sorted and disjoint: only the last entity starting before the
        // token ends can overlap it.
        let k = entities.partition_point(|e| e.range.start() < t.end());
        match k.checked_sub(1).map(|i| &mut entities[i]) {
            Some(e) if e.range == t => e.label = label,
            Some(e) if e.range.overlaps(t) => {}
            _ => added.push(Entity { range: t, label }),
        }
    }
    entities.extend(added);
    entities.sort_by_key(|e| (e.range.start(), e.range.end()));
}

/// The acronym in parentheses right after `e`, when it is `e`'s initials.
fn defined_after<'t>(text: &'t str, e: &Entity) -> Option<&'t str> {
    let after = text.get(e.range.end()..)?;
    let inner = after
        .trim_start_matches([' ', '\u{a0}'])
        .strip_prefix('(')?;
    let acronym = &inner[..inner.find(')')?];
    let letters = acronym.strip_suffix('s').unwrap_or(acronym);
    let shaped = (2..=10).contains(&letters.len())
        && letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && letters.starts_with(|c: char| c.is_ascii_uppercase());
    (shaped && initials(e.range.slice(text)) == letters).then_some(acronym)
}

/// The capital initials of a name's words ("Sustainable Development Goals"
/// → "SDG"); small lowercase words ("of", "for") are skipped.
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn toks(text: &str) -> Vec<TextRange> {
        tokenize(text).iter().map(|t| t.range).collect()
    }

    fn entity(text: &str, s: &str, label: EntityLabel) -> Entity {
        let at = text.find(s).unwrap();
        Entity {
            range: TextRange::new(at, at + s.len()),
            label,
        }
    }

    #[test]
    fn an_acronym_takes_its_full_form_s_label_everywhere() {
        let t = "The Sustainable Development Goals (SDGs) matter. SDGs are 17. The SDGsX team.";
        let mut es = vec![entity(
            t,
            "Sustainable Development Goals",
            EntityLabel::Misc,
        )];
        label_defined_acronyms(t, &toks(t), &mut es);
        let got: Vec<_> = es.iter().map(|e| (e.range.slice(t), e.label)).collect();
        assert_eq!(
            got,
            [
                ("Sustainable Development Goals", EntityLabel::Misc),
                ("SDGs", EntityLabel::Misc),
                ("SDGs", EntityLabel::Misc),
            ]
        );
    }

    #[test]
    fn relabels_and_ignores_what_is_not_a_definition() {
        let t = "The World Health Organization (WHO) said so; WHO agreed. Paris (France) too.";
        let mut es = vec![
            entity(t, "World Health Organization", EntityLabel::Org),
            entity(t, "WHO agreed", EntityLabel::Person),
            entity(t, "Paris", EntityLabel::Loc),
        ];
        label_defined_acronyms(t, &toks(t), &mut es);
        let got: Vec<_> = es.iter().map(|e| (e.range.slice(t), e.label)).collect();
        assert_eq!(
            got,
            [
                ("World Health Organization", EntityLabel::Org),
                ("WHO", EntityLabel::Org),
                ("WHO agreed", EntityLabel::Person),
                ("Paris", EntityLabel::Loc),
            ],
            "an entity only partly over the acronym is left as it is; (France) is not Paris's initials"
        );
    }

    #[test]
    fn the_first_definition_of_an_acronym_counts() {
        let t = "The Asian Development Bank (ADB) lends. Another Development Bank (ADB) too. ADB.";
        let mut es = vec![
            entity(t, "Asian Development Bank", EntityLabel::Org),
            entity(t, "Another Development Bank", EntityLabel::Misc),
        ];
        label_defined_acronyms(t, &toks(t), &mut es);
        let last = es.last().unwrap();
        assert_eq!((last.range.slice(t), last.label), ("ADB", EntityLabel::Org));
    }
}
