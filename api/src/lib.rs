//! Bidwell's HTTP contract: the JSON bodies that travel between the app (and any other
//! client) and the server, plus the one error shape every endpoint uses.
//!
//! Guarantees: serde types only, no behaviour; decimals travel as strings; every
//! request type rejects unknown fields, so a typo in a client is a 400, not a silently
//! ignored value.

use std::collections::BTreeMap;

pub use domain::access::Role;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Header carrying the CSRF token on every state-changing request.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Response header naming the contract version the server was built with
/// ([`API_VERSION`], a fingerprint of this file). A page built from another version is
/// stale: it stops sending changes (they stay in its outbox) and asks for a reload.
pub const API_VERSION_HEADER: &str = "x-bidwell-api";
include!(concat!(env!("OUT_DIR"), "/api_version.rs"));
/// Session cookie name.
pub const SESSION_COOKIE: &str = "bidwell_session";

/// Every error response: `{"code":"…","message":"…","fields":{…}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// Stable machine-readable code, e.g. `invalid_credentials`, `validation`.
    pub code: String,
    /// A sentence for a person: what went wrong and what to do.
    pub message: String,
    /// Per-field messages for form errors (field name → message).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

/// `GET /api/health`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
    /// `sqlite` or `postgres`.
    pub database: String,
}

/// `POST /api/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// The signed-in user: `GET /api/me`, and the answer to a login or an accepted invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub user_id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organization_id: String,
    pub organization_name: String,
    /// Set for supplier users: the supplier organization they act for.
    pub supplier_id: Option<String>,
    /// Send this in the `x-csrf-token` header on every POST/PUT/PATCH/DELETE.
    pub csrf_token: String,
}

/// A part revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Revision {
    pub id: String,
    /// e.g. `A`, `B`, `03`.
    pub label: String,
    /// `draft`, `released` or `obsolete`.
    pub status: String,
    /// ISO date (YYYY-MM-DD) of release, if released.
    pub released_on: Option<String>,
    /// Buyer's should-cost per unit (buyer-internal; parts are never shown to suppliers).
    #[serde(default)]
    pub should_cost: Option<Money>,
    /// Last price paid per unit: entered by hand or set by an award.
    #[serde(default)]
    pub last_price: Option<LastPrice>,
}

/// An amount of money in a currency (ISO 4217 code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

/// A revision's last price paid, per unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LastPrice {
    pub amount: Decimal,
    pub currency: String,
    /// ISO date the price was set (the award date for awards).
    pub on: String,
    /// `manual` (entered by a buyer) or `award`.
    pub source: String,
    /// For `award`: the RFQ number it came from.
    #[serde(default)]
    pub rfq_number: Option<String>,
}

/// A last price entered by hand (`PATCH /api/parts/{id}/revisions/{rid}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewLastPrice {
    pub amount: Decimal,
    pub currency: String,
    /// ISO date; defaults to today.
    #[serde(default)]
    pub on: Option<String>,
}

/// `PATCH /api/parts/{id}/revisions/{rid}`: a field left out stays as it is; `null` clears it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateRevision {
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub should_cost: Option<Option<Money>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_price: Option<Option<NewLastPrice>>,
}

/// A field that is present (possibly `null`) becomes `Some(…)`; absent stays `None`.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// A part with its revisions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Part {
    pub id: String,
    /// Our part number, unique.
    pub number: String,
    pub name: String,
    pub description: String,
    /// UN/ECE Rec 20 unit code, e.g. `H87` (piece).
    pub uom: String,
    pub revisions: Vec<Revision>,
}

/// `POST /api/parts`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPart {
    pub number: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Defaults to `H87` (piece).
    #[serde(default)]
    pub uom: Option<String>,
    /// The first revision's label; defaults to `A`.
    #[serde(default)]
    pub revision: Option<String>,
}

/// A supplier contact person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// Stable id (`PATCH`/`DELETE /api/suppliers/{id}/contacts/{contact_id}`).
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub email: String,
    /// Whether this contact has a Bidwell login.
    pub has_login: bool,
}

