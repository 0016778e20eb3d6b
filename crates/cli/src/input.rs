//! Reading input files with errors a person can act on.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};

/// Reads a UTF-8 text from `path` (`None` or `-`: standard input).
/// Returns a display name for messages and the text.
pub fn read_text(path: Option<&Path>) -> anyhow::Result<(String, String)> {
    let (name, bytes) = match path {
        None => ("<stdin>".to_owned(), read_stdin()?),
        Some(p) if p.as_os_str() == "-" => ("<stdin>".to_owned(), read_stdin()?),
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {name}"))?;
            (name, bytes)
        }
    };
    let text = decode_utf8(&name, bytes)?;
    Ok((name, text))
}

/// Opens `path` (`-`: standard input) for reading a line at a time;
/// returns a display name for messages and the reader.
pub fn open(path: &Path) -> anyhow::Result<(String, Box<dyn std::io::BufRead>)> {
    if path.as_os_str() == "-" {
        return Ok(("<stdin>".to_owned(), Box::new(std::io::stdin().lock())));
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {name}"))?;
    Ok((
        name,
        Box::new(std::io::BufReader::with_capacity(1 << 20, file)),
    ))
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(bytes)
}

/// Decodes UTF-8 (dropping a byte-order mark), naming the first bad byte.
pub fn decode_utf8(name: &str, mut bytes: Vec<u8>) -> anyhow::Result<String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let line = err.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            bail!(
                "{name} is not valid UTF-8: invalid byte 0x{:02X} at byte offset {at} (line {line}); \
                 save the file as UTF-8 text and try again",
                err.as_bytes()[at]
            )
        }
    }
}
