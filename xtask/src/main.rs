//! `cargo xtask …`: Bidwell's project automation.
//!
//! - `cargo xtask serve [--addr HOST:PORT] [--data-dir DIR]`: install what is missing,
//!   build the app (Trunk, release) and the server (release), run `bidwell serve`.
//! - `cargo xtask test [STEP…]`: the whole suite, in order, stopping at the first failure
//!   (or only the named steps; `cargo xtask test --list` names them).
//! - `cargo xtask install`: only install the missing tools.
//! - `cargo xtask bench`: the benchmarks.
//!
//! - `cargo xtask bench extract-blind [HALF|all]`: the blind extraction score (HALF: dev,
//!   heldout, heldout2, … any folder of `domain/testdata/blind`).
//!
//! Guarantees: depends on `anyhow`, `serde_json` and `rust_decimal` only, so it compiles
//! in seconds; every child
//! runs with inherited stdio from the workspace root; a server it starts for tests is
//! killed on every exit path (see [`util::ServerGuard`]); installs are skipped when the
//! tool is present at the right version, so a warm run spends no time on them.

mod bench;
mod blind;
mod install;
mod load;
mod serve;
mod test;
mod util;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  serve [--addr HOST:PORT] [--data-dir DIR]
                 install missing tools, build app + server in release, run `bidwell serve`
                 (defaults: --addr 127.0.0.1:8080 --data-dir ./data; env BIDWELL_ADDR and
                 BIDWELL_DATA_DIR are used when the flags are absent)
  test [STEP...] the whole suite (fmt, clippy, domain purity, tests on SQLite and
                 PostgreSQL, app tests in Chromium, Playwright); name steps to run only those
  test --list    list the test steps
  install        install missing tools only (wasm target, trunk, wasm-bindgen-cli,
                 wasm-opt, Chromium + ChromeDriver, Node.js, end2end npm packages)
  bench [WORD..] run the benchmarks (only those whose name contains a WORD, e.g. `sync`;
                 `bench load`: the write mixes on SQLite and PostgreSQL, `bench crash`: kill -9
                 under audited writes, lost writes and audit verify; see xtask/src/load.rs)
  bench extract-blind [HALF|all] [--detail] [--no-build | --bin PATH] [--validate]
  bench extract-blind --floors [--bin PATH]
                 score `bidwell extract --json` on the blind quote set
                 (domain/testdata/blind): field P/R/F1 per family, format, language and
                 issue-9 class, wrong prices, calibration; writes target/blind/HALF.json.
                 held-out halves and `all` print aggregates only; --detail (dev) lists
                 every missed, wrong and extra fact per document; --floors checks the
                 held-out halves against domain/testdata/blind/floors.json (the
                 `blind-floors` test step; target/debug/bidwell unless --bin)
  help           this text
";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_else(|| "help".to_owned());
    let rest: Vec<String> = args.collect();
    // Relative paths on our command line are relative to where the user stands; every
    // child then runs from the workspace root.
    let cwd = std::env::current_dir().context("reading the current directory")?;
    let ctx = Ctx::new()?;
    match command.as_str() {
        "serve" => serve::run(&ctx, serve::Options::parse(&rest, &cwd)?),
        "test" => test::run(&ctx, &rest),
        "install" => {
            no_args("install", &rest)?;
            install::ensure(&ctx, install::ALL)
        }
        "bench" => bench::run(&ctx, &rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprint!("{USAGE}");
            bail!("unknown command `{other}`")
        }
    }
}

fn no_args(command: &str, rest: &[String]) -> Result<()> {
    if let Some(a) = rest.first() {
        bail!("`cargo xtask {command}` takes no arguments (got `{a}`); see `cargo xtask help`");
    }
    Ok(())
}

/// Where things are, computed once.
pub struct Ctx {
    /// The workspace root; every child runs here.
    pub root: PathBuf,
    /// The cargo that runs us (`$CARGO`), so children use the same toolchain.
    pub cargo: PathBuf,
    /// `.tools/node_modules/.bin`: the npm-installed wasm-opt that Trunk must find first.
    pub tools_bin: PathBuf,
    /// `$CARGO_HOME/bin`, where `cargo install` puts trunk and wasm-bindgen.
    pub cargo_bin: PathBuf,
}

impl Ctx {
    fn new() -> Result<Self> {
        let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .context("xtask's manifest dir has no parent")?
            .to_path_buf();
        let cargo = std::env::var_os("CARGO")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("cargo"));
        let cargo_home = match std::env::var_os("CARGO_HOME") {
            Some(h) => PathBuf::from(h),
            None => {
                PathBuf::from(std::env::var_os("HOME").context("HOME is not set")?).join(".cargo")
            }
        };
        let ctx = Ctx {
            tools_bin: root.join(".tools").join("node_modules").join(".bin"),
            cargo_bin: cargo_home.join("bin"),
            root,
            cargo,
        };
        ctx.set_process_env()?;
        Ok(ctx)
    }

    /// Every child inherits this environment: the project's tools first on `PATH`, and no
    /// Trunk update check (it would reach out to the network).
    fn set_process_env(&self) -> Result<()> {
        let old = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![self.tools_bin.clone(), self.cargo_bin.clone()];
        paths.extend(std::env::split_paths(&old));
        let joined = std::env::join_paths(paths).context("building PATH")?;
        // Single-threaded at this point: nothing else reads the environment concurrently.
        std::env::set_var("PATH", joined);
        std::env::set_var("TRUNK_SKIP_VERSION_CHECK", "true");
        std::env::set_current_dir(&self.root)
            .with_context(|| format!("cd {}", self.root.display()))?;
        Ok(())
    }

    /// A `cargo` command for the same toolchain.
    pub fn cargo(&self) -> std::process::Command {
        let mut c = std::process::Command::new(&self.cargo);
        c.current_dir(&self.root);
        c
    }
}
