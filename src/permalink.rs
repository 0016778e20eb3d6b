//! Permalinks that carry the article in the URL fragment (`#text=…`):
//! deflate-compressed, base64url-encoded. A fragment is never sent to a
//! server.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Fragment key of the text.
pub const KEY: &str = "text=";
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

/// The fragment (without `#`) that carries `text`.
#[must_use]
pub fn encode(text: &str) -> String {
    format!("{KEY}{}", b64_encode(&compress_to_vec(text.as_bytes(), 9)))
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

/// The text carried by a fragment (with or without `#`).
///
/// # Errors
/// When the fragment carries no text or a damaged one.
pub fn decode(fragment: &str) -> Result<String, LinkError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = f.strip_prefix(KEY).ok_or(LinkError::NotALink)?;
    let bytes = b64_decode(data).ok_or(LinkError::Damaged)?;
    let raw =
        decompress_to_vec_with_limit(&bytes, MAX_TEXT_BYTES).map_err(|_| LinkError::Damaged)?;
    String::from_utf8(raw).map_err(|_| LinkError::Damaged)
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
            let f = encode(t);
            assert!(
                f.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b)),
                "{f}"
            );
            assert_eq!(decode(&format!("#{f}")).unwrap(), t);
        }
        assert!(encode(&"long text ".repeat(500)).len() < 200, "compressed");
    }

    #[test]
    fn bad_links_are_errors() {
        assert_eq!(decode("#other"), Err(LinkError::NotALink));
        assert_eq!(decode("#text=!!!"), Err(LinkError::Damaged));
        let f = encode("some article text that is long enough");
        assert_eq!(decode(&f[..f.len() - 5]), Err(LinkError::Damaged));
    }
}
