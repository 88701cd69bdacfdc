//! Appending to and verifying the hash-chained audit trail (`domain::audit`).
//!
//! Every event is written inside the caller's write transaction, so it exists exactly when
//! the change it records was committed. How it joins the chain depends on the engine:
//!
//! - SQLite allows one writer at a time anyway (`db::Db::write`): the event is chained at
//!   once (the one-row `audit_head` moves in the same transaction).
//! - PostgreSQL runs writers concurrently, and a chain has one end: a head locked by every
//!   business transaction until its commit made every write in the database wait for the
//!   one before it (issue 10). So the business transaction only inserts its event into
//!   `audit_pending` (no shared row touched), and after its commit [`Chainer`] moves
//!   pending events into `audit_events` in rounds: one short transaction locks the head,
//!   chains every committed pending event (in `audit_pending.id` order) and deletes them
//!   from `audit_pending`, so each is chained exactly once even if a process dies at any
//!   point. The writer's answer waits for a round that began after its commit, so an
//!   acknowledged write is in the chain when the client hears of it; one round serves every
//!   writer that committed before it began (group commit). Events left pending by a
//!   process killed between its commit and its round are chained by the next round of any
//!   process, at the latest when a server starts (`db::Db::migrate`) or
//!   `bidwell audit verify` runs.
//!
//! `audit_events.seq` is thus commit order on both engines: an event becomes visible only
//! with every smaller `seq` (the changes feed's cursor relies on that).

use std::sync::atomic::{AtomicU64, Ordering};

use domain::audit::{seal, verify_chain, AuditEvent, BrokenLink};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Executor};

use crate::db::{col, now_ms, rfc3339, WriteTx};

/// What a handler records about a change.
pub struct Change<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: &'a str,
    pub summary: serde_json::Value,
}

const INSERT: &str = "INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// Records one event in `w`'s transaction: chained at once on SQLite, pending until the
/// commit's chaining round on PostgreSQL (see the module comment).
pub async fn append(w: &mut WriteTx, change: Change<'_>) -> Result<(), sqlx::Error> {
    let at = rfc3339(now_ms());
    if w.chained_after_commit() {
        sqlx::query(
            "INSERT INTO audit_pending (at, actor, action, entity_type, entity_id, summary) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&at)
        .bind(change.actor)
        .bind(change.action)
        .bind(change.entity_type)
        .bind(change.entity_id)
        .bind(change.summary.to_string())
        .execute(&mut *w.tx)
        .await?;
        w.mark_audited();
        return Ok(());
    }
    let head = sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut *w.tx)
        .await?;
    let (seq, prev) = (col::<i64>(&head, "seq")?, col::<String>(&head, "hash")?);
    let event = seal(
        AuditEvent {
            seq,
            at,
            actor: change.actor.to_string(),
            action: change.action.to_string(),
            entity_type: change.entity_type.to_string(),
            entity_id: change.entity_id.to_string(),
            summary: change.summary,
            prev_hash: String::new(),
            hash: String::new(),
        },
        &prev,
    );
    insert(&mut *w.tx, &event).await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&event.hash)
        .execute(&mut *w.tx)
        .await?;
    Ok(())
}

