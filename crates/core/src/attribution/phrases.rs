//! Speaker phrases next to a cue: names ("Maj. Gen. Somkeo Sylavong"),
//! pronouns ("she") and nominals ("a senior official").

use super::doc::Doc;
use super::lexicon::{
    is_cue_modifier, is_cue_verb, is_determiner, is_discourse_adverb, is_name_particle,
    is_org_word, is_role_word, is_time_word, pronoun_gender, title_gender, Gender,
};
use super::name_scan::{
    abbreviation_dot, capital_after_role_nouns, glued3, inner_hyphen, scan_name, Joined,
};
use crate::span::TokenSpan;
use crate::tokens::TokenKind;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with titles.
    Name,
    /// A personal pronoun.
    Pronoun,
    /// A common-noun phrase ("the spokesman", "officials").
    Nominal,
    /// The relative pronoun "who", standing for the phrase before it.
    Relative,
}

/// A speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Its tokens.
    pub tokens: TokenSpan,
    /// Its kind.
    pub kind: MentionKind,
    /// Gender shown by a title or pronoun.
    pub gender: Gender,
}

impl Mention {
    /// A one-token mention.
    fn single(i: usize, kind: MentionKind, gender: Gender) -> Self {
        Self {
            tokens: TokenSpan::one(i),
            kind,
            gender,
        }
    }
}

/// Clause words that end a phrase.
pub(crate) fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "and"
            | "but"
            | "which"
            | "who"
            | "when"
            | "while"
            | "as"
            | "because"
            | "if"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "about"
            | "after"
            | "before"
            | "than"
            | "or"
            | "not"
            | "so"
            | "where"
            | "whom"
            | "whose"
    )
}

/// Bare plural or collective nouns that are speakers on their own.
fn is_bare_speaker_noun(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "sources"
            | "experts"
            | "analysts"
            | "police"
            | "authorities"
            | "critics"
            | "residents"
            | "witnesses"
            | "prosecutors"
            | "investigators"
            | "researchers"
            | "scientists"
            | "doctors"
            | "economists"
            | "aides"
            | "advisers"
            | "advisors"
            | "lawmakers"
            | "democrats"
            | "republicans"
            | "supporters"
            | "opponents"
            | "organizers"
            | "organisers"
            | "activists"
            | "voters"
            | "people"
            | "observers"
            | "diplomats"
            | "spokesmen"
            | "protesters"
            | "members"
            | "leaders"
            | "staff"
    )
}

/// The gender of a speaker pronoun, also contracted with its verb ("he's",
/// "they’re", "I've": one token); `None` when the word is not one.
fn subject_pronoun_gender(low: &str) -> Option<Gender> {
    pronoun_gender(pronoun_stem(low))
}

/// A pronoun without the verb contracted onto it ("he's" → "he", "we’ve"
/// → "we"); any other word unchanged.
#[must_use]
pub fn pronoun_stem(low: &str) -> &str {
    match low.split_once(['\'', '’']) {
        Some((stem, rest)) if !rest.is_empty() && pronoun_gender(stem).is_some() => stem,
        _ => low,
    }
}

