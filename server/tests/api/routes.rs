//! Every route the router has is called by some server test (issue 13).
//!
//! The route table is read from where routes are registered — every `.route("PATH",
//! METHODS)` in `server/src` — and checked against the live router (each one answers
//! something other than "no such endpoint"), so the list cannot drift from the code. The
//! calls are read from the test sources: every string literal starting with `/api/` (with
//! `format!` placeholders standing for any path segment), and the HTTP method named
//! nearest before it (`.get(`, `.post(`, `Method::DELETE`, …). A new route without a test
//! that calls it fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use axum::http::{Method, StatusCode};

use crate::harness::TestApp;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn server_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&server_dir().join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// `get(`, `.post(`, `routing::delete(` at byte `i` of `s`: the method, if any.
fn method_call_at(s: &str, i: usize) -> Option<&'static str> {
    let before = s[..i].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    METHODS
        .into_iter()
        .find(|m| s[i..].starts_with(m) && s[i + m.len()..].starts_with('('))
}

/// Every `(METHOD, PATH)` registered with `.route(` under `server/src`, and how many
/// `.route(` calls were seen (each must yield at least one route).
pub fn route_table() -> (BTreeSet<(String, String)>, usize) {
    let mut routes = BTreeSet::new();
    let mut calls = 0;
    for (path, text) in sources("src") {
        let mut from = 0;
        while let Some(k) = text[from..].find(".route(") {
            let start = from + k + ".route(".len();
            from = start;
            calls += 1;
            let rest = text[start..].trim_start();
            let lit = rest
                .strip_prefix('"')
                .unwrap_or_else(|| panic!("{}: .route( without a path literal", path.display()));
            let route_path = &lit[..lit.find('"').unwrap()];
            // The call's arguments: up to the parenthesis that closes `.route(`.
            let mut depth = 1;
            let mut end = start;
            for (j, c) in text[start..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = start + j;
                    break;
                }
            }
            let args = &text[start..end];
            let before = routes.len();
            for i in 0..args.len() {
                if !args.is_char_boundary(i) {
                    continue;
                }
                if let Some(m) = method_call_at(args, i) {
                    routes.insert((m.to_uppercase(), route_path.to_string()));
                }
            }
            // `any(...)` routes are the JSON 404 fallbacks, not endpoints.
            if routes.len() == before && !args.contains("any(") {
                panic!("{}: no method found for route {route_path}", path.display());
            }
        }
    }
    (routes, calls)
}

/// Whether a path written in a test (`{…}` placeholders already turned into `*`) calls
/// the route `template` (`{param}` segments).
fn calls(written: &str, template: &str) -> bool {
    let w: Vec<&str> = written.split('/').collect();
    let t: Vec<&str> = template.split('/').collect();
    w.len() == t.len()
        && w.iter().zip(&t).all(|(w, t)| {
            *w == "*" || (t.starts_with('{') && !w.is_empty()) || (w == t) || {
                // A segment partly written by a placeholder, e.g. `*.csv`.
                w.contains('*') && {
                    let (pre, post) = w.split_once('*').unwrap();
                    t.starts_with(pre) && t.ends_with(post)
                }
            }
        })
}

/// A path as written in a test, with `{…}` placeholders turned into `*` and the query
/// dropped; `{name}` first in it is replaced by the path variable `name` holds, if any.
fn written_path(lit: &str, var: impl Fn(&str) -> Option<String>) -> String {
    let lit = lit.split('?').next().unwrap();
    let mut out = String::new();
    let mut rest = lit;
    if let Some(tail) = rest.strip_prefix('{') {
        if let Some((name, after)) = tail.split_once('}') {
            if let Some(base) = var(name) {
                out.push_str(&base);
                rest = after;
            }
        }
    }
    let mut in_brace = false;
    for c in rest.chars() {
        match c {
            '{' => {
                in_brace = true;
                out.push('*');
            }
            '}' => in_brace = false,
            c if !in_brace => out.push(c),
            _ => {}
        }
    }
    out
}

