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

// ---- Sealing -------------------------------------------------------------------------
//
// One rule decides who may see a bid's prices and documents, on every path that can carry
// them (responses, one supplier's versions, comparison and its exports, quote documents,
// sync answers, the audit trail, messages, award). It takes the RFQ's history, not just
// its status: a cancelled RFQ remembers whether bidding had ended when it was cancelled,
// and an RFQ remembers when a buyer first saw its bids after bidding ended (from then on
// its deadline can no longer be extended, see [`may_extend`]).

/// What of an RFQ's history the sealing rule needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SealState {
    /// Bids hidden from buyers until bidding ends.
    pub sealed: bool,
    pub stored: Status,
    /// The current deadline (extending moves it later, closing early moves it to then).
    pub deadline_ms: i64,
    /// When the RFQ was cancelled (`None`: not cancelled, or not known).
    pub cancelled_at_ms: Option<i64>,
    /// When a buyer was first shown the bids' prices or documents after bidding ended.
    pub bids_opened_at_ms: Option<i64>,
}

/// Who asks to see a bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer<'a> {
    /// Nobody signed in.
    Anonymous,
    /// Staff of the buying organization (buyer, approver, admin).
    Internal,
    /// A user of this supplier organization.
    Supplier(&'a str),
}

impl<'a> Viewer<'a> {
    /// The viewer an actor is (`None`: nobody signed in). A supplier user without an
    /// organization is nobody's supplier.
    pub fn of(actor: Option<&'a crate::access::Actor>) -> Viewer<'a> {
        match actor {
            None => Viewer::Anonymous,
            Some(a) if a.role.is_internal() => Viewer::Internal,
            Some(a) => a
                .supplier_id
                .as_deref()
                .map_or(Viewer::Anonymous, Viewer::Supplier),
        }
    }
}

/// Why a bid's prices and documents may not be seen now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Sealed {
    /// Another supplier's bid, or nobody signed in: answered as if it did not exist.
    #[error("not found")]
    NotYours,
    /// A sealed RFQ whose bidding has not ended.
    #[error("sealed bid: prices and quote documents open at the deadline")]
    UntilDeadline,
    /// A sealed RFQ cancelled before its deadline: its bids are never opened.
    #[error("this sealed RFQ was cancelled before its deadline, so its bids stay sealed")]
    Cancelled,
}

impl Sealed {
    /// The stable error code of the JSON answer.
    pub fn code(self) -> &'static str {
        match self {
            Sealed::NotYours => "not_found",
            Sealed::UntilDeadline | Sealed::Cancelled => "sealed",
        }
    }
}

/// Whether bidding has ended as of `now`: the deadline passed (by the clock, or because
/// bidding was closed early, which moves the deadline to that moment), or the RFQ was
/// awarded. A cancelled RFQ's bidding ended only if its deadline had passed when it was
/// cancelled: cancelling cuts bidding short, it does not finish it.
pub fn bidding_ended(rfq: &SealState, now_ms: i64) -> bool {
    match rfq.stored {
        Status::Draft => false,
        Status::Awarded | Status::Closed => true,
        Status::Open => now_ms >= rfq.deadline_ms,
        Status::Cancelled => rfq.cancelled_at_ms.is_some_and(|at| at >= rfq.deadline_ms),
    }
}

/// The sealing rule: may `viewer` see the prices and documents of `bidder`'s bid on the
/// RFQ now? A supplier sees its own bid, always (also one a buyer entered on its behalf),
/// and never another's. Buyer-side staff see every bid of an unsealed RFQ; of a sealed
/// RFQ only once bidding has ended ([`bidding_ended`]), so never when it was cancelled
/// before its deadline. Nobody signed in sees nothing.
pub fn may_see_bid(
    viewer: Viewer<'_>,
    bidder: &str,
    rfq: &SealState,
    now_ms: i64,
) -> Result<(), Sealed> {
    match viewer {
        Viewer::Anonymous => Err(Sealed::NotYours),
        Viewer::Supplier(own) if own == bidder => Ok(()),
        Viewer::Supplier(_) => Err(Sealed::NotYours),
        Viewer::Internal if !rfq.sealed || bidding_ended(rfq, now_ms) => Ok(()),
        Viewer::Internal if rfq.stored == Status::Cancelled => Err(Sealed::Cancelled),
        Viewer::Internal => Err(Sealed::UntilDeadline),
    }
}