/// A supplier organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Supplier {
    pub id: String,
    pub name: String,
    /// ISO 3166 alpha-2 country code.
    pub country: String,
    /// ISO 4217 default quote currency.
    pub currency: String,
    /// `approved`, `conditional` or `blocked`.
    pub status: String,
    pub contacts: Vec<Contact>,
    /// What the supplier makes, e.g. `stamping`, `machining` (lower case).
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub certifications: Vec<Certification>,
}

/// A supplier certificate (ISO 9001, IATF 16949 …) with its validity today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certification {
    pub id: String,
    pub name: String,
    pub number: String,
    /// ISO date.
    pub expires_on: Option<String>,
    pub status: domain::supplier::CertStatus,
}

/// `POST /api/suppliers/{id}/certifications`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCertification {
    pub name: String,
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub expires_on: Option<String>,
}

/// `PATCH /api/suppliers/{id}`: only the fields given change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateSupplier {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub categories: Option<Vec<String>>,
}

/// `POST /api/suppliers/{id}/contacts`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewContact {
    pub name: String,
    pub email: String,
}

/// `PATCH /api/suppliers/{id}/contacts/{contact_id}`: only the fields given change; the
/// e-mail of a contact with a login stays (it is the login).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateContact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// `POST /api/parts/{id}/revisions`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRevision {
    pub label: String,
}

/// One child of a BOM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BomLine {
    pub child_part_id: String,
    pub child_number: String,
    pub child_name: String,
    /// Quantity per one parent.
    pub quantity: Decimal,
}

/// `PUT /api/revisions/{id}/bom`: the whole child list of a parent revision.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetBom {
    pub children: Vec<BomChild>,
}

/// A child part and its quantity per parent.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BomChild {
    pub part_id: String,
    pub quantity: Decimal,
}

/// `POST /api/rfqs/requote?file_name=…`: the draft RFQ made from an old document, with
/// what was matched how, what was not, and the extractor's diagnostics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Requote {
    pub rfq: Option<RfqDetail>,
    pub plan: domain::requote::Plan,
    pub diagnostics: Vec<domain::extract::Diagnostic>,
}

/// An attached file (drawing, specification, original quote document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileRef {
    pub id: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    pub uploaded_at: String,
    /// For a quote document: whose quote it belongs to (a supplier only ever lists its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_id: Option<String>,
}

/// A file that goes with an RFQ line (`GET /api/rfqs/{id}/files`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqFile {
    pub rfq_line_id: String,
    /// `drawing` (on the line's part revision) or `line` (attached to the RFQ line).
    pub kind: String,
    pub file: FileRef,
}

/// Most ops in one `POST /api/sync` request.
pub const SYNC_MAX_OPS: usize = 200;
/// Largest `POST /api/sync` body (413 `payload_too_large` beyond it); the app's outbox
/// splits its ops into requests below it (issue 10).
pub const SYNC_MAX_BODY_BYTES: usize = 32 * 1024 * 1024;
/// Largest op (its JSON text) in a sync request; a larger one is `rejected` with code
/// `op_too_large` (a visit note's photos together: about 12 MiB before base64).
pub const SYNC_MAX_OP_BYTES: usize = 16 * 1024 * 1024;

/// What a request spends on one op besides its payload (ids, kind, time), at most.
pub const SYNC_OP_OVERHEAD: usize = 512;

