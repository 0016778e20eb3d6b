//! Turning a dropped or picked file into article text, with messages a
//! person can act on.

use std::fmt;

/// Largest file analysed without asking, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Largest file read at all, in bytes (larger ones are refused outright).
pub const HARD_LIMIT_BYTES: usize = 64 * 1024 * 1024;

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileTextError {
    /// The file name or type is not one the page reads.
    Unsupported {
        /// The file's name.
        name: String,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        bytes: usize,
    },
    /// Not UTF-8 text (a binary file, or another encoding).
    NotText {
        /// The file's name.
        name: String,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// A file of a supported kind that could not be read.
    Unreadable {
        /// The file's name.
        name: String,
        /// Why.
        reason: String,
    },
    /// Nothing but whitespace.
    Empty {
        /// The file's name.
        name: String,
    },
}

impl fmt::Display for FileTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported { name } => write!(
                f,
                "“{name}” is not a file saidwho can read. Drop a .txt, .md or .html file, \
                 or paste the article's text."
            ),
            Self::TooLarge { name, bytes } => write!(
                f,
                "“{name}” is {:.1} MB; the limit is {} MB. Paste the part you need instead.",
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            Self::NotText { name, offset } => write!(
                f,
                "“{name}” is not UTF-8 text (byte {offset} is not valid). Is it a binary file? \
                 Save it as UTF-8 text and try again."
            ),
            Self::Unreadable { name, reason } => write!(f, "“{name}”: {reason}."),
            Self::Empty { name } => write!(f, "“{name}” has no text to analyse."),
        }
    }
}

impl std::error::Error for FileTextError {}

/// How a file's contents become article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text, as it is.
    Text,
    /// Markdown: markup removed.
    Markdown,
    /// An HTML page: the article's text, nothing executed.
    Html,
    /// A Word document: its paragraphs.
    Docx,
}

/// The kind of a file from its name and MIME type, if the page reads it.
#[must_use]
pub fn kind_of(name: &str, mime: &str) -> Option<FileKind> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "txt" | "text" => Some(FileKind::Text),
        "md" | "markdown" => Some(FileKind::Markdown),
        "html" | "htm" | "xhtml" => Some(FileKind::Html),
        "docx" => Some(FileKind::Docx),
        _ if mime.starts_with("text/plain") => Some(FileKind::Text),
        _ if mime.starts_with("text/markdown") => Some(FileKind::Markdown),
        _ if mime.starts_with("text/html") => Some(FileKind::Html),
        _ => None,
    }
}

/// Whether the page reads files with this name and MIME type.
#[must_use]
pub fn is_supported(name: &str, mime: &str) -> bool {
    kind_of(name, mime).is_some()
}

/// The article text of a file: decoded, then converted from its format.
///
/// # Errors
/// When the file is of an unsupported kind, too large, not UTF-8, or has no text.
pub fn file_to_text(name: &str, mime: &str, bytes: &[u8]) -> Result<String, FileTextError> {
    if bytes.len() > MAX_FILE_BYTES && kind_of(name, mime).is_some() {
        return Err(FileTextError::TooLarge {
            name: name.to_owned(),
            bytes: bytes.len(),
        });
    }
    file_to_text_any_size(name, mime, bytes)
}

/// [`file_to_text`] without the size check (up to [`HARD_LIMIT_BYTES`]).
///
/// # Errors
/// As [`file_to_text`], except for the size.
pub fn file_to_text_any_size(
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> Result<String, FileTextError> {
    let kind = kind_of(name, mime).ok_or_else(|| FileTextError::Unsupported {
        name: name.to_owned(),
    })?;
    if bytes.len() > HARD_LIMIT_BYTES {
        return Err(FileTextError::TooLarge {
            name: name.to_owned(),
            bytes: bytes.len(),
        });
    }
    let text = match kind {
        FileKind::Docx => {
            saidwho_core::extract::docx_to_text(bytes).map_err(|e| FileTextError::Unreadable {
                name: name.to_owned(),
                reason: e.to_string(),
            })?
        }
        FileKind::Text => decode(name, bytes)?,
        FileKind::Markdown => saidwho_core::extract::markdown_to_text(&decode(name, bytes)?),
        FileKind::Html => saidwho_core::extract::html_to_text(&decode(name, bytes)?),
    };
    if text.trim().is_empty() {
        return Err(FileTextError::Empty {
            name: name.to_owned(),
        });
    }
    Ok(text)
}

/// Decodes a file's bytes into text (UTF-8, a leading BOM dropped).
///
/// # Errors
/// When the file is too large, not UTF-8, or empty.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, FileTextError> {
    if bytes.len() > HARD_LIMIT_BYTES {
        return Err(FileTextError::TooLarge {
            name: name.to_owned(),
            bytes: bytes.len(),
        });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| FileTextError::NotText {
        name: name.to_owned(),
        offset: e.valid_up_to(),
    })?;
    if text.contains('\0') {
        return Err(FileTextError::NotText {
            name: name.to_owned(),
            offset: text.find('\0').unwrap_or(0),
        });
    }
    if text.trim().is_empty() {
        return Err(FileTextError::Empty {
            name: name.to_owned(),
        });
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_and_drops_bom() {
        assert_eq!(decode("a.txt", b"\xEF\xBB\xBFHello").unwrap(), "Hello");
    }

    #[test]
    fn binary_and_empty_files_are_refused_with_a_reason() {
        let e = decode("photo.txt", b"GIF89a\xFF\x00").unwrap_err();
        assert_eq!(
            e,
            FileTextError::NotText {
                name: "photo.txt".into(),
                offset: 6
            }
        );
        assert!(e.to_string().contains("not UTF-8"));
        assert!(matches!(
            decode("nul.txt", b"ab\0cd"),
            Err(FileTextError::NotText { offset: 2, .. })
        ));
        assert!(matches!(
            decode("e.txt", b"  \n"),
            Err(FileTextError::Empty { .. })
        ));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let e = file_to_text("big.txt", "", &big).unwrap_err();
        assert!(e.to_string().contains("limit is 5 MB"), "{e}");
        assert_eq!(
            file_to_text_any_size("big.txt", "", &big).unwrap().len(),
            big.len()
        );
    }

    #[test]
    fn supported_types() {
        assert!(is_supported("Article.TXT", ""));
        assert!(is_supported("x", "text/plain;charset=utf-8"));
        assert_eq!(kind_of("page.HTM", ""), Some(FileKind::Html));
        assert_eq!(kind_of("notes.md", ""), Some(FileKind::Markdown));
        assert!(!is_supported("a.pdf", "application/pdf"));
        assert_eq!(kind_of("story.DOCX", ""), Some(FileKind::Docx));
        assert!(!is_supported("story.doc", ""));
    }

    #[test]
    fn html_and_markdown_files_become_article_text() {
        let html = b"<html><body><script>alert(1)</script><p>\xE2\x80\x9CHi,\xE2\x80\x9D she said.</p></body></html>";
        assert_eq!(file_to_text("a.html", "", html).unwrap(), "“Hi,” she said.");
        assert_eq!(
            file_to_text("a.md", "", b"# Head\n\n*Body* text").unwrap(),
            "Head\n\nBody text"
        );
        assert!(matches!(
            file_to_text("a.html", "", b"<script>x</script>"),
            Err(FileTextError::Empty { .. })
        ));
        assert!(matches!(
            file_to_text("a.docx", "", b"PK"),
            Err(FileTextError::Unreadable { .. })
        ));
        assert!(matches!(
            file_to_text("a.odt", "", b"PK"),
            Err(FileTextError::Unsupported { .. })
        ));
    }
}
