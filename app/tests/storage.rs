//! The storage module against a real IndexedDB in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p app --target wasm32-unknown-unknown`.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use app::storage::{new_id, Pin, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Note {
    title: String,
    qty: Vec<String>,
}

fn note(title: &str) -> Note {
    Note {
        title: title.into(),
        qty: vec!["500".into(), "2000".into()],
    }
}

/// Each test gets its own database so they can run in any order.
async fn fresh(name: &str) -> Storage {
    if let Ok(s) = Storage::open_named(name).await {
        s.delete_database(name).await.unwrap();
    }
    Storage::open_named(name).await.unwrap()
}

#[wasm_bindgen_test]
async fn records_round_trip_by_kind_and_id() {
    let name = "bidwell-test-records";
    let s = fresh(name).await;
    s.put_record("part", "p1", &note("Bracket")).await.unwrap();
    s.put_record("part", "p2", &note("Housing")).await.unwrap();
    s.put_record("rfq", "p1", &note("Same id, other kind"))
        .await
        .unwrap();

    let got = s.get_record::<Note>("part", "p1").await.unwrap().unwrap();
    assert_eq!(got.value, note("Bracket"));
    assert_eq!((got.kind.as_str(), got.id.as_str()), ("part", "p1"));
    assert!(got.fetched_at.ends_with('Z'), "{}", got.fetched_at);
    assert_eq!(s.get_record::<Note>("part", "nope").await.unwrap(), None);

    let parts = s.list_records::<Note>("part").await.unwrap();
    let ids: Vec<_> = parts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2"]);
    assert_eq!(s.list_records::<Note>("rfq").await.unwrap().len(), 1);

    // Putting again replaces.
    s.put_record("part", "p1", &note("Bracket v2"))
        .await
        .unwrap();
    let got = s.get_record::<Note>("part", "p1").await.unwrap().unwrap();
    assert_eq!(got.value.title, "Bracket v2");

    s.delete_record("part", "p1").await.unwrap();
    assert_eq!(s.get_record::<Note>("part", "p1").await.unwrap(), None);
    assert_eq!(s.list_records::<Note>("part").await.unwrap().len(), 1);
    // Deleting what is not there is fine.
    s.delete_record("part", "p1").await.unwrap();
    s.delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn drafts_round_trip() {
    let name = "bidwell-test-drafts";
    let s = fresh(name).await;
    s.put_draft("quote:rfq1", &note("draft")).await.unwrap();
    let d = s.get_draft::<Note>("quote:rfq1").await.unwrap().unwrap();
    assert_eq!(d.value, note("draft"));
    assert_eq!(s.list_drafts::<Note>().await.unwrap().len(), 1);
    s.delete_draft("quote:rfq1").await.unwrap();
    assert!(s.get_draft::<Note>("quote:rfq1").await.unwrap().is_none());
    s.delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn outbox_keeps_order_and_ids() {
    let name = "bidwell-test-outbox";
    let s = fresh(name).await;
    let a = s.push_outbox(&note("first")).await.unwrap();
    let b = s.push_outbox(&note("second")).await.unwrap();
    assert_ne!(a.id, b.id);
    let list = s.list_outbox::<Note>().await.unwrap();
    let titles: Vec<_> = list.iter().map(|e| e.payload.title.as_str()).collect();
    assert_eq!(titles, ["first", "second"]);
    // Many writes within the same millisecond still come back in the order made.
    for i in 0..30 {
        s.push_outbox(&note(&format!("burst {i:02}")))
            .await
            .unwrap();
    }
    let burst: Vec<_> = s
        .list_outbox::<Note>()
        .await
        .unwrap()
        .into_iter()
        .skip(2)
        .map(|e| e.payload.title)
        .collect();
    let expected: Vec<_> = (0..30).map(|i| format!("burst {i:02}")).collect();
    assert_eq!(burst, expected);
    for e in s.list_outbox::<Note>().await.unwrap().into_iter().skip(2) {
        s.delete_outbox(&e.id).await.unwrap();
    }
    s.delete_outbox(&a.id).await.unwrap();
    let list = s.list_outbox::<Note>().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, b.id);
    s.delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn clear_user_data_empties_every_store() {
    let name = "bidwell-test-clear";
    let s = fresh(name).await;
    s.put_record("rfq", "r1", &note("cached")).await.unwrap();
    s.put_draft("d", &note("draft")).await.unwrap();
    s.push_outbox(&note("unsent")).await.unwrap();
    s.clear_user_data().await.unwrap();
    assert!(s.list_records::<Note>("rfq").await.unwrap().is_empty());
    assert!(s.list_drafts::<Note>().await.unwrap().is_empty());
    assert!(s.list_outbox::<Note>().await.unwrap().is_empty());
    // The database stays usable.
    s.put_record("rfq", "r1", &note("again")).await.unwrap();
    assert!(s.get_record::<Note>("rfq", "r1").await.unwrap().is_some());
    s.delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
fn ids_are_uuid_v4() {
    let id = new_id().unwrap();
    assert_eq!(id.len(), 36);
    assert_eq!(&id[14..15], "4");
    assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
    assert_ne!(id, new_id().unwrap());
}

#[wasm_bindgen_test]
async fn cursor_is_kept_per_user_and_cleared_at_sign_out() {
    let name = "bidwell-test-cursor";
    let s = fresh(name).await;
    assert_eq!(s.get_cursor("u1").await.unwrap(), None);
    s.set_cursor("u1", Some("c-42")).await.unwrap();
    s.set_cursor("u2", Some("c-7")).await.unwrap();
    s.set_cursor("u1", Some("c-57")).await.unwrap();
    assert_eq!(s.get_cursor("u1").await.unwrap().as_deref(), Some("c-57"));
    assert_eq!(s.get_cursor("u2").await.unwrap().as_deref(), Some("c-7"));
    s.clear_user_data().await.unwrap();
    assert_eq!(s.get_cursor("u1").await.unwrap(), None);
    s.delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn outbox_states_conflicts_stay_in_place_until_resolved() {
    use app::sync::Queued;
    use serde_json::json;
    let name = "bidwell-test-outbox-states";
    let s = fresh(name).await;
    let op = |summary: &str| Queued {
        kind: "quote.submit".into(),
        user_id: "u1".into(),
        summary: summary.into(),
        payload: json!({"rfq_id": "r1", "base_version": 1}),
        state: "pending".into(),
        result: None,
        draft: Some("quote:r1:s1".into()),
    };
    let a = s.push_outbox(&op("first")).await.unwrap();
    let b = s.push_outbox(&op("second")).await.unwrap();
    let c = s.push_outbox(&op("third")).await.unwrap();

    // The server answered: a applied (leaves), b conflict (stays, marked), c pending.
    s.delete_outbox(&a.id).await.unwrap();
    let mut marked = b.clone();
    marked.payload.state = "conflict".into();
    marked.payload.result = Some(api::SyncResult {
        op_id: b.id.clone(),
        status: "conflict".into(),
        code: None,
        message: None,
        detail: Some(json!({"server": {"receipt": {"version": 2}}, "mine": {}})),
    });
    s.put_outbox_entry(&marked).await.unwrap();

    let left = s.list_outbox::<Queued>().await.unwrap();
    let ids: Vec<_> = left.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [b.id.as_str(), c.id.as_str()],
        "order kept after marking"
    );
    assert_eq!(left[0].payload.state, "conflict");
    assert_eq!(
        left[0]
            .payload
            .result
            .as_ref()
            .unwrap()
            .detail
            .as_ref()
            .unwrap()["server"]["receipt"]["version"],
        2
    );
    assert_eq!(left[1].payload.state, "pending");
    assert_eq!(left[1].payload.draft.as_deref(), Some("quote:r1:s1"));
    // An entry written before states existed reads as pending.
    let old = s
        .push_outbox(
            &json!({"kind": "visit_note.create", "user_id": "u1", "summary": "old", "payload": {}}),
        )
        .await
        .unwrap();
    let all = s.list_outbox::<Queued>().await.unwrap();
    let read = all.iter().find(|e| e.id == old.id).unwrap();
    assert_eq!(read.payload.state, "pending");
    assert_eq!(read.payload.draft, None);
    s.delete_database(name).await.unwrap();
}

fn pin(rfq: &str, keys: &[(&str, &str)]) -> Pin {
    Pin {
        rfq_id: rfq.into(),
        label: format!("RFQ {rfq}"),
        keys: keys
            .iter()
            .map(|(k, i)| (k.to_string(), i.to_string()))
            .collect(),
    }
}

#[wasm_bindgen_test]
async fn pins_keep_records_from_eviction_and_removal_frees_only_their_own() {
    let name = "bidwell-test-pins";
    let s = fresh(name).await;
    let old = "2026-01-01T00:00:00.000Z";
    for (k, i) in [
        ("rfq", "r1"),
        ("comparison", "r1"),
        ("part", "shared"),
        ("rfq", "r2"),
        ("part", "loose"),
        ("me", "current"),
    ] {
        s.put_record_at(k, i, old, &note(i)).await.unwrap();
    }
    s.put_record("part", "recent", &note("recent"))
        .await
        .unwrap();
    s.set_cursor("u1", Some("c-42")).await.unwrap();
    s.put_pin(&pin(
        "r1",
        &[("rfq", "r1"), ("comparison", "r1"), ("part", "shared")],
    ))
    .await
    .unwrap();
    s.put_pin(&pin("r2", &[("rfq", "r2"), ("part", "shared")]))
        .await
        .unwrap();
    let p = s.get_pin("r1").await.unwrap().unwrap();
    assert_eq!(p.value.label, "RFQ r1");
    assert!(p.fetched_at.ends_with('Z'));
    assert_eq!(s.list_pins().await.unwrap().len(), 2);

    // Only the old record no pin keeps goes; the recent one, `me`, cursors and pins stay.
    let evicted = s.evict_unpinned("2026-06-01T00:00:00.000Z").await.unwrap();
    assert_eq!(evicted, 1);
    assert_eq!(s.get_record::<Note>("part", "loose").await.unwrap(), None);
    for (k, i) in [
        ("rfq", "r1"),
        ("comparison", "r1"),
        ("part", "shared"),
        ("rfq", "r2"),
        ("me", "current"),
    ] {
        assert!(
            s.get_record::<Note>(k, i).await.unwrap().is_some(),
            "{k}/{i}"
        );
    }
    assert!(s
        .get_record::<Note>("part", "recent")
        .await
        .unwrap()
        .is_some());
    assert_eq!(s.get_cursor("u1").await.unwrap().as_deref(), Some("c-42"));

    // Removing r1's pin drops what only it kept; the part r2 also keeps stays.
    s.remove_pin("r1").await.unwrap();
    assert_eq!(s.get_pin("r1").await.unwrap(), None);
    assert_eq!(s.get_record::<Note>("rfq", "r1").await.unwrap(), None);
    assert_eq!(
        s.get_record::<Note>("comparison", "r1").await.unwrap(),
        None
    );
    assert!(s
        .get_record::<Note>("part", "shared")
        .await
        .unwrap()
        .is_some());
    assert!(s.get_record::<Note>("rfq", "r2").await.unwrap().is_some());
    s.remove_pin("absent").await.unwrap();

    // Sign-out clears pins with everything else.
    s.clear_user_data().await.unwrap();
    assert!(s.list_pins().await.unwrap().is_empty());
    s.delete_database(name).await.unwrap();
}
