//! Sealed bids (issue 10): one sealing rule on every path that can carry a bid's prices
//! or documents. Regression tests for each leak an outside prober found, then the walk:
//! every route of the router (read from its source, `routes.rs`) and every sync op that
//! can carry a price or a document, for every role, at every moment of an RFQ's life
//! (before and after the deadline, cancelled, extended, closed early, awarded), scanning
//! the raw JSON/CSV/XLSX bytes of each answer for the seeded bids' values.
//!
//! Deadlines pass by the server's test clock (`TestApp::advance_clock`) or through the API
//! (close, extend), never by waiting.

use std::collections::{BTreeMap, BTreeSet};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::harness::{id_named, sync_op, Session, TestApp};

// ---- The world: one RFQ, three invited suppliers, three bids ---------------------------

/// Who asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Role {
    Buyer,
    Approver,
    Admin,
    Northwind,
    Kestrel,
    Orion,
    Anonymous,
}

const ROLES: [Role; 7] = [
    Role::Buyer,
    Role::Approver,
    Role::Admin,
    Role::Northwind,
    Role::Kestrel,
    Role::Orion,
    Role::Anonymous,
];

impl Role {
    fn internal(self) -> bool {
        matches!(self, Role::Buyer | Role::Approver | Role::Admin)
    }
    fn email(self) -> Option<&'static str> {
        Some(match self {
            Role::Buyer => "buyer@acme.example",
            Role::Approver => "approver@acme.example",
            Role::Admin => "admin@acme.example",
            Role::Northwind => "sales@northwind.example",
            Role::Kestrel => "quotes@kestrel.example",
            Role::Orion => "rep@orion.example",
            Role::Anonymous => return None,
        })
    }
}

struct World {
    app: TestApp,
    sessions: BTreeMap<Role, Session>,
    /// Supplier ids by role.
    sid: BTreeMap<Role, String>,
    rfq: String,
    line: String,
    part: String,
    /// The RFQ line's revision.
    revision: String,
}

impl World {
    fn s(&self, r: Role) -> &Session {
        &self.sessions[&r]
    }
}

/// What was asked of the server, and what it answered.
struct Raw {
    status: StatusCode,
    content_type: String,
    bytes: Vec<u8>,
}

impl Raw {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or(Value::Null)
    }
    /// The text to scan: the bytes, plus every cell of a workbook (XLSX is zipped).
    fn text(&self) -> String {
        let mut t = String::from_utf8_lossy(&self.bytes).into_owned();
        if self.content_type.contains("spreadsheetml") {
            let table = domain::import::read_table("export.xlsx", &self.bytes)
                .expect("the XLSX export reads back");
            for (_, row) in &table.rows {
                t.push('\n');
                t.push_str(&row.join("\t"));
            }
        }
        t
    }
}

async fn raw(
    app: &TestApp,
    method: Method,
    path: &str,
    session: Option<&Session>,
    body: Option<(Vec<u8>, &str)>,
) -> Raw {
    let mut b = Request::builder().method(method.clone()).uri(path);
    if let Some(s) = session {
        b = b.header(
            header::COOKIE,
            format!("{}={}", api::SESSION_COOKIE, s.cookie),
        );
        if method != Method::GET {
            b = b.header(api::CSRF_HEADER, &s.csrf);
        }
    }
    let mut req = match body {
        Some((bytes, ctype)) => b
            .header(header::CONTENT_TYPE, ctype)
            .body(Body::from(bytes)),
        None => b.body(Body::empty()),
    }
    .unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            [10, 0, 0, 9],
            40000,
        ))));
    let res = app.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Raw {
        status,
        content_type,
        bytes,
    }
}

/// A one-line quote: `p500` at 500, `p2000` at 2000, with a reference, notes and tooling
/// that are this bid's own marks.
fn quote(line: &str, p500: &str, p2000: &str, mark: &str) -> Value {
    json!({
        "header": {
            "currency": "USD", "valid_until": null, "incoterm": "FCA", "incoterm_place": "Chicago",
            "payment_terms": {"text": "Net 60", "net_days": 60, "discount_pct": null, "discount_days": null, "basis": "invoice_date", "deposit_pct": null, "method": null},
            "freight": {"kind": "included"},
            "reference": format!("REF-{mark}"),
            "notes": format!("note-{mark}")
        },
        "lines": [{"rfq_line_id": line, "breaks": [{"min_qty": "500", "price": p500}, {"min_qty": "2000", "price": p2000}],
                   "price_basis_qty": "1", "lead_time_days": 30,
                   "tooling": [{"description": format!("die-{mark}"), "amount": "1713.77"}]}]
    })
}

fn contains_any<'a>(text: &str, marks: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    marks
        .into_iter()
        .filter(|m| text.contains(m.as_str()))
        .cloned()
        .collect()
}

/// The world plus everything the walk keeps: the marks of each bid, what was asked and
/// what leaked.
struct Walk {
    w: World,
    /// Each bid's marks, by supplier id: prices of every version, reference, notes,
    /// tooling description, document names, contents and hashes.
    marks: BTreeMap<String, Vec<String>>,
    /// The prices each role sends in its own sync ops (its own; nobody else's business).
    mine: BTreeMap<Role, String>,
    /// Live quote documents: (file id, supplier id).
    docs: Vec<(String, String)>,
    deleted_doc: String,
    /// Whether the buyer's side may see the bids now (the expectation, by hand).
    internal_sees: bool,
    moment: String,
    /// (method, route) → role → moments it was asked at.
    coverage: BTreeMap<(String, String), BTreeMap<Role, BTreeSet<String>>>,
    requests: usize,
    leaks: Vec<String>,
    errors: Vec<String>,
    /// Marks found this moment, by (route, role).
    found: BTreeMap<(String, Role), BTreeSet<String>>,
}

async fn logged_in() -> World {
    let app = TestApp::new().await;
    let mut sessions = BTreeMap::new();
    for r in ROLES {
        if let Some(e) = r.email() {
            sessions.insert(r, app.login(e).await);
        }
    }
    let buyer = &sessions[&Role::Buyer];
    let sups = app.get("/api/suppliers", buyer).await.json;
    let sid: BTreeMap<Role, String> = [
        (Role::Northwind, "Northwind Metal Works"),
        (Role::Kestrel, "Kestrel Plastics"),
        (Role::Orion, "Orion Stamping"),
    ]
    .into_iter()
    .map(|(r, n)| (r, id_named(&sups, n)))
    .collect();
    let parts = app.get("/api/parts", buyer).await.json;
    let part = parts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == "HSG-1040")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let detail = app.get(&format!("/api/parts/{part}"), buyer).await;
    let revision = detail.json["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["label"] == "C")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    World {
        app,
        revision,
        sessions,
        sid,
        rfq: String::new(),
        line: String::new(),
        part,
    }
}

