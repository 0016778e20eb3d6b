//! Any bytes as HTML, Markdown or a .docx: extraction never panics and
//! never leaks a `<script>` element's content.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saidwho_core::extract::{docx_to_text, html_to_text, markdown_to_text};

fuzz_target!(|data: &[u8]| {
    let _ = docx_to_text(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = html_to_text(text);
    let _ = markdown_to_text(text);
    // Whatever a script element holds, none of it reaches the text. (An
    // <article> inside it does not count: the whole script is skipped.)
    let probe = format!("<p>a</p><script>{text}</script><p>b</p>");
    if !text.to_ascii_lowercase().contains("</script") {
        let out = html_to_text(&probe);
        assert_eq!(out, "a\n\nb", "script content leaked");
    }
});
