//! A plain static file server for `dist/` on 127.0.0.1:8080, as a CDN would
//! serve it: files as they are, the usual MIME types, no rewriting.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file under `root` for a request path, refusing `..` escapes.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

fn handle(root: &Path, mut stream: TcpStream) -> Result<()> {
    let mut line = String::new();
    BufReader::new(stream.try_clone()?).read_line(&mut line)?;
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    match resolve(root, path) {
        Some(file) => {
            let body = std::fs::read(&file)?;
            write!(stream, "HTTP/1.1 200 OK\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", mime(&file), body.len())?;
            stream.write_all(&body)?;
        }
        None => write!(
            stream,
            "HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\nconnection: close\r\n\r\nnot found"
        )?,
    }
    Ok(())
}

/// Serves `root` until interrupted.
pub fn serve(root: &Path, addr: &str) -> Result<()> {
    let listener = TcpListener::bind(addr)
        .with_context(|| format!("cannot listen on {addr} (is something else using it?)"))?;
    eprintln!(
        "serving {} on http://{addr}/ (Ctrl-C to stop)",
        root.display()
    );
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            let _ = handle(&root, stream);
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = std::env::temp_dir().join(format!("saidwho-serve-{}", std::process::id()));
        std::fs::create_dir_all(root.join("models")).unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::write(root.join("models/m.bin"), "x").unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/models/m.bin?v=1"),
            Some(root.join("models/m.bin"))
        );
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/nope"), None);
        assert_eq!(mime(Path::new("a.wasm")), "application/wasm");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
