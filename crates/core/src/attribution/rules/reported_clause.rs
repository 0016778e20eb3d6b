//! `reported-clause`: X said (that) CLAUSE. / CLAUSE, X said.

use super::super::doc::Doc;
use super::super::indirect::IndirectAt;
use super::super::lexicon::{is_cue_verb, is_indirect_cue, is_time_word};
use super::super::phrases::np_right;
use super::super::scan::{
    after_determiner, indirect_clause_end, left_speaker, skip_modifiers_back,
};
use super::{Case, Clause, Outcome, Rule, RuleId, Stage};
use crate::span::TokenSpan;

/// The rule.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ReportedClause,
    stage: Stage::Indirect,
    doc: "Reported speech without marks around a speech verb: “X said (that) CLAUSE”, \
          “X told reporters CLAUSE”, “CLAUSE, X said.”, “CLAUSE, said X.”, and a parenthetical \
          “CLAUSE, X said (on Tuesday), CLAUSE.” (the whole sentence, in two parts around \
          the attribution). After its clause any speech verb reports it (“…, The Hill \
          reported.”). Needs a speaker; “wanted to say” and \
          “did not say” report nothing. The clause ends before “, citing”, “, saying”, \
          “, adding”, “, according to”, “, but” and “, which” (where most human \
          contents in PolNeAR train end), and before a second report (“and said, “…””). \
          After a direct quote (“…,” she said in August), a phrase opening with a \
          preposition says when or where, not what.",
    cases: &[
        // When it was said may stand between the speaker and the verb.
        Case::quote(
            "Chairman Reince Priebus later Thursday told reporters that both leaders would meet next week.",
            "both leaders would meet next week",
            Some("told"),
            Some("Reince Priebus"),
        ),
        // And "only" ("Rubio only briefly said").
        Case::quote(
            "But Rubio only briefly said the visas were needed.",
            "the visas were needed",
            Some("said"),
            Some("Rubio"),
        ),
        // So may a span of time ending in "ago".
        Case::quote(
            "The State Department less than two weeks ago said the files had been moved.",
            "the files had been moved",
            Some("said"),
            Some("The State Department"),
        ),
        // An attribution in parenthesis interrupts its clause: two parts.
        Case::quote(
            "The old harbour bridge, Mayor Ines Duarte said on Tuesday, will reopen in May after repairs.",
            "The old harbour bridge … will reopen in May after repairs",
            Some("said"),
            Some("Ines Duarte"),
        ),
        Case::quote(
            "All of this, Senator Amara Obi acknowledges, could be undone at the ballot box.",
            "All of this … could be undone at the ballot box",
            Some("acknowledges"),
            Some("Amara Obi"),
        ),
        // An apposition of the speaker ends the attribution: no second part.
        Case::quote(
            "State mandates distract from teaching in the schools, said Lena Wilcox, an Orlando Republican who founded two companies.",
            "State mandates distract from teaching in the schools",
            Some("said"),
            Some("Lena Wilcox"),
        ),
        // Any speech verb after its clause.
        Case::quote(
            "Turnout in the northern districts fell by a third, the Daily Ledger reported.",
            "Turnout in the northern districts fell by a third",
            Some("reported"),
            Some("Daily Ledger"),
        ),
        // After a direct quote, what follows the verb says when or where.
        Case::no_quote(
            "“I am not a natural politician,” Senator Rosa Ibarra said in one of her debates with the governor.",
            "in one of her debates",
        ),
        Case::no_quote(
            "''We will not move,'' the harbour master, Ivo Petrak, said at a meeting of the port board in March.",
            "at a meeting of the port board",
        ),
        // A town and its state in the apposition ("of Springfield, Va.,").
        Case::quote(
            "Johnnie Wilson, of Springfield, Va., said the museum was only a start.",
            "the museum was only a start",
            Some("said"),
            Some("Johnnie Wilson"),
        ),
        // A long apposition with a relative clause between name and verb.
        Case::quote(
            "Tomas Reyes, a former state party chairman who signed on to the campaign only last weekend, said he had not yet studied the delegate rules.",
            "he had not yet studied the delegate rules",
            Some("said"),
            Some("Tomas Reyes"),
        ),
        // When and where it was said may follow the verb.
        Case::quote(
            "The old jet, built in 1991 for about 200 passengers, is still his favourite, Karim Haddad said in an interview on Monday.",
            "The old jet, built in 1991 for about 200 passengers, is still his favourite",
            Some("said"),
            Some("Karim Haddad"),
        ),
        // "and said" starts a second report: the first clause ends before it.
        Case::quote(
            "Mayor Ines Duarte said the order was signed by Police Chief Tom Brandt and said, “We stand by it.”",
            "the order was signed by Police Chief Tom Brandt",
            Some("said"),
            Some("Ines Duarte"),
        ),
        // A dateline is never the speaker.
        Case::quote(
            "WASHINGTON — Sen. Amara Obi defended the plan, saying the positives would outweigh the costs.",
            "the positives would outweigh the costs",
            Some("saying"),
            Some("Amara Obi"),
        ),
        // "in the past" between the auxiliary and the verb.
        Case::quote(
            "Her close friends have in the past said she was staying quiet to protect the campaign.",
            "she was staying quiet to protect the campaign",
            Some("said"),
            Some("Her close friends"),
        ),
        Case::quote(
            "Mayor Lucía Herrera said the bridge would reopen in May, citing new funds from the state.",
            "the bridge would reopen in May",
            Some("said"),
            Some("Lucía Herrera"),
        ),
        Case::quote(
            "The central bank governor said that interest rates would stay at four percent until June.",
            "interest rates would stay at four percent until June",
            Some("said"),
            Some("The central bank governor"),
        ),
        Case::quote(
            "The bridge will reopen in the spring, Tomasz Nowak said.",
            "The bridge will reopen in the spring",
            Some("said"),
            Some("Tomasz Nowak"),
        ),
        Case::quote(
            "The ministry said on Monday that the border would reopen next week.",
            "the border would reopen next week",
            Some("said"),
            Some("The ministry"),
        ),
        // A participle after an article is an adjective, not a cue.
        Case::no_quote(
            "These are the pledged delegates to be chosen in the races still to come.",
            "delegates to be chosen",
        ),
        Case::no_quote(
            "All told, up to five million workers could be eligible for the programme.",
            "up to five million workers",
        ),
        // A pair of dashes holds an aside: the clause goes on after it.
        Case::quote(
            "Many voters said they would stay home — or even back a third candidate — if the senator is the nominee.",
            "they would stay home — or even back a third candidate — if the senator is the nominee",
            Some("said"),
            Some("Many voters"),
        ),
        // A report in a fronted subordinate clause ends at its comma.
        Case::quote(
            "When the governor said the era of cheap water was over, farmers across the valley began to sell their herds.",
            "the era of cheap water was over",
            Some("said"),
            Some("the governor"),
        ),
        Case::quote(
            "Amina Yusuf told reporters on Tuesday that the talks had collapsed.",
            "the talks had collapsed",
            Some("told"),
            Some("Amina Yusuf"),
        ),
    ],
};

