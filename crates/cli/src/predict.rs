//! `saidwho predict`: evaluation predictions for JSON lines documents.
//!
//! Output format: `shared/eval/SCHEMA.md` — one object per input line with
//! the same `id`, spans in code-point offsets.

use std::io::Write;

use anyhow::{bail, Context};
use saidwho_core::output::Prediction;
use saidwho_core::Analyzer;

/// Predicts every document of the JSON lines `text` (read from `name`) and
/// writes one prediction line per document to `out`.
pub fn predict_jsonl(
    analyzer: &Analyzer,
    name: &str,
    text: &str,
    with_rules: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => bail!("{name}, line {line_no}: bad JSON: {e}"),
        };
        let Some(obj) = doc.as_object() else {
            bail!("{name}, line {line_no}: expected a JSON object like {{\"id\": ..., \"text\": ...}}");
        };
        let Some(id) = obj.get("id").and_then(|v| v.as_str()) else {
            bail!("{name}, line {line_no}: missing or non-string \"id\"");
        };
        let Some(doc_text) = obj.get("text").and_then(|v| v.as_str()) else {
            bail!("{name}, line {line_no} (id {id:?}): missing or non-string \"text\"");
        };
        let prediction = predict_one(analyzer, id, doc_text, with_rules);
        serde_json::to_writer(&mut *out, &prediction)
            .with_context(|| format!("cannot write the prediction for {id:?}"))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn predict_one(analyzer: &Analyzer, id: &str, text: &str, with_rules: bool) -> Prediction {
    Prediction::new(id, text, &analyzer.analyze(text), with_rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> anyhow::Result<String> {
        let mut out = Vec::new();
        predict_jsonl(&Analyzer::new(), "in.jsonl", input, false, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn writes_code_point_offsets() {
        let out = run(r#"{"id": "a", "text": "😀 “Yes, yes,” she said."}"#).unwrap();
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["id"], "a");
        assert_eq!(v["quotes"][0]["span"], serde_json::json!([2, 13]));
        assert_eq!(v["quotes"][0]["speaker_span"], serde_json::json!([14, 17]));
        assert_eq!(v["quotes"][0]["cue_span"], serde_json::json!([18, 22]));
        assert_eq!(v["quotes"][0]["kind"], "direct");
    }

    #[test]
    fn errors_name_the_line() {
        let err = run("{\"id\":\"a\",\"text\":\"x\"}\n\n{bad")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3") && err.contains("bad JSON"), "{err}");
        let err = run("{\"id\":\"a\"}").unwrap_err().to_string();
        assert!(err.contains("line 1") && err.contains("\"text\""), "{err}");
        let err = run("[1]").unwrap_err().to_string();
        assert!(err.contains("expected a JSON object"), "{err}");
    }
}
