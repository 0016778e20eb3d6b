//! Word lists: reporting verbs (as lemmas with their forms and roles),
//! titles, role and organisation words, pronouns, time words and the small
//! words around speaker phrases.
//!
//! The lists are data — plain text files in `crates/core/data/lexicon/`, one
//! source of truth per class — parsed once, on first use. All entries are
//! lowercase; look-ups lowercase the token first.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::cue_class::CueClass;

/// A speaker's grammatical gender, when the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Gender {
    /// "he", "Mr".
    Male,
    /// "she", "Ms", "Mrs".
    Female,
    /// Not known.
    Unknown,
}

/// What a reporting verb's form does (a column of `reporting_verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbRole {
    /// Reports speech wherever it stands ("…,” she said").
    Speech,
    /// Introduces reported speech without marks ("X said (that) …").
    Indirect,
    /// Reports a finding or belief, only with "that" after it.
    That,
    /// Characterises someone's words: a mixed-quote cue ("called it “…”").
    Characterise,
}

impl VerbRole {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "speech" => Self::Speech,
            "indirect" => Self::Indirect,
            "that" => Self::That,
            "characterise" => Self::Characterise,
            _ => return None,
        })
    }
}

/// One row of `reporting_verbs.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportingVerb {
    /// The lemma ("say").
    pub lemma: &'static str,
    /// The forms the engine knows ("say says said saying").
    pub forms: Vec<&'static str>,
    /// Each role with the forms that play it.
    pub roles: Vec<(VerbRole, Vec<&'static str>)>,
    /// Regular forms deliberately not listed (mostly nouns in news).
    pub left_out: Vec<&'static str>,
}

// The files of `data/lexicon`, their comment lines left out at build time
// (`build.rs`).
const REPORTING_VERBS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/lexicon/reporting_verbs.tsv"));
const TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/titles.tsv"));
const PRONOUNS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/pronouns.tsv"));
const ROLE_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/role_words.txt"));
const ORG_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/organisation_words.txt"));
const NAME_PARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/name_particles.txt"));
const TIME_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/time_words.txt"));
const DURATION_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/duration_words.txt"));
const DISCOURSE_ADVERBS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/lexicon/discourse_adverbs.txt"));
const DETERMINERS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/determiners.txt"));
const CUE_MODIFIERS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/cue_modifiers.txt"));
const CUE_CLASSES: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/cue_classes.tsv"));
const DOCUMENT_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon/document_words.txt"));
const FIRST_NAME_GENDERS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/lexicon/first_name_genders.tsv"));

