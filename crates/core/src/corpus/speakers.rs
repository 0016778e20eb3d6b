//! The speakers of a corpus: named speakers merged across articles by
//! their normalised full name, unnamed sources kept per article, and the
//! reader's merges and splits.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Corpus, CorpusQuote};

/// One row of the speakers table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusSpeaker {
    /// What identifies the row (see [`speaker_key`]; an unnamed source's
    /// key holds its article: "3:a spokesman").
    pub key: String,
    /// The name shown: the one written most often.
    pub name: String,
    /// Whether it is a real name; unnamed sources are anonymous.
    pub named: bool,
    /// Quotes credited.
    pub quotes: u32,
    /// Words in those quotes.
    pub quoted_words: u32,
    /// Of those quotes, views and findings (beliefs, stances, evidence).
    pub views: u32,
    /// The articles quoting it (indices into [`Corpus::articles`]), ascending.
    pub articles: Vec<u32>,
    /// Its role, as the first article giving one has it.
    pub role: Option<String>,
    /// Its organisation, as the first article giving one has it.
    pub organization: Option<String>,
}

/// The reader's corrections to the table: merges (`from` key into `into`
/// key) and splits (the quotes of one article taken out of a row).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerEdits {
    /// `(from, into)`: the row `from` joins the row `into`.
    pub merges: Vec<(String, String)>,
    /// `(key, article)`: that article's quotes leave the row `key` for a
    /// row of their own.
    pub splits: Vec<(String, u32)>,
}

/// Honorifics left out of a name's key ("Mr. King" is "king").
const HONORIFICS: [&str; 7] = ["mr", "mrs", "ms", "miss", "dr", "sir", "dame"];

/// The key of a name across articles: lowercase, apostrophes straightened,
/// a leading honorific and its dot dropped, words separated by one space
/// ("Dr.  Ana O’Neill" → "ana o'neill").
#[must_use]
pub fn speaker_key(name: &str) -> String {
    let lower = name.to_lowercase().replace(['’', '‘'], "'");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && HONORIFICS.contains(&words[0].trim_end_matches('.')) {
        words.remove(0);
    }
    // "Donald J. Trump" is "donald trump": a middle initial is left out.
    if words.len() > 2 {
        let last = words.len() - 1;
        let mut k = 0;
        words.retain(|w| {
            k += 1;
            k == 1 || k == last + 1 || w.trim_end_matches('.').chars().count() > 1
        });
    }
    words.join(" ")
}

/// Surnames alone ("obama") and the one fuller key across the corpus that
/// ends with them ("barack obama"); a surname two people share ("clinton"
/// with "bill clinton" and "hillary clinton") links nothing.
pub(super) fn surname_links(corpus: &Corpus) -> HashMap<String, String> {
    let mut keys: Vec<String> = corpus
        .quotes
        .iter()
        .filter(|q| q.named && !q.speaker.trim().is_empty())
        .map(|q| speaker_key(&q.speaker))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut fuller: HashMap<&str, Vec<&str>> = HashMap::new();
    for k in keys.iter().filter(|k| k.contains(' ')) {
        if let Some(last) = k.rsplit(' ').next() {
            fuller.entry(last).or_default().push(k);
        }
    }
    keys.iter()
        .filter(|k| !k.contains(' '))
        .filter_map(|k| match fuller.get(k.as_str()).map(Vec::as_slice) {
            Some([one]) => Some((k.clone(), (*one).to_owned())),
            _ => None,
        })
        .collect()
}

/// The row key of quote `q` before the reader's edits, if it has a speaker.
fn machine_key(q: &CorpusQuote, links: &HashMap<String, String>) -> Option<String> {
    if q.speaker.trim().is_empty() {
        return None;
    }
    Some(if q.named {
        let key = speaker_key(&q.speaker);
        links.get(&key).cloned().unwrap_or(key)
    } else {
        format!("{}:{}", q.article, q.speaker.to_lowercase())
    })
}

/// Most merges followed from one key (a cycle stops there).
const MAX_MERGE_CHAIN: usize = 32;

/// The row key of quote `q` after the reader's edits.
pub(super) fn row_key(
    q: &CorpusQuote,
    edits: &SpeakerEdits,
    links: &HashMap<String, String>,
) -> Option<String> {
    let mut key = machine_key(q, links)?;
    if edits
        .splits
        .iter()
        .any(|(k, a)| *k == key && *a == q.article)
    {
        key = format!("{key}@{}", q.article);
    }
    for _ in 0..MAX_MERGE_CHAIN {
        match edits.merges.iter().rev().find(|(from, _)| *from == key) {
            Some((_, into)) if *into != key => key.clone_from(into),
            _ => break,
        }
    }
    Some(key)
}

