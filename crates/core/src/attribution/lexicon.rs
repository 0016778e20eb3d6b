//! Word lists: reporting verbs, titles, roles, pronouns.
//!
//! All entries are lowercase; look-ups lowercase the token first.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Inflected forms of verbs that report speech or writing ("said", "tells",
/// "pointed" is handled with "out" in [`cue_phrase_len`]). Forms that are
/// mostly nouns in news ("state", "report", "claims") are left out.
const CUE_VERBS: &[&str] = &[
    "reads",
    "sings",
    "sang",
    "chanted",
    "chants",
    "prayed",
    "cried",
    "screamed",
    "laughed",
    "sighed",
    "texted",
    "emailed",
    "messaged",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "advise",
    "advised",
    "advises",
    "advising",
    "agree",
    "agreed",
    "agreeing",
    "agrees",
    "allege",
    "alleged",
    "alleges",
    "alleging",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answered",
    "answering",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "believe",
    "believed",
    "believes",
    "boast",
    "boasted",
    "boasting",
    "boasts",
    "caution",
    "cautioned",
    "cautioning",
    "cautions",
    "claimed",
    "claiming",
    "commented",
    "commenting",
    "complain",
    "complained",
    "complaining",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conceding",
    "conclude",
    "concluded",
    "concludes",
    "concluding",
    "confirm",
    "confirmed",
    "confirming",
    "confirms",
    "contend",
    "contended",
    "contending",
    "contends",
    "continue",
    "continued",
    "continues",
    "continuing",
    "countered",
    "countering",
    "declare",
    "declared",
    "declares",
    "declaring",
    "demand",
    "demanded",
    "demanding",
    "demands",
    "denied",
    "denies",
    "deny",
    "denying",
    "describe",
    "described",
    "describes",
    "describing",
    "disclose",
    "disclosed",
    "discloses",
    "disclosing",
    "emphasise",
    "emphasised",
    "emphasises",
    "emphasising",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasizing",
    "estimate",
    "estimated",
    "estimates",
    "estimating",
    "exclaim",
    "exclaimed",
    "exclaiming",
    "exclaims",
    "explain",
    "explained",
    "explaining",
    "explains",
    "highlight",
    "highlighted",
    "highlighting",
    "highlights",
    "indicate",
    "indicated",
    "indicates",
    "indicating",
    "inform",
    "informed",
    "informing",
    "informs",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joke",
    "joked",
    "jokes",
    "joking",
    "lament",
    "lamented",
    "lamenting",
    "laments",
    "maintain",
    "maintained",
    "maintaining",
    "maintains",
    "mention",
    "mentioned",
    "mentioning",
    "mentions",
    "mutter",
    "muttered",
    "muttering",
    "mutters",
    "noted",
    "noting",
    "objected",
    "objecting",
    "observe",
    "observed",
    "observes",
    "observing",
    "pledge",
    "pledged",
    "pledges",
    "pledging",
    "posted",
    "posting",
    "predict",
    "predicted",
    "predicting",
    "predicts",
    "proclaim",
    "proclaimed",
    "proclaiming",
    "proclaims",
    "promised",
    "promising",
    "propose",
    "proposed",
    "proposes",
    "proposing",
    "protested",
    "protesting",
    "quip",
    "quipped",
    "quipping",
    "quips",
    "recall",
    "recalled",
    "recalling",
    "recalls",
    "recount",
    "recounted",
    "recounting",
    "recounts",
    "reiterate",
    "reiterated",
    "reiterates",
    "reiterating",
    "remarked",
    "remarking",
    "repeated",
    "repeating",
    "repeats",
    "replied",
    "replies",
    "reply",
    "replying",
    "reported",
    "reporting",
    "respond",
    "responded",
    "responding",
    "responds",
    "retort",
    "retorted",
    "retorting",
    "retorts",
    "reveal",
    "revealed",
    "revealing",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "shout",
    "shouted",
    "shouting",
    "shouts",
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "stated",
    "stating",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "suggest",
    "suggested",
    "suggesting",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "testifies",
    "testify",
    "testifying",
    "think",
    "thinks",
    "thought",
    "told",
    "tweet",
    "tweeted",
    "tweeting",
    "tweets",
    "underline",
    "underlined",
    "underlines",
    "underlining",
    "underscore",
    "underscored",
    "underscores",
    "underscoring",
    "urge",
    "urged",
    "urges",
    "urging",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "warn",
    "warned",
    "warns",
    "whisper",
    "whispered",
    "whispering",
    "whispers",
    "wonder",
    "wondered",
    "wonders",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yell",
    "yelled",
    "yelling",
    "yells",
];