/// The phrase starting at token `i` (right of a cue), within `i..end`.
pub fn np_right(doc: &Doc, i: usize, end: usize) -> Option<Mention> {
    if i >= end {
        return None;
    }
    let low = doc.low(i);
    if let Some(gender) = subject_pronoun_gender(low) {
        return Some(Mention::single(i, MentionKind::Pronoun, gender));
    }
    // "The mayor insists …": a capitalised determiner opening the
    // sentence starts a common noun phrase, not a name.
    if doc.is_cap(i) && !is_determiner(low) {
        let name = name_right(doc, i, end)?;
        return Some(role_of_possessor(doc, name, end).unwrap_or(name));
    }
    // "said spokesman Tom Reed", "said campaign manager Robby Mook": the
    // role noun is not the speaker; the name after it is.
    if let Some(name) = name_after_role_nouns(doc, i, end) {
        return Some(name);
    }
    // "“…,” the IMF said" / "said the Pentagon": a name after "the".
    if low == "the" && i + 1 < end && doc.is_cap(i + 1) {
        if let Some(name) = name_right(doc, i + 1, end).filter(|m| m.kind == MentionKind::Name) {
            // "the GOP front-runner said", "the White House spokesman said":
            // a role after the name is who speaks, the name describes it.
            // "the GOP nominee Donald Trump said" is Donald Trump.
            let after = name.tokens.last() + 1;
            // "the Russian government", "the Clinton campaign": the body the
            // name qualifies.
            let body = after < end && !doc.is_cap(after) && is_org_word(doc.low(after));
            // "the White House press secretary": a role after the body.
            let role_after_body = body.then(|| role_after(doc, after + 1, end)).flatten();
            if body && role_after_body.is_none() {
                return Some(Mention {
                    tokens: TokenSpan::new(i, after),
                    kind: MentionKind::Nominal,
                    gender: Gender::Unknown,
                });
            }
            let role = role_after(doc, after, end).or(role_after_body);
            let Some(role) = role else {
                return Some(name);
            };
            if role + 1 < end && doc.is_cap(role + 1) {
                return name_right(doc, role + 1, end).filter(|m| m.kind == MentionKind::Name);
            }
            return Some(Mention {
                tokens: TokenSpan::new(i, role),
                kind: MentionKind::Nominal,
                gender: Gender::Unknown,
            });
        }
    }
    if is_determiner(low) || is_bare_speaker_noun(low) {
        let mut j = i + 1;
        if is_bare_speaker_noun(low) {
            return Some(Mention::single(i, MentionKind::Nominal, Gender::Unknown));
        }
        // Tokens of hyphens inside the phrase, which do not count as words.
        let mut hyphens = 0;
        while j < end && j - i < 5 + hyphens && nominal_word_at(doc, i, j, end) {
            // "the two-term president", "the 46-year-old", "the
            // self-proclaimed expert": a hyphenated word is one word, its
            // later parts words of the phrase whatever they could be alone.
            while j + 2 < end && inner_hyphen(doc, j + 1) && doc.is_word(j + 2) {
                hyphens += 1;
                j += 2;
            }
            j += 1;
        }
        // "tweeted another", "said one of two witnesses": a determiner
        // that stands for its noun.
        let alone = matches!(
            low,
            "another" | "one" | "others" | "some" | "many" | "several" | "both"
        );
        if j > i + 1 || alone {
            return Some(Mention {
                tokens: TokenSpan::new(i, j.max(i + 1) - 1),
                kind: MentionKind::Nominal,
                gender: Gender::Unknown,
            });
        }
    }
    None
}

/// Whether token `j` goes on the common noun phrase opened by the
/// determiner at `i`: a word or number that is no clause word, cue or cue
/// modifier; not a verb before its object's determiner ("A state judge
/// rejected the request") nor an "-ed" verb after the noun ("The
/// conversation ended with …"; "the embattled governor" keeps its adjective).
fn nominal_word_at(doc: &Doc, i: usize, j: usize, end: usize) -> bool {
    let low = doc.low(j);
    (doc.is_word(j) || doc.toks[j].kind == TokenKind::Number)
        && (!is_clause_word(low) || is_acronym_word(doc.s(j)))
        && !is_cue_verb(low)
        && !is_cue_modifier(low)
        && !(j > i + 1 && j + 1 < end && is_determiner(doc.low(j + 1)))
        && !(j > i + 1 && low.len() > 3 && low.ends_with("ed"))
}

/// The last token of a role word at `i` (“spokesman”, “front-runner”: a
/// hyphenated word ending in a role or “runner”), if one is there.
fn role_after(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if i >= end || !doc.is_word(i) || doc.is_cap(i) {
        return None;
    }
    let last = if i + 2 < end && inner_hyphen(doc, i + 1) {
        i + 2
    } else {
        i
    };
    let word = doc.low(last);
    // "runner" (front-runner) stays out of the role lexicon: the trained
    // taggers read that lexicon, and with it there the 5-fold CV on train
    // lost 0.17 of all-track end to end.
    (is_role_word(word) || word == "runner").then_some(last)
}

/// The name right after up to four lowercase words ending in a role noun
/// ("spokesman", "campaign manager", "conservative talk radio host"),
/// starting at `i`.
fn name_after_role_nouns(doc: &Doc, i: usize, end: usize) -> Option<Mention> {
    let name = capital_after_role_nouns(doc, i, end)?;
    name_right(doc, name, end).filter(|m| m.kind == MentionKind::Name)
}

