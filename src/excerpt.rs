//! Short excerpts of quotes for lists and panels.

/// `s` on one line (runs of white space made one space), cut to at most
/// `max` characters with "…" when longer.
#[must_use]
pub fn excerpt(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn one_line_and_cut_to_length() {
        assert_eq!(excerpt("a\n\n b  c", 10), "a b c");
        assert_eq!(excerpt("“Vi er klare,” sa hun", 7), "“Vi er…");
        assert_eq!(excerpt("abc", 3), "abc");
    }
}