/// Verbs that report speech strongly enough to make an indirect quote
/// ("X said that …", "…, X told reporters").
const INDIRECT_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "adding",
    "stated",
    "stressed",
    "warned",
    "warns",
    "insisted",
    "insists",
    "explained",
    "explains",
    "noted",
    "notes",
    "noting",
    "argued",
    "argues",
    "arguing",
    "claimed",
    "claiming",
    "declared",
    "announced",
    "announces",
    "wrote",
    "writes",
    "tweeted",
    "replied",
    "responded",
    "asked",
    "asks",
    "suggested",
    "suggests",
    "suggesting",
    "acknowledged",
    "admitted",
    "conceded",
    "confirmed",
    "denied",
    "predicted",
    "promised",
    "vowed",
    "pledged",
    "urged",
    "cautioned",
    "emphasized",
    "emphasised",
    "asserted",
    "maintained",
    "contended",
    "reiterated",
    "recalled",
    "observed",
    "complained",
    "revealed",
    "believes",
    "believe",
    "thinks",
    "think",
    "alleged",
    "indicated",
    "estimated",
    "testified",
    "concluded",
    "continued",
    "mentioned",
    "agreed",
    "proposed",
];

/// Verbs that report a finding or belief: an indirect quote only with
/// "that" right after ("a poll found that …", "she believes that …").
const THAT_CUES: &[&str] = &[
    "shows",
    "showed",
    "show",
    "found",
    "finds",
    "find",
    "knows",
    "know",
    "knew",
    "hopes",
    "hope",
    "hoped",
    "expects",
    "expect",
    "expected",
    "fears",
    "feared",
    "feel",
    "feels",
    "felt",
    "believed",
    "thought",
    "reports",
    "reported",
    "estimates",
    "argue",
    "suggest",
    "insist",
    "claim",
    "claims",
    "warn",
    "agree",
    "agrees",
    "concluded",
    "concludes",
    "determined",
    "acknowledges",
    "admits",
    "recognized",
    "recognizes",
    "realized",
    "realizes",
    "learned",
    "heard",
    "read",
    "understands",
    "stressed",
    "maintains",
    "contends",
    "predicts",
    "promises",
    "assured",
    "assures",
    "reminded",
    "informed",
    "wrote",
    "writes",
    "signaled",
    "signalled",
    "implied",
    "implies",
    "hinted",
];

/// Verbs that characterise someone's words and so introduce a mixed quote
/// ("blasted Clinton as a “disgrace”", "called the plan “a disaster”").
const CHARACTERISING_CUES: &[&str] = &[
    "called",
    "calls",
    "calling",
    "blasted",
    "blasts",
    "lauded",
    "praised",
    "praises",
    "criticized",
    "criticised",
    "criticizes",
    "slammed",
    "slams",
    "described",
    "describes",
    "describing",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "accused",
    "accuses",
    "attacked",
    "attacks",
    "hailed",
    "touted",
    "mocked",
    "cited",
    "citing",
    "admitting",
    "admits",
    "characterized",
    "characterised",
    "decried",
    "denounced",
    "condemned",
    "lambasted",
    "derided",
    "questioned",
    "pledging",
    "vowing",
    "promising",
    "warning",
    "arguing",
    "claiming",
    "insisting",
    "adding",
    "noting",
    "saying",
    "telling",
    "asking",
    "urging",
    "acknowledging",
    "referring",
    "referred",
    "quoted",
    "quoting",
    "rated",
    "ruled",
    "deemed",
];