impl Walk {
    /// An opened RFQ on HSG-1040 (breaks 500 / 2000) with Northwind, Kestrel and Orion
    /// invited, and their bids ([`Walk::bid`]).
    async fn new(sealed: bool) -> Walk {
        let w = logged_in().await;
        let mut walk = Walk {
            w,
            marks: BTreeMap::new(),
            mine: [
                (Role::Buyer, "3.3331"),
                (Role::Approver, "3.3441"),
                (Role::Admin, "3.3551"),
                (Role::Northwind, "2.2221"),
                (Role::Kestrel, "2.2331"),
                (Role::Orion, "2.2441"),
                (Role::Anonymous, "3.3661"),
            ]
            .into_iter()
            .map(|(r, p)| (r, p.to_string()))
            .collect(),
            docs: Vec::new(),
            deleted_doc: String::new(),
            internal_sees: !sealed,
            moment: "setting up".into(),
            coverage: BTreeMap::new(),
            requests: 0,
            leaks: Vec::new(),
            errors: Vec::new(),
            found: BTreeMap::new(),
        };
        let sids: Vec<String> = walk.w.sid.values().cloned().collect();
        let r = walk
            .json(
                Role::Buyer,
                Method::POST,
                "/api/rfqs",
                "/api/rfqs",
                json!({
                    "title": "Housings, sealing walk",
                    "currency": "USD",
                    "incoterm": "FCA Chicago",
                    "payment_terms": "Net 60",
                    "deadline": later(&walk.w, 2),
                    "sealed": sealed,
                    "lines": [{"part_id": walk.w.part, "quantities": ["500", "2000"]}],
                    "supplier_ids": sids
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json());
        walk.w.rfq = r.json()["id"].as_str().unwrap().to_string();
        walk.w.line = r.json()["lines"][0]["id"].as_str().unwrap().to_string();
        let open = walk.rfq_post(Role::Buyer, "open", Value::Null).await;
        assert_eq!(open.status, StatusCode::OK, "{}", open.json());
        walk.bid().await;
        walk
    }

    /// Asks the server, records the route and scans the answer against what `who` may see
    /// now.
    async fn call(
        &mut self,
        who: Role,
        method: Method,
        route: &str,
        path: &str,
        body: Option<(Vec<u8>, &str)>,
    ) -> Raw {
        let r = raw(
            &self.w.app,
            method.clone(),
            path,
            self.w.sessions.get(&who),
            body,
        )
        .await;
        self.requests += 1;
        self.coverage
            .entry((method.to_string(), route.to_string()))
            .or_default()
            .entry(who)
            .or_default()
            .insert(self.moment.clone());
        let text = r.text();
        let at = format!("[{}] {who:?} {method} {path} → {}", self.moment, r.status);
        if r.status.is_server_error() {
            self.errors.push(format!("{at}: {text}"));
        }
        let mut forbidden: Vec<&String> = Vec::new();
        for (sid, marks) in &self.marks {
            let allowed = if who.internal() {
                self.internal_sees
            } else {
                self.w.sid.get(&who) == Some(sid)
            };
            let found = contains_any(&text, marks.iter());
            if allowed {
                self.found
                    .entry((route.to_string(), who))
                    .or_default()
                    .extend(found);
            } else {
                forbidden.extend(marks.iter());
            }
        }
        forbidden.extend(self.mine.iter().filter(|(r, _)| **r != who).map(|(_, p)| p));
        let leaked = contains_any(&text, forbidden);
        if !leaked.is_empty() {
            self.leaks.push(format!(
                "{at} carries {leaked:?}: {}",
                text.chars().take(400).collect::<String>()
            ));
        }
        r
    }

    async fn json(
        &mut self,
        who: Role,
        method: Method,
        route: &str,
        path: &str,
        body: Value,
    ) -> Raw {
        let bytes = body.to_string().into_bytes();
        self.call(who, method, route, path, Some((bytes, "application/json")))
            .await
    }

    /// `POST /api/rfqs/{id}/{action}` as `who`.
    async fn rfq_post(&mut self, who: Role, action: &str, body: Value) -> Raw {
        let path = format!("/api/rfqs/{}/{action}", self.w.rfq);
        self.json(
            who,
            Method::POST,
            &format!("/api/rfqs/{{id}}/{action}"),
            &path,
            body,
        )
        .await
    }

    async fn put_quote(&mut self, who: Role, q: Value) -> Raw {
        let path = format!("/api/rfqs/{}/quote", self.w.rfq);
        self.json(who, Method::PUT, "/api/rfqs/{id}/quote", &path, q)
            .await
    }

    async fn sync(&mut self, who: Role, ops: &[Value]) -> Raw {
        self.json(
            who,
            Method::POST,
            "/api/sync",
            "/api/sync",
            json!({ "ops": ops }),
        )
        .await
    }

    fn mark(&mut self, who: Role, marks: &[&str]) {
        let sid = self.w.sid[&who].clone();
        self.marks
            .entry(sid)
            .or_default()
            .extend(marks.iter().map(|m| m.to_string()));
    }

    /// The bids. Northwind: v1, then v2 with a document (and a draft document it
    /// deleted). Kestrel: v1, withdrawn, v2 with a document. Orion: one quote a buyer
    /// entered on its behalf at a visit. Every answer to the bidder is scanned (its own).
    async fn bid(&mut self) {
        let line = self.w.line.clone();
        // Marks first: from here on every answer is scanned for them.
        self.mark(
            Role::Northwind,
            &[
                "9.1317",
                "8.9119",
                "REF-NW1-4471",
                "note-NW1-4471",
                "7.3117",
                "6.9119",
                "REF-NW2-4471",
                "note-NW2-4471",
                "die-NW2-4471",
            ],
        );
        self.mark(
            Role::Kestrel,
            &[
                "8.4127",
                "8.1129",
                "REF-KE1-5582",
                "note-KE1-5582",
                "8.2127",
                "7.9129",
                "REF-KE2-5582",
            ],
        );
        self.mark(
            Role::Orion,
            &[
                "5.2231",
                "5.1233",
                "REF-OR-6693",
                "note-OR-6693",
                "die-OR-6693",
            ],
        );
        for (who, a, b, m) in [
            (Role::Northwind, "9.1317", "8.9119", "NW1-4471"),
            (Role::Northwind, "7.3117", "6.9119", "NW2-4471"),
            (Role::Kestrel, "8.4127", "8.1129", "KE1-5582"),
        ] {
            let r = self.put_quote(who, quote(&line, a, b, m)).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.json());
        }
        let path = format!("/api/rfqs/{}/quote/withdraw", self.w.rfq);
        let wd = self
            .json(
                Role::Kestrel,
                Method::POST,
                "/api/rfqs/{id}/quote/withdraw",
                &path,
                Value::Null,
            )
            .await;
        assert_eq!(wd.status, StatusCode::OK);
        let r = self
            .put_quote(Role::Kestrel, quote(&line, "8.2127", "7.9129", "KE2-5582"))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.json());
        for (who, name, content) in [
            (
                Role::Northwind,
                "northwind-offer-4471.pdf",
                "%PDF NW-DOC-4471 our price 7.3117",
            ),
            (
                Role::Northwind,
                "northwind-draft-4471.csv",
                "draft NW-DRAFT-4471",
            ),
            (Role::Kestrel, "kestrel-offer-5582.pdf", "%PDF KE-DOC-5582"),
        ] {
            let path = format!(
                "/api/files?owner_kind=quote&owner_id={}&name={name}",
                self.w.rfq
            );
            self.mark(who, &[name, content.split(' ').nth(1).unwrap()]);
            let r = self
                .call(
                    who,
                    Method::POST,
                    "/api/files",
                    &path,
                    Some((content.as_bytes().to_vec(), "application/pdf")),
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.json());
            let f = r.json();
            let id = f["id"].as_str().unwrap().to_string();
            self.mark(who, &[f["sha256"].as_str().unwrap()]);
            if name.contains("draft") {
                let d = self
                    .call(
                        who,
                        Method::DELETE,
                        "/api/files/{id}",
                        &format!("/api/files/{id}"),
                        None,
                    )
                    .await;
                assert_eq!(d.status, StatusCode::NO_CONTENT);
                self.deleted_doc = id;
            } else {
                self.docs.push((id, self.w.sid[&who].clone()));
            }
        }
        let or = self.w.sid[&Role::Orion].clone();
        let rfq = self.w.rfq.clone();
        let entered = self
            .sync(
                Role::Buyer,
                &[sync_op(
                    "quote.enter_for_supplier",
                    json!({"rfq_id": rfq, "supplier_id": or, "base_version": null, "quote": quote(&line, "5.2231", "5.1233", "OR-6693")}),
                )],
            )
            .await;
        assert_eq!(
            entered.json()["results"][0]["status"],
            "applied",
            "{}",
            entered.json()
        );
    }
}

