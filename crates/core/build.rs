//! Copies the data files the engine compiles in (`data/lexicon/*`,
//! `data/confidence.tsv`) to `OUT_DIR` without their comment lines and
//! blank lines: the comments are for the people who edit the lists, not
//! for every reader's download (about 2 KB gzipped of the wasm worker).
//! The files keep their names; the parsers still skip comments, so the
//! raw files read the same.

use std::path::Path;
use std::{env, fs};

fn main() {
    let out = env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let lexicon = Path::new("data/lexicon");
    println!("cargo:rerun-if-changed=data/lexicon");
    println!("cargo:rerun-if-changed=data/confidence.tsv");
    let mut files: Vec<_> = fs::read_dir(lexicon)
        .expect("data/lexicon is readable")
        .map(|e| e.expect("a lexicon entry").path())
        .collect();
    files.push(Path::new("data/confidence.tsv").to_path_buf());
    fs::create_dir_all(out.join("lexicon")).expect("OUT_DIR is writable");
    for path in files {
        let text = fs::read_to_string(&path).expect("a data file is UTF-8 text");
        let kept: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .flat_map(|l| [l, "\n"])
            .collect();
        let name = path.file_name().expect("a file name");
        let dest = if path.starts_with(lexicon) {
            out.join("lexicon").join(name)
        } else {
            out.join(name)
        };
        fs::write(dest, kept).expect("OUT_DIR is writable");
    }
}
