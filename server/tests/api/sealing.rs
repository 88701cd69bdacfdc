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

use crate::harness::{id_named, Session, TestApp};

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

fn op(kind: &str, payload: Value) -> Value {
    json!({"op_id": uuid::Uuid::new_v4().to_string(), "kind": kind, "created_at": chrono::Utc::now().to_rfc3339(), "payload": payload})
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
    World {
        app,
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
                &text[..text.len().min(600)]
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
                &[op(
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
            op(
                "quote.enter_for_supplier",
                json!({"rfq_id": w.rfq, "supplier_id": nw, "base_version": null, "quote": quote(&w.line, "3.3331", "3.3332", "BUY-1")}),
            ),
            op(
                "quote.enter_for_supplier",
                json!({"rfq_id": w.rfq, "supplier_id": nw, "base_version": 2, "quote": quote(&w.line, "3.3331", "3.3332", "BUY-1")}),
            ),
            // Orion's current bid is one a buyer entered: a stale base is a conflict,
            // shown without the sealed prices.
            op(
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
    let own = vec![op(
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
        op(
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
    let text = w
        .app
        .get("/api/audit?limit=200", w.s(Role::Buyer))
        .await
        .json
        .to_string();
    assert_eq!(
        contains_any(&text, docs.iter().copied()).len(),
        6,
        "open after the deadline: {text}"
    );
    assert_eq!(
        w.app.get("/api/audit/verify", w.s(Role::Buyer)).await.json["ok"],
        true
    );
}
