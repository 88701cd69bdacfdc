//! Install what the build and the tests need, skipping whatever is already present at the
//! right version (so a warm run costs a few version probes).
//!
//! What works on these machines is recorded in the project's toolchain notes: Trunk 0.21.x
//! (0.22 needs a newer rustc), wasm-bindgen-cli built *without* `--locked` at exactly the
//! version in Cargo.lock, wasm-opt from npm's `binaryen` (Debian's is too old and breaks the
//! app at start), Debian's Chromium + ChromeDriver, and Playwright from npm with its browser
//! download switched off.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::util::{fmt_duration, output, sh};
use crate::Ctx;

/// The Trunk release that builds with the project's stable toolchain.
pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm `binaryen` major whose `wasm-opt` Trunk.toml pins (`version_132`).
pub const BINARYEN_MAJOR: &str = "132";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The schemathesis release (PyPI) the `schemathesis` test step runs, in its own venv
/// under `.tools/schemathesis` (issue 10).
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Components,
    WasmTarget,
    Node,
    WasmOpt,
    Chromium,
    E2eNpm,
    WasmBindgen,
    Trunk,
    Schemathesis,
}

/// Everything, cheapest first so that a broken machine fails fast.
pub const ALL: &[Tool] = &[
    Tool::Components,
    Tool::WasmTarget,
    Tool::Node,
    Tool::WasmOpt,
    Tool::Chromium,
    Tool::E2eNpm,
    Tool::WasmBindgen,
    Tool::Trunk,
    Tool::Schemathesis,
];

/// What `serve` needs: building the app and the server.
pub const FOR_SERVE: &[Tool] = &[
    Tool::WasmTarget,
    Tool::Node,
    Tool::WasmOpt,
    Tool::WasmBindgen,
    Tool::Trunk,
];

impl Tool {
    fn name(self) -> &'static str {
        match self {
            Tool::Components => "rustfmt + clippy",
            Tool::WasmTarget => "wasm32 target",
            Tool::Node => "node + npm",
            Tool::WasmOpt => "wasm-opt (npm binaryen)",
            Tool::Chromium => "chromium + chromedriver",
            Tool::E2eNpm => "end2end npm packages",
            Tool::WasmBindgen => "wasm-bindgen-cli",
            Tool::Trunk => "trunk",
            Tool::Schemathesis => "schemathesis (PyPI, venv)",
        }
    }
}

/// Make sure every tool in `tools` is present, installing the missing ones.
pub fn ensure(ctx: &Ctx, tools: &[Tool]) -> Result<()> {
    for &tool in tools {
        match present(ctx, tool)? {
            Some(version) => println!("  {:<26} ok ({version})", tool.name()),
            None => {
                println!("  {:<26} missing: installing…", tool.name());
                let start = Instant::now();
                install(ctx, tool).with_context(|| format!("installing {}", tool.name()))?;
                let version = present(ctx, tool)?.with_context(|| {
                    format!(
                        "{} is still missing or at the wrong version after installing it",
                        tool.name()
                    )
                })?;
                println!(
                    "  {:<26} installed ({version}) in {}",
                    tool.name(),
                    fmt_duration(start.elapsed())
                );
            }
        }
    }
    Ok(())
}

/// `Some(version text)` when the tool is there at the version we need.
fn present(ctx: &Ctx, tool: Tool) -> Result<Option<String>> {
    Ok(match tool {
        Tool::Components => {
            let fmt = output(ctx.cargo().args(["fmt", "--version"]));
            let clippy = output(ctx.cargo().args(["clippy", "--version"]));
            match (fmt, clippy) {
                (Some(fmt), Some(clippy)) => Some(format!("{fmt}, {clippy}")),
                _ => None,
            }
        }
        Tool::WasmTarget => {
            let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
                .context("`rustc --print sysroot` failed: is Rust installed?")?;
            let lib = Path::new(&sysroot)
                .join("lib/rustlib")
                .join(WASM_TARGET)
                .join("lib");
            lib.is_dir().then(|| format!("{WASM_TARGET} in {sysroot}"))
        }
        Tool::Node => {
            let node = output(Command::new("node").arg("--version"));
            let npm = output(Command::new("npm").arg("--version"));
            match (node, npm) {
                (Some(node), Some(npm)) => Some(format!("node {node}, npm {npm}")),
                _ => None,
            }
        }
        Tool::WasmOpt => {
            let v = output(Command::new(ctx.tools_bin.join("wasm-opt")).arg("--version"));
            // "wasm-opt version 132 (version_132)"
            v.filter(|v| v.contains(&format!("version {BINARYEN_MAJOR}")))
        }
        Tool::Chromium => {
            if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
                output(Command::new(CHROMEDRIVER).arg("--version"))
                    .map(|v| v.split(" (").next().unwrap_or(&v).to_owned())
            } else {
                None
            }
        }
        Tool::E2eNpm => {
            let dir = ctx.root.join("end2end");
            let lock = dir.join("package-lock.json");
            // `npm ci` writes node_modules/.package-lock.json; if it is older than the
            // committed lock, the lock changed since the last install.
            let installed = dir.join("node_modules").join(".package-lock.json");
            let cli = dir.join("node_modules").join(".bin").join("playwright");
            let fresh = match (mtime(&lock), mtime(&installed)) {
                (Some(l), Some(i)) => i >= l,
                _ => false,
            };
            if fresh && cli.exists() {
                output(Command::new(&cli).arg("--version"))
            } else {
                None
            }
        }
        Tool::WasmBindgen => {
            let want = wasm_bindgen_version(&ctx.root)?;
            let cli = output(Command::new("wasm-bindgen").arg("--version"));
            let runner = output(Command::new("wasm-bindgen-test-runner").arg("--version"));
            match (cli, runner) {
                (Some(cli), Some(runner))
                    if version_word(&cli) == Some(want.as_str())
                        && version_word(&runner) == Some(want.as_str()) =>
                {
                    Some(cli)
                }
                _ => None,
            }
        }
        Tool::Trunk => output(Command::new("trunk").arg("--version"))
            .filter(|v| version_word(v) == Some(TRUNK_VERSION)),
        // "schemathesis, version 4.32.5"
        Tool::Schemathesis => output(Command::new(schemathesis_bin(ctx)).arg("--version"))
            .filter(|v| v.split_whitespace().last() == Some(SCHEMATHESIS_VERSION)),
    })
}

