//! Articles from the files a reader gives: plain text, Markdown, HTML and
//! Word files, zip archives of them, and CSV or JSON Lines tables with a
//! text column. Each file that gives no article gets a [`FileProblem`]
//! that says why; the rest is read. Duplicate texts are read once.

use std::collections::HashMap;

use super::ArticleMeta;
use crate::extract::zip::{self, ZipEntry, ZipError};
use crate::extract::{docx_to_text, html_to_text, markdown_to_text, DocxError};

/// Largest article read, in bytes (a bigger file is no news article).
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;
/// Largest table (CSV, JSON Lines) or zip member read, in bytes.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Why a file gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not text (a picture, a program, a PDF …).
    #[error("not a text file (it holds binary data); save it as .txt, .md, .html or .docx")]
    Binary,
    /// Nothing but white space.
    #[error("empty: there is no text in it")]
    Empty,
    /// Larger than an article can be.
    #[error("too large for one article ({bytes} bytes; the limit is {limit})")]
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The same text as an article read before.
    #[error("the same text as {of}: read once")]
    Duplicate {
        /// The id of the article read first.
        of: String,
    },
    /// A kind of file saidwho does not read.
    #[error("saidwho does not read .{0} files (it reads .txt, .md, .html, .docx, .zip, .csv and .jsonl)")]
    Unsupported(String),
    /// A zip archive that could not be read.
    #[error("{0}")]
    Zip(#[from] ZipError),
    /// A Word file that could not be read.
    #[error("{0}")]
    Docx(#[from] DocxError),
    /// A CSV file whose quoting is broken.
    #[error("broken CSV: a quoted field opened on line {line} never closes")]
    CsvQuoting {
        /// The line where the field opens.
        line: usize,
    },
    /// A table without the text column.
    #[error("no text column: the columns are {columns}; choose the one holding the articles")]
    NoTextColumn {
        /// The columns it has, comma-separated.
        columns: String,
    },
    /// A JSON line that is not an object with text.
    #[error("line {line} is not a JSON object with a \"{column}\" string")]
    BadJsonLine {
        /// Its line number (1-based).
        line: usize,
        /// The text column looked for.
        column: String,
    },
}

/// A file (or a zip member, or a table row) that gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file's name ("folder/a.txt", "articles.zip/b.txt", "t.csv, row 7").
    pub file: String,
    /// Why.
    pub problem: Problem,
}

/// An article read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputArticle {
    /// Id (the file name or the table's id), title, date, outlet.
    pub meta: ArticleMeta,
    /// Its text.
    pub text: String,
}

/// Reads files into articles, keeping the problems.
#[derive(Debug, Default)]
pub struct Reader {
    /// The column of a table holding the text (default: "text", else a
    /// column named "body", "content" or "article").
    pub text_column: Option<String>,
    /// The articles read, in order.
    pub articles: Vec<InputArticle>,
    /// The files that gave none, in order.
    pub problems: Vec<FileProblem>,
    seen: HashMap<String, String>,
    ids: HashMap<String, usize>,
}

/// The extension of `name`, lowercase ("" for none).
fn extension(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    base.rsplit_once('.')
        .map_or_else(String::new, |(_, e)| e.to_ascii_lowercase())
}

/// Text from bytes that should be text: UTF-8 (a BOM dropped), no NUL.
fn as_text(bytes: &[u8]) -> Result<String, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Problem::Binary);
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| Problem::Binary)
}

impl Reader {
    /// A reader taking the text of tables from `text_column` (`None`: "text").
    #[must_use]
    pub fn new(text_column: Option<String>) -> Self {
        Self {
            text_column,
            ..Self::default()
        }
    }

    fn problem(&mut self, file: impl Into<String>, problem: Problem) {
        self.problems.push(FileProblem {
            file: file.into(),
            problem,
        });
    }

