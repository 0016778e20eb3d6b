//! The plain text of a Markdown article: headings, paragraphs and list
//! items kept, markup, link targets, images and HTML removed.

use super::html::html_to_text;

/// Strips Markdown markup from `md`, keeping one paragraph per block.
#[must_use]
pub fn markdown_to_text(md: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut in_fence = false;
    let flush = |para: &mut Vec<String>, out: &mut Vec<String>| {
        if !para.is_empty() {
            out.push(para.join(" "));
            para.clear();
        }
    };
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            flush(&mut para, &mut out);
            continue;
        }
        if in_fence {
            if !t.is_empty() {
                para.push(t.to_owned());
            }
            continue;
        }
        if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | ' ')) {
            flush(&mut para, &mut out);
            continue;
        }
        let mut s = t;
        let mut block_start = false;
        let hashes = s.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
            s = s[hashes..].trim();
            block_start = true;
        }
        while let Some(rest) = s.strip_prefix('>') {
            s = rest.trim_start();
        }
        for marker in ["- ", "* ", "+ "] {
            if let Some(rest) = s.strip_prefix(marker) {
                s = rest;
                block_start = true;
            }
        }
        if let Some(dot) = s.find(". ") {
            if dot > 0 && dot <= 3 && s[..dot].chars().all(|c| c.is_ascii_digit()) {
                s = &s[dot + 2..];
                block_start = true;
            }
        }
        if block_start {
            flush(&mut para, &mut out);
        }
        let inline = inline_text(s);
        if !inline.is_empty() {
            para.push(inline);
        }
        if hashes > 0 && block_start {
            flush(&mut para, &mut out);
        }
    }
    flush(&mut para, &mut out);
    out.join("\n\n")
}

/// Inline markup: links keep their text, images go, emphasis and code marks
/// go, inline HTML is reduced to its text.
fn inline_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '!' && chars.get(i + 1) == Some(&'[') {
            // Image: drop alt text and target.
            if let Some(end) = link_end(&chars, i + 1) {
                i = end;
                continue;
            }
        }
        if c == '[' {
            if let Some(close) = chars[i..].iter().position(|&x| x == ']').map(|p| p + i) {
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(end) = link_end(&chars, i) {
                        out.extend(&chars[i + 1..close]);
                        i = end;
                        continue;
                    }
                }
            }
        }
        if c == '<' {
            // Raw-text elements go whole: "<script>…</script>".
            let rest: String = chars[i..].iter().collect::<String>().to_ascii_lowercase();
            if let Some(name) = ["script", "style"]
                .into_iter()
                .find(|n| rest.starts_with(&format!("<{n}")))
            {
                let end = format!("</{name}>");
                let skip = rest.find(&end).map_or(rest.chars().count(), |e| {
                    rest[..e + end.len()].chars().count()
                });
                i += skip;
                continue;
            }
            if let Some(close) = chars[i..].iter().position(|&x| x == '>') {
                let tag: String = chars[i..=i + close].iter().collect();
                out.push_str(&html_to_text(&tag));
                i += close + 1;
                continue;
            }
        }
        if matches!(c, '*' | '`')
            || (c == '_'
                && (i == 0
                    || !chars[i - 1].is_alphanumeric()
                    || chars.get(i + 1).is_none_or(|n| !n.is_alphanumeric())))
        {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For `[text](target)` starting at `open` (the '['), the index after ')'.
fn link_end(chars: &[char], open: usize) -> Option<usize> {
    let close = chars[open..].iter().position(|&x| x == ']')? + open;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = chars[close + 1..].iter().position(|&x| x == ')')? + close + 1;
    Some(paren + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed() {
        let md = "# Big *news*\n\nShe said **“yes”** to [the plan](http://x.org/p).\nSecond line.\n\n\
                  ![photo](a.png)\n\n- one\n- two\n\n> quoted `code`\n\n1. first\n\n---\n\nsnake_case stays";
        assert_eq!(
            markdown_to_text(md),
            "Big news\n\nShe said “yes” to the plan. Second line.\n\none\n\ntwo\n\nquoted code\n\nfirst\n\nsnake_case stays"
        );
    }

    #[test]
    fn inline_html_is_text_only() {
        assert_eq!(
            markdown_to_text("Hi <script>alert(1)</script><b>there</b>"),
            "Hi there"
        );
    }
}
