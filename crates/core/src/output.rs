//! The one output model: every JSON saidwho writes — the page's export, the
//! command line's `analyze --json` and `predict` — is made here, from one
//! [`Analysis`], with every span in the one unit the document declares
//! (`"offsets"`): code points for files (the evaluation format's unit), UTF-16
//! units for JavaScript. A field cannot be in another unit than its
//! neighbours, because the conversion happens in one place (`Converter`).

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::attribution::{CueClass, QuoteKind};
use crate::ner::Entity;
use crate::offsets::OffsetIndex;
use crate::span::TextRange;

/// The unit of every offset in an output document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OffsetUnit {
    /// Unicode code points: Python `str` indices, Rust `chars()`; files and
    /// the evaluation format.
    #[serde(rename = "code points")]
    CodePoints,
    /// UTF-16 code units: JavaScript string indices.
    #[serde(rename = "utf-16")]
    Utf16,
}

/// A half-open span `[start, end)` in the document's [`OffsetUnit`].
pub type Span = [usize; 2];

/// Converts byte ranges of one text into the chosen unit.
struct Converter {
    index: OffsetIndex,
    unit: OffsetUnit,
}

impl Converter {
    fn span(&self, r: TextRange) -> Span {
        match self.unit {
            OffsetUnit::CodePoints => self.index.range_to_chars(r),
            OffsetUnit::Utf16 => self.index.range_to_utf16(r),
        }
    }

    fn len(&self, bytes: usize) -> usize {
        match self.unit {
            OffsetUnit::CodePoints => self.index.to_char(bytes),
            OffsetUnit::Utf16 => self.index.to_utf16(bytes),
        }
    }
}

/// The whole analysis of one text, as written to JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The unit of every span below.
    pub offsets: OffsetUnit,
    /// Length of the text in that unit.
    pub length: usize,
    /// Paragraphs (only when asked for).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Span>,
    /// Sentences (only when asked for).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Span>,
    /// Quotes in text order.
    pub quotes: Vec<QuoteOut>,
    /// Speakers in order of first quote.
    pub speakers: Vec<SpeakerOut>,
    /// Named entities, dates and amounts in text order.
    pub entities: Vec<EntityOut>,
    /// The entities grouped by what they name.
    pub names: Vec<NameOut>,
}

/// Where a quote's words are: one span, or the parts of a quote its
/// attribution interrupts (“A,” she said. “B.”), in text order — the
/// evaluation format's `[[s,e], …]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum QuoteSpan {
    /// An uninterrupted quote.
    Whole(Span),
    /// An interrupted quote's parts.
    Parts(Vec<Span>),
}

impl QuoteSpan {
    fn new(conv: &Converter, q: &crate::Quote) -> Self {
        if q.interruptions.is_empty() {
            Self::Whole(conv.span(q.range))
        } else {
            Self::Parts(q.parts().map(|p| conv.span(p)).collect())
        }
    }
}

/// What every quote written anywhere says (the fields of the evaluation
/// format, `shared/eval/SCHEMA.md`, in its order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteCore {
    /// What was said (quotation marks included for direct quotes).
    pub span: QuoteSpan,
    /// The mention credited with the quote ("she", "Mr Vegard").
    pub speaker_span: Option<Span>,
    /// The resolved speaker's name.
    pub speaker: Option<String>,
    /// The reporting verb or phrase.
    pub cue_span: Option<Span>,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Speech, belief, stance or evidence.
    pub cue_class: CueClass,
    /// How often quotes found this way were right (quote and speaker) on
    /// PolNeAR train, 0 to 1.
    pub confidence: f32,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    /// Span, speaker, cue and kind.
    #[serde(flatten)]
    pub core: QuoteCore,
    /// The words said, as in the text (an interrupted quote's parts joined
    /// by " … ").
    pub text: String,
    /// Index into `speakers`.
    pub speaker_index: Option<u32>,
    /// The rule that found the quote ("cue-then-speaker"; see docs/rules.md).
    pub found_by: String,
    /// How the speaker was chosen ("pronoun", "fuller-name", …).
    pub speaker_by: Option<String>,
    /// Whose values these are: "machine" (as found), "edited" (found, then
    /// corrected by the reader) or "reader" (marked by the reader).
    pub origin: String,
    /// The values the reader changed: "span", "speaker" (empty when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edited: Vec<String>,
}

