//! The HTTP accept loop: hyper's HTTP/1 connection builder instead of `axum::serve`, so
//! that no client can hold connections open at will (issue 10: slowloris).
//!
//! - A client must send a request's whole head within [`Limits::header_read_timeout`];
//!   hyper starts that clock whenever it waits for a head, so it also ends an idle
//!   keep-alive connection. A slow-header connection is closed, not answered.
//! - Request bodies must keep arriving: a gap longer than [`Limits::body_read_timeout`]
//!   between two chunks ends the request (a body read error, answered 400 or 413 by the
//!   extractor, and the connection is closed). A whole body must also arrive within
//!   [`Limits::body_grace`] plus its size at [`Limits::body_min_rate`] bytes a second, so a
//!   byte every few seconds cannot hold a connection for ever. What a fast start earns
//!   is capped at [`Limits::body_max_credit`] ahead of the clock: a body sent fast and
//!   then trickled used to bank its size at the minimum rate (25 MiB: ~53 minutes) and
//!   hold its buffered bytes that long (issue 10, outside probe H3).
//! - Request-body bytes held at once are budgeted ([`BodyCharge`]): per peer address
//!   ([`Limits::body_bytes_per_peer`]), per signed-in user
//!   ([`Limits::body_bytes_per_user`], charged from when the request's user is known,
//!   which is before any handler reads a body) and for the whole server
//!   ([`Limits::body_bytes_total`]). A body's bytes are charged as they arrive and given
//!   back when its request is answered; a body that would pass a budget is cut off and
//!   answered 429 (peer, user) or 503 (server), with `Retry-After` and the JSON error
//!   shape ([`over_budget`]).
//! - Small body chunks are copied out of hyper's read buffer and gathered into chunks of
//!   [`COALESCE`] bytes: each chunk hyper hands out is a slice that pins the whole
//!   (8–32 KiB) buffer it was read into, so a body sent a byte per TCP segment used to
//!   hold ~4 KiB of memory per byte until the request ended (issue 10, H1).
//! - An answer given before the request's body was read (a 403, a 413) carries
//!   `Connection: close`, and hyper closes the connection after it: the client knows
//!   not to send its next request there.
//! - At most [`Limits::max_connections`] connections are open at once; a connection
//!   accepted beyond that is closed at once, before anything is read, so a flood costs a
//!   socket for microseconds and never the descriptors the database and files need.
//!   One peer address (an IPv4 address, an IPv6 /64) may hold at most
//!   [`Limits::max_connections_per_peer`] of them, and one network (an IPv4 /24, an IPv6
//!   /48) at most [`Limits::max_connections_per_network`], so one client, or one host
//!   with a routed prefix, cannot fill the cap and lock everyone else out (the socket's peer, not X-Forwarded-For: behind a proxy set it
//!   to the whole cap and let the proxy share it out).
//! - Graceful shutdown: the listener stops, open connections finish the request in flight
//!   (at most [`Limits::shutdown_grace`]), then the process ends.
//!
//! [`raise_nofile_limit`] lifts the soft limit on open files to the hard one at start.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue};
use axum::Router;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use tower::ServiceExt as _;
use tower_http::timeout::TimeoutBody;

/// What one connection may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time to send a request's head (request line and headers), counted from when the
    /// server starts waiting for it; also the longest idle time of a keep-alive
    /// connection.
    pub header_read_timeout: Duration,
    /// Longest gap between two chunks of a request body.
    pub body_read_timeout: Duration,
    /// A request body must be whole within this time plus its size at
    /// [`Limits::body_min_rate`], counted from when the handler starts reading it.
    pub body_grace: Duration,
    /// Bytes a second a body must average after [`Limits::body_grace`].
    pub body_min_rate: u64,
    /// How far ahead of the clock a body's deadline may move by what arrived fast: a
    /// client that sends quickly and then trickles is cut off at most this long (plus
    /// what it then sends at the minimum rate) after it slowed down.
    pub body_max_credit: Duration,
    /// Request-body bytes one peer address (IPv4 address, IPv6 /64) may have in flight
    /// across its concurrent requests; beyond it, 429.
    pub body_bytes_per_peer: u64,
    /// Request-body bytes one signed-in user may have in flight across its concurrent
    /// requests (from any address); beyond it, 429.
    pub body_bytes_per_user: u64,
    /// Request-body bytes the server holds at once over all requests; beyond it, 503.
    pub body_bytes_total: u64,
    /// Connections open at once; more are closed on accept.
    pub max_connections: usize,
    /// Connections open at once from one peer address (IPv4 address, IPv6 /64); more from
    /// it are closed on accept.
    pub max_connections_per_peer: usize,
    /// Connections open at once from one network (IPv4 /24, IPv6 /48); more from it are
    /// closed on accept. One host with a routed IPv6 prefix has 2^16 /64s in its /48, and
    /// one rented /24 has 256 addresses: each holds at most this share of the cap.
    pub max_connections_per_network: usize,
    /// How long open connections may take to finish at shutdown.
    pub shutdown_grace: Duration,
}

