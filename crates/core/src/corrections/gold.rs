//! Measuring the machine against the reader: the corrected article as a
//! gold record (`shared/eval/SCHEMA.md`), and the machine's analysis scored
//! against it the way `shared/eval/score.py quotes` scores predictions.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::attribution::{Quote, QuoteKind};
use crate::offsets::OffsetIndex;
use crate::output::Span;
use crate::span::TextRange;

/// One attribution of a gold record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// The mention of the speaker (empty when none).
    pub source: Vec<Span>,
    /// The reporting verb or phrase (empty when none).
    pub cue: Vec<Span>,
    /// What was said: one span, or the parts of an interrupted quote.
    pub content: Vec<Span>,
    /// Whether the content is a direct (or mixed) quote.
    pub direct: bool,
    /// The speaker's name, when the speaker is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_name: Option<String>,
}

/// A document with its attributions, in the evaluation's gold format
/// (offsets in code points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldRecord {
    /// The document's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Who said what.
    pub attributions: Vec<GoldAttribution>,
}

/// Whether a quote counts for the direct track (as `score.py` reads a
/// prediction: direct or mixed kind, or a double quotation mark inside).
fn is_direct(text: &str, q: &Quote) -> bool {
    q.kind != QuoteKind::Indirect
        || q.parts()
            .any(|p| p.slice(text).contains(['“', '”', '"', '«', '»', '„']))
}

/// `analysis` of `text` (the reader's corrected one) as the gold record `id`.
#[must_use]
pub fn gold_record(id: &str, text: &str, analysis: &Analysis) -> GoldRecord {
    let index = OffsetIndex::new(text);
    let span = |r: TextRange| index.range_to_chars(r);
    let attributions = analysis
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.and_then(|s| analysis.speakers.get(s as usize));
            GoldAttribution {
                source: q.speaker_mention.map(span).into_iter().collect(),
                cue: q.cue.map(span).into_iter().collect(),
                content: q.parts().map(span).collect(),
                direct: is_direct(text, q),
                speaker_name: speaker.filter(|s| s.named).map(|s| s.name.clone()),
            }
        })
        .collect();
    GoldRecord {
        id: id.to_owned(),
        text: text.to_owned(),
        attributions,
    }
}

/// Precision, recall and F1 of one comparison, with its counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Share of the machine's quotes that are right.
    pub precision: f64,
    /// Share of the reader's quotes the machine found.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
    /// Quotes right.
    pub tp: usize,
}

impl Prf {
    fn new(tp: usize, n_pred: usize, n_gold: usize) -> Self {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                a as f64 / b as f64
            }
        };
        let (p, r) = (ratio(tp, n_pred), ratio(tp, n_gold));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Self {
            precision: p,
            recall: r,
            f1,
            tp,
        }
    }
}

/// One track of the comparison (all quotes, or direct ones only), as
/// `score.py quotes` reports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Track {
    /// The reader's quotes.
    pub gold: usize,
    /// The machine's quotes.
    pub predicted: usize,
    /// Quotes found (token Jaccard ≥ 0.5).
    pub quote: Prf,
    /// Of the quotes found, those with the right speaker mention.
    pub speaker_right: usize,
    /// Quote found and speaker right.
    pub end_to_end: Prf,
}

/// How the machine's analysis compares with the reader's corrections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// All quotes.
    pub all: Track,
    /// Direct and mixed quotes.
    pub direct: Track,
    /// Quotes the reader added.
    pub added: usize,
    /// Machine quotes the reader removed.
    pub removed: usize,
    /// Quotes whose extent the reader changed.
    pub resized: usize,
    /// Quotes whose speaker the reader chose.
    pub reattributed: usize,
    /// Speakers the reader created, merged, renamed or described.
    pub speakers_edited: usize,
}

/// Scores `machine` against `reader` (the corrected analysis of the same
/// `text`) as `score.py quotes` would score the machine's predictions
/// against the reader's gold record.
#[must_use]
pub fn compare(text: &str, machine: &Analysis, reader: &Analysis) -> Comparison {
    let added = reader.quotes.iter().filter(|q| q.edited.added).count();
    Comparison {
        all: track(text, machine, reader, false),
        direct: track(text, machine, reader, true),
        added,
        removed: machine.quotes.len() - (reader.quotes.len() - added).min(machine.quotes.len()),
        resized: reader.quotes.iter().filter(|q| q.edited.span).count(),
        reattributed: reader.quotes.iter().filter(|q| q.edited.speaker).count(),
        speakers_edited: reader.speakers.iter().filter(|s| s.edited.any()).count(),
    }
}

fn track(text: &str, machine: &Analysis, reader: &Analysis, direct: bool) -> Track {
    let keep = |q: &&Quote| !direct || is_direct(text, q);
    let gold: Vec<&Quote> = reader.quotes.iter().filter(keep).collect();
    let pred: Vec<&Quote> = machine.quotes.iter().filter(keep).collect();
    let toks = |q: &Quote| word_tokens(text, q);
    let pairs = greedy_match(
        &gold.iter().map(|q| toks(q)).collect::<Vec<_>>(),
        &pred.iter().map(|q| toks(q)).collect::<Vec<_>>(),
    );
    let speaker_right = pairs
        .iter()
        .filter(
            |&&(g, p)| match (gold[g].speaker_mention, pred[p].speaker_mention) {
                (None, None) => true,
                (Some(g), Some(p)) => g.overlaps(p),
                _ => false,
            },
        )
        .count();
    Track {
        gold: gold.len(),
        predicted: pred.len(),
        quote: Prf::new(pairs.len(), pred.len(), gold.len()),
        speaker_right,
        end_to_end: Prf::new(speaker_right, pred.len(), gold.len()),
    }
}

