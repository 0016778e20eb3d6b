//! Long texts in pieces: split at paragraph breaks, analysed one piece at a
//! time (so a worker can report progress and stop early), and joined into
//! one [`Analysis`].

use crate::analysis::Analysis;
use crate::span::TextRange;

/// Splits `text` into consecutive pieces of at most about `max` bytes,
/// cutting at a blank line when there is one in the second half of the
/// piece, else at a line break, else at a space, else at a char boundary.
/// The pieces cover the text exactly.
#[must_use]
pub fn chunk_ranges(text: &str, max: usize) -> Vec<TextRange> {
    let max = max.max(64);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut hard = start + max;
        while !text.is_char_boundary(hard) {
            hard -= 1;
        }
        let mut base = start + max / 2;
        while !text.is_char_boundary(base) {
            base -= 1;
        }
        let window = &text[base..hard];
        let cut = window
            .rfind("\n\n")
            .map(|i| base + i + 2)
            .or_else(|| window.rfind('\n').map(|i| base + i + 1))
            .or_else(|| window.rfind(' ').map(|i| base + i + 1))
            .unwrap_or(hard);
        out.push(TextRange::new(start, cut));
        start = cut;
    }
    out.push(TextRange::new(start, text.len()));
    out
}

fn shift(r: &mut TextRange, by: u32) {
    *r = r.shifted(by as usize);
}

impl Analysis {
    /// Appends the analysis of the piece of the text that starts at byte
    /// `offset`: spans are shifted, speakers with the same name are one.
    pub fn append(&mut self, mut part: Analysis, offset: usize) {
        let by = u32::try_from(offset).unwrap_or(u32::MAX);
        for r in part.paragraphs.iter_mut().chain(part.sentences.iter_mut()) {
            shift(r, by);
        }
        for t in &mut part.tokens {
            shift(&mut t.range, by);
        }
        for e in &mut part.entities {
            shift(&mut e.range, by);
        }
        // Speakers of the piece → speakers of the whole, merged by name.
        let mut map = Vec::with_capacity(part.speakers.len());
        for mut s in part.speakers {
            for m in &mut s.mentions {
                shift(m, by);
            }
            let same = self
                .speakers
                .iter()
                .position(|t| t.name == s.name && t.named == s.named);
            match same {
                Some(i) => {
                    let t = &mut self.speakers[i];
                    t.mentions.extend(s.mentions);
                    t.quotes += s.quotes;
                    t.quoted_words += s.quoted_words;
                    t.views += s.views;
                    t.role = t.role.take().or(s.role);
                    t.organization = t.organization.take().or(s.organization);
                    if t.gender == crate::attribution::lexicon::Gender::Unknown {
                        t.gender = s.gender;
                    }
                    map.push(i as u32);
                }
                None => {
                    map.push(self.speakers.len() as u32);
                    self.speakers.push(s);
                }
            }
        }
        for mut q in part.quotes {
            shift(&mut q.range, by);
            let spans = q.cue.iter_mut().chain(q.speaker_mention.iter_mut());
            for r in spans.chain(q.interruptions.iter_mut()) {
                shift(r, by);
            }
            q.speaker = q.speaker.and_then(|s| map.get(s as usize).copied());
            self.quotes.push(q);
        }
        self.paragraphs.extend(part.paragraphs);
        self.sentences.extend(part.sentences);
        self.tokens.extend(part.tokens);
        self.entities.extend(part.entities);
        self.text_len = self.text_len.max(by.saturating_add(part.text_len));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_and_cut_at_paragraphs() {
        let text = "First paragraph here.\n\nSecond one, a bit longer.\n\nThird.\n\n".repeat(20);
        let pieces = chunk_ranges(&text, 200);
        assert!(pieces.len() > 5);
        assert_eq!(pieces[0].start(), 0);
        assert_eq!(pieces.last().unwrap().end(), text.len());
        for w in pieces.windows(2) {
            assert_eq!(w[0].end(), w[1].start());
            assert!(
                w[0].slice(&text).ends_with("\n\n"),
                "{:?}",
                w[0].slice(&text)
            );
        }
        let odd = "é".repeat(500);
        let pieces = chunk_ranges(&odd, 100);
        assert!(pieces
            .iter()
            .all(|p| odd.is_char_boundary(p.start()) && odd.is_char_boundary(p.end())));
        // Found by fuzzing: the middle of a piece inside a multi-byte character.
        let mixed = format!("a{}", "東".repeat(300));
        let pieces = chunk_ranges(&mixed, 65);
        assert!(pieces
            .iter()
            .all(|p| mixed.is_char_boundary(p.start()) && mixed.is_char_boundary(p.end())));
        assert_eq!(chunk_ranges("", 100), [TextRange::new(0, 0)]);
    }

    #[test]
    fn joined_pieces_equal_the_whole_for_independent_paragraphs() {
        let para = "“We will build it,” said Ms Ada Lovelace.\n\nThe minister said the plan would cost more.\n\n";
        let text = para.repeat(30);
        let whole = crate::analyze(&text);
        let mut joined = Analysis::default();
        for r in chunk_ranges(&text, 300) {
            joined.append(crate::analyze(r.slice(&text)), r.start());
        }
        assert_eq!(joined.quotes, whole.quotes);
        assert_eq!(joined.sentences, whole.sentences);
        assert_eq!(joined.speakers.len(), whole.speakers.len());
        assert_eq!(joined.speakers[0].quotes, 30);
        assert_eq!(joined.text_len as usize, text.len());
    }
}
