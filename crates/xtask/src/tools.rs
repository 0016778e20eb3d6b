//! Finding and installing the pinned tools the build and tests need.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use crate::step;

/// Trunk version: 0.22 needs a newer rustc than this project's.
const TRUNK_VERSION: &str = "0.21.14";
/// Binaryen (wasm-opt) from npm; Debian's is too old.
const BINARYEN_VERSION: &str = "132.0.0";
/// Terser (npm), which minifies wasm-bindgen's scripts in release builds.
const TERSER_VERSION: &str = "5.51.4";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Chromium.
const CHROMIUM: &str = "/usr/bin/chromium";

/// Paths and the PATH used for every child process.
pub struct Env {
    /// The workspace root.
    pub root: PathBuf,
    /// `.tools/` under the root: npm-installed tools live here.
    pub tools_dir: PathBuf,
    path: OsString,
}

impl Env {
    /// Sets up PATH so that `~/.cargo/bin` and `.tools/node_modules/.bin` come first.
    pub fn new(root: &Path) -> Self {
        let tools_dir = root.join(".tools");
        let mut dirs = vec![tools_dir.join("node_modules/.bin")];
        if let Some(home) = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        {
            dirs.push(home.join("bin"));
        }
        dirs.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let path = std::env::join_paths(dirs).expect("PATH entries are valid");
        Self {
            root: root.to_path_buf(),
            tools_dir,
            path,
        }
    }

    /// Runs `cmd` with this PATH, inheriting stdio; fails on a non-zero exit.
    pub fn run(&self, cmd: &mut Command) -> Result<()> {
        cmd.env("PATH", &self.path).current_dir(&self.root);
        let shown = format!("{cmd:?}");
        let status = cmd
            .status()
            .with_context(|| format!("cannot start {shown}"))?;
        if !status.success() {
            bail!("command failed ({status}): {shown}");
        }
        Ok(())
    }

    /// The first line a command prints, or `None` when it cannot run.
    fn output_line(&self, program: &str, args: &[&str]) -> Option<String> {
        let out = Command::new(program)
            .args(args)
            .env("PATH", &self.path)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        Some(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_owned(),
        )
    }

    /// wasm32 target, Trunk, wasm-bindgen-cli (matching Cargo.lock) and wasm-opt.
    pub fn ensure_build_tools(&self) -> Result<()> {
        self.ensure_wasm_target()?;
        self.ensure_trunk()?;
        self.ensure_wasm_bindgen()?;
        self.ensure_npm_tools()
    }

    fn ensure_wasm_target(&self) -> Result<()> {
        let installed = self
            .output_line("rustc", &["--print", "sysroot"])
            .is_some_and(|sysroot| {
                Path::new(&sysroot)
                    .join("lib/rustlib/wasm32-unknown-unknown/lib")
                    .is_dir()
            });
        if !installed {
            step("installing the wasm32-unknown-unknown target");
            self.run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
        }
        Ok(())
    }

    fn ensure_trunk(&self) -> Result<()> {
        let want = format!("trunk {TRUNK_VERSION}");
        if self.output_line("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
            return Ok(());
        }
        step(&format!(
            "installing Trunk {TRUNK_VERSION} (takes 10-20 minutes, once)"
        ));
        self.run(Command::new("cargo").args([
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ]))
    }

