//! Name matching shared by speaker resolution and the names list: a name's
//! key words (lowercase, titles and a leading "the" removed), whether a
//! partial name belongs to a fuller one, and the grouping of entity mentions
//! under the fullest name of the person or organisation they refer to
//! ("Somkeo", "Maj. Gen. Somkeo" → Somkeo Sylavong; "The Herald", "Daily
//! Herald" → The Daily Herald; "SDGs" → Sustainable Development Goals when
//! the text defines the acronym).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::attribution::lexicon::is_title;
use crate::ner::{Entity, EntityLabel};

/// Whether every word of `part` occurs in `whole`, in order ("kaori" in
/// "kaori kawarabayashi", "daily herald" in "the daily herald").
#[must_use]
pub fn contains_all<S: AsRef<str>, T: AsRef<str>>(whole: &[S], part: &[T]) -> bool {
    let mut it = whole.iter();
    !part.is_empty() && part.iter().all(|p| it.any(|w| w.as_ref() == p.as_ref()))
}

/// The key words of a written name: lowercase, without leading titles
/// ("Maj. Gen."), a leading "the", a final possessive or punctuation.
/// "Maj. Gen. Somkeo" → \[somkeo\]; "The Daily Herald's" → \[daily, herald\].
#[must_use]
pub fn key_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"'))
        .map(|w| w.trim_end_matches(['’', '\'']))
        .map(|w| {
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
        })
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let lead = words
        .iter()
        .take_while(|w| is_title(w) || *w == "the")
        .count();
    // A name that is only a title ("General") keeps it.
    if lead < words.len() {
        words.drain(..lead);
    }
    words
}

/// One person, organisation, place or other name, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameGroup {
    /// The fullest form in the text ("Somkeo Sylavong"), titles removed.
    pub name: String,
    /// The label of that fullest form.
    pub label: EntityLabel,
    /// Indices into [`crate::Analysis::entities`] of every mention, in text order.
    pub mentions: Vec<u32>,
}

/// Entity labels whose mentions are grouped by name matching; the others
/// (dates, amounts) by their exact text.
fn is_name_label(label: EntityLabel) -> bool {
    matches!(
        label,
        EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc
    )
}

/// A distinct written form: its key, label and mentions.
struct Form {
    key: Vec<String>,
    label: EntityLabel,
    display: String,
    mentions: Vec<u32>,
}

/// Groups `entities` (spans into `text`) by the person, organisation or
/// place they name. A partial form joins the one fuller form of the same
/// kind that contains all its words in order; a form that several fuller
/// names contain ("Kim" with two Kims) stays on its own rather than guess.
/// Groups come in order of first mention.
#[must_use]
pub fn group_names(text: &str, entities: &[Entity]) -> Vec<NameGroup> {
    let mut forms: Vec<Form> = Vec::new();
    let mut by_key: FxHashMap<(Vec<String>, EntityLabel), usize> = FxHashMap::default();
    // Names repeat as written: their key words are worked out once.
    let mut by_written: FxHashMap<(&str, EntityLabel), usize> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        let written = e.range.slice(text);
        let at = match by_written.get(&(written, e.label)) {
            Some(&at) => at,
            None => {
                let Some(at) = form_of(&mut forms, &mut by_key, written, e.label) else {
                    continue;
                };
                by_written.insert((written, e.label), at);
                at
            }
        };
        forms[at]
            .mentions
            .push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    let acronyms = defined_acronyms(text, entities, &by_written);
    let parent = fuller_forms(&forms, &acronyms);
    collect_groups(forms, &parent)
}

/// The form a name written `written` with `label` belongs to (a new one for
/// new key words); `None` when it has no key words.
fn form_of(
    forms: &mut Vec<Form>,
    by_key: &mut FxHashMap<(Vec<String>, EntityLabel), usize>,
    written: &str,
    label: EntityLabel,
) -> Option<usize> {
    let key = if is_name_label(label) {
        key_words(written)
    } else {
        vec![written.to_owned()]
    };
    if key.is_empty() {
        return None;
    }
    Some(*by_key.entry((key.clone(), label)).or_insert_with(|| {
        forms.push(Form {
            display: display_name(written),
            key,
            label,
            mentions: Vec::new(),
        });
        forms.len() - 1
    }))
}