async fn insert<'c, E>(db: E, event: &AuditEvent) -> Result<(), sqlx::Error>
where
    E: Executor<'c, Database = sqlx::Any>,
{
    sqlx::query(INSERT)
        .bind(event.seq)
        .bind(&event.at)
        .bind(&event.actor)
        .bind(&event.action)
        .bind(&event.entity_type)
        .bind(&event.entity_id)
        .bind(event.summary.to_string())
        .bind(&event.prev_hash)
        .bind(&event.hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Most pending events one round's transaction chains (a round takes more in turn).
const BATCH: i64 = 500;

/// One process's turns at chaining pending events (PostgreSQL). Rounds of one process run
/// one at a time; rounds of several processes are serialized by the head's row lock.
#[derive(Default)]
pub struct Chainer {
    turn: tokio::sync::Mutex<()>,
    /// Rounds of this process that have begun reading `audit_pending`.
    begun: AtomicU64,
    /// Rounds of this process that have ended (everything they saw is chained).
    ended: AtomicU64,
}

impl Chainer {
    /// After a commit that wrote pending events: returns once a round that began after
    /// the commit has ended, so they are chained (by this process's round, or by another
    /// process before it).
    pub async fn after_commit(&self, pool: &AnyPool) -> Result<(), sqlx::Error> {
        let begun = self.begun.load(Ordering::SeqCst);
        let _turn = self.turn.lock().await;
        if self.ended.load(Ordering::SeqCst) > begun {
            // A round that began after our commit has ended meanwhile.
            return Ok(());
        }
        self.round(pool).await
    }

    /// Chains every committed pending event (holding the turn).
    async fn round(&self, pool: &AnyPool) -> Result<(), sqlx::Error> {
        self.begun.fetch_add(1, Ordering::SeqCst);
        let result = chain_pending(pool).await;
        self.ended.fetch_add(1, Ordering::SeqCst);
        result.map(|_| ())
    }
}

/// Chains every pending event committed before this call; returns how many this call
/// chained. Safe to run from any number of processes at once.
pub async fn chain_pending(pool: &AnyPool) -> Result<u64, sqlx::Error> {
    let mut chained = 0;
    loop {
        // Cheap look first: most rounds after the first of a burst find nothing (another
        // process or round took them), and need no lock.
        let any = sqlx::query("SELECT id FROM audit_pending LIMIT 1")
            .fetch_optional(pool)
            .await?;
        if any.is_none() {
            return Ok(chained);
        }
        let mut tx = pool.begin().await?;
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .fetch_one(&mut *tx)
            .await?;
        let (mut seq, mut prev) = (col::<i64>(&head, "seq")?, col::<String>(&head, "hash")?);
        // Read after the lock: what another chainer took before is gone from here.
        let rows = sqlx::query("SELECT * FROM audit_pending ORDER BY id LIMIT $1")
            .bind(BATCH)
            .fetch_all(&mut *tx)
            .await?;
        if rows.is_empty() {
            tx.commit().await?;
            return Ok(chained);
        }
        let mut ids = Vec::with_capacity(rows.len());
        let mut events = Vec::with_capacity(rows.len());
        for r in &rows {
            ids.push(col::<i64>(r, "id")?);
            seq += 1;
            let summary: String = col(r, "summary")?;
            let event = seal(
                AuditEvent {
                    seq,
                    at: col(r, "at")?,
                    actor: col(r, "actor")?,
                    action: col(r, "action")?,
                    entity_type: col(r, "entity_type")?,
                    entity_id: col(r, "entity_id")?,
                    summary: serde_json::from_str(&summary)
                        .unwrap_or(serde_json::Value::String(summary)),
                    prev_hash: String::new(),
                    hash: String::new(),
                },
                &prev,
            );
            prev = event.hash.clone();
            events.push(event);
        }
        // One statement for the batch (9 parameters an event, far below PostgreSQL's
        // 65,535).
        let values = (0..events.len())
            .map(|i| {
                let p = i * 9;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6,
                    p + 7,
                    p + 8,
                    p + 9
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash) VALUES {values}"
        );
        let mut q = sqlx::query(&sql);
        for e in &events {
            q = q
                .bind(e.seq)
                .bind(e.at.clone())
                .bind(e.actor.clone())
                .bind(e.action.clone())
                .bind(e.entity_type.clone())
                .bind(e.entity_id.clone())
                .bind(e.summary.to_string())
                .bind(e.prev_hash.clone())
                .bind(e.hash.clone());
        }
        q.execute(&mut *tx).await?;
        let list = ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        sqlx::query(&format!("DELETE FROM audit_pending WHERE id IN ({list})"))
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(seq)
            .bind(&prev)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        chained += ids.len() as u64;
    }
}

fn from_row(row: &AnyRow) -> Result<AuditEvent, sqlx::Error> {
    let summary: String = col(row, "summary")?;
    Ok(AuditEvent {
        seq: col(row, "seq")?,
        at: col(row, "at")?,
        actor: col(row, "actor")?,
        action: col(row, "action")?,
        entity_type: col(row, "entity_type")?,
        entity_id: col(row, "entity_id")?,
        // A summary that is not JSON any more was tampered with; keep the text so the
        // hash check reports it instead of failing to load.
        summary: serde_json::from_str(&summary).unwrap_or(serde_json::Value::String(summary)),
        prev_hash: col(row, "prev_hash")?,
        hash: col(row, "hash")?,
    })
}

/// The newest `limit` events, newest first.
pub async fn recent(pool: &AnyPool, limit: i64) -> Result<Vec<AuditEvent>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM audit_events ORDER BY seq DESC LIMIT $1")
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Outcome of checking the whole chain.
#[derive(Debug)]
pub struct Verification {
    pub events: u64,
    pub broken: Option<BrokenLink>,
    /// The head row disagrees with the last event (events were cut off the end).
    pub head_mismatch: Option<String>,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.broken.is_none() && self.head_mismatch.is_none()
    }
    pub fn describe(&self) -> Option<String> {
        self.broken
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| self.head_mismatch.clone())
    }
}

/// Chains what is pending (a write that committed just before, or one whose process died
/// before its round), then reads the chain in pages and checks every link, plus the head
/// row.
pub async fn verify(pool: &AnyPool) -> Result<Verification, sqlx::Error> {
    chain_pending(pool).await?;
    let mut events = Vec::new();
    let mut after = 0i64;
    loop {
        let rows = sqlx::query("SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 5000")
            .bind(after)
            .fetch_all(pool)
            .await?;
        if rows.is_empty() {
            break;
        }
        for r in &rows {
            let e = from_row(r)?;
            after = e.seq;
            events.push(e);
        }
    }
    let result = verify_chain(&events);
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(pool)
        .await?;
    let head_seq: i64 = col(&head, "seq")?;
    let head_hash: String = col(&head, "hash")?;
    let last = events.last();
    let head_mismatch = match last {
        Some(e) if e.seq != head_seq || e.hash != head_hash => Some(format!(
            "the chain ends at event {} but the head records event {head_seq}: events were removed from the end",
            e.seq
        )),
        None if head_seq != 0 => Some(format!(
            "no events stored but the head records event {head_seq}: events were removed"
        )),
        _ => None,
    };
    Ok(match result {
        Ok(n) => Verification {
            events: n,
            broken: None,
            head_mismatch,
        },
        Err(b) => Verification {
            events: events.len() as u64,
            broken: Some(b),
            head_mismatch: None,
        },
    })
}
