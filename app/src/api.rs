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
    /// Set once a server answer names another contract version than this build's.
    static OUTDATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
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

/// True once the server has been seen running another version of the HTTP contract than
/// this page was built for (a deploy happened while the page was open, or the page came
/// from an old cache): the page must be reloaded before it sends anything again.
pub fn is_outdated() -> bool {
    OUTDATED.with(std::cell::Cell::get)
}

fn outdated_error() -> AppError {
    AppError::new(
        "outdated",
        "Bidwell was updated on the server. Reload the page to continue; \
         changes waiting on this device are kept and sent after the reload.",
    )
}

/// Notes the server's contract version; a different one marks this page outdated and
/// shows a reload bar (the same place the service worker's "New version" bar uses).
fn check_version(response: &Response) {
    let Some(theirs) = response.headers().get(api::API_VERSION_HEADER) else {
        return;
    };
    if theirs == api::API_VERSION || is_outdated() {
        return;
    }
    OUTDATED.with(|o| o.set(true));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("api-update").is_some() {
        return;
    }
    let (Ok(bar), Ok(button), Some(body)) = (
        doc.create_element("div"),
        doc.create_element("button"),
        doc.body(),
    ) else {
        return;
    };
    bar.set_id("api-update");
    bar.set_class_name("sw-update");
    let _ = bar.set_attribute("role", "alert");
    bar.set_text_content(Some(
        "Bidwell was updated. Reload to continue \u{2014} nothing waiting on this device is lost. ",
    ));
    let _ = button.set_attribute("type", "button");
    button.set_class_name("btn btn-small");
    button.set_text_content(Some("Reload"));
    let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback(
        "click",
        wasm_bindgen::JsCast::unchecked_ref(reload.as_ref()),
    );
    reload.forget();
    let _ = bar.append_child(&button);
    let _ = body.append_child(&bar);
}

