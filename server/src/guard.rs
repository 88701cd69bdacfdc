//! What every answer gets, whatever produced it (issue 10):
//!
//! - a panic anywhere in a handler becomes a logged 500 in the project's error shape
//!   instead of a dropped connection ([`panic_response`], used with tower-http's
//!   `CatchPanicLayer`);
//! - an error answer under `/api/` that is not JSON — a rejection produced by axum or
//!   tower before our extractors run (a body over the limit on a route that reads raw
//!   bytes, a timeout, …) — is rewritten into `api::ApiError` ([`json_errors`]);
//! - security headers: a Content-Security-Policy that allows only this origin plus the
//!   WebAssembly compilation the app needs, and, for HTML pages, the SHA-256 of each of
//!   their inline scripts (Trunk's loader and the service-worker registration), computed
//!   from the page actually served so a rebuilt app never needs a code change
//!   ([`security_headers`]).

use std::any::Any;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// The policy for every answer; HTML pages add the hashes of their inline scripts to
/// `script-src`. `'wasm-unsafe-eval'` lets the app and the extraction worker compile
/// their WebAssembly (and nothing else: no `eval`). Photos are shown from `data:` URLs
/// and receipts downloaded through `blob:` URLs.
pub const CSP_BASE: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; \
     manifest-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Largest HTML page whose inline scripts are hashed (the app's index.html is a few KiB).
const MAX_HASHED_PAGE: usize = 1024 * 1024;

/// A caught panic as a server fault (its message is logged when answered, never sent).
pub fn panic_error(err: Box<dyn Any + Send + 'static>) -> AppError {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    AppError::Internal(anyhow::anyhow!("a handler panicked: {detail}"))
}

/// The answer to a panic in a handler: logged with its message, answered as the generic
/// JSON 500 (the message may hold internals, so it is not sent).
pub fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    panic_error(err).into_response()
}

fn is_json(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The error code for a status that reached us without one.
fn code_for(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::UNAUTHORIZED => "unauthenticated",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "validation",
        StatusCode::TOO_MANY_REQUESTS => "rate_limited",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        s if s.is_server_error() => "internal",
        _ => "error",
    }
}

fn message_for(status: StatusCode, original: &str) -> String {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => "The request body is too large.".to_string(),
        s if s.is_server_error() => {
            "Something went wrong on our side. It has been logged; please try again.".to_string()
        }
        _ if !original.trim().is_empty() && original.len() <= 300 => original.trim().to_string(),
        s => s
            .canonical_reason()
            .unwrap_or("The request was refused.")
            .to_string(),
    }
}

/// Rewrites non-JSON error answers under `/api/` into the project's error shape, keeping
/// the status and any `Retry-After`.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let api = req.uri().path() == "/api" || req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    let status = res.status();
    if !api || !(status.is_client_error() || status.is_server_error()) || is_json(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    // Rejection texts are short; anything longer is not worth echoing.
    let original = to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    if status.is_server_error() {
        tracing::error!(%status, body = %original, "a non-JSON server error under /api/");
    }
    let body = api::ApiError {
        code: code_for(status).to_string(),
        message: message_for(status, &original),
        fields: Default::default(),
    };
    let mut out = (status, axum::Json(body)).into_response();
    for name in [header::RETRY_AFTER, header::ALLOW] {
        if let Some(v) = parts.headers.get(&name) {
            out.headers_mut().insert(name, v.clone());
        }
    }
    out
}

/// The SHA-256 sources (`'sha256-…'`) of the inline scripts of an HTML page, as a
/// browser sees them (the HTML parser turns CR LF and lone CR into LF first).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(open) = lower[at..].find("<script").map(|i| i + at) {
        let Some(tag_end) = lower[open..].find('>').map(|i| i + open) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|i| i + tag_end) else {
            break;
        };
        let tag = &lower[open..tag_end];
        let has_src = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|a| a.starts_with("src="));
        if !has_src {
            let text = html[tag_end + 1..close]
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            let digest = Sha256::digest(text.as_bytes());
            out.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        at = close + "</script".len();
    }
    out
}

/// The policy for a page with these inline-script hashes.
pub fn csp_with(hashes: &[String]) -> String {
    if hashes.is_empty() {
        return CSP_BASE.to_string();
    }
    CSP_BASE.replacen(
        "'wasm-unsafe-eval';",
        &format!("'wasm-unsafe-eval' {};", hashes.join(" ")),
        1,
    )
}

fn set(res: &mut Response, name: header::HeaderName, value: &'static str) {
    res.headers_mut()
        .entry(name)
        .or_insert(HeaderValue::from_static(value));
}

