//! The RFQ lifecycle: draft → open → closed (by the clock, at the deadline) → awarded,
//! or cancelled; and the time rules that depend on it (quoting, sealing). Every rule is
//! judged against the server's clock, passed in as `now` (unix milliseconds).

use serde::{Deserialize, Serialize};

/// Stored RFQ status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Open,
    Closed,
    Awarded,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Awarded => "awarded",
            Status::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        [
            Status::Draft,
            Status::Open,
            Status::Closed,
            Status::Awarded,
            Status::Cancelled,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// The status as of `now`: an open RFQ whose deadline has passed is closed, whether or
/// not anything has written that down yet.
pub fn effective_status(stored: Status, deadline_ms: i64, now_ms: i64) -> Status {
    match stored {
        Status::Open if now_ms >= deadline_ms => Status::Closed,
        s => s,
    }
}

/// Why a quote cannot be submitted or withdrawn now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum QuoteRefused {
    #[error("the deadline has passed; quotes can no longer be submitted or changed")]
    DeadlinePassed,
    #[error("this RFQ is not open for quotes")]
    NotOpen,
}

impl QuoteRefused {
    pub fn code(self) -> &'static str {
        match self {
            QuoteRefused::DeadlinePassed => "deadline_passed",
            QuoteRefused::NotOpen => "rfq_not_open",
        }
    }
}

/// Whether a supplier may submit, resubmit or withdraw a quote now.
pub fn may_quote(stored: Status, deadline_ms: i64, now_ms: i64) -> Result<(), QuoteRefused> {
    match (stored, effective_status(stored, deadline_ms, now_ms)) {
        (_, Status::Open) => Ok(()),
        (Status::Open, Status::Closed) => Err(QuoteRefused::DeadlinePassed),
        _ => Err(QuoteRefused::NotOpen),
    }
}

/// Whether buyers may see quote prices: always on an open (unsealed) RFQ; on a sealed
/// RFQ only once the deadline has passed (or the RFQ was cancelled, when nothing is at
/// stake any more).
pub fn prices_visible(sealed: bool, stored: Status, deadline_ms: i64, now_ms: i64) -> bool {
    !sealed || now_ms >= deadline_ms || stored == Status::Cancelled
}