async fn send(request: Result<Request, gloo_net::Error>, path: &str) -> ApiResult<Response> {
    let request = request.map_err(|_| bad_request())?;
    // An outdated page reads (what it shows is still true) but sends no change.
    if is_outdated() && request.method() != gloo_net::http::Method::GET {
        return Err(outdated_error());
    }
    let response = request.send().await.map_err(|_| network_error())?;
    check_version(&response);
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

async fn get_json_query<T: DeserializeOwned>(path: &str, q: &str) -> ApiResult<Vec<T>> {
    let builder = if q.trim().is_empty() {
        get(path)
    } else {
        get(path).query([("q", q.trim())])
    };
    get_all_pages(builder, path).await
}

/// The most pages [`get_all_pages`] follows (500 000 rows at the server's default page).
const MAX_PAGES: usize = 1000;

/// Every page of a paged list (issue 10, L7): the server answers a list one page at a
/// time, with `Link: <…>; rel="next"` while rows remain; this follows the links and
/// joins the pages, so a list is never cut short without a word.
async fn get_all_pages<T: DeserializeOwned>(
    first: RequestBuilder,
    path: &str,
) -> ApiResult<Vec<T>> {
    let mut out = Vec::new();
    let mut response = send(first.build(), path).await?;
    for _ in 0..MAX_PAGES {
        let next = response
            .headers()
            .get("link")
            .as_deref()
            .and_then(next_link);
        let page: Vec<T> = read(response).await?;
        out.extend(page);
        let Some(next) = next else {
            return Ok(out);
        };
        response = send(get(&next).build(), path).await?;
    }
    Ok(out)
}

/// The `rel="next"` target of a `Link` header, if it is a path on this server.
fn next_link(link: &str) -> Option<String> {
    link.split(',').find_map(|part| {
        let (target, params) = part.trim().split_once(';')?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        let is_next = params
            .split(';')
            .any(|p| p.trim().eq_ignore_ascii_case("rel=\"next\""));
        (is_next && target.starts_with('/') && !target.starts_with("//"))
            .then(|| target.to_string())
    })
}

/// [`fresh`] for a paged list: every page, stored as one record.
async fn fresh_all<T: Serialize + DeserializeOwned>(
    kind: &str,
    id: &str,
    path: &str,
) -> ApiResult<Vec<T>> {
    let v: Vec<T> = get_all_pages(get(path), path).await?;
    crate::offline::store(kind, id, &v).await;
    Ok(v)
}

/// [`get_cached`] for a paged list: every page when online, the stored list offline.
async fn get_cached_all<T: Serialize + DeserializeOwned>(
    kind: &str,
    id: &str,
    path: &str,
) -> ApiResult<Vec<T>> {
    match fresh_all::<T>(kind, id, path).await {
        Ok(v) => Ok(v),
        Err(e) if e.is_network() => crate::offline::load(kind, id).await.ok_or(e),
        Err(e) => Err(e),
    }
}

async fn post_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> ApiResult<T> {
    read(send(write(Request::post(path)).json(body), path).await?).await
}

async fn put_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> ApiResult<T> {
    read(send(write(Request::put(path)).json(body), path).await?).await
}

/// Record kinds of the read-through cache (the `kind` of [`crate::storage::Cached`]).
pub mod kinds {
    pub const ME: &str = "me";
    pub const RFQS: &str = "rfqs";
    pub const RFQ: &str = "rfq";
    pub const PARTS: &str = "parts";
    pub const PART: &str = "part";
    pub const SUPPLIERS: &str = "suppliers";
    pub const SUPPLIER: &str = "supplier";
    pub const VISIT_NOTES: &str = "visit_notes";
    pub const MY_QUOTE: &str = "my_quote";
    pub const CLARIFICATIONS: &str = "clarifications";
    pub const RESPONSES: &str = "responses";
    pub const COMPARISON: &str = "comparison";
    pub const FX: &str = "fx";
    pub const RFQ_FILES: &str = "rfq_files";
    /// A visit photo as a `data:` URL (stored when taken or first shown).
    pub const PHOTO: &str = "photo";
}

/// Fetches (and so caches) everything the pages of RFQ `rfq_id` need offline: for a
/// buyer the detail, its parts, the invited suppliers, the responses, the comparison,
/// the FX table for its currency and the clarifications; for a supplier
/// (`supplier_id`) the detail, its own quote, its supplier record and the
/// clarifications. Answers the `(kind, id)` keys it stored, for the pin.
pub async fn fetch_for_offline(
    rfq_id: &str,
    supplier_id: Option<&str>,
) -> ApiResult<Vec<(String, String)>> {
    use serde_json::Value;
    let mut keys: Vec<(String, String)> = Vec::new();
    let detail: RfqDetail = fresh(kinds::RFQ, rfq_id, &paths::rfq(rfq_id)).await?;
    keys.push((kinds::RFQ.into(), rfq_id.into()));
    let mut wanted: Vec<(&str, String, String, bool)> = vec![
        (
            kinds::CLARIFICATIONS,
            rfq_id.to_string(),
            paths::clarifications(rfq_id),
            true,
        ),
        (
            kinds::RFQ_FILES,
            rfq_id.to_string(),
            paths::rfq_files(rfq_id),
            true,
        ),
    ];
    match supplier_id {
        Some(sid) => {
            wanted.push((
                kinds::MY_QUOTE,
                rfq_id.into(),
                paths::my_quote(rfq_id),
                true,
            ));
            wanted.push((kinds::SUPPLIER, sid.into(), paths::supplier(sid), false));
        }
        None => {
            let cur = detail.summary.currency.clone();
            wanted.push((
                kinds::RESPONSES,
                rfq_id.into(),
                paths::responses(rfq_id),
                true,
            ));
            // Refused while a sealed RFQ is open: then there is no comparison to keep yet.
            wanted.push((
                kinds::COMPARISON,
                rfq_id.into(),
                paths::comparison(rfq_id),
                false,
            ));
            wanted.push((kinds::FX, cur.clone(), paths::fx(&cur), false));
            let mut part_ids: Vec<&str> = detail.lines.iter().map(|l| l.part_id.as_str()).collect();
            part_ids.sort_unstable();
            part_ids.dedup();
            for pid in part_ids {
                wanted.push((kinds::PART, pid.into(), paths::part(pid), true));
            }
            for s in &detail.invited {
                let sid = &s.supplier_id;
                wanted.push((kinds::SUPPLIER, sid.clone(), paths::supplier(sid), false));
            }
        }
    }
    for (kind, id, path, required) in wanted {
        match fresh::<Value>(kind, &id, &path).await {
            Ok(_) => keys.push((kind.to_string(), id)),
            Err(e) if required || e.is_network() => return Err(e),
            Err(_) => {}
        }
    }
    Ok(keys)
}

/// Paths of the cached GETs (shared by the calls and [`fetch_for_offline`]).
mod paths {
    use super::encode;
    pub fn rfq(id: &str) -> String {
        format!("/api/rfqs/{}", encode(id))
    }
    pub fn part(id: &str) -> String {
        format!("/api/parts/{}", encode(id))
    }
    pub fn supplier(id: &str) -> String {
        format!("/api/suppliers/{}", encode(id))
    }
    pub fn my_quote(rfq_id: &str) -> String {
        format!("/api/rfqs/{}/quote", encode(rfq_id))
    }
    pub fn rfq_files(rfq_id: &str) -> String {
        format!("/api/rfqs/{}/files", encode(rfq_id))
    }
    pub fn clarifications(rfq_id: &str) -> String {
        format!("/api/rfqs/{}/clarifications", encode(rfq_id))
    }
    /// Statuses and receipts only: the app never shows the responses' prices (the
    /// comparison does), and asking for them after bidding closed would open the bids.
    pub fn responses(rfq_id: &str) -> String {
        format!("/api/rfqs/{}/quotes?prices=false", encode(rfq_id))
    }
    pub fn comparison(rfq_id: &str) -> String {
        format!("/api/rfqs/{}/comparison", encode(rfq_id))
    }
    pub fn fx(base: &str) -> String {
        format!("/api/fx?base={}", encode(base))
    }
}

/// A fresh answer from the server, stored as record `(kind, id)`; no cached fallback.
async fn fresh<T: Serialize + DeserializeOwned>(kind: &str, id: &str, path: &str) -> ApiResult<T> {
    let v = get_json::<T>(path).await?;
    crate::offline::store(kind, id, &v).await;
    Ok(v)
}

/// Read-through cache: a good answer is stored as record `(kind, id)`; when the server
/// cannot be reached, the stored copy answers (and the page says how fresh it is).
async fn get_cached<T: Serialize + DeserializeOwned>(
    kind: &str,
    id: &str,
    path: &str,
) -> ApiResult<T> {
    match fresh::<T>(kind, id, path).await {
        Ok(v) => Ok(v),
        Err(e) if e.is_network() => crate::offline::load(kind, id).await.ok_or(e),
        Err(e) => Err(e),
    }
}

/// `GET /api/me`: who is signed in (401 `unauthenticated` if nobody). Offline, the
/// person last signed in on this device (cleared at sign-out) so cached pages open.
pub async fn me() -> ApiResult<Me> {
    let me: Me = get_cached(kinds::ME, "current", "/api/me").await?;
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
    get_cached_all(kinds::RFQS, "all", "/api/rfqs").await
}

/// `GET /api/rfqs/{id}`.
pub async fn rfq(id: &str) -> ApiResult<RfqDetail> {
    get_cached(kinds::RFQ, id, &paths::rfq(id)).await
}

/// `GET /api/parts?q=`.
pub async fn parts(q: &str) -> ApiResult<Vec<Part>> {
    if q.trim().is_empty() {
        return get_cached_all(kinds::PARTS, "all", "/api/parts").await;
    }
    get_json_query("/api/parts", q).await
}

/// `GET /api/parts/{id}`.
pub async fn part(id: &str) -> ApiResult<Part> {
    get_cached(kinds::PART, id, &paths::part(id)).await
}

/// `POST /api/parts`.
pub async fn create_part(part: &NewPart) -> ApiResult<Part> {
    post_json("/api/parts", part).await
}

/// `GET /api/suppliers?q=`.
pub async fn suppliers(q: &str) -> ApiResult<Vec<Supplier>> {
    if q.trim().is_empty() {
        return get_cached_all(kinds::SUPPLIERS, "all", "/api/suppliers").await;
    }
    get_json_query("/api/suppliers", q).await
}

/// `GET /api/suppliers/{id}`.
pub async fn supplier(id: &str) -> ApiResult<Supplier> {
    get_cached(kinds::SUPPLIER, id, &paths::supplier(id)).await
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
    get_cached(kinds::MY_QUOTE, rfq_id, &paths::my_quote(rfq_id)).await
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
    get_cached(
        kinds::CLARIFICATIONS,
        rfq_id,
        &paths::clarifications(rfq_id),
    )
    .await
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

/// `GET /api/users` (admins): every account with its sign-in throttling. Not cached:
/// the throttling is live.
pub async fn users() -> ApiResult<Vec<api::User>> {
    get_json("/api/users").await
}

/// `POST /api/users/{id}/unlock` (admins): lifts the account's sign-in wait.
pub async fn unlock_user(id: &str) -> ApiResult<api::AccountUnlocked> {
    post_empty(&format!("/api/users/{}/unlock", encode(id))).await
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
    get_cached(kinds::RESPONSES, id, &paths::responses(id)).await
}

/// `GET /api/rfqs/{id}/comparison` with the server's default settings; the app
/// re-levels locally from the returned inputs.
pub async fn comparison(id: &str) -> ApiResult<api::Comparison> {
    get_cached(kinds::COMPARISON, id, &paths::comparison(id)).await
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
    get_cached(kinds::FX, base, &paths::fx(base)).await
}

/// `PUT /api/fx`: sets the given rates; answers the table for their base.
pub async fn save_fx_rates(rates: &[api::FxRate]) -> ApiResult<Vec<api::FxRate>> {
    put_json("/api/fx", &rates).await
}

/// `PUT /api/rfqs/{id}/estimates/{supplier_id}`: the buyer's freight and duty estimate
/// for one supplier's quote; answers it as stored.
pub async fn save_estimate(
    rfq_id: &str,
    supplier_id: &str,
    body: &api::EstimateRequest,
) -> ApiResult<domain::level::LandedEstimate> {
    put_json(
        &format!(
            "/api/rfqs/{}/estimates/{}",
            encode(rfq_id),
            encode(supplier_id)
        ),
        body,
    )
    .await
}

/// `DELETE /api/rfqs/{id}/estimates/{supplier_id}`.
pub async fn remove_estimate(rfq_id: &str, supplier_id: &str) -> ApiResult<()> {
    let path = format!(
        "/api/rfqs/{}/estimates/{}",
        encode(rfq_id),
        encode(supplier_id)
    );
    send(write(Request::delete(&path)).build(), &path)
        .await
        .map(|_| ())
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
pub async fn changes(since: Option<&str>) -> ApiResult<Changes> {
    match since {
        Some(c) => get_json(&format!("/api/changes?since={}", encode(c))).await,
        None => get_json("/api/changes").await,
    }
}

/// `GET /api/visit-notes?supplier_id=` (cached per supplier).
pub async fn visit_notes(supplier_id: &str) -> ApiResult<Vec<VisitNote>> {
    let path = format!("/api/visit-notes?supplier_id={}", encode(supplier_id));
    get_cached_all(kinds::VISIT_NOTES, supplier_id, &path).await
}

/// Where a visit note's photo can be shown from.
pub fn visit_photo_url(note_id: &str, photo_id: &str) -> String {
    format!(
        "/api/visit-notes/{}/photos/{}",
        encode(note_id),
        encode(photo_id)
    )
}

/// A visit note's photo as a `data:` URL, so it shows with no network: answered from
/// the device when kept there (taken on it, or shown before), else fetched once and
/// kept (record kind [`kinds::PHOTO`], evicted with other unpinned records).
pub async fn visit_photo_data(note_id: &str, photo_id: &str) -> ApiResult<String> {
    if let Some(url) = stored_photo(photo_id).await {
        return Ok(url);
    }
    let path = visit_photo_url(note_id, photo_id);
    let response = send(get(&path).build(), &path).await?;
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap_or_else(|| "image/jpeg".into());
    let bytes = response.binary().await.map_err(|_| bad_response())?;
    let url = format!("data:{content_type};base64,{}", base64(&bytes)?);
    keep_photo(photo_id, &url).await;
    Ok(url)
}

/// Keeps a photo (`data:` URL) on the device under its id.
pub async fn keep_photo(photo_id: &str, data_url: &str) {
    if let Ok(db) = crate::storage::Storage::open().await {
        let _ = db.put_record(kinds::PHOTO, photo_id, &data_url).await;
    }
}

async fn stored_photo(photo_id: &str) -> Option<String> {
    let db = crate::storage::Storage::open().await.ok()?;
    let kept = db
        .get_record::<String>(kinds::PHOTO, photo_id)
        .await
        .ok()??;
    Some(kept.value)
}

/// Standard base64 through the browser's `btoa` (bytes as a Latin-1 string).
fn base64(bytes: &[u8]) -> ApiResult<String> {
    let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
    let window = web_sys::window().ok_or_else(bad_response)?;
    window.btoa(&latin1).map_err(|_| bad_response())
}

/// Percent-encodes one path segment.
fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}

/// `POST /api/files?owner_kind=…&owner_id=…&name=…`: stores `bytes` (already read) as an attachment of a
/// revision (`revision`), an RFQ line (`rfq_line`) or the supplier's own quote on an RFQ
/// (`quote`, owner = the RFQ id).
pub async fn upload_bytes(
    owner_kind: &str,
    owner_id: &str,
    name: &str,
    content_type: &str,
    bytes: &[u8],
) -> ApiResult<api::FileRef> {
    let path = "/api/files";
    let content_type = if content_type.is_empty() {
        "application/octet-stream"
    } else {
        content_type
    };
    let request = write(Request::post(path))
        .query([
            ("owner_kind", owner_kind),
            ("owner_id", owner_id),
            ("name", name),
        ])
        .header("content-type", content_type)
        .body(js_sys::Uint8Array::from(bytes));
    read(send(request, path).await?).await
}

// ---- Master data: parts, revisions, BOMs, files, suppliers, imports, re-quote. ----

/// `GET /api/parts`, `GET /api/suppliers` etc. with a query string built from
/// non-empty `(name, value)` pairs (uncached: a filtered view is not the list).
async fn get_json_params<T: DeserializeOwned>(
    path: &str,
    params: &[(&str, &str)],
) -> ApiResult<Vec<T>> {
    let params: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (*k, v.trim()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let builder = if params.is_empty() {
        get(path)
    } else {
        get(path).query(params)
    };
    get_all_pages(builder, path).await
}

/// A state-changing request whose body is a file as it is (`POST /api/files`, imports,
/// re-quote); the browser's content type travels with it.
async fn post_file<T: DeserializeOwned>(path: &str, file: &web_sys::File) -> ApiResult<T> {
    let mut builder = write(Request::post(path));
    let ctype = file.type_();
    if !ctype.is_empty() {
        builder = builder.header("content-type", &ctype);
    }
    let request = builder.body(wasm_bindgen::JsValue::from(file.clone()));
    read(send(request, path).await?).await
}

/// `PATCH /api/parts/{id}`.
pub async fn update_part(id: &str, body: &api::UpdatePart) -> ApiResult<Part> {
    let path = format!("/api/parts/{}", encode(id));
    read(send(write(Request::patch(&path)).json(body), &path).await?).await
}

/// `POST /api/parts/{id}/revisions`: a new draft revision.
pub async fn add_revision(part_id: &str, label: &str) -> ApiResult<Part> {
    let body = api::NewRevision {
        label: label.trim().to_string(),
    };
    post_json(&format!("/api/parts/{}/revisions", encode(part_id)), &body).await
}

/// `POST /api/parts/{id}/revisions/{rid}/release`.
pub async fn release_revision(part_id: &str, revision_id: &str) -> ApiResult<Part> {
    post_empty(&format!(
        "/api/parts/{}/revisions/{}/release",
        encode(part_id),
        encode(revision_id)
    ))
    .await
}

/// `GET /api/revisions/{rid}/bom` (cached as kind `bom` for offline reading).
pub async fn bom(revision_id: &str) -> ApiResult<Vec<api::BomLine>> {
    let path = format!("/api/revisions/{}/bom", encode(revision_id));
    get_cached("bom", revision_id, &path).await
}

/// `PUT /api/revisions/{rid}/bom`: the whole child list (422 `children[i].part_id` for
/// a loop).
pub async fn set_bom(
    revision_id: &str,
    children: Vec<api::BomChild>,
) -> ApiResult<Vec<api::BomLine>> {
    put_json(
        &format!("/api/revisions/{}/bom", encode(revision_id)),
        &api::SetBom { children },
    )
    .await
}

/// `GET /api/files?owner_kind=&owner_id=` (the list cached as kind `files` for offline
/// reading; the files themselves are not).
pub async fn files(owner_kind: &str, owner_id: &str) -> ApiResult<Vec<api::FileRef>> {
    let path = format!(
        "/api/files?owner_kind={}&owner_id={}",
        encode(owner_kind),
        encode(owner_id)
    );
    get_cached("files", &format!("{owner_kind}:{owner_id}"), &path).await
}

/// `POST /api/files?owner_kind=&owner_id=&name=` with the file as the body.
pub async fn upload_file(
    owner_kind: &str,
    owner_id: &str,
    file: &web_sys::File,
) -> ApiResult<api::FileRef> {
    let path = format!(
        "/api/files?owner_kind={}&owner_id={}&name={}",
        encode(owner_kind),
        encode(owner_id),
        encode(&file.name())
    );
    post_file(&path, file).await
}

/// `DELETE /api/files/{id}`.
pub async fn delete_file(id: &str) -> ApiResult<()> {
    let path = format!("/api/files/{}", encode(id));
    send(write(Request::delete(&path)).build(), &path)
        .await
        .map(|_| ())
}

/// Where a file downloads from (`GET /api/files/{id}`).
pub fn file_url(id: &str) -> String {
    format!("/api/files/{}", encode(id))
}

/// `POST /api/parts/import` or `/api/suppliers/import` (`what` = `parts` |
/// `suppliers`): all or nothing; 422 `rows[N].field` errors.
pub async fn import(what: &str, file: &web_sys::File) -> ApiResult<api::ImportReport> {
    let path = format!(
        "/api/{}/import?file_name={}",
        encode(what),
        encode(&file.name())
    );
    post_file(&path, file).await
}

/// Where the CSV export downloads from (`what` = `parts` | `suppliers`).
pub fn export_url(what: &str) -> String {
    format!("/api/{what}.csv")
}

/// `GET /api/suppliers?q=&status=&category=&country=`; the plain list (cached) when
/// no filter is set.
pub async fn suppliers_filtered(
    q: &str,
    status: &str,
    category: &str,
    country: &str,
) -> ApiResult<Vec<Supplier>> {
    if [status, category, country]
        .iter()
        .all(|s| s.trim().is_empty())
    {
        return suppliers(q).await;
    }
    get_json_params(
        "/api/suppliers",
        &[
            ("q", q),
            ("status", status),
            ("category", category),
            ("country", country),
        ],
    )
    .await
}

/// `PATCH /api/suppliers/{id}`.
pub async fn update_supplier(id: &str, body: &api::UpdateSupplier) -> ApiResult<Supplier> {
    let path = format!("/api/suppliers/{}", encode(id));
    read(send(write(Request::patch(&path)).json(body), &path).await?).await
}

/// `POST /api/suppliers/{id}/contacts`.
pub async fn add_contact(supplier_id: &str, body: &api::NewContact) -> ApiResult<Supplier> {
    post_json(
        &format!("/api/suppliers/{}/contacts", encode(supplier_id)),
        body,
    )
    .await
}

/// `POST /api/suppliers/{id}/certifications`.
pub async fn add_certification(
    supplier_id: &str,
    body: &api::NewCertification,
) -> ApiResult<Supplier> {
    post_json(
        &format!("/api/suppliers/{}/certifications", encode(supplier_id)),
        body,
    )
    .await
}

/// `DELETE /api/suppliers/{id}/certifications/{cid}`.
pub async fn remove_certification(supplier_id: &str, cert_id: &str) -> ApiResult<Supplier> {
    let path = format!(
        "/api/suppliers/{}/certifications/{}",
        encode(supplier_id),
        encode(cert_id)
    );
    read(send(write(Request::delete(&path)).build(), &path).await?).await
}

/// `POST /api/rfqs/from-bom`: a draft RFQ from a revision's BOM.
pub async fn rfq_from_bom(body: &api::RfqFromBom) -> ApiResult<RfqDetail> {
    post_json("/api/rfqs/from-bom", body).await
}

/// `POST /api/rfqs/requote?file_name=` with an old quote/PO as the body.
pub async fn requote(file: &web_sys::File) -> ApiResult<api::Requote> {
    let path = format!("/api/rfqs/requote?file_name={}", encode(&file.name()));
    post_file(&path, file).await
}

// ---- Award and early close (buyer side of issue 4). ----

/// `POST /api/rfqs/{id}/close`: end bidding now (a reason is required unless every
/// invited supplier has responded).
pub async fn close_rfq(id: &str, reason: &str) -> ApiResult<RfqDetail> {
    let body = api::CloseBidding {
        reason: reason.trim().to_string(),
    };
    post_json(&format!("/api/rfqs/{}/close", encode(id)), &body).await
}

/// `POST /api/rfqs/{id}/cancel`: end the RFQ for good (invited suppliers are told why,
/// unless it was a draft).
pub async fn cancel_rfq(id: &str, reason: &str) -> ApiResult<RfqDetail> {
    let body = api::Reason {
        reason: reason.trim().to_string(),
    };
    post_json(&format!("/api/rfqs/{}/cancel", encode(id)), &body).await
}

/// `POST /api/rfqs/{id}/award`: one winning supplier per awarded line.
pub async fn award_rfq(id: &str, body: &api::AwardRequest) -> ApiResult<RfqDetail> {
    post_json(&format!("/api/rfqs/{}/award", encode(id)), body).await
}

/// `PATCH /api/parts/{id}/revisions/{rid}`: a revision's should-cost and last price.
pub async fn update_revision_costs(
    part_id: &str,
    revision_id: &str,
    body: &api::UpdateRevision,
) -> ApiResult<Part> {
    let path = format!(
        "/api/parts/{}/revisions/{}",
        encode(part_id),
        encode(revision_id)
    );
    read(send(write(Request::patch(&path)).json(body), &path).await?).await
}

/// `PATCH /api/suppliers/{id}/contacts/{cid}`.
pub async fn update_contact(
    supplier_id: &str,
    contact_id: &str,
    body: &api::UpdateContact,
) -> ApiResult<Supplier> {
    let path = format!(
        "/api/suppliers/{}/contacts/{}",
        encode(supplier_id),
        encode(contact_id)
    );
    read(send(write(Request::patch(&path)).json(body), &path).await?).await
}

/// `DELETE /api/suppliers/{id}/contacts/{cid}` (409 `contact_has_login` for a contact
/// who signs in).
pub async fn remove_contact(supplier_id: &str, contact_id: &str) -> ApiResult<Supplier> {
    let path = format!(
        "/api/suppliers/{}/contacts/{}",
        encode(supplier_id),
        encode(contact_id)
    );
    read(send(write(Request::delete(&path)).build(), &path).await?).await
}

/// `PATCH /api/parts/{id}/revisions/{rid}`: the revision's should-cost and last price
/// (a field left out stays; `null` clears it).
pub async fn update_revision(
    part_id: &str,
    revision_id: &str,
    body: &api::UpdateRevision,
) -> ApiResult<Part> {
    let path = format!(
        "/api/parts/{}/revisions/{}",
        encode(part_id),
        encode(revision_id)
    );
    read(send(write(Request::patch(&path)).json(body), &path).await?).await
}

/// `GET /api/rfqs/{id}/files`: each line's revision drawings and line files (cached).
pub async fn rfq_files(rfq_id: &str) -> ApiResult<Vec<api::RfqFile>> {
    get_cached(kinds::RFQ_FILES, rfq_id, &paths::rfq_files(rfq_id)).await
}

/// `GET /api/mapping-memory`: the supplier's learned column mappings (cached).
pub async fn mapping_memory() -> ApiResult<domain::extract::MappingMemory> {
    get_cached("mapping_memory", "own", "/api/mapping-memory").await
}

/// `PUT /api/mapping-memory`: replaces the supplier's learned column mappings.
pub async fn save_mapping_memory(
    memory: &domain::extract::MappingMemory,
) -> ApiResult<domain::extract::MappingMemory> {
    put_json("/api/mapping-memory", memory).await
}
