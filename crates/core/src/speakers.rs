//! Speakers: resolving speaker mentions to one entry per person.
//!
//! Names are matched with titles stripped, a partial name ("Somkeo",
//! "Ms Kaori") taking the fullest name in the article that contains it
//! ("Somkeo Sylavong", "Kaori Kawarabayashi"). Pronouns go to the nearest
//! preceding person of compatible gender (from titles and earlier pronouns).
//! Roles and organisations come from appositions and titles next to a name.

use serde::{Deserialize, Serialize};

use crate::attribution::doc::Doc;
use crate::attribution::lexicon::{
    first_name_gender, is_cue_verb, is_org_word, is_role_word, is_title, Gender,
};
use crate::attribution::name_scan::{is_honorific, scan_name, Joined};
use crate::attribution::phrases::{
    is_acronym_word, is_clause_word, pronoun_stem, Mention, MentionKind,
};
use crate::attribution::scan::relative_antecedent;
use crate::attribution::{is_expletive_it, Attributed};
use crate::names::{contains_all, is_acronym_of};
use crate::ner::{Entity, EntityLabel};
use crate::ranker::{Candidate, Pronoun, Ranker};
use crate::span::{TextRange, TokenSpan};

/// One person (or organisation, or unnamed source) quoted in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name found ("Somkeo Sylavong"), or the phrase used ("a source").
    pub name: String,
    /// Every mention credited with a quote.
    pub mentions: Vec<TextRange>,
    /// Role or title ("Minister of Public Security"), when the text gives one.
    pub role: Option<String>,
    /// Organisation ("Rayal Norwegian Embassy in Bangkok"), when the text gives one.
    pub organization: Option<String>,
    /// Gender shown by titles or pronouns.
    pub gender: Gender,
    /// Whether the name is a real name (not a pronoun or a common noun).
    pub named: bool,
    /// Number of quotes credited.
    pub quotes: u32,
    /// Number of words in those quotes.
    pub quoted_words: u32,
    /// How many of those quotes are views or findings (beliefs, stances,
    /// evidence) rather than speech.
    #[serde(default)]
    pub views: u32,
    /// What the reader changed about this speaker (all false: as found).
    #[serde(default)]
    pub edited: SpeakerEdits,
}

/// What the reader changed about a speaker ([`crate::corrections`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerEdits {
    /// The name was typed or chosen by the reader (a new or merged speaker).
    pub name: bool,
    /// The role was edited.
    pub role: bool,
    /// The organisation was edited.
    pub organization: bool,
    /// Marked anonymous (or named) by the reader.
    pub named: bool,
    /// Another speaker was merged into this one.
    #[serde(default)]
    pub merged: bool,
}

impl SpeakerEdits {
    /// Whether anything was edited.
    #[must_use]
    pub fn any(self) -> bool {
        self.name || self.role || self.organization || self.named || self.merged
    }
}

/// How a quote's speaker was chosen (its provenance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerRule {
    /// The name as written is the fullest in the text.
    Name,
    /// A partial name ("Ms Kaori") → the fullest name containing it.
    FullerName,
    /// "who" or "which" → the name or noun phrase right before it.
    Relative,
    /// A pronoun → the nearest person of compatible gender before it.
    Pronoun,
    /// "the judge", "the fund" → the speaker before it that the noun
    /// describes.
    Description,
    /// The phrase itself ("the spokesman", an unresolved pronoun): not a name.
    Phrase,
    /// Chosen by the reader (a correction, see [`crate::corrections`]).
    Reader,
}

impl SpeakerRule {
    /// The rule's id as written in exports ("fuller-name").
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::FullerName => "fuller-name",
            Self::Relative => "relative",
            Self::Pronoun => "pronoun",
            Self::Description => "description",
            Self::Phrase => "phrase",
            Self::Reader => "reader",
        }
    }

    /// A short phrase for people: "pronoun → the likeliest person or organisation before it".
    #[must_use]
    pub fn summary(self) -> &'static str {
        match self {
            Self::Name => "the name as written",
            Self::FullerName => "partial name → fullest name in the article",
            Self::Relative => "“who” or “which” → the phrase before it",
            Self::Pronoun => "pronoun → the likeliest person or organisation before it",
            Self::Description => "“the judge” → the speaker before it called a judge",
            Self::Phrase => "the phrase itself (no name found)",
            Self::Reader => "chosen by the reader",
        }
    }
}

/// A capitalised name somewhere in the text.
#[derive(Debug, Clone)]
struct NameCandidate<'d> {
    /// Lowercased name words, titles removed.
    words: Vec<&'d str>,
    /// The words as written.
    display: String,
    /// The whole phrase (titles included).
    tokens: TokenSpan,
    gender: Gender,
    is_org: bool,
    has_title: bool,
    /// Whether the entity tagger found these name words to be a person.
    is_person: bool,
    /// Whether its first word opens the sentence and is no name there
    /// ("Interestingly Blocher", "Debating Clinton", "Beneath Clinton").
    opens_with_common_word: bool,
}

/// Resolves the mentions of `quotes` to speakers, setting each quote's
/// `speaker` index. Names inside `marked` spans (text in quotation marks)
/// are not taken as speakers; names the entity tagger found to be places
/// (`entities`) are not what "he" or "she" refers to.
pub fn resolve(
    doc: &Doc,
    quotes: &mut [Attributed],
    marked: &[TextRange],
    entities: &[Entity],
) -> Vec<Speaker> {
    resolve_traced(doc, quotes, marked, entities, None)
}

