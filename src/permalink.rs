//! Permalinks that carry the article in the URL fragment (`#text=…`), and
//! the reader's corrections after it (`&edits=…`): deflate-compressed,
//! base64url-encoded. A fragment is never sent to a server.

use bincode::Options;
use saidwho_core::corrections::Corrections;

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Fragment key of the text.
pub const KEY: &str = "text=";
/// Fragment key of the corrections (after the text; base64url has no `&`).
pub const EDITS_KEY: &str = "&edits=";
/// Links longer than this may be cut by mail clients and chat apps.
pub const WARN_LENGTH: usize = 8_000;
/// Largest text a link may unpack to (defends against deflate bombs).
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for k in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
        }
    }
    out
}

fn b64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The fragment (without `#`) that carries `text` and the corrections
/// made to its analysis (none: the text alone).
#[must_use]
pub fn encode(text: &str, corrections: &Corrections) -> String {
    let mut f = format!("{KEY}{}", b64_encode(&compress_to_vec(text.as_bytes(), 9)));
    if !corrections.is_empty() {
        f.push_str(EDITS_KEY);
        f.push_str(&pack_corrections(corrections));
    }
    f
}

/// The binary codec of corrections: bincode (the codec the page and its
/// worker already share; a JSON reader would add tens of KB to the page),
/// never reading more than a link may unpack to — a damaged or hostile link
/// that announces a huge list gets an error, not an allocation.
fn codec() -> impl bincode::Options {
    bincode::DefaultOptions::new().with_limit(MAX_TEXT_BYTES as u64)
}

/// Corrections as short, URL-safe text: bincode, deflated, base64url.
#[must_use]
pub fn pack_corrections(corrections: &Corrections) -> String {
    let bytes = codec().serialize(corrections).unwrap_or_default();
    b64_encode(&compress_to_vec(&bytes, 9))
}

/// The corrections [`pack_corrections`] wrote (`None` when damaged).
#[must_use]
pub fn unpack_corrections(packed: &str) -> Option<Corrections> {
    let bytes = decompress_to_vec_with_limit(&b64_decode(packed)?, MAX_TEXT_BYTES).ok()?;
    codec().deserialize(&bytes).ok()
}

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The article.
    pub text: String,
    /// The reader's corrections, when the link has them.
    pub corrections: Option<Corrections>,
    /// Whether the link had corrections that could not be read.
    pub edits_damaged: bool,
}

/// Why a link's text could not be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// The fragment is not a saidwho link.
    #[error("this link does not carry an article")]
    NotALink,
    /// The link was cut or altered.
    #[error("this link is damaged (was it cut short when it was shared?)")]
    Damaged,
}

/// The text (and corrections) carried by a fragment (with or without `#`).
///
/// # Errors
/// When the fragment carries no text or a damaged one. Damaged corrections
/// are no error: the text comes back, with `edits_damaged` set.
pub fn decode(fragment: &str) -> Result<Link, LinkError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = f.strip_prefix(KEY).ok_or(LinkError::NotALink)?;
    let (text_part, edits_part) = match data.split_once(EDITS_KEY) {
        Some((t, e)) => (t, Some(e)),
        None => (data, None),
    };
    let text = unpack(text_part).ok_or(LinkError::Damaged)?;
    let corrections = edits_part.map(unpack_corrections);
    Ok(Link {
        text,
        edits_damaged: matches!(corrections, Some(None)),
        corrections: corrections.flatten(),
    })
}

/// The UTF-8 text in one base64url, deflated part of a link.
fn unpack(part: &str) -> Option<String> {
    let bytes = b64_decode(part)?;
    let raw = decompress_to_vec_with_limit(&bytes, MAX_TEXT_BYTES).ok()?;
    String::from_utf8(raw).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_any_text() {
        for t in [
            "",
            "a",
            "ab",
            "abc",
            "“Ça va?” 😀 東京 — said Ms Kaori.\n\nSecond",
            &"long text ".repeat(500),
        ] {
            let f = encode(t, &Corrections::default());
            assert!(
                f.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b)),
                "{f}"
            );
            let link = decode(&format!("#{f}")).unwrap();
            assert_eq!((link.text.as_str(), link.corrections), (t, None));
        }
        let none = Corrections::default();
        assert!(
            encode(&"long text ".repeat(500), &none).len() < 200,
            "compressed"
        );
    }

    #[test]
    fn corrections_travel_with_the_text() {
        use saidwho_core::corrections::{Anchor, Edit};
        let t = "“Yes,” he said. ‘No’ & more";
        let mut c = Corrections::default();
        c.push(vec![Edit::NotAQuote {
            quote: Anchor::new(t, saidwho_core::TextRange::new(0, 8)),
        }]);
        c.push(vec![Edit::Merge {
            from: "he".into(),
            into: "Ann & Bo".into(),
        }]);
        let f = encode(t, &c);
        let link = decode(&f).unwrap();
        assert_eq!(link.text, t);
        assert_eq!(link.corrections.as_ref(), Some(&c));
        assert!(!link.edits_damaged);
        // A hostile list length is refused without allocating it.
        let mut huge = vec![0xfd];
        huge.extend_from_slice(&u64::MAX.to_le_bytes());
        let hostile = b64_encode(&compress_to_vec(&huge, 9));
        assert_eq!(unpack_corrections(&hostile), None);
        // Cut inside the corrections: the text still comes back.
        let cut = decode(&f[..f.len() - 4]).unwrap();
        assert_eq!(
            (cut.text.as_str(), cut.corrections, cut.edits_damaged),
            (t, None, true)
        );
    }

    #[test]
    fn bad_links_are_errors() {
        assert_eq!(decode("#other"), Err(LinkError::NotALink));
        assert_eq!(decode("#text=!!!"), Err(LinkError::Damaged));
        let f = encode(
            "some article text that is long enough",
            &Corrections::default(),
        );
        assert_eq!(decode(&f[..f.len() - 5]), Err(LinkError::Damaged));
    }
}
