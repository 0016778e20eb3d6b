//! `saidwho predict`: a streaming JSON Lines filter, the shape pipelines
//! need (Spark's `RDD.pipe`, Hadoop Streaming, GNU parallel).
//!
//! Output format: `shared/eval/SCHEMA.md` — one object per input record with
//! the same `id`, spans in code-point offsets, plus the saidwho and model
//! versions. Records are read in batches, analysed on `jobs` threads and
//! written in input order, so memory stays bounded by a batch whatever the
//! input's size. A record that cannot be analysed (not JSON, no text, not
//! UTF-8) gives an error record for its line, and the rest goes on.

use std::io::{BufRead, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use anyhow::Context;
use saidwho_core::output::{Prediction, PredictionRecord, Versions};
use saidwho_core::Analyzer;
use serde::Serialize;

/// Records analysed together: enough to keep every thread busy, few enough
/// to keep memory small.
const BATCH_RECORDS: usize = 256;
/// A batch is cut early when its texts pass this many bytes.
const BATCH_BYTES: usize = 16 << 20;

/// How to predict.
#[derive(Debug, Clone)]
pub struct Options {
    /// Threads that analyse (1 or more).
    pub jobs: usize,
    /// Add each quote's rule (`found_by`).
    pub with_rules: bool,
    /// The versions written in every record.
    pub versions: Versions,
}

/// How many records were read, and how many failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records read (blank lines aside).
    pub records: usize,
    /// Records answered with an error record.
    pub failed: usize,
}

/// One input record, before analysis: its line (or CSV row) number, and
/// its id and text or why it has none.
pub struct Input {
    /// 1-based line or row number, for messages.
    pub line: usize,
    /// The document, or the message of an error record.
    pub doc: Result<(String, String), Failure>,
}

/// Why a record could not be analysed, with its id when it has one.
pub struct Failure {
    /// The record's id, if it could be read.
    pub id: Option<String>,
    /// What was wrong, in words.
    pub message: String,
}

impl Failure {
    /// A failure of the record `id` (if known), said in `message`.
    pub fn new(id: Option<String>, message: impl Into<String>) -> Self {
        Self {
            id,
            message: message.into(),
        }
    }
}

/// The record written for an input that could not be analysed.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    id: Option<&'a str>,
    line: usize,
    error: &'a str,
    #[serde(flatten)]
    versions: &'a Versions,
}

/// Reads JSON Lines documents (`{"id": …, "text": …}`) from `input` and
/// writes one record per document to `out`, in input order.
///
/// # Errors
/// When reading the input or writing the output fails (not for a bad
/// record: that gets an error record).
pub fn predict_jsonl(
    analyzer: &Analyzer,
    input: impl BufRead,
    out: &mut impl Write,
    opts: &Options,
) -> anyhow::Result<Summary> {
    predict_records(analyzer, jsonl_records(input), out, opts)
}

/// Analyses `records` in batches on `opts.jobs` threads and writes one line
/// each to `out`, in order.
///
/// # Errors
/// When reading a record or writing fails.
pub fn predict_records(
    analyzer: &Analyzer,
    records: impl Iterator<Item = anyhow::Result<Input>>,
    out: &mut impl Write,
    opts: &Options,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    let mut batch: Vec<Input> = Vec::with_capacity(BATCH_RECORDS);
    let mut bytes = 0;
    for record in records {
        let record = record?;
        bytes += record.doc.as_ref().map_or(0, |(_, text)| text.len());
        batch.push(record);
        if batch.len() == BATCH_RECORDS || bytes >= BATCH_BYTES {
            write_batch(analyzer, &batch, out, opts, &mut summary)?;
            batch.clear();
            bytes = 0;
        }
    }
    write_batch(analyzer, &batch, out, opts, &mut summary)?;
    Ok(summary)
}

/// Analyses one batch (in parallel) and writes its lines in order.
fn write_batch(
    analyzer: &Analyzer,
    batch: &[Input],
    out: &mut impl Write,
    opts: &Options,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    let lines: Vec<OnceLock<(String, bool)>> = batch.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(input) = batch.get(i) else {
            break;
        };
        let _ = lines[i].set(record_line(analyzer, input, opts));
    };
    let jobs = opts.jobs.clamp(1, batch.len().max(1));
    std::thread::scope(|s| {
        for _ in 1..jobs {
            s.spawn(work);
        }
        work();
    });
    for line in lines {
        let (line, ok) = line.into_inner().unwrap_or_default();
        summary.records += 1;
        summary.failed += usize::from(!ok);
        out.write_all(line.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .context("cannot write the predictions")?;
    }
    Ok(())
}