/// One speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerOut {
    /// The fullest name, or the phrase used ("a spokesman").
    pub name: String,
    /// Role or title, when the text gives one.
    pub role: Option<String>,
    /// Organisation, when the text gives one.
    pub organization: Option<String>,
    /// Whether `name` is a name (not a pronoun or a common noun).
    pub named: bool,
    /// Quotes credited.
    pub quotes: u32,
    /// Words in those quotes.
    pub quoted_words: u32,
    /// How many of those quotes are views or findings (belief, stance,
    /// evidence).
    pub views: u32,
    /// Every mention credited with a quote.
    pub mentions: Vec<Span>,
    /// The values the reader set: "name", "role", "organization", "named",
    /// "merged" (another speaker merged in; empty when all are the
    /// machine's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edited: Vec<String>,
}

/// One entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityOut {
    /// Span and label.
    #[serde(flatten)]
    pub core: PredictedEntity,
    /// The words, as in the text.
    pub text: String,
}

/// One person, organisation or place with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameOut {
    /// The fullest form.
    pub name: String,
    /// Its label.
    pub label: String,
    /// Indices into `entities`.
    pub mentions: Vec<u32>,
}

impl Report {
    /// The analysis `a` of `text` with spans in `unit`; paragraphs and
    /// sentences are included when `with_structure` is set.
    #[must_use]
    pub fn new(text: &str, a: &Analysis, unit: OffsetUnit, with_structure: bool) -> Self {
        let conv = Converter {
            index: OffsetIndex::new(text),
            unit,
        };
        let spans = |rs: &[TextRange]| rs.iter().map(|&r| conv.span(r)).collect();
        Self {
            offsets: unit,
            length: conv.len(text.len()),
            paragraphs: if with_structure {
                spans(&a.paragraphs)
            } else {
                Vec::new()
            },
            sentences: if with_structure {
                spans(&a.sentences)
            } else {
                Vec::new()
            },
            quotes: a
                .quotes
                .iter()
                .map(|q| quote_out(text, a, &conv, q))
                .collect(),
            speakers: a
                .speakers
                .iter()
                .map(|s| SpeakerOut {
                    name: s.name.clone(),
                    role: s.role.clone(),
                    organization: s.organization.clone(),
                    named: s.named,
                    quotes: s.quotes,
                    quoted_words: s.quoted_words,
                    views: s.views,
                    mentions: spans(&s.mentions),
                    edited: speaker_edits(s.edited),
                })
                .collect(),
            entities: a
                .entities
                .iter()
                .map(|e| EntityOut {
                    core: PredictedEntity::new(&conv, e),
                    text: e.range.slice(text).to_owned(),
                })
                .collect(),
            names: a
                .names
                .iter()
                .map(|g| NameOut {
                    name: g.name.clone(),
                    label: g.label.as_str().to_owned(),
                    mentions: g.mentions.clone(),
                })
                .collect(),
        }
    }
}

fn quote_core(a: &Analysis, conv: &Converter, q: &crate::Quote) -> QuoteCore {
    QuoteCore {
        span: QuoteSpan::new(conv, q),
        speaker_span: q.speaker_mention.map(|r| conv.span(r)),
        speaker: q
            .speaker
            .and_then(|i| a.speakers.get(i as usize))
            .map(|s| s.name.clone()),
        cue_span: q.cue.map(|r| conv.span(r)),
        kind: q.kind,
        cue_class: q.cue_class,
        confidence: f32::from(q.confidence) / 100.0,
    }
}

fn quote_out(text: &str, a: &Analysis, conv: &Converter, q: &crate::Quote) -> QuoteOut {
    QuoteOut {
        core: quote_core(a, conv, q),
        text: q.words(text),
        speaker_index: q.speaker,
        found_by: q.found_by.as_str().to_owned(),
        speaker_by: q.speaker_by.map(|r| r.as_str().to_owned()),
        origin: quote_origin(q.edited).to_owned(),
        edited: [("span", q.edited.span), ("speaker", q.edited.speaker)]
            .into_iter()
            .filter(|&(_, edited)| edited)
            .map(|(field, _)| field.to_owned())
            .collect(),
    }
}

