//! Applying the reader's edits to a machine analysis: quotes first (speaker,
//! removal, addition, extent, merges, in the order made), then the speakers
//! are counted again from the quotes they hold.

use super::{Anchor, Corrections, Edit};
use crate::analysis::Analysis;
use crate::attribution::rules::RuleId;
use crate::attribution::{CueClass, Quote, QuoteEdits, QuoteKind};
use crate::span::TextRange;
use crate::speakers::{Speaker, SpeakerEdits, SpeakerRule};

/// A machine analysis with the reader's edits applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Corrected {
    /// The analysis as the reader corrected it; quotes and speakers carry
    /// what was edited (`edited`).
    pub analysis: Analysis,
    /// Edits that no longer apply (their words are gone from the text, or
    /// the machine no longer finds their quote or speaker), in the order
    /// made.
    pub dropped: Vec<Edit>,
    /// The edits that still apply, their anchors moved to where their
    /// words now are (keep these instead of the old ones).
    pub corrections: Corrections,
}

/// A quote being corrected, with its speaker by name.
struct Work {
    quote: Quote,
    name: Option<String>,
}

/// What the reader set on a speaker, by name.
#[derive(Default, Clone)]
struct Override {
    role: Option<Option<String>>,
    organization: Option<Option<String>>,
    anonymous: Option<bool>,
    chosen: bool,
    merged: bool,
}

struct State<'t> {
    text: &'t str,
    machine: &'t Analysis,
    work: Vec<Work>,
    /// The reader's settings, by speaker name (few: a list).
    overrides: Vec<(String, Override)>,
}

pub(super) fn apply(c: &Corrections, text: &str, machine: &Analysis) -> Corrected {
    let mut st = State {
        text,
        machine,
        work: machine
            .quotes
            .iter()
            .map(|q| Work {
                quote: q.clone(),
                name: q
                    .speaker
                    .and_then(|s| machine.speakers.get(s as usize))
                    .map(|s| s.name.clone()),
            })
            .collect(),
        overrides: Vec::new(),
    };
    let mut dropped = Vec::new();
    let mut kept = Corrections {
        steps: Vec::new(),
        undone: Vec::new(),
    };
    for step in &c.steps {
        let mut still = Vec::new();
        for edit in step {
            match st.edit(edit) {
                Some(moved) => still.push(moved),
                None => dropped.push(edit.clone()),
            }
        }
        if !still.is_empty() {
            kept.steps.push(still);
        }
    }
    // Undone steps stay as they were: redo re-applies (or drops) them.
    kept.undone.clone_from(&c.undone);
    Corrected {
        analysis: st.finish(),
        dropped,
        corrections: kept,
    }
}

