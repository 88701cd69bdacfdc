//! One router per feature, merged in `crate::app`.

pub mod admin;
pub mod clarifications;
pub mod compare;
pub mod files;
pub mod invitations;
pub mod mapping;
pub mod parts;
pub mod quotes;
pub mod rfqs;
pub mod suppliers;
pub mod sync;
pub mod test_clock;
pub mod tokens;

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

/// A CSV download (RFC 4180, CRLF, fields quoted when needed) of text cells: each goes
/// through `domain::level::export_text`, so a name like `=HYPERLINK(…)` is not run by
/// the spreadsheet that opens the file (issue 10).
pub fn csv_download(rows: &[Vec<String>], file_name: &str) -> axum::response::Response {
    let body: String = rows
        .iter()
        .map(|r| {
            let mut line = r
                .iter()
                .map(|f| domain::level::csv_field(&domain::level::export_text(f)))
                .collect::<Vec<_>>()
                .join(",");
            line.push_str("\r\n");
            line
        })
        .collect();
    download(body.into_bytes(), "text/csv; charset=utf-8", file_name)
}

/// Query of the import endpoints.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    pub file_name: String,
}

/// Reads an uploaded table and maps it to records, or a 400 that says what is wrong.
pub fn import_records(
    file_name: &str,
    bytes: &[u8],
    columns: domain::import::Columns,
    required: &[&str],
) -> Result<Vec<domain::import::Record>, crate::error::AppError> {
    if bytes.is_empty() {
        return Err(crate::error::AppError::bad_request(
            "empty_file",
            "The uploaded file is empty.",
        ));
    }
    let table = domain::import::read_table(file_name, bytes)
        .map_err(|m| crate::error::AppError::bad_request("import_format", m))?;
    let mut records = domain::import::records(&table, columns, required).map_err(|m| {
        crate::error::AppError::bad_request("import_format", format!("{file_name}: {m}"))
    })?;
    // A cell is text a client sends like any other: the one text rule (NUL, control,
    // bidi and invisible characters) refuses it with its row and column, and it is kept
    // in NFC, as the JSON extractor does for a body (issue 10).
    let mut e = domain::validate::FieldErrors::new();
    for (row, rec) in &mut records {
        for (field, value) in rec.iter_mut() {
            domain::validate::text(&mut e, &format!("rows[{row}].{field}"), value);
            if let std::borrow::Cow::Owned(n) = domain::validate::nfc(value) {
                *value = n;
            }
        }
    }
    e.into_result()?;
    Ok(records)
}

/// Moves a row's field errors under `rows[N].`.
pub fn row_errors(
    all: &mut domain::validate::FieldErrors,
    row: usize,
    e: domain::validate::FieldErrors,
) {
    for (field, message) in e.0 {
        all.add(&format!("rows[{row}].{field}"), message);
    }
}

#[cfg(test)]
mod tests {
    /// Route modules share code through `crate::store` (loaders, the RFQ's rule facts,
    /// quote versions as a viewer may see them) and this module's helpers, never by
    /// importing one another (issue 11): every path `crate::routes::…`, `routes::…` or
    /// `super::…` in a route file that names a sibling module fails.
    #[test]
    fn no_route_module_imports_another() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
        let rs = |p: &std::path::Path| p.extension().is_some_and(|x| x == "rs");
        // (route module, whether the file is the module's own, its text): `rfqs.rs` and
        // the sections under `rfqs/` all belong to `rfqs`.
        let mut files: Vec<(String, bool, String)> = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("src/routes") {
            let path = entry.expect("entry").path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                for sub in std::fs::read_dir(&path).expect("route section dir") {
                    let sub = sub.expect("entry").path();
                    if rs(&sub) {
                        let text = std::fs::read_to_string(&sub).expect("route file");
                        files.push((stem.clone(), false, text));
                    }
                }
            } else if rs(&path) && stem != "mod" {
                files.push((
                    stem,
                    true,
                    std::fs::read_to_string(&path).expect("route file"),
                ));
            }
        }
        let modules: Vec<&str> = files.iter().filter(|f| f.1).map(|f| f.0.as_str()).collect();
        assert!(modules.contains(&"rfqs") && modules.contains(&"quotes"));
        let mut found = Vec::new();
        for (module, own, text) in &files {
            // In a section file `super::` is its own route module.
            let prefixes: &[&str] = if *own {
                &["routes::", "super::"]
            } else {
                &["routes::", "super::super::"]
            };
            for prefix in prefixes {
                for (at, _) in text.match_indices(prefix) {
                    let rest = &text[at + prefix.len()..];
                    // One name, or a `{…}` group of them.
                    let named = match rest.strip_prefix('{') {
                        Some(group) => &group[..group.find('}').unwrap_or(group.len())],
                        None => {
                            let end = rest
                                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                                .unwrap_or(rest.len());
                            &rest[..end]
                        }
                    };
                    for name in named.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                        if name != module && modules.contains(&name) {
                            let line = text[..at].lines().count();
                            found.push(format!("routes/{module}: line {line} uses {prefix}{name}"));
                        }
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "route modules import each other; move what they share to crate::store:\n{}",
            found.join("\n")
        );
    }
}