/// Titles and honorifics before a name (without the final dot).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "gen",
    "general",
    "maj",
    "major",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "cmdr",
    "commander",
    "brig",
    "cpl",
    "pvt",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "imam",
    "rabbi",
    "father",
    "sister",
    "brother",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "judge",
    "justice",
    "mayor",
    "ambassador",
    "secretary",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "det",
    "detective",
    "insp",
    "inspector",
    "supt",
    "officer",
    "deputy",
    "prime",
    "speaker",
    "attorney",
    "councillor",
    "cllr",
    "mme",
    "mlle",
    "herr",
    "frau",
    "señor",
    "senor",
    "señora",
    "don",
    "dona",
    "doña",
    "pres",
    "coach",
];

/// Words that name a role or office, not a person ("Regional Project Manager").
const ROLE_WORDS: &[&str] = &[
    "manager",
    "minister",
    "ministers",
    "director",
    "secretary",
    "president",
    "counsellor",
    "counselor",
    "officer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "head",
    "regional",
    "deputy",
    "senior",
    "executive",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "coordinator",
    "representative",
    "commissioner",
    "governor",
    "senator",
    "mayor",
    "leader",
    "founder",
    "ceo",
    "cfo",
    "coo",
    "chancellor",
    "premier",
    "analyst",
    "professor",
    "researcher",
    "economist",
    "correspondent",
    "editor",
    "reporter",
    "candidate",
    "nominee",
    "general",
    "attorney",
    "judge",
    "justice",
    "lawyer",
    "member",
    "members",
    "official",
    "officials",
    "vice",
    "assistant",
    "associate",
    "project",
    "program",
    "programme",
    "country",
    "national",
    "international",
    "permanent",
    "acting",
    "former",
    "undersecretary",
    "consul",
    "attaché",
    "attache",
    "delegate",
    "commander",
    "captain",
    "colonel",
    "major",
    "lieutenant",
    "sergeant",
    "admiral",
    "king",
    "queen",
    "prince",
    "princess",
];

/// Words that mark an organisation when they end a capitalised name.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "agency",
    "department",
    "party",
    "company",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "news",
    "times",
    "post",
    "association",
    "council",
    "committee",
    "commission",
    "bank",
    "university",
    "embassy",
    "office",
    "court",
    "police",
    "army",
    "government",
    "union",
    "nations",
    "organization",
    "organisation",
    "institute",
    "foundation",
    "group",
    "network",
    "service",
    "services",
    "board",
    "authority",
    "administration",
    "campaign",
    "house",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "federation",
    "fund",
    "trust",
    "society",
    "league",
    "center",
    "centre",
    "press",
    "journal",
    "tribune",
    "herald",
    "cooperation",
    "initiative",
    "programme",
    "program",
    "forces",
    "navy",
];

/// Personal pronouns that can be speakers, with their gender when known.
const PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("she", Gender::Female),
    ("they", Gender::Unknown),
    ("i", Gender::Unknown),
    ("we", Gender::Unknown),
    ("it", Gender::Unknown),
    ("you", Gender::Unknown),
];

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

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

macro_rules! lookup {
    ($name:ident, $list:ident, $doc:literal) => {
        #[doc = $doc]
        #[must_use]
        pub fn $name(lower: &str) -> bool {
            static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| set($list)).contains(lower)
        }
    };
}

lookup!(
    is_cue_verb,
    CUE_VERBS,
    "Whether a lowercase word is a reporting verb form."
);
lookup!(
    is_indirect_cue,
    INDIRECT_CUES,
    "Whether a lowercase word can introduce an indirect quote."
);
lookup!(
    is_characterising_cue,
    CHARACTERISING_CUES,
    "Whether a lowercase word characterises someone's words (a mixed-quote cue)."
);
lookup!(
    is_that_cue,
    THAT_CUES,
    "Whether a lowercase word reports a finding or belief when \"that\" follows."
);
lookup!(
    is_title,
    TITLES,
    "Whether a lowercase word (without its dot) is a title before names."
);
lookup!(
    is_role_word,
    ROLE_WORDS,
    "Whether a lowercase word names a role or office."
);
lookup!(
    is_org_word,
    ORG_WORDS,
    "Whether a lowercase word marks an organisation name."
);