/// An outbox in `POST /api/sync` requests within the limits above (issue 10): in order,
/// every entry once, at most [`SYNC_MAX_OPS`] ops and [`SYNC_MAX_BODY_BYTES`] per
/// request; `size` is an entry's payload size. An entry too large for a request of its
/// own gets one alone (the server refuses it as `op_too_large`; the app sets such
/// entries aside before). The app's sync client sends its outbox this way.
pub fn sync_batches<T>(entries: &[T], size: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0usize, 0usize);
    for (i, e) in entries.iter().enumerate() {
        let s = size(e).saturating_add(SYNC_OP_OVERHEAD);
        if i > start && (i - start == SYNC_MAX_OPS || bytes.saturating_add(s) > SYNC_MAX_BODY_BYTES)
        {
            out.push(&entries[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes = bytes.saturating_add(s);
    }
    if start < entries.len() {
        out.push(&entries[start..]);
    }
    out
}

/// `POST /api/sync`: outbox operations made offline, to apply in order (at most 200 ops
/// and 32 MiB; each op at most 16 MiB).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    pub ops: Vec<SyncOp>,
}

/// One queued change. `op_id` is generated on the device and makes the op idempotent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SyncOp {
    pub op_id: String,
    /// `quote.submit`, `quote.enter_for_supplier` or `visit_note.create`.
    pub kind: String,
    /// When the person made the change on the device (RFC 3339; informative only —
    /// time rules use the server's clock).
    pub created_at: String,
    pub payload: serde_json::Value,
}

/// Payload of `quote.submit`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuoteSubmitOp {
    pub rfq_id: String,
    /// The newest version the device knew when the person edited (`null`: none).
    pub base_version: Option<i64>,
    pub quote: Quote,
}

/// Payload of `quote.enter_for_supplier` (a buyer capturing a quote at a visit).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnterForSupplierOp {
    pub rfq_id: String,
    pub supplier_id: String,
    pub base_version: Option<i64>,
    pub quote: Quote,
}

/// Payload of `visit_note.create`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VisitNoteOp {
    pub note_id: String,
    pub supplier_id: String,
    #[serde(default)]
    pub rfq_id: Option<String>,
    pub text: String,
    /// When the note was taken (RFC 3339).
    pub taken_at: String,
    #[serde(default)]
    pub photos: Vec<PhotoOp>,
}

/// A photo taken at a visit, resized in the browser.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PhotoOp {
    pub photo_id: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub content_type: String,
    pub data_base64: String,
}

/// The outcome of one op.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncResult {
    pub op_id: String,
    /// `applied`, `duplicate`, `conflict` or `rejected`.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
}

/// `POST /api/sync` answer, one result per op in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncResponse {
    pub results: Vec<SyncResult>,
}

/// `GET /api/changes?since=CURSOR`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Changes {
    /// Pass this as `since` next time. Opaque and this reader's own: it names the last
    /// change shown to this reader and moves only when the reader has something new, so
    /// it tells nothing of anyone else's activity (issue 10, L1).
    pub cursor: String,
    /// More changes wait after `cursor`.
    pub more: bool,
    pub changes: Vec<ChangeRef>,
}

/// Something that changed; refetch it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeRef {
    pub entity_type: String,
    pub entity_id: String,
    pub action: String,
}

/// A buyer's note from a supplier visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitNote {
    pub id: String,
    pub supplier_id: String,
    pub rfq_id: Option<String>,
    pub text: String,
    pub taken_at: String,
    pub created_by: String,
    pub photos: Vec<PhotoRef>,
}

/// A stored photo; fetch it at `/api/visit-notes/{note}/photos/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhotoRef {
    pub id: String,
    pub content_type: String,
}

/// `POST /api/rfqs/from-bom`: a draft RFQ whose lines are a parent revision's children.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RfqFromBom {
    pub revision_id: String,
    pub title: String,
    pub currency: String,
    pub deadline: String,
    /// Parent build quantities; each child's breaks are these × its quantity per parent.
    pub build_quantities: Vec<Decimal>,
    /// Parent builds per year, for the children's annual volumes.
    #[serde(default)]
    pub annual_builds: Option<Decimal>,
    #[serde(default)]
    pub need_by: Option<String>,
    #[serde(default)]
    pub supplier_ids: Vec<String>,
    #[serde(default = "yes")]
    pub sealed: bool,
}

fn yes() -> bool {
    true
}

/// `POST /api/suppliers`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewSupplier {
    pub name: String,
    pub country: String,
    pub currency: String,
    /// Defaults to `approved`.
    #[serde(default)]
    pub status: Option<String>,
}

