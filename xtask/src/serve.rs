//! `cargo xtask serve`: install what is missing, build the app and the server in release,
//! then become `bidwell serve` (on Unix the process is replaced, so Ctrl-C goes straight to
//! the server, which shuts down cleanly, and nothing is left behind).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::install;
use crate::util::{fmt_duration, sh, show};
use crate::Ctx;

pub struct Options {
    addr: String,
    data_dir: PathBuf,
}

impl Options {
    /// `[--addr HOST:PORT] [--data-dir DIR]` (also `--addr=…`); relative paths are taken
    /// from `cwd`. Absent flags fall back to `BIDWELL_ADDR` / `BIDWELL_DATA_DIR`, then to
    /// `127.0.0.1:8080` and `./data` in the workspace root.
    pub fn parse(args: &[String], cwd: &Path) -> Result<Self> {
        let mut addr = None;
        let mut data_dir = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
                _ => (arg.as_str(), None),
            };
            let mut value = || -> Result<String> {
                match inline.clone() {
                    Some(v) => Ok(v),
                    None => it
                        .next()
                        .cloned()
                        .with_context(|| format!("`{flag}` needs a value")),
                }
            };
            match flag {
                "--addr" => addr = Some(value()?),
                "--data-dir" => data_dir = Some(cwd.join(value()?)),
                other => bail!(
                    "unknown option `{other}` for `cargo xtask serve` \
                     (options: --addr HOST:PORT, --data-dir DIR)"
                ),
            }
        }
        Ok(Options {
            addr: addr
                .or_else(|| std::env::var("BIDWELL_ADDR").ok())
                .unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
            data_dir: data_dir
                .or_else(|| std::env::var_os("BIDWELL_DATA_DIR").map(|d| cwd.join(d)))
                .unwrap_or_else(|| PathBuf::from("./data")),
        })
    }
}

pub fn run(ctx: &Ctx, opts: Options) -> Result<()> {
    let start = Instant::now();
    println!("==> tools");
    install::ensure(ctx, install::FOR_SERVE)?;

    println!("\n==> app: trunk build --release");
    sh(Command::new("trunk")
        .current_dir(&ctx.root)
        .args(["build", "--release"]))?;

    println!("\n==> server: cargo build --release -p server");
    sh(ctx.cargo().args(["build", "--release", "-p", "server"]))?;
    println!("\n==> built in {}", fmt_duration(start.elapsed()));

    let bin = crate::test::target_dir(ctx).join("release").join("bidwell");
    let mut cmd = Command::new(&bin);
    cmd.current_dir(&ctx.root)
        .arg("serve")
        .arg("--addr")
        .arg(&opts.addr)
        .arg("--data-dir")
        .arg(&opts.data_dir)
        .arg("--dist")
        .arg("dist");
    println!("$ {}   (Ctrl-C stops it)\n", show(&cmd));
    exec(cmd, &bin)
}

#[cfg(unix)]
fn exec(mut cmd: Command, bin: &Path) -> Result<()> {
    use std::os::unix::process::CommandExt;
    // Only returns on failure.
    let err = cmd.exec();
    Err(err).with_context(|| format!("starting {}", bin.display()))
}

#[cfg(not(unix))]
fn exec(mut cmd: Command, bin: &Path) -> Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("starting {}", bin.display()))?;
    if !status.success() {
        bail!("bidwell serve exited with {status}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn flags_in_both_spellings() -> Result<()> {
        let o = Options::parse(
            &args(&["--addr=0.0.0.0:9000", "--data-dir", "d"]),
            Path::new("/home/me"),
        )?;
        assert_eq!(o.addr, "0.0.0.0:9000");
        assert_eq!(o.data_dir, PathBuf::from("/home/me/d"));
        Ok(())
    }

    #[test]
    fn unknown_and_incomplete_flags_are_errors() {
        assert!(Options::parse(&args(&["--port", "1"]), Path::new("/")).is_err());
        assert!(Options::parse(&args(&["--addr"]), Path::new("/")).is_err());
    }
}