/// The reported clause around a reporting verb at `c`:
/// "CLAUSE, X said." / "CLAUSE, said X." / "CLAUSE, X said, CLAUSE." /
/// "X said (that) CLAUSE."
/// Tried at each word of a sentence.
pub(crate) fn reported_clause(at: &IndirectAt) -> Outcome<Clause> {
    let (doc, here) = (at.doc, at.here);
    // Any speech verb after its clause ("…, The Hill reported."); only
    // those that introduce reported speech before it ("X said …").
    let indirect = is_indirect_cue(at.low);
    // "most telling", "All told,": idioms, not reports.
    let idiom = here > 0
        && match at.low {
            "telling" => matches!(doc.low(here - 1), "most" | "more" | "very" | "less"),
            "told" => doc.low(here - 1) == "all" && doc.is(here + 1, ","),
            _ => false,
        };
    // "the pledged delegates", "her stated goal": an adjective.
    let adjective = after_determiner(doc, here);
    if !(indirect || is_cue_verb(at.low)) || doc.is_cap(here) || adjective || idiom {
        return Outcome::Skip;
    }
    let found = clause(
        doc,
        at.sentence.first(),
        at.sentence.last(),
        at.end,
        here,
        indirect,
    );
    if indirect {
        Outcome::stop_unless(found)
    } else {
        found.map_or(Outcome::Skip, Outcome::Found)
    }
}

