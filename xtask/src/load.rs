//! `cargo xtask bench load`: the same write mix (`end2end/bench/load-bench.mjs`) against a
//! release server on SQLite and then on PostgreSQL, at 50 and 200 concurrent clients for a
//! fixed time each, in one run; prints p50/p99 latency, throughput and 5xx count per
//! engine and level, and PostgreSQL's throughput as a share of SQLite's (issue 10's goal:
//! 0 5xx on PostgreSQL and at least half of SQLite's throughput at every level).
//!
//! Each engine gets a fresh server with fresh demo data: SQLite in a scratch directory,
//! PostgreSQL in a scratch database created (and dropped afterwards, `WITH (FORCE)`) with
//! `psql` through an admin URL. Both servers run with their default pool settings, the
//! numbers a person gets without tuning.
//!
//! Environment: `BIDWELL_BENCH_DATABASE_URL` (admin URL; else `BIDWELL_TEST_DATABASE_URL`,
//! else `postgres://postgres@127.0.0.1:5432/postgres`), `BIDWELL_LOAD_SECONDS` (per level,
//! default 20), `BIDWELL_LOAD_CLIENTS` (default `50,200`), `BIDWELL_LOAD_BIN` (a `bidwell`
//! binary to measure instead of building this checkout's, e.g. an older build to compare).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{bail, Context, Result};

use crate::util::{free_port, sh, show, ServerGuard};
use crate::Ctx;

/// One `RESULT key=value …` line of the Node script.
type Row = BTreeMap<String, String>;

/// The engines, in the order they run.
const ENGINES: [&str; 2] = ["sqlite", "postgres"];

pub fn run(ctx: &Ctx, script: &str) -> Result<()> {
    let admin = std::env::var("BIDWELL_BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("BIDWELL_TEST_DATABASE_URL"))
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    let seconds = std::env::var("BIDWELL_LOAD_SECONDS").unwrap_or_else(|_| "20".into());
    let clients = std::env::var("BIDWELL_LOAD_CLIENTS").unwrap_or_else(|_| "50,200".into());
    // Fail before building when PostgreSQL is not there to compare with.
    psql(&admin, "SELECT 1").with_context(|| {
        format!(
            "PostgreSQL at {admin} is needed for the comparison (set BIDWELL_BENCH_DATABASE_URL)"
        )
    })?;
    let bin = match std::env::var_os("BIDWELL_LOAD_BIN") {
        Some(b) => PathBuf::from(b),
        None => {
            sh(ctx
                .cargo()
                .args(["build", "--release", "-p", "server", "--bin", "bidwell"]))?;
            crate::test::target_dir(ctx).join("release").join("bidwell")
        }
    };
    let mut rows = Vec::new();
    for engine in ENGINES {
        println!("--> {engine}");
        rows.extend(one_engine(
            ctx, &bin, script, engine, &admin, &seconds, &clients,
        )?);
    }
    print_summary(&rows, &seconds);
    Ok(())
}

/// Starts a fresh server on `engine`, runs the script against it, and returns its rows.
fn one_engine(
    ctx: &Ctx,
    bin: &Path,
    script: &str,
    engine: &str,
    admin: &str,
    seconds: &str,
    clients: &str,
) -> Result<Vec<Row>> {
    let scratch =
        std::env::temp_dir().join(format!("bidwell-load-{engine}-{}", std::process::id()));
    if scratch.exists() {
        std::fs::remove_dir_all(&scratch)?;
    }
    std::fs::create_dir_all(&scratch)?;
    let scratch_db = ScratchDb::new(engine, admin)?;
    let addr = SocketAddr::from(([127, 0, 0, 1], free_port()?));
    let log = File::create(scratch.join("server.log"))?;
    let mut cmd = Command::new(bin);
    cmd.current_dir(&ctx.root)
        .arg("serve")
        .arg("--addr")
        .arg(addr.to_string())
        .arg("--data-dir")
        .arg(scratch.join("data"))
        .arg("--dist")
        .arg(scratch.join("no-dist"));
    if let Some(db) = &scratch_db {
        cmd.arg("--database-url").arg(&db.url);
    }
    cmd.env_remove("DATABASE_URL")
        .env_remove("BIDWELL_ADDR")
        .env_remove("BIDWELL_DATA_DIR")
        .env_remove("BIDWELL_DIST")
        .env_remove("BIDWELL_DB_MAX_CONNECTIONS")
        .env_remove("BIDWELL_DB_ACQUIRE_TIMEOUT")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    println!("$ {}", show(&cmd));
    let child = cmd
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    // Dropped before `scratch_db`: the server stops before its database is dropped.
    let mut server = ServerGuard::new(child, Some(scratch));
    server.wait_healthy(addr, "/api/health", Duration::from_secs(60))?;
    println!("  server healthy at http://{addr}");

    let mut node = Command::new("node");
    node.current_dir(&ctx.root)
        .arg(script)
        .args([
            "--clients",
            clients,
            "--seconds",
            seconds,
            "--label",
            engine,
        ])
        .env("BASE_URL", format!("http://{addr}"))
        .stdout(Stdio::piped());
    println!("$ {}", show(&node));
    let mut child = node
        .spawn()
        .context("starting node (run `cargo xtask install`)")?;
    let mut rows = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line?;
            match line.strip_prefix("RESULT ") {
                Some(kv) => rows.push(
                    kv.split_whitespace()
                        .filter_map(|p| p.split_once('='))
                        .map(|(k, v)| (k.to_owned(), v.to_owned()))
                        .collect(),
                ),
                None => println!("{line}"),
            }
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("the load script failed on {engine} ({status})");
    }
    drop(server);
    drop(scratch_db);
    Ok(rows)
}

