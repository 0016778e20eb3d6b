//! Direct quotes: text between matching quotation marks.
//!
//! A single pass over the text keeps a stack of open marks. Each mark is
//! classified by its style and its neighbours (an apostrophe in "don’t" or
//! "’90s" is not a mark; a straight `"` opens after a space and closes before
//! one). Supported styles: “…” "…" ‘…’ '…' «…» »…« ‹…› „…“ „…” ”…” 「…」 『…』,
//! mixed straight and curly marks, nesting, and quotes that run over several
//! paragraphs (no closing mark at a paragraph end, reopened at the start of the
//! next). Unmatched marks are reported, not guessed at.

use serde::{Deserialize, Serialize};

use crate::span::TextRange;

/// Text between matching quotation marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkedQuote {
    /// The whole quote, quotation marks included.
    pub range: TextRange,
    /// The quoted words, between the marks.
    pub content: TextRange,
    /// The opening mark (`None` when the quote has none).
    pub open_mark: Option<char>,
    /// The closing mark (`None` when the quote has none).
    pub close_mark: Option<char>,
}

/// The style family of a quotation mark; a quote closes with a mark of the
/// family it opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ ” " „ ‟
    Double,
    /// ‘ ’ ' ‚
    Single,
    /// « »
    Guillemet,
    /// ‹ ›
    SingleGuillemet,
    /// 「 」
    Corner,
    /// 『 』
    WhiteCorner,
}

/// Most quotation marks kept open at once.
const MAX_DEPTH: usize = 16;

/// An open mark waiting for its closer.
#[derive(Debug, Clone, Copy)]
struct Open {
    at: usize,
    /// Length of the mark in bytes (2 for `''`).
    len: usize,
    mark: char,
    family: Family,
}

/// Everything the mark scanner found.
#[derive(Debug, Default, Clone)]
pub struct MarkScan {
    /// Outermost matched quotes, in text order.
    pub quotes: Vec<MarkedQuote>,
    /// Byte offsets of double-style closing marks that closed nothing
    /// ("…successful,” added X." with its opening mark missing).
    pub stray_closes: Vec<usize>,
    /// Byte offsets of opening marks never closed.
    pub unclosed: Vec<usize>,
}

/// Finds the outermost direct quotes of `text`, given its paragraphs.
#[cfg(test)]
#[must_use]
pub fn direct_quotes(text: &str, paragraphs: &[TextRange]) -> Vec<MarkedQuote> {
    scan_marks(text, paragraphs).quotes
}

/// Runs the mark scanner over `text`, given its paragraphs.
#[must_use]
pub fn scan_marks(text: &str, paragraphs: &[TextRange]) -> MarkScan {
    let mut scan = MarkScan::default();
    let mut stack: Vec<Open> = Vec::new();
    // Byte offset of a reopening mark at the start of a continued paragraph:
    // it is part of the running quote, not a new one.
    let mut skip: Option<TextRange> = None;
    for (p, &para) in paragraphs.iter().enumerate() {
        let body = para.slice(text);
        let mut prev: Option<char> = None;
        let mut iter = body.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = para.start() + i;
            let next = iter.peek().map(|&(_, n)| n);
            if let Some(r) = skip.filter(|r| r.start() <= at && at < r.end()) {
                if at + c.len_utf8() >= r.end() {
                    skip = None;
                }
                prev = Some(c);
                continue;
            }
            // Two backticks open a double quotation mark (``…'', typewriter
            // and TeX style); it closes with two apostrophes.
            if c == '`' && next == Some('`') {
                iter.next();
                let after = iter.peek().map(|&(_, n)| n);
                step(
                    text,
                    &mut scan,
                    &mut stack,
                    (at, 2),
                    '\u{201C}',
                    prev,
                    after,
                );
                prev = Some('`');
                continue;
            }
            // Three apostrophes after a nested single quote ('' … 'b,''')
            // close the single one first, then the double one.
            if c == '\''
                && next == Some('\'')
                && body[i + 2..].starts_with('\'')
                && stack.last().is_some_and(|o| o.family == Family::Single)
            {
                step(text, &mut scan, &mut stack, (at, 1), c, prev, next);
                prev = Some(c);
                continue;
            }
            // Two apostrophes stand for a double quotation mark (''…'').
            if c == '\'' && next == Some('\'') {
                iter.next();
                let after = iter.peek().map(|&(_, n)| n);
                step(text, &mut scan, &mut stack, (at, 2), '"', prev, after);
                prev = Some('\'');
                continue;
            }
            step(
                text,
                &mut scan,
                &mut stack,
                (at, c.len_utf8()),
                c,
                prev,
                next,
            );
            prev = Some(c);
        }
        if stack.is_empty() {
            continue;
        }
        // A quote open at a paragraph end continues when the next paragraph
        // opens with the mark it opened with (“ after “, '' after ''; a
        // curly mark after a straight one starts a new quote: the straight
        // one was never closed); otherwise it was never closed.
        let outer = stack[0];
        let opener = &text[outer.at..outer.at + outer.len];
        let continues = paragraphs
            .get(p + 1)
            .filter(|next| next.slice(text).starts_with(opener));
        match continues {
            Some(next) => {
                stack.truncate(1);
                skip = Some(TextRange::new(next.start(), next.start() + outer.len));
            }
            None => {
                scan.unclosed.extend(stack.iter().map(|o| o.at));
                stack.clear();
            }
        }
    }
    scan.unclosed.extend(stack.iter().map(|o| o.at));
    scan
}

