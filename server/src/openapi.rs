//! The HTTP API as an OpenAPI 3.1 document (issue 10), served at `GET /api/openapi.json`
//! and kept in the repository as `docs/openapi.json`.
//!
//! Bodies are the `api` (and `domain`) types themselves: they derive `utoipa::ToSchema`
//! behind their `openapi` features, and query strings are the handlers' own query structs
//! (`utoipa::IntoParams`), so a changed field changes the document. The operations are
//! [`OPERATIONS`]-style calls in [`document`], one per route of the router; the server's
//! tests check both ways that every route registered in `server/src` is documented and every
//! documented operation is a route, and that `docs/openapi.json` is what this module
//! generates (`cargo run -p server --bin bidwell -- openapi > docs/openapi.json`).
//!
//! Every operation documents its success answer and, as `default`, the one error shape
//! (`ApiError`); schemathesis (`cargo xtask test`, step `schemathesis`) checks a running
//! server against this document.

use std::sync::OnceLock;

use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, Content, InfoBuilder, OpenApi, OpenApiBuilder, Paths, Ref, RefOr, Required,
    Response, ResponseBuilder, Schema,
};
use utoipa::{IntoParams, ToSchema};

use crate::routes;

/// A request body. (Short-lived, one per operation while the document is built once: the
/// size of a schema inline does not matter.)
#[allow(clippy::large_enum_variant)]
enum Body {
    None,
    Json(RefOr<Schema>),
    /// Raw bytes (a file), any content type.
    Bytes,
}

/// A success answer.
#[allow(clippy::large_enum_variant)]
enum Answer {
    Json(u16, RefOr<Schema>),
    /// JSON of one schema under two statuses (e.g. 201 made something, 200 did not).
    Json2(u16, u16, RefOr<Schema>),
    /// A download: bytes of this content type.
    File(&'static str),
    /// `204 No Content`.
    Empty,
}

/// Collects operations and the schemas they refer to.
struct Doc {
    paths: Paths,
    schemas: Vec<(String, RefOr<Schema>)>,
}

impl Doc {
    /// A `$ref` to `T`, registering `T` and every schema it refers to.
    fn r<T: ToSchema>(&mut self) -> RefOr<Schema> {
        self.schemas.push((T::name().into_owned(), T::schema()));
        T::schemas(&mut self.schemas);
        Ref::from_schema_name(T::name()).into()
    }

    /// An array of `T`.
    fn list<T: ToSchema>(&mut self) -> RefOr<Schema> {
        ArrayBuilder::new().items(self.r::<T>()).into()
    }

    /// One operation: `method path`, its query parameters, body and success answer. Path
    /// parameters are read from the template.
    fn op(
        &mut self,
        method: HttpMethod,
        path: &str,
        summary: &str,
        query: Vec<utoipa::openapi::path::Parameter>,
        body: Body,
        answer: Answer,
    ) {
        let error = self.r::<api::ApiError>();
        let mut op = OperationBuilder::new()
            .operation_id(Some(operation_id(&method, path)))
            .summary(Some(summary));
        for seg in path.split('/') {
            if let Some(name) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                op = op.parameter(
                    ParameterBuilder::new()
                        .name(name)
                        .parameter_in(ParameterIn::Path)
                        .required(Required::True)
                        .schema(Some(string())),
                );
            }
        }
        for p in query {
            op = op.parameter(p);
        }
        op = match body {
            Body::None => op,
            Body::Json(schema) => op.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/json", Content::new(Some(schema)))
                    .required(Some(Required::True))
                    .build(),
            )),
            Body::Bytes => op.request_body(Some(
                RequestBodyBuilder::new()
                    .content("application/octet-stream", Content::new(Some(binary())))
                    .required(Some(Required::True))
                    .build(),
            )),
        };
        let json_ok = |schema: RefOr<Schema>| {
            ResponseBuilder::new()
                .description("Success.")
                .content("application/json", Content::new(Some(schema)))
                .build()
        };
        let (status, ok): (String, Response) = match answer {
            Answer::Json(status, schema) => (status.to_string(), json_ok(schema)),
            Answer::Json2(first, second, schema) => {
                op = op.response(second.to_string(), json_ok(schema.clone()));
                (first.to_string(), json_ok(schema))
            }
            Answer::File(content_type) => (
                "200".into(),
                ResponseBuilder::new()
                    .description("The file.")
                    .content(content_type, Content::new(Some(binary())))
                    .build(),
            ),
            Answer::Empty => (
                "204".into(),
                ResponseBuilder::new().description("Done.").build(),
            ),
        };
        let op = op.response(status, ok).response(
            "default",
            ResponseBuilder::new()
                .description("Any error: the one error shape (see docs/contract.md for codes).")
                .content("application/json", Content::new(Some(error)))
                .build(),
        );
        self.paths
            .add_path_operation(path, vec![method], op.build());
    }
}