/// Adds the security headers; see the module documentation.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let mut csp = CSP_BASE.to_string();
    if html {
        let (parts, body) = res.into_parts();
        match to_bytes(body, MAX_HASHED_PAGE).await {
            Ok(bytes) => {
                csp = csp_with(&inline_script_hashes(&String::from_utf8_lossy(&bytes)));
                res = Response::from_parts(parts, Body::from(bytes));
            }
            Err(e) => {
                tracing::error!(error = %e, "an HTML page too large to hash its scripts");
                return AppError::Internal(anyhow::anyhow!("reading an HTML page: {e}"))
                    .into_response();
            }
        }
    }
    // A 304 has no page to hash, and the browser merges its headers into the cached
    // page's: the bare policy would block that page's own inline scripts (every reload of
    // the app came up blank). The cached page keeps the policy it was served with.
    // A handler that set its own, stricter policy keeps it (a stored file: `sandbox`).
    if res.status() != StatusCode::NOT_MODIFIED
        && !res.headers().contains_key(header::CONTENT_SECURITY_POLICY)
    {
        if let Ok(v) = HeaderValue::from_str(&csp) {
            res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    set(&mut res, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(&mut res, header::X_FRAME_OPTIONS, "DENY");
    set(&mut res, header::REFERRER_POLICY, "same-origin");
    set(
        &mut res,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        &mut res,
        header::HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        &mut res,
        header::HeaderName::from_static("permissions-policy"),
        "geolocation=(), microphone=(), payment=(), usb=(), interest-cohort=()",
    );
    if api {
        // Answers carry private data: no shared or disk cache keeps them.
        set(&mut res, header::CACHE_CONTROL, "no-store");
    } else {
        // The app's files (issue 12): a content-hashed name never changes its bytes, so
        // the browser keeps it for a year without asking; everything else (index.html,
        // sw.js, the unhashed worker files, icons) is revalidated on every use, so a new
        // build is seen at once. The body may be brotli or gzip (precompressed files).
        let value = cache_control_for(path.as_str(), html);
        set(&mut res, header::CACHE_CONTROL, value);
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// `Cache-Control` for a file of the app at `path`: immutable for a content-hashed name
/// (see [`is_content_hashed`]) unless the answer is an HTML page (a client route, or an
/// unknown hashed name answered with index.html), `no-cache` otherwise.
pub fn cache_control_for(path: &str, html: bool) -> &'static str {
    if !html && is_content_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Whether the last segment of `path` carries the content hash Trunk puts into the names
/// it emits: `NAME-HASH.EXT` or `NAME-HASH_bg.wasm`, HASH being 8 to 16 lower-case hex
/// digits (a 64-bit hash in hex, e.g. `app-3f9c0a1b2c3d4e5f_bg.wasm`, `main-0a1b2c3d4e5f6a7b.css`).
pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _ext)) = name.split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=16).contains(&hash.len())
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashed_names_are_the_ones_trunk_emits() {
        for hashed in [
            "/app-3f9c0a1b2c3d4e5f_bg.wasm",
            "/app-3f9c0a1b2c3d4e5f.js",
            "/main-0a1b2c3d4e5f6a7b.css",
            "/app-9c0a1b2c.js",
        ] {
            assert!(is_content_hashed(hashed), "{hashed}");
            assert_eq!(
                cache_control_for(hashed, false),
                "public, max-age=31536000, immutable"
            );
        }
        for plain in [
            "/",
            "/index.html",
            "/sw.js",
            "/extract-worker.js",
            "/extract-worker_bg.wasm",
            "/extract-worker_loader.js",
            "/icon-192.png",
            "/manifest.webmanifest",
            "/rfqs/123",
            // Upper case, too short, too long, not hex.
            "/app-3F9C0A1B2C3D4E5F.js",
            "/app-3f9c0a1.js",
            "/app-3f9c0a1b2c3d4e5f0.js",
            "/app-3f9c0a1b2c3d4e5g.js",
        ] {
            assert!(!is_content_hashed(plain), "{plain}");
            assert_eq!(cache_control_for(plain, false), "no-cache");
        }
        // An HTML answer is never kept, whatever its path (index.html for an unknown name).
        assert_eq!(
            cache_control_for("/app-3f9c0a1b2c3d4e5f.js", true),
            "no-cache"
        );
    }

    #[test]
    fn inline_scripts_are_hashed_as_the_browser_sees_them() {
        // sha256("alert(1)") in base64, from `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`.
        let page = "<html><script src=\"/a.js\"></script><SCRIPT type=\"module\">alert(1)</script>\
                    <script>\r\nx\r\n</script></html>";
        let h = inline_script_hashes(page);
        assert_eq!(h.len(), 2, "{h:?}");
        assert_eq!(
            h[0],
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        // CR LF counts as LF: the same hash as "\nx\n".
        assert_eq!(h[1], inline_script_hashes("<script>\nx\n</script>")[0]);
        let csp = csp_with(&h);
        assert!(csp.starts_with(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'sha256-"
        ));
        assert!(csp.ends_with("frame-ancestors 'none'"));
    }
}