/// [`resolve`], recording each pronoun's candidates in `trace` (for
/// training the speaker ranker); with a trace, pronouns are left
/// unresolved.
pub fn resolve_traced(
    doc: &Doc,
    quotes: &mut [Attributed],
    marked: &[TextRange],
    entities: &[Entity],
    trace: Option<&mut Vec<PronounTrace>>,
) -> Vec<Speaker> {
    let people: Vec<TextRange> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .map(|e| e.range)
        .collect();
    let names = names_outside_quotes(doc, quotes, marked, &people);
    let mut r = Resolver {
        // Traces are made with the empty ranker (pronouns left unresolved
        // but for the one just quoted, see `Ranker::choose`), so that what
        // the ranker is trained on does not depend on the ranker shipped.
        ranker: if trace.is_some() {
            Ranker::empty()
        } else {
            Ranker::shipped()
        },
        trace,
        labelled: entities.iter().map(|e| (e.range, e.label)).collect(),
        doc,
        names: &names,
        speakers: Vec::new(),
        keys: SpeakerKeys::default(),
        others: rustc_hash::FxHashMap::default(),
        last_credited: None,
        unresolved: rustc_hash::FxHashMap::default(),
        last_person: Vec::new(),
        not_people: entities
            .iter()
            .filter(|e| e.label == EntityLabel::Loc)
            .map(|e| e.range)
            .collect(),
        entities: entities.iter().map(|e| e.range).collect(),
        acronym_speakers: Vec::new(),
    };
    for a in quotes.iter_mut() {
        let Some(m) = a.mention else { continue };
        if is_expletive_it(doc, m) {
            // "It is widely expected that …", "it seems …": nobody is named.
            a.clear_speaker();
            continue;
        }
        let m = trim_to_person(doc, r.common_noun_or(m), &people);
        let words = if m.kind == MentionKind::Name {
            let words = name_words(doc, m.tokens);
            if words.is_empty() {
                continue;
            }
            words
        } else {
            Vec::new()
        };
        let (idx, rule) = match r.resolve_mention(m, words) {
            Some(found) => found,
            None => (r.phrase_speaker(m), SpeakerRule::Phrase),
        };
        r.credit(idx, a, m, rule);
    }
    r.finish()
}

/// The name candidates of the text, less those inside quoted speech (names
/// there are rarely the speakers being reported).
fn names_outside_quotes<'d>(
    doc: &'d Doc,
    quotes: &[Attributed],
    marked: &[TextRange],
    people: &[TextRange],
) -> Names<'d> {
    let mut quoted: Vec<TextRange> = quotes
        .iter()
        .filter(|a| a.quote.kind != crate::QuoteKind::Indirect)
        .flat_map(|a| a.quote.parts())
        .collect();
    quoted.extend_from_slice(marked);
    quoted.sort_unstable_by_key(|r| r.start());
    let max_end: Vec<usize> = quoted
        .iter()
        .scan(0usize, |m, r| {
            *m = (*m).max(r.end());
            Some(*m)
        })
        .collect();
    let inside_quote = |r: TextRange| {
        let k = quoted.partition_point(|q| q.start() <= r.start());
        k > 0 && max_end[k - 1] >= r.end()
    };
    let mut all = name_candidates(doc, people);
    all.retain(|c| !inside_quote(doc.range_of(c.tokens)));
    Names::new(all)
}

/// One pronoun speaker and the candidates the ranker weighed, each with
/// its mention and name words (what `saidwho-train speakers` learns from).
#[derive(Debug, Clone)]
pub struct PronounTrace {
    /// The pronoun.
    pub pronoun: TextRange,
    /// What the ranker knows of it.
    pub facts: Pronoun,
    /// The candidates: latest mention, lowercase name words, facts.
    pub candidates: Vec<(TextRange, Vec<String>, Candidate)>,
}

/// A pronoun's candidate: a speaker already quoted, or a name (index into
/// the text's name candidates).
#[derive(Debug, Clone, Copy)]
enum Target {
    Speaker(usize),
    Name(usize),
}

/// Most candidates of each kind (speakers, names) a pronoun is weighed
/// against, most recent first.
const MAX_CANDIDATES: usize = 6;

/// The speakers being built, with what finding them needs.
struct Resolver<'r, 'd> {
    /// Where pronoun decisions are recorded, when training.
    trace: Option<&'r mut Vec<PronounTrace>>,
    /// The model that resolves pronouns.
    ranker: &'static Ranker,
    /// Every entity with its label, in text order.
    labelled: Vec<(TextRange, EntityLabel)>,
    doc: &'d Doc<'d>,
    names: &'r Names<'d>,
    speakers: Vec<Speaker>,
    keys: SpeakerKeys<'d>,
    /// Speakers that are not names ("the spokesman"), by lowercase phrase.
    others: rustc_hash::FxHashMap<String, usize>,
    /// The speaker credited with the quote before.
    last_credited: Option<usize>,
    /// Unresolved-pronoun speakers, with their pronoun (lowercase).
    unresolved: rustc_hash::FxHashMap<usize, String>,
    /// Speaker index and token position of each resolved person mention, in order.
    last_person: Vec<(usize, usize)>,
    /// Names the entity tagger found to be places, in text order.
    not_people: Vec<TextRange>,
    /// Every name the entity tagger found, in text order.
    entities: Vec<TextRange>,
    /// Speakers named by an acronym alone ("the IMF").
    acronym_speakers: Vec<usize>,
}

