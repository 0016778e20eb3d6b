//! Exports of an analysis: JSON (everything), CSV (one row per quote),
//! a Markdown summary, and a citation for one quote. Offsets in exports are
//! code points, as in the evaluation format.

use std::fmt::Write;

use crate::analysis::Analysis;
use crate::offsets::OffsetIndex;
use crate::span::TextRange;

/// A JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.push_str("null"),
    }
}

fn json_span(out: &mut String, idx: &OffsetIndex, r: Option<TextRange>) {
    match r {
        Some(r) => {
            let [s, e] = idx.range_to_chars(r);
            let _ = write!(out, "[{s},{e}]");
        }
        None => out.push_str("null"),
    }
}

/// The whole analysis as JSON: quotes (text, kind, cue, speaker), speakers,
/// entities and names (each name's `mentions` are indices into `entities`),
/// with code-point offsets into `text`.
#[must_use]
pub fn to_json(text: &str, a: &Analysis) -> String {
    let idx = OffsetIndex::new(text);
    let mut o = String::with_capacity(256 + text.len() / 2);
    o.push_str("{\"offsets\":\"code points\",\"length\":");
    let _ = write!(o, "{}", idx.to_char(text.len()));
    o.push_str(",\"quotes\":[");
    for (i, q) in a.quotes.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"span\":");
        json_span(&mut o, &idx, Some(q.range));
        o.push_str(",\"text\":");
        json_str(&mut o, q.range.slice(text));
        o.push_str(",\"kind\":");
        json_str(&mut o, q.kind.as_str());
        o.push_str(",\"cue_span\":");
        json_span(&mut o, &idx, q.cue);
        o.push_str(",\"speaker_span\":");
        json_span(&mut o, &idx, q.speaker_mention);
        o.push_str(",\"speaker\":");
        json_opt_str(
            &mut o,
            q.speaker
                .and_then(|s| a.speakers.get(s as usize))
                .map(|s| s.name.as_str()),
        );
        o.push('}');
    }
    o.push_str("],\"speakers\":[");
    for (i, s) in a.speakers.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"name\":");
        json_str(&mut o, &s.name);
        o.push_str(",\"role\":");
        json_opt_str(&mut o, s.role.as_deref());
        o.push_str(",\"organization\":");
        json_opt_str(&mut o, s.organization.as_deref());
        let _ = write!(
            o,
            ",\"quotes\":{},\"quoted_words\":{},\"mentions\":[",
            s.quotes, s.quoted_words
        );
        for (k, m) in s.mentions.iter().enumerate() {
            if k > 0 {
                o.push(',');
            }
            json_span(&mut o, &idx, Some(*m));
        }
        o.push_str("]}");
    }
    o.push_str("],\"entities\":[");
    for (i, e) in a.entities.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"span\":");
        json_span(&mut o, &idx, Some(e.range));
        o.push_str(",\"label\":");
        json_str(&mut o, e.label.as_str());
        o.push_str(",\"text\":");
        json_str(&mut o, e.range.slice(text));
        o.push('}');
    }
    o.push_str("],\"names\":[");
    for (i, g) in a.names.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"name\":");
        json_str(&mut o, &g.name);
        o.push_str(",\"label\":");
        json_str(&mut o, g.label.as_str());
        o.push_str(",\"mentions\":[");
        for (k, &m) in g.mentions.iter().enumerate() {
            if k > 0 {
                o.push(',');
            }
            let _ = write!(o, "{m}");
        }
        o.push_str("]}");
    }
    o.push_str("]}\n");
    o
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

/// One row per quote: speaker, role, organisation, kind, quote, cue and
/// position (code points).
#[must_use]
pub fn to_csv(text: &str, a: &Analysis) -> String {
    let idx = OffsetIndex::new(text);
    let mut o = String::from("speaker,role,organization,kind,quote,cue,start,end\r\n");
    for q in &a.quotes {
        let sp = q.speaker.and_then(|s| a.speakers.get(s as usize));
        let [s, e] = idx.range_to_chars(q.range);
        for (k, cell) in [
            sp.map_or("", |s| s.name.as_str()),
            sp.and_then(|s| s.role.as_deref()).unwrap_or(""),
            sp.and_then(|s| s.organization.as_deref()).unwrap_or(""),
            q.kind.as_str(),
            q.range.slice(text),
            q.cue.map_or("", |c| c.slice(text)),
        ]
        .into_iter()
        .enumerate()
        {
            if k > 0 {
                o.push(',');
            }
            csv_cell(&mut o, cell);
        }
        let _ = write!(o, ",{s},{e}\r\n");
    }
    o
}

/// Markdown with quote marks kept but markup characters escaped.
fn md_escape(s: &str) -> String {
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
            let _ = writeln!(
                o,
                "> {} *({})*\n",
                md_escape(q.range.slice(text)),
                q.kind.as_str()
            );
        }
    }
    let unknown: Vec<_> = a.quotes.iter().filter(|q| q.speaker.is_none()).collect();
    if !unknown.is_empty() {
        let _ = writeln!(o, "## Speaker unknown\n");
        for q in unknown {
            let _ = writeln!(
                o,
                "> {} *({})*\n",
                md_escape(q.range.slice(text)),
                q.kind.as_str()
            );
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

/// Quote `i` with its attribution, ready to paste: “…” — Name, Role.
#[must_use]
pub fn citation(text: &str, a: &Analysis, i: usize) -> Option<String> {
    let q = a.quotes.get(i)?;
    let words = q
        .range
        .slice(text)
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
        let s = "tab\t\"quote\" \\ \u{1} \u{2028}";
        let mut o = String::new();
        json_str(&mut o, s);
        assert_eq!(serde_json::from_str::<String>(&o).unwrap(), s);
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
                    range: TextRange::new(at, at + n.len()),
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
    fn csv_rows_are_quoted_and_defused() {
        let a = crate::analyze(T);
        let csv = to_csv(T, &a);
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "speaker,role,organization,kind,quote,cue,start,end"
        );
        assert!(lines[1].starts_with("\"Ada Lovelace\",\"Minister of Engines\",\"\",\"direct\",\"“We won, 100%,”\",\"said\",7,22"), "{}", lines[1]);
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