/// Whether showing bids to `viewer` now opens them for good: buyer-side staff seeing
/// prices or documents once bidding has ended. The server records the first opening
/// (`bids_opened_at`), and every opening of a sealed RFQ in the audit trail; from then on
/// the deadline can no longer be extended. A supplier seeing its own bid opens nothing,
/// nor does a buyer watching an unsealed RFQ while bidding runs.
pub fn is_opening(viewer: Viewer<'_>, rfq: &SealState, now_ms: i64) -> bool {
    viewer == Viewer::Internal && bidding_ended(rfq, now_ms)
}

/// Whether a view that does not open bids may still show `viewer` what `bidder`'s bid
/// holds (its documents' names, sizes and hashes in the audit trail): only what it could
/// see without that view being an opening — the sealing rule allows it, and on the
/// buyer's side after bidding ended the bids were already opened (`bids_opened_at_ms`).
/// Otherwise reading the trail would let the buyer learn about the bids while the
/// deadline can still be extended for suppliers to re-price (issue 10).
pub fn may_see_without_opening(
    viewer: Viewer<'_>,
    bidder: &str,
    rfq: &SealState,
    now_ms: i64,
) -> bool {
    may_see_bid(viewer, bidder, rfq, now_ms).is_ok()
        && (!is_opening(viewer, rfq, now_ms) || rfq.bids_opened_at_ms.is_some())
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
    #[error("the bids were opened after bidding closed, so the deadline can no longer be extended (suppliers could re-price knowing that); cancel this RFQ and start a new one instead")]
    BidsOpened,
}