/// `hours` from now by the server's clock, RFC 3339 (sessions last 12 hours of it).
fn later(w: &World, hours: i64) -> String {
    chrono::DateTime::from_timestamp_millis(w.app.clock.now_ms() + hours * 3_600_000)
        .unwrap()
        .to_rfc3339()
}

/// Lets time pass until just after the deadline: the server's test clock moves forward.
async fn pass_deadline(w: &World) {
    let deadline: i64 = sqlx::Row::get(
        &sqlx::query("SELECT deadline FROM rfqs WHERE id = $1")
            .bind(&w.rfq)
            .fetch_one(&w.app.db.pool)
            .await
            .unwrap(),
        "deadline",
    );
    let ahead = deadline - w.app.clock.now_ms() + 1000;
    if ahead > 0 {
        w.app.advance_clock(ahead);
    }
}

/// The raw JSON of a plain call (for the regression tests' own checks).
async fn json_call(w: &World, method: Method, path: &str, who: Role, body: Value) -> Raw {
    raw(
        &w.app,
        method,
        path,
        w.sessions.get(&who),
        Some((body.to_string().into_bytes(), "application/json")),
    )
    .await
}

async fn sync(w: &World, who: Role, ops: &[Value]) -> Raw {
    json_call(w, Method::POST, "/api/sync", who, json!({ "ops": ops })).await
}

// ---- Regression tests, one per leak ---------------------------------------------------

/// Issue 10, leak 1: a buyer's `quote.enter_for_supplier` for a supplier that already
/// quoted answered a conflict holding the supplier's full prices, stored them in
/// `sync_ops`, and a replay returned them again.
#[tokio::test]
async fn issue10_sync_never_answers_or_stores_a_sealed_bid() {
    let walk = Walk::new(true).await;
    let w = &walk.w;
    let nw = w.sid[&Role::Northwind].clone();
    let or = w.sid[&Role::Orion].clone();
    let all: Vec<&String> = walk.marks.values().flatten().collect();
    for who in [Role::Buyer, Role::Admin] {
        let ops = vec![
            // The prober's op: Northwind quoted itself; any base version.
            sync_op(
                "quote.enter_for_supplier",
                json!({"rfq_id": w.rfq, "supplier_id": nw, "base_version": null, "quote": quote(&w.line, "3.3331", "3.3332", "BUY-1")}),
            ),
            sync_op(
                "quote.enter_for_supplier",
                json!({"rfq_id": w.rfq, "supplier_id": nw, "base_version": 2, "quote": quote(&w.line, "3.3331", "3.3332", "BUY-1")}),
            ),
            // Orion's current bid is one a buyer entered: a stale base is a conflict,
            // shown without the sealed prices.
            sync_op(
                "quote.enter_for_supplier",
                json!({"rfq_id": w.rfq, "supplier_id": or, "base_version": 0, "quote": quote(&w.line, "3.3331", "3.3332", "BUY-1")}),
            ),
        ];
        let first = sync(w, who, &ops).await;
        let again = sync(w, who, &ops).await;
        for (r, replay) in [(&first, false), (&again, true)] {
            let text = r.text();
            assert_eq!(
                contains_any(&text, all.iter().copied()),
                Vec::<String>::new(),
                "{text}"
            );
            let res = r.json()["results"].clone();
            let outcome = |i: usize| {
                if replay {
                    res[i]["detail"].clone()
                } else {
                    res[i].clone()
                }
            };
            if replay {
                assert!(
                    res.as_array()
                        .unwrap()
                        .iter()
                        .all(|x| x["status"] == "duplicate"),
                    "{res}"
                );
            }
            assert_eq!(outcome(0)["code"], "supplier_quoted", "{res}");
            assert_eq!(outcome(1)["code"], "supplier_quoted", "{res}");
            assert_eq!(outcome(2)["status"], "conflict", "{res}");
            assert!(outcome(2)["detail"]["server"]["quote"].is_null(), "{res}");
            assert_eq!(outcome(2)["detail"]["server"]["receipt"]["version"], 1);
            assert_eq!(
                outcome(2)["detail"]["mine"]["lines"][0]["breaks"][0]["price"],
                "3.3331",
                "the buyer's own version comes back"
            );
        }
    }
    let stored: Vec<String> = sqlx::query("SELECT result FROM sync_ops")
        .fetch_all(&w.app.db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| sqlx::Row::get::<String, _>(r, "result"))
        .collect();
    let stored = stored.join("\n");
    assert_eq!(
        contains_any(&stored, all.iter().copied()),
        Vec::<String>::new(),
        "{stored}"
    );
    assert!(
        !stored.contains("3.3331"),
        "not even the sender's own prices: {stored}"
    );
    // Nothing was replaced: Northwind's own v2 is still current.
    let mine = w
        .app
        .get(&format!("/api/rfqs/{}/quote", w.rfq), w.s(Role::Northwind))
        .await
        .json;
    assert_eq!(mine["versions"].as_array().unwrap().len(), 2);
    assert_eq!(mine["versions"][0]["entered_by_buyer"], false);
    // A supplier's own conflict shows its own version in full, and a replay too.
    let own = vec![sync_op(
        "quote.submit",
        json!({"rfq_id": w.rfq, "base_version": 1, "quote": quote(&w.line, "2.2221", "2.2222", "NW-OFF")}),
    )];
    for r in [
        sync(w, Role::Northwind, &own).await,
        sync(w, Role::Northwind, &own).await,
    ] {
        let j = r.json();
        let c = if j["results"][0]["status"] == "duplicate" {
            j["results"][0]["detail"].clone()
        } else {
            j["results"][0].clone()
        };
        assert_eq!(c["status"], "conflict", "{j}");
        assert_eq!(
            c["detail"]["server"]["quote"]["lines"][0]["breaks"][0]["price"],
            "7.3117"
        );
        assert_eq!(
            c["detail"]["mine"]["lines"][0]["breaks"][0]["price"],
            "2.2221"
        );
    }
}

