//! The one typed client for Bidwell's HTTP API (see `docs/contract.md`).
//!
//! Guarantees:
//! - Every call sends JSON and reads JSON with the types from the `api` crate; nothing
//!   else in the app builds a URL under `/api` or touches `fetch`.
//! - The session travels as the same-origin cookie; the CSRF token learnt from the last
//!   [`Me`] is sent as `x-csrf-token` on every POST/PUT/PATCH/DELETE.
//! - Every failure comes back as an [`AppError`] wrapping an [`api::ApiError`]: the
//!   server's error body when there is one, code `network` when the server could not be
//!   reached, code `bad_response` when an answer could not be read.
//! - A 401 `unauthenticated` on any call but `GET /api/me` tells the app (through the
//!   hook set with [`on_unauthenticated`]) that the session has ended.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use api::{
    AcceptInvitation, ApiError, Clarification, ClarificationText, InvitationCreated,
    InvitationInfo, LoginRequest, Me, MyQuote, NewInvitation, NewPart, NewSupplier, Part, Quote,
    QuoteReceipt, QuoteVersion, RfqDetail, RfqSummary, Supplier, CSRF_HEADER,
};
use api::{Changes, SyncRequest, SyncResponse, VisitNote};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use web_sys::RequestCredentials;

/// An API failure as the app handles it: the contract's [`ApiError`], made a proper
/// `std::error::Error` so that it can travel through Leptos' `ErrorBoundary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError(pub ApiError);

impl AppError {
    /// An error made on this side of the wire.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        AppError(ApiError {
            code: code.to_string(),
            message: message.into(),
            fields: BTreeMap::new(),
        })
    }
    /// The stable machine-readable code, e.g. `invalid_credentials`, `network`.
    pub fn code(&self) -> &str {
        &self.0.code
    }
    /// The sentence for a person.
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// Per-field messages (field name → message); empty unless the server sent some.
    pub fn fields(&self) -> &BTreeMap<String, String> {
        &self.0.fields
    }
    /// The server could not be reached at all.
    pub fn is_network(&self) -> bool {
        self.0.code == "network"
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for AppError {}

impl From<ApiError> for AppError {
    fn from(e: ApiError) -> Self {
        AppError(e)
    }
}

/// Result of every client call.
pub type ApiResult<T> = Result<T, AppError>;

thread_local! {
    static CSRF: RefCell<Option<String>> = const { RefCell::new(None) };
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Registers what to do when the server says the session is gone (expired, signed out
/// in another tab): the app clears its signed-in state so the layout sends the person
/// to the sign-in page.
pub fn on_unauthenticated(f: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Rc::new(f)));
}

fn remember(me: &Me) {
    CSRF.with(|c| *c.borrow_mut() = Some(me.csrf_token.clone()));
    // Kept on the device (cleared at sign-out) so the app opens offline as this person.
    let me = me.clone();
    leptos::task::spawn_local(async move { crate::offline::store("me", "current", &me).await });
}

fn forget() {
    CSRF.with(|c| *c.borrow_mut() = None);
}

fn network_error() -> AppError {
    AppError::new(
        "network",
        "Bidwell can't be reached right now. Check your connection and try again.",
    )
}

fn bad_response() -> AppError {
    AppError::new(
        "bad_response",
        "The server sent an answer this page could not read. Reload the page and try again.",
    )
}

fn get(path: &str) -> RequestBuilder {
    Request::get(path).credentials(RequestCredentials::SameOrigin)
}

/// A state-changing request: carries the CSRF token when there is one.
fn write(builder: RequestBuilder) -> RequestBuilder {
    let builder = builder.credentials(RequestCredentials::SameOrigin);
    match CSRF.with(|c| c.borrow().clone()) {
        Some(token) => builder.header(CSRF_HEADER, &token),
        None => builder,
    }
}

async fn send(request: Result<Request, gloo_net::Error>, path: &str) -> ApiResult<Response> {
    let request = request.map_err(|_| bad_request())?;
    let response = request.send().await.map_err(|_| network_error())?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let error = match response.json::<ApiError>().await {
        Ok(e) => AppError(e),
        Err(_) => http_error(status),
    };
    if status == 401 && error.code() == "unauthenticated" && path != "/api/me" {
        forget();
        if let Some(hook) = ON_UNAUTHENTICATED.with(|h| h.borrow().clone()) {
            hook();
        }
    }
    Err(error)
}

fn bad_request() -> AppError {
    AppError::new(
        "bad_request",
        "This request could not be prepared. Reload the page and try again.",
    )
}

fn http_error(status: u16) -> AppError {
    let message = match status {
        404 => "This page or record does not exist (any more).".to_string(),
        502..=504 => "Bidwell is not answering right now. Try again in a moment.".to_string(),
        s if s >= 500 => format!("Something went wrong on the server (status {s}). Try again."),
        s => format!("The server refused this request (status {s})."),
    };
    AppError::new(&format!("http_{status}"), message)
}

async fn read<T: DeserializeOwned>(response: Response) -> ApiResult<T> {
    response.json::<T>().await.map_err(|_| bad_response())
}

async fn get_json<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    read(send(get(path).build(), path).await?).await
}

