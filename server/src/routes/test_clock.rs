//! `GET`/`POST /api/test/clock`: read and move the test clock. Merged into the router only
//! when the server runs in test mode ([`crate::Config::test_clock`]); admins only even
//! then. Not part of the product's contract (docs/contract.md, "Test mode").

use axum::extract::State;
use axum::routing::get;
use axum::Router;
use domain::access::{authorize, Resource, Verb};
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::clock::TestClock;
use crate::db::rfc3339;
use crate::error::{AppError, AppResult, Json};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/test/clock", get(read).post(set))
}

/// How to move the clock: exactly one of the two.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetClock {
    /// Milliseconds forward from the clock's current time (≥ 0).
    #[serde(default)]
    pub advance_ms: Option<i64>,
    /// A time to move forward to (RFC 3339); refused when it is in the clock's past.
    #[serde(default)]
    pub now: Option<String>,
}

/// The test clock's time.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ClockState {
    /// RFC 3339 UTC with milliseconds.
    pub now: String,
    pub now_ms: i64,
    /// How far the clock is ahead of the system clock.
    pub offset_ms: i64,
}

fn clock(st: &AppState) -> AppResult<&TestClock> {
    // The route is only merged in test mode; this is the same check, kept beside the use.
    st.config.test_clock.as_ref().ok_or(AppError::Coded {
        status: axum::http::StatusCode::NOT_FOUND,
        code: "no_such_endpoint",
        message: "There is no API endpoint /api/test/clock.".into(),
    })
}

fn state_of(c: &TestClock, now_ms: i64) -> ClockState {
    ClockState {
        now: rfc3339(now_ms),
        now_ms,
        offset_ms: c.offset_ms(),
    }
}

async fn read(State(st): State<AppState>, user: CurrentUser) -> AppResult<axum::Json<ClockState>> {
    authorize(&user.actor, Verb::Read, Resource::ServerClock)?;
    let c = clock(&st)?;
    Ok(axum::Json(state_of(c, c.now_ms())))
}

async fn set(
    State(st): State<AppState>,
    user: CurrentUser,
    Json(body): Json<SetClock>,
) -> AppResult<axum::Json<ClockState>> {
    authorize(&user.actor, Verb::Write, Resource::ServerClock)?;
    let c = clock(&st)?;
    let backwards = |e| {
        match e {
        crate::clock::ClockError::Backwards => AppError::bad_request(
            "clock_backwards",
            "The test clock only moves forward (sessions, the audit trail and quote versions are ordered by it).",
        ),
        crate::clock::ClockError::TooFar => AppError::bad_request(
            "clock_too_far",
            "The test clock stops at 9999-12-31T23:59:59.999Z.",
        ),
    }
    };
    let now = match (body.advance_ms, body.now.as_deref()) {
        (Some(ms), None) => c.advance(ms).map_err(backwards)?,
        (None, Some(at)) => {
            let at = chrono::DateTime::parse_from_rfc3339(at).map_err(|_| {
                AppError::bad_request(
                    "bad_time",
                    "now must be an RFC 3339 time, e.g. 2030-01-31T12:00:00Z",
                )
            })?;
            c.set(at.timestamp_millis()).map_err(backwards)?
        }
        _ => {
            return Err(AppError::bad_request(
                "bad_clock_change",
                "Give exactly one of advance_ms and now.",
            ))
        }
    };
    tracing::warn!(now = %rfc3339(now), offset_ms = c.offset_ms(), by = %user.email, "test clock moved");
    Ok(axum::Json(state_of(c, now)))
}