/// Issue 10, leak 4: `quote.enter_for_supplier` with the supplier's current version
/// silently replaced the supplier's own bid. Now it is refused (409 `supplier_quoted`),
/// and every quote entered on a supplier's behalf is told to the supplier.
#[tokio::test]
async fn issue10_a_buyer_never_replaces_a_suppliers_own_bid_and_the_supplier_is_told() {
    let walk = Walk::new(true).await;
    let w = &walk.w;
    let nw = w.sid[&Role::Northwind].clone();
    let or = w.sid[&Role::Orion].clone();
    let enter = |sid: &str, base: Value| {
        sync_op(
            "quote.enter_for_supplier",
            json!({"rfq_id": w.rfq, "supplier_id": sid, "base_version": base, "quote": quote(&w.line, "1.1111", "1.1112", "BUY")}),
        )
    };
    let over = sync(w, Role::Buyer, &[enter(&nw, json!(2))]).await;
    let res = &over.json()["results"][0];
    assert_eq!(
        (res["status"].as_str(), res["code"].as_str()),
        (Some("rejected"), Some("supplier_quoted")),
        "{res}"
    );
    assert!(
        res["message"]
            .as_str()
            .unwrap()
            .contains("submitted its own quote"),
        "{res}"
    );
    let versions = w
        .app
        .get(&format!("/api/rfqs/{}/quote", w.rfq), w.s(Role::Northwind))
        .await
        .json;
    assert_eq!(
        versions["versions"].as_array().unwrap().len(),
        2,
        "nothing replaced"
    );
    // Once Northwind withdrew, a quote from a visit may stand in for it.
    json_call(
        w,
        Method::POST,
        &format!("/api/rfqs/{}/quote/withdraw", w.rfq),
        Role::Northwind,
        Value::Null,
    )
    .await;
    let after = sync(w, Role::Buyer, &[enter(&nw, json!(2))]).await;
    assert_eq!(
        after.json()["results"][0]["status"],
        "applied",
        "{}",
        after.json()
    );
    // Orion's current bid is one a buyer entered (at setup): a newer entry replaces it.
    let again = sync(w, Role::Buyer, &[enter(&or, json!(1))]).await;
    assert_eq!(
        again.json()["results"][0]["status"],
        "applied",
        "{}",
        again.json()
    );
    // Each supplier is told, by a message of its own.
    let rows =
        sqlx::query("SELECT supplier_id, body FROM messages WHERE kind = 'quote.entered_for_you'")
            .fetch_all(&w.app.db.pool)
            .await
            .unwrap();
    let mut told: Vec<String> = rows
        .iter()
        .map(|r| sqlx::Row::get::<String, _>(r, "supplier_id"))
        .collect();
    told.sort();
    let mut want = vec![nw.clone(), or.clone(), or.clone()];
    want.sort();
    assert_eq!(told, want);
    let to_nw = rows
        .iter()
        .find(|r| sqlx::Row::get::<String, _>(*r, "supplier_id") == nw)
        .map(|r| sqlx::Row::get::<String, _>(r, "body"))
        .unwrap();
    assert!(
        to_nw.contains("Bea Buyer")
            && to_nw.contains("on your behalf")
            && to_nw.contains("version 3"),
        "{to_nw}"
    );
    // … and sees it: the version marked as entered by the buyer, in its changes feed.
    let orion = w
        .app
        .get(&format!("/api/rfqs/{}/quote", w.rfq), w.s(Role::Orion))
        .await
        .json;
    assert_eq!(orion["versions"][0]["entered_by_buyer"], true);
    assert_eq!(
        orion["versions"][0]["quote"]["lines"][0]["breaks"][0]["price"],
        "1.1111"
    );
    let feed = w
        .app
        .get("/api/changes?since=0", w.s(Role::Northwind))
        .await
        .json
        .to_string();
    assert!(feed.contains("quote.enter_for_supplier"), "{feed}");
}

/// Issue 10, leak 2: cancelling a sealed RFQ before its deadline opened its prices.
#[tokio::test]
async fn issue10_cancelling_a_sealed_rfq_before_its_deadline_never_unseals_it() {
    let walk = Walk::new(true).await;
    let w = &walk.w;
    let all: Vec<&String> = walk.marks.values().flatten().collect();
    let c = json_call(
        w,
        Method::POST,
        &format!("/api/rfqs/{}/cancel", w.rfq),
        Role::Buyer,
        json!({"reason": "Project stopped"}),
    )
    .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.json());
    for moment in ["cancelled", "cancelled, deadline since passed"] {
        let quotes = w
            .app
            .get(&format!("/api/rfqs/{}/quotes", w.rfq), w.s(Role::Buyer))
            .await;
        assert_eq!(quotes.json["prices_visible"], false, "{moment}");
        assert!(
            quotes.json["sealed_message"]
                .as_str()
                .unwrap()
                .contains("cancelled before its deadline"),
            "{moment}"
        );
        for path in ["comparison", "comparison.csv", "comparison.xlsx"] {
            let r = w
                .app
                .get(&format!("/api/rfqs/{}/{path}", w.rfq), w.s(Role::Buyer))
                .await;
            assert_eq!(
                (r.status, r.code()),
                (StatusCode::CONFLICT, "sealed"),
                "{moment} {path}"
            );
        }
        let (doc, _) = &walk.docs[0];
        let f = w
            .app
            .get(&format!("/api/files/{doc}"), w.s(Role::Buyer))
            .await;
        assert_eq!(f.code(), "sealed", "{moment}");
        let text = quotes.json.to_string();
        assert_eq!(
            contains_any(&text, all.iter().copied()),
            Vec::<String>::new(),
            "{moment}"
        );
        pass_deadline(w).await;
    }
    // Cancelling after bidding ended is different: the bids were open already.
    let walk = Walk::new(true).await;
    let w = &walk.w;
    pass_deadline(w).await;
    json_call(
        w,
        Method::POST,
        &format!("/api/rfqs/{}/cancel", w.rfq),
        Role::Buyer,
        json!({"reason": "Budget cut"}),
    )
    .await;
    let q = w
        .app
        .get(&format!("/api/rfqs/{}/quotes", w.rfq), w.s(Role::Buyer))
        .await;
    assert_eq!(q.json["prices_visible"], true, "{}", q.json);
}

/// Issue 10, leak 3: close (everyone responded) → comparison → extend reopened bidding
/// after the buyer saw every bid. Extending after the bids were opened is refused.
#[tokio::test]
async fn issue10_no_extension_once_the_bids_were_opened() {
    let walk = Walk::new(true).await;
    let w = &walk.w;
    let path = |p: &str| format!("/api/rfqs/{}/{p}", w.rfq);
    let detail = format!("/api/rfqs/{}", w.rfq);
    let close = json_call(
        w,
        Method::POST,
        &path("close"),
        Role::Buyer,
        json!({"reason": ""}),
    )
    .await;
    assert_eq!(
        close.status,
        StatusCode::OK,
        "everyone responded: {}",
        close.json()
    );
    assert!(close.json()["bids_opened_at"].is_null());
    // Closed but not yet looked at: an extension is still possible, and seals again.
    let ext = json_call(
        w,
        Method::POST,
        &path("extend"),
        Role::Buyer,
        json!({"deadline": later(w, 2), "reason": "Orion asks for a day"}),
    )
    .await;
    assert_eq!(ext.status, StatusCode::OK, "{}", ext.json());
    assert_eq!(
        w.app
            .get(&path("comparison"), w.s(Role::Buyer))
            .await
            .code(),
        "sealed"
    );
    json_call(
        w,
        Method::POST,
        &path("close"),
        Role::Buyer,
        json!({"reason": ""}),
    )
    .await;
    // The responses without prices (what the RFQ page asks for) open nothing …
    let statuses = w
        .app
        .get(
            &format!("{}?prices=false", path("quotes")),
            w.s(Role::Buyer),
        )
        .await
        .json;
    assert_eq!(statuses["prices_visible"], true);
    assert!(
        statuses["responses"][0]["current"]["quote"].is_null(),
        "{statuses}"
    );
    assert!(w.app.get(&detail, w.s(Role::Buyer)).await.json["bids_opened_at"].is_null());
    // … the comparison does.
    let cmp = w.app.get(&path("comparison"), w.s(Role::Buyer)).await;
    assert_eq!(cmp.status, StatusCode::OK, "{}", cmp.json);
    let d = w.app.get(&detail, w.s(Role::Buyer)).await.json;
    assert!(d["bids_opened_at"].is_string(), "{d}");
    assert!(
        w.app
            .get(&detail, w.s(Role::Kestrel))
            .await
            .json
            .get("bids_opened_at")
            .is_none(),
        "buyers only"
    );
    let refused = json_call(
        w,
        Method::POST,
        &path("extend"),
        Role::Buyer,
        json!({"deadline": later(w, 2), "reason": "Kestrel wants to revise"}),
    )
    .await;
    let j = refused.json();
    assert_eq!(
        (refused.status, j["code"].as_str()),
        (StatusCode::CONFLICT, Some("lifecycle")),
        "{j}"
    );
    assert!(
        j["message"].as_str().unwrap().contains("bids were opened"),
        "{j}"
    );
    let late = json_call(
        w,
        Method::PUT,
        &path("quote"),
        Role::Kestrel,
        quote(&w.line, "1.0001", "1.0002", "LATE"),
    )
    .await;
    assert_eq!(late.json()["code"], "deadline_passed");
    let audit = w
        .app
        .get("/api/audit?limit=20", w.s(Role::Buyer))
        .await
        .json
        .to_string();
    assert!(audit.contains("rfq.quotes_opened"), "{audit}");
}

