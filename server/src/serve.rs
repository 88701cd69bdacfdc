//! The HTTP accept loop: hyper's HTTP/1 connection builder instead of `axum::serve`, so
//! that no client can hold connections open at will (issue 10: slowloris).
//!
//! - A client must send a request's whole head within [`Limits::header_read_timeout`];
//!   hyper starts that clock whenever it waits for a head, so it also ends an idle
//!   keep-alive connection. A slow-header connection is closed, not answered.
//! - Request bodies must keep arriving: a gap longer than [`Limits::body_read_timeout`]
//!   between two chunks ends the request (a body read error, answered 400 or 413 by the
//!   extractor, and the connection is closed).
//! - An answer given before the request's body was read (a 403, a 413) carries
//!   `Connection: close`, and hyper closes the connection after it: the client knows
//!   not to send its next request there.
//! - At most [`Limits::max_connections`] connections are open at once; a connection
//!   accepted beyond that is closed at once, before anything is read, so a flood costs a
//!   socket for microseconds and never the descriptors the database and files need.
//! - Graceful shutdown: the listener stops, open connections finish the request in flight
//!   (at most [`Limits::shutdown_grace`]), then the process ends.
//!
//! [`raise_nofile_limit`] lifts the soft limit on open files to the hard one at start.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue};
use axum::Router;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
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
    /// Connections open at once; more are closed on accept.
    pub max_connections: usize,
    /// How long open connections may take to finish at shutdown.
    pub shutdown_grace: Duration,
}

impl Limits {
    /// Defaults for a server process whose soft limit on open files is `nofile`: a
    /// quarter of the descriptors stay for the database, uploads and the outbox, and at
    /// most 4096 connections (each may buffer up to 32 KiB of a request head, so a
    /// flood of slow heads holds at most 128 MiB).
    pub fn for_nofile(nofile: u64) -> Limits {
        let usable = nofile.saturating_sub(nofile / 4).clamp(64, 4096);
        Limits {
            max_connections: usize::try_from(usable).unwrap_or(4096),
            ..Limits::default()
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(30),
            max_connections: 768,
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
    let graceful = GracefulShutdown::new();
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
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let read = Arc::new(AtomicBool::new(req.body().is_end_stream()));
            let mut req = req.map(|b| {
                Body::new(Tracked {
                    inner: Box::pin(TimeoutBody::new(body_timeout, b)),
                    read: read.clone(),
                })
            });
            req.extensions_mut().insert(ConnectInfo(peer));
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

/// A request body that notes when it was read to its end.
struct Tracked<B> {
    inner: Pin<Box<B>>,
    read: Arc<AtomicBool>,
}

impl<B: HttpBody> HttpBody for Tracked<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let polled = self.inner.as_mut().poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) || self.inner.is_end_stream() {
            self.read.store(true, Ordering::Relaxed);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
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
