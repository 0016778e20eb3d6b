//! Exports of an analysis: JSON (everything), CSV (one row per quote),
//! a Markdown summary, and a citation for one quote. Offsets in exports are
//! code points, as in the evaluation format.

use std::fmt::Write;

use crate::analysis::Analysis;
use crate::offsets::OffsetIndex;
use crate::output::{OffsetUnit, Report};

/// The whole analysis as JSON (the one output model, [`Report`]): quotes,
/// speakers, entities and names (each name's `mentions` are indices into
/// `entities`), with code-point offsets into `text`.
#[must_use]
pub fn to_json(text: &str, a: &Analysis) -> String {
    let report = Report::new(text, a, OffsetUnit::CodePoints, false);
    let mut json = serde_json::to_string(&report).unwrap_or_else(|e| {
        // Serialising plain strings and numbers cannot fail; say so if it does.
        serde_json::json!({ "error": e.to_string() }).to_string()
    });
    json.push('\n');
    json
}

/// One CSV cell (RFC 4180), defused against spreadsheet formula injection.
fn csv_cell(out: &mut String, s: &str) {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    out.push('"');
    if risky {
        out.push('\'');
    }
    out.push_str(&s.replace('"', "\"\""));
    out.push('"');
}

/// Quoted CSV cells separated by commas (no line end).
pub(crate) fn csv_cells<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (k, cell) in cells.into_iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        csv_cell(out, cell);
    }
}

/// One row per quote: speaker, role, organisation, kind, cue class,
/// confidence, quote (an interrupted quote's parts joined by " … "), cue,
/// origin ("machine", "edited" or "reader": who set the row's values) and
/// position (code points, from the quote's first word to its last).
#[must_use]
pub fn to_csv(text: &str, a: &Analysis) -> String {
    let idx = OffsetIndex::new(text);
    let mut o = String::from(
        "speaker,role,organization,kind,cue_class,confidence,quote,cue,origin,start,end\r\n",
    );
    for q in &a.quotes {
        let sp = q.speaker.and_then(|s| a.speakers.get(s as usize));
        let [s, e] = idx.range_to_chars(q.range);
        let words = q.words(text);
        let confidence = format!("{:.2}", f32::from(q.confidence) / 100.0);
        csv_cells(
            &mut o,
            [
                sp.map_or("", |s| s.name.as_str()),
                sp.and_then(|s| s.role.as_deref()).unwrap_or(""),
                sp.and_then(|s| s.organization.as_deref()).unwrap_or(""),
                q.kind.as_str(),
                q.cue_class.as_str(),
                confidence.as_str(),
                words.as_str(),
                q.cue.map_or("", |c| c.slice(text)),
            ],
        );
        let origin = crate::output::quote_origin(q.edited);
        let _ = write!(o, ",{origin},{s},{e}\r\n");
    }
    o
}