fn install(ctx: &Ctx, tool: Tool) -> Result<()> {
    match tool {
        Tool::Components => {
            sh(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))
                .context("rustup is needed to add rustfmt and clippy")
        }
        Tool::WasmTarget => sh(Command::new("rustup").args(["target", "add", WASM_TARGET]))
            .context("rustup is needed to add the wasm32 target"),
        Tool::Node => apt_install(&["nodejs", "npm"]),
        Tool::WasmOpt => sh(Command::new("npm")
            .current_dir(&ctx.root)
            .args(["install", "--prefix", ".tools", "--no-audit", "--no-fund"])
            .arg(format!("binaryen@{BINARYEN_MAJOR}"))),
        Tool::Chromium => apt_install(&["chromium", "chromium-driver"]),
        Tool::E2eNpm => sh(Command::new("npm")
            .current_dir(ctx.root.join("end2end"))
            .args(["ci", "--no-audit", "--no-fund"])
            // Playwright must use Debian's Chromium; its own download cannot work here.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")),
        Tool::WasmBindgen => {
            let want = wasm_bindgen_version(&ctx.root)?;
            // No `--locked`: the crate's lockfile pins a webpki-roots release the registry
            // lacks. `--force` replaces another version or an untracked binary.
            sh(ctx
                .cargo()
                .args(["install", "wasm-bindgen-cli", "--force", "--version", &want]))
        }
        Tool::Trunk => sh(ctx.cargo().args([
            "install",
            "--locked",
            "--force",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ])),
        Tool::Schemathesis => {
            let venv = schemathesis_venv(ctx);
            let make = || sh(Command::new("python3").arg("-m").arg("venv").arg(&venv));
            if make().is_err() {
                // Debian splits `venv` out of python3.
                apt_install(&["python3-venv"])?;
                make()?;
            }
            sh(Command::new(venv.join("bin").join("pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .arg(format!("schemathesis=={SCHEMATHESIS_VERSION}")))
        }
    }
}

/// The venv schemathesis is installed in.
fn schemathesis_venv(ctx: &Ctx) -> std::path::PathBuf {
    ctx.root.join(".tools").join("schemathesis")
}

/// The `schemathesis` command of [`Tool::Schemathesis`].
pub fn schemathesis_bin(ctx: &Ctx) -> std::path::PathBuf {
    schemathesis_venv(ctx).join("bin").join("schemathesis")
}

/// `apt-get install -y PKGS`, through `sudo -n` when not root, with an `apt-get update`
/// and one retry when the package lists are stale or absent.
fn apt_install(pkgs: &[&str]) -> Result<()> {
    let apt = |args: &[&str]| -> Command {
        let root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
        let mut c = if root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.args(["-n", "apt-get"]);
            c
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    let mut install_args = vec!["install", "-y"];
    install_args.extend_from_slice(pkgs);
    if sh(&mut apt(&install_args)).is_ok() {
        return Ok(());
    }
    println!("  apt-get install failed; updating the package lists and retrying");
    sh(&mut apt(&["update"]))?;
    sh(&mut apt(&install_args))
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""# {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                return Ok(v.to_owned());
            }
        }
    }
    bail!("Cargo.lock has no `wasm-bindgen` package")
}

/// The second word of `tool 1.2.3 (…)`.
fn version_word(text: &str) -> Option<&str> {
    text.split_whitespace().nth(1)
}

fn mtime(p: &Path) -> Option<std::time::SystemTime> {
    fs::metadata(p).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_version_word() {
        assert_eq!(version_word("trunk 0.21.14"), Some("0.21.14"));
        assert_eq!(version_word("wasm-bindgen 0.2.130"), Some("0.2.130"));
        assert_eq!(version_word("trunk"), None);
    }

    #[test]
    fn finds_wasm_bindgen_in_the_workspace_lock() -> Result<()> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .context("no parent")?;
        let v = wasm_bindgen_version(root)?;
        assert!(v.starts_with("0.2."), "{v}");
        Ok(())
    }
}
