//! Entity labels and the BIO tags the tagger predicts.

use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    /// People.
    Person,
    /// Organisations: companies, agencies, teams, parties.
    Org,
    /// Places: countries, cities, regions, landmarks.
    Loc,
    /// Nationalities, events, laws, works, products.
    Misc,
    /// Dates ("Nov 24", "2004", "last Tuesday").
    Date,
    /// Times of day ("3:15 a.m.").
    Time,
    /// Amounts of money ("$10 trillion").
    Money,
    /// Percentages ("51 percent").
    Percent,
}

impl EntityLabel {
    /// The labels the statistical tagger predicts, in tag order.
    pub const TAGGED: [EntityLabel; 4] = [Self::Person, Self::Org, Self::Loc, Self::Misc];

    /// The name used in the page (`data-entity`) and the evaluation format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Money => "MONEY",
            Self::Percent => "PERCENT",
        }
    }

    /// Parses a label name (also the CoNLL short names PER, LOC, ORG, MISC).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PERSON" | "PER" => Self::Person,
            "ORG" => Self::Org,
            "LOC" | "GPE" => Self::Loc,
            "MISC" => Self::Misc,
            "DATE" => Self::Date,
            "TIME" => Self::Time,
            "MONEY" => Self::Money,
            "PERCENT" => Self::Percent,
            _ => return None,
        })
    }
}

/// Number of tags: O, then for each tagged label B (first word of a
/// longer name), I (inside), L (last) and U (a one-word name) — the BILOU
/// scheme, which lets the model learn how names end, not only how they
/// start.
pub const N_TAGS: usize = 1 + 4 * EntityLabel::TAGGED.len();

// The model file keeps a feature's non-zero tags in a 3-byte mask.
const _: () = assert!(N_TAGS <= 24);

/// Where a word stands in its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First word of a longer name.
    Begin,
    /// Neither first nor last.
    Inside,
    /// Last word of a longer name.
    Last,
    /// The whole name.
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// Tag 0 is O; tag `1 + 4k + p` is part `p` (B, I, L, U) of label k.
#[must_use]
pub fn tag_part(tag: usize) -> Option<(EntityLabel, Part)> {
    if tag == 0 || tag >= N_TAGS {
        return None;
    }
    Some((EntityLabel::TAGGED[(tag - 1) / 4], PARTS[(tag - 1) % 4]))
}

/// The label of a tag and whether the tag starts a name.
#[must_use]
pub fn tag_label(tag: usize) -> Option<(EntityLabel, bool)> {
    tag_part(tag).map(|(l, p)| (l, matches!(p, Part::Begin | Part::Unit)))
}

/// The tag of a word of a `label` name: its first and/or last word
/// (`None` for labels the tagger does not predict).
#[must_use]
pub fn tag_of(label: EntityLabel, first: bool, last: bool) -> Option<usize> {
    let k = EntityLabel::TAGGED.iter().position(|&l| l == label)?;
    let p = match (first, last) {
        (true, false) => 0,
        (false, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    };
    Some(1 + 4 * k + p)
}

/// The class of a tag: 0 for O, `1 + k` for label k.
#[must_use]
pub fn tag_class(tag: usize) -> usize {
    tag_part(tag).map_or(0, |(l, _)| {
        1 + EntityLabel::TAGGED
            .iter()
            .position(|&x| x == l)
            .unwrap_or(0)
    })
}

/// Whether a tag leaves its name open (B or I: the next word must go on
/// with it).
#[must_use]
pub fn is_open(tag: usize) -> bool {
    matches!(tag_part(tag), Some((_, Part::Begin | Part::Inside)))
}

/// Whether tag `next` may follow tag `prev` (`None`: sentence start).
#[must_use]
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev.filter(|&p| is_open(p)).and_then(tag_part);
    match (tag_part(next), open) {
        (Some((label, Part::Inside | Part::Last)), Some((l, _))) => label == l,
        (Some((_, Part::Inside | Part::Last)), None) => false,
        (_, open) => open.is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let per = |f, l| tag_of(EntityLabel::Person, f, l).unwrap();
        let (b, i, l, u) = (
            per(true, false),
            per(false, false),
            per(false, true),
            per(true, true),
        );
        let b_org = tag_of(EntityLabel::Org, true, false).unwrap();
        assert!(allowed(None, b) && allowed(None, u) && allowed(None, 0));
        assert!(!allowed(None, i) && !allowed(None, l));
        assert!(allowed(Some(b), i) && allowed(Some(b), l) && allowed(Some(i), l));
        assert!(!allowed(Some(b), 0) && !allowed(Some(b), u) && !allowed(Some(i), b_org));
        assert!(allowed(Some(l), 0) && allowed(Some(u), b) && allowed(Some(l), u));
        assert!(!allowed(Some(0), i) && !allowed(Some(u), l));
        assert!(
            !allowed(Some(b_org), l),
            "a name goes on with its own label"
        );
        assert_eq!(tag_label(l), Some((EntityLabel::Person, false)));
        assert_eq!(tag_label(u), Some((EntityLabel::Person, true)));
        assert_eq!((tag_class(0), tag_class(u), tag_class(b_org)), (0, 1, 2));
        assert!(is_open(b) && is_open(i) && !is_open(l) && !is_open(u) && !is_open(0));
        assert_eq!(N_TAGS, 17);
    }
}
