//! Appending to and verifying the hash-chained audit trail (`domain::audit`).
//!
//! Appends happen inside the caller's write transaction, so an event exists exactly when
//! the change it records was committed. The first statement locks the one-row
//! `audit_head`, which serializes appends across server processes sharing a database
//! (on SQLite, one process serializes its writers with a lock of its own, `db::Db::write`).

use domain::audit::{seal, verify_chain, AuditEvent, BrokenLink};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Transaction};

use crate::db::{col, now_ms, rfc3339};

/// What a handler records about a change.
pub struct Change<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: &'a str,
    pub summary: serde_json::Value,
}

/// Appends one event to the chain inside `tx`.
///
/// On PostgreSQL the head's row lock is the one queue every writer joins and holds until
/// commit, so the append is two statements there: lock and read the head, then (one
/// statement) move the head and insert the event.
pub async fn append(
    tx: &mut Transaction<'static, Any>,
    change: Change<'_>,
) -> Result<AuditEvent, sqlx::Error> {
    let postgres = tx.backend_name() == "PostgreSQL";
    let (seq, prev) = if postgres {
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .fetch_one(&mut **tx)
            .await?;
        (col::<i64>(&head, "seq")? + 1, col::<String>(&head, "hash")?)
    } else {
        let head =
            sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                .fetch_one(&mut **tx)
                .await?;
        (col::<i64>(&head, "seq")?, col::<String>(&head, "hash")?)
    };
    let event = seal(
        AuditEvent {
            seq,
            at: rfc3339(now_ms()),
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
    const INSERT: &str = "INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, summary, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    let insert = if postgres {
        format!("WITH head AS (UPDATE audit_head SET seq = $1, hash = $9 WHERE id = 1) {INSERT}")
    } else {
        INSERT.to_string()
    };
    sqlx::query(&insert)
        .bind(event.seq)
        .bind(&event.at)
        .bind(&event.actor)
        .bind(&event.action)
        .bind(&event.entity_type)
        .bind(&event.entity_id)
        .bind(event.summary.to_string())
        .bind(&event.prev_hash)
        .bind(&event.hash)
        .execute(&mut **tx)
        .await?;
    if !postgres {
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(&event.hash)
            .execute(&mut **tx)
            .await?;
    }
    Ok(event)
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

/// Reads the chain in pages and checks every link, plus the head row.
pub async fn verify(pool: &AnyPool) -> Result<Verification, sqlx::Error> {
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