/// Checks that a draft may be opened.
pub fn may_open(
    stored: Status,
    lines: usize,
    suppliers: usize,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(), LifecycleError> {
    may(
        Action::Open,
        effective_status(stored, deadline_ms, now_ms),
        false,
    )?;
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

/// Checks a deadline extension. It also reopens an RFQ that closed (by the clock or
/// early) — but only while nobody on the buyer's side has seen the bids since bidding
/// ended (`rfq.bids_opened_at_ms`): reopening then would let suppliers re-price after the
/// buyer saw every bid, so it is refused; the buyer cancels and starts a new RFQ instead.
pub fn may_extend(
    rfq: &SealState,
    new_ms: i64,
    reason: &str,
    now_ms: i64,
) -> Result<(), LifecycleError> {
    let old_ms = rfq.deadline_ms;
    may(
        Action::Extend,
        effective_status(rfq.stored, old_ms, now_ms),
        rfq.bids_opened_at_ms.is_some(),
    )?;
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

/// Bounds on what a buyer sends for an RFQ (issue 10, outside probe L): texts in
/// characters, lists in items. [`check_limits`] and [`check_line_limits`] refuse past
/// them, naming the field; the OpenAPI contract states them.
pub mod limits {
    pub const TITLE: usize = 200;
    /// Requested Incoterm and place, and payment terms, as typed.
    pub const INCOTERM: usize = 200;
    pub const PAYMENT_TERMS: usize = 200;
    /// An IANA time zone name.
    pub const TIME_ZONE: usize = 64;
    /// Lines of one RFQ.
    pub const LINES: usize = 500;
    /// Quantity breaks asked for on one line.
    pub const QUANTITIES: usize = 20;
    /// A line's notes.
    pub const LINE_NOTES: usize = 4000;
    /// Suppliers invited at once.
    pub const SUPPLIERS: usize = 500;
    /// A record id sent back (part, line, supplier).
    pub const ID: usize = 64;
    /// The reason for a decision every invited supplier is told of (extend, close early,
    /// cancel) and the buyer's note kept with an award.
    pub const REASON: usize = 2000;
}

/// Lines of one RFQ at most ([`limits::LINES`]).
pub const MAX_LINES: usize = limits::LINES;

/// The texts and list sizes of an RFQ as sent.
#[derive(Debug, Clone, Copy)]
pub struct RfqInput<'a> {
    pub title: &'a str,
    pub incoterm: &'a str,
    pub payment_terms: &'a str,
    pub time_zone: Option<&'a str>,
    pub lines: usize,
    pub supplier_ids: &'a [String],
}

/// Checks an RFQ's texts and list sizes against [`limits`]; false when a list is past
/// its bound (its items are then not looked at one by one).
pub fn check_limits(e: &mut crate::validate::FieldErrors, r: RfqInput<'_>) -> bool {
    use crate::validate as v;
    v::max_chars(e, "title", r.title, limits::TITLE);
    v::max_chars(e, "incoterm", r.incoterm, limits::INCOTERM);
    v::max_chars(e, "payment_terms", r.payment_terms, limits::PAYMENT_TERMS);
    if let Some(tz) = r.time_zone {
        v::max_chars(e, "time_zone", tz, limits::TIME_ZONE);
    }
    let mut fit = v::max_items(e, "lines", r.lines, limits::LINES, "lines");
    fit &= v::max_items(
        e,
        "supplier_ids",
        r.supplier_ids.len(),
        limits::SUPPLIERS,
        "suppliers",
    );
    for (i, id) in r.supplier_ids.iter().enumerate().take(limits::SUPPLIERS) {
        v::max_chars(e, &format!("supplier_ids[{i}]"), id, limits::ID);
    }
    fit
}

/// Checks one RFQ line's texts and list sizes against [`limits`] (`prefix`: `lines[3]`).
pub fn check_line_limits(
    e: &mut crate::validate::FieldErrors,
    prefix: &str,
    part_id: &str,
    revision: Option<&str>,
    notes: &str,
    quantities: usize,
) -> bool {
    use crate::validate as v;
    v::max_chars(e, &format!("{prefix}.part_id"), part_id, limits::ID);
    if let Some(r) = revision {
        v::max_chars(
            e,
            &format!("{prefix}.revision"),
            r,
            crate::part::MAX_REVISION,
        );
    }
    v::max_chars(e, &format!("{prefix}.notes"), notes, limits::LINE_NOTES);
    v::max_items(
        e,
        &format!("{prefix}.quantities"),
        quantities,
        limits::QUANTITIES,
        "quantities",
    )
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
    may(
        Action::Close,
        effective_status(stored, deadline_ms, now_ms),
        false,
    )?;
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
    may(
        Action::Award,
        effective_status(stored, deadline_ms, now_ms),
        false,
    )
}

// ---- What may be done now, and by whom -----------------------------------------------
//
// One answer to "may this be done to the RFQ now?", judged on the status as of now (the
// server's effective status: an open RFQ past its deadline is closed). The buyer's RFQ
// page offers exactly the actions [`actions`] lists, and every handler checks the same
// rule with [`may`] (then the action's own details, such as [`may_open`]'s lines and
// suppliers), so the page never offers what the server refuses.

/// Something a person can do to an RFQ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Send a draft to the invited suppliers.
    Open,
    /// Move the deadline later (reopens an RFQ that closed, while its bids are unopened).
    Extend,
    /// Invite another supplier.
    Invite,
    /// Change the lines (on an open RFQ every bidder must reconfirm).
    EditLines,
    /// Attach drawings and files to lines.
    AttachFiles,
    /// Close bidding before the deadline.
    Close,
    /// End the RFQ for good.
    Cancel,
    /// Choose the winners.
    Award,
    /// Enter a quote on a supplier's behalf (a visit).
    EnterQuote,
    /// Submit, resubmit or withdraw the supplier's own quote.
    Quote,
    /// Ask the buyer a question.
    Ask,
}

impl Action {
    /// The buyer's side's actions, in the order the RFQ page shows them.
    pub const BUYER: [Action; 9] = [
        Action::Open,
        Action::Close,
        Action::Extend,
        Action::Invite,
        Action::EditLines,
        Action::AttachFiles,
        Action::EnterQuote,
        Action::Award,
        Action::Cancel,
    ];
    /// An invited supplier's actions.
    pub const SUPPLIER: [Action; 2] = [Action::Quote, Action::Ask];
}

/// Whether `action` may be taken on an RFQ whose status is now `status` (effective, see
/// [`effective_status`]); `bids_opened`: the buyer's side has seen its bids after bidding
/// ended (from then on the deadline stays, see [`may_extend`]). Who may act is
/// [`crate::access::authorize`]'s question; [`actions`] asks both.
pub fn may(action: Action, status: Status, bids_opened: bool) -> Result<(), LifecycleError> {
    use Status::*;
    let s = status.as_str();
    match action {
        Action::Open if status == Draft => Ok(()),
        Action::Open => Err(LifecycleError::NotDraft(s)),
        Action::Extend | Action::Cancel if matches!(status, Awarded | Cancelled) => {
            Err(LifecycleError::Final(s))
        }
        Action::Extend if bids_opened => Err(LifecycleError::BidsOpened),
        Action::Extend | Action::Cancel => Ok(()),
        Action::Invite | Action::EditLines | Action::AttachFiles
            if matches!(status, Draft | Open) =>
        {
            Ok(())
        }
        Action::Invite | Action::EditLines | Action::AttachFiles => Err(LifecycleError::Final(s)),
        Action::Close | Action::EnterQuote | Action::Quote | Action::Ask if status == Open => {
            Ok(())
        }
        Action::Close | Action::EnterQuote | Action::Quote | Action::Ask => {
            Err(LifecycleError::NotOpen(s))
        }
        Action::Award if status == Closed => Ok(()),
        Action::Award => Err(LifecycleError::NotClosed(s)),
    }
}

/// The actions `actor` may take now on an RFQ that invites `invited`: the buyer's side's
/// when its role may change RFQs, an invited supplier's own; each allowed by [`may`].
pub fn actions(
    actor: &crate::access::Actor,
    invited: &[String],
    status: Status,
    bids_opened: bool,
) -> Vec<Action> {
    use crate::access::{authorize, Resource, Verb};
    let resource = Resource::Rfq {
        invited,
        draft: status == Status::Draft,
    };
    let candidates: &[Action] = if actor.role.is_internal() {
        if authorize(actor, Verb::Write, resource).is_err() {
            return Vec::new();
        }
        &Action::BUYER
    } else {
        if authorize(actor, Verb::Read, resource).is_err() {
            return Vec::new();
        }
        &Action::SUPPLIER
    };
    candidates
        .iter()
        .copied()
        .filter(|a| may(*a, status, bids_opened).is_ok())
        .collect()
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

    fn seal(sealed: bool, stored: Status, deadline_ms: i64) -> SealState {
        SealState {
            sealed,
            stored,
            deadline_ms,
            cancelled_at_ms: None,
            bids_opened_at_ms: None,
        }
    }

    #[test]
    fn a_view_that_does_not_open_shows_bids_only_once_they_were_opened() {
        let closed = seal(true, Status::Open, NOW - 10);
        let opened = SealState {
            bids_opened_at_ms: Some(NOW - 5),
            ..closed
        };
        let running = seal(true, Status::Open, NOW + 10);
        let unsealed_running = seal(false, Status::Open, NOW + 10);
        let buyer = Viewer::Internal;
        // Bidding ended but nobody opened the bids: the trail keeps them closed, else the
        // deadline could still be extended after the buyer learned about them.
        assert!(!may_see_without_opening(buyer, "s1", &closed, NOW));
        assert!(may_see_without_opening(buyer, "s1", &opened, NOW));
        assert!(!may_see_without_opening(buyer, "s1", &running, NOW));
        // An unsealed RFQ while bidding runs is no opening.
        assert!(may_see_without_opening(buyer, "s1", &unsealed_running, NOW));
        // A supplier sees its own bid, never another's.
        assert!(may_see_without_opening(
            Viewer::Supplier("s1"),
            "s1",
            &closed,
            NOW
        ));
        assert!(!may_see_without_opening(
            Viewer::Supplier("s2"),
            "s1",
            &opened,
            NOW
        ));
        assert!(!may_see_without_opening(
            Viewer::Anonymous,
            "s1",
            &opened,
            NOW
        ));
    }

    /// The sealing rule as a table (issue 10): viewer × RFQ history × clock.
    #[test]
    fn the_sealing_rule() {
        use Sealed::*;
        let open_sealed = seal(true, Status::Open, NOW + 1);
        let past_sealed = seal(true, Status::Open, NOW);
        let open_unsealed = seal(false, Status::Open, NOW + 1);
        let cancelled_early = SealState {
            cancelled_at_ms: Some(NOW - 5),
            ..seal(true, Status::Cancelled, NOW + 1)
        };
        // Cancelled before the deadline, looked at long after it: still sealed.
        let cancelled_early_later = SealState {
            cancelled_at_ms: Some(NOW - 50),
            ..seal(true, Status::Cancelled, NOW - 10)
        };
        let cancelled_after = SealState {
            cancelled_at_ms: Some(NOW - 5),
            ..seal(true, Status::Cancelled, NOW - 10)
        };
        let cancelled_unknown = seal(true, Status::Cancelled, NOW - 10);
        let awarded = seal(true, Status::Awarded, NOW + 100);
        let draft = seal(true, Status::Draft, NOW - 100);
        let nw = Viewer::Supplier("nw");
        let ke = Viewer::Supplier("ke");
        let i = Viewer::Internal;
        let anon = Viewer::Anonymous;
        #[rustfmt::skip]
        let cases: Vec<(Viewer, &SealState, Result<(), Sealed>)> = vec![
            (nw, &open_sealed, Ok(())),
            (ke, &open_sealed, Err(NotYours)),
            (ke, &past_sealed, Err(NotYours)),
            (ke, &awarded, Err(NotYours)),
            (anon, &past_sealed, Err(NotYours)),
            (anon, &open_unsealed, Err(NotYours)),
            (i, &open_sealed, Err(UntilDeadline)),
            (i, &past_sealed, Ok(())),
            (i, &open_unsealed, Ok(())),
            (i, &cancelled_early, Err(Cancelled)),
            (i, &cancelled_early_later, Err(Cancelled)),
            (i, &cancelled_unknown, Err(Cancelled)),
            (i, &cancelled_after, Ok(())),
            (nw, &cancelled_early, Ok(())),
            (i, &awarded, Ok(())),
            (i, &draft, Err(UntilDeadline)),
        ];
        for (viewer, rfq, want) in cases {
            assert_eq!(
                may_see_bid(viewer, "nw", rfq, NOW),
                want,
                "{viewer:?} on {rfq:?}"
            );
        }
        assert_eq!(UntilDeadline.code(), "sealed");
        assert_eq!(Cancelled.code(), "sealed");
        assert_eq!(NotYours.code(), "not_found");
    }

    #[test]
    fn only_buyers_after_bidding_ended_open_bids() {
        let past = seal(true, Status::Open, NOW);
        assert!(is_opening(Viewer::Internal, &past, NOW));
        assert!(!is_opening(Viewer::Supplier("nw"), &past, NOW));
        assert!(!is_opening(
            Viewer::Internal,
            &seal(false, Status::Open, NOW + 1),
            NOW
        ));
        assert!(is_opening(
            Viewer::Internal,
            &seal(false, Status::Open, NOW),
            NOW
        ));
    }

    #[test]
    fn viewers_of_actors() {
        use crate::access::{Actor, Role};
        let a = |role, s: Option<&str>| Actor {
            user_id: "u".into(),
            role,
            supplier_id: s.map(str::to_string),
            scopes: None,
        };
        let (ap, s1, orphan) = (
            a(Role::Approver, None),
            a(Role::Supplier, Some("s1")),
            a(Role::Supplier, None),
        );
        assert_eq!(Viewer::of(Some(&ap)), Viewer::Internal);
        assert_eq!(Viewer::of(Some(&s1)), Viewer::Supplier("s1"));
        assert_eq!(Viewer::of(Some(&orphan)), Viewer::Anonymous);
        assert_eq!(Viewer::of(None), Viewer::Anonymous);
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
            may_extend(
                &seal(true, Status::Open, NOW),
                NOW + 5,
                "supplier asked",
                NOW
            ),
            Ok(())
        );
        assert_eq!(
            may_extend(&seal(true, Status::Open, NOW), NOW + 5, " ", NOW),
            Err(LifecycleError::NoReason)
        );
        assert_eq!(
            may_extend(&seal(true, Status::Open, NOW + 9), NOW + 5, "x", NOW),
            Err(LifecycleError::NotLater)
        );
        assert_eq!(
            may_extend(&seal(true, Status::Awarded, NOW), NOW + 5, "x", NOW),
            Err(LifecycleError::Final("awarded"))
        );
        // Reopening a clock-closed RFQ with a later deadline is allowed.
        assert_eq!(
            may_extend(
                &seal(true, Status::Open, NOW - 10),
                NOW + 5,
                "late supplier",
                NOW
            ),
            Ok(())
        );
        // … but not once a buyer has seen the bids (issue 10): suppliers could re-price.
        let opened = SealState {
            bids_opened_at_ms: Some(NOW - 5),
            ..seal(true, Status::Open, NOW - 10)
        };
        assert_eq!(
            may_extend(&opened, NOW + 5, "late supplier", NOW),
            Err(LifecycleError::BidsOpened)
        );
        assert_eq!(
            may_extend(
                &SealState {
                    sealed: false,
                    ..opened
                },
                NOW + 5,
                "x",
                NOW
            ),
            Err(LifecycleError::BidsOpened),
            "unsealed RFQs too: the round is over once the bids were opened after it"
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

    /// What may be done to an RFQ in each status (issue 11: the page offered "Invite
    /// supplier" and "Edit lines" on a closed RFQ, which the server refused).
    #[test]
    fn actions_by_status() {
        use Action as A;
        use Status as S;
        #[rustfmt::skip]
        let cases: Vec<(Status, bool, Vec<Action>)> = vec![
            (S::Draft, false, vec![A::Open, A::Extend, A::Invite, A::EditLines, A::AttachFiles, A::Cancel]),
            (S::Open, false, vec![A::Close, A::Extend, A::Invite, A::EditLines, A::AttachFiles, A::EnterQuote, A::Cancel]),
            (S::Closed, false, vec![A::Extend, A::Award, A::Cancel]),
            (S::Closed, true, vec![A::Award, A::Cancel]),
            (S::Awarded, true, vec![]),
            (S::Cancelled, false, vec![]),
        ];
        for (status, opened, want) in cases {
            let got: Vec<A> = Action::BUYER
                .into_iter()
                .filter(|a| may(*a, status, opened).is_ok())
                .collect();
            assert_eq!(got, want, "{status:?}, opened {opened}");
        }
        assert_eq!(
            may(A::Invite, S::Closed, false),
            Err(LifecycleError::Final("closed"))
        );
        assert_eq!(
            may(A::EditLines, S::Awarded, true),
            Err(LifecycleError::Final("awarded"))
        );
        assert_eq!(
            may(A::Extend, S::Closed, true),
            Err(LifecycleError::BidsOpened)
        );
        assert_eq!(
            may(A::Close, S::Draft, false),
            Err(LifecycleError::NotOpen("draft"))
        );
        assert_eq!(
            may(A::Award, S::Open, false),
            Err(LifecycleError::NotClosed("open"))
        );
        assert_eq!(
            may(A::Open, S::Open, false),
            Err(LifecycleError::NotDraft("open"))
        );
        assert_eq!(
            may(A::Quote, S::Closed, false),
            Err(LifecycleError::NotOpen("closed"))
        );
    }

    /// Who may take them: writers of the buyer's side, an invited supplier its own, an
    /// approver (read only) and a stranger nothing.
    #[test]
    fn actions_by_actor() {
        use crate::access::{Actor, Role};
        let a = |role, s: Option<&str>| Actor {
            user_id: "u".into(),
            role,
            supplier_id: s.map(str::to_string),
            scopes: None,
        };
        let invited = vec!["s1".to_string()];
        let open = |actor: &Actor| actions(actor, &invited, Status::Open, false);
        assert!(open(&a(Role::Buyer, None)).contains(&Action::Invite));
        assert!(open(&a(Role::Admin, None)).contains(&Action::Close));
        assert_eq!(open(&a(Role::Approver, None)), vec![]);
        assert_eq!(
            open(&a(Role::Supplier, Some("s1"))),
            vec![Action::Quote, Action::Ask]
        );
        assert_eq!(open(&a(Role::Supplier, Some("s2"))), vec![]);
        assert_eq!(
            actions(
                &a(Role::Supplier, Some("s1")),
                &invited,
                Status::Draft,
                false
            ),
            vec![],
            "suppliers never see drafts"
        );
        assert_eq!(
            actions(
                &a(Role::Supplier, Some("s1")),
                &invited,
                Status::Closed,
                false
            ),
            vec![]
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
                estimate: None,
            },
            crate::level::Bid {
                supplier_id: "b".into(),
                supplier_name: "B".into(),
                quote: quote(vec![line("L2", &[(dec!(500), dec!(3.10))])]),
                estimate: None,
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