/// The rows of a data file: comments ("#" to the line end) and blank lines
/// dropped, columns split at tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim_end())
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The words of a one-column list.
fn word_set(data: &'static str) -> HashSet<&'static str> {
    rows(data).map(|r| r[0]).collect()
}

/// Words with an optional gender column ("male", "female").
fn gendered(data: &'static str) -> HashMap<&'static str, Gender> {
    rows(data)
        .map(|r| {
            let g = match r.get(1).copied() {
                Some("male") => Gender::Male,
                Some("female") => Gender::Female,
                _ => Gender::Unknown,
            };
            (r[0], g)
        })
        .collect()
}

/// The reporting verbs, as written in `reporting_verbs.tsv`.
#[must_use]
pub fn reporting_verbs() -> Vec<ReportingVerb> {
    rows(REPORTING_VERBS)
        .map(|r| {
            let forms: Vec<&str> = r.get(1).map_or(Vec::new(), |f| f.split(' ').collect());
            let roles = r
                .get(2)
                .map_or("", |x| x)
                .split(' ')
                .filter_map(|role| {
                    let (name, only) = role.split_once(':').unwrap_or((role, ""));
                    let which = if only.is_empty() {
                        forms.clone()
                    } else {
                        only.split(',').collect()
                    };
                    VerbRole::parse(name).map(|v| (v, which))
                })
                .collect();
            let left_out = r.get(3).map_or(Vec::new(), |f| f.split(' ').collect());
            ReportingVerb {
                lemma: r[0],
                forms,
                roles,
                left_out,
            }
        })
        .collect()
}

/// Every list, parsed once.
struct Lexicon {
    verbs: HashMap<&'static str, [bool; 4]>,
    titles: HashMap<&'static str, Gender>,
    pronouns: HashMap<&'static str, Gender>,
    role_words: HashSet<&'static str>,
    org_words: HashSet<&'static str>,
    name_particles: HashSet<&'static str>,
    time_words: HashSet<&'static str>,
    duration_words: HashSet<&'static str>,
    discourse_adverbs: HashSet<&'static str>,
    determiners: HashSet<&'static str>,
    cue_modifiers: HashSet<&'static str>,
    cue_classes: HashMap<&'static str, CueClass>,
    document_words: HashSet<&'static str>,
    first_names: HashMap<&'static str, Gender>,
}

/// Every form of every reporting verb with its lemma's class (from
/// `cue_classes.tsv`; lemmas not listed report speech).
fn cue_classes() -> HashMap<&'static str, CueClass> {
    let by_lemma: HashMap<&'static str, CueClass> = rows(CUE_CLASSES)
        .filter_map(|r| Some((r[0], CueClass::parse(r.get(1)?)?)))
        .collect();
    let mut out = HashMap::default();
    for v in reporting_verbs() {
        let class = by_lemma.get(v.lemma).copied().unwrap_or_default();
        for f in v.forms.iter().chain(std::iter::once(&v.lemma)) {
            out.insert(*f, class);
        }
    }
    out
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs: HashMap<&'static str, [bool; 4]> = HashMap::default();
        for v in reporting_verbs() {
            for (role, forms) in v.roles {
                for f in forms {
                    verbs.entry(f).or_default()[role as usize] = true;
                }
            }
        }
        Lexicon {
            verbs,
            titles: gendered(TITLES),
            pronouns: gendered(PRONOUNS),
            role_words: word_set(ROLE_WORDS),
            org_words: word_set(ORG_WORDS),
            name_particles: word_set(NAME_PARTICLES),
            time_words: word_set(TIME_WORDS),
            duration_words: word_set(DURATION_WORDS),
            discourse_adverbs: word_set(DISCOURSE_ADVERBS),
            determiners: word_set(DETERMINERS),
            cue_modifiers: word_set(CUE_MODIFIERS),
            cue_classes: cue_classes(),
            document_words: word_set(DOCUMENT_WORDS),
            first_names: gendered(FIRST_NAME_GENDERS),
        }
    })
}

fn verb_has(lower: &str, role: VerbRole) -> bool {
    lexicon()
        .verbs
        .get(lower)
        .is_some_and(|roles| roles[role as usize])
}

