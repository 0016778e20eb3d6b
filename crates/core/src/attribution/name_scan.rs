//! The one walk over a capitalised name ("Maj. Gen. Somkeo Sylavong",
//! "Osama bin Laden", "Donald J. Trump"), shared by the speaker phrases next
//! to a cue and by speaker resolution's list of names in the text.

use super::doc::Doc;
use super::lexicon::{
    first_name_gender, is_discourse_adverb, is_name_particle, is_org_word, is_role_word, is_title,
    pronoun_gender, title_gender, Gender,
};
use super::phrases::{is_acronym_word, is_clause_word};
use crate::span::TokenSpan;

/// Whether a name may run on over a hyphen or apostrophe glued to two
/// capitals ("Al-Sisi", "O’Neill").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joined {
    /// "Al-Sisi" is one name (a speaker phrase next to a cue).
    Keep,
    /// The walk stops at the hyphen (names listed across the whole text,
    /// where "R-Ga." and "Al-" fragments would otherwise compete with the
    /// names pronouns resolve to).
    Split,
}

/// What the walk found from its first token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameScan {
    /// The whole phrase, titles and a final initial's dot included; `None`
    /// when not even a title starts at the first token.
    pub phrase: Option<TokenSpan>,
    /// First to last name word as written (titles before it and a final dot
    /// left out); `None` when the phrase is titles only ("Prime Minister").
    pub name: Option<TokenSpan>,
    /// Gender shown by a title ("Mrs", "Sir").
    pub gender: Gender,
    /// Whether a title comes first.
    pub has_title: bool,
}

/// Capitalised words that open sentences and never a name: conjunctions,
/// prepositions, sentence adverbs, pronouns, question words (not an
/// acronym in capitals: "the WHO").
fn never_starts_a_name(doc: &Doc, j: usize) -> bool {
    let lower = doc.low(j);
    if is_acronym_word(doc.s(j)) {
        return false;
    }
    is_clause_word(lower)
        || is_discourse_adverb(lower)
        || pronoun_gender(lower).is_some()
        || matches!(
            lower,
            "what" | "why" | "how" | "where" | "whether" | "whose" | "this" | "these" | "those"
        )
        // A question's auxiliary: "Should Mr. Clarke …", "Did Smith …".
        || matches!(
            lower,
            "should" | "would" | "could" | "will" | "can" | "may" | "might" | "must" | "shall"
                | "does" | "did" | "do" | "is" | "are" | "was" | "were" | "has" | "have" | "had"
        )
}

/// Walks the name starting at token `i`, before `end`: titles first, then
/// capitalised name words, particles ("bin", "van") before a capital,
/// initials' dots; it stops at a role word after the name ("Sylavong
/// Minister"), a lowercase word or punctuation.
pub(crate) fn scan_name(doc: &Doc, i: usize, end: usize, joined: Joined) -> NameScan {
    let mut scan = NameScan {
        phrase: None,
        name: None,
        gender: Gender::Unknown,
        has_title: false,
    };
    let mut j = i;
    let extend = |name: &mut Option<TokenSpan>, j: usize| {
        *name = Some(name.map_or(TokenSpan::one(j), |n| n.with_last(j)));
    };
    while j < end {
        let in_name = scan.name.is_some();
        if !in_name && title_at(doc, j) {
            scan.has_title = true;
            let g = title_gender(doc.low(j));
            if g != Gender::Unknown {
                scan.gender = g;
            }
        } else if doc.is_cap(j) {
            // "Italian Prime Minister Matteo Renzi", "German Chancellor
            // Angela Merkel": words before a title and a name describe the
            // name; the name starts after the titles.
            if in_name && title_at(doc, j) && name_after_titles(doc, j, end) {
                scan.name = None;
                continue;
            }
            // A role word after the name ends it ("Somkeo Sylavong Minister
            // of …"), unless the name ends there: "Charlie King, a …"; and
            // one before another name was the name's employer or office
            // ("NYPD Commissioner James O'Neill", "Senate Minority Leader
            // Harry Reid").
            if in_name && is_role_word(doc.low(j)) && (j + 1 < end && doc.is_word(j + 1)) {
                if let Some(name) = name_after_offices(doc, j, end) {
                    scan.name = None;
                    j = name;
                    continue;
                }
                break;
            }
            if !in_name && !scan.has_title && never_starts_a_name(doc, j) {
                break; // "But Fowler", "Meanwhile Trump", "In Geneva"
            }
            extend(&mut scan.name, j);
        } else if in_name && j + 1 < end && is_name_particle(doc.low(j)) && doc.is_cap(j + 1) {
            extend(&mut scan.name, j);
            j += 1;
            continue;
        } else if let Some(name) = (in_name && joined == Joined::Keep)
            .then(|| capital_after_role_nouns(doc, j, end))
            .flatten()
            .filter(|&name| !never_starts_a_name(doc, name))
        {
            // "MSNBC host Chris Matthews said": the speaker is the person,
            // the words before the role noun say where they work.
            scan.name = None;
            j = name;
            continue;
        } else if in_name && joined == Joined::Keep && joins_capitals(doc, j, end) {
            j += 1;
            continue;
        } else {
            break;
        }
        j += 1;
        if j < end && abbreviation_dot(doc, j) {
            j += 1;
        }
    }
    scan.phrase = (j > i).then(|| TokenSpan::new(i, j - 1));
    // "Mr. King", "Dr. Bishop": after an honorific, a last word that could
    // be a title is the surname.
    if scan.name.is_none() && j > i + 1 && is_honorific(doc.low(i)) {
        let last = (i + 1..j).rev().find(|&k| doc.is_cap(k));
        scan.name = last.filter(|&k| k > i).map(TokenSpan::one);
    }
    scan
}