/// One line of an RFQ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqLine {
    pub id: String,
    pub line_no: i64,
    pub part_id: String,
    pub part_number: String,
    pub part_name: String,
    pub revision: String,
    /// The revision's status now: `released`, `draft` or `obsolete` (shown on the line to
    /// buyer and supplier alike).
    pub revision_status: String,
    pub uom: String,
    /// Quantity breaks, ascending.
    pub quantities: Vec<Decimal>,
    pub annual_volume: Option<Decimal>,
    /// ISO date.
    pub need_by: Option<String>,
    pub notes: String,
    /// Buyer-internal: last price paid per unit in the RFQ's currency. Never sent to a
    /// supplier (absent from the JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_price: Option<ReferencePrice>,
    /// Buyer-internal: should-cost per unit in the RFQ's currency. Never sent to a supplier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub should_cost: Option<ReferencePrice>,
}

/// A buyer-internal reference price of an RFQ line, per unit in the RFQ's currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferencePrice {
    /// In the RFQ's currency; `None` when the FX table has no rate to convert with.
    pub amount: Option<Decimal>,
    /// `line` (entered on the RFQ line) or `revision` (taken from the part revision).
    pub from: String,
    /// The revision's value as stored, before conversion.
    #[serde(default)]
    pub original: Option<Money>,
    /// Rate used to convert (1 unit of the original currency in the RFQ's) and its date.
    #[serde(default)]
    pub fx_rate: Option<Decimal>,
    #[serde(default)]
    pub fx_as_of: Option<String>,
    /// For a revision's last price: its date and source (`manual`, `award RFQ-…`).
    #[serde(default)]
    pub on: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// An RFQ as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqSummary {
    pub id: String,
    /// Human reference, e.g. `RFQ-2026-0001`.
    pub number: String,
    pub title: String,
    /// `draft`, `open`, `closed`, `awarded`, `cancelled`.
    pub status: String,
    /// RFC 3339 deadline.
    pub deadline: String,
    /// IANA time zone the deadline was set in, for display.
    pub time_zone: String,
    pub sealed: bool,
    pub currency: String,
    pub line_count: i64,
    /// Internal users see the count; a supplier sees 0 (it must not learn the field's size).
    pub invited_count: i64,
    /// Supplier users only: where the supplier's own answer stands, i.e. what it still
    /// owes. Absent for internal users. (A draft lives on the supplier's device, not here.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_quote: Option<MyQuoteState>,
}

/// Where a supplier's own answer to an RFQ stands, from its latest stored version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MyQuoteState {
    /// Nothing submitted yet.
    NotStarted,
    /// A submitted quote (or no-bid) stands.
    Submitted,
    /// Submitted, but the RFQ changed since: the supplier should confirm or revise.
    Reconfirm,
    /// The last version was withdrawn: no answer stands.
    Withdrawn,
}

impl MyQuoteState {
    /// From the latest version's status (`submitted`, `withdrawn`, …) and its
    /// reconfirmation flag; `None` when the supplier never submitted.
    pub fn from_latest(latest: Option<(&str, bool)>) -> Self {
        match latest {
            None => MyQuoteState::NotStarted,
            Some(("withdrawn", _)) => MyQuoteState::Withdrawn,
            Some((_, true)) => MyQuoteState::Reconfirm,
            Some(_) => MyQuoteState::Submitted,
        }
    }
}

/// An RFQ in full. A supplier user receives only its own entry in `invited`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqDetail {
    #[serde(flatten)]
    pub summary: RfqSummary,
    pub incoterm: String,
    pub payment_terms: String,
    pub lines: Vec<RfqLine>,
    pub invited: Vec<InvitedSupplier>,
    /// Buyers only: the award, once the RFQ is awarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub award: Option<AwardSummary>,
    /// Supplier users only: this supplier's own award result, once the RFQ is awarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_award: Option<MyAward>,
    /// Buyers only, while open: which invited suppliers have responded (a current
    /// submitted quote, including an all-lines no-bid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded: Option<Vec<String>>,
    /// Buyers only: when the buyer's side first saw the bids after bidding ended (the
    /// comparison, a quote document, responses with prices). From then on the deadline
    /// can no longer be extended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bids_opened_at: Option<String>,
}

