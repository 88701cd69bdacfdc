//! Requests in progress per client address (issue 10, M4).
//!
//! `serve.rs` caps the connections one peer address may hold; this caps the requests one
//! client address ([`crate::auth::ClientIp`]: the socket peer's, or the forwarded one
//! behind trusted proxies, where every connection is the proxy's) may have in progress
//! at once, counted as [`crate::throttle::net64`] counts (an IPv4 address, an IPv6 /64).
//! A request beyond `Config::max_inflight_per_address` is answered 429
//! `too_many_requests` with `Retry-After: 1` before any handler runs, so a few addresses
//! cannot occupy every database connection, hashing turn or handler while others wait.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::ClientIp;
use crate::error::AppError;
use crate::throttle::net64;
use crate::AppState;

/// Requests in progress per address.
#[derive(Clone, Default, Debug)]
pub struct InFlight(Arc<Mutex<HashMap<IpAddr, usize>>>);

/// One request's place in its address's count; given back on drop.
struct Slot {
    counts: InFlight,
    key: IpAddr,
}

impl InFlight {
    fn take(&self, ip: IpAddr, cap: usize) -> Option<Slot> {
        let key = net64(ip);
        let mut counts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = counts.entry(key).or_insert(0);
        if *n >= cap {
            return None;
        }
        *n += 1;
        Some(Slot {
            counts: self.clone(),
            key,
        })
    }

    /// Requests in progress from `ip`'s address now.
    pub fn of(&self, ip: IpAddr) -> usize {
        let counts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        counts.get(&net64(ip)).copied().unwrap_or(0)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut counts = self.counts.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = counts.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&self.key);
            }
        }
    }
}

/// The middleware: refuses a request from an address with its share in progress.
pub async fn limit(
    State(st): State<AppState>,
    ClientIp(ip): ClientIp,
    req: Request,
    next: Next,
) -> Response {
    let Some(cap) = st.config.max_inflight_per_address else {
        return next.run(req).await;
    };
    let Some(slot) = st.inflight.take(ip, cap.max(1)) else {
        return AppError::TooManyRequests {
            code: "too_many_requests",
            message: format!(
                "Your network has {cap} requests in progress at once, the most one address may \
                 have. Try again when one has finished."
            ),
            retry_after_secs: 1,
        }
        .into_response();
    };
    let res = next.run(req).await;
    drop(slot);
    res
}
