//! The database: one `sqlx::AnyPool` over SQLite (embedded default) or PostgreSQL.
//!
//! Every query is written once, with `$1` placeholders (both engines accept them) and
//! portable types only: TEXT, BIGINT (times are unix milliseconds, booleans 0/1) and
//! decimals as canonical TEXT. Writes go through [`Db::write`], which on SQLite also
//! takes a process-wide lock, because SQLite allows one writer and a deferred
//! transaction that reads first can fail to upgrade instead of waiting.
//!
//! A handler that holds a write transaction reads through that transaction and never
//! asks the pool for a second connection: under load every pooled connection can be held
//! by a transaction waiting for the writer lock, and a second acquire would then wait for
//! a connection that only its own transaction's commit could free (pool starvation; issue
//! 10). Helpers that read take an `Executor` (one query) or `&mut AnyConnection` (several;
//! a `…_in` variant beside the pool one), so the same helper serves both sides;
//! `tests/api/concurrency.rs` runs every write on a pool of one connection to keep it so.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{Any, AnyPool, Executor, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// Connection pool settings (`bidwell serve --db-max-connections/--db-acquire-timeout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Most open connections; `None` takes the engine's default
    /// ([`PoolSettings::DEFAULT_SQLITE`], [`PoolSettings::DEFAULT_POSTGRES`]).
    pub max_connections: Option<u32>,
    /// How long a request waits for a free connection before it is answered 503 with
    /// Retry-After (never a hang).
    pub acquire_timeout: Duration,
}

impl PoolSettings {
    /// SQLite: readers run concurrently in WAL mode, writers one at a time.
    pub const DEFAULT_SQLITE: u32 = 8;
    /// PostgreSQL: see ARCHITECTURE.md (Persistence) for why this number.
    pub const DEFAULT_POSTGRES: u32 = 16;

