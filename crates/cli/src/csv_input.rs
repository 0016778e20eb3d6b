//! CSV input for `saidwho predict --csv`: one document per row, the text
//! from a named column, the id from another (or the row's number).

use std::io::Read;

use anyhow::bail;

use crate::predict::{Failure, Input};

/// The records of a CSV input with a header row: the text of each row from
/// `text_column`, its id from `id_column` when the header has one (else
/// the row's line number). A row with bad quoting, too few fields or text
/// that is not UTF-8 is an error record, not the end.
///
/// # Errors
/// When the header cannot be read or has no `text_column`.
pub fn csv_records(
    input: impl Read,
    text_column: &str,
    id_column: &str,
) -> anyhow::Result<impl Iterator<Item = anyhow::Result<Input>>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header = reader.byte_headers()?.clone();
    let find = |name: &str| header.iter().position(|h| h == name.as_bytes());
    let Some(text_at) = find(text_column) else {
        let columns: Vec<String> = header
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect();
        bail!(
            "no column {text_column:?} in the CSV header (columns: {}); choose one with --text-column",
            columns.join(", ")
        );
    };
    let id_at = find(id_column);
    let mut rows = reader.into_byte_records();
    Ok(std::iter::from_fn(move || {
        let row = rows.next()?;
        Some(match row {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                Ok(Input {
                    line,
                    doc: row_doc(&r, text_at, id_at, line),
                })
            }
            Err(e) if e.is_io_error() => {
                Err(anyhow::Error::new(e).context("cannot read the CSV input"))
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                Ok(Input {
                    line,
                    doc: Err(Failure::new(None, format!("bad CSV row: {e}"))),
                })
            }
        })
    }))
}

/// The id and text of one row.
fn row_doc(
    r: &csv::ByteRecord,
    text_at: usize,
    id_at: Option<usize>,
    line: usize,
) -> Result<(String, String), Failure> {
    let id = match id_at.and_then(|k| r.get(k)) {
        Some(id) => String::from_utf8_lossy(id).into_owned(),
        None => line.to_string(),
    };
    let Some(text) = r.get(text_at) else {
        return Err(Failure::new(
            Some(id),
            "the row has no text column (too few fields)",
        ));
    };
    match std::str::from_utf8(text) {
        Ok(t) => Ok((id, t.to_owned())),
        Err(e) => Err(Failure::new(
            Some(id),
            format!("the text is not valid UTF-8 (byte {})", e.valid_up_to()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row's line and its (id, text) or error message.
    type Row = (usize, Result<(String, String), String>);

    fn docs(csv: &str) -> Vec<Row> {
        csv_records(csv.as_bytes(), "body", "id")
            .unwrap()
            .map(|r| {
                let r = r.unwrap();
                (r.line, r.doc.map_err(|f| f.message))
            })
            .collect()
    }

    #[test]
    fn rows_give_id_and_text_with_quoted_fields() {
        let got = docs("id,title,body\na1,T,\"“Yes,” she said.\"\na2,U,\"two\nlines\"\n");
        assert_eq!(got[0], (2, Ok(("a1".into(), "“Yes,” she said.".into()))));
        assert_eq!(got[1], (3, Ok(("a2".into(), "two\nlines".into()))));
    }

    #[test]
    fn short_rows_are_error_records_and_a_missing_column_is_an_error() {
        let got = docs("id,body\nx\ny,fine\n");
        assert!(
            got[0]
                .1
                .as_ref()
                .is_err_and(|m| m.contains("too few fields")),
            "{got:?}"
        );
        assert_eq!(got[1].1, Ok(("y".into(), "fine".into())));
        let err = csv_records("id,content\n".as_bytes(), "body", "id")
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.contains("no column \"body\"") && err.contains("id, content"),
            "{err}"
        );
    }

    #[test]
    fn without_an_id_column_the_line_is_the_id() {
        let got = csv_records("body\nhello\n".as_bytes(), "body", "id")
            .unwrap()
            .map(|r| r.unwrap().doc.ok().unwrap())
            .collect::<Vec<_>>();
        assert_eq!(got, [("2".to_owned(), "hello".to_owned())]);
    }
}