/// "Carter’s press secretary, Peter Cook", "Carter’s spokesman": after a
/// name's possessive, lowercase words ending in a role noun are who speaks
/// — the name after them (and a comma), or else the whole phrase.
fn role_of_possessor(doc: &Doc, name: Mention, end: usize) -> Option<Mention> {
    let last = name.tokens.last();
    let glued = doc.s(last).ends_with("’s") || doc.s(last).ends_with("'s");
    // The role's words start after the possessive, glued or a token of its own.
    let s = if glued { last } else { last + 1 };
    if name.kind != MentionKind::Name || !(glued || is_possessive(doc, name)) || s + 1 >= end {
        return None;
    }
    let lowercase = |k: usize| k < end && doc.is_word(k) && !doc.is_cap(k);
    let words = (s + 1..end)
        .take(MAX_ROLE_WORDS_AFTER_POSSESSIVE)
        .take_while(|&k| lowercase(k));
    let role = words.filter(|&k| is_role_word(doc.low(k))).last()?;
    if role + 1 < end && !doc.is(role + 1, ",") && doc.is_cap(role + 1) {
        return name_right(doc, role + 1, end).filter(|m| m.kind == MentionKind::Name);
    }
    if role + 2 < end && doc.is(role + 1, ",") && doc.is_cap(role + 2) {
        let after = name_right(doc, role + 2, end).filter(|m| m.kind == MentionKind::Name);
        if after.is_some() {
            return after;
        }
    }
    Some(Mention {
        tokens: TokenSpan::new(name.tokens.first(), role),
        kind: MentionKind::Nominal,
        gender: Gender::Unknown,
    })
}

/// Most lowercase words between a possessive and its role noun.
const MAX_ROLE_WORDS_AFTER_POSSESSIVE: usize = 3;

/// A capitalised name starting at `i` (see [`scan_name`]); titles alone
/// ("the Prime Minister") make a nominal.
fn name_right(doc: &Doc, i: usize, end: usize) -> Option<Mention> {
    let scan = scan_name(doc, i, end, Joined::Keep);
    let kind = if scan.name.is_some() {
        MentionKind::Name
    } else {
        MentionKind::Nominal
    };
    Some(Mention {
        tokens: scan.phrase?,
        kind,
        gender: scan.gender,
    })
}

/// Whether the mention owns what follows it ("Pence's press release",
/// "the senators' letter"): a possessive ending right after it.
pub(crate) fn is_possessive(doc: &Doc, m: Mention) -> bool {
    matches!(doc.s(m.tokens.last() + 1), "'s" | "’s" | "'" | "’")
}

/// Whether the mention is a pronoun that names no one ("It's the pull of
/// …", "You have to go back …", "This is …").
pub(crate) fn is_impersonal(doc: &Doc, m: Mention) -> bool {
    m.kind == MentionKind::Pronoun
        && matches!(doc.low(m.tokens.first()), "it" | "you" | "this" | "that")
}

/// The phrase ending at token `j` (left of a cue), not before `floor`.
pub fn np_left(doc: &Doc, j: usize, floor: usize) -> Option<Mention> {
    if j < floor {
        return None;
    }
    let low = doc.low(j);
    // "early Friday said": days and months are not speakers.
    if is_time_word(low) {
        return None;
    }
    // "Cruz himself said": the reflexive stresses the speaker before it.
    if j > floor && matches!(low, "himself" | "herself" | "themselves" | "itself") {
        return np_left(doc, j - 1, floor);
    }
    // "Sanders, meanwhile, who sits …, said": an adverb between commas
    // stands aside; the phrase before its comma speaks.
    let adverb = is_discourse_adverb(low) || (low.len() > 4 && low.ends_with("ly"));
    if adverb && !doc.is_cap(j) && j > floor + 1 && doc.is(j - 1, ",") && doc.is(j + 1, ",") {
        return np_left(doc, j - 2, floor);
    }
    // "Domestically, Trump's row …": an adverb opening the sentence is no name.
    if adverb && doc.is_cap(j) && doc.is(j + 1, ",") && (j == floor || doc.is_terminal(j - 1)) {
        return None;
    }
    if let Some(gender) = subject_pronoun_gender(low) {
        return Some(Mention::single(j, MentionKind::Pronoun, gender));
    }
    // "After saying …": a capitalised preposition or conjunction is no name
    // ("the WHO said": an acronym in capitals is).
    if is_clause_word(low) && !is_acronym_word(doc.s(j)) {
        return None;
    }
    if doc.is_cap(j) || abbreviation_dot(doc, j) {
        return Some(name_left(doc, j, floor));
    }
    if !doc.is_word(j) || is_clause_word(low) || is_cue_verb(low) {
        return None;
    }
    Some(nominal_left(doc, j, floor))
}