    fn max_for(&self, engine: Engine) -> u32 {
        self.max_connections.unwrap_or(match engine {
            Engine::Sqlite => Self::DEFAULT_SQLITE,
            Engine::Postgres => Self::DEFAULT_POSTGRES,
        })
    }
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            max_connections: None,
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

/// Which engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// SQL that is true when the JSON list of strings in text column `column` holds an
    /// element equal to the text parameter `param` (`$n`): the whole element, so
    /// "stamp" does not match "stamping" nor "," a list of two. The one place the list
    /// columns (`suppliers.categories`) are read in SQL, in each engine's JSON functions.
    pub fn json_list_has(self, column: &str, param: &str) -> String {
        match self {
            Engine::Sqlite => {
                format!("EXISTS (SELECT 1 FROM json_each({column}) AS e WHERE e.value = {param})")
            }
            Engine::Postgres => format!(
                "EXISTS (SELECT 1 FROM jsonb_array_elements_text({column}::jsonb) AS e(value) \
                 WHERE e.value = {param})"
            ),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// A connection pool plus what the rest of the server needs to know about it.
#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
    write_lock: Option<Arc<Mutex<()>>>,
    /// Turns at writing the mail outbox of this database (`outbox::flush`).
    pub(crate) outbox_turns: Arc<crate::outbox::Turns>,
    /// Turns at chaining audit events (PostgreSQL; `audit::Chainer`).
    chainer: Option<Arc<crate::audit::Chainer>>,
}

/// A write transaction; on SQLite it also holds the writer lock until dropped.
pub struct WriteTx {
    pub tx: Transaction<'static, Any>,
    _guard: Option<OwnedMutexGuard<()>>,
    /// PostgreSQL: the pool and chainer that chain this transaction's audit events after
    /// its commit (`audit::append`).
    chain: Option<(AnyPool, Arc<crate::audit::Chainer>)>,
    audited: bool,
}

impl WriteTx {
    /// Commits; if the transaction recorded audit events that are chained after the
    /// commit (PostgreSQL), returns once they are in the chain.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await?;
        drop(self._guard);
        if let (true, Some((pool, chainer))) = (self.audited, self.chain) {
            // The change and its event are committed; a failed round leaves the event
            // pending for the next one (any write, a restart, `audit verify`), so the
            // write is not reported as failed.
            if let Err(e) = chainer.after_commit(&pool).await {
                tracing::warn!("audit events committed but not chained yet: {e}");
            }
        }
        Ok(())
    }

    /// Appends `change` to the audit trail in this transaction, then commits: the event
    /// exists exactly when the change it records does.
    pub async fn commit_audited(
        mut self,
        change: crate::audit::Change<'_>,
    ) -> Result<(), sqlx::Error> {
        crate::audit::append(&mut self, change).await?;
        self.commit().await
    }

    /// Whether audit events of this transaction are chained after its commit
    /// (PostgreSQL) rather than in it (SQLite).
    pub(crate) fn chained_after_commit(&self) -> bool {
        self.chain.is_some()
    }

    pub(crate) fn mark_audited(&mut self) {
        self.audited = true;
    }
}

impl std::ops::Deref for WriteTx {
    type Target = Transaction<'static, Any>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}
impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

// Locks on PostgreSQL (SQLite writers are already serialized whole by `Db::write`).
//
// No business transaction touches a row every writer shares: audit events are chained
// after the commit (`audit::Chainer`), so writes of different things run side by side.
// Decisions that need it take narrow locks, always in this order: the RFQ row, then the
// (RFQ, supplier) row, then the RFQ-writers lock. Taking them in another order somewhere
// would let two transactions wait for each other (PostgreSQL then aborts one: a 503
// `busy`).

/// Serializes this transaction with the others that take this lock (RFQ numbering and
/// changes of an RFQ itself) before it reads what it will base a write on. A write that
/// concerns one RFQ takes [`lock_rfq`] instead, a quote [`lock_quote`].
pub async fn lock_writers(tx: &mut WriteTx, engine: Engine) -> Result<(), sqlx::Error> {
    if engine == Engine::Postgres {
        // Selected through a count: the Any driver cannot decode `void`.
        sqlx::query(
            "SELECT COUNT(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended('bidwell.rfq_writers', 0))) AS l",
        )
            .execute(&mut *tx.tx)
            .await?;
    }
    Ok(())
}

/// For a change of RFQ `rfq_id` itself (open, close, extend, amend, cancel, award): its
/// row, so that no quote of it is being stored meanwhile (those hold it shared, see
/// [`lock_quote`]), then the RFQ writers ([`lock_writers`]).
pub async fn lock_rfq(tx: &mut WriteTx, engine: Engine, rfq_id: &str) -> Result<(), sqlx::Error> {
    if engine == Engine::Postgres {
        sqlx::query("SELECT id FROM rfqs WHERE id = $1 FOR UPDATE")
            .bind(rfq_id)
            .execute(&mut *tx.tx)
            .await?;
    }
    lock_writers(tx, engine).await
}

/// For a supplier's quote on an RFQ (submit, withdraw): the RFQ row shared (its status
/// and deadline cannot change until this commits; other suppliers' quotes go on) and the
/// (RFQ, supplier) invitation row exclusively (this supplier's versions are numbered one
/// at a time).
pub async fn lock_quote(
    tx: &mut WriteTx,
    engine: Engine,
    rfq_id: &str,
    supplier_id: &str,
) -> Result<(), sqlx::Error> {
    if engine == Engine::Postgres {
        sqlx::query(
            "SELECT r.id FROM rfqs r JOIN rfq_suppliers x ON x.rfq_id = r.id \
             WHERE r.id = $1 AND x.supplier_id = $2 FOR SHARE OF r FOR UPDATE OF x",
        )
        .bind(rfq_id)
        .bind(supplier_id)
        .execute(&mut *tx.tx)
        .await?;
    }
    Ok(())
}

/// For replaying offline op `op_id`: replays of one op run one at a time, so a second one
/// finds the first's outcome; different ops do not wait for each other.
pub async fn lock_op(tx: &mut WriteTx, engine: Engine, op_id: &str) -> Result<(), sqlx::Error> {
    if engine == Engine::Postgres {
        // Selected through a count: the Any driver cannot decode `void`.
        sqlx::query(
            "SELECT COUNT(*) AS n FROM (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) AS l",
        )
            .bind(op_id)
            .execute(&mut *tx.tx)
            .await?;
    }
    Ok(())
}

/// The SQLite URL for a data directory.
pub fn sqlite_url(data_dir: &Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("bidwell.db").display()
    )
}

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) with the default pool.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        Self::connect_with(url, PoolSettings::default()).await
    }

    /// Connects to `url` with the given pool settings.
    pub async fn connect_with(url: &str, settings: PoolSettings) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let engine = if url.starts_with("sqlite:") {
            Engine::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Engine::Postgres
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite: or postgres:, got {url:?}");
        };
        if settings.max_connections == Some(0) {
            anyhow::bail!("the database pool needs at least one connection");
        }
        let mut options = AnyPoolOptions::new()
            .acquire_timeout(settings.acquire_timeout)
            .max_connections(settings.max_for(engine));
        if engine == Engine::Sqlite {
            options = options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                    )
                    .await?;
                    Ok(())
                })
            });
        }
        let pool = options
            .connect(url)
            .await
            .with_context(|| format!("cannot open the database at {}", redact(url)))?;
        let write_lock = (engine == Engine::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Db {
            pool,
            engine,
            write_lock,
            outbox_turns: Arc::default(),
            chainer: (engine == Engine::Postgres).then(Arc::default),
        })
    }

    /// Applies pending migrations for this engine.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = match self.engine {
            Engine::Sqlite => sqlx::migrate!("./migrations/sqlite"),
            Engine::Postgres => sqlx::migrate!("./migrations/postgres"),
        };
        migrator
            .run(&self.pool)
            .await
            .context("applying database migrations")?;
        self.backfill_keys()
            .await
            .context("computing the folded natural keys (migration 0019)")?;
        // Events a killed process committed but did not chain (`audit` module comment).
        if self.engine == Engine::Postgres {
            crate::audit::chain_pending(&self.pool)
                .await
                .context("chaining pending audit events")?;
        }
        Ok(())
    }

    /// Makes the server's own secrets if missing, and gives every part number, revision
    /// label and supplier name without a folded key
    /// its key (`domain::validate::fold_key`; migration 0019 adds the columns, SQL cannot
    /// compute the fold). A row whose key an older row already has is a duplicate under
    /// Unicode's case rules that the old ASCII-only check let in: it is kept, renamed
    /// with "-DUP-" and the first 8 characters of its id, as migration 0011 did. Nothing
    /// to do once every row has its key (every write path sets it).
    async fn backfill_keys(&self) -> Result<(), sqlx::Error> {
        // (table, value column, key column, scope column the key is unique within)
        const KEYS: [(&str, &str, &str, Option<&str>); 3] = [
            ("parts", "number", "number_key", None),
            ("revisions", "label", "label_key", Some("part_id")),
            ("suppliers", "name", "name_key", None),
        ];
        let mut w = self.write().await?;
        lock_writers(&mut w, self.engine).await?;
        // The server's keys, made once per database: the changes feed's cursors (issue
        // 10, L1) and device cookies (`auth::device_cookie`, M3').
        for name in ["changes_cursor", "device_cookie"] {
            let have = sqlx::query("SELECT name FROM server_secrets WHERE name = $1")
                .bind(name)
                .fetch_optional(&mut *w.tx)
                .await?;
            if have.is_none() {
                let mut b = [0u8; 32];
                rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut b);
                sqlx::query(
                    "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(name)
                .bind(hex::encode(b))
                .execute(&mut *w.tx)
                .await?;
            }
        }
        for (table, value_col, key_col, scope) in KEYS {
            let scope_sel = scope.map_or("''".to_string(), str::to_string);
            let missing = sqlx::query(&format!(
                "SELECT id, {value_col} AS v, {scope_sel} AS s FROM {table} \
                 WHERE {key_col} IS NULL ORDER BY created_at, id"
            ))
            .fetch_all(&mut *w.tx)
            .await?;
            if missing.is_empty() {
                continue;
            }
            let mut taken: std::collections::HashSet<(String, String)> = sqlx::query(&format!(
                "SELECT {key_col} AS k, {scope_sel} AS s FROM {table} WHERE {key_col} IS NOT NULL"
            ))
            .fetch_all(&mut *w.tx)
            .await?
            .iter()
            .map(|r| Ok((col::<String>(r, "s")?, col::<String>(r, "k")?)))
            .collect::<Result<_, sqlx::Error>>()?;
            for r in &missing {
                let id: String = col(r, "id")?;
                let scope_value: String = col(r, "s")?;
                let mut value: String = col(r, "v")?;
                let mut key = domain::validate::fold_key(&value);
                if taken.contains(&(scope_value.clone(), key.clone())) {
                    let short: String = id.chars().take(8).collect();
                    value = format!("{value}-DUP-{short}");
                    key = domain::validate::fold_key(&value);
                    tracing::warn!(table, id = %id, renamed = %value, "natural key duplicate under Unicode case folding kept under a new name");
                    if table == "suppliers" {
                        sqlx::query("UPDATE organizations SET name = $1 WHERE id = $2")
                            .bind(&value)
                            .bind(&id)
                            .execute(&mut *w.tx)
                            .await?;
                    }
                }
                sqlx::query(&format!(
                    "UPDATE {table} SET {value_col} = $1, {key_col} = $2 WHERE id = $3"
                ))
                .bind(&value)
                .bind(&key)
                .bind(&id)
                .execute(&mut *w.tx)
                .await?;
                taken.insert((scope_value, key));
            }
        }
        w.commit().await
    }

    /// Starts a write transaction (serialized on SQLite).
    pub async fn write(&self) -> Result<WriteTx, sqlx::Error> {
        let guard = match &self.write_lock {
            Some(lock) => Some(lock.clone().lock_owned().await),
            None => None,
        };
        let tx = self.pool.begin().await?;
        Ok(WriteTx {
            tx,
            _guard: guard,
            chain: self.chainer.clone().map(|c| (self.pool.clone(), c)),
            audited: false,
        })
    }
}