impl State<'_> {
    /// Applies one edit; returns it with its anchors moved, or `None` when
    /// it no longer applies.
    fn edit(&mut self, edit: &Edit) -> Option<Edit> {
        match edit {
            Edit::Speaker { quote, name, role } => {
                let (k, r) = self.quote_at(quote)?;
                let name = clean(name)?;
                self.credit(k, &name);
                let o = self.set(&name);
                o.chosen = true;
                if let Some(role) = role.as_deref().and_then(clean) {
                    o.role = Some(Some(role));
                }
                Some(Edit::Speaker {
                    quote: quote.at(r),
                    name,
                    role: role.clone(),
                })
            }
            Edit::NotAQuote { quote } => {
                let (k, r) = self.quote_at(quote)?;
                self.work.remove(k);
                Some(Edit::NotAQuote { quote: quote.at(r) })
            }
            Edit::AddQuote { span, speaker } => {
                let r = span.find(self.text)?;
                self.work.retain(|w| !w.quote.range.overlaps(r));
                let at = self
                    .work
                    .partition_point(|w| w.quote.range.start() < r.start());
                self.work.insert(at, self.added(r));
                if let Some(name) = speaker.as_deref().and_then(clean) {
                    self.credit(at, &name);
                    self.set(&name).chosen = true;
                }
                Some(Edit::AddQuote {
                    span: span.at(r),
                    speaker: speaker.clone(),
                })
            }
            Edit::Extent { quote, to } => {
                let (k, r) = self.quote_at(quote)?;
                let new = to.find(self.text)?;
                let keep = std::mem::replace(&mut self.work[k].quote.range, new);
                let mut w = self.work.remove(k);
                w.quote.interruptions.retain(|g| new.contains_range(*g));
                w.quote.edited.span = w.quote.edited.span || keep != new;
                self.work.retain(|o| !o.quote.range.overlaps(new));
                let at = self
                    .work
                    .partition_point(|o| o.quote.range.start() < new.start());
                self.work.insert(at, w);
                Some(Edit::Extent {
                    quote: quote.at(r),
                    to: to.at(new),
                })
            }
            Edit::Merge { from, into } => {
                if from == into || !self.work.iter().any(|w| w.name.as_ref() == Some(from)) {
                    return None;
                }
                for w in &mut self.work {
                    if w.name.as_ref() == Some(from) {
                        w.name = Some(into.clone());
                        w.quote.edited.speaker = true;
                    }
                }
                let o = self.set(into);
                (o.chosen, o.merged) = (true, true);
                Some(edit.clone())
            }
            Edit::Anonymous { speaker, anonymous } => {
                self.has_speaker(speaker)?;
                self.set(speaker).anonymous = Some(*anonymous);
                Some(edit.clone())
            }
            Edit::Details {
                speaker,
                role,
                organization,
            } => {
                self.has_speaker(speaker)?;
                let o = self.set(speaker);
                o.role = Some(role.as_deref().and_then(clean));
                o.organization = Some(organization.as_deref().and_then(clean));
                Some(edit.clone())
            }
        }
    }

    /// The reader's settings for speaker `name`.
    fn set(&mut self, name: &str) -> &mut Override {
        let k = match self.overrides.iter().position(|(n, _)| n == name) {
            Some(k) => k,
            None => {
                self.overrides.push((name.to_owned(), Override::default()));
                self.overrides.len() - 1
            }
        };
        &mut self.overrides[k].1
    }

    fn has_speaker(&self, name: &str) -> Option<()> {
        self.work
            .iter()
            .any(|w| w.name.as_deref() == Some(name))
            .then_some(())
    }

    /// The quote whose words the anchor holds (or one that holds them, or
    /// lies inside them), and where they are now.
    fn quote_at(&self, a: &Anchor) -> Option<(usize, TextRange)> {
        let r = a.find(self.text)?;
        let k = self
            .work
            .iter()
            .position(|w| w.quote.range == r)
            .or_else(|| {
                self.work.iter().position(|w| {
                    w.quote.range.contains_range(r) || r.contains_range(w.quote.range)
                })
            })?;
        Some((k, r))
    }

    /// Credits quote `k` to `name`, through the mention of that name
    /// nearest to the quote.
    fn credit(&mut self, k: usize, name: &str) {
        let q = &self.work[k].quote;
        let mention = self.mention_near(name, q.range);
        let w = &mut self.work[k];
        w.name = Some(name.to_owned());
        w.quote.speaker_mention = mention;
        w.quote.speaker_by = Some(SpeakerRule::Reader);
        w.quote.edited.speaker = true;
        w.quote.confidence = 100;
    }

    /// Where the text names `name` nearest to `quote`, outside it: one of a
    /// machine speaker's mentions by that name, else the name written out,
    /// else its last word.
    fn mention_near(&self, name: &str, quote: TextRange) -> Option<TextRange> {
        let distance = |r: &TextRange| {
            if r.end() <= quote.start() {
                quote.start() - r.end()
            } else {
                r.start().saturating_sub(quote.end())
            }
        };
        let outside = |r: &TextRange| !r.overlaps(quote);
        let known = self
            .machine
            .speakers
            .iter()
            .filter(|s| s.name == name)
            .flat_map(|s| s.mentions.iter().copied());
        let last_word = name.split_whitespace().last().filter(|w| w.len() > 2);
        let written = [Some(name), last_word].into_iter().flatten().flat_map(|n| {
            self.text
                .match_indices(n)
                .map(|(at, _)| TextRange::new(at, at + n.len()))
                .filter(|r| self.word_bounded(*r))
                .collect::<Vec<_>>()
        });
        known
            .filter(outside)
            .min_by_key(distance)
            .or_else(|| written.filter(outside).min_by_key(distance))
    }

    fn word_bounded(&self, r: TextRange) -> bool {
        let before = self.text[..r.start()].chars().next_back();
        let after = self.text[r.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }

    /// A quote the reader marked.
    fn added(&self, range: TextRange) -> Work {
        let words = range.slice(self.text);
        let direct = words.contains(['“', '”', '"', '«', '»', '„']);
        Work {
            quote: Quote {
                range,
                kind: if direct {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                },
                cue: None,
                speaker_mention: None,
                speaker: None,
                found_by: RuleId::Reader,
                speaker_by: None,
                cue_class: CueClass::Speech,
                confidence: 100,
                interruptions: Vec::new(),
                edited: QuoteEdits {
                    added: true,
                    ..QuoteEdits::default()
                },
            },
            name: None,
        }
    }

    /// The corrected analysis: quotes in text order, speakers in order of
    /// first quote, each counted again.
    fn finish(self) -> Analysis {
        let Self {
            text,
            machine,
            work,
            overrides,
        } = self;
        let mut speakers: Vec<Speaker> = Vec::new();
        // Each speaker's index, by name (in order of first quote).
        let mut index: Vec<String> = Vec::new();
        let mut quotes = Vec::with_capacity(work.len());
        for Work { mut quote, name } in work {
            quote.speaker = name.map(|name| {
                let k = index.iter().position(|n| *n == name).unwrap_or_else(|| {
                    let set = overrides.iter().find(|(n, _)| *n == name).map(|(_, o)| o);
                    speakers.push(start_speaker(machine, &name, set));
                    index.push(name);
                    index.len() - 1
                });
                u32::try_from(k).unwrap_or(u32::MAX)
            });
            if let Some(s) = quote.speaker.and_then(|s| speakers.get_mut(s as usize)) {
                s.quotes += 1;
                s.views += u32::from(quote.cue_class.is_view());
                s.quoted_words += quote.parts().map(|p| words_in(text, p)).sum::<u32>();
                if let Some(m) = quote.speaker_mention {
                    if !s.mentions.contains(&m) {
                        s.mentions.push(m);
                    }
                }
            }
            quotes.push(quote);
        }
        for s in &mut speakers {
            s.mentions.sort_unstable_by_key(|m| m.start());
        }
        Analysis {
            quotes,
            speakers,
            ..machine.clone()
        }
    }
}