/// Issue 10, leak 5: before the deadline the audit trail showed the names, sizes and
/// hashes of quote documents.
#[tokio::test]
async fn issue10_the_audit_trail_keeps_quote_documents_sealed() {
    let walk = Walk::new(true).await;
    let w = &walk.w;
    let docs: Vec<&String> = walk
        .marks
        .values()
        .flatten()
        .filter(|m| m.ends_with(".pdf") || m.ends_with(".csv") || m.len() == 64)
        .collect();
    assert_eq!(docs.len(), 6, "3 names, 3 hashes: {docs:?}");
    for who in [Role::Buyer, Role::Approver, Role::Admin] {
        let a = w.app.get("/api/audit?limit=200", w.s(who)).await.json;
        let text = a.to_string();
        assert_eq!(
            contains_any(&text, docs.iter().copied()),
            Vec::<String>::new(),
            "{who:?}"
        );
        let files: Vec<&Value> = a
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "file.upload" || e["action"] == "file.delete")
            .collect();
        assert_eq!(files.len(), 4, "3 uploads, 1 delete");
        for e in files {
            assert_eq!(e["summary"]["sealed"], true, "{e}");
            assert!(
                e["summary"]["size"].is_null() && e["summary"]["name"].is_null(),
                "{e}"
            );
            assert!(e["summary"]["supplier_id"].is_string(), "whose, still: {e}");
        }
    }
    pass_deadline(w).await;
    // After the deadline the trail still opens nothing: until the bids were opened it
    // keeps their documents closed (else the deadline could be extended after the buyer
    // learned about them) …
    let text = w
        .app
        .get("/api/audit?limit=200", w.s(Role::Buyer))
        .await
        .json
        .to_string();
    assert_eq!(
        contains_any(&text, docs.iter().copied()),
        Vec::<String>::new(),
        "before the opening: {text}"
    );
    // … and shows them once the comparison opened the bids.
    let cmp = w
        .app
        .get(&format!("/api/rfqs/{}/comparison", w.rfq), w.s(Role::Buyer))
        .await;
    assert_eq!(cmp.status, StatusCode::OK, "{}", cmp.json);
    let text = w
        .app
        .get("/api/audit?limit=200", w.s(Role::Buyer))
        .await
        .json
        .to_string();
    assert_eq!(
        contains_any(&text, docs.iter().copied()).len(),
        6,
        "open after the opening: {text}"
    );
    assert_eq!(
        w.app.get("/api/audit/verify", w.s(Role::Buyer)).await.json["ok"],
        true
    );
}

// ---- The walk -------------------------------------------------------------------------

/// How the walk treats a route of the router.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A read: asked for every role at every moment, every answer scanned.
    Read,
    /// `POST /api/sync`: the ops that can carry a bid, for every role at every moment; the
    /// answers, their replays and the stored outcomes scanned.
    SyncOps,
    /// Changes the RFQ or a bid: driven by the scenarios, each answer scanned.
    Scenario,
    /// Cannot carry a bid's prices or documents, and why.
    NoBid(&'static str),
}

const MASTER: &str =
    "master data; a part's awarded last price is read (and walked) at GET /api/parts/{id}";
const DETAIL: &str = "answers the RFQ as GET /api/rfqs/{id} does (walked there)";

/// Every route that is not a read (reads are all [`Class::Read`]). A route of the router
/// missing here fails [`issue10_every_route_is_classified_for_the_sealing_walk`].
const WRITES: &[(&str, &str, Class)] = &[
    ("POST", "/api/sync", Class::SyncOps),
    ("POST", "/api/rfqs", Class::Scenario),
    ("POST", "/api/rfqs/{id}/open", Class::Scenario),
    ("POST", "/api/rfqs/{id}/extend", Class::Scenario),
    ("POST", "/api/rfqs/{id}/cancel", Class::Scenario),
    ("POST", "/api/rfqs/{id}/close", Class::Scenario),
    ("POST", "/api/rfqs/{id}/award", Class::Scenario),
    ("PUT", "/api/rfqs/{id}/quote", Class::Scenario),
    ("POST", "/api/rfqs/{id}/quote/withdraw", Class::Scenario),
    ("POST", "/api/files", Class::Scenario),
    ("DELETE", "/api/files/{id}", Class::Scenario),
    ("POST", "/api/rfqs/{id}/suppliers", Class::NoBid(DETAIL)),
    ("PUT", "/api/rfqs/{id}/lines", Class::NoBid(DETAIL)),
    (
        "POST",
        "/api/rfqs/from-bom",
        Class::NoBid("makes a draft RFQ, which has no bids"),
    ),
    (
        "POST",
        "/api/rfqs/requote",
        Class::NoBid("makes a draft RFQ, which has no bids"),
    ),
    (
        "POST",
        "/api/rfqs/{id}/clarifications",
        Class::NoBid("question text"),
    ),
    (
        "POST",
        "/api/rfqs/{id}/clarifications/{cid}/answer",
        Class::NoBid("answer text"),
    ),
    ("POST", "/api/auth/login", Class::NoBid("sessions")),
    ("POST", "/api/auth/logout", Class::NoBid("sessions")),
    ("POST", "/api/parts", Class::NoBid(MASTER)),
    ("PATCH", "/api/parts/{id}", Class::NoBid(MASTER)),
    ("POST", "/api/parts/import", Class::NoBid(MASTER)),
    ("POST", "/api/parts/{id}/revisions", Class::NoBid(MASTER)),
    (
        "POST",
        "/api/parts/{id}/revisions/{rid}/release",
        Class::NoBid(MASTER),
    ),
    (
        "PATCH",
        "/api/parts/{id}/revisions/{rid}",
        Class::NoBid(MASTER),
    ),
    ("PUT", "/api/revisions/{rid}/bom", Class::NoBid(MASTER)),
    (
        "POST",
        "/api/suppliers",
        Class::NoBid("supplier master data"),
    ),
    (
        "PATCH",
        "/api/suppliers/{id}",
        Class::NoBid("supplier master data"),
    ),
    (
        "POST",
        "/api/suppliers/import",
        Class::NoBid("supplier master data"),
    ),
    (
        "POST",
        "/api/suppliers/{id}/contacts",
        Class::NoBid("supplier master data"),
    ),
    (
        "PATCH",
        "/api/suppliers/{id}/contacts/{cid}",
        Class::NoBid("supplier master data"),
    ),
    (
        "DELETE",
        "/api/suppliers/{id}/contacts/{cid}",
        Class::NoBid("supplier master data"),
    ),
    (
        "POST",
        "/api/suppliers/{id}/certifications",
        Class::NoBid("supplier master data"),
    ),
    (
        "DELETE",
        "/api/suppliers/{id}/certifications/{cid}",
        Class::NoBid("supplier master data"),
    ),
    ("POST", "/api/invitations", Class::NoBid("invitation links")),
    (
        "POST",
        "/api/invitations/{token}/accept",
        Class::NoBid("a new account"),
    ),
    (
        "PUT",
        "/api/rfqs/{id}/estimates/{supplier_id}",
        Class::NoBid("the buyer's own freight and duty estimate, answered back as sent"),
    ),
    (
        "DELETE",
        "/api/rfqs/{id}/estimates/{supplier_id}",
        Class::NoBid("removes the buyer's estimate; answers nothing"),
    ),
    ("PUT", "/api/fx", Class::NoBid("exchange rates")),
    ("POST", "/api/fx/import", Class::NoBid("exchange rates")),
    (
        "PUT",
        "/api/mapping-memory",
        Class::NoBid("a supplier's own column mappings"),
    ),
    (
        "POST",
        "/api/users/{id}/unlock",
        Class::NoBid("lifts an account's sign-in lock; answers the account's e-mail"),
    ),
    ("POST", "/api/tokens", Class::NoBid("API tokens")),
    ("DELETE", "/api/tokens/{id}", Class::NoBid("API tokens")),
    (
        "POST",
        "/api/test/clock",
        Class::NoBid("test mode only: moves the clock"),
    ),
];