/// Whether `w` is a word of two or more capitals ("WHO", "IMF").
pub(crate) fn is_acronym_word(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// The name ending at token `j`, back to where it starts (capitals,
/// abbreviation dots, particles, hyphens and apostrophes inside names).
fn name_left(doc: &Doc, j: usize, floor: usize) -> Mention {
    let mut k = j;
    while k > floor {
        let p = k - 1;
        // "But Fowler said", "Meanwhile Trump said", "In Geneva Smith said":
        // a capitalised conjunction, preposition or sentence adverb is not
        // part of the name.
        let joins_name =
            (doc.is_cap(p) && !is_clause_word(doc.low(p)) && !is_discourse_adverb(doc.low(p)))
                || abbreviation_dot(doc, p)
                || (p > floor && is_name_particle(doc.low(p)) && doc.is_cap(p - 1))
                || (p > floor
                    && matches!(doc.s(p), "-" | "’" | "'")
                    && glued3(doc, p)
                    && (doc.is_cap(p - 1) || is_name_particle(doc.low(p - 1))));
        if !joins_name {
            break;
        }
        k = p;
    }
    let gender = (k..=j)
        .filter(|&t| doc.is_word(t))
        .map(|t| title_gender(doc.low(t)))
        .find(|&g| g != Gender::Unknown)
        .unwrap_or(Gender::Unknown);
    Mention {
        tokens: TokenSpan::new(k, j),
        kind: MentionKind::Name,
        gender,
    }
}

/// A common-noun phrase ending at token `j`, back to its determiner.
fn nominal_left(doc: &Doc, j: usize, floor: usize) -> Mention {
    let mut k = j;
    while k > floor && j - k < 4 {
        let mut p = k - 1;
        // "The GOP front-runner", "Some 22 percent": a hyphenated word is
        // one word, a number a word of the phrase.
        if p > floor && inner_hyphen(doc, p) {
            p -= 1;
        }
        if doc.toks[p].kind == TokenKind::Number {
            k = p;
            continue;
        }
        if !doc.is_word(p) {
            break;
        }
        let pl = doc.low(p);
        if is_clause_word(pl) || is_cue_verb(pl) || pronoun_gender(pl).is_some() {
            break;
        }
        k = p;
        if is_determiner(pl) {
            break;
        }
    }
    Mention {
        tokens: TokenSpan::new(k, j),
        kind: MentionKind::Nominal,
        gender: Gender::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraphs::paragraphs;
    use crate::sentences::sentences;
    use crate::tokens::tokenize;

    fn with_doc(text: &str, f: impl FnOnce(&Doc)) {
        let toks = tokenize(text);
        let paras = paragraphs(text);
        let sents = sentences(text, &paras, &toks);
        let doc = Doc::new(text, &toks, &sents, &paras);
        f(&doc);
    }

    fn span(doc: &Doc, m: Mention) -> String {
        doc.range_of(m.tokens).slice(doc.text).to_owned()
    }

    #[test]
    fn a_role_after_a_possessive_speaks_not_its_possessor() {
        for (t, who, kind) in [
            (
                "said Carter’s press secretary, Peter Cook.",
                "Peter Cook",
                MentionKind::Name,
            ),
            (
                "said Carter’s spokesman on Monday.",
                "Carter’s spokesman",
                MentionKind::Nominal,
            ),
            (
                "said Carter’s former deputy chief of staff.",
                "Carter’s former deputy chief",
                MentionKind::Nominal,
            ),
            ("said Carter’s office.", "Carter’s", MentionKind::Name),
        ] {
            with_doc(t, |d| {
                let m = np_right(d, 1, d.len()).unwrap();
                assert_eq!((span(d, m).as_str(), m.kind), (who, kind), "{t}");
            });
        }
    }

    #[test]
    fn names_right_of_a_cue() {
        let t = "said Maj. Gen. Somkeo told the meeting";
        with_doc(t, |d| {
            let m = np_right(d, 1, d.len()).unwrap();
            assert_eq!(span(d, m), "Maj. Gen. Somkeo");
            assert_eq!(m.kind, MentionKind::Name);
        });
        let t = "said Ms Kaori Kawarabayashi Regional Project Manager of X.";
        with_doc(t, |d| {
            let m = np_right(d, 1, d.len()).unwrap();
            assert_eq!(span(d, m), "Ms Kaori Kawarabayashi");
            assert_eq!(m.gender, Gender::Female);
        });
        with_doc("said a senior official on Monday", |d| {
            assert_eq!(
                span(d, np_right(d, 1, d.len()).unwrap()),
                "a senior official"
            );
        });
    }

    #[test]
    fn a_name_qualifying_a_body() {
        // The body a name qualifies is the phrase, not the name.
        for (t, want, kind) in [
            (
                "said the Russian government on Monday",
                "the Russian government",
                MentionKind::Nominal,
            ),
            (
                "said the Clinton campaign",
                "the Clinton campaign",
                MentionKind::Nominal,
            ),
            // A role after the body: the role's phrase, as before.
            (
                "said the White House press secretary",
                "the White House press secretary",
                MentionKind::Nominal,
            ),
        ] {
            with_doc(t, |d| {
                let m = np_right(d, 1, d.len()).unwrap();
                assert_eq!((span(d, m).as_str(), m.kind), (want, kind), "{t}");
            });
        }
    }

    #[test]
    fn phrases_left_of_a_cue() {
        with_doc("Later, Mr Vegard Holmelid said", |d| {
            assert_eq!(span(d, np_left(d, 4, 0).unwrap()), "Mr Vegard Holmelid");
        });
        with_doc("but another source said", |d| {
            assert_eq!(span(d, np_left(d, 2, 0).unwrap()), "another source");
        });
        with_doc("and she said", |d| {
            let m = np_left(d, 1, 0).unwrap();
            assert_eq!((m.kind, m.gender), (MentionKind::Pronoun, Gender::Female));
        });
        with_doc("Abdel Fattah al-Sisi said", |d| {
            assert_eq!(
                span(d, np_left(d, d.len() - 2, 0).unwrap()),
                "Abdel Fattah al-Sisi"
            );
        });
    }

    #[test]
    fn a_role_after_a_name_is_the_speaker() {
        with_doc("the GOP front-runner said", |d| {
            let m = np_right(d, 0, d.len()).unwrap();
            assert_eq!(
                (span(d, m).as_str(), m.kind),
                ("the GOP front-runner", MentionKind::Nominal)
            );
        });
        with_doc("the Florida senator said", |d| {
            assert_eq!(
                span(d, np_right(d, 0, d.len()).unwrap()),
                "the Florida senator"
            );
        });
        // A name after the role is still the speaker.
        with_doc("the GOP nominee Donald Trump said", |d| {
            let m = np_right(d, 0, d.len()).unwrap();
            assert_eq!(
                (span(d, m).as_str(), m.kind),
                ("GOP nominee Donald Trump", MentionKind::Name)
            );
        });
        with_doc("the IMF said", |d| {
            assert_eq!(span(d, np_right(d, 0, d.len()).unwrap()), "IMF");
        });
        with_doc("the two-term president will say", |d| {
            assert_eq!(
                span(d, np_right(d, 0, d.len()).unwrap()),
                "the two-term president"
            );
        });
        with_doc("the self-proclaimed expert", |d| {
            assert_eq!(
                span(d, np_right(d, 0, d.len()).unwrap()),
                "the self-proclaimed expert"
            );
        });
    }

    #[test]
    fn an_adverb_is_no_speaker() {
        // "Sanders, meanwhile, …": the phrase before the adverb's comma.
        with_doc("Sanders, meanwhile, said", |d| {
            assert_eq!(span(d, np_left(d, 2, 0).unwrap()), "Sanders");
        });
        with_doc("Domestically, Trump", |d| {
            assert!(np_left(d, 0, 0).is_none());
        });
    }

    #[test]
    fn an_ed_word_after_the_noun_ends_a_common_noun_phrase() {
        with_doc("The conversation ended with Maddow", |d| {
            assert_eq!(
                span(d, np_right(d, 0, d.len()).unwrap()),
                "The conversation"
            );
        });
        with_doc("the embattled governor", |d| {
            assert_eq!(
                span(d, np_right(d, 0, d.len()).unwrap()),
                "the embattled governor"
            );
        });
    }

    #[test]
    fn a_hyphenated_word_or_a_number_is_part_of_a_common_noun_phrase() {
        with_doc("The GOP front-runner complained", |d| {
            let m = np_left(d, d.len() - 2, 0).unwrap();
            assert_eq!(span(d, m), "The GOP front-runner");
        });
        with_doc("Some 22 percent said", |d| {
            let m = np_left(d, d.len() - 2, 0).unwrap();
            assert_eq!(
                (span(d, m).as_str(), m.kind),
                ("Some 22 percent", MentionKind::Nominal)
            );
        });
    }
}
