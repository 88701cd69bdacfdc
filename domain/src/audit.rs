//! The audit trail's hash chain.
//!
//! Each event's hash is SHA-256 over the previous event's hash and the event's canonical
//! JSON (keys sorted, no whitespace). Changing, deleting or reordering any stored event
//! breaks every later link; [`verify_chain`] names the first broken one.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The hash that precedes the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit event as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// Server time, RFC 3339 UTC with milliseconds.
    pub at: String,
    /// User id of the person acting, or `system`.
    pub actor: String,
    /// What happened, e.g. `rfq.create`.
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    /// What changed, as JSON.
    pub summary: serde_json::Value,
    /// Hash of the previous event ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// [`chain_hash`] of this event.
    pub hash: String,
}

/// The hashed content of an event: everything but the hashes themselves.
fn canonical(e: &AuditEvent) -> String {
    // serde_json's default map is ordered by key, so this is canonical.
    serde_json::json!({
        "seq": e.seq,
        "at": e.at,
        "actor": e.actor,
        "action": e.action,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "summary": e.summary,
    })
    .to_string()
}

/// The hash of `event` chained onto `prev_hash`, as lowercase hex.
pub fn chain_hash(prev_hash: &str, event: &AuditEvent) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical(event).as_bytes());
    hex::encode(h.finalize())
}

/// Fills `prev_hash` and `hash` of a new event that follows `prev_hash`.
pub fn seal(mut event: AuditEvent, prev_hash: &str) -> AuditEvent {
    event.prev_hash = prev_hash.to_string();
    event.hash = chain_hash(prev_hash, &event);
    event
}

/// The first broken link found by [`verify_chain`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrokenLink {
    #[error(
        "event {seq}: expected sequence number {expected} (an event is missing or out of order)"
    )]
    Gap { seq: i64, expected: i64 },
    #[error("event {seq}: its prev_hash does not match the hash of event {}", seq - 1)]
    PrevMismatch { seq: i64 },
    #[error("event {seq}: its content does not match its hash (the row was altered)")]
    HashMismatch { seq: i64 },
}

/// Checks a whole chain in order; returns the number of events verified.
pub fn verify_chain<'a, I>(events: I) -> Result<u64, BrokenLink>
where
    I: IntoIterator<Item = &'a AuditEvent>,
{
    let mut prev = GENESIS.to_string();
    let mut n = 0;
    for (expected, e) in (1..).zip(events) {
        if e.seq != expected {
            return Err(BrokenLink::Gap {
                seq: e.seq,
                expected,
            });
        }
        if e.prev_hash != prev {
            return Err(BrokenLink::PrevMismatch { seq: e.seq });
        }
        if chain_hash(&prev, e) != e.hash {
            return Err(BrokenLink::HashMismatch { seq: e.seq });
        }
        prev = e.hash.clone();
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEvent> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|seq| {
                let e = seal(
                    AuditEvent {
                        seq,
                        at: format!("2026-11-23T10:00:{seq:02}.000Z"),
                        actor: "u1".into(),
                        action: "part.create".into(),
                        entity_type: "part".into(),
                        entity_id: format!("p{seq}"),
                        summary: serde_json::json!({"number": format!("BRK-{seq}")}),
                        prev_hash: String::new(),
                        hash: String::new(),
                    },
                    &prev,
                );
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    /// Issue 13: the chain's hashes are pinned by values made without this code —
    /// `printf '%s\n%s' "$PREV" "$CANONICAL" | sha256sum`, with the canonical JSON written by
    /// hand (keys sorted, no whitespace) — so a change to the canonical form cannot pass
    /// by recomputing with the same function.
    #[test]
    fn chain_hashes_match_independently_computed_golden_values() {
        let event = |seq: i64, entity: &str, summary: serde_json::Value| AuditEvent {
            seq,
            at: format!("2026-11-23T10:00:{seq:02}.000Z"),
            actor: "u1".into(),
            action: "part.create".into(),
            entity_type: "part".into(),
            entity_id: entity.into(),
            summary,
            prev_hash: String::new(),
            hash: String::new(),
        };
        let e1 = event(
            1,
            "p1",
            serde_json::json!({"number": "BRK-1", "name": "Bracket ü"}),
        );
        assert_eq!(
            canonical(&e1),
            r#"{"action":"part.create","actor":"u1","at":"2026-11-23T10:00:01.000Z","entity_id":"p1","entity_type":"part","seq":1,"summary":{"name":"Bracket ü","number":"BRK-1"}}"#
        );
        let e1 = seal(e1, GENESIS);
        assert_eq!(
            e1.hash,
            "5ce879b21a1fa24d98f1bc594e63a2e4fde0150376c6195766fe51011c473159"
        );
        let e2 = seal(
            event(2, "p2", serde_json::json!({"number": "BRK-2"})),
            &e1.hash,
        );
        assert_eq!(
            e2.hash,
            "9c8c196bef0ad69671941f60cff172a329d98d0ecaf6ae7ef192b0b8a018b4f7"
        );
        assert_eq!(verify_chain(&[e1, e2]), Ok(2));
    }

    #[test]
    fn intact_chain_verifies() {
        assert_eq!(verify_chain(&chain(5)), Ok(5));
        assert_eq!(verify_chain(&[]), Ok(0));
    }

    #[test]
    fn altered_summary_is_found_at_its_event() {
        let mut c = chain(5);
        c[2].summary = serde_json::json!({"number": "BRK-X"});
        assert_eq!(verify_chain(&c), Err(BrokenLink::HashMismatch { seq: 3 }));
    }

    #[test]
    fn deleted_or_reordered_events_are_found() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(
            verify_chain(&c),
            Err(BrokenLink::Gap {
                seq: 3,
                expected: 2
            })
        );
        let mut c = chain(3);
        // Re-sealing a changed event is not enough: the next link no longer matches.
        c[1].actor = "mallory".into();
        c[1] = seal(c[1].clone(), &c[0].hash);
        assert_eq!(verify_chain(&c), Err(BrokenLink::PrevMismatch { seq: 3 }));
    }
}