/// The words of `s`: its runs of letters and digits.
fn words_of(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl<'d> Resolver<'_, 'd> {
    /// The speaker a mention names, and how it was found; `None` when it
    /// names nobody in particular (a nominal, an unresolved pronoun).
    /// `words` are a name's key words (empty for other mentions).
    fn resolve_mention(&mut self, m: Mention, words: Vec<&'d str>) -> Option<(usize, SpeakerRule)> {
        match m.kind {
            MentionKind::Name => Some(self.by_name(m, words)),
            MentionKind::Relative => self
                .by_relative(m)
                .or_else(|| self.by_antecedent(m))
                .map(|i| (i, SpeakerRule::Relative)),
            MentionKind::Pronoun => self.by_pronoun(m).map(|i| (i, SpeakerRule::Pronoun)),
            MentionKind::Nominal => self
                .described_speaker(m)
                .map(|i| (i, SpeakerRule::Description)),
        }
    }

    /// The one speaker whose name words contain `key` or are contained in
    /// it, or a new one; a fuller name becomes the speaker's name.
    fn find_or_create(&mut self, key: Vec<&'d str>, display: String) -> usize {
        let idx = self
            .keys
            .find(&key)
            .or_else(|| self.by_acronym(&display))
            .unwrap_or_else(|| {
                if acronym(&display).is_some() {
                    self.acronym_speakers.push(self.speakers.len());
                }
                self.speakers.push(new_speaker(display.clone(), true));
                self.keys.push(key.clone())
            });
        if key.len() > self.keys.get(idx).len() {
            self.keys.replace(idx, key);
            self.speakers[idx].name = display;
        }
        idx
    }

    /// The speaker that `display` is the acronym of ("The IMF": "the
    /// International Monetary Fund"), or whose acronym it is.
    fn by_acronym(&self, display: &str) -> Option<usize> {
        let name = without_article(display);
        match acronym(display) {
            Some(a) => self
                .speakers
                .iter()
                .position(|s| s.named && is_acronym_of(a, without_article(&s.name))),
            None if name.contains(' ') => {
                self.acronym_speakers.iter().copied().find(|&i| {
                    acronym(&self.speakers[i].name).is_some_and(|a| is_acronym_of(a, name))
                })
            }
            None => None,
        }
    }

    /// A name (its key `words`): the fullest name in the text that contains it.
    fn by_name(&mut self, m: Mention, words: Vec<&'d str>) -> (usize, SpeakerRule) {
        let doc = self.doc;
        let full = best_full_name(self.names, &words);
        let rule = if full.is_some_and(|c| c.words != words) {
            SpeakerRule::FullerName
        } else {
            SpeakerRule::Name
        };
        let (display, key) = match full {
            Some(c) => (c.display.clone(), c.words.clone()),
            None => (display_words(doc, m.tokens), words),
        };
        let idx = self.find_or_create(key, display);
        let sp = &mut self.speakers[idx];
        if m.gender != Gender::Unknown {
            sp.gender = m.gender;
        }
        if let Some(c) = full.filter(|c| c.gender != Gender::Unknown) {
            if sp.gender == Gender::Unknown {
                sp.gender = c.gender;
            }
        }
        (idx, rule)
    }

    /// "X, who said …": the name just before; before a place after "of"
    /// or "from", the name before that ("Senator Maren Holt of Vermont, who").
    fn by_relative(&mut self, m: Mention) -> Option<usize> {
        let names = self.names;
        let mut before = names.before(m.tokens.first()).rev();
        let mut c = before
            .next()
            .filter(|c| m.tokens.first() - c.tokens.last() <= 2)?;
        if self.is_not_person(self.doc.range_of(c.tokens)) {
            let of = c.tokens.first().checked_sub(1)?;
            if !matches!(self.doc.low(of), "of" | "from") {
                return None;
            }
            c = before.next().filter(|p| p.tokens.last() + 1 == of)?;
        }
        if c.is_org {
            return None;
        }
        let full = best_full_name(names, &c.words).unwrap_or(c);
        Some(self.find_or_create(full.words.clone(), full.display.clone()))
    }

    /// "Police, who said …", "The Harbor Gazette, which argued …": the
    /// phrase the relative refers to when no person's name is right before
    /// it; a common noun phrase is a speaker of its own, as when it speaks
    /// itself; a place is nobody.
    fn by_antecedent(&mut self, m: Mention) -> Option<usize> {
        let doc = self.doc;
        let antecedent = self.common_noun_or(relative_antecedent(doc, m.tokens.first())?);
        if antecedent.kind == MentionKind::Nominal {
            return Some(
                self.described_speaker(antecedent)
                    .unwrap_or_else(|| self.phrase_speaker(antecedent)),
            );
        }
        let words = name_words(doc, antecedent.tokens);
        if words.is_empty() || self.is_not_person(doc.range_of(antecedent.tokens)) {
            return None;
        }
        Some(self.by_name(antecedent, words).0)
    }

    /// A pronoun: the candidate the speaker ranker scores highest — a
    /// speaker already quoted or a name before it — unless leaving it
    /// unresolved scores higher.
    fn by_pronoun(&mut self, m: Mention) -> Option<usize> {
        let at = m.tokens.first();
        let opens = self.doc.sentence_bounds(at).first() == at;
        let p = Pronoun::new(pronoun_stem(self.doc.low(at)), opens);
        if !p.refers_back() {
            return None; // "I", "we", "you": the writer or the speaker quoted
        }
        let targets = self.pronoun_candidates(at);
        let mut facts: Vec<Candidate> = targets
            .iter()
            .enumerate()
            .map(|(rank, &(t, pos))| self.candidate(t, rank, pos, at))
            .collect();
        // The nearest-person rule's pick, which the ranker weighs.
        let rule = facts.iter().position(|c| {
            let person_like =
                (c.has_title || c.words >= 2) && !c.is_org && c.label != Some(EntityLabel::Loc);
            p.agrees(c.gender) && (c.is_speaker || person_like)
        });
        if let Some(r) = rule {
            facts[r].rule_pick = true;
        }
        if let Some(trace) = self.trace.as_deref_mut() {
            let candidates = targets
                .iter()
                .zip(&facts)
                .map(|(&(t, _), &f)| {
                    let (range, words) = match t {
                        Target::Speaker(i) => (
                            self.speakers[i]
                                .mentions
                                .last()
                                .copied()
                                .unwrap_or(TextRange::new(0, 0)),
                            self.keys.get(i).iter().map(|w| (*w).to_owned()).collect(),
                        ),
                        Target::Name(k) => {
                            let c = &self.names.all[k];
                            let words = c.words.iter().map(|w| (*w).to_owned()).collect();
                            (self.doc.range_of(c.tokens), words)
                        }
                    };
                    (range, words, f)
                })
                .collect();
            let pronoun = self.doc.range_of(m.tokens);
            trace.push(PronounTrace {
                pronoun,
                facts: p,
                candidates,
            });
        }
        // The ranker learnt with the entity tagger's labels; without an
        // entity model the nearest-person rule decides alone.
        let pick = if self.labelled.is_empty() {
            rule?
        } else {
            self.ranker.choose(p, &facts)?
        };
        let idx = match targets[pick].0 {
            Target::Speaker(i) => i,
            Target::Name(k) => {
                let names = self.names;
                let c = &names.all[k];
                let full = best_full_name(names, &c.words).unwrap_or(c);
                let idx = self.find_or_create(full.words.clone(), full.display.clone());
                if self.speakers[idx].gender == Gender::Unknown {
                    self.speakers[idx].gender = self.name_gender(c);
                }
                idx
            }
        };
        if self.speakers[idx].gender == Gender::Unknown {
            self.speakers[idx].gender = m.gender;
        }
        Some(idx)
    }

    /// The named speakers and the names before token `at`, each with the
    /// token of its latest mention, most recent first (at most
    /// [`MAX_CANDIDATES`] of each; a name already a listed speaker's left out).
    fn pronoun_candidates(&self, at: usize) -> Vec<(Target, usize)> {
        let mut out: Vec<(Target, usize)> = Vec::new();
        for &(i, pos) in self.last_person.iter().rev().take(LOOKBACK) {
            let seen = out
                .iter()
                .any(|&(t, _)| matches!(t, Target::Speaker(j) if j == i));
            if pos < at && self.speakers[i].named && !seen {
                out.push((Target::Speaker(i), pos));
                if out.len() == MAX_CANDIDATES {
                    break;
                }
            }
        }
        let speakers = out.len();
        let names = self.names;
        let mut keys: Vec<&[&str]> = Vec::new();
        // `before` runs over the start of `names.all`: its index is the name's.
        for (k, c) in names.before(at).enumerate().rev().take(LOOKBACK) {
            // A listed speaker named again ("Mayor Ruiz stood beside him")
            // was last mentioned there, not where it was last quoted.
            let listed = self.keys.find(&c.words).and_then(|i| {
                out[..speakers]
                    .iter()
                    .position(|&(t, _)| matches!(t, Target::Speaker(j) if j == i))
            });
            if let Some(l) = listed {
                out[l].1 = out[l].1.max(c.tokens.first());
                continue;
            }
            if keys.contains(&c.words.as_slice()) || !self.may_speak(c) {
                continue;
            }
            keys.push(&c.words);
            out.push((Target::Name(k), c.tokens.first()));
            if out.len() == speakers + MAX_CANDIDATES {
                break;
            }
        }
        out.sort_by_key(|&(_, pos)| std::cmp::Reverse(pos));
        out
    }

    /// What the ranker knows of candidate `t`, `rank`-th most recent, last
    /// mentioned at token `pos`, for the pronoun at token `at`.
    fn candidate(&self, t: Target, rank: usize, pos: usize, at: usize) -> Candidate {
        let doc = self.doc;
        let sentences_back = (doc.sent_of[at] as usize).saturating_sub(doc.sent_of[pos] as usize);
        let same_paragraph = doc.same_paragraph(pos, at);
        let last_speaker = matches!(t, Target::Speaker(i)
            if self.last_person.last().is_some_and(|&(j, _)| j == i));
        match t {
            Target::Speaker(i) => {
                let sp = &self.speakers[i];
                // What the tagger called its latest tagged mention (a
                // pronoun mention has no label).
                let label = sp.mentions.iter().rev().find_map(|&r| self.label_of(r));
                Candidate {
                    is_speaker: true,
                    rank,
                    sentences_back,
                    same_paragraph,
                    gender: sp.gender,
                    label,
                    has_title: false,
                    words: self.keys.get(i).len(),
                    possessive: false,
                    is_org: false,
                    quotes: sp.quotes,
                    last_speaker,
                    rule_pick: false,
                    subject: opens_sentence(doc, pos),
                }
            }
            Target::Name(k) => {
                let c = &self.names.all[k];
                let end = c.tokens.last();
                Candidate {
                    is_speaker: false,
                    rank,
                    sentences_back,
                    same_paragraph,
                    gender: self.name_gender(c),
                    label: self.label_of(doc.range_of(c.tokens)),
                    has_title: c.has_title,
                    words: c.words.len(),
                    possessive: end + 1 < doc.len()
                        && matches!(doc.low(end + 1), "'s" | "’s" | "'" | "’"),
                    is_org: c.is_org,
                    quotes: 0,
                    last_speaker: false,
                    rule_pick: false,
                    subject: opens_sentence(doc, c.tokens.first()),
                }
            }
        }
    }

    /// The gender a name shows, or else the fullest name holding it
    /// ("Clinton" after "Hillary Clinton"): a "he" is never a surname whose
    /// full name is a woman's.
    fn name_gender(&self, c: &NameCandidate) -> Gender {
        match c.gender {
            Gender::Unknown => {
                best_full_name(self.names, &c.words).map_or(Gender::Unknown, |f| f.gender)
            }
            known => known,
        }
    }

    /// Whether a name may be what a pronoun refers to: one the entity
    /// tagger found to be a person or an organisation, or one with a title
    /// (without an entity model, any name).
    fn may_speak(&self, c: &NameCandidate) -> bool {
        let label = self.label_of(self.doc.range_of(c.tokens));
        self.labelled.is_empty()
            || c.has_title
            || matches!(label, Some(EntityLabel::Person | EntityLabel::Org))
    }

    /// The label of the entity holding the last character of `r`, if any.
    fn label_of(&self, r: TextRange) -> Option<EntityLabel> {
        let last = r.end().checked_sub(1)?;
        let at = self.labelled.partition_point(|e| e.0.end() <= last);
        self.labelled
            .get(at)
            .filter(|e| e.0.start() <= last)
            .map(|e| e.1)
    }

    /// Unresolved pronouns and common nouns are speakers of their own, one
    /// per lowercase phrase.
    fn phrase_speaker(&mut self, m: Mention) -> usize {
        let text = self.doc.range_of(m.tokens).slice(self.doc.text);
        if matches!(m.kind, MentionKind::Pronoun | MentionKind::Relative) {
            return self.unresolved_pronoun(m, text);
        }
        let (speakers, keys) = (&mut self.speakers, &mut self.keys);
        *self.others.entry(text.to_lowercase()).or_insert_with(|| {
            speakers.push(new_speaker(text.to_owned(), false));
            keys.push(Vec::new())
        })
    }

    /// The speaker a definite description refers back to: "the judge" is
    /// the latest speaker before it with a mention ending in "judge" ("A
    /// New York judge") or a role holding it ("Frank Nervo, a state judge").
    fn described_speaker(&self, m: Mention) -> Option<usize> {
        let (doc, t) = (self.doc, m.tokens);
        let head = t.last();
        if t.count() != 2 || doc.low(t.first()) != "the" || doc.is_cap(head) || !doc.is_word(head) {
            return None;
        }
        // The same phrase again is the same card ("the minister" twice).
        let phrase = doc.range_of(t);
        if self
            .others
            .contains_key(&phrase.slice(doc.text).to_lowercase())
        {
            return None;
        }
        let noun = doc.low(head);
        let start = phrase.start();
        let is_noun = |w: &str| w.eq_ignore_ascii_case(noun);
        // A phrase's last word is its noun: "A Bloomberg poll" is a poll,
        // "the state's campaign chairman" no campaign.
        let ends_with = |s: &str| words_of(s).next_back().is_some_and(is_noun);
        let holds = |s: &str| words_of(s).any(is_noun);
        self.speakers
            .iter()
            .enumerate()
            .filter(|(i, sp)| {
                !self.unresolved.contains_key(i)
                    && sp.mentions.first().is_some_and(|r| r.start() < start)
            })
            .filter(|(i, sp)| {
                sp.mentions.iter().any(|r| ends_with(r.slice(doc.text)))
                    || (sp.named
                        && role_and_org(doc, self.names, self.keys.get(*i))
                            .0
                            .is_some_and(|role| holds(&role)))
            })
            .max_by_key(|(_, sp)| sp.mentions.last().map(|r| r.start()))
            .map(|(i, _)| i)
    }

    /// An unresolved pronoun is one speaker with the same pronoun credited
    /// just before it ("he said … He added …"); an "I" is the writer's one
    /// speaker ("I (the writer)"); any other is a speaker of its own, named
    /// with its paragraph ("he (¶4)"): two unresolved "he"s
    /// far apart are rarely one person (PolNeAR: B-cubed all 87.9 → 88.7
    /// dev, 87.6 → 88.2 train).
    fn unresolved_pronoun(&mut self, m: Mention, text: &str) -> usize {
        let lower = pronoun_stem(&text.to_lowercase()).to_owned();
        if let Some(i) = self
            .last_credited
            .filter(|i| self.unresolved.get(i) == Some(&lower))
        {
            return i;
        }
        // "I" outside quotation marks is the writer, all through the article
        // (PolNeAR train: B-cubed all 89.68 -> 89.75).
        let writer = lower == "i";
        if writer {
            if let Some((&i, _)) = self.unresolved.iter().find(|(_, p)| **p == lower) {
                return i;
            }
        }
        let paragraph = self.doc.para_of.get(m.tokens.first()).map_or(0, |p| p + 1);
        let name = if writer {
            format!("{text} (the writer)")
        } else {
            format!("{text} (¶{paragraph})")
        };
        let idx = self.speakers.len();
        self.speakers.push(new_speaker(name, false));
        self.keys.push(Vec::new());
        self.unresolved.insert(idx, lower);
        idx
    }

    /// Credits quote `a` to speaker `idx` through mention `m`.
    fn credit(&mut self, idx: usize, a: &mut Attributed, m: Mention, rule: SpeakerRule) {
        let mention_range = self.doc.range_of(m.tokens);
        let a_thing = m.kind == MentionKind::Name && self.is_not_person(mention_range);
        let sp = &mut self.speakers[idx];
        // Mentions arrive in text order; a continued quote repeats the last one.
        if sp.mentions.last() != Some(&mention_range) {
            sp.mentions.push(mention_range);
        }
        sp.quotes += 1;
        sp.views += u32::from(a.quote.cue_class.is_view());
        sp.quoted_words += a
            .quote
            .parts()
            .map(|p| count_words(self.doc, p))
            .sum::<u32>();
        a.quote.speaker = u32::try_from(idx).ok();
        self.last_credited = Some(idx);
        a.quote.speaker_by = Some(rule);
        if sp.named && !a_thing {
            self.last_person.push((idx, m.tokens.first()));
        }
    }

    /// A one-word "name" that only opens its sentence and that the entity
    /// tagger did not take for a name ("Critics say …", "Doctors warn …") is
    /// a common noun, unless it is the surname of a full name in the text
    /// ("Trump: “…”" in a headline). (Without an entity model, names stay
    /// names.)
    fn common_noun_or(&self, m: Mention) -> Mention {
        let i = m.tokens.first();
        let opens_sentence = self.doc.sentence_bounds(i).first() == i;
        let lone = m.kind == MentionKind::Name && m.tokens.count() == 1 && opens_sentence;
        // No entity at all: no model ran (or the text names nothing).
        let untagged = self.entities.is_empty();
        if !lone || untagged || self.doc.range_of(m.tokens).overlaps_any(&self.entities) {
            return m;
        }
        // "Trump: “…”" in a headline: the surname of a person the article
        // names in full is that person.
        let word = self.doc.low(i);
        let surname = self
            .names
            .with_word(word)
            .any(|c| !c.is_org && c.words.len() >= 2 && c.words.last() == Some(&word));
        if surname {
            return m;
        }
        Mention {
            kind: MentionKind::Nominal,
            ..m
        }
    }

    /// Whether a name ends inside one the tagger found to be a place ("the
    /// Marshall Islands"; not "Pennsylvania Gov. Ed Rendell").
    fn is_not_person(&self, r: TextRange) -> bool {
        let last = r.end().saturating_sub(1);
        TextRange::new(last, last + 1).overlaps_any(&self.not_people)
    }

    /// The speakers, with the roles and organisations of the named ones.
    fn finish(mut self) -> Vec<Speaker> {
        for (i, sp) in self.speakers.iter_mut().enumerate() {
            if sp.named {
                let (role, org) = role_and_org(self.doc, self.names, self.keys.get(i));
                sp.role = role;
                sp.organization = org;
            }
        }
        self.speakers
    }
}