async fn get_json_query<T: DeserializeOwned>(path: &str, q: &str) -> ApiResult<T> {
    let builder = if q.trim().is_empty() {
        get(path)
    } else {
        get(path).query([("q", q.trim())])
    };
    read(send(builder.build(), path).await?).await
}

async fn post_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> ApiResult<T> {
    read(send(write(Request::post(path)).json(body), path).await?).await
}

async fn put_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> ApiResult<T> {
    read(send(write(Request::put(path)).json(body), path).await?).await
}

/// Read-through cache: a good answer is stored as record `(kind, id)`; when the server
/// cannot be reached, the stored copy answers (and the page says how fresh it is).
async fn get_cached<T: Serialize + DeserializeOwned>(
    kind: &str,
    id: &str,
    path: &str,
) -> ApiResult<T> {
    match get_json::<T>(path).await {
        Ok(v) => {
            crate::offline::store(kind, id, &v).await;
            Ok(v)
        }
        Err(e) if e.is_network() => crate::offline::load(kind, id).await.ok_or(e),
        Err(e) => Err(e),
    }
}

/// `GET /api/me`: who is signed in (401 `unauthenticated` if nobody). Offline, the
/// person last signed in on this device (cleared at sign-out) so cached pages open.
pub async fn me() -> ApiResult<Me> {
    let me: Me = get_cached("me", "current", "/api/me").await?;
    remember(&me);
    Ok(me)
}

/// `POST /api/auth/login`.
pub async fn login(email: &str, password: &str) -> ApiResult<Me> {
    let body = LoginRequest {
        email: email.trim().to_string(),
        password: password.to_string(),
    };
    let me: Me = post_json("/api/auth/login", &body).await?;
    remember(&me);
    Ok(me)
}

/// `POST /api/auth/logout`. The CSRF token is forgotten whatever the answer.
pub async fn logout() -> ApiResult<()> {
    let path = "/api/auth/logout";
    let result = send(write(Request::post(path)).build(), path).await;
    forget();
    result.map(|_| ())
}

/// `GET /api/rfqs`.
pub async fn rfqs() -> ApiResult<Vec<RfqSummary>> {
    get_cached("rfqs", "all", "/api/rfqs").await
}

/// `GET /api/rfqs/{id}`.
pub async fn rfq(id: &str) -> ApiResult<RfqDetail> {
    get_cached("rfq", id, &format!("/api/rfqs/{}", encode(id))).await
}

/// `GET /api/parts?q=`.
pub async fn parts(q: &str) -> ApiResult<Vec<Part>> {
    if q.trim().is_empty() {
        return get_cached("parts", "all", "/api/parts").await;
    }
    get_json_query("/api/parts", q).await
}

/// `GET /api/parts/{id}`.
pub async fn part(id: &str) -> ApiResult<Part> {
    get_cached("part", id, &format!("/api/parts/{}", encode(id))).await
}

/// `POST /api/parts`.
pub async fn create_part(part: &NewPart) -> ApiResult<Part> {
    post_json("/api/parts", part).await
}

