//! Pages of a list (issue 10, L7). A list used to stop at 500 (or 1000) rows without a
//! word. Every list that can grow without bound now takes `limit` (1 to [`MAX_LIMIT`],
//! default [`DEFAULT_LIMIT`]) and `offset` (default 0) in its query string and answers
//! one page as the JSON array it always was, with
//!
//! - `X-Total-Count`: how many rows the whole list (with its filters) has, and
//! - `Link: <…&offset=N&limit=L>; rel="next"` while rows remain (RFC 8288), the same path
//!   and filters with the next offset.
//!
//! A client that reads the array alone still gets the first page; the app follows the
//! `next` links (`app/src/api.rs`, `get_all_pages`).

use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// Rows in a page when the client does not say.
pub const DEFAULT_LIMIT: i64 = 500;
/// The most rows a page may ask for.
pub const MAX_LIMIT: i64 = 1000;

/// The `limit` and `offset` of a list's query string, as the list's query struct holds
/// them.
#[derive(Debug, Clone, Copy, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// Rows in this page: 1 to 1000 (default 500).
    #[serde(default)]
    pub limit: Option<i64>,
    /// Rows of the whole list to skip (default 0).
    #[serde(default)]
    pub offset: Option<i64>,
}

/// A checked page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: i64,
    pub offset: i64,
}

impl Page {
    /// Checks `limit` and `offset` (400 `bad_query` naming the bad one).
    pub fn new(limit: Option<i64>, offset: Option<i64>) -> AppResult<Page> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(AppError::bad_request(
                "bad_query",
                format!("limit must be between 1 and {MAX_LIMIT} (got {limit})"),
            ));
        }
        let offset = offset.unwrap_or(0);
        if offset < 0 {
            return Err(AppError::bad_request(
                "bad_query",
                format!("offset must be 0 or more (got {offset})"),
            ));
        }
        Ok(Page { limit, offset })
    }

    /// From a list's query struct.
    pub fn of(q: PageQuery) -> AppResult<Page> {
        Page::new(q.limit, q.offset)
    }

    /// The answer: `items` (this page of a list of `total` rows) as a JSON array, with
    /// `X-Total-Count` and, while rows remain, a `Link` to the next page of `uri`.
    pub fn answer<T: Serialize>(&self, uri: &Uri, total: i64, items: Vec<T>) -> Response {
        let shown = i64::try_from(items.len()).unwrap_or(i64::MAX);
        let mut res = axum::Json(items).into_response();
        let headers = res.headers_mut();
        headers.insert("x-total-count", HeaderValue::from(total));
        let next = self.offset.saturating_add(shown);
        if shown > 0 && next < total {
            if let Ok(v) = HeaderValue::from_str(&format!(
                "<{}>; rel=\"next\"",
                next_link(uri, next, self.limit)
            )) {
                headers.insert(header::LINK, v);
            }
        }
        res
    }
}

/// `uri`'s path and query with `offset` and `limit` set to these (other parameters kept
/// as sent).
fn next_link(uri: &Uri, offset: i64, limit: i64) -> String {
    let mut params: Vec<&str> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|kv| {
            let key = kv.split('=').next().unwrap_or("");
            !kv.is_empty() && key != "offset" && key != "limit"
        })
        .collect();
    let paging = format!("offset={offset}&limit={limit}");
    params.push(&paging);
    format!("{}?{}", uri.path(), params.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_link_keeps_the_filters_and_moves_the_offset() {
        let uri: Uri = "/api/parts?q=br%26k&offset=0&limit=2".parse().unwrap();
        assert_eq!(
            next_link(&uri, 2, 2),
            "/api/parts?q=br%26k&offset=2&limit=2"
        );
        let bare: Uri = "/api/parts".parse().unwrap();
        assert_eq!(
            next_link(&bare, 500, 500),
            "/api/parts?offset=500&limit=500"
        );
    }

    #[test]
    fn limits_and_offsets_are_checked() {
        assert_eq!(
            Page::new(None, None).unwrap(),
            Page {
                limit: DEFAULT_LIMIT,
                offset: 0
            }
        );
        assert!(Page::new(Some(0), None).is_err());
        assert!(Page::new(Some(MAX_LIMIT + 1), None).is_err());
        assert!(Page::new(Some(5), Some(-1)).is_err());
    }
}