/// "machine", "edited" or "reader" (see [`QuoteOut::origin`]).
#[must_use]
pub fn quote_origin(e: crate::QuoteEdits) -> &'static str {
    if e.added {
        "reader"
    } else if e.any() {
        "edited"
    } else {
        "machine"
    }
}

fn speaker_edits(e: crate::SpeakerEdits) -> Vec<String> {
    [
        ("name", e.name),
        ("role", e.role),
        ("organization", e.organization),
        ("named", e.named),
        ("merged", e.merged),
    ]
    .into_iter()
    .filter(|&(_, edited)| edited)
    .map(|(field, _)| field.to_owned())
    .collect()
}

/// One line of predictions in the evaluation format
/// (`shared/eval/SCHEMA.md`): quotes and entities in code points, with the
/// fields the scorer reads — the [`Report`]'s, without what it does not read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The input document's id.
    pub id: String,
    /// Its quotes.
    pub quotes: Vec<PredictedQuote>,
    /// Its entities.
    pub entities: Vec<PredictedEntity>,
}

/// A quote in the evaluation format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictedQuote {
    /// Span, speaker, cue and kind.
    #[serde(flatten)]
    pub core: QuoteCore,
    /// The rule that found it (only with `saidwho predict --with-rules`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_by: Option<String>,
}

/// What made an output: the saidwho version and the models in use, by
/// their versioned names ("ner-v4").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versions {
    /// saidwho's version ([`crate::VERSION`]).
    pub saidwho: String,
    /// The models, by versioned name.
    pub models: Vec<String>,
}

/// A prediction line as `saidwho predict` and the packages write it: the
/// prediction with the versions that made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictionRecord {
    /// The prediction.
    #[serde(flatten)]
    pub prediction: Prediction,
    /// What made it.
    #[serde(flatten)]
    pub versions: Versions,
}

/// An entity in the evaluation format (and the first fields of every
/// entity written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredictedEntity {
    /// Where it is.
    pub span: Span,
    /// PERSON, ORG, LOC, MISC, DATE, TIME, MONEY or PERCENT.
    pub label: String,
}

impl PredictedEntity {
    fn new(conv: &Converter, e: &Entity) -> Self {
        Self {
            span: conv.span(e.range),
            label: e.label.as_str().to_owned(),
        }
    }
}

