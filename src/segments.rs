//! Splitting paragraphs into plain and highlighted pieces for display.

use saidwho_core::{Analysis, TextRange};

/// A piece of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The bytes of the text this piece shows.
    pub range: TextRange,
    /// Index into [`Analysis::quotes`] when the piece is inside a quote.
    pub quote: Option<usize>,
    /// Index into [`Analysis::quotes`] of the quote whose cue this piece is.
    pub cue_of: Option<usize>,
}

/// Each paragraph of `analysis` as a list of segments covering it exactly,
/// quote and cue pieces marked. A quote that runs over several paragraphs
/// gives one piece in each.
#[must_use]
pub fn paragraph_segments(analysis: &Analysis) -> Vec<Vec<Segment>> {
    let quotes = &analysis.quotes;
    let mut out = Vec::with_capacity(analysis.paragraphs.len());
    // Quotes are sorted and disjoint; cues are sorted by their quote.
    let mut first_quote = 0;
    for &para in &analysis.paragraphs {
        while first_quote < quotes.len() && quotes[first_quote].range.end <= para.start {
            first_quote += 1;
        }
        // Quotes and cues that touch this paragraph (cues may sit before or
        // after their quote, so look a little around).
        let lo = first_quote.saturating_sub(2);
        let mut hi = first_quote;
        while hi < quotes.len() && quotes[hi].range.start < para.end {
            hi += 1;
        }
        let hi = (hi + 2).min(quotes.len());
        let mut cuts = vec![para.start, para.end];
        for q in &quotes[lo..hi] {
            for r in std::iter::once(q.range).chain(q.cue) {
                for x in [r.start, r.end] {
                    if para.start < x && x < para.end {
                        cuts.push(x);
                    }
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let pieces = cuts
            .windows(2)
            .map(|w| {
                let range = TextRange {
                    start: w[0],
                    end: w[1],
                };
                let inside = |r: TextRange| r.contains_range(range);
                Segment {
                    range,
                    quote: (lo..hi).find(|&k| inside(quotes[k].range)),
                    cue_of: (lo..hi).find(|&k| quotes[k].cue.is_some_and(inside)),
                }
            })
            .collect();
        out.push(pieces);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_each_paragraph_and_mark_quotes_and_cues() {
        let t = "“One thing is certain,” he said.\n\n“Two\n\n“three,” she said. Done.";
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
        assert_eq!(quoted, ["“One thing is certain,”", "“Two", "“three,”"]);
        assert_eq!(segs[1][0].quote, segs[2][0].quote);
        let cues: Vec<_> = segs
            .iter()
            .flatten()
            .filter(|s| s.cue_of.is_some())
            .map(|s| s.range.slice(t))
            .collect();
        assert_eq!(cues, ["said", "said"]);
    }
}
