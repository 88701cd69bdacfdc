//! `bidwell`: serve the app, migrate, seed demo data, verify the audit chain, extract quotes.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use server::db::{sqlite_url, Db, PoolSettings};
use server::{app, seed, AppState, Config};

#[derive(Parser)]
#[command(
    name = "bidwell",
    version,
    about = "Bidwell: a supplier portal and a buyer's bid desk in one app."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Args)]
struct DbArgs {
    /// Directory for the embedded SQLite database (and, later, uploaded files and the mail outbox).
    #[arg(long, env = "BIDWELL_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// Use this database instead of SQLite in the data directory (sqlite://… or postgres://…).
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// Most database connections this process opens [default: 8 on SQLite, 16 on
    /// PostgreSQL]. On PostgreSQL, keep the sum over all server processes below the
    /// server's `max_connections`.
    #[arg(long, env = "BIDWELL_DB_MAX_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..))]
    db_max_connections: Option<u32>,
    /// Seconds a request waits for a free database connection before it is answered
    /// 503 with Retry-After.
    #[arg(long, env = "BIDWELL_DB_ACQUIRE_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    db_acquire_timeout: u64,
}

impl DbArgs {
    async fn open(&self) -> anyhow::Result<Db> {
        let url = match &self.database_url {
            Some(u) => u.clone(),
            None => {
                std::fs::create_dir_all(&self.data_dir).with_context(|| {
                    format!("creating data directory {}", self.data_dir.display())
                })?;
                sqlite_url(&self.data_dir)
            }
        };
        let db = Db::connect_with(
            &url,
            PoolSettings {
                max_connections: self.db_max_connections,
                acquire_timeout: std::time::Duration::from_secs(self.db_acquire_timeout),
            },
        )
        .await?;
        db.migrate().await?;
        Ok(db)
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Serve the API and the built app; seeds demo data into an empty database.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "BIDWELL_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// The built app (output of `trunk build`).
        #[arg(long, env = "BIDWELL_DIST", default_value = "dist")]
        dist: PathBuf,
        /// Mark cookies Secure (when served over https).
        #[arg(long, env = "BIDWELL_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Trust X-Forwarded-For for the client address (only behind your own proxy, and
        /// only if the server cannot be reached around it): the entry your outermost proxy
        /// appended, the --proxy-hops-th from the right, never what the client sent.
        #[arg(long, env = "BIDWELL_TRUST_PROXY")]
        trust_proxy: bool,
        /// How many proxies you run in front of the server, each appending the address it
        /// was reached from to X-Forwarded-For (with --trust-proxy).
        #[arg(long, env = "BIDWELL_PROXY_HOPS", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=16))]
        proxy_hops: u32,
        /// Requests one client address (an IPv4 address or an IPv6 /64; with --trust-proxy
        /// the forwarded one) may have in progress at once; more get 429 at once.
        #[arg(long, env = "BIDWELL_MAX_INFLIGHT_PER_ADDRESS", default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..))]
        max_inflight_per_address: u32,
        /// The address people reach the server at (e.g. https://bids.example.com); its host
        /// is accepted in the `Host` header, and an https:// address makes `https://HOST`
        /// the one same-origin `Origin` for state-changing requests.
        #[arg(long, env = "BIDWELL_PUBLIC_URL")]
        public_url: Option<String>,
        /// More host names accepted in the `Host` header, comma-separated (besides the
        /// listen address, localhost, 127.0.0.1, [::1] and the public URL's host). `*`
        /// accepts any (only behind a proxy that checks it).
        #[arg(long, env = "BIDWELL_ALLOWED_HOSTS", value_delimiter = ',')]
        allowed_hosts: Vec<String>,
        /// Most connections open at once; more are closed on accept [default: three
        /// quarters of the open-file limit, at most 4096].
        #[arg(long, env = "BIDWELL_MAX_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..))]
        max_connections: Option<u32>,
        /// Most connections open at once from one peer address (an IPv4 address or an IPv6
        /// /64, the socket's peer, not X-Forwarded-For); more from it are closed on accept
        /// [default: a 32nd of --max-connections, at least 16; with --trust-proxy the
        /// whole of it, since every connection comes from the proxy].
        #[arg(long, env = "BIDWELL_MAX_CONNECTIONS_PER_PEER", value_parser = clap::value_parser!(u32).range(1..))]
        max_connections_per_peer: Option<u32>,
        /// Most connections open at once from one network (an IPv4 /24 or an IPv6 /48, the
        /// socket's peer); more from it are closed on accept [default: an 8th of
        /// --max-connections, at least the per-peer share; with --trust-proxy the whole of
        /// it].
        #[arg(long, env = "BIDWELL_MAX_CONNECTIONS_PER_NETWORK", value_parser = clap::value_parser!(u32).range(1..))]
        max_connections_per_network: Option<u32>,
        /// Seconds a client has to send a request's headers (also the longest idle time
        /// of a keep-alive connection).
        #[arg(long, env = "BIDWELL_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
        header_timeout: u64,
        /// MiB of documents one supplier may keep with its quote on one RFQ; more is
        /// refused with 413 `quota_exceeded`.
        #[arg(long, env = "BIDWELL_QUOTE_QUOTA_MIB", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
        quote_quota_mib: u32,
        /// MiB of quote documents one supplier company may keep over all RFQs.
        #[arg(long, env = "BIDWELL_SUPPLIER_QUOTA_MIB", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
        supplier_quota_mib: u32,
        /// Files one user may upload in 10 minutes; more get 429 `upload_rate`.
        #[arg(long, env = "BIDWELL_UPLOAD_RATE", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
        upload_rate: u32,
        /// MiB one user may upload in 10 minutes.
        #[arg(long, env = "BIDWELL_UPLOAD_RATE_MIB", default_value_t = 250, value_parser = clap::value_parser!(u32).range(1..))]
        upload_rate_mib: u32,
        /// Do not seed demo data into an empty database.
        #[arg(long)]
        no_demo: bool,
        /// TEST MODE, never in production: an admin can move the server's clock forward
        /// through POST /api/test/clock (for deadline tests).
        #[arg(long, env = "BIDWELL_TEST_CLOCK")]
        test_clock: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Seed the demo organization, suppliers, parts and RFQ into an empty database.
    SeedDemo {
        #[command(flatten)]
        db: DbArgs,
    },
    /// Audit trail tools.
    Audit {
        #[command(subcommand)]
        cmd: AuditCmd,
    },
    /// Extract quote lines from files (CSV, XLSX, PDF, .eml, text) and print them as JSON.
    Extract {
        /// Files to read.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// An RFQ (JSON, see docs/extract.md) to match lines against.
        #[arg(long)]
        rfq: Option<PathBuf>,
        /// Print JSON only (no human summary).
        #[arg(long)]
        json: bool,
    },
    /// Print the OpenAPI 3.1 document of the HTTP API (what `GET /api/openapi.json`
    /// answers; kept as docs/openapi.json).
    Openapi,
}

#[derive(Subcommand)]
enum AuditCmd {
    /// Check the hash chain; exits 1 and names the first broken link if it is broken.
    Verify {
        #[command(flatten)]
        db: DbArgs,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Cmd::Extract { files, rfq, json } = &cli.cmd {
        return match server::extract_cmd::run(files, rfq.as_deref(), *json) {
            Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(2)
            }
        };
    }
    if let Cmd::Openapi = &cli.cmd {
        print!("{}", server::openapi::json());
        return ExitCode::SUCCESS;
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(cli.cmd)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

async fn run(cmd: Cmd) -> anyhow::Result<ExitCode> {
    match cmd {
        Cmd::Serve {
            addr,
            dist,
            secure_cookies,
            trust_proxy,
            proxy_hops,
            max_inflight_per_address,
            public_url,
            allowed_hosts,
            max_connections,
            max_connections_per_peer,
            max_connections_per_network,
            header_timeout,
            quote_quota_mib,
            supplier_quota_mib,
            upload_rate,
            upload_rate_mib,
            no_demo,
            test_clock,
            db,
        } => {
            let allowed_hosts =
                server::hosts::allowed(addr, public_url.as_deref(), &allowed_hosts)?;
            let nofile = match server::serve::raise_nofile_limit() {
                Ok(n) => n,
                Err(e) => {
                    eprintln!("warning: cannot read or raise the open-file limit: {e}");
                    1024
                }
            };
            let mut limits = server::serve::Limits::for_nofile(nofile);
            if let Some(n) = max_connections {
                limits = limits.with_max_connections(n as usize);
            }
            if trust_proxy {
                // Every connection comes from the proxy: it shares the cap out, not us.
                limits.max_connections_per_peer = limits.max_connections;
                limits.max_connections_per_network = limits.max_connections;
            }
            if let Some(n) = max_connections_per_peer {
                limits.max_connections_per_peer = (n as usize).min(limits.max_connections);
                limits.max_connections_per_network = limits
                    .max_connections_per_network
                    .max(limits.max_connections_per_peer);
            }
            if let Some(n) = max_connections_per_network {
                limits.max_connections_per_network = (n as usize).min(limits.max_connections);
            }
            limits.header_read_timeout = std::time::Duration::from_secs(header_timeout);
            let database = db.open().await?;
            let outbox_dir = db.data_dir.join("outbox");
            if !no_demo && seed::seed_if_empty(&database).await? {
                println!("Seeded demo data.");
            }
            if !dist.join("index.html").exists() {
                eprintln!(
                    "warning: {} has no index.html; the API works but the app is not built (run `cargo xtask serve`).",
                    dist.display()
                );
            }
            let allowed_hosts_shown = allowed_hosts.as_ref().map(|a| a.names().join(", "));
            let https = secure_cookies
                || public_url
                    .as_deref()
                    .is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://"));
            let mib = |n: u32| i64::from(n) * 1024 * 1024;
            let uploads = server::routes::files::UploadQuota {
                quote_bytes: mib(quote_quota_mib),
                supplier_bytes: mib(supplier_quota_mib),
                rate_uploads: upload_rate as usize,
                rate_bytes: mib(upload_rate_mib),
                ..server::routes::files::UploadQuota::default()
            };
            let config = Config {
                https,
                uploads,
                secure_cookies,
                trust_proxy,
                proxy_hops: proxy_hops as usize,
                max_inflight_per_address: Some(max_inflight_per_address as usize),
                dist: Some(dist),
                outbox_dir: Some(outbox_dir),
                test_clock: test_clock.then(server::clock::TestClock::new),
                allowed_hosts,
                ..Config::default()
            };
            if test_clock {
                eprintln!(
                    "warning: TEST MODE: the server's clock can be moved through POST /api/test/clock; never run this in production."
                );
            }
            let state = AppState::new(database, config);
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("cannot listen on {addr}"))?;
            let bound = listener.local_addr()?;
            println!("Bidwell listening on http://{bound}");
            println!("Demo logins (password: {}):", seed::DEMO_PASSWORD);
            for (email, name, role, org) in seed::DEMO_LOGINS {
                println!("  {email:<26} {role:<9} {name} ({org})");
            }
            match &allowed_hosts_shown {
                Some(names) => println!(
                    "Answering for hosts: {names} (others get 421; add names with BIDWELL_PUBLIC_URL or BIDWELL_ALLOWED_HOSTS)."
                ),
                None => println!("Answering for any host (BIDWELL_ALLOWED_HOSTS=*)."),
            }
            println!(
                "Connections: at most {} open (open-file limit {nofile}), {} per peer address, {} per network (/24, /48), {header_timeout} s to send headers; {max_inflight_per_address} requests in progress per client address.",
                limits.max_connections, limits.max_connections_per_peer, limits.max_connections_per_network
            );
            if trust_proxy {
                println!(
                    "Client addresses: the X-Forwarded-For entry {proxy_hops} from the right (--proxy-hops); the server must not be reachable around the proxy."
                );
            }
            server::serve::run(listener, app(state), limits, shutdown_signal()).await?;
            println!("Bidwell stopped.");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Migrate { db } => {
            db.open().await?;
            println!("Migrations applied.");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::SeedDemo { db } => {
            let database = db.open().await?;
            if seed::seed_if_empty(&database).await? {
                println!("Seeded demo data.");
            } else {
                println!("The database already has users; nothing seeded.");
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Audit {
            cmd: AuditCmd::Verify { db },
        } => {
            let database = db.open().await?;
            let v = server::audit::verify(&database.pool).await?;
            match v.describe() {
                None => {
                    println!("Audit chain intact: {} events verified.", v.events);
                    Ok(ExitCode::SUCCESS)
                }
                Some(broken) => {
                    println!("Audit chain BROKEN: {broken}");
                    Ok(ExitCode::from(1))
                }
            }
        }
        Cmd::Extract { .. } | Cmd::Openapi => unreachable!("handled before the runtime starts"),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve_test_clock(args: &[&str]) -> bool {
        let cli = Cli::try_parse_from(args).expect("parses");
        match cli.cmd {
            Cmd::Serve { test_clock, .. } => test_clock,
            _ => panic!("not serve"),
        }
    }

    #[test]
    fn the_test_clock_is_off_unless_asked_for() {
        // The environment of this test process must not decide the answer.
        assert!(std::env::var_os("BIDWELL_TEST_CLOCK").is_none());
        assert!(!serve_test_clock(&["bidwell", "serve"]));
        assert!(serve_test_clock(&["bidwell", "serve", "--test-clock"]));
    }
}
