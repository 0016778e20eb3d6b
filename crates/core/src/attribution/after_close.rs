//! The stage "attribution after the closing mark": where an attribution
//! may start after a closing quotation mark, and its rules in order.

use super::doc::Doc;
use super::lexicon::is_cue_verb;
use super::phrases::{np_right, MentionKind};
use super::rules::{
    cue_then_speaker, dash_after_quote, first_of, name_after_quote, speaker_then_cue, Found,
    Outcome,
};
use super::scan::sentence_end_from;

/// Where an attribution after a closing mark is looked for.
pub(crate) struct AfterClose<'d, 'a> {
    pub doc: &'d Doc<'a>,
    /// The first token after it (past a comma or semicolon).
    pub j: usize,
    /// The last token of the sentence `j` is in.
    pub sent_end: usize,
    /// Whether the quote ended with a comma or dash (an attribution must follow).
    pub comma: bool,
}

/// The rules of the stage, in precedence order (see `rules::RULES`).
const RULES: [fn(&AfterClose) -> Outcome<Found>; 4] = [
    dash_after_quote,
    cue_then_speaker,
    speaker_then_cue,
    name_after_quote,
];

/// A cue (and maybe a speaker) right after a closing mark at token `close`.
/// `comma` tells whether the quote ended with a comma (so an attribution
/// must follow).
pub(crate) fn after_attribution(doc: &Doc, close: usize, comma: bool) -> Option<Found> {
    let n = doc.len();
    let mut j = close + 1;
    if j < n && matches!(doc.s(j), "," | ";") {
        j += 1;
    }
    // “Hello”—said Mr. Jones: a dash before a reporting verb is a comma.
    if j + 1 < n && matches!(doc.s(j), "—" | "–") && is_cue_verb(doc.low(j + 1)) {
        j += 1;
    }
    if j >= n || !doc.same_paragraph(close, j) {
        return None;
    }
    let sent_end = sentence_end_from(doc, j);
    // “Does it?” Graham asked. — an attribution in a sentence of its own is
    // short and quotes nothing itself ("To which she said, “…”" is not one);
    // after "!" or "?" it may go on past its speaker and verb (“…!” Jeff
    // Sessions said as he launched the vote: PolNeAR train, direct track
    // end to end 80.62 -> 80.71; "…” He said the FBI …" after a full stop
    // is a new report, 80.62 -> 80.34 when allowed too).
    if !doc.same_sentence(close, j)
        && ((sent_end - j > 8
            && !(exclaims(doc, close) && opens_with_attribution(doc, j, sent_end)))
            || (j..=sent_end).any(|i| doc.is_mark(i)))
    {
        return None;
    }
    let ctx = AfterClose {
        doc,
        j,
        sent_end,
        comma,
    };
    first_of(RULES.iter().map(|rule| rule(&ctx)))
}

/// Whether the sentence from `j` opens with its attribution: a speaker
/// and then a reporting verb (“…!” Senator Jeff Sessions said as he
/// launched the vote.) or a verb and then a name (said Sessions, who …):
/// such a sentence may go on after it.
fn opens_with_attribution(doc: &Doc, j: usize, sent_end: usize) -> bool {
    if is_cue_verb(doc.low(j)) {
        return np_right(doc, j + 1, sent_end + 1).is_some_and(|m| m.kind == MentionKind::Name);
    }
    np_right(doc, j, sent_end + 1).is_some_and(|m| {
        m.kind != MentionKind::Relative && is_cue_verb(doc.low(m.tokens.last() + 1))
    })
}

/// Whether the quote closing at `close` ends with "!" or "?" (“…!” X
/// said …: its own sentence ends with it).
fn exclaims(doc: &Doc, close: usize) -> bool {
    close > 0 && matches!(doc.s(close - 1), "!" | "?")
}