fn clause(doc: &Doc, a: usize, b: usize, end: usize, c: usize, indirect: bool) -> Option<Clause> {
    let low = doc.low(c);
    if let Some(comma) = (a..c).rev().find(|&i| doc.is(i, ",")) {
        let after = np_right(doc, c + 1, end + 1);
        // "CLAUSE, X said." / "…, X said in an interview." / "CLAUSE, X said
        // on Tuesday, CLAUSE."
        let tail_end = after
            .map(|m| m.tokens.last())
            .or_else(|| circumstance_end(doc, c + 1, end))
            .unwrap_or(c);
        // "…, said Wilcox, an Orlando Republican who …": an apposition of the
        // speaker after the comma ends the attribution.
        let apposition =
            doc.is(tail_end + 1, ",") && matches!(doc.low(tail_end + 2), "a" | "an" | "who");
        let tail_closes = tail_end >= end || (after.is_some() && apposition);
        let tail_is_attribution = tail_closes || doc.is(tail_end + 1, ",");
        let before = np_right(doc, comma + 1, c)
            .filter(|m| m.tokens.last() + 1 >= skip_modifiers_back(doc, c, comma + 1));
        let mention = before.or(if comma + 1 == c { after } else { None });
        if let (Some(m), true) = (mention, comma > a + 2 && tail_is_attribution) {
            if tail_closes {
                return Some(Clause::new(
                    RuleId::ReportedClause,
                    TokenSpan::new(a, comma - 1),
                    TokenSpan::one(c),
                    m,
                ));
            }
            // A parenthetical attribution: the whole sentence is the content
            // (with another speech verb only right before the comma: "All of
            // this, he acknowledges, could …"; "Citing a theory, Trump
            // accused Cruz, who …" is no parenthesis).
            if !indirect && tail_end != c {
                return None;
            }
            return Some(Clause::new(
                RuleId::ReportedClause,
                TokenSpan::new(a, indirect_clause_end(doc, a, b)),
                TokenSpan::one(c),
                m,
            ));
        }
    }
    if !indirect {
        return None;
    }
    // "X said (that) …".
    let m = left_speaker(doc, c, a)?;
    let mut content = c + 1;
    if matches!(low, "told" | "tells" | "tell" | "telling") {
        content = after_listener(doc, content, end);
    }
    // "said on Monday that …", "said in a statement that …".
    if let Some(that) = that_after_modifier(doc, content, end) {
        content = that;
    }
    if content <= end && doc.is(content, "that") {
        content += 1;
    }
    while content <= end && matches!(doc.s(content), "," | ":") {
        content += 1;
    }
    if content > end || doc.is_mark(content) {
        return None;
    }
    // "“…,” she said in one of her debates": the verb's report is the quote
    // before it; what follows says when, where or how, not what.
    // (Also a quote closing the sentence before: "“…?” Lichtman said about".)
    // A lone single mark is an apostrophe; two make a typewriter ''.
    let single = |i: usize| matches!(doc.s(i), "’" | "'");
    let paired = |i: usize| doc.is(i + 1, doc.s(i)) || (i > 0 && doc.is(i - 1, doc.s(i)));
    let quoted_before = (a.saturating_sub(1)..m.tokens.first())
        .any(|i| doc.is_mark(i) && (!single(i) || paired(i)));
    if quoted_before && is_circumstance_word(doc.low(content)) {
        return None;
    }
    let mut last = indirect_clause_end(doc, content, end);
    // "When Clinton said the era of big government was over, Obama won …":
    // a report inside a fronted subordinate clause ends at its comma.
    if fronted_subordinate(doc, a, c) {
        if let Some(comma) = (content + 1..last).find(|&i| doc.is(i, ",")) {
            last = comma - 1;
        }
    }
    Some(Clause::new(
        RuleId::ReportedClause,
        TokenSpan::new(content, last),
        TokenSpan::one(c),
        m,
    ))
}