fn new_speaker(name: String, named: bool) -> Speaker {
    Speaker {
        name,
        mentions: Vec::new(),
        role: None,
        organization: None,
        gender: Gender::Unknown,
        named,
        quotes: 0,
        quoted_words: 0,
        views: 0,
        edited: SpeakerEdits::default(),
    }
}

/// Every capitalised name phrase in the text.
/// `people` are the persons the entity tagger found, in text order.
fn name_candidates<'d>(doc: &'d Doc, people: &[TextRange]) -> Vec<NameCandidate<'d>> {
    let mut out = Vec::new();
    let mut i = 0;
    // End (exclusive) of the sentence holding `i`, found once per sentence.
    let mut sentence_end = 0;
    while i < doc.len() {
        if !doc.is_cap(i) {
            i += 1;
            continue;
        }
        if i >= sentence_end {
            let sentence = doc.sentence_bounds(i);
            sentence_end = sentence.last() + 1;
            if is_headline_sentence(doc, sentence) {
                // "Obama Says African-American Museum …": capitals there
                // are the headline's, not names.
                i = sentence_end;
                continue;
            }
        }
        // "Said Moreno: “…”": a reporting verb opening the sentence is no
        // part of the name after it.
        if doc.sentence_bounds(i).first() == i && is_cue_verb(doc.low(i)) && i + 1 < sentence_end {
            i += 1;
            continue;
        }
        if outside_person_before_one(doc, i, people) {
            i += 1;
            continue;
        }
        let (candidate, next) = name_at(doc, i, sentence_end, people);
        out.extend(candidate);
        i = next.max(i + 1);
    }
    out
}

