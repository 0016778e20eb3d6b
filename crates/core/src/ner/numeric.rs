//! Dates, times, money and percentages, found by rules over tokens.
//!
//! - PERCENT: "51 percent", "3.5%", "12 per cent", "two percentage points"
//! - MONEY: "$10 trillion", "£3.5m", "US$ 200", "40 million euros", "5 cents"
//! - DATE: "Nov 24", "24 November 2016", "Sept. 11, 2001", "March 2004",
//!   "in 2004", "1996-08-30", "on Monday"
//! - TIME: "3:15 a.m.", "10 pm", "noon", "midnight"

use super::labels::EntityLabel;
use super::tagger::Entity;
use crate::span::TextRange;
use std::borrow::Cow;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const SCALES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "bn", "m", "k", "mn", "tn",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "yen", "yuan", "renminbi", "rupees",
    "rupee", "cents", "pence", "francs", "kip", "baht", "rubles", "roubles", "won", "pesos",
    "dinars", "riyals", "usd", "eur", "gbp", "jpy", "cny",
];
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "half", "a",
];

/// Finds dates, times, money and percentages in `tokens` (tagger tokens of
/// `text`), within each sentence.
#[must_use]
pub fn numeric_entities(text: &str, sentences: &[TextRange], tokens: &[TextRange]) -> Vec<Entity> {
    let mut out = Vec::new();
    for toks in super::tagger::sentence_tokens(sentences, tokens) {
        scan(text, toks, &mut out);
    }
    out
}

fn is_number(w: &str) -> bool {
    let mut digits = false;
    for c in w.chars() {
        if c.is_ascii_digit() {
            digits = true;
        } else if !matches!(c, ',' | '.') {
            return false;
        }
    }
    digits
}

/// The token lowercased, a final dot dropped (borrowed unless it has capitals).
/// The lowercase words, besides numbers and currency signs, that can start a
/// date, time, amount or percentage.
fn starting_words() -> impl Iterator<Item = &'static str> {
    NUMBER_WORDS
        .iter()
        .chain(MONTHS)
        .chain(WEEKDAYS)
        .chain(&["noon", "midnight", "us$"])
        .copied()
}

/// Whether a token whose first byte is `b` can start anything: a digit, a
/// currency sign (`$`, or the lead byte of £ ¥ € ₹) or the first letter, in
/// either case, of one of [`starting_words`].
fn may_start(b: u8) -> bool {
    static FIRST: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        let mut t = [false; 256];
        for c in (b'0'..=b'9').chain([b'$', 0xC2, 0xE2]) {
            t[usize::from(c)] = true;
        }
        for w in starting_words() {
            let c = w.as_bytes()[0];
            t[usize::from(c)] = true;
            t[usize::from(c.to_ascii_uppercase())] = true;
        }
        t
    })[usize::from(b)]
}

/// Whether a word (any case, a final dot allowed) is one of
/// [`starting_words`]. All of them are short and ASCII: the word is
/// lowercased on the stack, never allocated.
fn starts_something(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let word = word.trim_end_matches('.');
    if word.is_empty() || word.len() > 9 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower)
        .is_ok_and(|w| WORDS.get_or_init(|| starting_words().collect()).contains(w))
}

