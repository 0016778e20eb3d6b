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

/// Number of BIO tags: O, then B and I for each tagged label.
pub const N_TAGS: usize = 1 + 2 * EntityLabel::TAGGED.len();

/// Tag 0 is O; tag `1 + 2k` is B of label k, `2 + 2k` is I of label k.
#[must_use]
pub fn tag_label(tag: usize) -> Option<(EntityLabel, bool)> {
    if tag == 0 || tag >= N_TAGS {
        return None;
    }
    let k = (tag - 1) / 2;
    Some((EntityLabel::TAGGED[k], (tag - 1) % 2 == 0))
}

/// The B tag of a label (`None` for labels the tagger does not predict).
#[must_use]
pub fn begin_tag(label: EntityLabel) -> Option<usize> {
    EntityLabel::TAGGED
        .iter()
        .position(|&l| l == label)
        .map(|k| 1 + 2 * k)
}

/// Whether tag `next` may follow tag `prev` (`None`: sentence start).
#[must_use]
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    match tag_label(next) {
        Some((_, true)) | None => true,
        Some((label, false)) => prev.and_then(tag_label).is_some_and(|(l, _)| l == label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        let b_per = begin_tag(EntityLabel::Person).unwrap();
        let i_per = b_per + 1;
        assert!(allowed(None, b_per));
        assert!(!allowed(None, i_per));
        assert!(allowed(Some(b_per), i_per));
        assert!(allowed(Some(i_per), i_per));
        assert!(!allowed(Some(0), i_per));
        assert!(!allowed(Some(begin_tag(EntityLabel::Org).unwrap()), i_per));
        assert_eq!(tag_label(i_per), Some((EntityLabel::Person, false)));
        assert_eq!(N_TAGS, 9);
    }
}