fn classify(method: &str, path: &str) -> Option<Class> {
    if method == "GET" {
        return Some(Class::Read);
    }
    WRITES
        .iter()
        .find(|(m, p, _)| *m == method && *p == path)
        .map(|(_, _, c)| *c)
}

/// The router's routes: its route table, read from the source and checked against the
/// live router by `routes.rs` (issue 13).
fn router_routes() -> BTreeSet<(String, String)> {
    crate::routes::route_table().0
}

/// Issue 10: every route the router has is classified for the sealing walk (reads are
/// walked; every other route is named with what the walk does with it, or why it cannot
/// carry a bid's prices or documents), and the table names no route the router lacks.
#[test]
fn issue10_every_route_is_classified_for_the_sealing_walk() {
    let routes = router_routes();
    assert!(routes.len() >= 60, "the route table holds only {routes:?}");
    let unclassified: Vec<_> = routes
        .iter()
        .filter(|(m, p)| classify(m, p).is_none())
        .collect();
    assert!(
        unclassified.is_empty(),
        "routes the sealing walk does not classify (add them to WRITES in sealing.rs, \
         saying whether they can carry a bid's prices or documents): {unclassified:?}"
    );
    let stale: Vec<_> = WRITES
        .iter()
        .filter(|(m, p, _)| !routes.contains(&(m.to_string(), p.to_string())))
        .collect();
    assert!(
        stale.is_empty(),
        "classified routes the router lacks: {stale:?}"
    );
}

