//! Sentences: split inside each paragraph at terminal punctuation.
//!
//! A sentence ends at `.`, `!`, `?`, `…` (plus any closing quotation marks or
//! brackets glued to it) when whitespace follows and the next token can start
//! a sentence (a capital, a digit, an opening mark). A `.` after a known
//! abbreviation ("Mr.", "Gen.", "Nov.") or an initial ("J.") does not end one.
//! CJK full stops (`。！？`) always end a sentence, and so does a vertical
//! bar standing free between spaces: pasted web pages separate a headline
//! from the outlet's name ("Floods Hit Towns | Bangkok Post") and the parts
//! of a breadcrumb or a table row with it, and no sentence runs across one.

use crate::span::TextRange;
use crate::tokens::{Token, TokenKind};

/// Abbreviations that are followed by "." without ending a sentence
/// (compared case-sensitively, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec", "Dept", "Dr",
    "Feb", "Fr", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar",
    "Messrs", "Mme", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Pvt", "Rep", "Reps",
    "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "vs", "etc", "al", "approx",
    "Ave", "Blvd", "Gens", "Govt", "Pres", "Sec", "Amb", "Cllr", "Insp", "Det", "Fig", "Vol", "ca",
    "cf", "e.g", "i.e",
];

/// Splits each paragraph into sentences. `tokens` must be the tokens of
/// `text` in order (as made by [`crate::tokens::tokenize`]).
#[must_use]
pub fn sentences(text: &str, paragraphs: &[TextRange], tokens: &[Token]) -> Vec<TextRange> {
    let mut out = Vec::with_capacity(paragraphs.len() * 3);
    let mut t = 0;
    for &para in paragraphs {
        while t < tokens.len() && tokens[t].range.start() < para.start() {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].range.end() <= para.end() {
            t += 1;
        }
        split_paragraph(text, &tokens[first..t], para, &mut out);
    }
    out
}

fn split_paragraph(text: &str, toks: &[Token], para: TextRange, out: &mut Vec<TextRange>) {
    if toks.is_empty() {
        out.push(para);
        return;
    }
    let mut start = toks[0].range.start();
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        let s = tok.range.slice(text);
        let cjk = matches!(s, "。" | "！" | "？");
        let separator = s == "|" && stands_free(toks, i);
        let terminal = separator || cjk || matches!(s, "." | "!" | "?" | "…" | "‼" | "⁇");
        if !terminal {
            i += 1;
            continue;
        }
        // Absorb a run of terminal marks and the closers glued to them.
        let mut j = i + 1;
        while j < toks.len() && glued(toks[j - 1], toks[j]) && is_closer(toks[j], text) {
            j += 1;
        }
        let end = toks[j - 1].range.end();
        let at_end = j == toks.len();
        let breaks = cjk
            || separator
            || at_end
            || (!glued(toks[j - 1], toks[j])
                && can_start_sentence(toks[j], text)
                && !(s == "." && is_abbreviation(toks, i, text)));
        if breaks {
            out.push(TextRange::new(start, end));
            if !at_end {
                start = toks[j].range.start();
            }
        }
        if at_end {
            return;
        }
        i = j;
    }
    out.push(TextRange::new(start, toks[toks.len() - 1].range.end()));
}

/// Whether `toks[i]` has whitespace (or the paragraph's edge) on both sides.
fn stands_free(toks: &[Token], i: usize) -> bool {
    let before = i == 0 || !glued(toks[i - 1], toks[i]);
    let after = toks.get(i + 1).is_none_or(|&next| !glued(toks[i], next));
    before && after
}

/// Whether `b` follows `a` with no whitespace between.
fn glued(a: Token, b: Token) -> bool {
    a.range.end() == b.range.start()
}

fn is_closer(t: Token, text: &str) -> bool {
    let s = t.range.slice(text);
    t.kind == TokenKind::QuoteMark || matches!(s, ")" | "]" | "}" | "." | "!" | "?" | "…")
}

fn can_start_sentence(t: Token, text: &str) -> bool {
    let Some(c) = t.range.slice(text).chars().next() else {
        return false;
    };
    match t.kind {
        TokenKind::Word => !c.is_lowercase(),
        TokenKind::Number | TokenKind::QuoteMark => true,
        TokenKind::Punct => matches!(c, '(' | '[' | '—' | '–' | '-' | '•' | '*'),
    }
}

/// Whether the "." at `toks[i]` closes an abbreviation or an initial.
fn is_abbreviation(toks: &[Token], i: usize, text: &str) -> bool {
    if i == 0 || !glued(toks[i - 1], toks[i]) {
        return false;
    }
    let prev = toks[i - 1];
    if prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.range.slice(text);
    let mut chars = w.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || w.contains('.') || ABBREVIATIONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::paragraphs;
    use crate::tokens::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        sentences(text, &paragraphs(text), &toks)
            .iter()
            .map(|r| r.slice(text))
            .collect()
    }

    #[test]
    fn simple_sentences() {
        assert_eq!(
            split("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn titles_and_initials_do_not_split() {
        assert_eq!(
            split("The statement was made by Maj. Gen. Somkeo Sylavong on Nov. 24. He spoke."),
            [
                "The statement was made by Maj. Gen. Somkeo Sylavong on Nov. 24.",
                "He spoke."
            ]
        );
        assert_eq!(
            split("George W. Bush left the U.S. Army. Then?"),
            ["George W. Bush left the U.S. Army.", "Then?"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“It is done.” She left. He said “no!” and went."),
            ["“It is done.”", "She left.", "He said “no!” and went."]
        );
    }

    #[test]
    fn lowercase_continuation_does_not_split() {
        assert_eq!(
            split("It cost 3.5 bn. in total"),
            ["It cost 3.5 bn. in total"]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(
            split("No stop here\n\nNext one"),
            ["No stop here", "Next one"]
        );
    }

    #[test]
    fn a_free_standing_bar_separates_a_headline_from_its_outlet() {
        assert_eq!(
            split("Floods Hit Northern Towns | Bangkok Post"),
            ["Floods Hit Northern Towns |", "Bangkok Post"]
        );
        assert_eq!(split("News | Asia | Laos"), ["News |", "Asia |", "Laos"]);
    }

    #[test]
    fn a_bar_inside_a_word_or_glued_to_one_does_not_split() {
        assert_eq!(split("Use a|b or a |b here"), ["Use a|b or a |b here"]);
    }

    #[test]
    fn cjk_full_stops() {
        assert_eq!(split("東京です。大阪です。"), ["東京です。", "大阪です。"]);
    }
}
