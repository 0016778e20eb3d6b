//! `saidwho predict`: evaluation predictions for JSON lines documents.
//!
//! Output format: `shared/eval/SCHEMA.md` — one object per input line with
//! the same `id`, spans in code-point offsets.

use std::io::Write;

use anyhow::{bail, Context};
use saidwho_core::{Analyzer, OffsetIndex};
use serde::Serialize;

/// One prediction line.
#[derive(Debug, Serialize)]
struct Prediction<'a> {
    id: &'a str,
    quotes: Vec<QuotePrediction>,
    entities: Vec<EntityPrediction>,
}

#[derive(Debug, Serialize)]
struct QuotePrediction {
    span: [usize; 2],
    speaker_span: Option<[usize; 2]>,
    speaker: Option<String>,
    cue_span: Option<[usize; 2]>,
    kind: &'static str,
}

#[derive(Debug, Serialize)]
struct EntityPrediction {
    span: [usize; 2],
    label: String,
}

/// Predicts every document of the JSON lines `text` (read from `name`) and
/// writes one prediction line per document to `out`.
pub fn predict_jsonl(
    analyzer: &Analyzer,
    name: &str,
    text: &str,
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
        let prediction = predict_one(analyzer, id, doc_text);
        serde_json::to_writer(&mut *out, &prediction)
            .with_context(|| format!("cannot write the prediction for {id:?}"))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn predict_one<'a>(analyzer: &Analyzer, id: &'a str, text: &str) -> Prediction<'a> {
    let analysis = analyzer.analyze(text);
    let index = OffsetIndex::new(text);
    let quotes = analysis
        .quotes
        .iter()
        .map(|q| QuotePrediction {
            span: index.range_to_chars(q.range),
            speaker_span: q.speaker_mention.map(|r| index.range_to_chars(r)),
            speaker: q
                .speaker
                .and_then(|i| analysis.speakers.get(i as usize))
                .map(|s| s.name.clone()),
            cue_span: q.cue.map(|r| index.range_to_chars(r)),
            kind: q.kind.as_str(),
        })
        .collect();
    let entities = analysis
        .entities
        .iter()
        .map(|e| EntityPrediction {
            span: index.range_to_chars(e.range),
            label: e.label.as_str().to_owned(),
        })
        .collect();
    Prediction {
        id,
        quotes,
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> anyhow::Result<String> {
        let mut out = Vec::new();
        predict_jsonl(&Analyzer::new(), "in.jsonl", input, &mut out)?;
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
