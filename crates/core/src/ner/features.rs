//! Features of a token in its sentence, as stable 32-bit fingerprints.
//!
//! The same code computes features for training (`saidwho-train`) and for
//! tagging, so a model always sees what it was trained on.

use super::hash::FeatureHasher;

/// Looks up a lowercase word in a gazetteer: a bit mask of how the word was
/// seen in training entities (bit `2k`: first word of label k, `2k + 1`:
/// later word of label k).
pub trait Gazetteer {
    /// The mask for a word (0 when unknown).
    fn mask(&self, word: &str) -> u8;
}

impl<F: Fn(&str) -> u8> Gazetteer for F {
    fn mask(&self, word: &str) -> u8 {
        self(word)
    }
}

/// The fingerprint a feature hash is stored under (never 0).
#[must_use]
pub fn fingerprint(h: u64) -> u32 {
    let f = (h >> 32) as u32;
    if f == 0 {
        1
    } else {
        f
    }
}

/// Word shape: `X` upper, `x` lower, `d` digit, other characters as they
/// are; at most 12 characters.
fn shape(w: &str, out: &mut [u8; 12]) -> usize {
    let mut n = 0;
    for c in w.chars() {
        if n == out.len() {
            break;
        }
        out[n] = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        n += 1;
    }
    n
}

/// Shape with runs collapsed ("Xxxxx" → "Xx", "dddd-dd" → "d-d").
fn short_shape(w: &str, out: &mut [u8; 12]) -> usize {
    let mut full = [0u8; 12];
    let n = shape(w, &mut full);
    let mut m = 0;
    for &b in &full[..n] {
        if m == 0 || out[m - 1] != b {
            out[m] = b;
            m += 1;
        }
    }
    m
}

fn shape_str(w: &str, short: bool) -> ([u8; 12], usize) {
    let mut buf = [0u8; 12];
    let n = if short {
        short_shape(w, &mut buf)
    } else {
        shape(w, &mut buf)
    };
    (buf, n)
}

fn bytes_hash(t: u8, b: &[u8]) -> FeatureHasher {
    b.iter()
        .copied()
        .fold(FeatureHasher::new(t), FeatureHasher::byte)
}

/// The first `k` characters of the lowercased word.
fn prefix(w: &str, k: usize) -> Option<&str> {
    let end = w.char_indices().nth(k).map_or(w.len(), |(i, _)| i);
    (w.chars().count() >= k).then(|| &w[..end])
}

/// The last `k` characters of the word.
fn suffix(w: &str, k: usize) -> Option<&str> {
    let n = w.chars().count();
    (n >= k).then(|| {
        let start = w.char_indices().nth(n - k).map_or(0, |(i, _)| i);
        &w[start..]
    })
}

/// Whether every letter of every word is uppercase (a headline).
#[must_use]
pub fn is_all_caps_sentence(words: &[&str]) -> bool {
    let letters = words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic());
    let mut any = false;
    for c in letters {
        if c.is_lowercase() {
            return false;
        }
        any = true;
    }
    any
}

/// A sentence prepared for feature extraction: words, their lowercase
/// forms and gazetteer masks, computed once.
#[derive(Debug, Clone, Default)]
pub struct Prepared<'a> {
    /// The words.
    pub words: Vec<&'a str>,
    /// Lowercased words.
    pub lower: Vec<String>,
    /// Gazetteer mask of each word.
    pub gaz: Vec<u8>,
    /// Whether the sentence is all capitals (a headline).
    pub all_caps: bool,
}

