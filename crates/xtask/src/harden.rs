//! Makes Trunk's `dist/index.html` work under a strict Content Security
//! Policy: inline scripts move to files of their own, and the policy is
//! added as a `<meta>` tag. No inline script or style is left.

use std::path::Path;

use anyhow::{bail, Context, Result};

/// The page's policy: only its own files; wasm may be compiled; nothing is
/// sent anywhere but the page's own origin.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'none'";

/// FNV-1a, for content-addressed file names.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Rewrites `dist/index.html` in place.
pub fn harden(dist: &Path) -> Result<()> {
    let path = dist.join("index.html");
    let mut html =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = String::with_capacity(html.len());
    loop {
        let Some(open) = html.find("<script") else {
            out.push_str(&html);
            break;
        };
        let tag_end = open
            + html[open..]
                .find('>')
                .context("unterminated <script> tag")?
            + 1;
        let close = tag_end
            + html[tag_end..]
                .find("</script>")
                .context("unterminated <script> element")?;
        let tag = &html[open..tag_end];
        let body = &html[tag_end..close];
        out.push_str(&html[..open]);
        if tag.contains("src=") || body.trim().is_empty() {
            out.push_str(&html[open..close + 9]);
        } else {
            let name = format!("init-{:016x}.js", fnv(body));
            std::fs::write(dist.join(&name), body.trim())?;
            let module = if tag.contains("module") {
                " type=\"module\""
            } else {
                ""
            };
            out.push_str(&format!("<script{module} src=\"./{name}\"></script>"));
        }
        html = html[close + 9..].to_owned();
    }
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
    // As written, or as Trunk's minifier writes it.
    let Some((charset, tag)) = ["<meta charset=\"utf-8\">", "<meta charset=utf-8>"]
        .iter()
        .find_map(|tag| out.find(tag).map(|at| (at, tag)))
    else {
        bail!("dist/index.html has no <meta charset=\"utf-8\">");
    };
    let at = charset + tag.len();
    out.insert_str(at, &format!("\n  {meta}"));
    check(&out)?;
    std::fs::write(&path, out)?;
    Ok(())
}

/// Fails when the page still has inline script, inline style or absolute
/// asset URLs.
pub fn check(html: &str) -> Result<()> {
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        if !rest[open..end].contains("src=") {
            bail!("dist/index.html still has an inline <script>");
        }
        rest = &rest[end..];
    }
    if html.contains(" style=") || html.contains("<style") {
        bail!("dist/index.html has inline styles, which the policy forbids");
    }
    if html.contains(" on")
        && html
            .split_whitespace()
            .any(|w| w.starts_with("onload=") || w.starts_with("onerror="))
    {
        bail!("dist/index.html has inline event handlers");
    }
    if html.contains("href=\"/") || html.contains("src=\"/") {
        bail!("dist/index.html has absolute asset URLs; the app must work from any sub-path");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_move_out_and_the_policy_goes_in() {
        let dir = std::env::temp_dir().join(format!("saidwho-harden-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<html><head><meta charset=\"utf-8\"><script type=\"module\">import init from './app.js';\nawait init();</script>\
             <script src=\"./x.js\"></script></head><body></body></html>",
        )
        .unwrap();
        harden(&dir).unwrap();
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("<script type=\"module\" src=\"./init-"));
        assert!(html.contains("<script src=\"./x.js\"></script>"));
        check(&html).unwrap();
        let moved = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .find(|e| e.file_name().to_string_lossy().starts_with("init-"))
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(moved.path()).unwrap(),
            "import init from './app.js';\nawait init();"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn check_refuses_inline_code() {
        assert!(check("<script>alert(1)</script>").is_err());
        assert!(check("<div style=\"x\"></div>").is_err());
        assert!(check("<link href=\"/app.css\">").is_err());
    }
}