/// Hides a password in a database URL for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Current time in unix milliseconds, from the server's one clock ([`crate::clock`]).
pub use crate::clock::now_ms;

/// Unix milliseconds as RFC 3339 UTC with milliseconds.
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A fresh random id (UUID v4, hyphenated).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Reads a column, naming it in the error.
pub fn col<T>(row: &AnyRow, name: &str) -> Result<T, sqlx::Error>
where
    T: for<'r> sqlx::Decode<'r, Any> + sqlx::Type<Any>,
{
    sqlx::Row::try_get(row, name)
}

/// Reads a decimal stored as TEXT.
pub fn col_decimal(row: &AnyRow, name: &str) -> Result<rust_decimal::Decimal, sqlx::Error> {
    let s: String = col(row, name)?;
    rust_decimal::Decimal::from_str(&s).map_err(|e| sqlx::Error::ColumnDecode {
        index: name.to_string(),
        source: Box::new(e),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords_only() {
        assert_eq!(
            super::redact("postgres://bob:secret@db:5432/x"),
            "postgres://bob:***@db:5432/x"
        );
        assert_eq!(super::redact("postgres://bob@db/x"), "postgres://bob@db/x");
        assert_eq!(super::redact("sqlite://data/b.db"), "sqlite://data/b.db");
    }
}