/// A supplier invited to an RFQ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitedSupplier {
    pub supplier_id: String,
    pub supplier_name: String,
}

/// `POST /api/invitations`: invite a supplier contact to Bidwell.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    pub supplier_id: String,
    pub email: String,
    pub name: String,
}

/// The answer to [`NewInvitation`]: the single-use link to hand to the contact.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationCreated {
    pub id: String,
    /// Path of the accept page, e.g. `/invite/3f…`; the token is only shown here.
    pub path: String,
    pub token: String,
    pub expires_at: String,
}

/// `GET /api/invitations/{token}`: what the accept page shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationInfo {
    pub email: String,
    pub name: String,
    pub supplier_name: String,
    pub expires_at: String,
}

/// `POST /api/invitations/{token}/accept`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    pub name: String,
    pub password: String,
}

/// A user account, as the admin sees it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organization_name: String,
    pub supplier_id: Option<String>,
    /// How sign-ins on the account are throttled now (issue 10).
    #[serde(default)]
    pub sign_in: SignInThrottle,
}

/// Sign-in throttling of one account, as the server process that answers counts it
/// (failures are counted in memory, per process): wrong passwords from browsers and
/// networks the account does not know, and until when those must wait before trying
/// again. An admin lifts it with `POST /api/users/{id}/unlock`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInThrottle {
    /// Failed sign-ins from unknown browsers in the last 15 minutes.
    pub failures: i64,
    /// When sign-ins from unknown browsers may try again (RFC 3339); `None` when they need
    /// not wait.
    pub slowed_until: Option<String>,
}

/// `POST /api/users/{id}/unlock`: an admin lifted the account's sign-in wait (issue 10).
/// Earlier failed sign-ins on the account no longer count; the unlock is audited.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountUnlocked {
    pub user_id: String,
    pub email: String,
    /// Whether sign-ins from unknown browsers on the account had to wait.
    pub was_locked: bool,
    /// Failed sign-ins in the lockout window that no longer count.
    pub failures_cleared: i64,
}

/// `GET /api/audit/verify`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditVerify {
    pub ok: bool,
    pub events: u64,
    /// The first broken link, if any.
    pub error: Option<String>,
}

/// A scope of an API token (`parts:read`, `parts:write`, `suppliers:read`,
/// `suppliers:write`, `awards:read`).
pub use domain::access::Scope;

/// `POST /api/tokens` (admins): a token for an integration, acting as the admin who makes
/// it, limited to `scopes`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewApiToken {
    /// What the token is for, e.g. `ERP nightly sync`.
    pub name: String,
    /// At least one.
    pub scopes: Vec<Scope>,
}

/// An API token as listed: never the token itself (only its SHA-256 is stored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
    /// User id of the admin who made it (the token acts as that user).
    pub created_by: String,
    pub created_at: String,
    /// Set once revoked; a revoked token is refused (401).
    pub revoked_at: Option<String>,
}

/// The answer to [`NewApiToken`]: send `bearer` as `Authorization: Bearer …`. It is shown
/// only here.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiTokenCreated {
    pub token: ApiToken,
    pub bearer: String,
}

pub use domain::audit::AuditEvent;
pub use domain::quote::Quote;

/// An exchange rate: one unit of `currency` is worth `rate` units of `base`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FxRate {
    pub base: String,
    pub currency: String,
    pub rate: Decimal,
    /// ISO date the rate was taken.
    pub as_of: String,
}

/// `POST /api/fx/import`: what an ECB reference-rate file set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FxImport {
    /// The rows stored: one euro in each currency (`base`), with the file's date.
    pub imported: Vec<FxRate>,
    /// Entries not taken, each with why.
    pub skipped: Vec<String>,
}

/// `GET /api/rfqs/{id}/comparison?…`: the inputs of the leveled comparison (so the app
/// can re-level instantly, offline) and the result for the requested settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comparison {
    pub rfq: domain::quote::RfqSpec,
    pub bids: Vec<domain::level::Bid>,
    pub settings: domain::level::Settings,
    pub leveled: domain::level::Leveled,
    /// The whole exchange-rate table (every base), so the page re-levels in another base
    /// currency with `domain::level::rates_against`, as the server does, without a request.
    #[serde(default)]
    pub fx_table: Vec<FxRate>,
}