    /// Reads the file `name` with contents `bytes`.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) {
        let ext = extension(name);
        match ext.as_str() {
            "zip" => self.add_zip(name, bytes),
            "csv" | "jsonl" | "ndjson" if bytes.len() > MAX_FILE_BYTES => self.problem(
                name,
                Problem::TooLarge {
                    bytes: bytes.len(),
                    limit: MAX_FILE_BYTES,
                },
            ),
            "csv" => match as_text(bytes) {
                Ok(t) => self.add_csv(name, &t),
                Err(p) => self.problem(name, p),
            },
            "jsonl" | "ndjson" => match as_text(bytes) {
                Ok(t) => self.add_jsonl(name, &t),
                Err(p) => self.problem(name, p),
            },
            _ => match article_text(&ext, bytes) {
                Ok(text) => self.add_text(ArticleMeta::named(name), text),
                Err(p) => self.problem(name, p),
            },
        }
    }

    /// Adds one article's text, unless it is empty, too large or a duplicate.
    pub fn add_text(&mut self, mut meta: ArticleMeta, text: String) {
        let file = meta.id.clone();
        if text.trim().is_empty() {
            return self.problem(file, Problem::Empty);
        }
        if text.len() > MAX_ARTICLE_BYTES {
            let bytes = text.len();
            return self.problem(
                file,
                Problem::TooLarge {
                    bytes,
                    limit: MAX_ARTICLE_BYTES,
                },
            );
        }
        let key = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(of) = self.seen.get(&key) {
            let of = of.clone();
            return self.problem(file, Problem::Duplicate { of });
        }
        // Ids stay unique: a second "a.txt" becomes "a.txt (2)".
        let n = self.ids.entry(meta.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            meta.id = format!("{} ({n})", meta.id);
        }
        self.seen.insert(key, meta.id.clone());
        self.articles.push(InputArticle { meta, text });
    }

    fn add_zip(&mut self, name: &str, bytes: &[u8]) {
        for e in self.zip_entries(name, bytes) {
            self.add_zip_member(name, bytes, &e);
        }
    }

    /// The members of the zip archive `name` worth reading (folders and
    /// system files aside), or none with a problem kept. With
    /// [`Reader::add_zip_member`], a page reads a large archive a few
    /// members at a time.
    pub fn zip_entries(&mut self, name: &str, bytes: &[u8]) -> Vec<ZipEntry> {
        match zip::entries(bytes) {
            Ok(all) => all
                .into_iter()
                .filter(|e| !e.is_dir() && !is_hidden(&e.name))
                .collect(),
            Err(e) => {
                self.problem(name, e.into());
                Vec::new()
            }
        }
    }

    /// Reads member `e` of the zip archive `name` (its bytes `bytes`).
    pub fn add_zip_member(&mut self, name: &str, bytes: &[u8], e: &ZipEntry) {
        let member = format!("{name}/{}", e.name);
        if extension(&e.name) == "zip" {
            return self.problem(member, Problem::Unsupported("zip inside a zip".into()));
        }
        match zip::read(bytes, e, MAX_FILE_BYTES) {
            Ok(data) => self.add_file(&member, &data),
            Err(err) => self.problem(member, err.into()),
        }
    }

    fn add_csv(&mut self, name: &str, text: &str) {
        let rows = match parse_csv(text) {
            Ok(r) => r,
            Err(p) => return self.problem(name, p),
        };
        let Some((header, rows)) = rows.split_first() else {
            return self.problem(name, Problem::Empty);
        };
        let Some(cols) = Columns::find(header, self.text_column.as_deref()) else {
            let columns = header.join(", ");
            return self.problem(name, Problem::NoTextColumn { columns });
        };
        for (k, row) in rows.iter().enumerate() {
            let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|s| s.trim().to_owned());
            let id = cell(cols.id)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("{name}, row {}", k + 2));
            let meta = ArticleMeta {
                id,
                title: cell(cols.title).unwrap_or_default(),
                date: cell(cols.date).filter(|s| !s.is_empty()),
                outlet: cell(cols.outlet).filter(|s| !s.is_empty()),
            };
            self.add_text(meta, cell(Some(cols.text)).unwrap_or_default());
        }
    }

    fn add_jsonl(&mut self, name: &str, text: &str) {
        let column = self.text_column.clone().unwrap_or_else(|| "text".into());
        for (k, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: Option<serde_json::Value> = serde_json::from_str(line).ok();
            let field = |f: &str| {
                v.as_ref().and_then(|v| v.get(f)).and_then(|x| match x {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
            };
            let Some(body) = v
                .as_ref()
                .and_then(|v| v.get(&column))
                .and_then(|t| t.as_str())
            else {
                let problem = Problem::BadJsonLine {
                    line: k + 1,
                    column: column.clone(),
                };
                self.problem(format!("{name}, line {}", k + 1), problem);
                continue;
            };
            let meta = ArticleMeta {
                id: field("id").unwrap_or_else(|| format!("{name}, line {}", k + 1)),
                title: field("title")
                    .or_else(|| field("headline"))
                    .unwrap_or_default(),
                date: field("date"),
                outlet: field("outlet").or_else(|| field("source")),
            };
            self.add_text(meta, body.to_owned());
        }
    }
}

impl ArticleMeta {
    /// The metadata of a file with only a name.
    #[must_use]
    pub fn named(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            ..Self::default()
        }
    }
}

/// Files a system leaves in archives ("__MACOSX/…", ".DS_Store").
fn is_hidden(path: &str) -> bool {
    path.split('/')
        .any(|p| p.starts_with('.') || p == "__MACOSX")
}