/// The HTTP method of the statement around `[start, end)` in `text`: the one named nearest
/// before it in its statement (`app.get(`, `call(Method::DELETE, …`), else the first one
/// after it up to the statement's end (`for (path, …) in [("/api/…", …)] { app.get(path,`).
fn method_around(text: &str, start: usize, end: usize) -> Option<String> {
    method_in(text, start, end, true)
}

/// [`method_around`], or with `look_after` false only the method named before.
fn method_in(text: &str, start: usize, end: usize, look_after: bool) -> Option<String> {
    let markers = METHODS.iter().flat_map(|m| {
        let up = m.to_uppercase();
        [
            (format!(".{m}("), *m),
            // `TestApp::post_raw`: a raw body (files, imports).
            (format!(".{m}_raw("), *m),
            (format!("Method::{up}"), *m),
            (format!("Request::{m}("), *m),
        ]
    });
    let stmt_start = ["; ", ";\n", "{\n", "}\n"]
        .iter()
        .filter_map(|b| text[..start].rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let stmt_end = text[end..].find(';').map_or(text.len(), |i| end + i);
    let (before, after) = (&text[stmt_start..start], &text[end..stmt_end]);
    let mut nearest_before: Option<(usize, &str)> = None;
    let mut first_after: Option<(usize, &str)> = None;
    for (mk, m) in markers {
        if let Some(at) = before.rfind(mk.as_str()) {
            if nearest_before.is_none_or(|(b, _)| at > b) {
                nearest_before = Some((at, m));
            }
        }
        if let Some(at) = after.find(mk.as_str()) {
            if first_after.is_none_or(|(a, _)| at < a) {
                first_after = Some((at, m));
            }
        }
    }
    nearest_before
        .or(first_after.filter(|_| look_after))
        .map(|(_, m)| m.to_uppercase())
}

/// The byte ranges of the contents of the string literals in Rust source `text` (plain
/// and raw), skipping comments and char literals.
fn string_literals(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |k| i + k);
            }
            b'\'' => {
                // A char literal ('"', '\'', 'x') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    i += text[i + 3..].find('\'').map_or(b.len(), |k| k + 4);
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !is_ident(char::from(b[i - 1]))) =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let start = i + 2 + hashes;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = text[start..].find(&close).map_or(b.len(), |k| start + k);
                out.push((start, end));
                i = end + close.len();
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push((start, j.min(b.len())));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `(METHOD, PATH)` some test under `server/tests` calls, as written there: string
/// literals that are paths (`"/api/…"`, or `"{base}/…"` where `base` holds one), with the
/// method of their statement; a path kept in a variable (`let path = format!("/api/…")`)
/// counts with the method of every statement that uses the variable.
fn called() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, text) in sources("tests") {
        if path.ends_with("routes.rs") {
            continue;
        }
        // (where, variable, path) of every `let NAME = …"/api/…"`, in order.
        let mut vars: Vec<(usize, String, String)> = Vec::new();
        for (start, end) in string_literals(&text) {
            let lit = &text[start..end];
            let var_at = |name: &str| {
                vars.iter()
                    .rev()
                    .find(|(at, n, _)| *at < start && n == name)
                    .map(|(_, _, p)| p.clone())
            };
            let is_path = lit.starts_with("/api/")
                || (lit.starts_with('{')
                    && lit
                        .get(1..)
                        .and_then(|t| t.split_once('}'))
                        .is_some_and(|(n, _)| var_at(n).is_some()));
            if !is_path {
                continue;
            }
            let written = written_path(lit, var_at);
            // `let NAME = format!("/api/…")` (or a closure returning it): a path variable.
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line = &text[line_start..start];
            // (`let r = app.get("/api/…")` is a call, not a path variable.)
            let defines = method_in(&text, start, end, false).is_none();
            if let Some(rest) = line.trim_start().strip_prefix("let ").filter(|_| defines) {
                let name: String = rest
                    .trim_start_matches("mut ")
                    .chars()
                    .take_while(|c| is_ident(*c))
                    .collect();
                if !name.is_empty() {
                    vars.push((start, name.clone(), written.clone()));
                    // Each use of the variable after its definition, in this function.
                    let scope_end = text[end..]
                        .find("\nasync fn ")
                        .map_or(text.len(), |i| end + i);
                    let mut at = end;
                    while let Some(k) = text[at..scope_end].find(name.as_str()) {
                        let u = at + k;
                        at = u + name.len();
                        let whole = !text[..u].ends_with(is_ident)
                            && !text[at..].starts_with(is_ident)
                            && !text[..u].ends_with('{');
                        if whole {
                            if let Some(m) = method_around(&text, u, at) {
                                out.insert((m, written.clone()));
                            }
                        }
                    }
                    continue;
                }
            }
            if let Some(m) = method_around(&text, start, end) {
                out.insert((m, written));
            }
        }
    }
    out
}

