//! The server's one source of time.
//!
//! Every "now" the server acts on — deadlines and sealing, sessions, invitations,
//! throttling, receipt and audit times, "today" for validity dates — comes from
//! [`now_ms`], [`now`] or [`today`]; nothing else in `server/src` reads the system clock.
//!
//! In production that is the system clock, and nothing can move it. A server started in
//! test mode (`bidwell serve --test-clock`, see [`crate::Config::test_clock`]) carries a
//! [`TestClock`]: the system clock plus an offset that only moves forward, set by an admin
//! through `POST /api/test/clock` (a route that does not exist outside test mode) or, in
//! the API tests, through the in-process handle. Deadline tests then pass a deadline by
//! advancing the clock instead of sleeping.
//!
//! The test clock in effect is per request, not per process: test mode wraps every
//! request in [`TestClock::scope`], which puts the app's clock in a task-local, so several
//! apps in one process (the API tests) each keep their own time. Code outside a request
//! (start-up, the seed, CLI commands) reads the system clock.

use std::future::Future;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};

tokio::task_local! {
    static CLOCK: TestClock;
}

/// Current time in unix milliseconds: the request's test clock in test mode, else the
/// system clock.
pub fn now_ms() -> i64 {
    CLOCK
        .try_with(TestClock::now_ms)
        .unwrap_or_else(|_| system_ms())
}

/// Current time as a UTC date-time (see [`now_ms`]).
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(now_ms()).unwrap_or_default()
}

/// Today's date in UTC (see [`now_ms`]).
pub fn today() -> NaiveDate {
    now().date_naive()
}

fn system_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// A clock a test controls: system time plus an offset that only grows.
///
/// Clones share the offset, so the handle a test keeps moves the clock the server reads.
#[derive(Debug, Clone, Default)]
pub struct TestClock {
    offset_ms: Arc<AtomicI64>,
}

/// Why a test clock refused to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// Time only moves forward: sessions, the audit chain and quote versions are ordered
    /// by it.
    #[error("the test clock only moves forward")]
    Backwards,
    /// Past [`MAX_TEST_CLOCK_MS`]: every time computation (deadlines, session expiry,
    /// lockout windows) assumes a time a four-digit year can name.
    #[error("the test clock stops at 9999-12-31")]
    TooFar,
}

/// The latest time a test clock may show: 9999-12-31T23:59:59.999Z. Schemathesis moved
/// it to `i64::MAX` milliseconds, after which adding a lockout window to a failed
/// sign-in's time overflowed (a 500, issue 10).
pub const MAX_TEST_CLOCK_MS: i64 = 253_402_300_799_999;

impl TestClock {
    /// A clock that starts at the system time.
    pub fn new() -> TestClock {
        TestClock::default()
    }

    /// This clock's current time in unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        system_ms().saturating_add(self.offset_ms.load(Ordering::SeqCst))
    }

    /// How far this clock is ahead of the system clock.
    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::SeqCst)
    }

    /// Moves the clock `ms` forward; answers the new time.
    pub fn advance(&self, ms: i64) -> Result<i64, ClockError> {
        if ms < 0 {
            return Err(ClockError::Backwards);
        }
        self.offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |offset| {
                let wanted = offset.checked_add(ms)?;
                (system_ms().checked_add(wanted)? <= MAX_TEST_CLOCK_MS).then_some(wanted)
            })
            .map_err(|_| ClockError::TooFar)?;
        Ok(self.now_ms())
    }

    /// Moves the clock forward to `at_ms` (unix milliseconds); answers the new time.
    /// Refused when `at_ms` is before the clock's current time.
    pub fn set(&self, at_ms: i64) -> Result<i64, ClockError> {
        if at_ms > MAX_TEST_CLOCK_MS {
            return Err(ClockError::TooFar);
        }
        self.offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |offset| {
                let wanted = at_ms.saturating_sub(system_ms());
                (wanted >= offset).then_some(wanted)
            })
            .map_err(|_| ClockError::Backwards)?;
        Ok(self.now_ms())
    }

    /// Runs `f` with this clock as the one [`now_ms`] reads.
    pub async fn scope<F: Future>(&self, f: F) -> F::Output {
        CLOCK.scope(self.clone(), f).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 60 * 60 * 1000;

    #[tokio::test]
    async fn outside_a_scope_the_system_clock_answers() {
        let clock = TestClock::new();
        clock.advance(DAY).unwrap();
        let before = system_ms();
        let t = now_ms();
        assert!(t >= before && t < before + 60_000, "{t} vs {before}");
    }

    #[tokio::test]
    async fn inside_a_scope_the_test_clock_answers_and_only_moves_forward() {
        let clock = TestClock::new();
        let start = system_ms();
        clock.advance(DAY).unwrap();
        let seen = clock.scope(async { now_ms() }).await;
        assert!(seen >= start + DAY && seen < start + DAY + 60_000, "{seen}");
        assert_eq!(clock.advance(-1), Err(ClockError::Backwards));
        assert_eq!(clock.set(start), Err(ClockError::Backwards));
        // 2 days on from the start: further than the clock already is.
        let at = start + 2 * DAY;
        let now = clock.set(at).unwrap();
        assert!(now >= at && now < at + 60_000, "{now}");
        assert_eq!(
            clock.scope(async { today() }).await,
            DateTime::from_timestamp_millis(now).unwrap().date_naive()
        );
    }

    #[tokio::test]
    async fn clones_share_the_time_and_separate_clocks_do_not() {
        let a = TestClock::new();
        let shared = a.clone();
        let other = TestClock::new();
        a.advance(DAY).unwrap();
        assert_eq!(shared.offset_ms(), DAY);
        assert_eq!(other.offset_ms(), 0);
        let other_now = other.scope(async { now_ms() }).await;
        assert!(other_now < system_ms() + 60_000);
    }
}
