//! The `saidwho` binary as a user runs it: exit codes and messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn saidwho(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_saidwho"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run saidwho");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn analyze_stdin_prints_a_table() {
    let o = saidwho(&["analyze"], "“Yes, yes,” she said.".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("1 quotes") && out.contains("“Yes, yes,”"),
        "{out}"
    );
}

#[test]
fn analyze_json_uses_code_points() {
    let o = saidwho(
        &["analyze", "-", "--json"],
        "é “Oui, oui,” she said.".as_bytes(),
    );
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["quotes"][0]["span"], serde_json::json!([2, 13]));
    assert_eq!(v["quotes"][0]["speaker_span"], serde_json::json!([14, 17]));
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let o = saidwho(&["analyze"], b"ok text \xFF more");
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("not valid UTF-8") && e.contains("byte offset 8"),
        "{e}"
    );
}

#[test]
fn unreadable_file_is_an_error() {
    let o = saidwho(&["analyze", "/nonexistent/article.txt"], b"");
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot read /nonexistent/article.txt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn predict_answers_a_bad_line_with_an_error_record_and_its_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"text\":\"“Hi,” he said.\"}\n{\"id\":\"b\"}\nnot json\n{\"id\":\"c\",\"text\":\"ok\"}\n",
    )
    .unwrap();
    let o = saidwho(&["predict", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2), "two bad records");
    let e = stderr(&o);
    assert!(e.contains("2 of 4 records"), "{e}");
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one line per record, in order");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("\"text\""));
    assert!(lines[2]["error"].as_str().unwrap().starts_with("bad JSON"));
    assert_eq!(lines[3]["id"], "c");
    assert!(lines[3]["saidwho"].is_string() && lines[3]["models"].is_array());
}

#[test]
fn predict_reads_a_csv_column_on_two_jobs() {
    let csv = "id,title,body\nx1,A,\"“We are ready,” said Ms Ada Obi.\"\nx2,B,Nothing here.\n";
    let o = saidwho(
        &[
            "predict",
            "-",
            "--csv",
            "--text-column",
            "body",
            "--jobs",
            "2",
            "--no-entities",
        ],
        csv.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = std::str::from_utf8(&o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], "x1");
    assert_eq!(lines[0]["quotes"][0]["speaker"], "Ada Obi");
    assert_eq!(lines[1]["quotes"], serde_json::json!([]));
    let o = saidwho(
        &["predict", "-", "--csv", "--text-column", "content"],
        csv.as_bytes(),
    );
    assert!(
        stderr(&o).contains("no column \"content\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn predict_writes_one_line_per_document() {
    let input = "{\"id\":\"a\",\"text\":\"“Hi,” he said.\"}\n{\"id\":\"b\",\"text\":\"\"}\n";
    let o = saidwho(&["predict", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<_> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("\"id\":\"a\"") && lines[1].contains("\"quotes\":[]"));
}

#[test]
fn every_json_span_is_in_code_points_with_non_ascii_names() {
    let text = "“Vi er klare,” said Søren Ødegård. “Sẵn sàng,” Nguyễn Thị Kim Ngân said. “好,” 習近平 said.";
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: &serde_json::Value| -> String {
        let (a, b) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        chars[a..b].iter().collect()
    };
    let o = saidwho(
        &["analyze", "-", "--json", "--no-entities"],
        text.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["offsets"], "code points");
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 3);
    for q in quotes {
        assert_eq!(slice(&q["span"]), q["text"].as_str().unwrap());
        let speaker = &v["speakers"][q["speaker_index"].as_u64().unwrap() as usize];
        assert!(
            speaker["mentions"]
                .as_array()
                .unwrap()
                .contains(&q["speaker_span"]),
            "{q} {speaker}"
        );
        assert_eq!(slice(&q["speaker_span"]), speaker["name"].as_str().unwrap());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(
        &path,
        serde_json::json!({"id": "n", "text": text}).to_string(),
    )
    .unwrap();
    let o = saidwho(&["predict", path.to_str().unwrap(), "--no-entities"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for (pq, q) in p["quotes"].as_array().unwrap().iter().zip(quotes) {
        assert_eq!(pq["span"], q["span"]);
        assert_eq!(pq["speaker_span"], q["speaker_span"]);
        assert_eq!(pq["speaker"], q["speaker"]);
    }
}

#[test]
fn corpus_reads_a_folder_and_writes_tables_with_per_file_problems() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles");
    std::fs::create_dir(&input).unwrap();
    let write = |name: &str, body: &[u8]| std::fs::write(input.join(name), body).unwrap();
    write("a.txt", "“The walls held,” said Mayor Sam Ruiz.".as_bytes());
    write(
        "b.md",
        "# Flood\n\n“We were prepared,” Ruiz told reporters.".as_bytes(),
    );
    write(
        "copy.txt",
        "“The walls held,”  said Mayor Sam Ruiz.".as_bytes(),
    );
    write("photo.jpg", b"\xFF\xD8\xFF\x00");
    write(
        "t.csv",
        "id,title,text\nc1,Bridge,\"“It was close,” said Dr. Ana Ortiz.\"\n".as_bytes(),
    );
    let out = dir.path().join("report");
    let o = saidwho(
        &[
            "corpus",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--no-entities",
            "--bom",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("3 articles analysed, 2 files skipped"));
    assert!(stderr(&o).contains("articles/copy.txt: the same text as articles/a.txt"));
    assert!(stderr(&o).contains("articles/photo.jpg: saidwho does not read .jpg files"));
    let speakers = std::fs::read_to_string(out.join("speakers.csv")).unwrap();
    assert!(speakers.starts_with('\u{feff}'));
    // Ruiz in two articles is one row; Ortiz from the table.
    assert!(
        speakers.contains("\"Sam Ruiz\",\"named\",\"\",\"\",\"2\""),
        "{speakers}"
    );
    assert!(speakers.contains("\"Ana Ortiz\""), "{speakers}");
    let quotes = std::fs::read_to_string(out.join("quotes.csv")).unwrap();
    assert_eq!(quotes.lines().count(), 4, "{quotes}");
    assert!(
        quotes.contains("\"c1\",\"Bridge\",\"Ana Ortiz\""),
        "{quotes}"
    );
    let jsonl = std::fs::read_to_string(out.join("analyses.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 3);
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains("3 articles, 3 quotes"), "{summary}");
    assert!(std::fs::read_to_string(out.join("problems.txt"))
        .unwrap()
        .contains("copy.txt"));
}

#[test]
fn corpus_with_nothing_readable_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.zip");
    std::fs::write(&bad, b"PK\x03\x04 not a zip").unwrap();
    let o = saidwho(&["corpus", bad.to_str().unwrap(), "--no-entities"], b"");
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("broken.zip: this is not a zip archive"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("no article found"), "{}", stderr(&o));
}
