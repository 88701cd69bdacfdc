//! Lists come in pages (issue 10, L7): `GET /api/parts` stopped at 500 rows without a
//! word, as did suppliers and RFQs (visit notes at 1000). Every such list now takes
//! `limit`/`offset`, says its total in `X-Total-Count` and links the next page in `Link`.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::harness::{Response, Session, TestApp};

fn total(r: &Response) -> i64 {
    r.headers
        .get("x-total-count")
        .unwrap_or_else(|| panic!("no X-Total-Count: {:?}", r.headers))
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn next(r: &Response) -> Option<String> {
    let link = r.headers.get("link")?.to_str().unwrap();
    let target = link
        .strip_prefix('<')
        .and_then(|l| l.strip_suffix(">; rel=\"next\""))
        .unwrap_or_else(|| panic!("not a next link: {link}"));
    Some(target.to_string())
}

/// Follows `first`'s next links to the end; every row of `field`, and the total each page
/// gave.
async fn walk(app: &TestApp, s: &Session, first: &str, field: &str) -> (Vec<String>, i64) {
    let mut rows = Vec::new();
    let mut at = Some(first.to_string());
    let mut totals = Vec::new();
    let mut pages = 0;
    while let Some(path) = at {
        let r = app.get(&path, s).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.json);
        totals.push(total(&r));
        rows.extend(
            r.json
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v[field].as_str().unwrap().to_string()),
        );
        at = next(&r);
        pages += 1;
        assert!(pages < 100, "the links do not end");
    }
    totals.dedup();
    assert_eq!(totals.len(), 1, "one total on every page: {totals:?}");
    (rows, totals[0])
}

#[tokio::test]
async fn lists_come_in_pages_with_a_total_and_a_next_link() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    for i in 0..5 {
        let r = app
            .post(
                "/api/parts",
                json!({"number": format!("PAGE-{i}"), "name": format!("Paged part {i}")}),
                &buyer,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    }
    // The whole catalogue, two at a time: every part once, in order, and the total says so.
    let all = app.get("/api/parts", &buyer).await;
    let everything: Vec<String> = all
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(total(&all), everything.len() as i64);
    assert_eq!(next(&all), None, "one page holds the demo catalogue");
    let (paged, n) = walk(&app, &buyer, "/api/parts?limit=2", "number").await;
    assert_eq!(paged, everything);
    assert_eq!(n, everything.len() as i64);
    // A filter is kept in the links and counted in the total.
    let first = app.get("/api/parts?q=page-&limit=2", &buyer).await;
    assert_eq!(total(&first), 5);
    assert_eq!(
        next(&first).as_deref(),
        Some("/api/parts?q=page-&offset=2&limit=2")
    );
    let (filtered, _) = walk(&app, &buyer, "/api/parts?q=page-&limit=2", "number").await;
    assert_eq!(
        filtered,
        (0..5).map(|i| format!("PAGE-{i}")).collect::<Vec<_>>()
    );
    // Past the end: an empty page, the total, no link.
    let past = app.get("/api/parts?q=page-&offset=10", &buyer).await;
    assert_eq!(past.json, json!([]));
    assert_eq!((total(&past), next(&past)), (5, None));
    // Bad paging is a 400 naming the parameter.
    for (q, word) in [
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("offset=-1", "offset"),
    ] {
        for list in [
            "/api/parts",
            "/api/suppliers",
            "/api/rfqs",
            "/api/visit-notes",
        ] {
            let r = app.get(&format!("{list}?{q}"), &buyer).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{list}?{q}: {}", r.json);
            assert!(
                r.json["message"].as_str().unwrap().contains(word),
                "{list}?{q}: {}",
                r.json
            );
        }
    }
}

/// The ids of the whole supplier directory, in its order (at least three in the demo data).
async fn supplier_ids(app: &TestApp, s: &Session) -> Vec<String> {
    let all: Value = app.get("/api/suppliers", s).await.json;
    let ids: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.len() >= 3, "{all}");
    ids
}

async fn set_categories(app: &TestApp, s: &Session, id: &str, categories: Value) {
    let r = app
        .patch(
            &format!("/api/suppliers/{id}"),
            json!({ "categories": categories }),
            s,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
}

#[tokio::test]
async fn suppliers_rfqs_and_visit_notes_page_the_same_way() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    // Suppliers: the category filter is applied before paging (it used to look at the
    // first 500 only).
    let ids = supplier_ids(&app, &buyer).await;
    for id in &ids[1..] {
        set_categories(&app, &buyer, id, json!(["paging"])).await;
    }
    let (names, n) = walk(&app, &buyer, "/api/suppliers?category=paging&limit=1", "id").await;
    assert_eq!(n, ids.len() as i64 - 1);
    assert_eq!(names, ids[1..].to_vec());
    let (all_paged, n) = walk(&app, &buyer, "/api/suppliers?limit=2", "id").await;
    assert_eq!((all_paged, n), (ids.clone(), ids.len() as i64));
    // RFQs, for a buyer and for a supplier (only those it is invited to).
    for who in ["buyer@acme.example", "sales@northwind.example"] {
        let s = app.login(who).await;
        let whole = app.get("/api/rfqs", &s).await;
        let every: Vec<String> = whole
            .json
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(total(&whole), every.len() as i64, "{who}");
        let (paged, n) = walk(&app, &s, "/api/rfqs?limit=1", "id").await;
        assert_eq!((paged, n), (every.clone(), every.len() as i64), "{who}");
    }
    // Visit notes say their total too.
    let notes = app.get("/api/visit-notes?limit=1", &buyer).await;
    assert_eq!(notes.status, StatusCode::OK, "{}", notes.json);
    assert_eq!(
        total(&notes),
        app.get("/api/visit-notes", &buyer)
            .await
            .json
            .as_array()
            .unwrap()
            .len() as i64
    );
}

/// The supplier category filter runs in SQL on both engines (it filtered the whole
/// directory in Rust, then paged): a category matches a whole element of the stored list,
/// never a piece of one or a run across two, and LIKE's wildcards are plain text.
#[tokio::test]
async fn the_supplier_category_filter_matches_whole_categories_in_sql() {
    let app = TestApp::new().await;
    let buyer = app.login("buyer@acme.example").await;
    let ids = supplier_ids(&app, &buyer).await;
    let lists = [
        json!(["a,", ",b", "Stamping"]),
        json!(["50%_off", "stamping"]),
        json!(["stamp\"ed\\"]),
    ];
    for (id, cats) in ids.iter().zip(lists) {
        set_categories(&app, &buyer, id, cats).await;
    }
    for (query, expect) in [
        ("stamping", vec![&ids[0], &ids[1]]),
        ("%20STAMPING%20", vec![&ids[0], &ids[1]]),
        ("stamp", vec![]),
        ("%2C", vec![]),
        ("a%2C", vec![&ids[0]]),
        ("%2Cb", vec![&ids[0]]),
        ("50%25_off", vec![&ids[1]]),
        ("50%25", vec![]),
        ("_", vec![]),
        ("%25", vec![]),
        ("stamp%22ed%5C", vec![&ids[2]]),
    ] {
        let (found, n) = walk(
            &app,
            &buyer,
            &format!("/api/suppliers?category={query}&limit=1"),
            "id",
        )
        .await;
        let expect: Vec<String> = expect.into_iter().cloned().collect();
        assert_eq!(found, expect, "category={query}");
        assert_eq!(n, expect.len() as i64, "category={query}");
    }
}