/// A throw-away PostgreSQL database (none for SQLite), dropped with this value.
struct ScratchDb {
    admin: String,
    name: String,
    url: String,
}

impl ScratchDb {
    fn new(engine: &str, admin: &str) -> Result<Option<ScratchDb>> {
        if engine != "postgres" {
            return Ok(None);
        }
        let name = format!("bidwell_load_{}", std::process::id());
        psql(
            admin,
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        )?;
        psql(admin, &format!("CREATE DATABASE \"{name}\""))?;
        Ok(Some(ScratchDb {
            url: with_database(admin, &name),
            admin: admin.to_owned(),
            name,
        }))
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        if let Err(e) = psql(&self.admin, &sql) {
            eprintln!("warning: could not drop the scratch database: {e:#}");
        }
    }
}

/// Runs one SQL statement with `psql` (quietly; the error carries psql's message).
fn psql(url: &str, sql: &str) -> Result<()> {
    let out = Command::new("psql")
        .args([url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .stdin(Stdio::null())
        .output()
        .context("running psql (the PostgreSQL client)")?;
    if !out.status.success() {
        bail!(
            "psql `{sql}` failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let host_start = base.find("://").map_or(0, |s| s + 3);
    let base = match base[host_start..].find('/') {
        Some(i) => &base[..host_start + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

fn field<'a>(row: &'a Row, key: &str) -> &'a str {
    row.get(key).map_or("?", String::as_str)
}

fn number(row: &Row, key: &str) -> f64 {
    row.get(key).and_then(|v| v.parse().ok()).unwrap_or(0.0)
}

// Measurements, not money: a throughput ratio is a float.
#[allow(clippy::float_arithmetic)]
fn print_summary(rows: &[Row], seconds: &str) {
    println!();
    println!("load: one write mix, {seconds} s per level, release build, default pool sizes");
    println!(
        "  {:<9} {:>7} {:>9} {:>8} {:>8} {:>6} {:>6} {:>8}",
        "engine", "clients", "ok/s", "p50 ms", "p99 ms", "5xx", "4xx", "net err"
    );
    for r in rows {
        println!(
            "  {:<9} {:>7} {:>9} {:>8} {:>8} {:>6} {:>6} {:>8}",
            field(r, "engine"),
            field(r, "clients"),
            field(r, "rps"),
            field(r, "p50_ms"),
            field(r, "p99_ms"),
            field(r, "s5xx"),
            field(r, "s4xx"),
            field(r, "neterr"),
        );
    }
    let mut met = true;
    for pg in rows.iter().filter(|r| field(r, "engine") == "postgres") {
        let clients = field(pg, "clients");
        let Some(lite) = rows
            .iter()
            .find(|r| field(r, "engine") == "sqlite" && field(r, "clients") == clients)
        else {
            continue;
        };
        let ratio = number(pg, "rps") / number(lite, "rps").max(f64::MIN_POSITIVE);
        let clean = number(pg, "s5xx") == 0.0 && number(pg, "neterr") == 0.0;
        met &= clean && ratio >= 0.5;
        println!(
            "  PostgreSQL/SQLite throughput at {clients} clients: {ratio:.2}x ({} 5xx on PostgreSQL)",
            field(pg, "s5xx")
        );
    }
    println!(
        "  goal (PostgreSQL: 0 5xx, throughput within 2x of SQLite's at every level): {}",
        if met { "met" } else { "NOT met" }
    );
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_replaced_in_urls() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