/// Titles that stand only before a person's name.
pub(crate) fn is_honorific(lower: &str) -> bool {
    matches!(lower, "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame")
}

/// The capitalised word right after up to four lowercase words ending in
/// a role noun, starting at token `j` ("spokesman Tom", "campaign manager
/// Robby", "conservative talk radio host Rush"), before `end`.
pub(crate) fn capital_after_role_nouns(doc: &Doc, j: usize, end: usize) -> Option<usize> {
    // The lowercase words (hyphenated ones too: "vice-presidential
    // nominee"), the last of which must be the role noun.
    let (mut k, mut words, mut last) = (j, 0, None);
    while k < end && words < MAX_ROLE_WORDS {
        if doc.is_word(k) && !doc.is_cap(k) {
            last = Some(k);
            words += 1;
        } else if !(last.is_some() && doc.is(k, "-") && glued3(doc, k)) {
            break;
        }
        k += 1;
    }
    last.filter(|&r| r + 1 == k && is_role_word(doc.low(r)))?;
    (k < end && doc.is_cap(k)).then_some(k)
}

/// Most lowercase words before a name that say what the person does.
const MAX_ROLE_WORDS: usize = 4;

/// The first word of a person's name after the capitalised role and title
/// words starting at token `j` ("Commissioner James", "Minority Leader
/// Harry"), if one follows them.
fn name_after_offices(doc: &Doc, mut j: usize, end: usize) -> Option<usize> {
    let office = |k: usize| {
        doc.is_cap(k) && (is_role_word(doc.low(k)) || is_title(doc.low(k)))
            || abbreviation_dot(doc, k)
    };
    while j < end && office(j) {
        j += 1;
    }
    // "Chief of Staff Rahm Emanuel", "Secretary of Homeland Security Jeh
    // Johnson": the office's complement, up to the last two capitals.
    if j + 1 < end && doc.low(j) == "of" && doc.is_cap(j + 1) {
        j = name_after_complement(doc, j + 1, end)?;
    }
    (j < end && doc.is_cap(j) && !never_starts_a_name(doc, j) && !is_org_word(doc.low(j)))
        .then_some(j)
}

/// The first name word after the capitalised complement of an office
/// starting at token `j` ("Staff Rahm Emanuel" → "Rahm"): complement words
/// are skipped while two capitals are left after them and the word is no
/// first name ("State John Kerry" → "John"); `None` when no complement is
/// followed by a name of two words or more ("Manager of X").
fn name_after_complement(doc: &Doc, mut j: usize, end: usize) -> Option<usize> {
    let run_end = (j..end).find(|&k| !doc.is_cap(k)).unwrap_or(end);
    let start = j;
    while run_end - j > 2 && first_name_gender(doc.low(j)) == Gender::Unknown {
        j += 1;
    }
    (j > start && run_end - j >= 2).then_some(j)
}

/// Whether a capitalised word that is no title follows the titles starting
/// at token `j` (and their dots).
fn name_after_titles(doc: &Doc, mut j: usize, end: usize) -> bool {
    while j < end && (title_at(doc, j) || abbreviation_dot(doc, j)) {
        j += 1;
    }
    j < end && doc.is_cap(j) && !never_starts_a_name(doc, j)
}

/// Whether token `j` is a hyphen or apostrophe glued between a name word
/// and a capital ("Al-Sisi", "O’Neill").
fn joins_capitals(doc: &Doc, j: usize, end: usize) -> bool {
    j + 1 < end && matches!(doc.s(j), "-" | "’" | "'") && glued3(doc, j) && doc.is_cap(j + 1)
}

/// Whether token `i` is a capitalised title ("Dr", "Minister").
pub(crate) fn title_at(doc: &Doc, i: usize) -> bool {
    doc.is_cap(i) && is_title(doc.low(i))
}

/// Whether token `i` is a dot glued to a title, an initial or dotted
/// capitals ("U.S. Senator Jeff Sessions", "F.B.I. Director").
pub(crate) fn abbreviation_dot(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.is(i, ".")
        && doc.toks[i - 1].range.end() == doc.toks[i].range.start()
        && (title_at(doc, i - 1)
            || (doc.is_cap(i - 1) && doc.s(i - 1).chars().count() == 1)
            || is_dotted_capitals(doc.s(i - 1)))
}

