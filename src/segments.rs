//! Splitting paragraphs into plain and highlighted pieces for display.

use saidwho_core::{Analysis, TextRange};

/// A piece of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The bytes of the text this piece shows.
    pub range: TextRange,
    /// Index into [`Analysis::quotes`] when the piece is inside a quote.
    pub quote: Option<usize>,
}

/// Each paragraph of `analysis` as a list of segments covering it exactly,
/// quote pieces marked. A quote that runs over several paragraphs gives one
/// piece in each.
#[must_use]
pub fn paragraph_segments(analysis: &Analysis) -> Vec<Vec<Segment>> {
    let quotes = &analysis.quotes;
    let mut q = 0;
    let mut out = Vec::with_capacity(analysis.paragraphs.len());
    for &para in &analysis.paragraphs {
        let mut pieces = Vec::new();
        let mut at = para.start;
        while q < quotes.len() && quotes[q].range.end <= para.start {
            q += 1;
        }
        let mut k = q;
        while k < quotes.len() && quotes[k].range.start < para.end {
            let r = quotes[k].range;
            let s = r.start.max(para.start);
            let e = r.end.min(para.end);
            if s > at {
                pieces.push(Segment {
                    range: TextRange { start: at, end: s },
                    quote: None,
                });
            }
            pieces.push(Segment {
                range: TextRange { start: s, end: e },
                quote: Some(k),
            });
            at = e;
            k += 1;
        }
        if at < para.end {
            pieces.push(Segment {
                range: TextRange {
                    start: at,
                    end: para.end,
                },
                quote: None,
            });
        }
        out.push(pieces);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_each_paragraph_and_mark_quotes() {
        let t = "“One,” he said.\n\n“Two\n\n“three,” she said. Done.";
        let a = saidwho_core::analyze(t);
        let segs = paragraph_segments(&a);
        assert_eq!(segs.len(), 3);
        for (para, pieces) in a.paragraphs.iter().zip(&segs) {
            let joined: String = pieces.iter().map(|s| s.range.slice(t)).collect();
            assert_eq!(joined, para.slice(t));
        }
        let quoted: Vec<_> = segs
            .iter()
            .flatten()
            .filter(|s| s.quote.is_some())
            .map(|s| s.range.slice(t))
            .collect();
        assert_eq!(quoted, ["“One,”", "“Two", "“three,”"]);
        assert_eq!(segs[1][0].quote, segs[2][0].quote);
    }
}