fn string() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::String))
        .into()
}

fn binary() -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::String))
        .format(Some(utoipa::openapi::SchemaFormat::Custom("binary".into())))
        .into()
}

/// `get_api_rfqs_id_quote`: unique per (method, path).
fn operation_id(method: &HttpMethod, path: &str) -> String {
    let m = match method {
        HttpMethod::Get => "get",
        HttpMethod::Put => "put",
        HttpMethod::Post => "post",
        HttpMethod::Delete => "delete",
        HttpMethod::Patch => "patch",
        _ => "other",
    };
    let p: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut id = format!("{m}_{p}");
    while id.contains("__") {
        id = id.replace("__", "_");
    }
    id.trim_end_matches('_').to_string()
}

fn q<P: IntoParams>() -> Vec<utoipa::openapi::path::Parameter> {
    P::into_params(|| Some(ParameterIn::Query))
}

/// The document, built once.
pub fn document() -> &'static OpenApi {
    static DOC: OnceLock<OpenApi> = OnceLock::new();
    DOC.get_or_init(build)
}

/// The document as served and as kept in `docs/openapi.json` (pretty, newline-terminated).
pub fn json() -> String {
    let mut s = document()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

/// `GET /api/openapi.json`.
pub async fn serve() -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;
    let mut res = json().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

fn build() -> OpenApi {
    use api::*;
    use HttpMethod::{Delete, Get, Patch, Post, Put};
    let mut d = Doc {
        paths: Paths::new(),
        schemas: Vec::new(),
    };
    let none = Vec::new;

    // Sign-in and the session.
    let s = d.r::<Health>();
    d.op(
        Get,
        "/api/health",
        "Liveness and the database engine",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.r::<OpenApiMarker>();
    d.op(
        Get,
        "/api/openapi.json",
        "This document",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<LoginRequest>(), d.r::<Me>());
    d.op(
        Post,
        "/api/auth/login",
        "Sign in (sets the session cookie)",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    d.op(
        Post,
        "/api/auth/logout",
        "Sign out",
        none(),
        Body::None,
        Answer::Empty,
    );
    let s = d.r::<Me>();
    d.op(
        Get,
        "/api/me",
        "The signed-in user and the CSRF token",
        none(),
        Body::None,
        Answer::Json(200, s),
    );

    // Parts.
    let s = d.list::<Part>();
    d.op(
        Get,
        "/api/parts",
        "Parts, one page: X-Total-Count and Link rel=next",
        q::<routes::parts::Search>(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewPart>(), d.r::<Part>());
    d.op(
        Post,
        "/api/parts",
        "Create a part",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<Part>();
    d.op(
        Get,
        "/api/parts/{id}",
        "One part",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<UpdatePart>(), d.r::<Part>());
    d.op(
        Patch,
        "/api/parts/{id}",
        "Change a part",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewRevision>(), d.r::<Part>());
    d.op(
        Post,
        "/api/parts/{id}/revisions",
        "Add a draft revision",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<Part>();
    d.op(
        Post,
        "/api/parts/{id}/revisions/{rid}/release",
        "Release a revision",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<UpdateRevision>(), d.r::<Part>());
    d.op(
        Patch,
        "/api/parts/{id}/revisions/{rid}",
        "Set a revision's should-cost and last price",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let s = d.list::<BomLine>();
    d.op(
        Get,
        "/api/revisions/{rid}/bom",
        "A revision's bill of materials",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<SetBom>(), d.list::<BomLine>());
    d.op(
        Put,
        "/api/revisions/{rid}/bom",
        "Replace a bill of materials",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    d.op(
        Get,
        "/api/parts.csv",
        "Parts as CSV",
        none(),
        Body::None,
        Answer::File("text/csv"),
    );
    let s = d.r::<ImportReport>();
    d.op(
        Post,
        "/api/parts/import",
        "Import parts from CSV/TSV/XLSX/ODS",
        q::<routes::ImportQuery>(),
        Body::Bytes,
        Answer::Json(200, s),
    );

    // Suppliers.
    let s = d.list::<Supplier>();
    d.op(
        Get,
        "/api/suppliers",
        "Suppliers, one page: X-Total-Count and Link rel=next",
        q::<routes::suppliers::Search>(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewSupplier>(), d.r::<Supplier>());
    d.op(
        Post,
        "/api/suppliers",
        "Create a supplier",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<Supplier>();
    d.op(
        Get,
        "/api/suppliers/{id}",
        "One supplier",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<UpdateSupplier>(), d.r::<Supplier>());
    d.op(
        Patch,
        "/api/suppliers/{id}",
        "Change a supplier",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewContact>(), d.r::<Supplier>());
    d.op(
        Post,
        "/api/suppliers/{id}/contacts",
        "Add a contact",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let (b, s) = (d.r::<UpdateContact>(), d.r::<Supplier>());
    d.op(
        Patch,
        "/api/suppliers/{id}/contacts/{cid}",
        "Change a contact",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let s = d.r::<Supplier>();
    d.op(
        Delete,
        "/api/suppliers/{id}/contacts/{cid}",
        "Remove a contact",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewCertification>(), d.r::<Supplier>());
    d.op(
        Post,
        "/api/suppliers/{id}/certifications",
        "Add a certificate",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<Supplier>();
    d.op(
        Delete,
        "/api/suppliers/{id}/certifications/{cid}",
        "Remove a certificate",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    d.op(
        Get,
        "/api/suppliers.csv",
        "Suppliers as CSV",
        none(),
        Body::None,
        Answer::File("text/csv"),
    );
    let s = d.r::<ImportReport>();
    d.op(
        Post,
        "/api/suppliers/import",
        "Import suppliers from CSV/TSV/XLSX/ODS",
        q::<routes::ImportQuery>(),
        Body::Bytes,
        Answer::Json(200, s),
    );

    // RFQs.
    let s = d.list::<RfqSummary>();
    d.op(
        Get,
        "/api/rfqs",
        "RFQs (a supplier: those it is invited to), one page: X-Total-Count and Link rel=next",
        q::<crate::page::PageQuery>(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewRfq>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs",
        "Create a draft RFQ",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<RfqDetail>();
    d.op(
        Get,
        "/api/rfqs/{id}",
        "One RFQ",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<RfqFromBom>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs/from-bom",
        "A draft RFQ from a bill of materials",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<Requote>();
    d.op(
        Post,
        "/api/rfqs/requote",
        "A draft RFQ from an old quote, PO or invoice",
        q::<routes::rfqs::RequoteQuery>(),
        Body::Bytes,
        Answer::Json2(201, 200, s),
    );
    let s = d.r::<RfqDetail>();
    d.op(
        Post,
        "/api/rfqs/{id}/open",
        "Open a draft for bidding",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<ExtendDeadline>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs/{id}/extend",
        "Extend the deadline",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<Reason>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs/{id}/cancel",
        "Cancel an RFQ",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<InviteSupplier>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs/{id}/suppliers",
        "Invite one more supplier",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.list::<NewRfqLine>(), d.r::<RfqDetail>());
    d.op(
        Put,
        "/api/rfqs/{id}/lines",
        "Replace the lines",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<CloseBidding>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs/{id}/close",
        "End bidding now",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<AwardRequest>(), d.r::<RfqDetail>());
    d.op(
        Post,
        "/api/rfqs/{id}/award",
        "Award lines",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );

    // Quotes.
    let s = d.r::<MyQuote>();
    d.op(
        Get,
        "/api/rfqs/{id}/quote",
        "The supplier's own quote history",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<Quote>(), d.r::<QuoteReceipt>());
    d.op(
        Put,
        "/api/rfqs/{id}/quote",
        "Submit or resubmit the supplier's quote",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<MyQuote>();
    d.op(
        Post,
        "/api/rfqs/{id}/quote/withdraw",
        "Withdraw the supplier's quote",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.r::<RfqResponses>();
    d.op(
        Get,
        "/api/rfqs/{id}/quotes",
        "Every invited supplier's response",
        q::<routes::quotes::ResponsesQuery>(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.list::<QuoteVersion>();
    d.op(
        Get,
        "/api/rfqs/{id}/quotes/{supplier_id}",
        "One supplier's quote versions",
        none(),
        Body::None,
        Answer::Json(200, s),
    );

    // Comparison and exchange rates.
    let s = d.list::<FxRate>();
    d.op(
        Get,
        "/api/fx",
        "Exchange rates",
        q::<routes::compare::BaseQuery>(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.list::<FxRate>(), d.list::<FxRate>());
    d.op(
        Put,
        "/api/fx",
        "Set exchange rates",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let s = d.r::<FxImport>();
    d.op(
        Post,
        "/api/fx/import",
        "Import exchange rates from an ECB reference-rate file (CSV or XML)",
        none(),
        Body::Bytes,
        Answer::Json(200, s),
    );
    let (b, s) = (
        d.r::<EstimateRequest>(),
        d.r::<domain::level::LandedEstimate>(),
    );
    d.op(
        Put,
        "/api/rfqs/{id}/estimates/{supplier_id}",
        "Set the buyer's freight and duty estimate for a supplier's quote",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    d.op(
        Delete,
        "/api/rfqs/{id}/estimates/{supplier_id}",
        "Remove the buyer's freight and duty estimate for a supplier's quote",
        none(),
        Body::None,
        Answer::Empty,
    );
    let s = d.r::<Comparison>();
    d.op(
        Get,
        "/api/rfqs/{id}/comparison",
        "The leveled comparison",
        q::<routes::compare::LevelQuery>(),
        Body::None,
        Answer::Json(200, s),
    );
    d.op(
        Get,
        "/api/rfqs/{id}/comparison.csv",
        "The leveled comparison as CSV",
        q::<routes::compare::LevelQuery>(),
        Body::None,
        Answer::File("text/csv"),
    );
    d.op(
        Get,
        "/api/rfqs/{id}/comparison.xlsx",
        "The leveled comparison as XLSX",
        q::<routes::compare::LevelQuery>(),
        Body::None,
        Answer::File("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    );

    // Clarifications.
    let s = d.list::<Clarification>();
    d.op(
        Get,
        "/api/rfqs/{id}/clarifications",
        "Questions and answers",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<ClarificationText>(), d.r::<Clarification>());
    d.op(
        Post,
        "/api/rfqs/{id}/clarifications",
        "Ask a question (supplier)",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let (b, s) = (d.r::<ClarificationText>(), d.r::<Clarification>());
    d.op(
        Post,
        "/api/rfqs/{id}/clarifications/{cid}/answer",
        "Answer a question (buyer)",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );

    // Offline sync, changes, visit notes.
    let (b, s) = (d.r::<SyncRequest>(), d.r::<SyncResponse>());
    // Each op kind's payload (a `SyncOp.payload` is read into one of these by its kind).
    d.r::<api::QuoteSubmitOp>();
    d.r::<api::EnterForSupplierOp>();
    d.r::<api::VisitNoteOp>();
    d.op(
        Post,
        "/api/sync",
        "Apply offline changes in order (at most 200 ops, 32 MiB per request, 16 MiB per op)",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );
    let s = d.r::<Changes>();
    d.op(
        Get,
        "/api/changes",
        "What changed since a cursor",
        q::<routes::sync::Since>(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.list::<VisitNote>();
    d.op(
        Get,
        "/api/visit-notes",
        "Visit notes, one page: X-Total-Count and Link rel=next",
        q::<routes::sync::NoteQuery>(),
        Body::None,
        Answer::Json(200, s),
    );
    d.op(
        Get,
        "/api/visit-notes/{id}/photos/{photo_id}",
        "A visit photo",
        none(),
        Body::None,
        Answer::File("image/*"),
    );

    // Files.
    let s = d.r::<FileRef>();
    d.op(
        Post,
        "/api/files",
        "Upload a file",
        q::<routes::files::Owner>(),
        Body::Bytes,
        Answer::Json(201, s),
    );
    let s = d.list::<FileRef>();
    d.op(
        Get,
        "/api/files",
        "The files of a revision, an RFQ line or a quote",
        q::<routes::files::Owner>(),
        Body::None,
        Answer::Json(200, s),
    );
    d.op(
        Get,
        "/api/files/{id}",
        "Download a file",
        none(),
        Body::None,
        Answer::File("application/octet-stream"),
    );
    d.op(
        Delete,
        "/api/files/{id}",
        "Remove a file",
        none(),
        Body::None,
        Answer::Empty,
    );
    let s = d.list::<RfqFile>();
    d.op(
        Get,
        "/api/rfqs/{id}/files",
        "An RFQ's drawings and line files",
        none(),
        Body::None,
        Answer::Json(200, s),
    );

    // Invitations.
    let (b, s) = (d.r::<NewInvitation>(), d.r::<InvitationCreated>());
    d.op(
        Post,
        "/api/invitations",
        "Invite a supplier contact",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<InvitationInfo>();
    d.op(
        Get,
        "/api/invitations/{token}",
        "What an invitation is for",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<AcceptInvitation>(), d.r::<Me>());
    d.op(
        Post,
        "/api/invitations/{token}/accept",
        "Accept an invitation (creates the account)",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );

    // Mapping memory.
    let s = d.r::<domain::extract::MappingMemory>();
    d.op(
        Get,
        "/api/mapping-memory",
        "The supplier's column mappings",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (
        d.r::<domain::extract::MappingMemory>(),
        d.r::<domain::extract::MappingMemory>(),
    );
    d.op(
        Put,
        "/api/mapping-memory",
        "Replace the supplier's column mappings",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );

    // Administration and audit.
    let s = d.list::<User>();
    d.op(
        Get,
        "/api/users",
        "User accounts (admin)",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.r::<AccountUnlocked>();
    d.op(
        Post,
        "/api/users/{id}/unlock",
        "Lift an account's sign-in wait (admin; audited)",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.list::<AuditEvent>();
    d.op(
        Get,
        "/api/audit",
        "The audit trail, newest first",
        q::<routes::admin::Limit>(),
        Body::None,
        Answer::Json(200, s),
    );
    let s = d.r::<AuditVerify>();
    d.op(
        Get,
        "/api/audit/verify",
        "Verify the audit hash chain",
        none(),
        Body::None,
        Answer::Json(200, s),
    );

    // API tokens (admins).
    let s = d.list::<ApiToken>();
    d.op(
        Get,
        "/api/tokens",
        "API tokens (admin)",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (d.r::<NewApiToken>(), d.r::<ApiTokenCreated>());
    d.op(
        Post,
        "/api/tokens",
        "Make an API token (admin; the token is shown once)",
        none(),
        Body::Json(b),
        Answer::Json(201, s),
    );
    let s = d.r::<ApiToken>();
    d.op(
        Delete,
        "/api/tokens/{id}",
        "Revoke an API token (admin)",
        none(),
        Body::None,
        Answer::Json(200, s),
    );

    // Test mode only (`serve --test-clock`); elsewhere 404 `no_such_endpoint`.
    let s = d.r::<routes::test_clock::ClockState>();
    d.op(
        Get,
        "/api/test/clock",
        "Test mode: the server's clock",
        none(),
        Body::None,
        Answer::Json(200, s),
    );
    let (b, s) = (
        d.r::<routes::test_clock::SetClock>(),
        d.r::<routes::test_clock::ClockState>(),
    );
    d.op(
        Post,
        "/api/test/clock",
        "Test mode: move the server's clock forward (admin)",
        none(),
        Body::Json(b),
        Answer::Json(200, s),
    );

    let Doc { paths, schemas } = d;
    let components = ComponentsBuilder::new()
        .schemas_from_iter(schemas)
        .security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                api::SESSION_COOKIE,
                "The session cookie set by sign-in; state-changing requests also send \
                 `x-csrf-token` = `Me.csrf_token`.",
            ))),
        )
        .security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "An API token (`POST /api/tokens`), limited to its scopes; no CSRF \
                         token needed.",
                    ))
                    .build(),
            ),
        )
        .build();
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Bidwell API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Bidwell's HTTP contract (docs/contract.md). Decimals travel as strings; \
                     every error is `ApiError`.",
                ))
                .build(),
        )
        .paths(paths)
        .components(Some(components))
        .build()
}

/// The schema of `GET /api/openapi.json`'s answer: an OpenAPI document (any object).
#[derive(ToSchema)]
#[schema(as = OpenApiDocument)]
#[allow(dead_code)]
struct OpenApiMarker {
    openapi: String,
    info: serde_json::Value,
    paths: serde_json::Value,
}
