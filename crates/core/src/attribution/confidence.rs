//! How far to trust a quote: how often quotes found the same way were right
//! (quote and speaker) on PolNeAR train, each training article analysed with
//! models that never saw it. The table, `data/confidence.tsv`, is written by
//! `crates/train/prep/confidence.py` (`cargo xtask calibrate`).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::rules::RuleId;
use super::Attributed;

// Comment lines are left out at build time (`build.rs`).
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/confidence.tsv"));

/// Percent right by (rule id or "*", "speaker" / "none" / "*").
fn table() -> &'static HashMap<(&'static str, &'static str), u8> {
    static TABLE_ROWS: OnceLock<HashMap<(&'static str, &'static str), u8>> = OnceLock::new();
    TABLE_ROWS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let (rule, speaker, pct) = (cols.next()?, cols.next()?, cols.next()?);
                Some(((rule, speaker), pct.parse().ok()?))
            })
            .collect()
    })
}

/// The confidence (percent) of a quote found by `rule`, with or without a
/// speaker: the row for both, else the rule's, else all quotes'.
#[must_use]
pub fn confidence(rule: RuleId, has_speaker: bool) -> u8 {
    let t = table();
    let speaker = if has_speaker { "speaker" } else { "none" };
    t.get(&(rule.as_str(), speaker))
        .or_else(|| t.get(&(rule.as_str(), "*")))
        .or_else(|| t.get(&("*", "*")))
        .copied()
        .unwrap_or(50)
}

/// Sets the confidence of every quote.
pub(crate) fn rate_all(quotes: &mut [Attributed]) {
    for a in quotes {
        a.quote.confidence = confidence(a.quote.found_by, a.quote.speaker_mention.is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::super::rules::RULES;
    use super::*;

    #[test]
    fn every_row_names_a_rule_and_a_percentage() {
        let ids: Vec<&str> = RULES
            .iter()
            .map(|r| r.id)
            .chain([RuleId::LearnedClause])
            .map(RuleId::as_str)
            .collect();
        let rows = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty());
        for row in rows {
            let cols: Vec<&str> = row.split('\t').collect();
            assert_eq!(cols.len(), 4, "{row}");
            assert!(
                cols[0] == "*" || ids.contains(&cols[0]),
                "unknown rule in {row}"
            );
            assert!(["speaker", "none", "*"].contains(&cols[1]), "{row}");
            assert!(cols[2].parse::<u8>().is_ok_and(|p| p <= 100), "{row}");
        }
        assert!(table().contains_key(&("*", "*")));
    }

    #[test]
    fn a_quote_with_its_speaker_named_after_it_is_trusted_more_than_one_without() {
        assert!(
            confidence(RuleId::CueThenSpeaker, true) > confidence(RuleId::UnattributedLong, false)
        );
    }
}