/// "U.S", "D.C", "F.B.I": capitals joined by dots (the last dot is a token
/// of its own).
fn is_dotted_capitals(w: &str) -> bool {
    w.contains('.') && w.chars().all(|c| c == '.' || c.is_ascii_uppercase())
}

/// Whether token `h` is a hyphen inside a word ("front-runner",
/// "46-year-old"): a "-" glued to both neighbours.
pub(crate) fn inner_hyphen(doc: &Doc, h: usize) -> bool {
    doc.s(h) == "-" && glued3(doc, h)
}

/// Whether token `j` is glued to both neighbours.
pub(crate) fn glued3(doc: &Doc, j: usize) -> bool {
    j > 0
        && j + 1 < doc.len()
        && doc.toks[j - 1].range.end() == doc.toks[j].range.start()
        && doc.toks[j].range.end() == doc.toks[j + 1].range.start()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// The name and whole phrase found at the first token, as text.
    fn scan(text: &str, joined: Joined) -> (String, String, Gender) {
        let toks = tokenize(text);
        let sentences = [crate::span::TextRange::new(0, text.len())];
        let doc = Doc::new(text, &toks, &sentences, &sentences);
        let s = scan_name(&doc, 0, doc.len(), joined);
        let show = |t: Option<TokenSpan>| {
            t.map_or(String::new(), |t| doc.range_of(t).slice(text).to_owned())
        };
        (show(s.name), show(s.phrase), s.gender)
    }

    #[test]
    fn titles_initials_and_particles() {
        let (name, phrase, gender) = scan("Mrs. Jane Q. Doe said", Joined::Keep);
        assert_eq!(
            (name.as_str(), phrase.as_str(), gender),
            ("Jane Q. Doe", "Mrs. Jane Q. Doe", Gender::Female)
        );
        assert_eq!(scan("Dr. J. said", Joined::Keep).1, "Dr. J.");
        let (name, phrase, _) = scan("U.S. Senator Jeff Sessions said", Joined::Keep);
        assert_eq!(
            (name.as_str(), phrase.as_str()),
            ("Jeff Sessions", "U.S. Senator Jeff Sessions")
        );
        let (name, phrase, _) = scan("Italian Prime Minister Matteo Renzi said", Joined::Keep);
        assert_eq!(
            (name.as_str(), phrase.as_str()),
            ("Matteo Renzi", "Italian Prime Minister Matteo Renzi")
        );
    }

    /// (text, hyphens, the name found at its first word)
    const NAMES: &[(&str, Joined, &str)] = &[
        ("Osama bin Laden said", Joined::Split, "Osama bin Laden"),
        // A role word after the name ends it …
        (
            "Somkeo Sylavong Minister of",
            Joined::Keep,
            "Somkeo Sylavong",
        ),
        // … unless the name ends there.
        ("Charlie King, a Democrat", Joined::Keep, "Charlie King"),
        // Words before a title and a name describe the name.
        (
            "German Chancellor Angela Merkel told",
            Joined::Keep,
            "Angela Merkel",
        ),
        // An employer and a role noun before a name (next to a cue only).
        (
            "MSNBC host Chris Matthews said",
            Joined::Keep,
            "Chris Matthews",
        ),
        ("MSNBC host Chris Matthews", Joined::Split, "MSNBC"),
        (
            "IMF chief economist Maury Obstfeld said",
            Joined::Keep,
            "Maury Obstfeld",
        ),
        (
            "NYPD Commissioner James O'Neill told",
            Joined::Keep,
            "James O'Neill",
        ),
        (
            "Senate Minority Leader Harry Reid said",
            Joined::Keep,
            "Harry Reid",
        ),
        (
            "Republican vice-presidential nominee Mike Pence said",
            Joined::Keep,
            "Mike Pence",
        ),
        // After an honorific, a word that could be a title is the surname.
        ("Mr. King added", Joined::Keep, "King"),
    ];

    #[test]
    fn names_found() {
        for &(text, joined, want) in NAMES {
            assert_eq!(scan(text, joined).0, want, "{text}");
        }
    }

    #[test]
    fn hyphens_join_only_when_asked() {
        assert_eq!(scan("Abdel Fattah al-Sisi", Joined::Keep).0, "Abdel Fattah");
        assert_eq!(scan("Al-Sisi said", Joined::Keep).0, "Al-Sisi");
        assert_eq!(scan("Al-Sisi said", Joined::Split).0, "Al");
    }

    #[test]
    fn titles_only_is_a_phrase_without_a_name() {
        let (name, phrase, _) = scan("Prime Minister said", Joined::Keep);
        assert_eq!((name.as_str(), phrase.as_str()), ("", "Prime Minister"));
        assert_eq!(
            scan("said Jane", Joined::Keep),
            (String::new(), String::new(), Gender::Unknown)
        );
    }
}