/// Whether the sentence from `a` opens with a subordinating conjunction
/// whose clause holds the verb at `c` (no comma between them): "When X
/// said …, MAIN CLAUSE" (PolNeAR train: all-track F1 62.13 -> 62.25).
fn fronted_subordinate(doc: &Doc, a: usize, c: usize) -> bool {
    let opens = matches!(
        doc.low(a),
        "when"
            | "whenever"
            | "after"
            | "as"
            | "since"
            | "because"
            | "if"
            | "although"
            | "though"
            | "while"
            | "once"
            | "before"
            | "until"
            | "unless"
            | "whereas"
    );
    opens && !(a..c).any(|i| doc.is(i, ","))
}

/// Words that open a circumstance of the saying rather than what was said
/// ("said in August", "said at the time", "said of the plan", "said during
/// the debate"): after a direct quote they are no reported clause (PolNeAR
/// train: 137 of 166 such contents were no human attribution).
fn is_circumstance_word(low: &str) -> bool {
    matches!(
        low,
        "in" | "of"
            | "at"
            | "on"
            | "during"
            | "according"
            | "with"
            | "about"
            | "as"
            | "last"
            | "from"
            | "for"
            | "after"
            | "before"
            | "by"
    )
}

/// The last token of when and where it was said, right after the verb at
/// `from - 1` and up to a comma or the clause end `end`, if that is what
/// follows the verb.
fn circumstance_end(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let last = (from..=end)
        .find(|&i| doc.is(i, ","))
        .map_or(end, |comma| comma.saturating_sub(1));
    (last >= from && when_or_where(doc, from, last)).then_some(last)
}

/// Most tokens of when and where something was said after the verb
/// ("said in an interview on Monday").
const MAX_WHEN_OR_WHERE: usize = 8;

/// Whether tokens `from..=end` only say when or where it was said: a short
/// phrase opening with a preposition or a time word, without a comma.
fn when_or_where(doc: &Doc, from: usize, end: usize) -> bool {
    let first = doc.low(from);
    from <= end
        && end - from < MAX_WHEN_OR_WHERE
        && (is_time_word(first) || matches!(first, "on" | "in" | "at" | "during" | "last"))
        && (from..=end).all(|i| doc.is_word(i) && !doc.is(i, "that"))
}

/// The "that" after a short time or place modifier starting at `from`
/// ("on Monday that", "in a statement that", "late Tuesday that"), before
/// any comma or quotation mark.
fn that_after_modifier(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let first = doc.low(from);
    let modifier = is_time_word(first)
        || matches!(
            first,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "before"
                | "late"
                | "early"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "privately"
                | "publicly"
                | "repeatedly"
                | "again"
        );
    if !modifier {
        return None;
    }
    (from + 1..=(from + 7).min(end))
        .take_while(|&i| !doc.is(i, ",") && !doc.is_mark(i))
        .find(|&i| doc.is(i, "that"))
}

/// The first token after the listener of "told" starting at `from`: "told
/// reporters (that)", "told the forum"; a bare noun only when "that"
/// follows ("told reporters on Monday that").
fn after_listener(doc: &Doc, from: usize, end: usize) -> usize {
    let listener = np_right(doc, from, end + 1).map(|l| l.tokens.last());
    let then_that = |k: usize| doc.is(k, "that") || that_after_modifier(doc, k, end).is_some();
    let bare_noun = (from < end && doc.is_word(from) && !doc.is_cap(from) && then_that(from + 1))
        .then_some(from);
    listener.or(bare_noun).map_or(from, |l| l + 1)
}