/// The gender of a speaker pronoun, or `None` when the word is not one.
#[must_use]
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    PRONOUNS.iter().find(|(p, _)| *p == lower).map(|&(_, g)| g)
}

/// The gender a title shows ("Mr" male, "Ms" female), if any.
#[must_use]
pub fn title_gender(lower: &str) -> Gender {
    match lower {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "herr" | "señor"
        | "senor" | "don" | "sheikh" | "sheik" => Gender::Male,
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" | "mme"
        | "mlle" | "frau" | "señora" | "dona" | "doña" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Lowercase words that may stand inside a name ("bin", "van", "al").
#[must_use]
pub fn is_name_particle(lower: &str) -> bool {
    matches!(
        lower,
        "bin"
            | "binti"
            | "ibn"
            | "al"
            | "el"
            | "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "da"
            | "das"
            | "dos"
            | "di"
            | "du"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "abu"
            | "bint"
            | "y"
    )
}

/// Days, months and other time words that are capitalised but never speak.
#[must_use]
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
            | "tonight"
            | "tomorrow"
            | "week"
            | "year"
            | "month"
            | "morning"
            | "evening"
            | "afternoon"
            | "night"
    )
}

/// Sentence adverbs that are capitalised at a sentence start but never a
/// speaker ("Meanwhile, it said …").
#[must_use]
pub fn is_discourse_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "meanwhile"
            | "however"
            | "still"
            | "yet"
            | "instead"
            | "later"
            | "earlier"
            | "then"
            | "also"
            | "now"
            | "separately"
            | "similarly"
            | "additionally"
            | "moreover"
            | "indeed"
            | "but"
            | "and"
            | "so"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "when"
            | "while"
            | "as"
            | "last"
            | "this"
            | "today"
            | "yesterday"
            | "finally"
            | "again"
            | "though"
            | "although"
    )
}

/// Words that begin a nominal speaker ("the spokesman", "a source").
#[must_use]
pub fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "another"
            | "one"
            | "two"
            | "three"
            | "some"
            | "several"
            | "many"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "this"
            | "these"
            | "those"
            | "other"
            | "both"
            | "senior"
            | "top"
    )
}

/// Adverbs and auxiliaries that may sit between a speaker and the cue
/// ("he also said", "she has repeatedly said").
#[must_use]
pub fn is_cue_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "also"
            | "later"
            | "then"
            | "again"
            | "previously"
            | "recently"
            | "has"
            | "had"
            | "have"
            | "was"
            | "were"
            | "is"
            | "would"
            | "will"
            | "reportedly"
            | "once"
            | "further"
            | "repeatedly"
            | "often"
            | "frequently"
            | "publicly"
            | "privately"
            | "earlier"
            | "simply"
            | "just"
            | "already"
            | "now"
            | "still"
            | "even"
            | "initially"
            | "first"
            | "flatly"
            | "angrily"
            | "quickly"
            | "last"
            | "did"
            | "does"
            | "may"
            | "might"
            | "could"
            | "been"
            | "who"
            | "which"
    )
}

/// Number of extra tokens that complete a multi-word cue starting with
/// `first` given the `next` lowercase words ("pointed out", "according to",
/// "went on to say"), or `None`.
#[must_use]
pub fn cue_phrase_len(first: &str, next: &[&str]) -> Option<usize> {
    let n = |i: usize| next.get(i).copied().unwrap_or("");
    match first {
        "pointed" | "points" | "pointing" | "point" if n(0) == "out" => Some(1),
        "according" if n(0) == "to" => Some(1),
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