impl Walk {
    /// The concrete requests of a read route: its `{param}`s filled with the world's
    /// objects (every combination) and the queries it needs.
    fn urls(&self, route: &str) -> Vec<String> {
        let w = &self.w;
        let sids: Vec<String> = w.sid.values().cloned().collect();
        let mut files: Vec<String> = self.docs.iter().map(|(f, _)| f.clone()).collect();
        files.push(self.deleted_doc.clone());
        let mut paths = vec![String::new()];
        let mut rest = route;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').unwrap() + open;
            let name = &rest[open + 1..close];
            let before = &rest[..open];
            for p in &mut paths {
                p.push_str(before);
            }
            let so_far = paths[0].clone();
            let values: Vec<String> = match (so_far.as_str(), name) {
                ("/api/rfqs/", "id") => vec![w.rfq.clone()],
                (_, "supplier_id") => sids.clone(),
                ("/api/suppliers/", "id") => sids.clone(),
                ("/api/parts/", "id") => vec![w.part.clone()],
                ("/api/revisions/", "rid") => vec![w.revision.clone()],
                ("/api/files/", "id") => files.clone(),
                ("/api/invitations/", "token") => vec!["no-such-token".into()],
                ("/api/visit-notes/", "id") => vec!["no-such-note".into()],
                (_, "photo_id") => vec!["no-such-photo".into()],
                _ => panic!(
                    "the sealing walk has no value for {{{name}}} in GET {route}: add one in Walk::urls"
                ),
            };
            paths = paths
                .iter()
                .flat_map(|p| values.iter().map(move |v| format!("{p}{v}")))
                .collect();
            rest = &rest[close + 1..];
        }
        for p in &mut paths {
            p.push_str(rest);
        }
        let queries: Vec<String> = match route {
            "/api/files" => vec![
                format!("?owner_kind=quote&owner_id={}", w.rfq),
                format!("?owner_kind=rfq_line&owner_id={}", w.line),
                format!("?owner_kind=revision&owner_id={}", w.revision),
            ],
            "/api/changes" => vec!["?since=0".into()],
            "/api/audit" => vec!["?limit=1000".into()],
            "/api/rfqs/{id}/quotes" => vec![String::new(), "?prices=false".into()],
            "/api/fx" => vec!["?base=USD".into()],
            "/api/visit-notes" => vec![String::new(), format!("?supplier_id={}", sids[0])],
            _ => vec![String::new()],
        };
        paths
            .iter()
            .flat_map(|p| queries.iter().map(move |q| format!("{p}{q}")))
            .collect()
    }

    /// The sync ops each role sends: the prober's (a buyer entering a quote over a
    /// supplier's own bid, at its current version or none), a buyer's stale entry over a
    /// buyer-entered bid (a conflict), a supplier's stale resubmit (a conflict with its own
    /// bid), entries by those who may not. None may apply: every one conflicts or is
    /// refused.
    fn ops(&self, who: Role) -> Vec<Value> {
        let w = &self.w;
        let mine = &self.mine[&who];
        let q = quote(&w.line, mine, "1.0001", &format!("MINE-{who:?}"));
        let enter = |sid: &str, base: Value| {
            sync_op(
                "quote.enter_for_supplier",
                json!({"rfq_id": w.rfq, "supplier_id": sid, "base_version": base, "quote": q}),
            )
        };
        let (nw, ke, or) = (
            &w.sid[&Role::Northwind],
            &w.sid[&Role::Kestrel],
            &w.sid[&Role::Orion],
        );
        match who {
            Role::Buyer | Role::Admin | Role::Approver => vec![
                enter(nw, json!(2)),
                enter(nw, Value::Null),
                enter(ke, Value::Null),
                enter(or, json!(0)),
            ],
            Role::Northwind | Role::Kestrel | Role::Orion => vec![
                sync_op(
                    "quote.submit",
                    json!({"rfq_id": w.rfq, "base_version": 0, "quote": q}),
                ),
                enter(if who == Role::Northwind { ke } else { nw }, Value::Null),
            ],
            Role::Anonymous => vec![enter(nw, Value::Null)],
        }
    }

    /// One moment of the RFQ's life: every read route and the sync ops for every role,
    /// then the stored sync outcomes and messages; `internal_sees` is what the buyer's
    /// side may see now (by hand, from the RFQ's history).
    async fn moment(&mut self, name: &str, internal_sees: bool) {
        self.moment = name.to_string();
        self.internal_sees = internal_sees;
        self.found.clear();
        let reads: Vec<String> = router_routes()
            .into_iter()
            .filter(|(m, _)| m == "GET")
            .map(|(_, p)| p)
            .collect();
        for who in ROLES {
            for route in &reads {
                for url in self.urls(route) {
                    self.call(who, Method::GET, route, &url, None).await;
                }
            }
            let ops = self.ops(who);
            for pass in ["first", "replay"] {
                let r = self.sync(who, &ops).await;
                let j = r.json();
                if who == Role::Anonymous {
                    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "[{name}] {j}");
                    continue;
                }
                for res in j["results"].as_array().unwrap() {
                    let first = if pass == "replay" {
                        &res["detail"]
                    } else {
                        res
                    };
                    assert!(
                        matches!(first["status"].as_str(), Some("conflict" | "rejected")),
                        "[{name}] {who:?} {pass}: the walk's ops must not apply: {res}"
                    );
                }
            }
        }
        // Views that open nothing (the quote files list, the audit trail) show the bids'
        // documents only once the bids were opened; by now the walk's reads of prices
        // opened them where the buyer's side may see, so they are asked again (and scanned
        // for leaks like every answer).
        if internal_sees {
            for who in [Role::Buyer, Role::Approver, Role::Admin] {
                for route in ["/api/files", "/api/audit"] {
                    for url in self.urls(route) {
                        self.call(who, Method::GET, route, &url, None).await;
                    }
                }
            }
        }
        // What is stored: sync outcomes carry no quote body at all; each supplier's
        // messages nothing of another's bid.
        let stored = sqlx::query("SELECT result FROM sync_ops")
            .fetch_all(&self.w.app.db.pool)
            .await
            .unwrap();
        let all: Vec<&String> = self
            .marks
            .values()
            .flatten()
            .chain(self.mine.values())
            .collect();
        for r in &stored {
            let text: String = sqlx::Row::get(r, "result");
            let found = contains_any(&text, all.iter().copied());
            if !found.is_empty() {
                self.leaks
                    .push(format!("[{name}] sync_ops keeps {found:?}: {text}"));
            }
        }
        let messages = sqlx::query("SELECT supplier_id, subject, body FROM messages")
            .fetch_all(&self.w.app.db.pool)
            .await
            .unwrap();
        for m in &messages {
            let to: String = sqlx::Row::get(m, "supplier_id");
            let text = format!(
                "{}\n{}",
                sqlx::Row::get::<String, _>(m, "subject"),
                sqlx::Row::get::<String, _>(m, "body")
            );
            let others: Vec<&String> = self
                .marks
                .iter()
                .filter(|(sid, _)| **sid != to)
                .flat_map(|(_, m)| m)
                .collect();
            let found = contains_any(&text, others);
            if !found.is_empty() {
                self.leaks.push(format!(
                    "[{name}] a message to {to} carries {found:?}: {text}"
                ));
            }
        }
        self.check_seen(name);
    }

    /// The other half of "0 leaks": where a bid may be seen, the walk does find it (so the
    /// scan would notice a leak). Every supplier finds its own current price in its quote;
    /// the buyer's side, when it may see the bids, finds every current price in the
    /// responses and the comparison with its CSV and XLSX, and the documents' contents.
    fn check_seen(&self, name: &str) {
        let own = [
            (Role::Northwind, "7.3117"),
            (Role::Kestrel, "8.2127"),
            (Role::Orion, "5.2231"),
        ];
        for (who, price) in own {
            let seen = self.found.get(&("/api/rfqs/{id}/quote".to_string(), who));
            assert!(
                seen.is_some_and(|s| s.contains(price)),
                "[{name}] {who:?} does not find its own bid ({price}): {seen:?}"
            );
        }
        if !self.internal_sees {
            return;
        }
        for who in [Role::Buyer, Role::Approver, Role::Admin] {
            let seen = |route: &str| {
                self.found
                    .get(&(route.to_string(), who))
                    .cloned()
                    .unwrap_or_default()
            };
            for (route, must) in [
                ("/api/rfqs/{id}/quotes", &["7.3117", "8.2127", "5.2231"][..]),
                ("/api/rfqs/{id}/comparison", &["7.3117", "8.2127", "5.2231"]),
                (
                    "/api/rfqs/{id}/comparison.csv",
                    &["7.3117", "8.2127", "5.2231"],
                ),
                (
                    "/api/rfqs/{id}/comparison.xlsx",
                    &["7.3117", "8.2127", "5.2231"],
                ),
                ("/api/files/{id}", &["NW-DOC-4471", "KE-DOC-5582"]),
                (
                    "/api/files",
                    &["northwind-offer-4471.pdf", "kestrel-offer-5582.pdf"],
                ),
                (
                    "/api/audit",
                    &["northwind-offer-4471.pdf", "northwind-draft-4471.csv"],
                ),
            ] {
                let s = seen(route);
                for m in must {
                    assert!(
                        s.contains(*m),
                        "[{name}] {who:?} does not find {m} at {route}: {s:?}"
                    );
                }
            }
        }
    }
}

