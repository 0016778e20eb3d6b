//! Exports of a corpus: CSV of its quotes and of its speakers (RFC 4180,
//! defused against spreadsheet formulas, optionally with a UTF-8 byte
//! order mark for Excel), and a Markdown summary.

use std::fmt::Write;

use super::speakers::{row_key, surname_links, SpeakerEdits};
use super::{Corpus, Figures};
use crate::export::{csv_cells, md_escape};

/// The byte order mark Excel needs to read a CSV file as UTF-8.
const BOM: &str = "\u{feff}";

/// One CSV row of `cells`, ending with CRLF.
fn row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    csv_cells(out, cells);
    out.push_str("\r\n");
}

/// One row per quote across the corpus: article id and title, speaker (the
/// speakers table's name, after the reader's merges), role, organisation,
/// kind, cue class, quote, and its position in the article (code points).
#[must_use]
pub fn quotes_csv(corpus: &Corpus, edits: &SpeakerEdits, bom: bool) -> String {
    let names: std::collections::HashMap<String, String> = corpus
        .speakers(edits)
        .into_iter()
        .map(|s| (s.key, s.name))
        .collect();
    let links = surname_links(corpus);
    let mut o = String::from(if bom { BOM } else { "" });
    o.push_str("article_id,title,speaker,role,organization,kind,cue_class,quote,start,end\r\n");
    for q in &corpus.quotes {
        let Some(article) = corpus.articles.get(q.article as usize) else {
            continue;
        };
        let speaker = row_key(q, edits, &links)
            .and_then(|k| names.get(&k).cloned())
            .unwrap_or_default();
        let (start, end) = (q.start.to_string(), q.end.to_string());
        row(
            &mut o,
            [
                article.meta.id.as_str(),
                article.meta.title.as_str(),
                speaker.as_str(),
                q.role.as_deref().unwrap_or(""),
                q.organization.as_deref().unwrap_or(""),
                q.kind.as_str(),
                q.cue_class.as_str(),
                q.text.as_str(),
                start.as_str(),
                end.as_str(),
            ],
        );
    }
    o
}

/// One row per speaker: name, named or anonymous, role, organisation,
/// quotes, quoted words, views and findings, articles (their ids, joined
/// by "; ").
#[must_use]
pub fn speakers_csv(corpus: &Corpus, edits: &SpeakerEdits, bom: bool) -> String {
    let mut o = String::from(if bom { BOM } else { "" });
    o.push_str("speaker,source,role,organization,quotes,quoted_words,views,articles\r\n");
    for s in corpus.speakers(edits) {
        let ids: Vec<&str> = s
            .articles
            .iter()
            .filter_map(|&a| corpus.articles.get(a as usize))
            .map(|a| a.meta.id.as_str())
            .collect();
        let (quotes, words, views) = (
            s.quotes.to_string(),
            s.quoted_words.to_string(),
            s.views.to_string(),
        );
        row(
            &mut o,
            [
                s.name.as_str(),
                if s.named { "named" } else { "anonymous" },
                s.role.as_deref().unwrap_or(""),
                s.organization.as_deref().unwrap_or(""),
                quotes.as_str(),
                words.as_str(),
                views.as_str(),
                ids.join("; ").as_str(),
            ],
        );
    }
    o
}

/// A percentage with one decimal ("42.5%").
fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// A readable summary: totals, who gets the quotes, named against
/// anonymous, speech against views, organisations, and the articles.
#[must_use]
pub fn summary_markdown(corpus: &Corpus, edits: &SpeakerEdits) -> String {
    let f: Figures = corpus.figures(edits);
    let mut o = String::from("# Sources in this corpus\n\n");
    let _ = writeln!(
        o,
        "{} articles, {} quotes, {} quoted words, {} speakers.\n",
        f.articles,
        f.quotes,
        f.words,
        f.by_speaker.len()
    );
    let table = |o: &mut String, title: &str, rows: &[super::Share], limit: usize| {
        let _ = writeln!(
            o,
            "## {title}\n\n| | quotes | share | words | share |\n|---|---:|---:|---:|---:|"
        );
        for s in rows.iter().take(limit) {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                md_escape(&s.label),
                s.quotes,
                pct(s.quote_share),
                s.words,
                pct(s.word_share)
            );
        }
        o.push('\n');
    };
    table(
        &mut o,
        "Named and anonymous sources",
        &f.sources,
        usize::MAX,
    );
    table(&mut o, "Speech, views and findings", &f.kinds, usize::MAX);
    table(&mut o, "Most quoted speakers", &f.by_speaker, 20);
    table(&mut o, "Organisations", &f.by_organization, 20);
    o.push_str("## Articles\n\n| article | title | quotes | speakers |\n|---|---|---:|---:|\n");
    for a in &corpus.articles {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            md_escape(&a.meta.id),
            md_escape(&a.meta.title),
            a.quotes,
            a.speakers
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn quotes_csv_has_a_row_per_quote_and_defuses_formulas() {
        let mut c = sample();
        c.articles[0].meta.title = "=HYPERLINK(\"x\")".into();
        let csv = quotes_csv(&c, &SpeakerEdits::default(), false);
        assert_eq!(csv.lines().count(), 1 + c.quotes.len());
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"a1.txt\""));
        assert!(quotes_csv(&c, &SpeakerEdits::default(), true).starts_with('\u{feff}'));
    }

    #[test]
    fn speakers_csv_follows_merges() {
        let c = sample();
        let merged = SpeakerEdits {
            merges: vec![("1:a spokesman".into(), "sam ruiz".into())],
            ..SpeakerEdits::default()
        };
        let csv = speakers_csv(&c, &merged, false);
        assert!(
            csv.contains("\"Sam Ruiz\",\"named\",\"\",\"\",\"3\""),
            "{csv}"
        );
        assert!(!csv.contains("a spokesman"));
        let quotes = quotes_csv(&c, &merged, false);
        assert_eq!(quotes.matches("\"Sam Ruiz\"").count(), 3, "{quotes}");
    }

    #[test]
    fn the_summary_names_the_most_quoted() {
        let md = summary_markdown(&sample(), &SpeakerEdits::default());
        assert!(
            md.starts_with("# Sources in this corpus\n\n3 articles"),
            "{md}"
        );
        assert!(md.contains("| Sam Ruiz | 2 |"), "{md}");
    }
}