/// A clarification question and, once given, its answer. Suppliers see every answered
/// question without the asker's identity, plus their own open ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Clarification {
    pub id: String,
    pub question: String,
    pub asked_at: String,
    /// Only internal users and the asking supplier see who asked.
    pub asked_by_supplier: Option<String>,
    pub answer: Option<String>,
    pub answered_at: Option<String>,
}

/// `POST /api/rfqs/{id}/clarifications` (supplier) and `…/{cid}/answer` (buyer).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ClarificationText {
    pub text: String,
}

/// `POST /api/rfqs`: a new draft RFQ.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRfq {
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub title: String,
    /// ISO 4217 base currency of the comparison.
    pub currency: String,
    /// Requested Incoterm and place, e.g. `FCA Chicago`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub incoterm: String,
    /// Requested payment terms, e.g. `Net 60`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub payment_terms: String,
    /// RFC 3339 deadline.
    pub deadline: String,
    /// IANA time zone the buyer set the deadline in (display only).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub time_zone: Option<String>,
    #[serde(default)]
    pub sealed: bool,
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub lines: Vec<NewRfqLine>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub supplier_ids: Vec<String>,
}

/// One line of a new RFQ.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewRfqLine {
    /// When editing: the id of the existing line this replaces (kept, so quotes that
    /// answer it still match). Omit for a new line.
    #[serde(default)]
    pub id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub part_id: String,
    /// Revision label; defaults to the part's released revision.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 16))]
    pub revision: Option<String>,
    /// The buyer confirms asking for a draft or obsolete revision (`domain::revision`);
    /// without it such a revision is refused (422 on `lines[N].revision`). A line that
    /// keeps the revision it already had needs no new confirmation.
    #[serde(default)]
    pub confirm_revision: bool,
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub quantities: Vec<Decimal>,
    #[serde(default)]
    pub annual_volume: Option<Decimal>,
    /// ISO date.
    #[serde(default)]
    pub need_by: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub notes: String,
    /// Buyer-internal override of the revision's last price, per unit in the RFQ's currency.
    #[serde(default)]
    pub last_price: Option<Decimal>,
    /// Buyer-internal override of the revision's should-cost, per unit in the RFQ's currency.
    #[serde(default)]
    pub should_cost: Option<Decimal>,
}

/// `POST /api/rfqs/{id}/close`: ends bidding now. `reason` is required unless every
/// invited supplier has responded.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CloseBidding {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// `POST /api/rfqs/{id}/award`: one winning supplier per awarded line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AwardRequest {
    pub lines: Vec<AwardLineRequest>,
    /// Buyer-internal note kept with the award.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: String,
    /// The comparison settings the buyer decided with (base, rates, amortization, cost
    /// of capital, outlier ratio); checked like the comparison's, stored with the award
    /// and used for its landed costs. Left out: the comparison's defaults.
    #[serde(default)]
    pub settings: Option<domain::level::Settings>,
}

/// `PUT /api/rfqs/{id}/estimates/{supplier_id}`: the buyer's freight and duty estimate
/// for one supplier's quote (`domain::level::LandedEstimate`), replacing the previous one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EstimateRequest {
    /// ISO 4217 code of the freight amount.
    pub currency: String,
    #[serde(default)]
    pub freight: Option<domain::level::EstimateFreight>,
    /// Import duty in percent of the unit price.
    #[serde(default)]
    pub duty_pct: Option<Decimal>,
    #[serde(default)]
    pub note: String,
}

/// One awarded line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AwardLineRequest {
    pub rfq_line_id: String,
    pub supplier_id: String,
    /// The quantity break awarded (one of the line's); defaults to the first.
    #[serde(default)]
    pub qty: Option<Decimal>,
}