/// Markdown with quote marks kept but markup characters escaped.
pub(crate) fn md_escape(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A readable summary: who is quoted, how much, their quotes, and the names
/// the article mentions.
#[must_use]
pub fn to_markdown(text: &str, a: &Analysis) -> String {
    let mut o = String::new();
    let title = a.paragraphs.first().map_or("Article", |p| p.slice(text));
    let _ = writeln!(o, "# {}\n", md_escape(title));
    let _ = writeln!(
        o,
        "{} quotes from {} speakers.\n",
        a.quotes.len(),
        a.speakers.len()
    );
    let mut order: Vec<usize> = (0..a.speakers.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(a.speakers[i].quoted_words));
    for si in order {
        let s = &a.speakers[si];
        let _ = write!(o, "## {}", md_escape(&s.name));
        let details: Vec<&str> = [s.role.as_deref(), s.organization.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !details.is_empty() {
            let _ = write!(o, " — {}", md_escape(&details.join(", ")));
        }
        let _ = writeln!(o, "\n\n{} quotes, {} words.\n", s.quotes, s.quoted_words);
        for q in a.quotes.iter().filter(|q| q.speaker == Some(si as u32)) {
            let _ = writeln!(o, "> {} *({})*\n", md_escape(&q.words(text)), kind_label(q));
        }
    }
    let unknown: Vec<_> = a.quotes.iter().filter(|q| q.speaker.is_none()).collect();
    if !unknown.is_empty() {
        let _ = writeln!(o, "## Speaker unknown\n");
        for q in unknown {
            let _ = writeln!(o, "> {} *({})*\n", md_escape(&q.words(text)), kind_label(q));
        }
    }
    if !a.entities.is_empty() {
        let _ = writeln!(o, "## Names in the article\n");
        for (label, heading) in [
            ("PERSON", "People"),
            ("ORG", "Organisations"),
            ("LOC", "Places"),
            ("MISC", "Other"),
        ] {
            // One entry per person or organisation, with its mention count.
            let mut names: Vec<(&str, usize)> = a
                .names
                .iter()
                .filter(|g| g.label.as_str() == label)
                .map(|g| (g.name.as_str(), g.mentions.len()))
                .collect();
            names.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
            if !names.is_empty() {
                let list: Vec<String> = names
                    .iter()
                    .map(|&(n, k)| {
                        if k > 1 {
                            format!("{} ({k})", md_escape(n))
                        } else {
                            md_escape(n)
                        }
                    })
                    .collect();
                let _ = writeln!(o, "- **{heading}:** {}", list.join(", "));
            }
        }
    }
    o
}

/// "direct", or "direct, stance" for a view or finding, with
/// ", corrected" or ", added by the reader" for the reader's quotes.
fn kind_label(q: &crate::Quote) -> String {
    let mut label = q.kind.as_str().to_owned();
    if q.cue_class.is_view() {
        label = format!("{label}, {}", q.cue_class.as_str());
    }
    if q.edited.added {
        label.push_str(", added by the reader");
    } else if q.edited.any() {
        label.push_str(", corrected by the reader");
    }
    label
}

/// Why quote `i` is a quote by its speaker, in words: "found by: reporting
/// verb right after the quote (cue-then-speaker); speaker: pronoun → nearest
/// person before it → Vegard Holmelid; speech; quotes found this way were
/// right 88% of the time in training news".
#[must_use]
pub fn explanation(a: &Analysis, i: usize) -> Option<String> {
    let q = a.quotes.get(i)?;
    let found = format!(
        "found by: {} ({})",
        q.found_by.summary(),
        q.found_by.as_str()
    );
    let speaker = match (
        q.speaker.and_then(|s| a.speakers.get(s as usize)),
        q.speaker_by,
    ) {
        (Some(s), Some(rule)) => format!("speaker: {} → {}", rule.summary(), s.name),
        _ => "speaker not found".to_owned(),
    };
    let trust = if q.edited.any() {
        "checked by the reader".to_owned()
    } else {
        format!(
            "quotes found this way were right {}% of the time in training news",
            q.confidence
        )
    };
    Some(format!(
        "{found}; {speaker}; {}; {trust}",
        q.cue_class.as_str()
    ))
}

/// Quote `i` with its attribution, ready to paste: “…” — Name, Role.
#[must_use]
pub fn citation(text: &str, a: &Analysis, i: usize) -> Option<String> {
    let q = a.quotes.get(i)?;
    let words = q
        .words(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let quoted = if words.starts_with(['“', '"', '‘', '\'', '«', '„']) {
        words
    } else {
        format!("“{words}”")
    };
    let who = match q.speaker.and_then(|s| a.speakers.get(s as usize)) {
        Some(s) => {
            let details: Vec<&str> = [s.role.as_deref(), s.organization.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if details.is_empty() {
                s.name.clone()
            } else {
                format!("{}, {}", s.name, details.join(", "))
            }
        }
        None => "speaker unknown".to_owned(),
    };
    Some(format!("{quoted} — {who}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "Title\n\n“We won, 100%,” said Ms Ada Lovelace, Minister of Engines. =SUM(A1) “Yes, we did,” she added.";

    #[test]
    fn json_is_valid_and_complete() {
        let a = crate::analyze(T);
        let j = to_json(T, &a);
        let v: serde_json::Value = serde_json::from_str(&j).expect("valid JSON");
        assert_eq!(v["quotes"][0]["text"], "“We won, 100%,”");
        assert_eq!(v["quotes"][0]["speaker"], "Ada Lovelace");
        assert_eq!(v["speakers"][0]["role"], "Minister of Engines");
    }

    #[test]
    fn exports_list_each_name_once_with_its_mentions() {
        let t = "Ms Ada Lovelace spoke. Lovelace left. Ada returned.";
        let mut a = crate::analyze(t);
        a.entities = ["Ada Lovelace", "Lovelace", "Ada"]
            .iter()
            .map(|n| {
                let at = t.rfind(&format!("{n} ")).unwrap();
                crate::Entity {
                    range: crate::TextRange::new(at, at + n.len()),
                    label: crate::EntityLabel::Person,
                }
            })
            .collect();
        a.group_names(t);
        let v: serde_json::Value = serde_json::from_str(&to_json(t, &a)).unwrap();
        assert_eq!(v["names"].as_array().unwrap().len(), 1);
        assert_eq!(v["names"][0]["name"], "Ada Lovelace");
        assert_eq!(v["names"][0]["mentions"], serde_json::json!([0, 1, 2]));
        let md = to_markdown(t, &a);
        assert!(md.contains("- **People:** Ada Lovelace (3)\n"), "{md}");
    }

    #[test]
    fn explanations_name_the_rules() {
        use crate::attribution::confidence::confidence;
        use crate::attribution::rules::RuleId;
        // The rates are the calibrated table's (`cargo xtask calibrate`).
        let rate = |rule, speaker| confidence(rule, speaker);
        let a = crate::analyze(T);
        assert_eq!(
            explanation(&a, 0).unwrap(),
            format!(
                "found by: reporting verb right after the quote (cue-then-speaker); \
                 speaker: the name as written → Ada Lovelace; speech; \
                 quotes found this way were right {}% of the time in training news",
                rate(RuleId::CueThenSpeaker, true)
            )
        );
        assert_eq!(
            explanation(&a, 1).unwrap(),
            format!(
                "found by: speaker and reporting verb after the quote (speaker-then-cue); \
                 speaker: pronoun → the likeliest person or organisation before it → Ada Lovelace; \
                 speech; quotes found this way were right {}% of the time in training news",
                rate(RuleId::SpeakerThenCue, true)
            )
        );
        let a =
            crate::analyze("Title\n\n“We are not leaving this square until they listen to us.”");
        let unattributed = format!(
            "; speaker not found; speech; quotes found this way were right {}% ",
            rate(RuleId::UnattributedLong, false)
        );
        assert!(explanation(&a, 0).unwrap().contains(&unattributed));
        assert_eq!(explanation(&a, 1), None);
    }

    #[test]
    fn csv_rows_are_quoted_and_defused() {
        let a = crate::analyze(T);
        let csv = to_csv(T, &a);
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "speaker,role,organization,kind,cue_class,confidence,quote,cue,origin,start,end"
        );
        assert!(lines[1].starts_with("\"Ada Lovelace\",\"Minister of Engines\",\"\",\"direct\",\"speech\",\"0.88\",\"“We won, 100%,”\",\"said\",machine,7,22"), "{}", lines[1]);
        let mut cell = String::new();
        csv_cell(&mut cell, "=SUM(A1) \"x\"");
        assert_eq!(cell, "\"'=SUM(A1) \"\"x\"\"\"");
    }

    #[test]
    fn markdown_and_citation() {
        let a = crate::analyze(T);
        let md = to_markdown(T, &a);
        assert!(md.starts_with("# Title\n"), "{md}");
        assert!(md.contains("## Ada Lovelace — Minister of Engines"), "{md}");
        assert!(md.contains("> “We won, 100%,” *(direct)*"), "{md}");
        assert_eq!(
            citation(T, &a, 0).unwrap(),
            "“We won, 100%,” — Ada Lovelace, Minister of Engines"
        );
        assert_eq!(citation(T, &a, 99), None);
    }
}