/// Issue 10, the proof: every read route of the router and the sync ops, for every role
/// (buyer, approver, admin, each supplier, nobody), at every moment of four RFQ lives —
/// sealed through the clock, an extension before anyone looked, a refused extension and
/// the award; sealed and cancelled before its deadline; sealed and closed early, a refused
/// extension, cancelled after; unsealed, open and closed — with 0 leaks: no answer, stored
/// sync outcome or message carries a bid's marks to someone the rule does not let see it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn issue10_the_sealing_walk_finds_no_leak() {
    let clock_and_award = async {
        let mut k = Walk::new(true).await;
        k.moment("sealed, open, before the deadline", false).await;
        pass_deadline(&k.w).await;
        let until = later(&k.w, 2);
        let ext = k
            .rfq_post(
                Role::Buyer,
                "extend",
                json!({"deadline": until, "reason": "Orion asks for a day"}),
            )
            .await;
        assert_eq!(
            ext.status,
            StatusCode::OK,
            "nobody looked yet: {}",
            ext.json()
        );
        k.moment("deadline passed, extended before anyone looked", false)
            .await;
        pass_deadline(&k.w).await;
        k.moment("sealed, after the deadline", true).await;
        let until = later(&k.w, 2);
        let ext = k
            .rfq_post(
                Role::Buyer,
                "extend",
                json!({"deadline": until, "reason": "Kestrel wants to revise"}),
            )
            .await;
        assert_eq!(
            (ext.status, ext.json()["code"].as_str()),
            (StatusCode::CONFLICT, Some("lifecycle"))
        );
        let late = k
            .put_quote(Role::Kestrel, quote(&k.w.line, "1.0001", "1.0002", "LATE"))
            .await;
        assert_eq!(late.json()["code"], "deadline_passed");
        k.moment("sealed, bids opened, extension refused", true)
            .await;
        let nw = k.w.sid[&Role::Northwind].clone();
        let line = k.w.line.clone();
        for who in [Role::Approver, Role::Northwind, Role::Buyer] {
            let a = k.rfq_post(who, "award", json!({"lines": [{"rfq_line_id": line, "supplier_id": nw}], "note": "best landed"})).await;
            assert_eq!(
                a.status == StatusCode::OK,
                who == Role::Buyer,
                "{who:?}: {}",
                a.json()
            );
        }
        k.moment("awarded", true).await;
        k
    };
    let cancel_early = async {
        let mut k = Walk::new(true).await;
        for who in [Role::Kestrel, Role::Buyer] {
            let c = k
                .rfq_post(who, "cancel", json!({"reason": "Project stopped"}))
                .await;
            assert_eq!(
                c.status == StatusCode::OK,
                who == Role::Buyer,
                "{who:?}: {}",
                c.json()
            );
        }
        k.moment("sealed, cancelled before the deadline", false)
            .await;
        pass_deadline(&k.w).await;
        k.moment(
            "sealed, cancelled before the deadline, the deadline since passed",
            false,
        )
        .await;
        k
    };
    let close_early = async {
        let mut k = Walk::new(true).await;
        let c = k
            .rfq_post(Role::Buyer, "close", json!({"reason": ""}))
            .await;
        assert_eq!(c.status, StatusCode::OK, "everyone responded: {}", c.json());
        k.moment("sealed, closed early (everyone responded)", true)
            .await;
        let until = later(&k.w, 2);
        let ext = k
            .rfq_post(
                Role::Buyer,
                "extend",
                json!({"deadline": until, "reason": "one more round"}),
            )
            .await;
        assert_eq!(ext.json()["code"], "lifecycle", "{}", ext.json());
        k.moment("sealed, closed early, bids opened, extension refused", true)
            .await;
        let c = k
            .rfq_post(Role::Buyer, "cancel", json!({"reason": "Budget cut"}))
            .await;
        assert_eq!(c.status, StatusCode::OK);
        k.moment("sealed, cancelled after bidding closed", true)
            .await;
        k
    };
    let unsealed = async {
        let mut k = Walk::new(false).await;
        k.moment("unsealed, open", true).await;
        let c = k
            .rfq_post(Role::Buyer, "close", json!({"reason": "enough offers"}))
            .await;
        assert_eq!(c.status, StatusCode::OK);
        k.moment("unsealed, closed early", true).await;
        k
    };
    let walks = tokio::join!(clock_and_award, cancel_early, close_early, unsealed);
    let walks = [walks.0, walks.1, walks.2, walks.3];
    // Coverage: every read route for every role at every moment; every route the
    // scenarios drive, driven.
    let moments: BTreeSet<String> = walks
        .iter()
        .flat_map(|k| {
            k.coverage
                .values()
                .flat_map(|r| r.values().flatten().cloned())
        })
        .filter(|m| m != "setting up")
        .collect();
    let mut coverage: BTreeMap<(String, String), BTreeMap<Role, BTreeSet<String>>> =
        BTreeMap::new();
    for k in &walks {
        for (route, roles) in &k.coverage {
            for (role, ms) in roles {
                coverage
                    .entry(route.clone())
                    .or_default()
                    .entry(*role)
                    .or_default()
                    .extend(ms.iter().cloned());
            }
        }
    }
    let mut walked = 0;
    for (m, p) in router_routes() {
        match classify(&m, &p).unwrap() {
            Class::Read | Class::SyncOps => {
                walked += 1;
                for who in ROLES {
                    let at = coverage
                        .get(&(m.clone(), p.clone()))
                        .and_then(|r| r.get(&who))
                        .cloned()
                        .unwrap_or_default();
                    let missing: Vec<&String> = moments.difference(&at).collect();
                    assert!(
                        missing.is_empty(),
                        "{m} {p} not walked as {who:?} at {missing:?}"
                    );
                }
            }
            Class::Scenario => assert!(
                coverage.contains_key(&(m.clone(), p.clone())),
                "{m} {p} is never driven by the scenarios"
            ),
            Class::NoBid(_) => {}
        }
    }
    let leaks: Vec<&String> = walks.iter().flat_map(|k| &k.leaks).collect();
    let errors: Vec<&String> = walks.iter().flat_map(|k| &k.errors).collect();
    let requests: usize = walks.iter().map(|k| k.requests).sum();
    println!(
        "sealing walk: {walked} routes (reads + sync) × {} roles × {} moments; {requests} requests; {} leaks; {} server errors",
        ROLES.len(),
        moments.len(),
        leaks.len(),
        errors.len()
    );
    assert!(errors.is_empty(), "server errors: {errors:#?}");
    assert!(leaks.is_empty(), "{} leaks: {leaks:#?}", leaks.len());
    assert_eq!(moments.len(), 12, "{moments:?}");
}

/// Issue 10: conflicts recorded before the fix kept both quote bodies in `sync_ops`;
/// migration 0013 drops them and keeps the receipt (run here on a row stored the old way,
/// in each engine's dialect). A replay still answers the conflict, under the rule.
#[tokio::test]
async fn issue10_conflicts_stored_before_the_fix_lose_their_prices() {
    let walk = Walk::new(true).await;
    let w = &walk.w;
    let user: String = sqlx::Row::get(
        &sqlx::query("SELECT id FROM users WHERE email = 'buyer@acme.example'")
            .fetch_one(&w.app.db.pool)
            .await
            .unwrap(),
        "id",
    );
    let or = w.sid[&Role::Orion].clone();
    let sent = quote(&w.line, "3.3331", "3.3332", "OLD");
    let o = sync_op(
        "quote.enter_for_supplier",
        json!({"rfq_id": w.rfq, "supplier_id": or, "base_version": 0, "quote": sent}),
    );
    let old = json!({"op_id": o["op_id"], "status": "conflict", "code": "changed_on_server", "message": "…",
        "detail": {"mine": sent, "server": {"receipt": {"rfq_id": w.rfq, "rfq_number": "RFQ", "supplier_id": or, "version": 1, "received_at": "2026-01-01T00:00:00.000Z", "hash": "h"},
                   "status": "submitted", "needs_reconfirmation": false, "entered_by_buyer": true,
                   "quote": quote(&w.line, "5.2231", "5.1233", "OR-6693")}}});
    sqlx::query("INSERT INTO sync_ops (op_id, user_id, kind, status, result, applied_at) VALUES ($1, $2, $3, 'conflict', $4, 0)")
        .bind(o["op_id"].as_str().unwrap())
        .bind(&user)
        .bind("quote.enter_for_supplier")
        .bind(old.to_string())
        .execute(&w.app.db.pool)
        .await
        .unwrap();
    let migration = match w.app.db.engine {
        server::db::Engine::Sqlite => {
            include_str!("../../migrations/sqlite/0013_sync_ops_unsealed.sql")
        }
        server::db::Engine::Postgres => {
            include_str!("../../migrations/postgres/0013_sync_ops_unsealed.sql")
        }
    };
    sqlx::raw_sql(migration)
        .execute(&w.app.db.pool)
        .await
        .unwrap();
    let kept: String = sqlx::Row::get(
        &sqlx::query("SELECT result FROM sync_ops WHERE op_id = $1")
            .bind(o["op_id"].as_str().unwrap())
            .fetch_one(&w.app.db.pool)
            .await
            .unwrap(),
        "result",
    );
    let all: Vec<&String> = walk.marks.values().flatten().collect();
    assert_eq!(contains_any(&kept, all), Vec::<String>::new(), "{kept}");
    assert!(!kept.contains("3.3331"), "{kept}");
    let kept: Value = serde_json::from_str(&kept).unwrap();
    assert_eq!(kept["detail"]["server"]["receipt"]["version"], 1, "{kept}");
    assert!(kept["detail"]["mine"].is_null() && kept["detail"]["server"]["quote"].is_null());
    let replay = sync(w, Role::Buyer, &[o]).await.json();
    let first = &replay["results"][0]["detail"];
    assert_eq!(first["status"], "conflict", "{replay}");
    assert!(
        first["detail"]["server"]["quote"].is_null(),
        "still sealed: {replay}"
    );
    assert_eq!(
        first["detail"]["mine"]["lines"][0]["breaks"][0]["price"],
        "3.3331"
    );
}