impl Limits {
    /// Defaults for a server process whose soft limit on open files is `nofile`: a
    /// quarter of the descriptors stay for the database, uploads and the outbox, and at
    /// most 4096 connections (each may buffer up to 32 KiB of a request head, so a
    /// flood of slow heads holds at most 128 MiB), a 32nd of them per peer address.
    pub fn for_nofile(nofile: u64) -> Limits {
        let usable = nofile.saturating_sub(nofile / 4).clamp(64, 4096);
        Limits::default().with_max_connections(usize::try_from(usable).unwrap_or(4096))
    }

    /// These limits with a cap of `n` connections, a 32nd of them (at least 16) per peer
    /// and an 8th (at least the peer's share) per network: it takes 32 addresses in at
    /// least 8 networks to fill the cap (issue 10, M4; a browser opens at most 6
    /// connections to a site, so one /24 still serves ~85 browsers at the default cap).
    pub fn with_max_connections(self, n: usize) -> Limits {
        let per_peer = (n / 32).max(16).min(n);
        Limits {
            max_connections: n,
            max_connections_per_peer: per_peer,
            max_connections_per_network: (n / 8).max(per_peer).min(n),
            ..self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            body_grace: Duration::from_secs(60),
            body_min_rate: 8 * 1024,
            body_max_credit: Duration::from_secs(30),
            // Two of the largest bodies (a 25 MiB quote document) and some JSON beside.
            body_bytes_per_user: 64 * 1024 * 1024,
            // An office behind one address: a few users' worth.
            body_bytes_per_peer: 128 * 1024 * 1024,
            body_bytes_total: 512 * 1024 * 1024,
            max_connections: 768,
            max_connections_per_peer: 24,
            max_connections_per_network: 96,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// Raises this process's soft limit on open files to its hard limit and answers the
/// limit in force (what [`Limits::for_nofile`] is sized from).
pub fn raise_nofile_limit() -> std::io::Result<u64> {
    let raised = rlimit::increase_nofile_limit(u64::MAX)?;
    Ok(raised)
}

/// Serves `router` on `listener` within `limits` until `shutdown` completes. Handlers see
/// the peer's address as `ConnectInfo<SocketAddr>`.
pub async fn run(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let peers = PeerCounts::default();
    let mut refused_peer: u64 = 0;
    let graceful = GracefulShutdown::new();
    let budget = BodyBudget::new(&limits);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true)
        // Request heads of at most 32 KiB (hyper's default buffer is ~400 KiB); bodies
        // are read in chunks of at most that.
        .max_buf_size(32 * 1024);
    let mut shutdown = std::pin::pin!(shutdown);
    let mut refused: u64 = 0;
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) if is_connection_error(&e) => continue,
                Err(e) => {
                    // Out of descriptors (EMFILE/ENFILE) or memory: wait instead of
                    // spinning; connections that end free descriptors.
                    tracing::error!("accept failed: {e}; retrying in 100 ms");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = shutdown.as_mut() => break,
        };
        let Some(peer_slot) = peers.take(
            peer.ip(),
            limits.max_connections_per_peer.max(1),
            limits.max_connections_per_network.max(1),
        ) else {
            // This address (or its network) holds its share of the cap already.
            refused_peer += 1;
            if refused_peer.is_power_of_two() {
                tracing::warn!(
                    "{} or its network holds its share of connections ({} per address, {} per network); closed {refused_peer} new ones from over-share addresses so far",
                    peer.ip(),
                    limits.max_connections_per_peer,
                    limits.max_connections_per_network
                );
            }
            drop(stream);
            continue;
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            // Over the cap: close before reading anything.
            refused += 1;
            if refused.is_power_of_two() {
                tracing::warn!(
                    "{} connections open (the cap); closed {refused} new ones so far",
                    limits.max_connections
                );
            }
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = router.clone();
        let body_timeout = limits.body_read_timeout;
        let pace = Pace {
            grace: limits.body_grace,
            rate: limits.body_min_rate.max(1),
            max_credit: limits.body_max_credit,
        };
        let budget = budget.clone();
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let read = Arc::new(AtomicBool::new(req.body().is_end_stream()));
            let charge = BodyCharge::new(budget.clone(), peer.ip());
            let mut req = req.map(|b| {
                Body::new(Tracked::new(
                    TimeoutBody::new(body_timeout, b),
                    read.clone(),
                    pace,
                    Some(charge.clone()),
                ))
            });
            req.extensions_mut().insert(ConnectInfo(peer));
            req.extensions_mut().insert(charge);
            let answer = app.clone().oneshot(req);
            async move {
                let mut res = answer.await?;
                if !read.load(Ordering::Relaxed) {
                    // Answered before the body was read (a 403, a 413…): say that this
                    // connection ends here, instead of leaving the client to find out
                    // on its next request.
                    res.headers_mut()
                        .insert(header::CONNECTION, HeaderValue::from_static("close"));
                }
                Ok::<_, std::convert::Infallible>(res)
            }
        });
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(%peer, "connection ended: {e}");
            }
            drop(permit);
            drop(peer_slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_grace) => {
            tracing::warn!("connections still open after {:?}; stopping anyway", limits.shutdown_grace);
        }
    }
    Ok(())
}