/// `pub fn $name(lower) -> bool`: whether a lowercase word is in a list.
macro_rules! lookup {
    ($($(#[doc = $doc:literal])+ $name:ident => |$w:ident| $test:expr;)*) => {$(
        $(#[doc = $doc])+
        #[must_use]
        pub fn $name($w: &str) -> bool {
            $test
        }
    )*};
}

lookup! {
    /// Whether a lowercase word is a reporting verb form.
    is_cue_verb => |lower| verb_has(lower, VerbRole::Speech);
    /// Whether a lowercase word can introduce an indirect quote.
    is_indirect_cue => |lower| verb_has(lower, VerbRole::Indirect);
    /// Whether a lowercase word characterises someone's words (a mixed-quote cue).
    is_characterising_cue => |lower| verb_has(lower, VerbRole::Characterise);
    /// Whether a lowercase word reports a finding or belief when "that" follows.
    is_that_cue => |lower| verb_has(lower, VerbRole::That);
    /// Whether a lowercase word (without its dot) is a title before names.
    is_title => |lower| lexicon().titles.contains_key(lower);
    /// Whether a lowercase word names a role or office.
    is_role_word => |lower| lexicon().role_words.contains(lower);
    /// Whether a lowercase word marks an organisation name.
    is_org_word => |lower| lexicon().org_words.contains(lower);
    /// Lowercase words that may stand inside a name ("bin", "van", "al").
    is_name_particle => |lower| lexicon().name_particles.contains(lower);
    /// Days, months and other time words that are capitalised but never speak.
    is_time_word => |lower| lexicon().time_words.contains(lower);
    /// Words of a span of time before "ago" ("less than two weeks").
    is_duration_word => |lower| lexicon().duration_words.contains(lower);
    /// Sentence adverbs that are capitalised at a sentence start but never a
    /// speaker ("Meanwhile, it said …").
    is_discourse_adverb => |lower| lexicon().discourse_adverbs.contains(lower);
    /// Words that begin a nominal speaker ("the spokesman", "a source").
    is_determiner => |lower| lexicon().determiners.contains(lower);
    /// Adverbs and auxiliaries that may sit between a speaker and the cue
    /// ("he also said", "she has repeatedly said").
    is_cue_modifier => |lower| lexicon().cue_modifiers.contains(lower);
    /// Whether a lowercase word names a document or study ("report", "survey").
    is_document_word => |lower| lexicon().document_words.contains(lower);
}

/// The class of a lowercase reporting-verb form ("urged" → stance), or
/// `None` when the word is not one.
#[must_use]
pub fn cue_class_of_word(lower: &str) -> Option<CueClass> {
    lexicon().cue_classes.get(lower).copied()
}

/// The gender a lowercase first name usually shows ("jennifer" female), from
/// the US Census name lists (`first_name_genders.tsv`); used only to match
/// "he" and "she" with the people named before them.
#[must_use]
pub fn first_name_gender(lower: &str) -> Gender {
    lexicon()
        .first_names
        .get(lower)
        .copied()
        .unwrap_or(Gender::Unknown)
}

/// The gender a title shows ("Mr" male, "Ms" female), if any.
#[must_use]
pub fn title_gender(lower: &str) -> Gender {
    lexicon()
        .titles
        .get(lower)
        .copied()
        .unwrap_or(Gender::Unknown)
}

/// The gender of a speaker pronoun, or `None` when the word is not one.
#[must_use]
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    lexicon().pronouns.get(lower).copied()
}

/// Number of extra tokens that complete a multi-word cue starting with
/// `first` given the `next` lowercase words ("pointed out", "according to",
/// "went on to say", "put it"), or `None`.
#[must_use]
pub fn cue_phrase_len(first: &str, next: &[&str]) -> Option<usize> {
    let n = |i: usize| next.get(i).copied().unwrap_or("");
    match first {
        "pointed" | "points" | "pointing" | "point" if n(0) == "out" => Some(1),
        "according" if n(0) == "to" => Some(1),
        // "as Ms. Simonyan put it, “…”"
        "put" | "puts" if n(0) == "it" => Some(1),
        "went" | "goes" | "go" if n(0) == "on" => Some(1),
        "spoke" | "speaks" if n(0) == "of" || n(0) == "about" => Some(1),
        "made" if n(0) == "clear" => Some(1),
        "in" if n(0) == "a"
            && matches!(
                n(1),
                "statement" | "tweet" | "post" | "letter" | "interview" | "release" | "speech"
            ) =>
        {
            Some(2)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regular -s, -ed and -ing spellings of a lemma.
    fn regular(lemma: &str) -> [Vec<String>; 3] {
        let stem = &lemma[..lemma.len() - 1];
        let last = &lemma[lemma.len() - 1..];
        [
            vec![
                format!("{lemma}s"),
                format!("{lemma}es"),
                format!("{stem}ies"),
            ],
            vec![
                format!("{lemma}ed"),
                format!("{lemma}d"),
                format!("{stem}ied"),
                format!("{lemma}{last}ed"),
            ],
            vec![
                format!("{lemma}ing"),
                format!("{stem}ing"),
                format!("{lemma}{last}ing"),
            ],
        ]
    }

    #[test]
    fn every_classed_lemma_is_a_reporting_verb_with_a_known_class() {
        let lemmas: HashSet<&str> = reporting_verbs().iter().map(|v| v.lemma).collect();
        for r in rows(CUE_CLASSES) {
            assert!(
                lemmas.contains(r[0]),
                "{} is not in reporting_verbs.tsv",
                r[0]
            );
            assert!(
                r.get(1).and_then(|c| CueClass::parse(c)).is_some(),
                "{}: unknown class {:?}",
                r[0],
                r.get(1)
            );
        }
        assert_eq!(cue_class_of_word("urged"), Some(CueClass::Stance));
        assert_eq!(cue_class_of_word("said"), Some(CueClass::Speech));
        assert_eq!(cue_class_of_word("table"), None);
    }

    #[test]
    fn every_reporting_verb_lists_or_leaves_out_its_forms() {
        let mut seen = HashSet::default();
        let mut problems = Vec::new();
        for v in reporting_verbs() {
            let known: Vec<&str> = v.forms.iter().chain(&v.left_out).copied().collect();
            let [s, ed, ing] = regular(v.lemma);
            let is = |f: &str, spellings: &[String]| spellings.iter().any(|x| x == f);
            let irregular: Vec<&str> = v
                .forms
                .iter()
                .copied()
                .filter(|&f| f != v.lemma && !is(f, &s) && !is(f, &ed) && !is(f, &ing))
                .collect();
            if irregular.len() > 2 {
                problems.push(format!(
                    "{}: forms not of this lemma: {irregular:?}",
                    v.lemma
                ));
            }
            let has = |spellings: &[String]| known.iter().any(|f| is(f, spellings));
            let past = has(&ed) || !irregular.is_empty();
            if !known.contains(&v.lemma) || !has(&s) || !past || !has(&ing) {
                problems.push(format!(
                    "{}: neither lists nor leaves out all of its forms ({known:?})",
                    v.lemma
                ));
            }
            for (role, forms) in &v.roles {
                for f in forms.iter().filter(|f| !v.forms.contains(f)) {
                    problems.push(format!(
                        "{}: {role:?} form {f:?} is not among its forms",
                        v.lemma
                    ));
                }
            }
            for f in &v.forms {
                if !seen.insert(*f) {
                    problems.push(format!("{f:?} is listed under two lemmas"));
                }
            }
            if v.roles.is_empty() {
                problems.push(format!("{}: no role", v.lemma));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn word_lists_have_no_duplicates_or_capitals() {
        for data in [
            TITLES,
            PRONOUNS,
            ROLE_WORDS,
            ORG_WORDS,
            NAME_PARTICLES,
            TIME_WORDS,
            DURATION_WORDS,
            DISCOURSE_ADVERBS,
            DETERMINERS,
            CUE_MODIFIERS,
        ] {
            let words: Vec<&str> = rows(data).map(|r| r[0]).collect();
            let unique: HashSet<&str> = words.iter().copied().collect();
            assert_eq!(unique.len(), words.len(), "a word is listed twice");
            assert!(
                words.iter().all(|w| w.to_lowercase() == *w),
                "lists are lowercase"
            );
        }
    }

    #[test]
    fn lookups() {
        assert!(is_cue_verb("said") && is_cue_verb("tweeted") && !is_cue_verb("state"));
        assert!(is_indirect_cue("told") && !is_indirect_cue("wondered"));
        assert!(is_title("maj") && is_title("ms") && !is_title("kaori"));
        assert!(is_role_word("counsellor") && is_org_word("embassy"));
        assert_eq!(pronoun_gender("she"), Some(Gender::Female));
        assert_eq!(pronoun_gender("him"), None);
        assert_eq!(title_gender("mr"), Gender::Male);
        assert_eq!(cue_phrase_len("pointed", &["out", "that"]), Some(1));
        assert_eq!(cue_phrase_len("in", &["a", "statement"]), Some(2));
        assert_eq!(cue_phrase_len("in", &["a", "car"]), None);
    }
}