fn lower(text: &str, r: TextRange) -> Cow<'_, str> {
    let s = r.slice(text).trim_end_matches('.');
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn scan(text: &str, toks: &[TextRange], out: &mut Vec<Entity>) {
    let w = |i: usize| toks.get(i).map_or("", |r| r.slice(text));
    let l = |i: usize| toks.get(i).map_or(Cow::Borrowed(""), |r| lower(text, *r));
    let glued = |i: usize| i + 1 < toks.len() && toks[i].end() == toks[i + 1].start();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < toks.len() {
        // The first byte rules out most tokens.
        if !may_start(bytes.get(toks[i].start()).copied().unwrap_or(0)) {
            i += 1;
            continue;
        }
        let found: Option<(usize, EntityLabel)> = (|| {
            // Most words start nothing: only numbers, currency signs and the
            // words of the lists below do (one look-up, not fifty compares).
            let wi = w(i);
            if !wi.starts_with(|c: char| {
                c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥' | '₹')
            }) && !starts_something(wi)
            {
                return None;
            }
            let li = l(i);
            // Money: "$10", "US$ 5 billion", "£3.5m".
            if matches!(w(i), "$" | "£" | "€" | "¥" | "₹") || li == "us$" {
                let mut j = i + 1;
                if is_number(w(j)) {
                    if SCALES.contains(&l(j + 1).as_ref()) {
                        j += 1;
                    }
                    return Some((j, EntityLabel::Money));
                }
                return None;
            }
            let numeric =
                is_number(w(i)) || (NUMBER_WORDS.contains(&li.as_ref()) && i + 1 < toks.len());
            if numeric {
                let mut j = i;
                if SCALES.contains(&l(j + 1).as_ref()) {
                    j += 1;
                }
                let next = l(j + 1);
                if next == "percent" || w(j + 1) == "%" || (next == "per" && l(j + 2) == "cent") {
                    let end = if next == "per" { j + 2 } else { j + 1 };
                    return Some((end, EntityLabel::Percent));
                }
                if next == "percentage" && l(j + 2) == "points" {
                    return Some((j + 2, EntityLabel::Percent));
                }
                if CURRENCY_WORDS.contains(&next.as_ref()) && is_number(w(i)) {
                    return Some((j + 1, EntityLabel::Money));
                }
            }
            if is_number(w(i)) {
                // Times: "3:15", "3:15 a.m.", "10 pm".
                if w(i + 1) == ":" && glued(i) && is_number(w(i + 2)) {
                    let mut j = i + 2;
                    if matches!(l(j + 1).as_ref(), "a.m" | "p.m" | "am" | "pm") {
                        j += 1;
                    }
                    return Some((j, EntityLabel::Time));
                }
                if matches!(l(i + 1).as_ref(), "a.m" | "p.m" | "am" | "pm") && w(i).len() <= 2 {
                    return Some((i + 1, EntityLabel::Time));
                }
                // ISO dates: "1996-08-30".
                if w(i).len() == 4
                    && w(i + 1) == "-"
                    && glued(i)
                    && is_number(w(i + 2))
                    && w(i + 3) == "-"
                    && is_number(w(i + 4))
                {
                    return Some((i + 4, EntityLabel::Date));
                }
                // "24 November 2016".
                if w(i).len() <= 2 && MONTHS.contains(&l(i + 1).as_ref()) && l(i + 1).len() > 2 {
                    let mut j = i + 1;
                    if is_year(w(j + 1)) {
                        j += 1;
                    }
                    return Some((j, EntityLabel::Date));
                }
                // A year after "in", "since", "by", "from", "of", "until".
                let before = if i > 0 { l(i - 1) } else { Cow::Borrowed("") };
                if is_year(w(i))
                    && matches!(
                        before.as_ref(),
                        "in" | "since" | "by" | "from" | "until" | "of" | "early" | "late" | "mid"
                    )
                {
                    return Some((i, EntityLabel::Date));
                }
            }
            // "Nov 24", "Sept. 11, 2001", "March 2004".
            if MONTHS.contains(&li.as_ref())
                && toks[i]
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                // "Sept. 11": the abbreviation's dot.
                let k = if w(i + 1) == "." && glued(i) {
                    i + 2
                } else {
                    i + 1
                };
                if is_number(w(k)) && w(k).len() <= 2 {
                    let mut j = k;
                    if w(j + 1) == "," && is_year(w(j + 2)) {
                        j += 2;
                    } else if is_year(w(j + 1)) {
                        j += 1;
                    }
                    return Some((j, EntityLabel::Date));
                }
                if is_year(w(k)) {
                    return Some((k, EntityLabel::Date));
                }
                return None;
            }
            if WEEKDAYS.contains(&li.as_ref())
                && toks[i]
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            {
                return Some((i, EntityLabel::Date));
            }
            if matches!(li.as_ref(), "noon" | "midnight") {
                return Some((i, EntityLabel::Time));
            }
            None
        })();
        match found {
            Some((end, label)) => {
                out.push(Entity {
                    range: TextRange::new(toks[i].start(), toks[end].end()),
                    label,
                });
                i = end + 1;
            }
            None => i += 1,
        }
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// Adds `extra` entities that do not overlap `base`, keeping text order.
#[must_use]
pub fn merge(mut base: Vec<Entity>, extra: Vec<Entity>) -> Vec<Entity> {
    base.sort_by_key(|e| e.range.start());
    let mut kept = Vec::with_capacity(extra.len());
    for e in extra {
        // Base entities are sorted and disjoint: only the one before the end can overlap.
        let k = base.partition_point(|b| b.range.start() < e.range.end());
        if k == 0 || !base[k - 1].range.overlaps(e.range) {
            kept.push(e);
        }
    }
    base.extend(kept);
    base.sort_by_key(|e| e.range.start());
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_check_knows_every_listed_word() {
        for w in NUMBER_WORDS.iter().chain(MONTHS).chain(WEEKDAYS) {
            assert!(
                b"adefhjmnostuw".contains(&w.as_bytes()[0]),
                "first letter of {w}"
            );
            assert!(starts_something(w), "{w}");
            assert!(starts_something(&w.to_uppercase()), "{w}");
        }
        for w in ["noon", "Midnight", "US$", "Sept."] {
            assert!(starts_something(w), "{w}");
        }
        assert!(!starts_something("said") && !starts_something("Décembre"));
        assert!(!may_start(b'b') && !may_start(b'(') && may_start(b'N'));
    }
    use crate::ner::tagger::ner_tokens;
    use crate::paragraphs::paragraphs;
    use crate::sentences::sentences;
    use crate::tokens::tokenize;

    fn found(text: &str) -> Vec<(&str, &'static str)> {
        let toks = tokenize(text);
        let sents = sentences(text, &paragraphs(text), &toks);
        let ntoks = ner_tokens(text, &toks);
        numeric_entities(text, &sents, &ntoks)
            .iter()
            .map(|e| (e.range.slice(text), e.label.as_str()))
            .collect()
    }

    #[test]
    fn percentages_and_money() {
        assert_eq!(
            found("Unemployment is 51 percent, up 3.5% or two percentage points, costing $10 trillion."),
            [("51 percent", "PERCENT"), ("3.5%", "PERCENT"), ("two percentage points", "PERCENT"), ("$10 trillion", "MONEY")]
        );
        assert_eq!(
            found("They paid 40 million euros and £3.5 m."),
            [("40 million euros", "MONEY"), ("£3.5 m", "MONEY")]
        );
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            found("In Vientiane on Nov 24, after the Sept. 11, 2001 attacks and in 2004, at 3:15 a.m. on Monday."),
            [("Nov 24", "DATE"), ("Sept. 11, 2001", "DATE"), ("2004", "DATE"), ("3:15 a.m.", "TIME"), ("Monday", "DATE")]
        );
        assert_eq!(found("LONDON 1996-08-30"), [("1996-08-30", "DATE")]);
        assert_eq!(
            found("On 24 November 2016 at noon."),
            [("24 November 2016", "DATE"), ("noon", "TIME")]
        );
    }

    #[test]
    fn plain_numbers_and_may_are_not_dates() {
        assert!(found("He may win 3 seats with 2004 votes.").is_empty());
    }
}
