//! The OpenAPI document (issue 10): served, kept in the repository unchanged, and naming
//! exactly the router's routes.

use std::collections::BTreeSet;
use std::path::Path;

use axum::http::{Method, StatusCode};

use crate::harness::TestApp;

/// Regenerate with this when the contract changes.
const REGENERATE: &str = "cargo run -p server --bin bidwell -- openapi > docs/openapi.json";

/// `(METHOD, PATH)` of every operation in the document.
fn documented(doc: &serde_json::Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            out.insert((method.to_uppercase(), path.clone()));
        }
    }
    out
}

#[tokio::test]
async fn the_document_is_served_as_openapi_3_1() {
    let app = TestApp::new().await;
    // Public: an integration reads it before it has credentials.
    let r = app.call(Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(
        r.headers.get("content-type").unwrap(),
        "application/json",
        "{:?}",
        r.headers
    );
    assert_eq!(r.json["openapi"], "3.1.0");
    assert_eq!(r.json["info"]["title"], "Bidwell API");
    // The error shape and a type of every family are components.
    for name in [
        "ApiError",
        "RfqDetail",
        "Quote",
        "Comparison",
        "LevelFxRate",
    ] {
        assert!(
            r.json["components"]["schemas"][name].is_object(),
            "{name} missing from components"
        );
    }
    // Decimals travel as strings, as serde writes them.
    assert_eq!(
        r.json["components"]["schemas"]["PriceBreak"]["properties"]["price"]["type"],
        "string"
    );
    // A request type refuses unknown fields, as the server does.
    assert_eq!(
        r.json["components"]["schemas"]["LoginRequest"]["additionalProperties"],
        false
    );
    let served: serde_json::Value = serde_json::from_str(&server::openapi::json()).unwrap();
    assert_eq!(r.json, served);
}

#[test]
fn every_route_is_documented_and_every_operation_is_a_route() {
    let doc: serde_json::Value = serde_json::from_str(&server::openapi::json()).unwrap();
    let documented = documented(&doc);
    let (routes, _) = crate::routes::route_table();
    let undocumented: Vec<_> = routes.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from the OpenAPI document (add them in server/src/openapi.rs): \
         {undocumented:?}"
    );
    let phantom: Vec<_> = documented.difference(&routes).collect();
    assert!(
        phantom.is_empty(),
        "operations in the OpenAPI document that the router lacks: {phantom:?}"
    );
    // Every operation answers its success and, as `default`, the one error shape.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert_eq!(
                op["responses"]["default"]["content"]["application/json"]["schema"]["$ref"],
                "#/components/schemas/ApiError",
                "{method} {path}"
            );
            assert!(
                op["responses"].as_object().unwrap().len() >= 2,
                "{method} {path} documents no success answer"
            );
        }
    }
}

#[test]
fn the_checked_in_document_is_the_generated_one() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/openapi.json");
    let kept = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e}; create it with `{REGENERATE}`", file.display()));
    let generated = server::openapi::json();
    assert!(
        kept == generated,
        "docs/openapi.json differs from the document the server generates; \
         regenerate it with `{REGENERATE}` and commit it"
    );
}

/// Issue 10, outside probe L: the contract states the bounds `domain` checks, so a client
/// (and schemathesis) knows them; written as literals in the schema attributes, checked
/// here against the constants.
#[test]
fn the_document_states_the_text_and_list_bounds() {
    use domain::quote::limits as q;
    use domain::rfq::limits as r;
    let doc: serde_json::Value = serde_json::from_str(&server::openapi::json()).unwrap();
    let schemas = &doc["components"]["schemas"];
    let prop = |schema: &str, field: &str, key: &str| -> u64 {
        schemas[schema]["properties"][field][key]
            .as_u64()
            .unwrap_or_else(|| {
                panic!(
                    "{schema}.{field} has no {key}: {}",
                    schemas[schema]["properties"][field]
                )
            })
    };
    let n = |v: usize| v as u64;
    for (schema, field, key, bound) in [
        ("QuoteHeader", "notes", "maxLength", q::NOTES),
        ("QuoteHeader", "reference", "maxLength", q::REFERENCE),
        ("QuoteHeader", "incoterm", "maxLength", q::INCOTERM),
        ("QuoteHeader", "incoterm_place", "maxLength", q::PLACE),
        ("QuoteLine", "notes", "maxLength", q::NOTES),
        ("QuoteLine", "rfq_line_id", "maxLength", q::LINE_ID),
        ("QuoteLine", "revision", "maxLength", q::REVISION),
        ("QuoteLine", "no_bid_reason", "maxLength", q::REASON),
        ("QuoteLine", "alternate", "maxLength", q::ALTERNATE),
        ("QuoteLine", "breaks", "maxItems", q::BREAKS),
        ("QuoteLine", "tooling", "maxItems", q::TOOLING),
        ("Quote", "lines", "maxItems", q::LINES),
        ("PaymentTerms", "text", "maxLength", q::PAYMENT_TEXT),
        ("PaymentTerms", "basis", "maxLength", q::PAYMENT_WORD),
        ("PaymentTerms", "method", "maxLength", q::PAYMENT_WORD),
        (
            "Tooling",
            "description",
            "maxLength",
            q::TOOLING_DESCRIPTION,
        ),
        ("NewRfq", "title", "maxLength", r::TITLE),
        ("NewRfq", "incoterm", "maxLength", r::INCOTERM),
        ("NewRfq", "payment_terms", "maxLength", r::PAYMENT_TERMS),
        ("NewRfq", "time_zone", "maxLength", r::TIME_ZONE),
        ("NewRfq", "lines", "maxItems", r::LINES),
        ("NewRfq", "supplier_ids", "maxItems", r::SUPPLIERS),
        ("NewRfqLine", "part_id", "maxLength", r::ID),
        (
            "NewRfqLine",
            "revision",
            "maxLength",
            domain::part::MAX_REVISION,
        ),
        ("NewRfqLine", "notes", "maxLength", r::LINE_NOTES),
        ("NewRfqLine", "quantities", "maxItems", r::QUANTITIES),
        ("ExtendDeadline", "reason", "maxLength", r::REASON),
        ("CloseBidding", "reason", "maxLength", r::REASON),
        ("Reason", "reason", "maxLength", r::REASON),
        ("AwardRequest", "note", "maxLength", r::REASON),
    ] {
        assert_eq!(prop(schema, field, key), n(bound), "{schema}.{field} {key}");
    }
}