/// Why a lifecycle change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("only a draft can be opened (this one is {0})")]
    NotDraft(&'static str),
    #[error("add at least one line before opening")]
    NoLines,
    #[error("invite at least one supplier before opening")]
    NoSuppliers,
    #[error("the deadline must be in the future")]
    DeadlineInPast,
    #[error("a new deadline must be later than the current one")]
    NotLater,
    #[error("give a reason; every invited supplier sees it")]
    NoReason,
    #[error("this RFQ is {0} and can no longer change")]
    Final(&'static str),
}

/// Checks that a draft may be opened.
pub fn may_open(
    stored: Status,
    lines: usize,
    suppliers: usize,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(), LifecycleError> {
    if stored != Status::Draft {
        return Err(LifecycleError::NotDraft(stored.as_str()));
    }
    if lines == 0 {
        return Err(LifecycleError::NoLines);
    }
    if suppliers == 0 {
        return Err(LifecycleError::NoSuppliers);
    }
    if deadline_ms <= now_ms {
        return Err(LifecycleError::DeadlineInPast);
    }
    Ok(())
}

/// Checks a deadline extension (also reopens an RFQ that closed by the clock).
pub fn may_extend(
    stored: Status,
    old_ms: i64,
    new_ms: i64,
    reason: &str,
    now_ms: i64,
) -> Result<(), LifecycleError> {
    if matches!(stored, Status::Awarded | Status::Cancelled) {
        return Err(LifecycleError::Final(stored.as_str()));
    }
    if reason.trim().is_empty() {
        return Err(LifecycleError::NoReason);
    }
    if new_ms <= old_ms {
        return Err(LifecycleError::NotLater);
    }
    if new_ms <= now_ms {
        return Err(LifecycleError::DeadlineInPast);
    }
    Ok(())
}

/// Checks an RFQ line's quantity breaks: at least one, positive, strictly increasing.
pub fn check_quantities(q: &[rust_decimal::Decimal]) -> Result<(), &'static str> {
    if q.is_empty() {
        return Err("give at least one quantity");
    }
    if q.iter().any(|x| *x <= rust_decimal::Decimal::ZERO) {
        return Err("quantities must be positive");
    }
    if q.windows(2).any(|w| w[1] <= w[0]) {
        return Err("list quantity breaks in increasing order, each once");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000;

    #[test]
    fn open_rfqs_close_by_the_clock() {
        assert_eq!(effective_status(Status::Open, NOW + 1, NOW), Status::Open);
        assert_eq!(effective_status(Status::Open, NOW, NOW), Status::Closed);
        assert_eq!(effective_status(Status::Draft, 0, NOW), Status::Draft);
        assert_eq!(effective_status(Status::Awarded, 0, NOW), Status::Awarded);
    }

    #[test]
    fn quoting_only_while_open() {
        assert_eq!(may_quote(Status::Open, NOW + 1, NOW), Ok(()));
        assert_eq!(
            may_quote(Status::Open, NOW - 1, NOW),
            Err(QuoteRefused::DeadlinePassed)
        );
        assert_eq!(
            may_quote(Status::Draft, NOW + 1, NOW),
            Err(QuoteRefused::NotOpen)
        );
        assert_eq!(
            may_quote(Status::Cancelled, NOW + 1, NOW),
            Err(QuoteRefused::NotOpen)
        );
        assert_eq!(QuoteRefused::DeadlinePassed.code(), "deadline_passed");
    }

    #[test]
    fn sealed_prices_wait_for_the_deadline() {
        assert!(prices_visible(false, Status::Open, NOW + 1, NOW));
        assert!(!prices_visible(true, Status::Open, NOW + 1, NOW));
        assert!(prices_visible(true, Status::Open, NOW, NOW));
        assert!(prices_visible(true, Status::Cancelled, NOW + 1, NOW));
    }

    #[test]
    fn quantity_breaks() {
        use rust_decimal::Decimal;
        let d = |v: &[i64]| v.iter().map(|x| Decimal::from(*x)).collect::<Vec<_>>();
        assert_eq!(check_quantities(&d(&[500, 2000, 5000])), Ok(()));
        assert!(check_quantities(&d(&[])).is_err());
        assert!(check_quantities(&d(&[0, 5])).is_err());
        assert!(check_quantities(&d(&[500, 500])).is_err());
        assert!(check_quantities(&d(&[5000, 500])).is_err());
    }

    #[test]
    fn lifecycle_checks() {
        assert_eq!(may_open(Status::Draft, 1, 1, NOW + 1, NOW), Ok(()));
        assert_eq!(
            may_open(Status::Open, 1, 1, NOW + 1, NOW),
            Err(LifecycleError::NotDraft("open"))
        );
        assert_eq!(
            may_open(Status::Draft, 0, 1, NOW + 1, NOW),
            Err(LifecycleError::NoLines)
        );
        assert_eq!(
            may_open(Status::Draft, 1, 0, NOW + 1, NOW),
            Err(LifecycleError::NoSuppliers)
        );
        assert_eq!(
            may_open(Status::Draft, 1, 1, NOW, NOW),
            Err(LifecycleError::DeadlineInPast)
        );
        assert_eq!(
            may_extend(Status::Open, NOW, NOW + 5, "supplier asked", NOW),
            Ok(())
        );
        assert_eq!(
            may_extend(Status::Open, NOW, NOW + 5, " ", NOW),
            Err(LifecycleError::NoReason)
        );
        assert_eq!(
            may_extend(Status::Open, NOW + 9, NOW + 5, "x", NOW),
            Err(LifecycleError::NotLater)
        );
        assert_eq!(
            may_extend(Status::Awarded, NOW, NOW + 5, "x", NOW),
            Err(LifecycleError::Final("awarded"))
        );
        // Reopening a clock-closed RFQ with a later deadline is allowed.
        assert_eq!(
            may_extend(Status::Open, NOW - 10, NOW + 5, "late supplier", NOW),
            Ok(())
        );
    }
}
