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
    #[error("only an open RFQ can be closed early (this one is {0})")]
    NotOpen(&'static str),
    #[error("not every invited supplier has responded; give a reason to close bidding early")]
    NotAllResponded,
    #[error("award once bidding has closed (this RFQ is {0})")]
    NotClosed(&'static str),
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
    if q.iter()
        .any(|x| crate::validate::QUANTITY.check(*x).is_err())
    {
        return Err("each quantity at most 1 000 000 000, with at most 6 decimals");
    }
    if q.windows(2).any(|w| w[1] <= w[0]) {
        return Err("list quantity breaks in increasing order, each once");
    }
    Ok(())
}

/// Whether bidding may be closed early: only an open RFQ (by the clock), and, unless every
/// invited supplier has responded, only with a reason (the suppliers still quoting lose
/// the rest of their time, so the buyer must say why).
pub fn may_close(
    stored: Status,
    deadline_ms: i64,
    now_ms: i64,
    all_responded: bool,
    reason: &str,
) -> Result<(), LifecycleError> {
    let s = effective_status(stored, deadline_ms, now_ms);
    if s != Status::Open {
        return Err(LifecycleError::NotOpen(s.as_str()));
    }
    if !all_responded && reason.trim().is_empty() {
        return Err(LifecycleError::NotAllResponded);
    }
    Ok(())
}

/// Whether an invited supplier has responded: its current (submitted, not withdrawn)
/// quote exists. An all-lines no-bid is a response (a decline).
pub fn all_responded(invited: &[String], current_quotes_from: &[String]) -> bool {
    invited.iter().all(|s| current_quotes_from.contains(s))
}

/// Whether an award may be made now: only once bidding has closed.
pub fn may_award(stored: Status, deadline_ms: i64, now_ms: i64) -> Result<(), LifecycleError> {
    match effective_status(stored, deadline_ms, now_ms) {
        Status::Closed => Ok(()),
        s => Err(LifecycleError::NotClosed(s.as_str())),
    }
}

/// One line the buyer awards: the winning supplier at a quantity break (`None`: the
/// line's first break).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardChoice {
    pub rfq_line_id: String,
    pub supplier_id: String,
    pub qty: Option<rust_decimal::Decimal>,
}

/// A checked award line: what the winner quoted at the awarded break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardDecision {
    pub rfq_line_id: String,
    pub supplier_id: String,
    pub qty: rust_decimal::Decimal,
    /// Quoted price per ONE unit at `qty`, in `currency` (the quote's).
    pub unit_price: rust_decimal::Decimal,
    pub currency: crate::money::Currency,
}