/// The speaker `name` before counting: the machine's speaker of that name
/// (its role, organisation, gender), or a new one, with the reader's
/// settings.
fn start_speaker(machine: &Analysis, name: &str, o: Option<&Override>) -> Speaker {
    let found = machine.speakers.iter().find(|s| s.name == name);
    let mut s = found.cloned().unwrap_or_else(|| Speaker {
        name: name.to_owned(),
        mentions: Vec::new(),
        role: None,
        organization: None,
        gender: crate::Gender::Unknown,
        named: true,
        quotes: 0,
        quoted_words: 0,
        views: 0,
        edited: SpeakerEdits::default(),
    });
    s.mentions.clear();
    (s.quotes, s.quoted_words, s.views) = (0, 0, 0);
    s.edited = SpeakerEdits {
        name: found.is_none(),
        ..SpeakerEdits::default()
    };
    let Some(o) = o else { return s };
    s.edited.name |= o.chosen && found.is_none();
    s.edited.merged = o.merged;
    if let Some(role) = &o.role {
        s.role.clone_from(role);
        s.edited.role = true;
    }
    if let Some(org) = &o.organization {
        s.organization.clone_from(org);
        s.edited.organization = true;
    }
    if let Some(anonymous) = o.anonymous {
        s.named = !anonymous;
        s.edited.named = true;
    }
    s
}