/// Whether the mention starting at token `at` opens its sentence: only
/// capitalised words (titles, first names) or "the" stand before it.
fn opens_sentence(doc: &Doc, at: usize) -> bool {
    let first = doc.sentence_bounds(at).first();
    (first..at).all(|i| doc.is_cap(i) || doc.low(i) == "the")
}

/// A name mention without the capitalised words the entity tagger left
/// out of the person it names ("Republican Marta Quispe said" → Marta Quispe).
fn trim_to_person(doc: &Doc, mut m: Mention, people: &[TextRange]) -> Mention {
    while m.kind == MentionKind::Name
        && m.tokens.count() > 1
        && outside_person_before_one(doc, m.tokens.first(), people)
    {
        m.tokens = TokenSpan::new(m.tokens.first() + 1, m.tokens.last());
    }
    // "the editorial board of the Washington Post Trump said": the person
    // inside the capitals.
    if m.kind == MentionKind::Name {
        if let Some(&person) = persons_within(doc, m.tokens, people).first() {
            m.tokens = person;
        }
    }
    m
}

/// Whether token `i` is a capitalised word the entity tagger left out of
/// the person starting right after it, and no title: "Rival Hillary
/// Clinton", "Democrat Hillary Clinton" name Hillary Clinton ("Mr", "Gen."
/// stay: titles are handled as titles).
fn outside_person_before_one(doc: &Doc, i: usize, people: &[TextRange]) -> bool {
    let next = i + 1;
    if next >= doc.len() || is_title(doc.low(i).trim_end_matches('.')) {
        return false;
    }
    let starts_person = |t: usize| {
        let at = doc.toks[t].range.start();
        people.binary_search_by_key(&at, |r| r.start()).is_ok()
    };
    let inside_person = |t: usize| doc.toks[t].range.overlaps_any(people);
    doc.same_sentence(i, next) && starts_person(next) && !inside_person(i)
}

