//! The text of a Word (.docx) document: paragraphs of `word/document.xml`,
//! read from the zip container without any I/O.

use super::entities::decode;
use super::zip::{entries, read, ZipError};

/// Largest uncompressed document part read (defends against zip bombs).
const MAX_XML_BYTES: usize = 64 * 1024 * 1024;

/// Why a .docx file gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// Not a zip file at all.
    #[error("this is not a .docx file (no zip directory found)")]
    NotZip,
    /// A zip without `word/document.xml`.
    #[error("this .docx has no document text (word/document.xml is missing)")]
    NoDocument,
    /// Damaged or using an unsupported compression.
    #[error("this .docx is damaged or uses an unsupported compression")]
    Damaged,
}

/// The raw bytes of the zip member `name`.
fn zip_member(zip: &[u8], name: &str) -> Result<Vec<u8>, DocxError> {
    let all = entries(zip).map_err(|e| match e {
        ZipError::NotZip => DocxError::NotZip,
        _ => DocxError::Damaged,
    })?;
    let e = all
        .iter()
        .find(|e| e.name == name)
        .ok_or(DocxError::NoDocument)?;
    read(zip, e, MAX_XML_BYTES).map_err(|_| DocxError::Damaged)
}

/// The paragraphs of a .docx file, separated by blank lines.
///
/// # Errors
/// When the bytes are not a readable .docx.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, DocxError> {
    let xml = zip_member(bytes, "word/document.xml")?;
    let xml = String::from_utf8_lossy(&xml);
    let mut paras: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest: &str = &xml;
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let after = &rest[lt + gt + 1..];
        match name {
            "w:t" if !tag.ends_with('/') => {
                let end = after.find("</w:t>").unwrap_or(after.len());
                current.push_str(&decode(&after[..end]));
                rest = &after[end..];
                continue;
            }
            "w:tab" => current.push('\t'),
            "w:br" | "w:cr" => current.push('\n'),
            _ if tag == "/w:p" => {
                let p = current.trim().to_owned();
                if !p.is_empty() {
                    paras.push(p);
                }
                current.clear();
            }
            _ => {}
        }
        rest = after;
    }
    let p = current.trim().to_owned();
    if !p.is_empty() {
        paras.push(p);
    }
    Ok(paras.join("\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal .docx: its document part, stored or deflated.
    fn make_docx(xml: &str, deflate: bool) -> Vec<u8> {
        crate::extract::zip::make_zip(&[("word/document.xml", xml.as_bytes())], deflate)
    }

    const XML: &str = r#"<?xml version="1.0"?><w:document><w:body>
        <w:p><w:r><w:t>Big news</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">“We won,” </w:t></w:r><w:r><w:t>said Ms Ada &amp; co.</w:t></w:r></w:p>
        <w:p/></w:body></w:document>"#;

    #[test]
    fn paragraphs_from_stored_and_deflated_documents() {
        for deflate in [false, true] {
            assert_eq!(
                docx_to_text(&make_docx(XML, deflate)).unwrap(),
                "Big news\n\n“We won,” said Ms Ada & co."
            );
        }
    }

    #[test]
    fn not_a_docx() {
        assert_eq!(docx_to_text(b"hello"), Err(DocxError::NotZip));
        let mut z = make_docx(XML, true);
        let n = z.len();
        z[n / 3] ^= 0xFF;
        z[n / 3 + 1] ^= 0xFF;
        let _ = docx_to_text(&z); // damaged bytes: any result, but no panic
        let truncated = &make_docx(XML, true)[..40];
        assert!(docx_to_text(truncated).is_err());
    }
}