/// One awarded line as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AwardedLine {
    pub rfq_line_id: String,
    pub line_no: i64,
    pub part_number: String,
    pub revision: String,
    pub supplier_id: String,
    pub supplier_name: String,
    pub qty: Decimal,
    /// Quoted price per unit at `qty`, in `currency` (the quote's).
    pub unit_price: Decimal,
    pub currency: String,
    /// Landed cost per unit in the settings' base currency, as the award leveled it
    /// (with the buyer's freight and duty estimate, when there was one).
    pub landed: Option<Decimal>,
    /// The buyer's freight and duty estimate the landed cost included (`None`: none).
    #[serde(default)]
    pub estimate: Option<domain::level::LandedEstimate>,
}

/// The award as buyers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AwardSummary {
    pub awarded_at: String,
    pub awarded_by: String,
    pub note: String,
    pub lines: Vec<AwardedLine>,
    /// The comparison settings the award was made with (`None`: an award from before
    /// they were kept).
    #[serde(default)]
    pub settings: Option<domain::level::Settings>,
}

/// A supplier's own award result: `awarded` (with the lines it won) or `not_awarded`.
/// Never names another supplier or their prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyAward {
    /// `awarded` or `not_awarded`.
    pub result: String,
    pub awarded_at: String,
    pub lines: Vec<MyAwardedLine>,
}

/// A line a supplier won.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyAwardedLine {
    pub rfq_line_id: String,
    pub line_no: i64,
    pub part_number: String,
    pub revision: String,
    pub qty: Decimal,
    pub unit_price: Decimal,
    pub currency: String,
}

/// `POST /api/rfqs/{id}/extend`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ExtendDeadline {
    pub deadline: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// `POST /api/parts/import` / `POST /api/suppliers/import`: what an import did. A file
/// with any invalid row imports nothing (422 with `rows[N].field` errors, N = the row in
/// the file); rows for records that already exist are skipped and listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    pub created: usize,
    pub skipped: Vec<ImportSkip>,
}

/// A row left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportSkip {
    pub row: usize,
    pub reason: String,
}

/// A reason a person gives for a decision (`POST /api/rfqs/{id}/cancel`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Reason {
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: String,
}

/// `PATCH /api/parts/{id}`: only the fields given change.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdatePart {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub uom: Option<String>,
}

/// `POST /api/rfqs/{id}/suppliers`: invite one more supplier.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct InviteSupplier {
    pub supplier_id: String,
}

/// A bid receipt: proof of what a supplier submitted and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteReceipt {
    pub rfq_id: String,
    pub rfq_number: String,
    pub supplier_id: String,
    pub version: i64,
    /// Server time of receipt, RFC 3339.
    pub received_at: String,
    /// SHA-256 over the canonical quote, the receipt time and the nonce
    /// (`domain::quote::receipt_hash`, docs/receipt.md).
    pub hash: String,
    /// Receipt format 2's secret: 32 lowercase hex digits that the hash covers. Given to
    /// the supplier with its receipt, and to the buyer's side only where the sealing rule
    /// shows the bid; absent on format 1 receipts (issued before it) and where sealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

/// One stored version of a supplier's quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteVersion {
    pub receipt: QuoteReceipt,
    /// `submitted`, `superseded` or `withdrawn`.
    pub status: String,
    /// The RFQ changed after this was submitted; the supplier should confirm or revise.
    pub needs_reconfirmation: bool,
    /// Absent where the reader may not see prices (sealed RFQ before its deadline).
    pub quote: Option<Quote>,
    /// A buyer captured this version on the supplier's behalf (at a visit); the receipt's
    /// time is when the server received it.
    #[serde(default)]
    pub entered_by_buyer: bool,
}

/// `GET /api/rfqs/{id}/quote`: the supplier's own quote history, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyQuote {
    /// Whether the supplier may still submit, resubmit or withdraw.
    pub can_change: bool,
    pub versions: Vec<QuoteVersion>,
}

/// One invited supplier's response, as the buyer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Response {
    pub supplier_id: String,
    pub supplier_name: String,
    /// `none`, `submitted` or `withdrawn`.
    pub status: String,
    pub current: Option<QuoteVersion>,
}