/// Whether a sentence is a headline (all caps, or title case with no full
/// stop), as the entity tagger reads it.
fn is_headline_sentence(doc: &Doc, sentence: TokenSpan) -> bool {
    let words: Vec<&str> = sentence.indices().map(|k| doc.s(k)).collect();
    crate::ner::features::is_headline(&words)
}

/// The names starting at the capitalised token `i` (see [`scan_name`];
/// before `end`, its sentence's end; hyphens splitting): one, or the
/// persons the entity tagger found inside it; and the token after it.
fn name_at<'d>(
    doc: &'d Doc,
    i: usize,
    end: usize,
    people: &[TextRange],
) -> (Vec<NameCandidate<'d>>, usize) {
    let scan = scan_name(doc, i, end, Joined::Split);
    let next = scan.phrase.map_or(i, |p| p.last() + 1);
    let (Some(phrase), Some(name)) = (scan.phrase, scan.name) else {
        return (Vec::new(), next);
    };
    let candidate = |phrase: TokenSpan, name: TokenSpan, mut gender: Gender| {
        let words = name_key(doc, name.indices().filter(|&t| !doc.is(t, ".")));
        if gender == Gender::Unknown && words.len() > 1 {
            gender = first_name_gender(words[0]); // "Jennifer Palmieri"
        }
        NameCandidate {
            words,
            display: possessive_dropped(as_written(doc, name)),
            tokens: phrase,
            gender,
            // An organisation's word among the name's capitals ("Ministry").
            is_org: name
                .indices()
                .any(|t| doc.is_cap(t) && is_org_word(doc.low(t))),
            has_title: scan.has_title,
            is_person: people.binary_search(&doc.range_of(name)).is_ok(),
            opens_with_common_word: opens_with_common_word(doc, name),
        }
    };
    // "Donald Trump Is Right", "Washington Post Trump", "Chris Christie
    // Calls Hillary Clinton": the persons the entity tagger found inside
    // are the names (a title before the phrase is the first one's).
    let persons = persons_within(doc, name, people);
    if persons.is_empty() {
        return (vec![candidate(phrase, name, scan.gender)], next);
    }
    let found = persons
        .into_iter()
        .map(|p| {
            if p.first() == name.first() {
                candidate(TokenSpan::new(phrase.first(), p.last()), p, scan.gender)
            } else {
                candidate(p, p, Gender::Unknown)
            }
        })
        .collect();
    (found, next)
}

/// Whether the name `name` opens its sentence with a word that is no name
/// there: an adverb or a participle ("Interestingly", "Debating"), a
/// preposition or conjunction ("Beneath", "Among"), or "Both".
fn opens_with_common_word(doc: &Doc, name: TokenSpan) -> bool {
    let first = name.first();
    if name.count() < 2 || doc.sentence_bounds(first).first() != first {
        return false;
    }
    let low = doc.low(first);
    let suffixed = low.len() > 4 && (low.ends_with("ly") || low.ends_with("ing"));
    (suffixed && first_name_gender(low) == Gender::Unknown)
        || is_clause_word(low)
        || matches!(
            low,
            "beneath"
                | "despite"
                | "during"
                | "under"
                | "without"
                | "within"
                | "amid"
                | "among"
                | "both"
        )
}

/// The word tokens of a mention's name: from the first word that is no
/// title; after an honorific, the last word even when it could be a title
/// ("Mr. King", as `scan_name` reads it). Empty when only titles remain.
fn name_token_indices(doc: &Doc, phrase: TokenSpan) -> Vec<usize> {
    let mut words: Vec<usize> = phrase.indices().filter(|&i| doc.is_word(i)).collect();
    let titles = words.iter().take_while(|&&i| is_title(doc.low(i))).count();
    let honorific_first = words.first().is_some_and(|&i| is_honorific(doc.low(i)));
    let keep_last = titles == words.len() && words.len() > 1 && honorific_first;
    words.drain(..titles.min(words.len() - usize::from(keep_last)));
    words
}

/// Name words of a mention, lowercased, titles and dots removed; after
/// offices only the person's ("White House Chief of Staff Rahm Emanuel").
fn name_words<'d>(doc: &'d Doc, phrase: TokenSpan) -> Vec<&'d str> {
    let scan = scan_name(doc, phrase.first(), phrase.last() + 1, Joined::Keep);
    let office = |k: usize| doc.is_word(k) && !is_title(doc.low(k));
    let after_offices = scan
        .name
        .filter(|n| n.last() == phrase.last() && (phrase.first()..n.first()).any(office));
    let span = after_offices.unwrap_or(phrase);
    name_key(doc, name_token_indices(doc, span).into_iter())
}

/// The lowercase key of the name words `tokens`, the last without its
/// possessive ending ("Mary J. Blige’s show" is Mary J. Blige's).
fn name_key<'d>(doc: &'d Doc, tokens: impl Iterator<Item = usize>) -> Vec<&'d str> {
    let mut out: Vec<&'d str> = tokens.map(|i| doc.low(i)).collect();
    if let Some(last) = out.last_mut() {
        *last = without_possessive(last);
    }
    out
}

