//! Messages to supplier contacts. `queue` records them inside the caller's transaction
//! (so a notice exists exactly when its change committed); `flush` writes unwritten ones
//! as `.eml` files into the outbox directory after commit. Nothing leaves the machine by
//! default: a person sends (or an SMTP relay, when one is configured in a later issue).

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use sqlx::{Any, Transaction};

use crate::db::{col, new_id, now_ms, Db};

/// A notice to every contact of every supplier in `supplier_ids`.
pub struct Notice<'a> {
    pub kind: &'a str,
    pub rfq_id: Option<&'a str>,
    pub subject: String,
    pub body: String,
    pub created_by: &'a str,
}

/// `$first, $first+1, …`: `n` numbered placeholders (both engines take `$N`).
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Records one message per contact of each supplier; returns how many.
///
/// A few statements whatever the number of suppliers (one read, one insert per 50
/// messages), not two per contact: an answer to a clarification on an RFQ with 40
/// invited suppliers used to cost 80 round trips inside its transaction (issue 10).
pub async fn queue(
    tx: &mut Transaction<'static, Any>,
    supplier_ids: &[String],
    n: &Notice<'_>,
) -> Result<usize, sqlx::Error> {
    let now = now_ms();
    let mut recipients: Vec<(String, String)> = Vec::new();
    for chunk in supplier_ids.chunks(500) {
        let sql = format!(
            "SELECT supplier_id, email FROM supplier_contacts WHERE supplier_id IN ({}) ORDER BY supplier_id, email",
            placeholders(1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for sid in chunk {
            q = q.bind(sid);
        }
        for r in q.fetch_all(&mut **tx).await? {
            recipients.push((col(&r, "supplier_id")?, col(&r, "email")?));
        }
    }
    const COLUMNS: usize = 9;
    for chunk in recipients.chunks(50) {
        let values = (0..chunk.len())
            .map(|i| format!("({}, NULL)", placeholders(i * COLUMNS + 1, COLUMNS)))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO messages (id, kind, rfq_id, supplier_id, to_email, subject, body, created_by, created_at, written_at) \
             VALUES {values}"
        );
        let mut q = sqlx::query(&sql);
        for (sid, email) in chunk {
            q = q
                .bind(new_id())
                .bind(n.kind)
                .bind(n.rfq_id)
                .bind(sid)
                .bind(email)
                .bind(&n.subject)
                .bind(&n.body)
                .bind(n.created_by)
                .bind(now);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(recipients.len())
}

fn eml(from: &str, to: &str, subject: &str, body: &str) -> anyhow::Result<Vec<u8>> {
    let m = Message::builder()
        .from(from.parse::<Mailbox>()?)
        .to(to.parse::<Mailbox>()?)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body.to_string())?;
    Ok(m.formatted())
}

/// Writes every unwritten message to `dir` as `<id>.eml`; returns how many.
/// A message whose address cannot be formatted is logged and left unwritten.
///
/// Flushes in this process run one at a time (a second one then finds only what the
/// first left), and marking messages written is a write like any other, through
/// [`Db::write`]: on SQLite an UPDATE beside the writer lock made a concurrent writer's
/// transaction fail to upgrade ("database is locked", a 500; issue 10's load bench).
///
/// Flushes coalesce: a caller's committed messages are covered by any flush that began
/// reading after the caller asked (its commit was visible then), so a caller that waited
/// for its turn while such a flush ran returns at once instead of reading again. Under
/// load, answers that notify every bidder used to queue one full flush each behind the
/// others (seconds per answer in the load bench; issue 10).
pub async fn flush(db: &Db, dir: &Path, from: &str) -> anyhow::Result<usize> {
    let turns = &db.outbox_turns;
    let mine = turns.asked.fetch_add(1, Ordering::SeqCst) + 1;
    let _turn = turns.one_at_a_time.lock().await;
    if turns.covered.load(Ordering::SeqCst) >= mine {
        return Ok(0);
    }
    // Every request up to here asked after its commit: this flush's read covers it.
    let covers = turns.asked.load(Ordering::SeqCst);
    let written = flush_now(db, dir, from).await?;
    turns.covered.fetch_max(covers, Ordering::SeqCst);
    Ok(written)
}

/// Whose turn it is to write the outbox, per database ([`flush`]).
#[derive(Debug, Default)]
pub struct Turns {
    one_at_a_time: tokio::sync::Mutex<()>,
    /// Flush requests so far, and the newest request a finished flush covered.
    asked: AtomicU64,
    covered: AtomicU64,
}

async fn flush_now(db: &Db, dir: &Path, from: &str) -> anyhow::Result<usize> {
    let rows = sqlx::query("SELECT id, to_email, subject, body FROM messages WHERE written_at IS NULL ORDER BY created_at")
        .fetch_all(&db.pool)
        .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let mut files = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: String = col(r, "id")?;
        let to: String = col(r, "to_email")?;
        let bytes = match eml(
            from,
            &to,
            &col::<String>(r, "subject")?,
            &col::<String>(r, "body")?,
        ) {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(message = %id, to = %to, error = %e, "message cannot be formatted; left in the outbox table");
                continue;
            }
        };
        files.push((id, bytes));
    }
    // One blocking task for all files, not one per file.
    let dir = dir.to_path_buf();
    let written = tokio::task::spawn_blocking(move || -> std::io::Result<Vec<String>> {
        std::fs::create_dir_all(&dir)?;
        let mut written = Vec::with_capacity(files.len());
        for (id, bytes) in files {
            std::fs::write(dir.join(format!("{id}.eml")), bytes)?;
            written.push(id);
        }
        Ok(written)
    })
    .await??;
    // A crash before this commit leaves the files written and the rows unwritten: the next
    // flush writes the same files again, never loses one.
    if written.is_empty() {
        return Ok(0);
    }
    let mut w = db.write().await?;
    let now = now_ms();
    for chunk in written.chunks(500) {
        let sql = format!(
            "UPDATE messages SET written_at = $1 WHERE id IN ({})",
            placeholders(2, chunk.len())
        );
        let mut q = sqlx::query(&sql).bind(now);
        for id in chunk {
            q = q.bind(id);
        }
        q.execute(&mut **w).await?;
    }
    w.commit().await?;
    Ok(written.len())
}

/// Flushes in the background of a request: a failure is logged, never answered, because
/// the change itself is already committed and the row stays for the next flush.
pub async fn flush_logged(state: &crate::AppState) {
    if let Some(dir) = &state.config.outbox_dir {
        if let Err(e) = flush(&state.db, dir, &state.config.mail_from).await {
            tracing::error!(error = ?e, "writing the mail outbox");
        }
    }
}