/// `GET /api/rfqs/{id}/quotes`: who responded; prices only when they may be seen (and,
/// with `?prices=false`, not even then).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqResponses {
    /// Whether the sealing rule lets the reader see the bids' prices now.
    pub prices_visible: bool,
    /// Why prices are hidden, for the person.
    pub sealed_message: Option<String>,
    pub responses: Vec<Response>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_reject_unknown_fields() {
        let e = serde_json::from_str::<LoginRequest>(
            r#"{"email":"a@b.c","password":"x","remember":true}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown field `remember`"), "{e}");
    }

    /// The app's outbox splitting (issue 10, L6): order kept, nothing lost or repeated,
    /// every request within the op count and the body size, as few requests as fit.
    #[test]
    fn an_outbox_is_split_into_requests_within_the_limits() {
        let mib = 1024 * 1024;
        let check = |sizes: &[usize]| -> Vec<usize> {
            let batches = sync_batches(sizes, |s| *s);
            let flat: Vec<usize> = batches.iter().flat_map(|b| b.iter().copied()).collect();
            assert_eq!(flat, sizes, "order and entries kept");
            for b in &batches {
                assert!(!b.is_empty());
                assert!(b.len() <= SYNC_MAX_OPS, "{} ops", b.len());
                let bytes: usize = b.iter().map(|s| s + SYNC_OP_OVERHEAD).sum();
                assert!(
                    b.len() == 1 || bytes <= SYNC_MAX_BODY_BYTES,
                    "{bytes} bytes in {} ops",
                    b.len()
                );
            }
            // Greedy: no batch could have taken the next one's first entry.
            for w in batches.windows(2) {
                let bytes: usize = w[0].iter().map(|s| s + SYNC_OP_OVERHEAD).sum();
                assert!(
                    w[0].len() == SYNC_MAX_OPS
                        || bytes + w[1][0] + SYNC_OP_OVERHEAD > SYNC_MAX_BODY_BYTES
                );
            }
            batches.iter().map(|b| b.len()).collect()
        };
        assert_eq!(check(&[]), Vec::<usize>::new());
        assert_eq!(check(&[10]), vec![1]);
        // By count: 450 small ops → 200, 200, 50.
        assert_eq!(check(&[100; 450]), vec![200, 200, 50]);
        // By size: 5 ops of 10 MiB → 3 + 2 (32 MiB per request).
        assert_eq!(check(&[10 * mib; 5]), vec![3, 2]);
        // Exactly at the limit fits; one byte more does not.
        let exact = SYNC_MAX_BODY_BYTES / 2 - SYNC_OP_OVERHEAD;
        assert_eq!(check(&[exact, exact, 1]), vec![2, 1]);
        assert_eq!(check(&[exact, exact + 1]), vec![1, 1]);
        // An op larger than a request still goes alone, and does not hold others back.
        assert_eq!(check(&[1, 40 * mib, 1, 1]), vec![1, 1, 2]);
        // Mixed: small ops fill up around large ones.
        let mut mixed = vec![16 * mib - SYNC_OP_OVERHEAD; 2];
        mixed.extend(vec![10; 300]);
        assert_eq!(check(&mixed), vec![2, 200, 100]);
    }

    #[test]
    fn error_shape_omits_empty_fields() {
        let e = ApiError {
            code: "not_found".into(),
            message: "no such part".into(),
            fields: BTreeMap::new(),
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"not_found","message":"no such part"}"#
        );
    }

    #[test]
    fn rfq_detail_flattens_summary_and_carries_decimals_as_strings() {
        let line = RfqLine {
            id: "l".into(),
            line_no: 1,
            part_id: "p".into(),
            part_number: "BRK-2208".into(),
            part_name: "Bracket".into(),
            revision: "B".into(),
            revision_status: "released".into(),
            uom: "H87".into(),
            quantities: vec![Decimal::new(500, 0), Decimal::new(2000, 0)],
            annual_volume: None,
            need_by: None,
            notes: String::new(),
            last_price: None,
            should_cost: None,
        };
        let j = serde_json::to_value(&line).unwrap();
        assert_eq!(j["quantities"], serde_json::json!(["500", "2000"]));
    }
}