#[test]
fn the_route_table_is_read_whole() {
    let (routes, calls) = route_table();
    // Each `.route(` gave a path; the table holds every method of every path.
    assert!(calls >= 50, "{calls}");
    assert!(routes.contains(&("GET".into(), "/api/rfqs/{id}/comparison.xlsx".into())));
    assert!(routes.contains(&("DELETE".into(), "/api/suppliers/{id}/contacts/{cid}".into())));
    assert!(routes.contains(&("POST".into(), "/api/parts/import".into())));
    // Routes registered any other way would escape the table.
    for (path, text) in sources("src") {
        for other in [".nest(", ".route_service(", ".nest_service("] {
            assert!(
                !text.contains(other),
                "{}: routes registered with {other} are not in the table this test reads",
                path.display()
            );
        }
    }
}

#[tokio::test]
async fn every_route_in_the_table_exists_in_the_router() {
    let app = TestApp::new().await;
    let (routes, _) = route_table();
    for (method, path) in &routes {
        let concrete: String = path
            .split('/')
            .map(|s| if s.starts_with('{') { "x" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        let m = Method::from_bytes(method.as_bytes()).unwrap();
        let r = app.call(m, &concrete, None, None).await;
        assert!(
            r.status != StatusCode::METHOD_NOT_ALLOWED
                && r.code() != "no_such_endpoint"
                && r.code() != "method_not_allowed",
            "{method} {path} is in the table but not in the router: {} {}",
            r.status,
            r.json
        );
    }
}

#[test]
fn every_route_is_called_by_a_test() {
    let (routes, _) = route_table();
    let called = called();
    let missing: Vec<String> = routes
        .iter()
        .filter(|(m, t)| !called.iter().any(|(cm, w)| cm == m && calls(w, t)))
        .map(|(m, t)| format!("{m} {t}"))
        .collect();
    assert!(
        missing.is_empty(),
        "routes no server test calls (write a test that calls each, success and refusal):\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn paths_written_in_tests_match_route_templates() {
    assert!(calls("/api/rfqs/*/quote", "/api/rfqs/{id}/quote"));
    assert!(calls("/api/rfqs/*/*", "/api/rfqs/{id}/close"));
    assert!(calls(
        "/api/rfqs/*/comparison.csv",
        "/api/rfqs/{id}/comparison.csv"
    ));
    assert!(calls("/api/parts/BRK-1", "/api/parts/{id}"));
    assert!(!calls("/api/rfqs/*/quote", "/api/rfqs/{id}/quotes"));
    assert!(!calls("/api/rfqs", "/api/rfqs/{id}"));
    assert!(!calls("/api/parts.csv", "/api/suppliers.csv"));
    let src = r##"let a = '"'; // "/api/no"
let b = "x\"/api/y"; let c = r#"q"q"#; let d = "/api/rfqs";"##;
    let lits: Vec<&str> = string_literals(src)
        .into_iter()
        .map(|(s, e)| &src[s..e])
        .collect();
    assert_eq!(lits, ["x\\\"/api/y", "q\"q", "/api/rfqs"]);
}