/// `name` without a leading "The" or "the".
fn without_article(name: &str) -> &str {
    name.strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name)
}

/// The acronym a speaker's name is, article aside ("The IMF": "IMF").
fn acronym(name: &str) -> Option<&str> {
    let a = without_article(name);
    (a.len() <= 6 && is_acronym_word(a)).then_some(a)
}

/// `name` without a final possessive, in place.
fn possessive_dropped(mut name: String) -> String {
    let keep = without_possessive(&name).len();
    name.truncate(keep);
    name
}

/// `name` without a final possessive "’s" or "'s" ("Trump’s" → "Trump").
fn without_possessive(name: &str) -> &str {
    ["’s", "'s", "’S", "'S"]
        .iter()
        .find_map(|s| name.strip_suffix(s).filter(|rest| !rest.is_empty()))
        .unwrap_or(name)
}

/// The persons the entity tagger found inside the capitalised phrase
/// `span`, when they are not the whole of it.
fn persons_within(doc: &Doc, span: TokenSpan, people: &[TextRange]) -> Vec<TokenSpan> {
    let r = doc.range_of(span);
    let at = people.partition_point(|p| p.start() < r.start());
    let inside = &people[at..];
    let n = inside.iter().take_while(|p| p.end() <= r.end()).count();
    // Most names are one person, or none (no allocation then).
    if n == 0 || (n == 1 && inside[0] == r) {
        return Vec::new();
    }
    inside[..n]
        .iter()
        .filter_map(|p| {
            let first = doc.token_at(p.start());
            let last = doc.token_at(p.end()).checked_sub(1)?;
            (first <= last).then(|| TokenSpan::new(first, last))
        })
        .collect()
}

/// The name of a mention as written, titles before it left out.
fn display_words(doc: &Doc, phrase: TokenSpan) -> String {
    let words = name_token_indices(doc, phrase);
    let (Some(&from), Some(&to)) = (words.first(), words.last()) else {
        return String::new();
    };
    possessive_dropped(as_written(doc, TokenSpan::new(from, to)))
}