/// Body chunks smaller than this are copied and gathered until they reach it.
pub const COALESCE: usize = 16 * 1024;

/// A request body that notes when it was read to its end, copies small chunks out of
/// hyper's read buffer (gathering them up to [`COALESCE`] bytes) and ends with an error
/// when it arrives slower than its pace.
struct Tracked<B> {
    inner: Pin<Box<B>>,
    read: Arc<AtomicBool>,
    /// Small chunks gathered (copies, so they pin nothing).
    gathered: Vec<u8>,
    /// The inner body ended; what is gathered and `trailers` are still to hand out.
    ended: bool,
    trailers: Option<axum::http::HeaderMap>,
    received: u64,
    /// When reading started (the first poll), and the pace.
    started: Option<Instant>,
    pace: Pace,
    /// When the whole body must be in, as far as what arrived so far earned
    /// ([`Tracked::earn`]); set at the first poll.
    due: Option<Instant>,
    deadline: Option<Pin<Box<Sleep>>>,
    /// What this body holds of the byte budgets (`None`: not served by [`run`]).
    charge: Option<BodyCharge>,
}

/// How fast a body must come: within `grace`, plus its size at `rate` bytes a second,
/// never banking more than `max_credit` ahead of the clock.
#[derive(Debug, Clone, Copy)]
struct Pace {
    grace: Duration,
    rate: u64,
    max_credit: Duration,
}

impl<B> Tracked<B> {
    fn new(inner: B, read: Arc<AtomicBool>, pace: Pace, charge: Option<BodyCharge>) -> Self {
        Tracked {
            inner: Box::pin(inner),
            read,
            gathered: Vec::new(),
            ended: false,
            trailers: None,
            received: 0,
            started: None,
            pace,
            due: None,
            deadline: None,
            charge,
        }
    }

    fn take_gathered(&mut self) -> Frame<Bytes> {
        Frame::data(Bytes::from(std::mem::take(&mut self.gathered)))
    }

    /// Moves the deadline on by what `n` more bytes earn at the minimum rate, but never
    /// further than [`Pace::max_credit`] ahead of `now` (or than it already was): what a
    /// fast start earns cannot be spent trickling later (issue 10, outside probe H3).
    fn earn(&mut self, n: u64, now: Instant) {
        let Some(due) = self.due else { return };
        let earned_ms = n.saturating_mul(1000) / self.pace.rate.max(1);
        let wanted = due + Duration::from_millis(earned_ms.min(86_400_000));
        let cap = due.max(now + self.pace.max_credit);
        self.due = Some(wanted.min(cap));
    }
}

/// A request body that came slower than [`Limits::body_min_rate`] after the grace.
#[derive(Debug)]
pub struct BodyTooSlow {
    received: u64,
    after: Duration,
}