/// The family a mark belongs to when it opens a quote.
fn opening_family(c: char) -> Option<Family> {
    Some(match c {
        '“' | '"' | '„' | '‟' | '”' => Family::Double,
        '‘' | '\'' | '‚' => Family::Single,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        '「' => Family::Corner,
        '『' => Family::WhiteCorner,
        _ => return None,
    })
}

/// Whether a mark here sits where an opening mark would: after the start,
/// whitespace or an opening bracket/dash/mark, and before a non-space.
fn opens_here(prev: Option<char>, next: Option<char>) -> bool {
    let before = prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
            || opening_family(p).is_some()
    });
    before && next.is_some_and(|n| !n.is_whitespace())
}

/// Whether a mark here sits where a closing mark would: after a non-space,
/// and before the end, whitespace or punctuation.
fn closes_here(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
}

/// Index in `stack` of the innermost open mark of `family`.
fn find_open(stack: &[Open], family: Family) -> Option<usize> {
    stack.iter().rposition(|o| o.family == family)
}

fn step(
    text: &str,
    scan: &mut MarkScan,
    stack: &mut Vec<Open>,
    (at, len): (usize, usize),
    c: char,
    prev: Option<char>,
    next: Option<char>,
) {
    let open = |stack: &mut Vec<Open>, family| {
        // Deeper nesting is never real quoting; a bounded stack keeps the scan linear.
        if stack.len() >= MAX_DEPTH {
            stack.remove(0);
        }
        stack.push(Open {
            at,
            len,
            mark: c,
            family,
        })
    };
    match c {
        '„' | '‟' => open(stack, Family::Double),
        '‚' if opens_here(prev, next) => open(stack, Family::Single),
        '“' => {
            // German „…“ closes with “; a “ glued to the end of a word after an
            // open double quote is a typo for ”.
            let german = stack
                .iter()
                .rev()
                .find(|o| o.family == Family::Double)
                .is_some_and(|o| o.mark == '„');
            let typo_close = find_open(stack, Family::Double).is_some()
                && closes_here(prev, next)
                && !opens_here(prev, next);
            if german || typo_close {
                close(text, scan, stack, (at, len), c, Family::Double);
            } else {
                open(stack, Family::Double);
            }
        }
        '”' => {
            if find_open(stack, Family::Double).is_some() {
                close(text, scan, stack, (at, len), c, Family::Double);
            } else if opens_here(prev, next) && !closes_here(prev, next) {
                open(stack, Family::Double); // Swedish ”…”
            } else {
                scan.stray_closes.push(at);
            }
        }
        '"' => {
            let has_open = find_open(stack, Family::Double).is_some();
            if has_open && (closes_here(prev, next) || !opens_here(prev, next)) {
                close(text, scan, stack, (at, len), c, Family::Double);
            } else if opens_here(prev, next) {
                open(stack, Family::Double);
            } else if closes_here(prev, next) {
                scan.stray_closes.push(at);
            }
        }
        '«' | '‹' => {
            // Guillemets: « » and ‹ ›, opening a French quote unless the
            // other kind (Danish/German »…«) is open.
            let (family, partner) = guillemet(c);
            if stack.iter().any(|o| o.mark == partner) {
                close(text, scan, stack, (at, len), c, family);
            } else {
                open(stack, family);
            }
        }
        '»' | '›' => {
            let (family, partner) = guillemet(c);
            if stack.iter().any(|o| o.mark == partner) {
                close(text, scan, stack, (at, len), c, family);
            } else if opens_here(prev, next)
                && (c == '›' || prev.is_some())
                && next.is_some_and(char::is_alphanumeric)
            {
                open(stack, family); // Danish/German »…«
            }
            // Otherwise a bullet or a stray mark: ignored.
        }
        '「' => open(stack, Family::Corner),
        '」' => close(text, scan, stack, (at, len), c, Family::Corner),
        '『' => open(stack, Family::WhiteCorner),
        '』' => close(text, scan, stack, (at, len), c, Family::WhiteCorner),
        '‘' => {
            if opens_here(prev, next) && !looks_like_elided_year(text, at + c.len_utf8()) {
                open(stack, Family::Single);
            } else if find_open(stack, Family::Single).is_some() && closes_here(prev, next) {
                close(text, scan, stack, (at, len), c, Family::Single);
            }
        }
        '’' | '\'' => {
            let between_letters =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if between_letters {
                return; // don’t, O’Brien
            }
            if find_open(stack, Family::Single).is_some()
                && closes_here(prev, next)
                && !looks_like_plural_possessive(text, at, prev)
            {
                close(text, scan, stack, (at, len), c, Family::Single);
            } else if c == '\''
                && opens_here(prev, next)
                && next.is_some_and(char::is_alphabetic)
                && !looks_like_elided_year(text, at + 1)
            {
                open(stack, Family::Single);
            }
            // Otherwise an apostrophe: Jones’, ’90s, rock ’n’ roll.
        }
        _ => {}
    }
}