impl<'a> Prepared<'a> {
    /// Prepares `words` with the gazetteer `gaz`.
    pub fn new(words: &[&'a str], gaz: &dyn Gazetteer) -> Self {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let gaz = lower.iter().map(|w| gaz.mask(w)).collect();
        Self {
            words: words.to_vec(),
            lower,
            gaz,
            all_caps: is_all_caps_sentence(words),
        }
    }
}

/// Appends the feature fingerprints of `words[i]` to `out`.
pub fn extract(words: &[&str], i: usize, all_caps: bool, gaz: &dyn Gazetteer, out: &mut Vec<u32>) {
    let p = Prepared::new(words, gaz);
    debug_assert_eq!(p.all_caps, all_caps);
    extract_prepared(&p, i, out);
}

/// Appends the feature fingerprints of word `i` of a prepared sentence.
pub fn extract_prepared(p: &Prepared, i: usize, out: &mut Vec<u32>) {
    let words = &p.words;
    let all_caps = p.all_caps;
    let w = words[i];
    let push = |out: &mut Vec<u32>, h: FeatureHasher| out.push(fingerprint(h.finish()));
    let at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            words.get(j as usize).copied().unwrap_or("</s>")
        }
    };
    let (ss, ssn) = shape_str(w, true);
    let ss = &ss[..ssn];
    push(out, FeatureHasher::new(0));
    push(out, FeatureHasher::new(1).str(w));
    push(out, FeatureHasher::new(2).lower(w));
    let lower = p.lower[i].as_str();
    for k in 1..=4 {
        if let Some(pre) = prefix(lower, k) {
            push(out, FeatureHasher::new(2 + k as u8).str(pre));
        }
        if let Some(s) = suffix(lower, k) {
            push(out, FeatureHasher::new(6 + k as u8).str(s));
        }
    }
    let (fs, fsn) = shape_str(w, false);
    push(out, bytes_hash(11, &fs[..fsn]));
    push(out, bytes_hash(12, ss));
    push(out, FeatureHasher::new(13).lower(at(-1)));
    push(out, FeatureHasher::new(14).lower(at(1)));
    push(out, FeatureHasher::new(15).lower(at(-2)));
    push(out, FeatureHasher::new(16).lower(at(2)));
    let (ps, psn) = shape_str(at(-1), true);
    let (ns, nsn) = shape_str(at(1), true);
    push(out, bytes_hash(17, &ps[..psn]));
    push(out, bytes_hash(18, &ns[..nsn]));
    push(out, FeatureHasher::new(19).lower(at(-1)).str(lower));
    push(out, FeatureHasher::new(20).str(lower).lower(at(1)));
    push(
        out,
        bytes_hash(26, &ps[..psn])
            .byte(0xFE)
            .str(std::str::from_utf8(ss).unwrap_or(""))
            .byte(0xFE)
            .str(std::str::from_utf8(&ns[..nsn]).unwrap_or("")),
    );
    if i == 0 {
        push(out, bytes_hash(21, ss));
    }
    if all_caps {
        push(out, FeatureHasher::new(25).str(lower));
    }
    let g = p.gaz[i];
    for bit in 0..8u8 {
        if g & (1 << bit) != 0 {
            push(out, FeatureHasher::new(22).byte(bit));
            push(
                out,
                FeatureHasher::new(27)
                    .byte(bit)
                    .str(std::str::from_utf8(ss).unwrap_or("")),
            );
        }
    }
    let gp = if i > 0 { p.gaz[i - 1] } else { 0 };
    let gn = p.gaz.get(i + 1).copied().unwrap_or(0);
    for bit in 0..8u8 {
        if gp & (1 << bit) != 0 {
            push(out, FeatureHasher::new(23).byte(bit));
        }
        if gn & (1 << bit) != 0 {
            push(out, FeatureHasher::new(24).byte(bit));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let (s, n) = shape_str("Kaori-2", false);
        assert_eq!(&s[..n], b"Xxxxx-d");
        let (s, n) = shape_str("Kaori-2", true);
        assert_eq!(&s[..n], b"Xx-d");
        assert_eq!(prefix("東京都", 2), Some("東京"));
        assert_eq!(suffix("sylavong", 3), Some("ong"));
        assert_eq!(suffix("ab", 3), None);
        assert!(is_all_caps_sentence(&["LONDON", "1996-08-30"]));
        assert!(!is_all_caps_sentence(&["London"]));
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let none = |_: &str| 0u8;
        let mut a = Vec::new();
        let mut b = Vec::new();
        extract(&["Ms", "Kaori", "said"], 1, false, &none, &mut a);
        extract(&["Ms", "Kaori", "said"], 1, false, &none, &mut b);
        assert_eq!(a, b);
        let mut c = Vec::new();
        extract(&["Mr", "Kaori", "said"], 1, false, &none, &mut c);
        assert_ne!(a, c);
        let gaz = |w: &str| if w == "kaori" { 1u8 } else { 0 };
        let mut d = Vec::new();
        extract(&["Ms", "Kaori", "said"], 1, false, &gaz, &mut d);
        assert!(d.len() > a.len());
    }
}