/// The quote's word tokens as `score.py` finds them: maximal runs of
/// letters and digits inside each part, by position.
fn word_tokens(text: &str, q: &Quote) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for part in q.parts() {
        let mut start = None;
        for (at, c) in part.slice(text).char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    out.push((part.start() + s, part.start() + at));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((part.start() + s, part.end()));
        }
    }
    // Parts are in text order: the tokens are sorted and distinct.
    out
}

/// Tokens in both sorted lists.
fn common(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// One-to-one matching by best token Jaccard ≥ 0.5 (ties: earlier gold,
/// then earlier prediction), as `score.py`'s `greedy_match`.
fn greedy_match(gold: &[Vec<(usize, usize)>], pred: &[Vec<(usize, usize)>]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (g, gt) in gold.iter().enumerate() {
        for (p, pt) in pred.iter().enumerate() {
            let inter = common(gt, pt);
            let union = gt.len() + pt.len() - inter;
            if inter > 0 && 2 * inter >= union {
                // Exact comparison of inter/union as a fraction: sort by
                // -jaccard, then gold, then prediction.
                cands.push((inter, union, g, p));
            }
        }
    }
    cands.sort_by(|a, b| {
        (b.0 * a.1)
            .cmp(&(a.0 * b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut pairs = Vec::new();
    for (_, _, g, p) in cands {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            pairs.push((g, p));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::super::{Anchor, Corrections, Edit};
    use super::*;
    use crate::analyze;

    const T: &str = "“We will rebuild,” said Mayor Keiko Tanaka. “It will take years,” he added. \
                     Critics disagree. “Nonsense,” said Tom Reed, a resident.";

    fn at(words: &str) -> Anchor {
        let s = T.find(words).unwrap();
        Anchor::new(T, TextRange::new(s, s + words.len()))
    }

    #[test]
    fn the_machine_against_itself_is_perfect() {
        let a = analyze(T);
        let c = compare(T, &a, &a);
        assert_eq!(c.all.quote.f1, 1.0);
        assert_eq!(c.all.end_to_end.tp, 3);
        assert_eq!(c.direct.gold, 3);
        assert_eq!((c.added, c.removed, c.reattributed), (0, 0, 0));
    }

    #[test]
    fn corrections_count_against_the_machine() {
        let machine = analyze(T);
        let mut c = Corrections::default();
        c.push(vec![Edit::NotAQuote {
            quote: at("“Nonsense,”"),
        }]);
        c.push(vec![Edit::AddQuote {
            span: at("disagree."),
            speaker: Some("Critics".into()),
        }]);
        c.push(vec![Edit::Speaker {
            quote: at("“It will take years,”"),
            name: "Tom Reed".into(),
            role: None,
        }]);
        let reader = c.apply(T, &machine).analysis;
        let cmp = compare(T, &machine, &reader);
        assert_eq!((cmp.added, cmp.removed, cmp.reattributed), (1, 1, 2));
        // Gold: 3 quotes; machine: 3; 2 match, 1 with the right speaker.
        assert_eq!(
            (cmp.all.gold, cmp.all.predicted, cmp.all.quote.tp),
            (3, 3, 2)
        );
        assert_eq!(cmp.all.speaker_right, 1);
        assert!((cmp.all.end_to_end.f1 - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(cmp.direct.gold, 2);
        let gold = gold_record("a1", T, &reader);
        assert_eq!(gold.attributions.len(), 3);
        let critics = &gold.attributions[2];
        assert!(!critics.direct && critics.cue.is_empty());
        assert_eq!(critics.speaker_name.as_deref(), Some("Critics"));
        // The reader's "Critics" is the word before the quote.
        let [s, e] = critics.source[0];
        let source: String = T.chars().skip(s).take(e - s).collect();
        assert_eq!(source, "Critics");
    }

    #[test]
    fn gold_offsets_are_code_points() {
        let t = "Ødegård: “Vi er klare,” sa hun. “We are ready,” said Søren Ødegård.";
        let a = analyze(t);
        let gold = gold_record("x", t, &a);
        let chars: Vec<char> = t.chars().collect();
        let last = gold.attributions.last().unwrap();
        let [s, e] = last.content[0];
        assert_eq!(chars[s..e].iter().collect::<String>(), "“We are ready,”");
        let json = serde_json::to_string(&gold).unwrap();
        assert!(json.starts_with(r#"{"id":"x","text":"#), "{json}");
    }

    #[test]
    fn tokens_and_matching_follow_the_scorer() {
        let t = "“A b_c d,” e.";
        let q = &analyze("“A b_c d,” he said.").quotes[0];
        let toks = word_tokens(t, q);
        assert_eq!(toks.len(), 4, "{toks:?}"); // A, b, c, d: '_' splits words
        let set = |v: &[(usize, usize)]| v.to_vec();
        let g = [set(&[(0, 1), (2, 3)]), set(&[(4, 5)])];
        let p = [set(&[(0, 1), (2, 3), (4, 5)]), set(&[(0, 1), (2, 3)])];
        // Best Jaccard first: gold 0 takes prediction 1 (1.0), gold 1 none (1/3).
        assert_eq!(greedy_match(&g, &p), [(0, 1)]);
    }
}