/// "Jones’ plan", "the kids’ toys": an `s` + apostrophe followed by a word.
fn looks_like_plural_possessive(text: &str, at: usize, prev: Option<char>) -> bool {
    if prev != Some('s') {
        return false;
    }
    let mut rest = text[at..].chars().skip(1);
    rest.next().is_some_and(|c| c == ' ') && rest.next().is_some_and(char::is_alphanumeric)
}

/// The family of a guillemet and the mark that pairs with it the other way.
fn guillemet(c: char) -> (Family, char) {
    match c {
        '«' => (Family::Guillemet, '»'),
        '»' => (Family::Guillemet, '«'),
        '‹' => (Family::SingleGuillemet, '›'),
        _ => (Family::SingleGuillemet, '‹'),
    }
}

/// "’90s", "'04": an apostrophe standing for the century.
fn looks_like_elided_year(text: &str, after: usize) -> bool {
    let rest = &text.as_bytes()[after..];
    rest.len() >= 2
        && rest[0].is_ascii_digit()
        && rest[1].is_ascii_digit()
        && rest.get(2).is_none_or(|b| !b.is_ascii_digit())
}

/// Closes the innermost open quote of `family` (dropping marks opened inside
/// it and never closed) and records it when it was the outermost.
fn close(
    text: &str,
    scan: &mut MarkScan,
    stack: &mut Vec<Open>,
    (at, len): (usize, usize),
    c: char,
    family: Family,
) {
    let Some(k) = find_open(stack, family) else {
        return;
    };
    let opened = stack[k];
    scan.unclosed.extend(stack[k + 1..].iter().map(|o| o.at));
    stack.truncate(k);
    if !stack.is_empty() {
        return; // nested: part of the enclosing quote
    }
    let content_start = opened.at + opened.len;
    if text[content_start..at].trim().is_empty() {
        return; // "" or “ ”: nothing quoted
    }
    scan.quotes.push(MarkedQuote {
        range: TextRange::new(opened.at, at + len),
        content: TextRange::new(content_start, at),
        open_mark: Some(opened.mark),
        close_mark: Some(c),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::paragraphs;

    fn quotes(text: &str) -> Vec<&str> {
        direct_quotes(text, &paragraphs(text))
            .iter()
            .map(|q| q.range.slice(text))
            .collect()
    }

    fn contents(text: &str) -> Vec<&str> {
        direct_quotes(text, &paragraphs(text))
            .iter()
            .map(|q| q.content.slice(text))
            .collect()
    }

    #[test]
    fn curly_double_quotes() {
        let t = "“It is done,” she said. “We won.”";
        assert_eq!(quotes(t), ["“It is done,”", "“We won.”"]);
        assert_eq!(contents(t), ["It is done,", "We won."]);
    }

    #[test]
    fn straight_double_quotes() {
        assert_eq!(
            quotes("He said \"no\" and \"yes, \"maybe\" later\"."),
            ["\"no\"", "\"yes, \"maybe\" later\""]
        );
    }

    #[test]
    fn mixed_straight_and_curly() {
        assert_eq!(quotes("“Mixed marks,\" he said."), ["“Mixed marks,\""]);
    }

    #[test]
    fn guillemets_and_german_and_cjk() {
        assert_eq!(quotes("Il a dit « c'est fini » hier."), ["« c'est fini »"]);
        assert_eq!(
            quotes("Er sagte „Wir schaffen das“ gestern."),
            ["„Wir schaffen das“"]
        );
        assert_eq!(quotes("Sie sagte »Nein« und ging."), ["»Nein«"]);
        assert_eq!(quotes("彼は「東京へ行く」と言った。"), ["「東京へ行く」"]);
        assert_eq!(quotes("Han sa ”ja” till slut."), ["”ja”"]);
    }

    #[test]
    fn british_single_quotes_without_apostrophe_confusion() {
        let t = "‘We don’t know what the ’90s held, or Jones’ plan,’ she said.";
        assert_eq!(quotes(t), [t.split(" she").next().unwrap()]);
        assert!(quotes("Rock ’n’ roll is Jones’ thing in the ’90s.").is_empty());
        assert_eq!(quotes("He said 'never again' twice."), ["'never again'"]);
        assert!(quotes("It's the kids' toys from '04.").is_empty());
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        let t = "“She told me ‘go home’ and I did,” he said.";
        assert_eq!(quotes(t), ["“She told me ‘go home’ and I did,”"]);
    }

    #[test]
    fn quotes_running_over_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” she said.\n\n“Unclosed and\n\nNot reopened.";
        assert_eq!(quotes(t), ["“First part of it.\n\n“Second part,”"]);
        let scan = scan_marks(t, &paragraphs(t));
        assert_eq!(scan.unclosed, [t.rfind('“').unwrap()]);
    }

    #[test]
    fn a_quote_continues_only_with_the_mark_it_opened_with() {
        // A straight mark left open does not run into a curly quote.
        let t = "\"Kevin was snoring.\n\n“Here he is, babe,” she said.";
        assert_eq!(quotes(t), ["“Here he is, babe,”"]);
        // Two apostrophes reopen a quote opened with two apostrophes.
        let t = "''We started small.\n\n''Then we grew,'' she said.";
        assert_eq!(quotes(t), ["''We started small.\n\n''Then we grew,''"]);
    }

    #[test]
    fn three_apostrophes_close_a_nested_single_quote_then_the_double_one() {
        let t = "''I said, 'The lesson is clear,''' he recalled. ''He said no.''";
        assert_eq!(
            quotes(t),
            ["''I said, 'The lesson is clear,'''", "''He said no.''"]
        );
    }

    #[test]
    fn stray_closing_mark_is_reported() {
        let t = "In 2004, it can be a very successful,” added Maj. Gen. Somkeo.";
        let scan = scan_marks(t, &paragraphs(t));
        assert!(scan.quotes.is_empty());
        assert_eq!(scan.stray_closes, [t.find('”').unwrap()]);
    }

    #[test]
    fn bullets_and_empty_quotes_are_not_quotes() {
        assert!(quotes("» First item\n» Second item").is_empty());
        assert!(quotes("An empty “ ” pair and \"\".").is_empty());
    }

    #[test]
    fn odd_number_of_marks_never_spans_paragraphs_wrongly() {
        let t = "He said \"one thing.\n\nThen \"another\" here.";
        assert_eq!(quotes(t), ["\"another\""]);
    }
}

#[cfg(test)]
mod double_apostrophe_tests {
    use super::*;
    use crate::paragraphs::paragraphs;

    #[test]
    fn two_backticks_or_apostrophes_are_a_double_quotation_mark() {
        let t = "``We will win,'' said Maria Lopez.";
        let q = direct_quotes(t, &paragraphs(t));
        assert_eq!(q.len(), 1, "typewriter quotes");
        assert_eq!(q[0].content.slice(t), "We will win,");
        let t = "''They pay us a lot of money,'' Mr. King said. It's Jones' turn.";
        let q = direct_quotes(t, &paragraphs(t));
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].range.slice(t), "''They pay us a lot of money,''");
        assert_eq!(q[0].content.slice(t), "They pay us a lot of money,");
    }
}