/// The text of one article file with extension `ext`.
fn article_text(ext: &str, bytes: &[u8]) -> Result<String, Problem> {
    match ext {
        "docx" => Ok(docx_to_text(bytes)?),
        "txt" | "text" | "" => as_text(bytes),
        "md" | "markdown" => Ok(markdown_to_text(&as_text(bytes)?)),
        "html" | "htm" => Ok(html_to_text(&as_text(bytes)?)),
        other => Err(Problem::Unsupported(other.to_owned())),
    }
}

/// Where a table keeps what.
struct Columns {
    text: usize,
    id: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
    outlet: Option<usize>,
}

impl Columns {
    fn find(header: &[String], text: Option<&str>) -> Option<Self> {
        let at = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
        };
        let text = match text {
            Some(t) => at(&[t])?,
            None => at(&["text", "body", "content", "article"])?,
        };
        Some(Self {
            text,
            id: at(&["id"]),
            title: at(&["title", "headline"]),
            date: at(&["date", "published", "published_at"]),
            outlet: at(&["outlet", "source", "publication", "publisher"]),
        })
    }
}

/// The rows of a CSV text (RFC 4180: commas, double quotes, quotes doubled
/// inside quoted fields, CRLF or LF).
///
/// # Errors
/// A quoted field that never closes.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, Problem> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let (mut quoted, mut opened_on, mut line) = (false, 0, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => {
                quoted = true;
                opened_on = line;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(Problem::CsvQuoting { line: opened_on });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::zip::make_zip;

    #[test]
    fn csv_fields_quotes_and_line_ends() {
        let rows = parse_csv("id,text\r\n1,\"He said, \"\"no.\"\"\nThen left.\"\n2,plain").unwrap();
        assert_eq!(rows[1], ["1", "He said, \"no.\"\nThen left."]);
        assert_eq!(rows[2], ["2", "plain"]);
        assert_eq!(
            parse_csv("a,b\n1,\"open"),
            Err(Problem::CsvQuoting { line: 2 })
        );
    }

    #[test]
    fn a_zip_of_articles_with_bad_members() {
        let z = make_zip(
            &[
                ("news/a.txt", "“We won,” said Ana Ortiz.".as_bytes()),
                ("news/b.md", b"# Title\n\nThe river rose, officials said."),
                ("news/copy.txt", "“We won,” said  Ana Ortiz.".as_bytes()),
                ("news/empty.txt", b"  \n"),
                ("news/photo.jpg", b"\xFF\xD8\xFF\x00"),
                ("news/binary.txt", b"abc\x00def"),
                ("__MACOSX/._a.txt", b"junk"),
            ],
            true,
        );
        let mut r = Reader::new(None);
        r.add_file("batch.zip", &z);
        let ids: Vec<&str> = r.articles.iter().map(|a| a.meta.id.as_str()).collect();
        assert_eq!(ids, ["batch.zip/news/a.txt", "batch.zip/news/b.md"]);
        let problems: Vec<String> = r
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.file, p.problem))
            .collect();
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].contains("copy.txt: the same text as batch.zip/news/a.txt"));
        assert!(problems[1].contains("empty"));
        assert!(problems[2].contains("does not read .jpg"));
        assert!(problems[3].contains("binary"));
    }

    #[test]
    fn a_corrupt_zip_is_one_clear_problem() {
        let mut r = Reader::new(None);
        r.add_file("broken.zip", b"PK\x03\x04 not really");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].problem, Problem::Zip(ZipError::NotZip));
        assert!(r.problems[0]
            .problem
            .to_string()
            .contains("not a zip archive"));
    }

    #[test]
    fn tables_with_columns_and_without() {
        let mut r = Reader::new(None);
        r.add_file(
            "t.csv",
            b"id,headline,outlet,body\nx1,Flood,Ledger,The river rose fast.\nx2,,,\n",
        );
        assert_eq!(r.articles.len(), 1);
        let a = &r.articles[0];
        assert_eq!((a.meta.id.as_str(), a.meta.title.as_str()), ("x1", "Flood"));
        assert_eq!(a.meta.outlet.as_deref(), Some("Ledger"));
        assert_eq!(r.problems[0].problem, Problem::Empty);
        let mut r = Reader::new(Some("story".into()));
        r.add_file("t.csv", b"id,text\n1,hello\n");
        assert!(r.problems[0]
            .problem
            .to_string()
            .contains("the columns are id, text"));
        let mut r = Reader::new(None);
        r.add_file(
            "t.jsonl",
            b"{\"id\":\"j1\",\"text\":\"Hello there.\"}\nnot json\n",
        );
        assert_eq!(r.articles[0].meta.id, "j1");
        assert!(matches!(
            r.problems[0].problem,
            Problem::BadJsonLine { line: 2, .. }
        ));
    }

    #[test]
    fn same_names_get_unique_ids() {
        let mut r = Reader::new(None);
        r.add_file("a.txt", b"One text.");
        r.add_file("a.txt", b"Another text.");
        assert_eq!(r.articles[1].meta.id, "a.txt (2)");
    }
}