/// For each form, the form it belongs to (itself when it is the fullest).
fn fuller_forms(forms: &[Form], acronyms: &FxHashMap<String, usize>) -> Vec<usize> {
    // A fuller form contains every word of a shorter one, so its first word:
    // only the forms sharing that word are compared.
    let mut by_word: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, f) in forms.iter().enumerate() {
        for w in &f.key {
            let list = by_word.entry(w.as_str()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let fuller_than = |f: usize| -> Vec<usize> {
        by_word
            .get(forms[f].key[0].as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&g| g != f && is_fuller(&forms[g], &forms[f]))
            .collect()
    };
    (0..forms.len())
        .map(|f| {
            if !acronyms.is_empty() {
                if let Some(&full) = acronyms.get(&forms[f].key.join(" ")) {
                    if full != f {
                        return full;
                    }
                }
            }
            let fuller = fuller_than(f);
            // The longest of them: "herald" → "daily herald" → "the daily herald".
            let longest = fuller.iter().map(|&g| forms[g].key.len()).max();
            let top: Vec<usize> = fuller
                .into_iter()
                .filter(|&g| Some(forms[g].key.len()) == longest)
                .filter(|&g| fuller_than(g).is_empty())
                .collect();
            match top.as_slice() {
                [one] => *one,
                _ => f,
            }
        })
        .collect()
}

/// Whether `full` is a fuller name of the same kind that contains `part`.
fn is_fuller(full: &Form, part: &Form) -> bool {
    // Same label only: "Bangkok" (a place) is not a mention of "Royal
    // Norwegian Embassy in Bangkok" (an organisation).
    is_name_label(full.label)
        && full.label == part.label
        && full.key.len() > part.key.len()
        && contains_all(&full.key, &part.key)
}

/// Acronyms the text defines right after a name ("Sustainable Development
/// Goals (SDGs)"), mapped to that name's form (`forms_by_written`).
fn defined_acronyms(
    text: &str,
    entities: &[Entity],
    forms_by_written: &FxHashMap<(&str, EntityLabel), usize>,
) -> FxHashMap<String, usize> {
    let mut out = FxHashMap::default();
    for e in entities.iter().filter(|e| is_name_label(e.label)) {
        let after = &text[e.range.end()..];
        let Some(inner) = after.strip_prefix(" (").or_else(|| after.strip_prefix('(')) else {
            continue;
        };
        let Some(close) = inner.find(')').filter(|&c| c <= 12) else {
            continue;
        };
        let acronym = &inner[..close];
        let written = e.range.slice(text);
        if !is_acronym_of(acronym, written) {
            continue;
        }
        if let Some(&f) = forms_by_written.get(&(written, e.label)) {
            out.entry(key_words(acronym).join(" ")).or_insert(f);
        }
    }
    out
}

/// Whether `acronym` ("SDGs", "UNODC") spells the initials of the capitalised
/// words of `name` ("Sustainable Development Goals").
pub(crate) fn is_acronym_of(acronym: &str, name: &str) -> bool {
    let letters = acronym.strip_suffix('s').unwrap_or(acronym);
    if letters.chars().count() < 2 || !letters.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    initials == letters
}

/// The written form without leading titles or a lowercase "the".
fn display_name(written: &str) -> String {
    let mut words: Vec<&str> = written.split_whitespace().collect();
    let lead = words
        .iter()
        .take_while(|w| **w == "the" || is_title_word(w))
        .count();
    if lead < words.len() {
        words.drain(..lead);
    }
    words.join(" ")
}

/// Whether a written word ("Maj.", "Gen") is a title.
fn is_title_word(w: &str) -> bool {
    is_title(&w.trim_end_matches('.').to_lowercase())
}

/// Gathers the forms under their fullest form, in order of first mention.
fn collect_groups(forms: Vec<Form>, parent: &[usize]) -> Vec<NameGroup> {
    let mut groups: Vec<NameGroup> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; forms.len()];
    let root = |mut f: usize| {
        // Parents point to fuller forms, so this ends; the bound guards cycles.
        for _ in 0..forms.len() {
            if parent[f] == f {
                break;
            }
            f = parent[f];
        }
        f
    };
    let mut order: Vec<usize> = (0..forms.len()).collect();
    order.sort_by_key(|&f| forms[f].mentions[0]);
    for f in order {
        let r = root(f);
        let g = *slot[r].get_or_insert_with(|| {
            groups.push(NameGroup {
                name: forms[r].display.clone(),
                label: forms[r].label,
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].mentions.extend_from_slice(&forms[f].mentions);
    }
    for g in &mut groups {
        g.mentions.sort_unstable();
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::TextRange;

    /// Entities for each `[label]text` marked in `marked`; returns the
    /// plain text and the entities.
    fn entities(marked: &str) -> (String, Vec<Entity>) {
        let mut text = String::new();
        let mut out = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').unwrap() + open;
            let label = match &rest[open + 1..close] {
                "P" => EntityLabel::Person,
                "O" => EntityLabel::Org,
                "L" => EntityLabel::Loc,
                "M" => EntityLabel::Misc,
                _ => EntityLabel::Date,
            };
            let end = rest[close..].find('|').unwrap() + close;
            let start = text.len();
            text.push_str(&rest[close + 1..end]);
            out.push(Entity {
                range: TextRange::new(start, text.len()),
                label,
            });
            rest = &rest[end + 1..];
        }
        text.push_str(rest);
        (text, out)
    }

    fn grouped(marked: &str) -> Vec<(String, Vec<String>)> {
        let (text, ents) = entities(marked);
        group_names(&text, &ents)
            .into_iter()
            .map(|g| {
                let forms = g
                    .mentions
                    .iter()
                    .map(|&i| ents[i as usize].range.slice(&text).to_owned())
                    .collect();
                (g.name, forms)
            })
            .collect()
    }

    #[test]
    fn key_words_drop_titles_the_and_possessives() {
        assert_eq!(key_words("Maj. Gen. Somkeo"), ["somkeo"]);
        assert_eq!(key_words("The Daily Herald’s"), ["daily", "herald"]);
        assert_eq!(
            key_words("Ms Kaori Kawarabayashi"),
            ["kaori", "kawarabayashi"]
        );
        assert_eq!(key_words("General"), ["general"]);
        assert_eq!(key_words("Søren Ødegård"), ["søren", "ødegård"]);
    }

    #[test]
    fn partial_names_join_the_fullest_name() {
        let g = grouped(
            "[P]Maj. Gen. Somkeo Sylavong| spoke. [P]Somkeo| said more. Later [P]Maj. Gen. Somkeo| left; \
             [P]Kaori Kawarabayashi| of [O]UNODC| agreed, and [P]Kaori| added. [P]Vegard| and [P]Vegard Holmelid| met.",
        );
        assert_eq!(
            g,
            [
                (
                    "Somkeo Sylavong".to_owned(),
                    vec![
                        "Maj. Gen. Somkeo Sylavong".to_owned(),
                        "Somkeo".to_owned(),
                        "Maj. Gen. Somkeo".to_owned()
                    ]
                ),
                (
                    "Kaori Kawarabayashi".to_owned(),
                    vec!["Kaori Kawarabayashi".to_owned(), "Kaori".to_owned()]
                ),
                ("UNODC".to_owned(), vec!["UNODC".to_owned()]),
                (
                    "Vegard Holmelid".to_owned(),
                    vec!["Vegard".to_owned(), "Vegard Holmelid".to_owned()]
                ),
            ]
        );
    }

    #[test]
    fn four_forms_of_one_newspaper_are_one_organisation() {
        let g = grouped(
            "[O]The Daily Herald| said. [O]Herald| editors agree; [O]The Herald| wrote that [O]Daily Herald| readers…",
        );
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].0, "The Daily Herald");
        assert_eq!(g[0].1.len(), 4);
    }

    #[test]
    fn acronyms_defined_in_the_text_join_their_name() {
        let g = grouped(
            "the [M]Sustainable Development Goals| (SDGs) matter; the [M]SDGs| are due. The [O]UN| met.",
        );
        assert_eq!(g.len(), 2, "{g:?}");
        assert_eq!(g[0].0, "Sustainable Development Goals");
        assert_eq!(g[0].1, ["Sustainable Development Goals", "SDGs"]);
        assert!(!is_acronym_of("Sdg", "Sustainable Development Goals"));
    }

    #[test]
    fn ambiguous_and_cross_label_forms_stay_apart() {
        // Two Kims: "Kim" alone could be either.
        let g = grouped("[P]Kim Jong Un| and [P]Kim Yo Jong| met; [P]Kim| spoke.");
        assert_eq!(g.len(), 3, "{g:?}");
        // A city is not its embassy.
        let g = grouped("the [O]Royal Norwegian Embassy in Bangkok| in [L]Bangkok|.");
        assert_eq!(g.len(), 2, "{g:?}");
        // Dates group by exact text only.
        let g = grouped("[D]Monday| and [D]Monday| and [D]last Monday|");
        assert_eq!(g.len(), 2, "{g:?}");
    }
}
