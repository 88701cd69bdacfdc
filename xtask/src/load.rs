//! `cargo xtask bench load`: the same write mixes (`end2end/bench/load-bench.mjs`: the
//! `default` day and the `write`-heavy mix of audited writes only) against a release server
//! on SQLite and then on PostgreSQL, at 50 and 200 concurrent clients for a fixed time each,
//! in one run; prints acknowledged writes/s, p50/p99 latency and error counts per engine,
//! mix and level, and PostgreSQL's throughput as a share of SQLite's (issue 10's goal: 0
//! 5xx on PostgreSQL and at least half of SQLite's throughput at every level).
//!
//! `cargo xtask bench crash` ([`crash`]): per engine, the write-heavy mix with 60 clients,
//! the server killed with SIGKILL 15 s in, restarted on the same data, and every write it
//! had acknowledged looked up (the script's `--check`); then `bidwell audit verify` and a
//! check in SQL that every quote version, visit note and contact has exactly one audit
//! event and every such event its row. `BIDWELL_CRASH_CLIENTS`, `BIDWELL_CRASH_AFTER`
//! (seconds) change the two numbers.
//!
//! Each engine gets a fresh server with fresh demo data: SQLite in a scratch directory,
//! PostgreSQL in a scratch database created (and dropped afterwards, `WITH (FORCE)`) with
//! `psql` through an admin URL. Both servers run with their default pool settings, the
//! numbers a person gets without tuning.
//!
//! Environment: `BIDWELL_BENCH_DATABASE_URL` (admin URL; else `BIDWELL_TEST_DATABASE_URL`,
//! else `postgres://postgres@127.0.0.1:5432/postgres`), `BIDWELL_LOAD_SECONDS` (per level,
//! default 20), `BIDWELL_LOAD_CLIENTS` (default `50,200`), `BIDWELL_LOAD_MIX` (default
//! `default,write`), `BIDWELL_LOAD_BIN` (a `bidwell` binary to measure instead of building
//! this checkout's, e.g. an older build to compare).

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
    let admin = admin_url();
    let seconds = std::env::var("BIDWELL_LOAD_SECONDS").unwrap_or_else(|_| "20".into());
    let clients = std::env::var("BIDWELL_LOAD_CLIENTS").unwrap_or_else(|_| "50,200".into());
    let mixes = std::env::var("BIDWELL_LOAD_MIX").unwrap_or_else(|_| "default,write".into());
    let bin = prepare(ctx, &admin)?;
    let mut rows = Vec::new();
    for engine in ENGINES {
        println!("--> {engine}");
        let scratch_db = ScratchDb::new(engine, &admin)?;
        // Dropped before `scratch_db`: the server stops before its database is dropped.
        let dir = scratch(engine, true)?;
        let (server, addr) = start(ctx, &bin, engine, &dir, scratch_db.as_ref())?;
        for mix in mixes.split(',') {
            let args = ["--clients", &clients, "--seconds", &seconds, "--mix", mix];
            rows.extend(node(ctx, script, engine, addr, &args, |_| {})?.0);
        }
        drop(server);
        std::fs::remove_dir_all(&dir).ok();
    }
    print_summary(&rows, &seconds);
    Ok(())
}