/// The output line for one input, and whether it is a prediction (not an
/// error record).
fn record_line(analyzer: &Analyzer, input: &Input, opts: &Options) -> (String, bool) {
    let versions = &opts.versions;
    match &input.doc {
        Ok((id, text)) => {
            let prediction = Prediction::new(id, text, &analyzer.analyze(text), opts.with_rules);
            let record = PredictionRecord {
                prediction,
                versions: versions.clone(),
            };
            (serde_json::to_string(&record).unwrap_or_default(), true)
        }
        Err(f) => {
            let record = ErrorRecord {
                id: f.id.as_deref(),
                line: input.line,
                error: &f.message,
                versions,
            };
            (serde_json::to_string(&record).unwrap_or_default(), false)
        }
    }
}

/// The records of a JSON Lines input, read a line at a time (blank lines
/// skipped; a line that is not UTF-8 is an error record, not the end).
pub fn jsonl_records(mut input: impl BufRead) -> impl Iterator<Item = anyhow::Result<Input>> {
    let mut line_no = 0;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(anyhow::Error::new(e).context("cannot read the input"))),
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(Ok(Input {
            line: line_no,
            doc: parse_line(&buf),
        }));
    })
}

/// The id and text of one JSON Lines record.
fn parse_line(bytes: &[u8]) -> Result<(String, String), Failure> {
    let line = std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            None,
            format!("not valid UTF-8 (byte {} of the line)", e.valid_up_to()),
        )
    })?;
    let doc: serde_json::Value =
        serde_json::from_str(line).map_err(|e| Failure::new(None, format!("bad JSON: {e}")))?;
    let Some(obj) = doc.as_object() else {
        return Err(Failure::new(
            None,
            "expected a JSON object like {\"id\": …, \"text\": …}",
        ));
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(Failure::new(None, "missing or non-string \"id\"")),
    };
    match obj.get("text").and_then(|v| v.as_str()) {
        Some(text) => Ok((id, text.to_owned())),
        None => Err(Failure::new(Some(id), "missing or non-string \"text\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(jobs: usize) -> Options {
        Options {
            jobs,
            with_rules: false,
            versions: Versions {
                saidwho: "0.0.0".into(),
                models: vec!["test-v1".into()],
            },
        }
    }

    fn run(input: &[u8], jobs: usize) -> (Vec<serde_json::Value>, Summary) {
        let mut out = Vec::new();
        let summary = predict_jsonl(&Analyzer::new(), input, &mut out, &opts(jobs)).unwrap();
        let lines = String::from_utf8(out).unwrap();
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (values, summary)
    }

    #[test]
    fn writes_code_point_offsets_and_versions() {
        let (v, s) = run(
            r#"{"id": "a", "text": "😀 “Yes, yes,” she said."}"#.as_bytes(),
            1,
        );
        assert_eq!(
            s,
            Summary {
                records: 1,
                failed: 0
            }
        );
        assert_eq!(v[0]["id"], "a");
        assert_eq!(v[0]["quotes"][0]["span"], serde_json::json!([2, 13]));
        assert_eq!(
            v[0]["quotes"][0]["speaker_span"],
            serde_json::json!([14, 17])
        );
        assert_eq!(v[0]["saidwho"], "0.0.0");
        assert_eq!(v[0]["models"], serde_json::json!(["test-v1"]));
    }

    #[test]
    fn a_bad_line_gets_an_error_record_and_the_rest_goes_on() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\n\n{bad\n{\"id\":\"b\"}\n[1]\n\xFF\xFE\n{\"id\":\"c\",\"text\":\"y\"}\n";
        let (v, s) = run(input, 2);
        assert_eq!(
            s,
            Summary {
                records: 6,
                failed: 4
            }
        );
        let errors: Vec<(u64, &str)> = v
            .iter()
            .filter_map(|r| Some((r["line"].as_u64()?, r["error"].as_str()?)))
            .collect();
        assert_eq!(errors.len(), 4);
        assert!(
            errors[0].0 == 3 && errors[0].1.starts_with("bad JSON"),
            "{errors:?}"
        );
        assert!(
            errors[1].0 == 4 && errors[1].1.contains("\"text\""),
            "{errors:?}"
        );
        assert_eq!(v[2]["id"], "b", "the id is kept when there is one");
        assert!(errors[2].1.contains("JSON object"), "{errors:?}");
        assert!(
            errors[3].0 == 6 && errors[3].1.contains("UTF-8"),
            "{errors:?}"
        );
        assert_eq!(v.last().unwrap()["id"], "c");
    }

    #[test]
    fn many_jobs_keep_the_input_order_and_the_output() {
        let input: String = (0..600)
            .map(|i| {
                format!("{{\"id\":\"d{i}\",\"text\":\"“Number {i} is here,” said Ada Obi.\"}}\n")
            })
            .collect();
        let (one, _) = run(input.as_bytes(), 1);
        let (four, s) = run(input.as_bytes(), 4);
        assert_eq!(s.records, 600);
        assert_eq!(one, four);
        assert_eq!(four[599]["id"], "d599");
    }
}