/// Words inside `r`: runs of letters and digits with a letter, an
/// apostrophe or a dot between two letters joining them ("don’t", "U.N") —
/// the tokenizer's words for news copy, without its Unicode tables (the page
/// gets analyses without tokens, and its bundle has no tokenizer).
pub(crate) fn words_in(text: &str, r: TextRange) -> u32 {
    let chars: Vec<char> = r.slice(text).chars().collect();
    let (mut words, mut in_run, mut has_letter) = (0u32, false, false);
    for (k, &c) in chars.iter().enumerate() {
        let joins = matches!(c, '\'' | '’' | '‘' | '.' | ':')
            && in_run
            && k > 0
            && chars[k - 1].is_alphabetic()
            && chars.get(k + 1).is_some_and(|n| n.is_alphabetic());
        if c.is_alphanumeric() || joins {
            in_run = true;
            has_letter |= c.is_alphabetic();
        } else {
            words += u32::from(in_run && has_letter);
            (in_run, has_letter) = (false, false);
        }
    }
    words + u32::from(in_run && has_letter)
}

/// A name or role as typed, spaces tidied; `None` when empty.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::{analyze, TextRange};

    const T: &str = "“We will rebuild,” said Mayor Keiko Tanaka. “It will take years,” he added. \
                     Critics disagree. “Nonsense,” said Tom Reed, a resident.";

    fn at(text: &str, words: &str) -> Anchor {
        let s = text.find(words).unwrap();
        Anchor::new(text, TextRange::new(s, s + words.len()))
    }

    fn names(a: &crate::Analysis) -> Vec<(String, u32)> {
        a.speakers
            .iter()
            .map(|s| (s.name.clone(), s.quotes))
            .collect()
    }

    #[test]
    fn the_machine_analysis_is_what_the_tests_expect() {
        let a = analyze(T);
        assert_eq!(a.quotes.len(), 3);
        assert_eq!(
            names(&a),
            [("Keiko Tanaka".into(), 2), ("Tom Reed".into(), 1)]
        );
    }

    #[test]
    fn a_speaker_changes_and_the_cards_are_counted_again() {
        let a = analyze(T);
        let mut c = Corrections::default();
        c.push(vec![Edit::Speaker {
            quote: at(T, "“It will take years,”"),
            name: "Tom Reed".into(),
            role: None,
        }]);
        let fixed = c.apply(T, &a);
        assert_eq!(
            names(&fixed.analysis),
            [("Keiko Tanaka".into(), 1), ("Tom Reed".into(), 2)]
        );
        let q = &fixed.analysis.quotes[1];
        assert!(q.edited.speaker && !q.edited.added);
        assert_eq!(q.speaker_by, Some(crate::SpeakerRule::Reader));
        // Credited through the nearest mention of Tom Reed.
        assert_eq!(q.speaker_mention.unwrap().slice(T), "Tom Reed");
        assert_eq!(fixed.analysis.speakers[1].quoted_words, 5);
        assert!(!fixed.analysis.quotes[0].edited.any());
    }

    #[test]
    fn quotes_are_removed_added_and_resized() {
        let a = analyze(T);
        let mut c = Corrections::default();
        c.push(vec![Edit::NotAQuote {
            quote: at(T, "“Nonsense,”"),
        }]);
        c.push(vec![Edit::AddQuote {
            span: at(T, "Critics disagree."),
            speaker: Some("Critics".into()),
        }]);
        c.push(vec![Edit::Extent {
            quote: at(T, "“We will rebuild,”"),
            to: at(T, "“We will"),
        }]);
        let fixed = c.apply(T, &a);
        let quotes: Vec<&str> = fixed
            .analysis
            .quotes
            .iter()
            .map(|q| q.range.slice(T))
            .collect();
        assert_eq!(
            quotes,
            ["“We will", "“It will take years,”", "Critics disagree."]
        );
        let added = &fixed.analysis.quotes[2];
        assert!(added.edited.added && added.found_by == crate::rules::RuleId::Reader);
        assert_eq!(added.kind, crate::QuoteKind::Indirect);
        assert!(fixed.analysis.quotes[0].edited.span);
        assert_eq!(
            names(&fixed.analysis),
            [("Keiko Tanaka".into(), 2), ("Critics".into(), 1)]
        );
        assert!(fixed.analysis.speakers[1].edited.name);
        assert!(fixed.dropped.is_empty());
    }

    #[test]
    fn merges_and_speaker_details() {
        let a = analyze(T);
        let mut c = Corrections::default();
        c.push(vec![Edit::Merge {
            from: "Tom Reed".into(),
            into: "Keiko Tanaka".into(),
        }]);
        c.push(vec![Edit::Details {
            speaker: "Keiko Tanaka".into(),
            role: Some(" mayor ".into()),
            organization: Some("Town of Ise".into()),
        }]);
        c.push(vec![Edit::Anonymous {
            speaker: "Keiko Tanaka".into(),
            anonymous: true,
        }]);
        let fixed = c.apply(T, &a).analysis;
        assert_eq!(names(&fixed), [("Keiko Tanaka".into(), 3)]);
        let s = &fixed.speakers[0];
        assert_eq!(s.role.as_deref(), Some("mayor"));
        assert_eq!(s.organization.as_deref(), Some("Town of Ise"));
        assert!(!s.named && s.edited.role && s.edited.organization && s.edited.named);
        assert!(s.edited.merged && !s.edited.name);
        // Mayor Keiko Tanaka, he, Tom Reed.
        assert_eq!(s.mentions.len(), 3);
    }

    #[test]
    fn edits_follow_moved_words_and_are_dropped_when_the_words_go() {
        let mut c = Corrections::default();
        c.push(vec![Edit::NotAQuote {
            quote: at(T, "“Nonsense,”"),
        }]);
        c.push(vec![Edit::Speaker {
            quote: at(T, "“We will rebuild,”"),
            name: "Ann Lee".into(),
            role: None,
        }]);
        let longer = format!("A new lede. {T}");
        let fixed = c.apply(&longer, &analyze(&longer));
        assert!(fixed.dropped.is_empty());
        assert_eq!(fixed.analysis.quotes.len(), 2);
        let moved = &fixed.corrections.steps[0][0];
        let Edit::NotAQuote { quote } = moved else {
            panic!("{moved:?}")
        };
        assert_eq!(
            quote.start,
            T.find("“Nonsense").unwrap() + "A new lede. ".len()
        );
        // The first quote's words changed: its edit is dropped, the other kept.
        let changed = T.replace("We will rebuild", "We rebuild");
        let fixed = c.apply(&changed, &analyze(&changed));
        assert_eq!(fixed.dropped.len(), 1);
        assert!(matches!(fixed.dropped[0], Edit::Speaker { .. }));
        assert_eq!(fixed.corrections.len(), 1);
        assert!(fixed.analysis.speakers.iter().all(|s| s.name != "Ann Lee"));
    }

    #[test]
    fn words_are_counted_as_the_tokenizer_counts_them() {
        let t = "“Don’t cut the U.N. budget by 20% in 2025 — COVID-19 cost us,” she said.";
        let machine = crate::stages::tokenize(t)
            .iter()
            .filter(|tok| tok.kind == crate::TokenKind::Word)
            .count();
        assert_eq!(
            super::words_in(t, TextRange::new(0, t.len())) as usize,
            machine
        );
    }

    #[test]
    fn edits_on_speakers_that_are_gone_are_dropped() {
        let a = analyze(T);
        let mut c = Corrections::default();
        c.push(vec![Edit::Merge {
            from: "Nobody".into(),
            into: "Keiko Tanaka".into(),
        }]);
        c.push(vec![Edit::Anonymous {
            speaker: "Nobody".into(),
            anonymous: true,
        }]);
        let fixed = c.apply(T, &a);
        assert_eq!(fixed.dropped.len(), 2);
        assert_eq!(fixed.analysis, a);
        // Without tokens (as the page receives analyses) words still count.
        let bare = crate::Analysis {
            tokens: Vec::new(),
            ..a.clone()
        };
        let fixed = c.apply(T, &bare).analysis;
        assert_eq!(fixed.speakers, a.speakers);
    }
}