impl Prediction {
    /// The prediction line for document `id`, the analysis `a` of `text`;
    /// with `with_rules`, each quote says which rule found it.
    #[must_use]
    pub fn new(id: &str, text: &str, a: &Analysis, with_rules: bool) -> Self {
        let conv = Converter {
            index: OffsetIndex::new(text),
            unit: OffsetUnit::CodePoints,
        };
        Self {
            id: id.to_owned(),
            quotes: a
                .quotes
                .iter()
                .map(|q| PredictedQuote {
                    core: quote_core(a, &conv, q),
                    found_by: with_rules.then(|| q.found_by.as_str().to_owned()),
                })
                .collect(),
            entities: a
                .entities
                .iter()
                .map(|e| PredictedEntity::new(&conv, e))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names from three scripts, each quoted and named twice.
    const T: &str =
        "😀 “We are ready,” said Søren Ødegård. “Chúng tôi sẵn sàng,” Nguyễn Thị Kim Ngân said. \
                     “我们准备好了,” 習近平 said. Ødegård left.";

    fn slice(text: &str, unit: OffsetUnit, [s, e]: Span) -> String {
        match unit {
            OffsetUnit::CodePoints => text.chars().skip(s).take(e - s).collect(),
            OffsetUnit::Utf16 => {
                let units: Vec<u16> = text.encode_utf16().collect();
                String::from_utf16(&units[s..e]).unwrap()
            }
        }
    }

    #[test]
    fn every_span_is_in_the_declared_unit() {
        let a = crate::analyze(T);
        assert_eq!(a.quotes.len(), 3);
        for unit in [OffsetUnit::CodePoints, OffsetUnit::Utf16] {
            let r = Report::new(T, &a, unit, true);
            for q in &r.quotes {
                let QuoteSpan::Whole(span) = q.core.span else {
                    panic!("{q:?} is not interrupted")
                };
                assert_eq!(slice(T, unit, span), q.text);
                let sp = q.core.speaker_span.unwrap();
                let i = q.speaker_index.unwrap() as usize;
                // The quote's speaker span is one of its speaker's mentions.
                assert!(r.speakers[i].mentions.contains(&sp), "{unit:?} {q:?}");
            }
            let names: Vec<String> = r
                .quotes
                .iter()
                .map(|q| slice(T, unit, q.core.speaker_span.unwrap()))
                .collect();
            assert_eq!(names, ["Søren Ødegård", "Nguyễn Thị Kim Ngân", "習近平"]);
            assert_eq!(slice(T, unit, [0, r.length]), T);
        }
    }

    #[test]
    fn an_interrupted_quote_is_written_as_its_parts() {
        let t = "“We will rebuild,” said Dr Ama Owusu, who runs the clinic. “Every house.”";
        let a = crate::analyze(t);
        let r = Report::new(t, &a, OffsetUnit::CodePoints, false);
        assert_eq!(r.quotes.len(), 1, "{:?}", r.quotes);
        let QuoteSpan::Parts(parts) = &r.quotes[0].core.span else {
            panic!("{:?}", r.quotes[0])
        };
        let words: Vec<String> = parts
            .iter()
            .map(|&p| slice(t, OffsetUnit::CodePoints, p))
            .collect();
        assert_eq!(words, ["“We will rebuild,”", "“Every house.”"]);
        assert_eq!(r.quotes[0].text, "“We will rebuild,” … “Every house.”");
        let json = serde_json::to_string(&Prediction::new("x", t, &a, false)).unwrap();
        assert!(json.contains(r#""span":[[0,18],[59,73]]"#), "{json}");
    }

    #[test]
    fn the_report_says_which_values_the_reader_set() {
        use crate::corrections::{Anchor, Corrections, Edit};
        let t = "“We will rebuild,” said the mayor. Critics disagree.";
        let a = crate::analyze(t);
        let mut c = Corrections::default();
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Anchor::new(t, TextRange::new(s, s + w.len()))
        };
        c.push(vec![Edit::Speaker {
            quote: at("“We will rebuild,”"),
            name: "Keiko Tanaka".into(),
            role: Some("mayor".into()),
        }]);
        c.push(vec![Edit::AddQuote {
            span: at("disagree"),
            speaker: None,
        }]);
        let fixed = c.apply(t, &a).analysis;
        let r = Report::new(t, &fixed, OffsetUnit::CodePoints, false);
        let origins: Vec<(&str, &[String])> = r
            .quotes
            .iter()
            .map(|q| (q.origin.as_str(), q.edited.as_slice()))
            .collect();
        assert_eq!(
            origins,
            [("edited", &["speaker".to_owned()][..]), ("reader", &[][..])]
        );
        assert_eq!(r.speakers[0].edited, ["name", "role"]);
        let json =
            serde_json::to_string(&Report::new(t, &a, OffsetUnit::CodePoints, false)).unwrap();
        assert!(
            json.contains(r#""origin":"machine""#) && !json.contains(r#""edited""#),
            "{json}"
        );
    }

    #[test]
    fn predictions_are_the_reports_quotes() {
        let a = crate::analyze(T);
        let p = Prediction::new("x", T, &a, false);
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.starts_with(r#"{"id":"x","quotes":[{"span":[2,17],"speaker_span":[23,36],"speaker":"Søren Ødegård","cue_span":[18,22],"kind":"direct","cue_class":"speech","confidence":0.88}"#), "{json}");
        // The same quotes as the report's, in the same unit.
        let r = Report::new(T, &a, OffsetUnit::CodePoints, false);
        let cores: Vec<&QuoteCore> = r.quotes.iter().map(|q| &q.core).collect();
        assert_eq!(p.quotes.iter().map(|q| &q.core).collect::<Vec<_>>(), cores);
        let with_rules = serde_json::to_string(&Prediction::new("x", T, &a, true)).unwrap();
        assert!(
            with_rules.contains(r#""confidence":0.88,"found_by":"cue-then-speaker"}"#),
            "{with_rules}"
        );
    }
}