/// `GET /api/suppliers?q=`.
pub async fn suppliers(q: &str) -> ApiResult<Vec<Supplier>> {
    if q.trim().is_empty() {
        return get_cached("suppliers", "all", "/api/suppliers").await;
    }
    get_json_query("/api/suppliers", q).await
}

/// `GET /api/suppliers/{id}`.
pub async fn supplier(id: &str) -> ApiResult<Supplier> {
    get_cached("supplier", id, &format!("/api/suppliers/{}", encode(id))).await
}

/// `POST /api/suppliers`.
pub async fn create_supplier(supplier: &NewSupplier) -> ApiResult<Supplier> {
    post_json("/api/suppliers", supplier).await
}

/// `POST /api/invitations`: a single-use link for a supplier contact.
pub async fn create_invitation(invitation: &NewInvitation) -> ApiResult<InvitationCreated> {
    post_json("/api/invitations", invitation).await
}

/// `GET /api/invitations/{token}`.
pub async fn invitation(token: &str) -> ApiResult<InvitationInfo> {
    get_json(&format!("/api/invitations/{}", encode(token))).await
}

/// `POST /api/invitations/{token}/accept`: creates the account and signs it in.
pub async fn accept_invitation(token: &str, body: &AcceptInvitation) -> ApiResult<Me> {
    let me: Me = post_json(&format!("/api/invitations/{}/accept", encode(token)), body).await?;
    remember(&me);
    Ok(me)
}

/// `GET /api/rfqs/{id}/quote`: the signed-in supplier's own quote versions, newest first.
pub async fn my_quote(rfq_id: &str) -> ApiResult<MyQuote> {
    get_json(&format!("/api/rfqs/{}/quote", encode(rfq_id))).await
}

/// `PUT /api/rfqs/{id}/quote`: submits (or resubmits) the quote; answers the bid receipt.
pub async fn submit_quote(rfq_id: &str, quote: &Quote) -> ApiResult<QuoteReceipt> {
    put_json(&format!("/api/rfqs/{}/quote", encode(rfq_id)), quote).await
}

/// `POST /api/rfqs/{id}/quote/withdraw`.
pub async fn withdraw_quote(rfq_id: &str) -> ApiResult<MyQuote> {
    let path = format!("/api/rfqs/{}/quote/withdraw", encode(rfq_id));
    read(send(write(Request::post(&path)).build(), &path).await?).await
}

/// `GET /api/rfqs/{id}/quotes/{supplier_id}`: one supplier's versions (a supplier user
/// may read only its own).
pub async fn supplier_quotes(rfq_id: &str, supplier_id: &str) -> ApiResult<Vec<QuoteVersion>> {
    get_json(&format!(
        "/api/rfqs/{}/quotes/{}",
        encode(rfq_id),
        encode(supplier_id)
    ))
    .await
}

/// `GET /api/rfqs/{id}/clarifications`.
pub async fn clarifications(rfq_id: &str) -> ApiResult<Vec<Clarification>> {
    get_json(&format!("/api/rfqs/{}/clarifications", encode(rfq_id))).await
}

/// `POST /api/rfqs/{id}/clarifications`: a supplier asks a question.
pub async fn ask_clarification(rfq_id: &str, text: &str) -> ApiResult<Clarification> {
    let body = ClarificationText {
        text: text.trim().to_string(),
    };
    post_json(
        &format!("/api/rfqs/{}/clarifications", encode(rfq_id)),
        &body,
    )
    .await
}

// ---- Buyer side of the sourcing flow (RFQs, responses, comparison, FX). ----

/// `POST /api/rfqs`: a new draft RFQ (422 with field paths like `lines[0].quantities`).
pub async fn create_rfq(body: &api::NewRfq) -> ApiResult<RfqDetail> {
    post_json("/api/rfqs", body).await
}

async fn post_empty<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    read(send(write(Request::post(path)).build(), path).await?).await
}

/// `POST /api/rfqs/{id}/open`.
pub async fn open_rfq(id: &str) -> ApiResult<RfqDetail> {
    post_empty(&format!("/api/rfqs/{}/open", encode(id))).await
}

