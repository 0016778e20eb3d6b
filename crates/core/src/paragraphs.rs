//! Paragraphs: blocks of text separated by blank lines.
//!
//! When a text has no blank line at all (common for text copied from some
//! pages), every line break separates paragraphs instead.

use crate::span::TextRange;

/// Splits `text` into paragraphs, each trimmed of surrounding whitespace;
/// empty paragraphs are dropped.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<TextRange> {
    let lines = line_ranges(text);
    let has_blank = lines.iter().any(|&(s, e)| text[s..e].trim().is_empty());
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (s, e) in lines {
        let line = &text[s..e];
        if line.trim().is_empty() {
            if let Some(p) = current.take() {
                push_trimmed(text, p, &mut out);
            }
            continue;
        }
        match current {
            Some((ps, pe)) if has_blank && !ends_paragraph(&text[ps..pe]) => {
                current = Some((ps, e))
            }
            Some(p) => {
                push_trimmed(text, p, &mut out);
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some(p) = current {
        push_trimmed(text, p, &mut out);
    }
    out
}

/// Whether a line ends like a paragraph (sentence-final punctuation or a
/// closing quotation mark), so that a single line break after it starts a
/// new paragraph even in a text that uses blank lines elsewhere.
fn ends_paragraph(line: &str) -> bool {
    line.trim_end().chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | '”' | '"' | '’' | '»' | '」' | '。'
        )
    })
}

/// Byte ranges of the lines of `text`, without their line terminators.
/// Recognises `\n`, `\r\n`, `\r` and the Unicode line/paragraph separators.
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Bytes, not chars: in UTF-8 these sequences only ever encode the
    // terminators (U+0085 is C2 85; U+2028 and U+2029 are E2 80 A8/A9).
    while i < bytes.len() {
        let len = match bytes[i] {
            b'\n' => 1,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            0xC2 if bytes.get(i + 1) == Some(&0x85) => 2,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push((start, i));
        i += len;
        start = i;
    }
    out.push((start, text.len()));
    out
}

fn push_trimmed(text: &str, (s, e): (usize, usize), out: &mut Vec<TextRange>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(TextRange::new(s + lead, e - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|r| r.slice(text)).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let t = "Title\n\nFirst line\nstill first.\n \n\nSecond.\n";
        assert_eq!(texts(t), ["Title", "First line\nstill first.", "Second."]);
        // A line ending a sentence ends its paragraph even without a blank line.
        let t = "Intro.\n\n“Done,” he said.\nNext paragraph.";
        assert_eq!(texts(t), ["Intro.", "“Done,” he said.", "Next paragraph."]);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        assert_eq!(texts("One.\nTwo.\r\nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(texts("").is_empty());
        assert!(texts("\n\n  \n").is_empty());
        assert_eq!(texts("  lone  "), ["lone"]);
    }
}
