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
    /// Index into [`Analysis::entities`] when the piece is (part of) an entity.
    pub entity: Option<usize>,
}

/// The first `upto` paragraphs of `analysis`, each as a list of segments
/// covering it exactly, quote and cue pieces marked. A quote that runs over
/// several paragraphs gives one piece in each; the attribution interrupting
/// a quote (“A,” she said. “B.”) is not part of it.
#[must_use]
pub fn paragraph_segments(analysis: &Analysis, upto: usize) -> Vec<Vec<Segment>> {
    let quotes = &analysis.quotes;
    let mut out = Vec::with_capacity(analysis.paragraphs.len().min(upto));
    // Quotes are sorted and disjoint; cues are sorted by their quote.
    let mut first_quote = 0;
    for &para in analysis.paragraphs.iter().take(upto) {
        while first_quote < quotes.len() && quotes[first_quote].range.end() <= para.start() {
            first_quote += 1;
        }
        // Quotes and cues that touch this paragraph (cues may sit before or
        // after their quote, so look a little around).
        let lo = first_quote.saturating_sub(2);
        let mut hi = first_quote;
        while hi < quotes.len() && quotes[hi].range.start() < para.end() {
            hi += 1;
        }
        let hi = (hi + 2).min(quotes.len());
        let ents = &analysis.entities;
        let e_lo = ents.partition_point(|e| e.range.end() <= para.start());
        let e_hi = ents.partition_point(|e| e.range.start() < para.end());
        let mut cuts = vec![para.start(), para.end()];
        for e in &ents[e_lo..e_hi.max(e_lo)] {
            for x in [e.range.start(), e.range.end()] {
                if para.start() < x && x < para.end() {
                    cuts.push(x);
                }
            }
        }
        for q in &quotes[lo..hi] {
            let bounds = q.parts().chain(q.cue);
            for r in bounds {
                for x in [r.start(), r.end()] {
                    if para.start() < x && x < para.end() {
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
                let range = TextRange::new(w[0], w[1]);
                let inside = |r: TextRange| r.contains_range(range);
                Segment {
                    range,
                    quote: (lo..hi).find(|&k| quotes[k].holds(range)),
                    cue_of: (lo..hi).find(|&k| quotes[k].cue.is_some_and(inside)),
                    entity: (e_lo..e_hi.max(e_lo)).find(|&k| inside(ents[k].range)),
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
        let segs = paragraph_segments(&a, usize::MAX);
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
        assert_eq!(paragraph_segments(&a, 2), segs[..2]);
    }

    #[test]
    fn an_interrupted_quote_is_two_pieces_of_one_quote() {
        let t = "“We will rebuild,” said Mayor Keiko Tanaka. “Every house.”";
        let a = saidwho_core::analyze(t);
        let segs = paragraph_segments(&a, usize::MAX);
        let quoted: Vec<_> = segs[0]
            .iter()
            .filter(|s| s.quote.is_some())
            .map(|s| (s.range.slice(t), s.quote))
            .collect();
        assert_eq!(
            quoted,
            [("“We will rebuild,”", Some(0)), ("“Every house.”", Some(0))]
        );
    }

    #[test]
    fn entities_are_pieces_inside_quotes_too() {
        let t = "“Paris is lovely,” said Anne in Rome.";
        let mut a = saidwho_core::analyze(t);
        let at = |w: &str| t.find(w).unwrap();
        let ent = |w: &str, label| saidwho_core::Entity {
            range: TextRange::new(at(w), at(w) + w.len()),
            label,
        };
        a.entities = vec![
            ent("Paris", saidwho_core::EntityLabel::Loc),
            ent("Anne", saidwho_core::EntityLabel::Person),
            ent("Rome", saidwho_core::EntityLabel::Loc),
        ];
        let segs = paragraph_segments(&a, usize::MAX);
        let named: Vec<_> = segs[0]
            .iter()
            .filter(|s| s.entity.is_some())
            .map(|s| (s.range.slice(t), s.quote.is_some()))
            .collect();
        assert_eq!(named, [("Paris", true), ("Anne", false), ("Rome", false)]);
        let joined: String = segs[0].iter().map(|s| s.range.slice(t)).collect();
        assert_eq!(joined, t);
    }
}