/// Tokens as written, with each run of spaces (a line break, a no-break
/// space) as one space.
fn as_written(doc: &Doc, words: TokenSpan) -> String {
    let text = doc.range_of(words).slice(doc.text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest name in the text that contains every word of `words`,
/// preferring one the entity tagger found to be a person ("Hillary
/// Clinton", not the "Debating Clinton" of a headline).
fn best_full_name<'a, 'd>(names: &'a Names<'d>, words: &[&str]) -> Option<&'a NameCandidate<'d>> {
    names
        .with_word(words.first()?)
        .filter(|c| !c.is_org && c.words.len() <= 5 && contains_all(&c.words, words))
        .filter(|c| !c.opens_with_common_word)
        // A word more counts more than the tagger's say-so; between names
        // as long, its person wins ("Donald Trump", not "Trump May").
        .max_by_key(|c| {
            let weight = 2 * c.words.len() + usize::from(c.is_person);
            (weight, std::cmp::Reverse(c.tokens.first()))
        })
}

/// How far back pronoun resolution looks (names or speakers).
const LOOKBACK: usize = 200;

/// The name candidates of a text, in text order, indexed by word.
struct Names<'d> {
    all: Vec<NameCandidate<'d>>,
    by_word: rustc_hash::FxHashMap<&'d str, Vec<usize>>,
}

impl<'d> Names<'d> {
    fn new(all: Vec<NameCandidate<'d>>) -> Self {
        let mut by_word: rustc_hash::FxHashMap<&'d str, Vec<usize>> =
            rustc_hash::FxHashMap::default();
        // Each distinct name once (its first occurrence): look-ups stay short
        // however often a name repeats.
        let mut seen: rustc_hash::FxHashSet<&[&str]> = rustc_hash::FxHashSet::default();
        for (i, c) in all.iter().enumerate() {
            if !seen.insert(&c.words) {
                continue;
            }
            for &w in &c.words {
                let v = by_word.entry(w).or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        Self { all, by_word }
    }

    /// Candidates containing `word`.
    fn with_word<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a NameCandidate<'d>> + 'a {
        self.by_word
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.all[i])
    }

    /// Candidates ending before token `at`, in text order.
    fn before(&self, at: usize) -> std::slice::Iter<'_, NameCandidate<'d>> {
        let end = self.all.partition_point(|c| c.tokens.last() < at);
        self.all[..end].iter()
    }
}

/// Name words of each speaker, indexed by word, so that finding the speaker
/// a name belongs to does not scan every speaker.
#[derive(Default)]
struct SpeakerKeys<'d> {
    keys: Vec<Vec<&'d str>>,
    by_word: rustc_hash::FxHashMap<&'d str, Vec<usize>>,
}

impl<'d> SpeakerKeys<'d> {
    fn get(&self, i: usize) -> &[&'d str] {
        &self.keys[i]
    }

    /// The first speaker whose words contain `words`, or are contained in them.
    fn find(&self, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .filter_map(|w| self.by_word.get(w))
            .flatten()
            .copied()
            .filter(|&i| contains_all(&self.keys[i], words) || contains_all(words, &self.keys[i]))
            .min()
    }

    /// Adds a speaker's words; returns its index.
    fn push(&mut self, key: Vec<&'d str>) -> usize {
        let i = self.keys.len();
        self.index(i, &key);
        self.keys.push(key);
        i
    }

    /// Replaces speaker `i`'s words with a fuller name.
    fn replace(&mut self, i: usize, key: Vec<&'d str>) {
        self.index(i, &key);
        self.keys[i] = key;
    }

    fn index(&mut self, i: usize, key: &[&'d str]) {
        for &w in key {
            let v = self.by_word.entry(w).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
}

fn count_words(doc: &Doc, r: TextRange) -> u32 {
    let first = doc.token_at(r.start());
    let n = doc.toks[first..]
        .iter()
        .take_while(|t| t.range.end() <= r.end())
        .filter(|t| t.kind == crate::TokenKind::Word)
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Role and organisation of the person named `key`, from the first
/// mention that has either: "Name, Role, Org", "Name Role of Org",
/// "the Role of Org, Name".
fn role_and_org(doc: &Doc, names: &Names, key: &[&str]) -> (Option<String>, Option<String>) {
    let mut ids: Vec<usize> = key
        .iter()
        .filter_map(|w| names.by_word.get(w))
        .flatten()
        .copied()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for c in ids
        .into_iter()
        .map(|i| &names.all[i])
        .filter(|c| contains_all(key, &c.words) || contains_all(&c.words, key))
    {
        // After the name.
        let mut j = c.tokens.last() + 1;
        if j < doc.len() && doc.is(j, ",") {
            j += 1;
        }
        // "Frank Nervo, a state judge, …": a lowercase role after a determiner.
        if j < doc.len() && matches!(doc.low(j), "a" | "an" | "the") && doc.is(j - 1, ",") {
            // Up to "and", "who", "of", "at": "a tax lawyer and senior fellow at …".
            let last = (j + 1..doc.len())
                .take(4)
                .take_while(|&k| {
                    doc.is_word(k)
                        && !doc.is_cap(k)
                        && !is_clause_word(doc.low(k))
                        && !matches!(doc.low(k), "of" | "at" | "for")
                })
                .last();
            if let Some(role) = last.and_then(|l| lowercase_role(doc, TokenSpan::new(j + 1, l))) {
                return (Some(role), None);
            }
        }
        if let Some((role, next)) = role_phrase(doc, j) {
            let mut org = split_org(&role);
            if org.is_none() && next < doc.len() && doc.is(next, ",") {
                org = org_phrase(doc, next + 1);
            }
            let role = org.as_ref().map_or(role.clone(), |o| strip_org(&role, o));
            return (Some(role), org);
        }
        // Before the name: "the Minister of Public Security, Maj. Gen. X".
        if c.tokens.first() >= 2 && doc.is(c.tokens.first() - 1, ",") {
            let mut k = c.tokens.first() - 2;
            while k > 0 && (doc.is_word(k - 1)) && doc.same_sentence(k - 1, c.tokens.first()) {
                k -= 1;
                if doc.low(k) == "the" {
                    break;
                }
            }
            let start = if doc.low(k) == "the" { k + 1 } else { k };
            if let Some((role, end)) = role_phrase(doc, start) {
                if end == c.tokens.first() - 1 {
                    let org = split_org(&role);
                    return (Some(role), org);
                }
            }
            if doc.low(k) == "the" {
                if let Some(role) = lowercase_role(doc, TokenSpan::new(start, c.tokens.first() - 2))
                {
                    return (Some(role), None);
                }
            }
        }
        if let Some(role) = role_noun_before(doc, c.tokens.first()) {
            return (Some(role), None);
        }
    }
    (None, None)
}

/// A lowercase phrase ending in a role noun, as written ("mayor", "central
/// bank governor", "city's police chief" in "the …, Name"); at most four
/// words.
fn lowercase_role(doc: &Doc, words: TokenSpan) -> Option<String> {
    let lowercase = |k: usize| doc.is_word(k) && !doc.is_cap(k);
    let possessive = |k: usize| matches!(doc.low(k), "'s" | "’s");
    let ok = words.count() <= 4
        && is_role_word(doc.low(words.last()))
        && (words.first()..=words.last()).all(|k| lowercase(k) || possessive(k));
    ok.then(|| as_written(doc, words))
}

/// A lowercase role noun right before a name, with one modifier before it
/// ("spokesman Tom Reed", "campaign manager Ana Lopez").
fn role_noun_before(doc: &Doc, first: usize) -> Option<String> {
    let noun = first.checked_sub(1)?;
    let lowercase_word = |k: usize| doc.is_word(k) && !doc.is_cap(k) && doc.same_sentence(k, first);
    if !lowercase_word(noun) || !is_role_word(doc.low(noun)) {
        return None;
    }
    let modifier = noun.checked_sub(1).filter(|&k| {
        lowercase_word(k)
            && !crate::attribution::phrases::is_clause_word(doc.low(k))
            && !crate::attribution::lexicon::is_determiner(doc.low(k))
            && !crate::attribution::lexicon::is_cue_verb(doc.low(k))
    });
    Some(as_written(
        doc,
        TokenSpan::new(modifier.unwrap_or(noun), noun),
    ))
}

/// A capitalised phrase containing a role word starting at `i`:
/// (text, index after it).
fn role_phrase(doc: &Doc, i: usize) -> Option<(String, usize)> {
    let mut j = i;
    let mut has_role = false;
    while j < doc.len() && doc.same_sentence(i, j) {
        let low = doc.low(j);
        if doc.is_cap(j) {
            has_role |= is_role_word(low);
            j += 1;
        } else if j > i
            && matches!(
                low,
                "of" | "for" | "the" | "and" | "in" | "on" | "at" | "to" | "-"
            )
            && j + 1 < doc.len()
            && (doc.is_cap(j + 1) || doc.low(j + 1) == "the")
        {
            j += 1;
        } else if doc.is_word(j) && j > i && is_role_word(low) {
            has_role = true;
            j += 1;
        } else {
            break;
        }
    }
    (has_role && j > i).then(|| (doc.range(i, j - 1).slice(doc.text).to_owned(), j))
}

/// A capitalised phrase naming an organisation ("Royal Norwegian Embassy
/// in Bangkok") starting at `i`.
fn org_phrase(doc: &Doc, i: usize) -> Option<String> {
    let mut j = i;
    let mut has_org = false;
    while j < doc.len() && doc.same_sentence(i, j) {
        if doc.is_cap(j) {
            has_org |= is_org_word(doc.low(j));
            j += 1;
        } else if j > i
            && matches!(
                doc.low(j),
                "of" | "for" | "the" | "and" | "in" | "on" | "at"
            )
            && j + 1 < doc.len()
            && doc.is_cap(j + 1)
        {
            j += 1;
        } else {
            break;
        }
    }
    (has_org && j > i).then(|| doc.range(i, j - 1).slice(doc.text).to_owned())
}

/// "Manager of United Nations Action …" → "United Nations Action …".
fn split_org(role: &str) -> Option<String> {
    for sep in [" of the ", " of ", " at the ", " at ", " for the ", " for "] {
        if let Some(p) = role.find(sep) {
            let org = &role[p + sep.len()..];
            if org
                .split_whitespace()
                .any(|w| is_org_word(&w.to_lowercase()))
            {
                return Some(org.to_owned());
            }
        }
    }
    None
}

fn strip_org(role: &str, org: &str) -> String {
    role.to_owned()
        .replace(org, "")
        .trim_end_matches([' ', ','])
        .trim_end_matches(" of")
        .trim_end_matches(" at")
        .trim_end_matches(" for")
        .to_owned()
}