impl std::fmt::Display for BodyTooSlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the request body arrived too slowly ({} bytes in {} s); send it faster",
            self.received,
            self.after.as_secs()
        )
    }
}

impl std::error::Error for BodyTooSlow {}

impl<B> HttpBody for Tracked<B>
where
    B: HttpBody<Data = Bytes>,
    B::Error: Into<axum::BoxError>,
{
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        let started = *this.started.get_or_insert_with(Instant::now);
        if this.due.is_none() {
            this.due = Some(started + this.pace.grace);
        }
        loop {
            if this.ended {
                if !this.gathered.is_empty() {
                    return Poll::Ready(Some(Ok(this.take_gathered())));
                }
                return Poll::Ready(this.trailers.take().map(|t| Ok(Frame::trailers(t))));
            }
            let polled = this.inner.as_mut().poll_frame(cx);
            if matches!(polled, Poll::Ready(None)) || this.inner.is_end_stream() {
                this.read.store(true, Ordering::Relaxed);
            }
            match polled {
                Poll::Ready(Some(Ok(frame))) => match frame.into_data() {
                    Ok(data) => {
                        let n = data.len() as u64;
                        if let Some(charge) = &this.charge {
                            if let Err(over) = charge.take(n) {
                                return Poll::Ready(Some(Err(Box::new(over))));
                            }
                        }
                        this.received += n;
                        this.earn(n, Instant::now());
                        if this.gathered.is_empty() && data.len() >= COALESCE {
                            // Big enough that the buffer it pins is at most a few times
                            // its size.
                            return Poll::Ready(Some(Ok(Frame::data(data))));
                        }
                        this.gathered.extend_from_slice(&data);
                        if this.gathered.len() >= COALESCE {
                            return Poll::Ready(Some(Ok(this.take_gathered())));
                        }
                    }
                    Err(frame) => {
                        // Trailers come last.
                        this.trailers = frame.into_trailers().ok();
                        this.ended = true;
                    }
                },
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(e.into()))),
                Poll::Ready(None) => this.ended = true,
                Poll::Pending => {
                    let due = this.due.unwrap_or(started + this.pace.grace);
                    let sleep = this
                        .deadline
                        .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(due)));
                    if sleep.deadline() != due {
                        sleep.as_mut().reset(due);
                    }
                    if sleep.as_mut().poll(cx).is_ready() {
                        return Poll::Ready(Some(Err(Box::new(BodyTooSlow {
                            received: this.received,
                            after: started.elapsed(),
                        }))));
                    }
                    return Poll::Pending;
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.gathered.is_empty()
            && (if self.ended {
                self.trailers.is_none()
            } else {
                self.inner.is_end_stream()
            })
    }

    fn size_hint(&self) -> SizeHint {
        let inner = if self.ended {
            SizeHint::with_exact(0)
        } else {
            self.inner.size_hint()
        };
        let extra = self.gathered.len() as u64;
        let mut hint = SizeHint::new();
        hint.set_lower(inner.lower().saturating_add(extra));
        if let Some(upper) = inner.upper() {
            hint.set_upper(upper.saturating_add(extra));
        }
        hint
    }
}

/// Which byte budget a request body would have passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// [`Limits::body_bytes_per_peer`], with the limit.
    Peer(u64),
    /// [`Limits::body_bytes_per_user`], with the limit.
    User(u64),
    /// [`Limits::body_bytes_total`], with the limit.
    Total(u64),
}

impl std::fmt::Display for Over {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mib = |n: &u64| n / (1024 * 1024);
        match self {
            Over::Peer(n) => write!(
                f,
                "Requests from your address are already sending {} MiB of request bodies at once, the most the server holds per address; send this again once they are done.",
                mib(n)
            ),
            Over::User(n) => write!(
                f,
                "Your requests are already sending {} MiB of request bodies at once, the most the server holds per user; send this again once they are done.",
                mib(n)
            ),
            Over::Total(n) => write!(
                f,
                "The server is receiving {} MiB of request bodies at once, the most it holds; try again in a moment.",
                mib(n)
            ),
        }
    }
}

impl std::error::Error for Over {}

/// Seconds a client told [`Over`] is asked to wait.
pub const OVER_BUDGET_RETRY_AFTER_SECS: u64 = 5;