/// `POST /api/rfqs/{id}/extend`.
pub async fn extend_rfq(id: &str, body: &api::ExtendDeadline) -> ApiResult<RfqDetail> {
    post_json(&format!("/api/rfqs/{}/extend", encode(id)), body).await
}

/// `POST /api/rfqs/{id}/suppliers`: invite one more supplier.
pub async fn invite_supplier(id: &str, supplier_id: &str) -> ApiResult<RfqDetail> {
    let body = api::InviteSupplier {
        supplier_id: supplier_id.to_string(),
    };
    post_json(&format!("/api/rfqs/{}/suppliers", encode(id)), &body).await
}

/// `PUT /api/rfqs/{id}/lines` (lines with `id` keep their identity).
pub async fn set_rfq_lines(id: &str, lines: &[api::NewRfqLine]) -> ApiResult<RfqDetail> {
    put_json(&format!("/api/rfqs/{}/lines", encode(id)), &lines).await
}

/// `GET /api/rfqs/{id}/quotes`: who responded (prices only when they may be seen).
pub async fn rfq_responses(id: &str) -> ApiResult<api::RfqResponses> {
    get_json(&format!("/api/rfqs/{}/quotes", encode(id))).await
}

/// `GET /api/rfqs/{id}/comparison` with the server's default settings; the app
/// re-levels locally from the returned inputs.
pub async fn comparison(id: &str) -> ApiResult<api::Comparison> {
    get_json(&format!("/api/rfqs/{}/comparison", encode(id))).await
}

/// Link to the CSV or XLSX export (`ext` = `csv` | `xlsx`) of the leveled grid with
/// these settings.
pub fn comparison_export_url(id: &str, ext: &str, s: &domain::level::Settings) -> String {
    format!(
        "/api/rfqs/{}/comparison.{ext}?base={}&amortization_years={}&cost_of_capital_pct={}&outlier_ratio={}",
        encode(id),
        s.base.code(),
        s.amortization_years.normalize(),
        s.cost_of_capital_pct.normalize(),
        s.outlier_ratio.normalize()
    )
}

/// `GET /api/fx?base=`.
pub async fn fx_rates(base: &str) -> ApiResult<Vec<api::FxRate>> {
    get_json(&format!("/api/fx?base={}", encode(base))).await
}

/// `PUT /api/fx`: sets the given rates; answers the table for their base.
pub async fn save_fx_rates(rates: &[api::FxRate]) -> ApiResult<Vec<api::FxRate>> {
    put_json("/api/fx", &rates).await
}

/// `POST /api/rfqs/{id}/clarifications/{cid}/answer` (goes to every invited supplier).
pub async fn answer_clarification(
    rfq_id: &str,
    clarification_id: &str,
    text: &str,
) -> ApiResult<api::Clarification> {
    let body = api::ClarificationText {
        text: text.trim().to_string(),
    };
    post_json(
        &format!(
            "/api/rfqs/{}/clarifications/{}/answer",
            encode(rfq_id),
            encode(clarification_id)
        ),
        &body,
    )
    .await
}

/// `POST /api/sync`: outbox ops in order; one result per op (see [`crate::sync`]).
pub async fn sync(request: &SyncRequest) -> ApiResult<SyncResponse> {
    post_json("/api/sync", request).await
}

/// `GET /api/changes?since=N`: what changed after the cursor.
pub async fn changes(since: i64) -> ApiResult<Changes> {
    get_json(&format!("/api/changes?since={since}")).await
}

/// `GET /api/visit-notes?supplier_id=` (cached per supplier).
pub async fn visit_notes(supplier_id: &str) -> ApiResult<Vec<VisitNote>> {
    let path = format!("/api/visit-notes?supplier_id={}", encode(supplier_id));
    get_cached("visit_notes", supplier_id, &path).await
}

/// Where a visit note's photo can be shown from.
pub fn visit_photo_url(note_id: &str, photo_id: &str) -> String {
    format!(
        "/api/visit-notes/{}/photos/{}",
        encode(note_id),
        encode(photo_id)
    )
}

/// Percent-encodes one path segment.
fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}