/// The speakers table, most quoted first (ties by name).
pub(super) fn table(corpus: &Corpus, edits: &SpeakerEdits) -> Vec<CorpusSpeaker> {
    let mut rows: Vec<CorpusSpeaker> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut names: Vec<HashMap<&str, u32>> = Vec::new();
    let links = surname_links(corpus);
    for q in &corpus.quotes {
        let Some(key) = row_key(q, edits, &links) else {
            continue;
        };
        let i = *at.entry(key.clone()).or_insert_with(|| {
            rows.push(CorpusSpeaker {
                key,
                name: String::new(),
                named: false,
                quotes: 0,
                quoted_words: 0,
                views: 0,
                articles: Vec::new(),
                role: None,
                organization: None,
            });
            names.push(HashMap::new());
            rows.len() - 1
        });
        let row = &mut rows[i];
        row.quotes += 1;
        row.quoted_words += q.words;
        row.views += u32::from(q.is_view());
        row.named |= q.named;
        if row.articles.last() != Some(&q.article) {
            row.articles.push(q.article);
        }
        if row.role.is_none() {
            row.role.clone_from(&q.role);
        }
        if row.organization.is_none() {
            row.organization.clone_from(&q.organization);
        }
        *names[i].entry(q.speaker.as_str()).or_default() += 1;
    }
    for (row, seen) in rows.iter_mut().zip(&names) {
        // The name written most often; ties go to the longer (fuller) one.
        row.name = seen
            .iter()
            .max_by_key(|(n, c)| (**c, n.len(), std::cmp::Reverse(**n)))
            .map_or_else(String::new, |(n, _)| (*n).to_owned());
        row.articles.sort_unstable();
        row.articles.dedup();
    }
    rows.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    rows
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn keys_ignore_case_honorifics_and_apostrophes() {
        assert_eq!(speaker_key("Dr.  Ana O’Neill"), "ana o'neill");
        assert_eq!(speaker_key("Mr King"), "king");
        assert_eq!(speaker_key("Dr"), "dr");
        assert_eq!(speaker_key("Donald J. Trump"), "donald trump");
    }

    #[test]
    fn a_named_speaker_is_one_row_across_articles() {
        let rows = sample().speakers(&SpeakerEdits::default());
        let ruiz = rows.iter().find(|r| r.name == "Sam Ruiz").expect("Ruiz");
        assert_eq!((ruiz.quotes, ruiz.articles.clone()), (2, vec![0, 1]));
        assert!(ruiz.named);
        // Unnamed sources stay in their article.
        let spokesman = rows
            .iter()
            .find(|r| r.name == "a spokesman")
            .expect("spokesman");
        assert_eq!(spokesman.key, "1:a spokesman");
        assert!(!spokesman.named);
    }

    #[test]
    fn a_surname_joins_the_one_full_name_ending_with_it() {
        let mut c = sample();
        let mut q = c.quotes[0].clone();
        q.speaker = "Ruiz".into();
        q.article = 2;
        c.quotes.push(q.clone());
        let rows = c.speakers(&SpeakerEdits::default());
        let ruiz = rows.iter().find(|r| r.key == "sam ruiz").expect("Ruiz");
        assert_eq!(ruiz.articles, [0, 1, 2]);
        // Two people with that surname: it links neither.
        q.speaker = "Maria Ruiz".into();
        c.quotes.push(q);
        let rows = c.speakers(&SpeakerEdits::default());
        assert!(rows.iter().any(|r| r.key == "ruiz"));
    }

    #[test]
    fn merges_and_splits_change_rows() {
        let c = sample();
        let split = SpeakerEdits {
            splits: vec![("sam ruiz".into(), 1)],
            ..SpeakerEdits::default()
        };
        let rows = c.speakers(&split);
        assert_eq!(rows.iter().filter(|r| r.name == "Sam Ruiz").count(), 2);
        let merged = SpeakerEdits {
            merges: vec![("1:a spokesman".into(), "sam ruiz".into())],
            ..SpeakerEdits::default()
        };
        let rows = c.speakers(&merged);
        let ruiz = rows.iter().find(|r| r.key == "sam ruiz").expect("Ruiz");
        assert_eq!(ruiz.quotes, 3);
        assert!(rows.iter().all(|r| r.name != "a spokesman"));
        // A cycle of merges ends.
        let cycle = SpeakerEdits {
            merges: vec![("a".into(), "b".into()), ("b".into(), "a".into())],
            ..SpeakerEdits::default()
        };
        assert_eq!(
            c.speakers(&cycle).len(),
            c.speakers(&SpeakerEdits::default()).len()
        );
    }
}