/// Request-body bytes in flight, per peer address, per user and in all.
#[derive(Default)]
struct Held {
    total: u64,
    peers: HashMap<IpAddr, u64>,
    users: HashMap<String, u64>,
}

/// The byte budgets of one server ([`run`]): shared by its connections.
#[derive(Clone)]
pub struct BodyBudget {
    per_peer: u64,
    per_user: u64,
    total: u64,
    held: Arc<Mutex<Held>>,
}

impl BodyBudget {
    pub fn new(limits: &Limits) -> BodyBudget {
        BodyBudget {
            per_peer: limits.body_bytes_per_peer,
            per_user: limits.body_bytes_per_user,
            total: limits.body_bytes_total,
            held: Arc::default(),
        }
    }

    /// Bytes held now: in all, by `peer`, by `user`.
    pub fn held(&self, peer: IpAddr, user: &str) -> (u64, u64, u64) {
        let held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        (
            held.total,
            held.peers
                .get(&crate::throttle::net64(peer))
                .copied()
                .unwrap_or(0),
            held.users.get(user).copied().unwrap_or(0),
        )
    }
}

/// What one request's body holds of the [`BodyBudget`]: put in the request's extensions
/// by [`run`]; the user it is charged to is named by [`charge_body_to`] once known. Its
/// bytes are given back when the last clone is dropped: the body's, the extensions' and
/// [`over_budget`]'s, which lives until the request is answered.
#[derive(Clone)]
pub struct BodyCharge(Arc<ChargeInner>);

struct ChargeInner {
    budget: BodyBudget,
    peer: IpAddr,
    state: Mutex<ChargeState>,
}

#[derive(Default)]
struct ChargeState {
    user: Option<String>,
    peer_bytes: u64,
    user_bytes: u64,
    refused: Option<Over>,
}

impl BodyCharge {
    pub fn new(budget: BodyBudget, peer: IpAddr) -> BodyCharge {
        BodyCharge(Arc::new(ChargeInner {
            budget,
            peer: crate::throttle::net64(peer),
            state: Mutex::default(),
        }))
    }

    /// From now on this body is also charged to `user_id`.
    pub fn charge_user(&self, user_id: &str) {
        let mut st = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
        if st.user.is_none() {
            st.user = Some(user_id.to_string());
        }
    }

    /// Charges `n` more bytes, or says which budget they would pass (and remembers it).
    pub fn take(&self, n: u64) -> Result<(), Over> {
        let b = &self.0.budget;
        let mut st = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(over) = st.refused {
            return Err(over);
        }
        let mut held = b.held.lock().unwrap_or_else(|e| e.into_inner());
        let peer = held.peers.get(&self.0.peer).copied().unwrap_or(0);
        let user = st
            .user
            .as_ref()
            .map_or(0, |u| held.users.get(u).copied().unwrap_or(0));
        let over = if held.total.saturating_add(n) > b.total {
            Some(Over::Total(b.total))
        } else if peer.saturating_add(n) > b.per_peer {
            Some(Over::Peer(b.per_peer))
        } else if st.user.is_some() && user.saturating_add(n) > b.per_user {
            Some(Over::User(b.per_user))
        } else {
            None
        };
        if let Some(over) = over {
            st.refused = Some(over);
            return Err(over);
        }
        held.total += n;
        *held.peers.entry(self.0.peer).or_insert(0) += n;
        st.peer_bytes += n;
        if let Some(u) = &st.user {
            *held.users.entry(u.clone()).or_insert(0) += n;
            st.user_bytes += n;
        }
        Ok(())
    }

    /// The budget this body would have passed, if it was cut off for that.
    pub fn refused(&self) -> Option<Over> {
        self.0
            .state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .refused
    }
}

impl Drop for ChargeInner {
    fn drop(&mut self) {
        let st = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        let mut held = self.budget.held.lock().unwrap_or_else(|e| e.into_inner());
        held.total = held.total.saturating_sub(st.peer_bytes);
        if let Some(n) = held.peers.get_mut(&self.peer) {
            *n = n.saturating_sub(st.peer_bytes);
            if *n == 0 {
                held.peers.remove(&self.peer);
            }
        }
        if let Some(u) = &st.user {
            if let Some(n) = held.users.get_mut(u) {
                *n = n.saturating_sub(st.user_bytes);
                if *n == 0 {
                    held.users.remove(u);
                }
            }
        }
    }
}