/// `cargo xtask bench login-flood` (issue 10, M3'): per engine (`BIDWELL_FLOOD_ENGINES`,
/// default `sqlite`; `sqlite,postgres` for both), a fresh release server, the `write` mix
/// with `BIDWELL_FLOOD_CLIENTS` clients (default 50) for `BIDWELL_LOAD_SECONDS` (default
/// 20) once without and once with a flood of wrong passwords for the buyer's account from
/// `BIDWELL_FLOOD_ADDRESSES` loopback addresses (default 50) while the buyer signs in with
/// the right password every 250 ms (`load-bench.mjs --flood`), 4 clients per address as
/// fast as they are answered, or at most `BIDWELL_FLOOD_RATE` sign-ins a second in all (the
/// same attack against builds that answer at different speeds). Prints the writers'
/// throughput and latency, the right user's sign-ins and the flood's answers.
/// `BIDWELL_LOAD_BIN` measures another build (an older one, for a before/after).
pub fn flood(ctx: &Ctx, script: &str) -> Result<()> {
    let admin = admin_url();
    let seconds = std::env::var("BIDWELL_LOAD_SECONDS").unwrap_or_else(|_| "20".into());
    let clients = std::env::var("BIDWELL_FLOOD_CLIENTS").unwrap_or_else(|_| "50".into());
    let addresses = std::env::var("BIDWELL_FLOOD_ADDRESSES").unwrap_or_else(|_| "50".into());
    let engines = std::env::var("BIDWELL_FLOOD_ENGINES").unwrap_or_else(|_| "sqlite".into());
    let rate = std::env::var("BIDWELL_FLOOD_RATE").unwrap_or_else(|_| "0".into());
    let bin = build(ctx, engines.contains("postgres").then_some(admin.as_str()))?;
    let mut rows = Vec::new();
    for engine in engines.split(',') {
        println!("--> {engine}");
        let scratch_db = ScratchDb::new(engine, &admin)?;
        let dir = scratch(engine, true)?;
        let (server, addr) = start(ctx, &bin, engine, &dir, scratch_db.as_ref())?;
        for flood in ["0", addresses.as_str()] {
            let args = [
                "--clients",
                &clients,
                "--seconds",
                &seconds,
                "--mix",
                "write",
                "--flood",
                flood,
                "--flood-rate",
                &rate,
            ];
            rows.extend(node(ctx, script, engine, addr, &args, |_| {})?.0);
        }
        drop(server);
        std::fs::remove_dir_all(&dir).ok();
    }
    println!();
    println!(
        "login-flood: {seconds} s per run, write mix, {clients} writers; release build ({})",
        bin.display()
    );
    println!(
        "  {:<9} {:>6} {:>9} {:>8} {:>8} {:>5} | {:>13} {:>8} {:>8} {:<22} | {:>8} flood answers",
        "engine",
        "flood",
        "ok/s",
        "p50 ms",
        "p99 ms",
        "5xx",
        "right user ok",
        "p50 ms",
        "p99 ms",
        "right user answers",
        "wrong/s"
    );
    for r in &rows {
        let flood = field(r, "flood");
        let seconds = number(r, "seconds").max(f64::MIN_POSITIVE);
        #[allow(clippy::float_arithmetic)]
        let per_s = number(r, "flood_n") / seconds;
        println!(
            "  {:<9} {:>6} {:>9} {:>8} {:>8} {:>5} | {:>13} {:>8} {:>8} {:<22} | {:>8.0} {}",
            field(r, "engine"),
            if flood == "?" { "0" } else { flood },
            field(r, "rps"),
            field(r, "p50_ms"),
            field(r, "p99_ms"),
            field(r, "s5xx"),
            format!("{}/{}", field(r, "login_ok"), field(r, "login_n")),
            field(r, "login_p50_ms"),
            field(r, "login_p99_ms"),
            field(r, "login_answers"),
            per_s,
            field(r, "flood_answers"),
        );
    }
    Ok(())
}

/// Checks that PostgreSQL answers, then builds the release server (or takes
/// `BIDWELL_LOAD_BIN`).
fn prepare(ctx: &Ctx, admin: &str) -> Result<PathBuf> {
    build(ctx, Some(admin))
}

/// The release server to measure (built, or `BIDWELL_LOAD_BIN`), after checking that
/// PostgreSQL at `admin` answers if one is needed.
fn build(ctx: &Ctx, admin: Option<&str>) -> Result<PathBuf> {
    // Fail before building when PostgreSQL is not there to compare with.
    if let Some(admin) = admin {
        psql(admin, "SELECT 1").with_context(|| {
            format!(
                "PostgreSQL at {admin} is needed for the comparison (set BIDWELL_BENCH_DATABASE_URL)"
            )
        })?;
    }
    Ok(match std::env::var_os("BIDWELL_LOAD_BIN") {
        Some(b) => PathBuf::from(b),
        None => {
            sh(ctx
                .cargo()
                .args(["build", "--release", "-p", "server", "--bin", "bidwell"]))?;
            crate::test::target_dir(ctx).join("release").join("bidwell")
        }
    })
}