    fn ensure_wasm_bindgen(&self) -> Result<()> {
        let version = self.locked_version("wasm-bindgen")?;
        let want = format!("wasm-bindgen {version}");
        let have = self.output_line("wasm-bindgen", &["--version"]);
        let runner = self.output_line("wasm-bindgen-test-runner", &["--version"]);
        if have.as_deref() == Some(want.as_str()) && runner.is_some() {
            return Ok(());
        }
        step(&format!(
            "installing wasm-bindgen-cli {version} (takes about 5 minutes, once)"
        ));
        let locked = self.run(Command::new("cargo").args([
            "install",
            "--locked",
            "wasm-bindgen-cli",
            "--version",
            &version,
        ]));
        if locked.is_err() {
            self.run(Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &version,
            ]))?;
        }
        Ok(())
    }

    /// The version of `package` recorded in Cargo.lock.
    fn locked_version(&self, package: &str) -> Result<String> {
        let lock =
            std::fs::read_to_string(self.root.join("Cargo.lock")).context("reading Cargo.lock")?;
        let needle = format!("name = \"{package}\"\nversion = \"");
        let at = lock
            .find(&needle)
            .with_context(|| format!("{package} is not in Cargo.lock"))?;
        let rest = &lock[at + needle.len()..];
        Ok(rest[..rest.find('"').unwrap_or(0)].to_owned())
    }

    /// wasm-opt (npm binaryen) and Terser in `.tools`, installed together
    /// (an `npm install --no-save` of one would remove the other).
    fn ensure_npm_tools(&self) -> Result<()> {
        let want = format!(
            "wasm-opt version {}",
            BINARYEN_VERSION.split('.').next().unwrap_or("")
        );
        let bin = |name: &str| self.tools_dir.join("node_modules/.bin").join(name);
        let have_wasm_opt = self
            .output_line(
                bin("wasm-opt").to_str().unwrap_or("wasm-opt"),
                &["--version"],
            )
            .is_some_and(|v| v.starts_with(&want));
        let have_terser = self
            .output_line(bin("terser").to_str().unwrap_or("terser"), &["--version"])
            .is_some_and(|v| v == format!("terser {TERSER_VERSION}"));
        if have_wasm_opt && have_terser {
            return Ok(());
        }
        step(&format!(
            "installing wasm-opt (npm binaryen@{BINARYEN_VERSION}) and terser@{TERSER_VERSION}"
        ));
        std::fs::create_dir_all(&self.tools_dir)?;
        self.run(
            Command::new("npm")
                .args([
                    "install",
                    "--no-save",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                ])
                .arg(&self.tools_dir)
                .arg(format!("binaryen@{BINARYEN_VERSION}"))
                .arg(format!("terser@{TERSER_VERSION}")),
        )
    }

    /// Debian's Chromium and ChromeDriver.
    pub fn ensure_browser(&self) -> Result<()> {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            return Ok(());
        }
        step("installing Chromium and ChromeDriver (apt)");
        self.run(Command::new("apt-get").arg("update"))?;
        self.run(
            Command::new("apt-get")
                .args([
                    "install",
                    "-y",
                    "--no-install-recommends",
                    "chromium",
                    "chromium-driver",
                ])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    }

    /// The end-to-end tests' npm packages, exactly as locked.
    pub fn ensure_e2e_packages(&self) -> Result<()> {
        self.ensure_npm_packages("tests/e2e", "the end-to-end tests' npm packages")
    }

    /// A Python virtual environment in `.tools/pyenv` with the packages of
    /// `crates/python/requirements-test.txt` (maturin, pytest, Dask; pinned,
    /// from PyPI), made or refreshed when the list is newer. Returns its
    /// `bin` folder.
    pub fn ensure_python_packages(&self) -> Result<std::path::PathBuf> {
        let venv = self.root.join(".tools/pyenv");
        let list = self.root.join("crates/python/requirements-test.txt");
        let stamp = venv.join(".installed");
        let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&list)) {
            (Ok(s), Ok(l)) => s.modified()? >= l.modified()?,
            _ => false,
        };
        let bin = venv.join("bin");
        if !fresh {
            step("installing the Python package's test tools (maturin, pytest, Dask) into .tools/pyenv");
            if !bin.join("python").exists() {
                self.run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
            }
            self.pip_install(&bin, &[OsString::from("-r"), list.into_os_string()])?;
            std::fs::write(&stamp, b"")?;
        }
        Ok(bin)
    }

    /// `pip install --quiet args` with the Python of the virtual environment
    /// whose `bin` folder is `bin`.
    pub fn pip_install(&self, bin: &Path, args: &[OsString]) -> Result<()> {
        self.run(
            Command::new(bin.join("python"))
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                ])
                .args(args),
        )
    }

    /// Lighthouse (npm, as locked in `tests/lighthouse`), for `bench-web`.
    pub fn ensure_lighthouse(&self) -> Result<()> {
        self.ensure_npm_packages("tests/lighthouse", "Lighthouse (npm)")
    }

    /// `npm ci` in `dir` unless its `node_modules` is newer than its lock file.
    fn ensure_npm_packages(&self, dir: &str, what: &str) -> Result<()> {
        let dir = self.root.join(dir);
        let stamp = dir.join("node_modules/.package-lock.json");
        let lock = dir.join("package-lock.json");
        let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
            (Ok(s), Ok(l)) => s.modified()? >= l.modified()?,
            _ => false,
        };
        if fresh {
            return Ok(());
        }
        step(&format!("installing {what}"));
        self.run(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir),
        )
    }
}
