//! `saidwho analyze` output: a readable table, or JSON.

use std::io::Write;

use saidwho_core::output::{OffsetUnit, Report};
use saidwho_core::{export, Analysis, OffsetIndex};

/// Longest quote excerpt shown in the table, in characters.
const EXCERPT_CHARS: usize = 70;

/// Writes a human-readable summary of `analysis`.
pub fn write_table(
    out: &mut impl Write,
    name: &str,
    text: &str,
    analysis: &Analysis,
    explain: bool,
) -> std::io::Result<()> {
    let index = OffsetIndex::new(text);
    writeln!(
        out,
        "{name}: {} paragraphs, {} sentences, {} tokens, {} quotes, {} speakers, {} entities",
        analysis.paragraphs.len(),
        analysis.sentences.len(),
        analysis.tokens.len(),
        analysis.quotes.len(),
        analysis.speakers.len(),
        analysis.entities.len()
    )?;
    if analysis.quotes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{:>3}  {:<7}  {:>13}  quote", "#", "kind", "chars")?;
    for (i, q) in analysis.quotes.iter().enumerate() {
        if explain && i > 0 {
            writeln!(out)?;
        }
        let [s, e] = index.range_to_chars(q.range);
        let kind = q.kind.as_str();
        writeln!(
            out,
            "{:>3}  {kind:<7}  {:>13}  {}",
            i + 1,
            format!("{s}-{e}"),
            excerpt(q.range.slice(text))
        )?;
        if explain {
            if let Some(why) = export::explanation(analysis, i) {
                writeln!(
                    out,
                    "{:>26}{}",
                    "",
                    why.replace("; ", &format!("\n{:>26}", ""))
                )?;
            }
        }
    }
    Ok(())
}

/// One line, at most [`EXCERPT_CHARS`] characters.
fn excerpt(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let mut cut: String = flat.chars().take(EXCERPT_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// Writes `analysis` as one JSON object (the core's one output model),
/// offsets in code points.
pub fn write_json(out: &mut impl Write, text: &str, analysis: &Analysis) -> anyhow::Result<()> {
    let report = Report::new(text, analysis, OffsetUnit::CodePoints, true);
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_quotes() {
        let text = "“We will win,” said Ms Kaori.";
        let mut out = Vec::new();
        write_table(&mut out, "x.txt", text, &saidwho_core::analyze(text), false).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("1 quotes") && s.contains("“We will win,”") && s.contains("0-14"),
            "{s}"
        );
    }

    #[test]
    fn explain_names_the_rules() {
        let text = "“We will win,” said Ms Kaori. “Again,” she added.";
        let mut out = Vec::new();
        write_table(&mut out, "x.txt", text, &saidwho_core::analyze(text), true).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("found by: reporting verb right after the quote (cue-then-speaker)"),
            "{s}"
        );
        assert!(
            s.contains("speaker: pronoun → the likeliest person or organisation before it → Kaori"),
            "{s}"
        );
    }

    #[test]
    fn long_quotes_are_cut() {
        let e = excerpt(&"word ".repeat(50));
        assert_eq!(e.chars().count(), EXCERPT_CHARS);
        assert!(e.ends_with('…'));
    }
}
