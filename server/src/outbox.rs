//! Messages to supplier contacts. `queue` records them inside the caller's transaction
//! (so a notice exists exactly when its change committed); `flush` writes unwritten ones
//! as `.eml` files into the outbox directory after commit. Nothing leaves the machine by
//! default: a person sends (or an SMTP relay, when one is configured in a later issue).

use std::path::Path;

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

/// Records one message per contact of each supplier; returns how many.
pub async fn queue(
    tx: &mut Transaction<'static, Any>,
    supplier_ids: &[String],
    n: &Notice<'_>,
) -> Result<usize, sqlx::Error> {
    let now = now_ms();
    let mut count = 0;
    for sid in supplier_ids {
        let contacts = sqlx::query(
            "SELECT email FROM supplier_contacts WHERE supplier_id = $1 ORDER BY email",
        )
        .bind(sid)
        .fetch_all(&mut **tx)
        .await?;
        for c in &contacts {
            let email: String = col(c, "email")?;
            sqlx::query(
                "INSERT INTO messages (id, kind, rfq_id, supplier_id, to_email, subject, body, created_by, created_at, written_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)",
            )
            .bind(new_id())
            .bind(n.kind)
            .bind(n.rfq_id)
            .bind(sid)
            .bind(&email)
            .bind(&n.subject)
            .bind(&n.body)
            .bind(n.created_by)
            .bind(now)
            .execute(&mut **tx)
            .await?;
            count += 1;
        }
    }
    Ok(count)
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
pub async fn flush(db: &Db, dir: &Path, from: &str) -> anyhow::Result<usize> {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _turn = ONE_AT_A_TIME.lock().await;
    let rows = sqlx::query("SELECT id, to_email, subject, body FROM messages WHERE written_at IS NULL ORDER BY created_at")
        .fetch_all(&db.pool)
        .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    tokio::fs::create_dir_all(dir).await?;
    let mut written = Vec::with_capacity(rows.len());
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
        tokio::fs::write(dir.join(format!("{id}.eml")), bytes).await?;
        written.push(id);
    }
    // A crash before this commit leaves the files written and the rows unwritten: the next
    // flush writes the same files again, never loses one.
    let mut w = db.write().await?;
    let now = now_ms();
    for id in &written {
        sqlx::query("UPDATE messages SET written_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut **w)
            .await?;
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
