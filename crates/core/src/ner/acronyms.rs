//! Acronyms defined in the text: "the Sustainable Development Goals (SDGs)"
//! defines "SDGs", and every mention of it names what the full form names.

use super::tagger::Entity;
use crate::span::TextRange;

/// Labels each acronym that an entity defines in parentheses right after it
/// (its initials, a plural "s" allowed) like that entity, everywhere in the
/// text: mentions the tagger missed are added, mentions it labelled
/// otherwise are relabelled. `entities` stay in text order.
pub fn label_defined_acronyms(text: &str, entities: &mut Vec<Entity>) {
    let defined: Vec<(&str, Entity)> = entities
        .iter()
        .filter_map(|e| defined_after(text, e).map(|acronym| (acronym, *e)))
        .collect();
    for (acronym, full) in defined {
        for at in whole_word_matches(text, acronym) {
            let range = TextRange::new(at, at + acronym.len());
            match entities.iter_mut().find(|e| e.range.overlaps(range)) {
                Some(e) if e.range == range => e.label = full.label,
                Some(_) => {}
                None => entities.push(Entity {
                    range,
                    label: full.label,
                }),
            }
        }
    }
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

/// Byte offsets where `word` stands as a whole word in `text`.
fn whole_word_matches<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(word)
        .map(|(at, _)| at)
        .filter(move |&at| {
            !is_word_char(text[..at].chars().next_back())
                && !is_word_char(text[at + word.len()..].chars().next())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityLabel;

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
        label_defined_acronyms(t, &mut es);
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
        label_defined_acronyms(t, &mut es);
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
}
