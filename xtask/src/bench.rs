//! `cargo xtask bench`: every benchmark the project has, as a plain list. Add an entry to
//! [`BENCHES`] for a new one; an entry whose `needs` path is absent is skipped (so the list
//! can name benches that land later). The commands are the ones `docs/extract.md` gives.

use std::fs::File;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::util::{fmt_duration, free_port, output, sh, show, ServerGuard};
use crate::Ctx;

/// One thing a bench does, in order.
enum Action {
    /// `rustup target add` unless the target's std is installed.
    RustTarget(&'static str),
    /// `cargo ARGS…`.
    Cargo(&'static [&'static str]),
    /// `cargo ARGS…` with ChromeDriver named for wasm-bindgen-test-runner (a wasm
    /// benchmark in headless Chromium).
    CargoInChromium(&'static [&'static str]),
    /// `node SCRIPT WASM` with the newest `DIR/PREFIX*.wasm` (a cargo bench artifact whose
    /// name carries a hash).
    NodeWasm {
        script: &'static str,
        dir: &'static str,
        prefix: &'static str,
    },
    /// Builds the server, starts `bidwell serve` on a free port with a scratch data dir
    /// (fresh demo data), runs `node SCRIPT` with `BASE_URL` pointing at it, stops it.
    NodeAgainstServer { script: &'static str },
    /// Builds the app (`trunk build --release`, which also writes the brotli and gzip
    /// copies) and the server, serves `dist/` from a fresh `bidwell serve` as above and
    /// runs `node SCRIPT` against it.
    NodeAgainstApp { script: &'static str },
    /// The blind extraction score (`crate::blind`) on one half of the set; `all` and
    /// `heldout` print aggregates only, so this is safe to run anywhere.
    Blind(&'static str),
    /// The load benchmark: `node SCRIPT` against a fresh release server on SQLite, then on
    /// PostgreSQL (a scratch database), and a comparison of the two.
    LoadBench { script: &'static str },
    /// `kill -9` under the write-heavy mix of `node SCRIPT`, on both engines
    /// (`crate::load::crash`).
    CrashBench { script: &'static str },
    /// The write mix of `node SCRIPT` without and with a wrong-password flood from many
    /// addresses (`crate::load::flood`).
    FloodBench { script: &'static str },
}

struct Bench {
    name: &'static str,
    /// A path (relative to the workspace root) that must exist for the bench to run.
    needs: &'static str,
    actions: &'static [Action],
}

const BENCHES: &[Bench] = &[
    Bench {
        name: "extract (native)",
        needs: "domain/benches/extract.rs",
        actions: &[Action::Cargo(&[
            "bench", "-p", "domain", "--bench", "extract",
        ])],
    },
    Bench {
        name: "extract (wasm, under Node's WASI)",
        needs: "domain/benches/extract_wasm.rs",
        actions: &[
            Action::RustTarget("wasm32-wasip1"),
            Action::Cargo(&[
                "build",
                "--release",
                "-p",
                "domain",
                "--bench",
                "extract_wasm",
                "--target",
                "wasm32-wasip1",
            ]),
            Action::NodeWasm {
                script: "domain/benches/run_wasm.mjs",
                dir: "wasm32-wasip1/release/deps",
                prefix: "extract_wasm-",
            },
        ],
    },
    Bench {
        name: "offline sync (500 queued changes through POST /api/sync)",
        needs: "end2end/bench/sync-bench.mjs",
        actions: &[Action::NodeAgainstServer {
            script: "end2end/bench/sync-bench.mjs",
        }],
    },
    Bench {
        name: "first-load (sign-in page: bytes over the wire, cold start at 1.6 Mbps / 150 ms)",
        needs: "end2end/bench/first-load.mjs",
        actions: &[Action::NodeAgainstApp {
            script: "end2end/bench/first-load.mjs",
        }],
    },
    Bench {
        name: "relevel (comparison re-level in headless Chromium, wasm)",
        needs: "app/benches/relevel.rs",
        actions: &[Action::CargoInChromium(&[
            "test",
            "-p",
            "app",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
            "--features",
            "bench",
            "--test",
            "relevel",
            "--",
            "--nocapture",
        ])],
    },
    Bench {
        name: "extract-blind (blind quote set, every half, aggregates only)",
        needs: "domain/testdata/blind/dev",
        actions: &[Action::Blind("all")],
    },
    Bench {
        name: "load (one write mix on SQLite and PostgreSQL, 50 and 200 clients)",
        needs: "end2end/bench/load-bench.mjs",
        actions: &[Action::LoadBench {
            script: "end2end/bench/load-bench.mjs",
        }],
    },
    Bench {
        name: "crash (kill -9 during audited writes on SQLite and PostgreSQL: lost writes, audit verify)",
        needs: "end2end/bench/load-bench.mjs",
        actions: &[Action::CrashBench {
            script: "end2end/bench/load-bench.mjs",
        }],
    },
    Bench {
        name: "login-flood (wrong passwords from 50 addresses during the write mix: other writers' throughput, the right user's sign-ins)",
        needs: "end2end/bench/load-bench.mjs",
        actions: &[Action::FloodBench {
            script: "end2end/bench/load-bench.mjs",
        }],
    },
];

/// Whether `word` is one of the words of a bench's `name` (hyphenated words whole:
/// `load` is not `first-load`).
fn names(name: &str, word: &str) -> bool {
    name.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|t| t.eq_ignore_ascii_case(word))
}

/// Runs every bench, or with `filter` words only those whose name has one of them.
pub fn run(ctx: &Ctx, filter: &[String]) -> Result<()> {
    // `bench extract-blind [HALF|all] [--detail] …` takes options of its own.
    if filter.first().is_some_and(|w| w == "extract-blind") {
        return crate::blind::run(ctx, &filter[1..]);
    }
    let mut ran = 0;
    for b in BENCHES {
        if !filter.is_empty() && !filter.iter().any(|w| names(b.name, w)) {
            continue;
        }
        if !ctx.root.join(b.needs).exists() {
            println!("==> {}: skipped ({} does not exist)", b.name, b.needs);
            continue;
        }
        println!("==> {}", b.name);
        let start = Instant::now();
        for action in b.actions {
            act(ctx, action).with_context(|| format!("bench `{}`", b.name))?;
        }
        println!("<== {} done in {}", b.name, fmt_duration(start.elapsed()));
        ran += 1;
    }
    println!("benches: {ran} of {} ran", BENCHES.len());
    Ok(())
}

fn act(ctx: &Ctx, action: &Action) -> Result<()> {
    match action {
        Action::RustTarget(target) => {
            let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
                .context("`rustc --print sysroot` failed")?;
            let lib = Path::new(&sysroot)
                .join("lib/rustlib")
                .join(target)
                .join("lib");
            if !lib.is_dir() {
                sh(Command::new("rustup").args(["target", "add", target]))?;
            }
            Ok(())
        }
        Action::Cargo(args) => sh(ctx.cargo().args(*args)),
        // A benchmark runs far longer than wasm-bindgen-test-runner's default 20 s test
        // budget (the 2,000 × 50 × 5 comparison alone takes seconds to build and level).
        Action::CargoInChromium(args) => sh(ctx
            .cargo()
            .args(*args)
            .env("CHROMEDRIVER", crate::install::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "1200")),
        Action::NodeWasm {
            script,
            dir,
            prefix,
        } => {
            let dir = crate::test::target_dir(ctx).join(dir);
            let wasm = newest(&dir, prefix, "wasm")?;
            sh(Command::new("node")
                .current_dir(&ctx.root)
                .arg(script)
                .arg(wasm))
        }
        Action::NodeAgainstServer { script } => node_against_server(ctx, script, None),
        Action::NodeAgainstApp { script } => {
            sh(Command::new("trunk")
                .current_dir(&ctx.root)
                .args(["build", "--release"]))?;
            node_against_server(ctx, script, Some(&ctx.root.join("dist")))
        }
        Action::Blind(half) => crate::blind::run(ctx, &[(*half).to_owned()]),
        Action::LoadBench { script } => crate::load::run(ctx, script),
        Action::CrashBench { script } => crate::load::crash(ctx, script),
        Action::FloodBench { script } => crate::load::flood(ctx, script),
    }
}

/// Runs `node script` against a fresh `bidwell serve` of its own (release build, SQLite
/// in a scratch dir that is removed afterwards, the server's log beside it), serving
/// `dist` when given.
fn node_against_server(ctx: &Ctx, script: &str, dist: Option<&Path>) -> Result<()> {
    sh(ctx
        .cargo()
        .args(["build", "--release", "-p", "server", "--bin", "bidwell"]))?;
    let bin = crate::test::target_dir(ctx).join("release").join("bidwell");
    let scratch = std::env::temp_dir().join(format!("bidwell-bench-{}", std::process::id()));
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    std::fs::create_dir_all(&scratch)?;
    let addr = SocketAddr::from(([127, 0, 0, 1], free_port()?));
    let log = File::create(scratch.join("server.log"))?;
    let mut cmd = Command::new(&bin);
    cmd.current_dir(&ctx.root)
        .arg("serve")
        .arg("--addr")
        .arg(addr.to_string())
        .arg("--data-dir")
        .arg(scratch.join("data"))
        .arg("--dist")
        .arg(dist.map_or_else(|| scratch.join("no-dist"), Path::to_path_buf))
        .env_remove("DATABASE_URL")
        .env_remove("BIDWELL_ADDR")
        .env_remove("BIDWELL_DATA_DIR")
        .env_remove("BIDWELL_DIST")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    println!("$ {}", show(&cmd));
    let child = cmd
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let mut server = ServerGuard::new(child, Some(scratch));
    server.wait_healthy(addr, "/api/health", Duration::from_secs(60))?;
    println!("  server healthy at http://{addr}");
    sh(Command::new("node")
        .current_dir(&ctx.root)
        .arg(script)
        .env("BASE_URL", format!("http://{addr}")))
}

/// The most recently modified `dir/prefix*.ext`.
fn newest(dir: &Path, prefix: &str, ext: &str) -> Result<PathBuf> {
    let mut best: Option<(std::time::SystemTime, PathBuf)> = None;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(prefix) && path.extension().is_some_and(|e| e == ext) {
            let modified = path.metadata()?.modified()?;
            if best.as_ref().is_none_or(|(t, _)| modified > *t) {
                best = Some((modified, path));
            }
        }
    }
    match best {
        Some((_, p)) => Ok(p),
        None => bail!("no {prefix}*.{ext} in {}", dir.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::{names, BENCHES};

    #[test]
    fn a_filter_word_picks_benches_by_whole_words() {
        let picked = |w: &str| -> Vec<&str> {
            BENCHES
                .iter()
                .filter(|b| names(b.name, w))
                .map(|b| b.name.split(' ').next().unwrap_or(""))
                .collect()
        };
        assert_eq!(picked("load"), ["load"]);
        assert_eq!(picked("first-load"), ["first-load"]);
        assert_eq!(picked("sync"), ["offline"]);
        assert_eq!(picked("extract"), ["extract", "extract"]);
    }
}
