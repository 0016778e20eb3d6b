//! The readable text of an HTML page: paragraphs and headings, without
//! scripts, styles, navigation, forms or markup. A tolerant scanner: any
//! input gives some text, never an error, and nothing in it is executed.

use super::entities::decode;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "canvas",
    "audio",
    "video",
    "head",
    "figcaption",
];

/// Elements that start and end a block (a paragraph break in the text).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "hr",
    "br",
    "address",
    "body",
    "html",
    "title",
];

/// Elements that may not contain others (their content is raw text).
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "noscript" | "template" | "xmp" | "iframe"
    )
}

/// One parsed tag.
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    _raw: &'a str,
}

/// Parses the tag starting at `s[0] == '<'`; returns it and its length.
fn parse_tag(s: &str) -> Option<(Tag<'_>, usize)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':')
    {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    // Skip attributes, honouring quotes (a '>' inside a quoted value does not end the tag).
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(bytes[i]),
            (None, b'>') => {
                let self_closing = i > 0 && bytes[i - 1] == b'/';
                return Some((
                    Tag {
                        name,
                        closing,
                        self_closing,
                        _raw: &s[..=i],
                    },
                    i + 1,
                ));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The article text of `html`: blocks separated by blank lines, inline
/// whitespace collapsed, character references decoded. When the page has an
/// `<article>` element, only its content is used.
#[must_use]
pub fn html_to_text(html: &str) -> String {
    let scope = article_scope(html).unwrap_or(html);
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut rest = scope;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let text = decode(current)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            blocks.push(text);
        }
        current.clear();
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_depth.is_empty() {
                current.push_str(rest);
            }
            break;
        };
        if skip_depth.is_empty() {
            current.push_str(&rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        let Some((tag, len)) = parse_tag(rest) else {
            // A tag that never closes swallows the rest, as in a browser.
            if rest
                .as_bytes()
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/')
            {
                break;
            }
            // A lone '<' is text.
            if skip_depth.is_empty() {
                current.push('<');
            }
            rest = &rest[1..];
            continue;
        };
        rest = &rest[len..];
        let name = tag.name.as_str();
        if !tag.closing && is_raw_text(name) && !tag.self_closing {
            // Skip to the matching end tag, whatever it contains.
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let stop = lower.find(&end).unwrap_or(rest.len());
            let inner = &rest[..stop];
            rest = &rest[stop..];
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            if name == "title" && skip_depth.is_empty() {
                flush(&mut current, &mut blocks);
                current.push_str(inner);
                flush(&mut current, &mut blocks);
            }
            continue;
        }
        if SKIPPED.contains(&name) && !tag.self_closing {
            if tag.closing {
                if let Some(pos) = skip_depth.iter().rposition(|n| n == name) {
                    skip_depth.truncate(pos);
                }
            } else {
                skip_depth.push(name.to_owned());
            }
            continue;
        }
        if BLOCKS.contains(&name) && skip_depth.is_empty() {
            flush(&mut current, &mut blocks);
        } else if skip_depth.is_empty() && !tag.closing && matches!(name, "img" | "input") {
            current.push(' ');
        }
    }
    flush(&mut current, &mut blocks);
    blocks.dedup();
    blocks.join("\n\n")
}

/// The content of the first `<article>` element, if any — looking only at
/// markup, never inside scripts, styles, templates or comments.
fn article_scope(html: &str) -> Option<&str> {
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    let body_start = loop {
        let lt = at + lower[at..].find('<')?;
        let rest = &lower[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at = lt + 4 + comment.find("-->").map_or(comment.len(), |e| e + 3);
            continue;
        }
        let name: String = rest[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let tag_end = lt + rest.find('>')? + 1;
        if name == "article" {
            break tag_end;
        }
        if is_raw_text(&name) {
            let end = format!("</{name}");
            at = lower[tag_end..]
                .find(&end)
                .map_or(lower.len(), |e| tag_end + e + end.len());
            continue;
        }
        at = tag_end;
    };
    let close = lower[body_start..]
        .find("</article>")
        .map_or(html.len(), |c| body_start + c);
    Some(&html[body_start..close])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_entities() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav><a href='/'>Home</a></nav><h1>Big news</h1>\
            <p>&ldquo;We won,&rdquo; she <b>said</b>.</p><p>Second\n   para&nbsp;here.</p>\
            <footer>© 2024</footer></body></html>";
        assert_eq!(
            html_to_text(html),
            "Big news\n\n“We won,” she said.\n\nSecond para here."
        );
    }

    #[test]
    fn scripts_handlers_and_comments_are_dropped() {
        let html = "<p>Safe<script>alert('<p>x</p>')</script> text</p>\
            <img src=x onerror=\"alert(1)\"><!-- <p>hidden</p> --><p onclick='evil()'>Kept</p>\
            <SCRIPT type=module>document.body.innerHTML='pwned'</SCRIPT>";
        let t = html_to_text(html);
        assert_eq!(t, "Safe text\n\nKept");
        assert!(!t.contains("alert") && !t.contains("pwned"));
    }

    #[test]
    fn article_element_wins() {
        let html = "<div>Menu</div><article><p>Body one.</p><aside>Ad</aside><p>Body two.</p></article><div>More</div>";
        assert_eq!(html_to_text(html), "Body one.\n\nBody two.");
    }

    #[test]
    fn regression_article_inside_a_script_is_not_the_article() {
        // Found by fuzzing: the <article> look-up saw inside <script>.
        let text = "<html><script>x</scri<tp>p onclick=1>“Hi,” she~said.</p><!-- c --><article><p>a</p></article>";
        let probe = format!("<p>a</p><script>{text}</script><p>b</p>");
        assert_eq!(html_to_text(&probe), "a\n\nb");
    }

    #[test]
    fn broken_html_still_gives_text() {
        assert_eq!(html_to_text("a < b and <p>c > d"), "a < b and\n\nc > d");
        assert_eq!(html_to_text("<p attr=\"unclosed>text"), "");
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("<script>never closed"), "");
    }
}
