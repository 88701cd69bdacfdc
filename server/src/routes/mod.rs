//! One router per feature, merged in `crate::app`.

pub mod admin;
pub mod clarifications;
pub mod compare;
pub mod files;
pub mod invitations;
pub mod parts;
pub mod quotes;
pub mod rfqs;
pub mod suppliers;
pub mod sync;

/// A file download with its content type and a file name for the browser.
pub fn download(
    body: Vec<u8>,
    content_type: &'static str,
    file_name: &str,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;
    let mut res = body.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// A CSV download (RFC 4180, CRLF, fields quoted when needed).
pub fn csv_download(rows: &[Vec<String>], file_name: &str) -> axum::response::Response {
    let body: String = rows
        .iter()
        .map(|r| {
            let mut line = r
                .iter()
                .map(|f| domain::level::csv_field(f))
                .collect::<Vec<_>>()
                .join(",");
            line.push_str("\r\n");
            line
        })
        .collect();
    download(body.into_bytes(), "text/csv; charset=utf-8", file_name)
}