fn admin_url() -> String {
    std::env::var("BIDWELL_BENCH_DATABASE_URL")
        .or_else(|_| std::env::var("BIDWELL_TEST_DATABASE_URL"))
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// `cargo xtask bench crash`: acknowledged writes survive `kill -9`, each audited once.
pub fn crash(ctx: &Ctx, script: &str) -> Result<()> {
    let admin = admin_url();
    let clients = std::env::var("BIDWELL_CRASH_CLIENTS").unwrap_or_else(|_| "60".into());
    let after: u64 = std::env::var("BIDWELL_CRASH_AFTER")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(15);
    let bin = prepare(ctx, &admin)?;
    let mut lines = Vec::new();
    let mut failed = false;
    for engine in ENGINES {
        println!("--> {engine}");
        let scratch_db = ScratchDb::new(engine, &admin)?;
        let dir = scratch(engine, true)?;
        let record = dir.join("acks.json");
        let (mut server, addr) = start(ctx, &bin, engine, &dir, scratch_db.as_ref())?;
        // The run outlives the server: the clients see it die and stop writing.
        let seconds = (after + 5).to_string();
        let args = [
            "--clients",
            &clients,
            "--seconds",
            &seconds,
            "--mix",
            "write",
            "--record",
            &record.to_string_lossy(),
        ];
        let pid = server.pid();
        let (rows, _) = node(ctx, script, engine, addr, &args, move |line| {
            if line.trim_start().starts_with("setup:") {
                std::thread::spawn(move || {
                    // The point of the bench: a kill at an arbitrary moment of the mix.
                    std::thread::sleep(Duration::from_secs(after));
                    println!("  kill -9 {pid}");
                    let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
                });
            }
        })?;
        let status = server.wait()?;
        println!("  server ended: {status}");
        let (restarted, addr) = start(ctx, &bin, engine, &dir, scratch_db.as_ref())?;
        let check = ["--check", &*record.to_string_lossy()];
        let (_, checks) = node(ctx, script, engine, addr, &check, |_| {})?;
        let Some(c) = checks.first() else {
            bail!("the check printed no CHECK line on {engine}");
        };
        drop(restarted);
        let mut verify = Command::new(&bin);
        verify
            .args(["audit", "verify", "--data-dir"])
            .arg(dir.join("data"));
        if let Some(db) = &scratch_db {
            verify.arg("--database-url").arg(&db.url);
        }
        let verified = Command::new(verify.get_program())
            .args(verify.get_args())
            .env_remove("DATABASE_URL")
            .env_remove("BIDWELL_DATA_DIR")
            .output()?;
        let verify_text = String::from_utf8_lossy(&verified.stdout).trim().to_owned();
        println!("  $ {}\n  {verify_text}", show(&verify));
        let unaudited = audit_once(engine, &dir, scratch_db.as_ref())?;
        let lost = number(c, "lost");
        let ok = lost == 0.0 && verified.status.success() && unaudited.iter().all(|(_, n)| *n == 0);
        failed |= !ok;
        let acked: f64 = number(c, "acked");
        let ok_s = rows.first().map_or(0.0, |r| number(r, "ok"));
        lines.push(format!(
            "  {engine:<9} {acked:>6} acknowledged ({ok_s} counted by the clients) {lost:>3} lost; {verify_text}; audited once: {}",
            unaudited
                .iter()
                .map(|(what, n)| format!("{what} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        std::fs::remove_dir_all(&dir).ok();
    }
    println!();
    println!(
        "crash: write-heavy mix, {clients} clients, kill -9 after {after} s, restart, look-up"
    );
    for l in &lines {
        println!("{l}");
    }
    if failed {
        bail!("acknowledged writes were lost, or the audit trail is not whole");
    }
    Ok(())
}

/// Rows of the write-heavy mix without exactly one audit event, and such audit events
/// without their row (each must be 0): (what, count).
fn audit_once(
    engine: &str,
    dir: &Path,
    db: Option<&ScratchDb>,
) -> Result<Vec<(&'static str, i64)>> {
    let j = |field: &str| match engine {
        "postgres" => format!("(e.summary::json->>'{field}')"),
        _ => format!("json_extract(e.summary, '$.{field}')"),
    };
    let version = match engine {
        "postgres" => "(e.summary::json->>'version')::bigint".to_owned(),
        _ => j("version"),
    };
    let checks = [
        ("quote versions not audited once", format!(
            "SELECT COUNT(*) FROM quotes q WHERE (SELECT COUNT(*) FROM audit_events e WHERE e.entity_id = q.rfq_id AND e.action IN ('quote.submit', 'quote.enter_for_supplier') AND {} = q.supplier_id AND {version} = q.version) <> 1",
            j("supplier_id"))),
        ("quote events without a version", format!(
            "SELECT COUNT(*) FROM audit_events e WHERE e.action IN ('quote.submit', 'quote.enter_for_supplier') AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.rfq_id = e.entity_id AND q.supplier_id = {} AND q.version = {version})",
            j("supplier_id"))),
        ("visit notes not audited once", format!(
            "SELECT COUNT(*) FROM visit_notes n WHERE (SELECT COUNT(*) FROM audit_events e WHERE e.action = 'visit_note.create' AND {} = n.id) <> 1",
            j("note_id"))),
        ("note events without a note", format!(
            "SELECT COUNT(*) FROM audit_events e WHERE e.action = 'visit_note.create' AND NOT EXISTS (SELECT 1 FROM visit_notes n WHERE n.id = {})",
            j("note_id"))),
        ("contacts not audited once", format!(
            "SELECT COUNT(*) FROM supplier_contacts c WHERE c.email LIKE 'c%@load-%' AND (SELECT COUNT(*) FROM audit_events e WHERE e.action = 'supplier.contact_add' AND {} = c.email) <> 1",
            j("email"))),
    ];
    let mut out = Vec::new();
    for (what, sql) in checks {
        let text = match db {
            Some(db) => query_one(Command::new("psql").args([&db.url, "-X", "-At", "-c", &sql]))?,
            None => query_one(
                Command::new("sqlite3")
                    .arg(dir.join("data").join("bidwell.db"))
                    .arg(&sql),
            )?,
        };
        out.push((
            what,
            text.trim()
                .parse()
                .with_context(|| format!("{what}: {text:?}"))?,
        ));
    }
    Ok(out)
}

fn query_one(cmd: &mut Command) -> Result<String> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .context("running psql/sqlite3")?;
    if !out.status.success() {
        bail!(
            "{} failed: {}",
            show(cmd),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A fresh scratch directory for `engine` (emptied when `fresh`).
fn scratch(engine: &str, fresh: bool) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("bidwell-load-{engine}-{}", std::process::id()));
    if fresh && dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Starts a server on `engine` with its data in `dir` (and `db` on PostgreSQL); the
/// server is stopped when the guard is dropped (its data stays).
fn start(
    ctx: &Ctx,
    bin: &Path,
    engine: &str,
    dir: &Path,
    db: Option<&ScratchDb>,
) -> Result<(ServerGuard, SocketAddr)> {
    let addr = SocketAddr::from(([127, 0, 0, 1], free_port()?));
    let log = File::options()
        .create(true)
        .append(true)
        .open(dir.join("server.log"))?;
    let mut cmd = Command::new(bin);
    cmd.current_dir(&ctx.root)
        .arg("serve")
        .arg("--addr")
        .arg(addr.to_string())
        .arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--dist")
        .arg(dir.join("no-dist"));
    if let Some(db) = db {
        cmd.arg("--database-url").arg(&db.url);
    }
    // Every writer of the bench comes from 127.0.0.1: give that one address room for
    // all of them (the defaults give one address a small share, issue 10 M4). Set through
    // the environment, which an older `BIDWELL_LOAD_BIN` without these flags ignores.
    cmd.env("BIDWELL_MAX_CONNECTIONS_PER_PEER", "1024")
        .env("BIDWELL_MAX_INFLIGHT_PER_ADDRESS", "1024");
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
    let mut server = ServerGuard::new(child, None);
    server.wait_healthy(addr, "/api/health", Duration::from_secs(60))?;
    println!("  server healthy at http://{addr} ({engine})");
    Ok((server, addr))
}

/// Runs the script with `args` against `addr`; returns its `RESULT` and `CHECK` rows.
/// Every other line is printed and handed to `seen`.
fn node(
    ctx: &Ctx,
    script: &str,
    engine: &str,
    addr: SocketAddr,
    args: &[&str],
    mut seen: impl FnMut(&str),
) -> Result<(Vec<Row>, Vec<Row>)> {
    let mut node = Command::new("node");
    node.current_dir(&ctx.root)
        .arg(script)
        .args(args)
        .args(["--label", engine])
        .env("BASE_URL", format!("http://{addr}"))
        .stdout(Stdio::piped());
    println!("$ {}", show(&node));
    let mut child = node
        .spawn()
        .context("starting node (run `cargo xtask install`)")?;
    let (mut rows, mut checks) = (Vec::new(), Vec::new());
    let parse = |kv: &str| -> Row {
        kv.split_whitespace()
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    };
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line?;
            if let Some(kv) = line.strip_prefix("RESULT ") {
                rows.push(parse(kv));
            } else if let Some(kv) = line.strip_prefix("CHECK ") {
                checks.push(parse(kv));
            } else {
                println!("{line}");
                seen(&line);
            }
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("the load script failed on {engine} ({status})");
    }
    Ok((rows, checks))
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
    println!("load: {seconds} s per mix and level, release build, default pool sizes; ok/s = acknowledged writes/s");
    println!(
        "  {:<9} {:<8} {:>7} {:>9} {:>8} {:>8} {:>6} {:>6} {:>8}",
        "engine", "mix", "clients", "ok/s", "p50 ms", "p99 ms", "5xx", "4xx", "net err"
    );
    for r in rows {
        println!(
            "  {:<9} {:<8} {:>7} {:>9} {:>8} {:>8} {:>6} {:>6} {:>8}",
            field(r, "engine"),
            field(r, "mix"),
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
        let mix = field(pg, "mix");
        let Some(lite) = rows.iter().find(|r| {
            field(r, "engine") == "sqlite"
                && field(r, "clients") == clients
                && field(r, "mix") == mix
        }) else {
            continue;
        };
        let ratio = number(pg, "rps") / number(lite, "rps").max(f64::MIN_POSITIVE);
        let clean = number(pg, "s5xx") == 0.0 && number(pg, "neterr") == 0.0;
        met &= clean && ratio >= 0.5;
        println!(
            "  PostgreSQL/SQLite throughput, {mix} mix at {clients} clients: {ratio:.2}x ({} 5xx on PostgreSQL)",
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