/// Charges the request's body (if [`run`] serves it) to `user_id` too: called where the
/// request's user becomes known (`auth::CurrentUser`), which is before any handler reads
/// a body.
pub fn charge_body_to(extensions: &axum::http::Extensions, user_id: &str) {
    if let Some(charge) = extensions.get::<BodyCharge>() {
        charge.charge_user(user_id);
    }
}

/// Middleware: a request whose body was cut off for passing a byte budget is answered
/// 429 (peer, user) or 503 (server) with `Retry-After` and the JSON error shape, whatever
/// the handler made of the broken body. Holds the request's [`BodyCharge`] until the
/// answer is made, so the bytes a handler still works on stay counted.
pub async fn over_budget(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let charge = req.extensions().get::<BodyCharge>().cloned();
    let res = next.run(req).await;
    let Some(over) = charge.as_ref().and_then(BodyCharge::refused) else {
        return res;
    };
    tracing::warn!(peer = %charge.as_ref().map(|c| c.0.peer.to_string()).unwrap_or_default(), "request body over its byte budget: {over}");
    let message = over.to_string();
    match over {
        Over::Peer(_) | Over::User(_) => crate::error::AppError::TooManyRequests {
            code: "body_budget",
            message,
            retry_after_secs: OVER_BUDGET_RETRY_AFTER_SECS,
        },
        Over::Total(_) => crate::error::AppError::Unavailable {
            code: "busy",
            message,
            retry_after_secs: OVER_BUDGET_RETRY_AFTER_SECS,
        },
    }
    .into_response()
}

/// Connections open per peer address (IPv4 address, IPv6 /64).
#[derive(Clone, Default)]
struct PeerCounts(Arc<Mutex<HashMap<Share, usize>>>);

/// What a connection is counted against: its address and its network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Share {
    /// An IPv4 address or IPv6 /64.
    Peer(IpAddr),
    /// An IPv4 /24 or IPv6 /48.
    Network(IpAddr),
}

/// The network a peer address belongs to for the connection shares: its IPv4 /24 (also
/// for an IPv4-mapped IPv6 address) or its IPv6 /48.
pub fn network(ip: IpAddr) -> IpAddr {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            IpAddr::from([a, b, c, 0])
        }
        IpAddr::V6(_) => crate::throttle::net48(ip).unwrap_or(ip),
    }
}

/// One connection's place in its address's and its network's counts; given back on drop.
struct PeerSlot {
    counts: PeerCounts,
    keys: [Share; 2],
}

impl PeerCounts {
    fn take(&self, ip: IpAddr, peer_cap: usize, network_cap: usize) -> Option<PeerSlot> {
        let keys = [
            Share::Peer(crate::throttle::net64(ip)),
            Share::Network(network(ip)),
        ];
        let mut counts = self.0.lock().unwrap_or_else(|e| e.into_inner());
        for (key, cap) in keys.iter().zip([peer_cap, network_cap]) {
            if counts.get(key).copied().unwrap_or(0) >= cap {
                return None;
            }
        }
        for key in &keys {
            *counts.entry(*key).or_insert(0) += 1;
        }
        Some(PeerSlot {
            counts: self.clone(),
            keys,
        })
    }
}

impl Drop for PeerSlot {
    fn drop(&mut self) {
        let mut counts = self.counts.0.lock().unwrap_or_else(|e| e.into_inner());
        for key in &self.keys {
            if let Some(n) = counts.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    counts.remove(key);
                }
            }
        }
    }
}

/// Errors of one connection that `accept` reports (the peer went away); the listener is
/// fine.
fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        e.kind(),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The connection shares' networks: an IPv4 /24 (also written as IPv4-mapped IPv6)
    /// and an IPv6 /48, whichever of its /64s the peer uses.
    #[test]
    fn networks_are_ipv4_24_and_ipv6_48() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(network(ip("198.51.100.77")), ip("198.51.100.0"));
        assert_eq!(network(ip("::ffff:198.51.100.77")), ip("198.51.100.0"));
        assert_eq!(network(ip("2001:db8:5:ff01::9")), ip("2001:db8:5::"));
        assert_eq!(
            network(ip("2001:db8:5:ff01::9")),
            network(ip("2001:db8:5:1::1"))
        );
        assert_ne!(network(ip("2001:db8:5::1")), network(ip("2001:db8:6::1")));
    }
}