/// Checks the buyer's award choices against the RFQ and the current bids (`bids` holds
/// only submitted, not withdrawn, quotes). Each line at most once; each winner invited
/// and having priced that line (not a no-bid); the break one of the line's. Errors name
/// the field `lines[i].…` of the request.
pub fn check_award(
    rfq: &crate::quote::RfqSpec,
    bids: &[crate::level::Bid],
    invited: &[String],
    choices: &[AwardChoice],
) -> Result<Vec<AwardDecision>, crate::validate::FieldErrors> {
    let mut e = crate::validate::FieldErrors::new();
    if choices.is_empty() {
        e.add("lines", "award at least one line");
    }
    let mut out = Vec::with_capacity(choices.len());
    for (i, c) in choices.iter().enumerate() {
        let at = |f: &str| format!("lines[{i}].{f}");
        let Some(line) = rfq.lines.iter().find(|l| l.id == c.rfq_line_id) else {
            e.add(&at("rfq_line_id"), "this RFQ has no such line");
            continue;
        };
        if choices[..i].iter().any(|p| p.rfq_line_id == c.rfq_line_id) {
            e.add(
                &at("rfq_line_id"),
                format!(
                    "line {} is listed twice; award each line to one supplier",
                    line.line_no
                ),
            );
            continue;
        }
        let qty = match c.qty {
            Some(q) if line.quantities.contains(&q) => q,
            Some(q) => {
                let list: Vec<String> = line.quantities.iter().map(|x| x.to_string()).collect();
                e.add(
                    &at("qty"),
                    format!(
                        "line {} has no break of {q}; choose one of {}",
                        line.line_no,
                        list.join(", ")
                    ),
                );
                continue;
            }
            None => match line.quantities.first() {
                Some(q) => *q,
                None => {
                    e.add(&at("qty"), "this line has no quantity breaks");
                    continue;
                }
            },
        };
        if !invited.contains(&c.supplier_id) {
            e.add(
                &at("supplier_id"),
                "this supplier is not invited to this RFQ",
            );
            continue;
        }
        let Some(bid) = bids.iter().find(|b| b.supplier_id == c.supplier_id) else {
            e.add(
                &at("supplier_id"),
                "this supplier has no current quote (none submitted, or withdrawn)",
            );
            continue;
        };
        let Some(ql) = bid.quote.lines.iter().find(|l| l.rfq_line_id == line.id) else {
            e.add(
                &at("supplier_id"),
                format!("this supplier did not quote line {}", line.line_no),
            );
            continue;
        };
        if ql.no_bid {
            e.add(
                &at("supplier_id"),
                format!("this supplier declined line {} (no-bid)", line.line_no),
            );
            continue;
        }
        let Some((unit_price, _)) = ql.unit_price_at(qty) else {
            e.add(
                &at("supplier_id"),
                format!("this supplier gave no price for line {}", line.line_no),
            );
            continue;
        };
        out.push(AwardDecision {
            rfq_line_id: line.id.clone(),
            supplier_id: c.supplier_id.clone(),
            qty,
            unit_price,
            currency: bid.quote.header.currency,
        });
    }
    e.into_result()?;
    Ok(out)
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

    #[test]
    fn closing_early_needs_everyone_or_a_reason() {
        let all = all_responded(&["a".into(), "b".into()], &["b".into(), "a".into()]);
        assert!(all);
        assert!(!all_responded(&["a".into(), "b".into()], &["a".into()]));
        assert_eq!(may_close(Status::Open, NOW + 10, NOW, true, ""), Ok(()));
        assert_eq!(
            may_close(Status::Open, NOW + 10, NOW, false, "  "),
            Err(LifecycleError::NotAllResponded)
        );
        assert_eq!(
            may_close(Status::Open, NOW + 10, NOW, false, "price needed today"),
            Ok(())
        );
        assert_eq!(
            may_close(Status::Open, NOW, NOW, true, ""),
            Err(LifecycleError::NotOpen("closed")),
            "already closed by the clock"
        );
        assert_eq!(
            may_close(Status::Draft, NOW + 10, NOW, true, ""),
            Err(LifecycleError::NotOpen("draft"))
        );
    }

    #[test]
    fn award_only_after_close() {
        assert_eq!(
            may_award(Status::Open, NOW + 1, NOW),
            Err(LifecycleError::NotClosed("open"))
        );
        assert_eq!(may_award(Status::Open, NOW, NOW), Ok(()));
        assert_eq!(may_award(Status::Closed, NOW + 1, NOW), Ok(()));
        assert_eq!(
            may_award(Status::Awarded, 0, NOW),
            Err(LifecycleError::NotClosed("awarded"))
        );
        assert_eq!(
            may_award(Status::Cancelled, 0, NOW),
            Err(LifecycleError::NotClosed("cancelled"))
        );
    }

    fn bids() -> Vec<crate::level::Bid> {
        use crate::quote::tests::{line, quote};
        use rust_decimal_macros::dec;
        let mut declined = line("L2", &[]);
        declined.no_bid = true;
        let mut per_hundred = line("L1", &[(dec!(500), dec!(62)), (dec!(2000), dec!(55))]);
        per_hundred.price_basis_qty = dec!(100);
        vec![
            crate::level::Bid {
                supplier_id: "a".into(),
                supplier_name: "A".into(),
                quote: quote(vec![per_hundred, declined]),
            },
            crate::level::Bid {
                supplier_id: "b".into(),
                supplier_name: "B".into(),
                quote: quote(vec![line("L2", &[(dec!(500), dec!(3.10))])]),
            },
        ]
    }

    fn choice(line: &str, sup: &str, qty: Option<rust_decimal::Decimal>) -> AwardChoice {
        AwardChoice {
            rfq_line_id: line.into(),
            supplier_id: sup.into(),
            qty,
        }
    }

    #[test]
    fn award_takes_the_winners_price_at_the_break() {
        use rust_decimal_macros::dec;
        let rfq = crate::quote::tests::rfq();
        let invited = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let d = check_award(
            &rfq,
            &bids(),
            &invited,
            &[choice("L1", "a", Some(dec!(2000))), choice("L2", "b", None)],
        )
        .unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].unit_price, dec!(0.55), "55 per 100 at 2000");
        assert_eq!(d[0].qty, dec!(2000));
        assert_eq!(d[0].currency.code(), "USD");
        assert_eq!(d[1].qty, dec!(500), "first break by default");
        assert_eq!(d[1].unit_price, dec!(3.10));
    }

    #[test]
    fn award_refuses_no_bids_strangers_and_unknown_breaks() {
        use rust_decimal_macros::dec;
        let rfq = crate::quote::tests::rfq();
        let invited = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        let err = |c: Vec<AwardChoice>| check_award(&rfq, &bids(), &invited, &c).unwrap_err().0;
        let e = err(vec![choice("L2", "a", None)]);
        assert!(
            e["lines[0].supplier_id"].contains("declined line 2"),
            "{e:?}"
        );
        let e = err(vec![choice("L1", "b", None)]);
        assert!(
            e["lines[0].supplier_id"].contains("did not quote line 1"),
            "{e:?}"
        );
        let e = err(vec![choice("L1", "c", None)]);
        assert!(
            e["lines[0].supplier_id"].contains("no current quote"),
            "{e:?}"
        );
        let e = err(vec![choice("L1", "z", None)]);
        assert!(e["lines[0].supplier_id"].contains("not invited"), "{e:?}");
        let e = err(vec![choice("L1", "a", Some(dec!(1000)))]);
        assert!(e["lines[0].qty"].contains("500, 2000, 5000"), "{e:?}");
        let e = err(vec![choice("L9", "a", None)]);
        assert!(e.contains_key("lines[0].rfq_line_id"), "{e:?}");
        let e = err(vec![choice("L1", "a", None), choice("L1", "a", None)]);
        assert!(e["lines[1].rfq_line_id"].contains("twice"), "{e:?}");
        let e = err(vec![]);
        assert!(e.contains_key("lines"), "{e:?}");
    }
}
