//! A supplier's quote on an RFQ as submitted (typed in the portal or filled from an
//! extracted file), its validation against the RFQ, and the bid receipt hash.
//!
//! Prices are entered per `price_basis_qty` units (per 1, per 100 "/C", per 1000 "/M");
//! [`QuoteLine::unit_price_at`] always answers per ONE unit.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::money::Currency;
use crate::validate::{self as v, FieldErrors};

pub mod form;

/// One price break: from `min_qty` units on, `price` per `price_basis_qty` units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceBreak {
    pub min_qty: Decimal,
    pub price: Decimal,
}

/// How freight is charged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "amount", rename_all = "snake_case")]
#[serde(deny_unknown_fields)]
pub enum Freight {
    /// In the unit price.
    Included,
    /// A fixed amount per shipment (one shipment per ordered break quantity).
    PerShipment(Decimal),
    /// An amount per unit.
    PerUnit(Decimal),
    /// The supplier did not say.
    NotQuoted,
}

/// Payment terms (net days, discount, basis, deposit) and one-time charges (tooling,
/// NRE): the shared trade vocabulary, [`crate::terms`].
pub use crate::terms::{PaymentTerms, Tooling};

/// Quote header: what applies to every line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuoteHeader {
    pub currency: Currency,
    /// Last day the prices hold.
    pub valid_until: Option<NaiveDate>,
    /// Incoterms 2020 code, e.g. `FCA`.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub incoterm: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub incoterm_place: Option<String>,
    pub payment_terms: PaymentTerms,
    pub freight: Freight,
    /// The supplier's own quote reference.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub reference: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub notes: String,
}

/// The answer to one RFQ line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct QuoteLine {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub rfq_line_id: String,
    /// The revision the supplier quoted (defaults to the RFQ's when omitted).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 16))]
    pub revision: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub breaks: Vec<PriceBreak>,
    /// Prices are per this many units (1, 100, 1000, pack size).
    pub price_basis_qty: Decimal,
    #[serde(default)]
    pub moq: Option<Decimal>,
    #[serde(default)]
    pub order_multiple: Option<Decimal>,
    #[serde(default)]
    pub lead_time_days: Option<u32>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub tooling: Vec<Tooling>,
    #[serde(default)]
    pub no_bid: bool,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub no_bid_reason: Option<String>,
    /// An alternate part or material offered instead, described.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub alternate: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    pub notes: String,
}

impl QuoteLine {
    /// Unit price (per ONE unit) for an order of `qty`: the break with the largest
    /// `min_qty` not above `qty`; below the first break, the first break's price.
    /// Returns the price and whether `qty` reached a break at all.
    pub fn unit_price_at(&self, qty: Decimal) -> Option<(Decimal, bool)> {
        if self.no_bid || self.price_basis_qty <= Decimal::ZERO {
            return None;
        }
        let mut sorted: Vec<&PriceBreak> = self.breaks.iter().collect();
        sorted.sort_by_key(|b| b.min_qty);
        let reached = sorted.iter().rev().find(|b| b.min_qty <= qty);
        let (b, ok) = match reached {
            Some(b) => (*b, true),
            None => (*sorted.first()?, false),
        };
        b.price.checked_div(self.price_basis_qty).map(|p| (p, ok))
    }

    /// Sum of one-time charges; `None` when it overflows `Decimal` (a stored quote
    /// from before the input bounds, issue 10).
    pub fn tooling_total(&self) -> Option<Decimal> {
        self.tooling
            .iter()
            .try_fold(Decimal::ZERO, |acc, t| acc.checked_add(t.amount))
    }
}

/// A whole quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub header: QuoteHeader,
    #[cfg_attr(feature = "openapi", schema(max_items = 500))]
    pub lines: Vec<QuoteLine>,
}

/// The RFQ line facts a quote is checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqLineSpec {
    pub id: String,
    pub line_no: u32,
    pub part_number: String,
    pub revision: String,
    /// Quantity breaks asked for.
    pub quantities: Vec<Decimal>,
    pub annual_volume: Option<Decimal>,
    pub need_by: Option<NaiveDate>,
    /// Last price paid, per unit in the RFQ's currency.
    #[serde(default)]
    pub last_price: Option<Decimal>,
    /// Should-cost, per unit in the RFQ's currency.
    #[serde(default)]
    pub should_cost: Option<Decimal>,
}

/// The RFQ facts a quote is checked and leveled against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RfqSpec {
    pub currency: Currency,
    pub incoterm: Option<String>,
    pub payment_terms: Option<PaymentTerms>,
    pub lines: Vec<RfqLineSpec>,
}

const MAX_LEAD_TIME_DAYS: u32 = 3650;

/// Bounds on a quote's texts (in characters) and lists (issue 10, outside probe L: notes
/// of 1.9 MB and a line of 40,000 price breaks were accepted). [`validate`] refuses past
/// them, naming the field; the OpenAPI contract states them (`maxLength`, `maxItems`).
pub mod limits {
    /// Lines of one quote (one per RFQ line at most; an RFQ has at most
    /// `crate::rfq::MAX_LINES`).
    pub const LINES: usize = crate::rfq::MAX_LINES;
    /// Price breaks of one line.
    pub const BREAKS: usize = 50;
    /// One-time charges of one line.
    pub const TOOLING: usize = 20;
    /// The header's and each line's notes.
    pub const NOTES: usize = 4000;
    /// The supplier's own quote reference.
    pub const REFERENCE: usize = 100;
    /// The Incoterm (a code such as `FCA`, as typed) and the Incoterm place.
    pub const INCOTERM: usize = 40;
    pub const PLACE: usize = 200;
    /// Payment terms as printed.
    pub const PAYMENT_TEXT: usize = 500;
    /// Payment terms' basis and method names.
    pub const PAYMENT_WORD: usize = 40;
    /// A line's RFQ line id and revision label.
    pub const LINE_ID: usize = 64;
    pub const REVISION: usize = crate::part::MAX_REVISION;
    /// Why a line is not quoted, and the alternate offered.
    pub const REASON: usize = 1000;
    pub const ALTERNATE: usize = 1000;
    /// A one-time charge's description.
    pub const TOOLING_DESCRIPTION: usize = 200;
}

/// The length and size checks of [`limits`] (also for a draft: what the form holds).
fn check_limits(e: &mut FieldErrors, quote: &Quote) -> bool {
    use limits as l;
    let h = &quote.header;
    v::max_chars(e, "header.notes", &h.notes, l::NOTES);
    v::max_chars(e, "header.reference", &h.reference, l::REFERENCE);
    if let Some(p) = &h.incoterm_place {
        v::max_chars(e, "header.incoterm_place", p, l::PLACE);
    }
    if let Some(c) = &h.incoterm {
        v::max_chars(e, "header.incoterm", c, l::INCOTERM);
    }
    let pt = &h.payment_terms;
    v::max_chars(e, "header.payment_terms.text", &pt.text, l::PAYMENT_TEXT);
    v::max_chars(e, "header.payment_terms.basis", &pt.basis, l::PAYMENT_WORD);
    if let Some(m) = &pt.method {
        v::max_chars(e, "header.payment_terms.method", m, l::PAYMENT_WORD);
    }
    if !v::max_items(e, "lines", quote.lines.len(), l::LINES, "lines") {
        return false;
    }
    let mut lists_fit = true;
    for (i, line) in quote.lines.iter().enumerate() {
        let at = |f: &str| format!("lines[{i}].{f}");
        v::max_chars(e, &at("rfq_line_id"), &line.rfq_line_id, l::LINE_ID);
        if let Some(r) = &line.revision {
            v::max_chars(e, &at("revision"), r, l::REVISION);
        }
        v::max_chars(e, &at("notes"), &line.notes, l::NOTES);
        if let Some(r) = &line.no_bid_reason {
            v::max_chars(e, &at("no_bid_reason"), r, l::REASON);
        }
        if let Some(a) = &line.alternate {
            v::max_chars(e, &at("alternate"), a, l::ALTERNATE);
        }
        lists_fit &= v::max_items(
            e,
            &at("breaks"),
            line.breaks.len(),
            l::BREAKS,
            "price breaks",
        );
        lists_fit &= v::max_items(
            e,
            &at("tooling"),
            line.tooling.len(),
            l::TOOLING,
            "one-time charges",
        );
        for (j, t) in line.tooling.iter().enumerate().take(l::TOOLING) {
            v::max_chars(
                e,
                &at(&format!("tooling[{j}].description")),
                &t.description,
                l::TOOLING_DESCRIPTION,
            );
        }
    }
    lists_fit
}

/// Checks a quote against its RFQ. Every problem is reported with a field path such as
/// `lines[1].breaks[0].price`, so the form can put the message beside the input.
pub fn validate(rfq: &RfqSpec, quote: &Quote, today: NaiveDate) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    // Sizes first: a quote past a list's bound is not checked item by item (40,000
    // breaks would be 40,000 messages).
    if !check_limits(&mut e, quote) {
        return Err(e);
    }
    let h = &quote.header;
    v::payable_currency(&mut e, "header.currency", h.currency);
    if let Some(until) = h.valid_until {
        if until < today {
            e.add(
                "header.valid_until",
                format!("the validity date {until} is in the past"),
            );
        }
    }
    let net_days = h.payment_terms.net_days.unwrap_or(0);
    if net_days > 365 {
        e.add("header.payment_terms.net_days", "at most 365 days");
    }
    match (h.payment_terms.discount_pct, h.payment_terms.discount_days) {
        (Some(p), Some(d)) => {
            if p <= Decimal::ZERO || p >= Decimal::from(100) {
                e.add(
                    "header.payment_terms.discount_pct",
                    "a percentage between 0 and 100",
                );
            }
            v::bounded(&mut e, "header.payment_terms.discount_pct", p, v::PERCENT);
            if d > net_days {
                e.add(
                    "header.payment_terms.discount_days",
                    "the discount period cannot be longer than the net term",
                );
            }
        }
        (None, None) => {}
        _ => e.add(
            "header.payment_terms",
            "give both the discount percentage and its days, or neither",
        ),
    }
    if let Some(d) = h.payment_terms.deposit_pct {
        if d < Decimal::ZERO || d > Decimal::ONE_HUNDRED {
            e.add(
                "header.payment_terms.deposit_pct",
                "a percentage from 0 to 100",
            );
        }
        v::bounded(&mut e, "header.payment_terms.deposit_pct", d, v::PERCENT);
    }
    match h.freight {
        Freight::PerShipment(a) | Freight::PerUnit(a) if a < Decimal::ZERO => {
            e.add("header.freight", "freight cannot be negative");
        }
        Freight::PerShipment(a) | Freight::PerUnit(a) => {
            v::bounded(&mut e, "header.freight", a, v::AMOUNT);
        }
        _ => {}
    }
    if let Some(code) = &h.incoterm {
        if crate::terms::incoterm(code).is_none() {
            e.add("header.incoterm", crate::terms::incoterm_error(code));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, l) in quote.lines.iter().enumerate() {
        let at = |f: &str| format!("lines[{i}].{f}");
        if !rfq.lines.iter().any(|r| r.id == l.rfq_line_id) {
            e.add(&at("rfq_line_id"), "this RFQ has no such line");
        } else if !seen.insert(&l.rfq_line_id) {
            e.add(&at("rfq_line_id"), "this RFQ line is answered twice");
        }
        if l.no_bid {
            if l.no_bid_reason
                .as_deref()
                .map(str::trim)
                .unwrap_or("")
                .is_empty()
            {
                e.add(
                    &at("no_bid_reason"),
                    "say why you do not bid, so the buyer can act on it",
                );
            }
            continue;
        }
        if l.price_basis_qty <= Decimal::ZERO {
            e.add(
                &at("price_basis_qty"),
                "the price basis must be a positive quantity (1, 100, 1000…)",
            );
        }
        v::bounded(
            &mut e,
            &at("price_basis_qty"),
            l.price_basis_qty,
            v::QUANTITY,
        );
        if l.breaks.is_empty() {
            e.add(
                &at("breaks"),
                "enter at least one price, or mark the line as no-bid",
            );
        }
        let mut last: Option<Decimal> = None;
        for (j, b) in l.breaks.iter().enumerate() {
            if b.min_qty <= Decimal::ZERO {
                e.add(
                    &at(&format!("breaks[{j}].min_qty")),
                    "the quantity must be positive",
                );
            }
            if b.price <= Decimal::ZERO {
                e.add(
                    &at(&format!("breaks[{j}].price")),
                    "the price must be positive",
                );
            }
            v::bounded(
                &mut e,
                &at(&format!("breaks[{j}].min_qty")),
                b.min_qty,
                v::QUANTITY,
            );
            v::bounded(
                &mut e,
                &at(&format!("breaks[{j}].price")),
                b.price,
                v::AMOUNT,
            );
            if let Some(prev) = last {
                if b.min_qty <= prev {
                    e.add(
                        &at(&format!("breaks[{j}].min_qty")),
                        "break quantities must increase",
                    );
                }
            }
            last = Some(b.min_qty);
        }
        if matches!(l.moq, Some(m) if m <= Decimal::ZERO) {
            e.add(&at("moq"), "the minimum order quantity must be positive");
        }
        if matches!(l.order_multiple, Some(m) if m <= Decimal::ZERO) {
            e.add(&at("order_multiple"), "the order multiple must be positive");
        }
        v::bounded_opt(&mut e, &at("moq"), l.moq, v::QUANTITY);
        v::bounded_opt(&mut e, &at("order_multiple"), l.order_multiple, v::QUANTITY);
        if matches!(l.lead_time_days, Some(d) if d > MAX_LEAD_TIME_DAYS) {
            e.add(&at("lead_time_days"), "at most 3650 days");
        }
        for (j, t) in l.tooling.iter().enumerate() {
            if t.description.trim().is_empty() {
                e.add(
                    &at(&format!("tooling[{j}].description")),
                    "describe the charge",
                );
            }
            if t.amount < Decimal::ZERO {
                e.add(&at(&format!("tooling[{j}].amount")), "cannot be negative");
            }
            v::bounded(
                &mut e,
                &at(&format!("tooling[{j}].amount")),
                t.amount,
                v::AMOUNT,
            );
        }
    }
    e.into_result()
}

/// The bid receipt: SHA-256 over [`receipt_canonical`], as lowercase hex. The supplier
/// keeps it; the server stores the same hash; either can later prove what was submitted
/// and when. The format is versioned and documented in `docs/receipt.md`; golden vectors
/// in `domain/tests/data/receipts/` pin it. `nonce` is format 2's secret (see
/// [`receipt_nonce_ok`]); `None` is format 1, which only older receipts carry.
pub fn receipt_hash(
    rfq_id: &str,
    supplier_id: &str,
    version: u32,
    quote: &Quote,
    received_at: &str,
    nonce: Option<&str>,
) -> String {
    let canonical = receipt_canonical(rfq_id, supplier_id, version, quote, received_at, nonce);
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

/// The bytes a bid receipt hashes (`docs/receipt.md`): compact JSON (no whitespace,
/// UTF-8, object keys sorted) of `{nonce, quote, received_at, rfq_id, supplier_id,
/// version}`, the quote with its decimals [`normalized`]. Format 2 has the `nonce`;
/// format 1 (receipts made before it) has no `nonce` key.
///
/// Why the nonce: without a secret the hash is a price oracle. Everything else it covers
/// (ids, version, time of receipt, the usual terms) is known or guessable on the buyer's
/// side while the bid is sealed, so looping over prices until the hash matches recovers a
/// sealed price in seconds. A random 128-bit nonce, given to the supplier with its
/// receipt and shown to the buyer's side only when the sealing rule shows the bid, makes
/// the hash a commitment: it still proves what was sent, and says nothing about it.
pub fn receipt_canonical(
    rfq_id: &str,
    supplier_id: &str,
    version: u32,
    quote: &Quote,
    received_at: &str,
    nonce: Option<&str>,
) -> String {
    // serde_json's map is ordered by key unless its `preserve_order` feature is on; the
    // golden vectors would catch that change.
    let mut v = serde_json::json!({
        "rfq_id": rfq_id,
        "supplier_id": supplier_id,
        "version": version,
        "quote": normalized(quote),
        "received_at": received_at,
    });
    if let (Some(n), Some(o)) = (nonce, v.as_object_mut()) {
        o.insert("nonce".into(), n.into());
    }
    v.to_string()
}

/// Whether `nonce` has format 2's shape: 32 lowercase hex digits (128 bits).
pub fn receipt_nonce_ok(nonce: &str) -> bool {
    nonce.len() == 32
        && nonce
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The quote with decimals normalized (`1.50` and `1.5` are the same price) so that a
/// receipt does not depend on how a number was typed.
pub fn normalized(quote: &Quote) -> Quote {
    let mut q = quote.clone();
    let n = |d: &mut Decimal| *d = d.normalize();
    if let Freight::PerShipment(a) | Freight::PerUnit(a) = &mut q.header.freight {
        n(a);
    }
    if let Some(p) = q.header.payment_terms.discount_pct.as_mut() {
        n(p);
    }
    for l in &mut q.lines {
        n(&mut l.price_basis_qty);
        for b in &mut l.breaks {
            n(&mut b.min_qty);
            n(&mut b.price);
        }
        for t in &mut l.tooling {
            n(&mut t.amount);
        }
        if let Some(m) = l.moq.as_mut() {
            n(m);
        }
        if let Some(m) = l.order_multiple.as_mut() {
            n(m);
        }
    }
    q
}

/// Who submitted a stored quote version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnteredBy {
    /// A user of the supplier itself.
    Supplier,
    /// A buyer, on the supplier's behalf (captured at a visit).
    Buyer,
}

/// Why a buyer may not enter a quote on a supplier's behalf now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EnterRefused {
    /// The supplier's current bid is one it submitted itself.
    #[error("this supplier has submitted its own quote; only the supplier can replace it")]
    SupplierQuoted,
}

impl EnterRefused {
    /// The stable error code of the JSON answer.
    pub fn code(self) -> &'static str {
        match self {
            EnterRefused::SupplierQuoted => "supplier_quoted",
        }
    }
}

/// Whether a buyer may enter a quote for a supplier, given who submitted the supplier's
/// current bid (`None`: it has none, or withdrew it). A bid the supplier submitted itself
/// is its word and only it replaces it, so the buyer's entry is refused (nothing is
/// overwritten, and the refusal carries nothing of the sealed bid); a bid a buyer
/// entered earlier may be replaced by a newer one. The supplier is told of every quote
/// entered on its behalf.
pub fn may_enter_for_supplier(current: Option<EnteredBy>) -> Result<(), EnterRefused> {
    match current {
        Some(EnteredBy::Supplier) => Err(EnterRefused::SupplierQuoted),
        Some(EnteredBy::Buyer) | None => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    pub fn usd() -> Currency {
        Currency::from_code("USD").unwrap()
    }

    pub fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub fn rfq() -> RfqSpec {
        RfqSpec {
            currency: usd(),
            incoterm: Some("FCA".into()),
            payment_terms: Some(PaymentTerms {
                net_days: Some(60),
                text: "Net 60".into(),
                ..PaymentTerms::default()
            }),
            lines: vec![
                RfqLineSpec {
                    id: "L1".into(),
                    line_no: 1,
                    part_number: "BRK-2208".into(),
                    revision: "B".into(),
                    quantities: vec![dec!(500), dec!(2000), dec!(5000)],
                    annual_volume: Some(dec!(24000)),
                    need_by: Some(day("2027-03-01")),
                    last_price: Some(dec!(0.70)),
                    should_cost: Some(dec!(0.55)),
                },
                RfqLineSpec {
                    id: "L2".into(),
                    line_no: 2,
                    part_number: "HSG-1040".into(),
                    revision: "C".into(),
                    quantities: vec![dec!(500), dec!(2000), dec!(5000)],
                    annual_volume: Some(dec!(12000)),
                    need_by: Some(day("2027-03-01")),
                    last_price: None,
                    should_cost: None,
                },
            ],
        }
    }

    pub fn line(id: &str, breaks: &[(Decimal, Decimal)]) -> QuoteLine {
        QuoteLine {
            rfq_line_id: id.into(),
            revision: None,
            breaks: breaks
                .iter()
                .map(|(q, p)| PriceBreak {
                    min_qty: *q,
                    price: *p,
                })
                .collect(),
            price_basis_qty: dec!(1),
            moq: None,
            order_multiple: None,
            lead_time_days: Some(28),
            tooling: vec![],
            no_bid: false,
            no_bid_reason: None,
            alternate: None,
            notes: String::new(),
        }
    }

    pub fn quote(lines: Vec<QuoteLine>) -> Quote {
        Quote {
            header: QuoteHeader {
                currency: usd(),
                valid_until: Some(day("2027-06-30")),
                incoterm: Some("FCA".into()),
                incoterm_place: Some("Chicago".into()),
                payment_terms: PaymentTerms {
                    net_days: Some(60),
                    text: "Net 60".into(),
                    ..PaymentTerms::default()
                },
                freight: Freight::Included,
                reference: "Q-1".into(),
                notes: String::new(),
            },
            lines,
        }
    }

    #[test]
    fn price_at_quantity_uses_the_break_reached_and_the_basis() {
        let mut l = line(
            "L1",
            &[
                (dec!(500), dec!(62)),
                (dec!(2000), dec!(55)),
                (dec!(5000), dec!(49)),
            ],
        );
        l.price_basis_qty = dec!(100);
        assert_eq!(l.unit_price_at(dec!(500)), Some((dec!(0.62), true)));
        assert_eq!(l.unit_price_at(dec!(4999)), Some((dec!(0.55), true)));
        assert_eq!(l.unit_price_at(dec!(100000)), Some((dec!(0.49), true)));
        // Below the first break: its price, but the quantity was not reached.
        assert_eq!(l.unit_price_at(dec!(100)), Some((dec!(0.62), false)));
        l.no_bid = true;
        assert_eq!(l.unit_price_at(dec!(500)), None);
    }

    /// Issue 10, outside probe L: every text of a quote has a length bound and every list
    /// a size bound, refused on its own field with the bound in the message; at the bound
    /// it passes. A list past its bound is not checked item by item.
    #[test]
    fn every_text_and_list_of_a_quote_is_bounded_on_its_field() {
        use super::limits as l;
        type Set = fn(&mut Quote, String);
        let texts: Vec<(&str, usize, Set)> = vec![
            ("header.notes", l::NOTES, |q, s| q.header.notes = s),
            ("header.reference", l::REFERENCE, |q, s| {
                q.header.reference = s
            }),
            ("header.incoterm_place", l::PLACE, |q, s| {
                q.header.incoterm_place = Some(s)
            }),
            ("header.payment_terms.text", l::PAYMENT_TEXT, |q, s| {
                q.header.payment_terms.text = s
            }),
            ("header.payment_terms.basis", l::PAYMENT_WORD, |q, s| {
                q.header.payment_terms.basis = s
            }),
            ("header.payment_terms.method", l::PAYMENT_WORD, |q, s| {
                q.header.payment_terms.method = Some(s)
            }),
            ("lines[0].notes", l::NOTES, |q, s| q.lines[0].notes = s),
            ("lines[0].alternate", l::ALTERNATE, |q, s| {
                q.lines[0].alternate = Some(s)
            }),
            ("lines[0].revision", l::REVISION, |q, s| {
                q.lines[0].revision = Some(s)
            }),
            ("lines[1].no_bid_reason", l::REASON, |q, s| {
                q.lines[1].no_bid_reason = Some(s)
            }),
            (
                "lines[0].tooling[0].description",
                l::TOOLING_DESCRIPTION,
                |q, s| {
                    q.lines[0].tooling = vec![Tooling {
                        description: s,
                        amount: dec!(100),
                    }];
                },
            ),
        ];
        let base = || {
            let mut nobid = line("L2", &[]);
            nobid.no_bid = true;
            nobid.no_bid_reason = Some("no capacity".into());
            quote(vec![line("L1", &[(dec!(500), dec!(0.61))]), nobid])
        };
        let today = day("2026-11-23");
        assert_eq!(validate(&rfq(), &base(), today), Ok(()));
        for (field, max, set) in texts {
            // Counted in characters: "é" is two bytes.
            let mut at = base();
            set(&mut at, "é".repeat(max));
            let e = validate(&rfq(), &at, today).err().unwrap_or_default();
            assert!(!e.0.contains_key(field), "{field} at its bound: {e:?}");
            let mut over = base();
            set(&mut over, "é".repeat(max + 1));
            let e = validate(&rfq(), &over, today).unwrap_err();
            assert_eq!(
                e.0.get(field).map(String::as_str),
                Some(format!("at most {max} characters (got {})", max + 1).as_str()),
                "{field}: {e:?}"
            );
        }
        // The attacker's 1.9 MB of notes.
        let mut q = base();
        q.header.notes = "x".repeat(1_900_000);
        let e = validate(&rfq(), &q, today).unwrap_err();
        assert_eq!(e.0["header.notes"], "at most 4000 characters (got 1900000)");
        // 40,000 breaks: one message on the list, none per break.
        let mut q = base();
        q.lines[0].breaks = (1..=40_000)
            .map(|k| PriceBreak {
                min_qty: Decimal::from(k),
                price: dec!(1),
            })
            .collect();
        let e = validate(&rfq(), &q, today).unwrap_err();
        assert_eq!(
            e.0.keys().collect::<Vec<_>>(),
            vec!["lines[0].breaks"],
            "{e:?}"
        );
        assert_eq!(
            e.0["lines[0].breaks"],
            "at most 50 price breaks (got 40000)"
        );
        let mut q = base();
        q.lines[0].breaks = (1..=l::BREAKS)
            .map(|k| PriceBreak {
                min_qty: Decimal::from(k),
                price: dec!(1),
            })
            .collect();
        assert_eq!(validate(&rfq(), &q, today), Ok(()));
        let mut q = base();
        q.lines[0].tooling = vec![
            Tooling {
                description: "Mould".into(),
                amount: dec!(1)
            };
            l::TOOLING + 1
        ];
        let e = validate(&rfq(), &q, today).unwrap_err();
        assert_eq!(
            e.0["lines[0].tooling"],
            "at most 20 one-time charges (got 21)"
        );
        let mut q = base();
        q.lines = vec![line("L1", &[(dec!(1), dec!(1))]); l::LINES + 1];
        let e = validate(&rfq(), &q, today).unwrap_err();
        assert_eq!(e.0.keys().collect::<Vec<_>>(), vec!["lines"]);
        assert_eq!(
            e.0["lines"],
            format!("at most {} lines (got {})", l::LINES, l::LINES + 1)
        );
    }

    #[test]
    fn validation_names_each_bad_field() {
        let mut bad = line("L1", &[(dec!(2000), dec!(0.55)), (dec!(500), dec!(-1))]);
        bad.moq = Some(dec!(0));
        bad.tooling.push(Tooling {
            description: " ".into(),
            amount: dec!(-5),
        });
        let mut nobid = line("L2", &[]);
        nobid.no_bid = true;
        let dup = line("L1", &[(dec!(1), dec!(1))]);
        let ghost = line("L9", &[(dec!(1), dec!(1))]);
        let mut q = quote(vec![bad, nobid, dup, ghost]);
        q.header.valid_until = Some(day("2020-01-01"));
        q.header.incoterm = Some("FOT".into());
        q.header.payment_terms.discount_pct = Some(dec!(2));
        let e = validate(&rfq(), &q, day("2026-11-23")).unwrap_err();
        let keys: Vec<&str> = e.0.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            vec![
                "header.incoterm",
                "header.payment_terms",
                "header.valid_until",
                "lines[0].breaks[1].min_qty",
                "lines[0].breaks[1].price",
                "lines[0].moq",
                "lines[0].tooling[0].amount",
                "lines[0].tooling[0].description",
                "lines[1].no_bid_reason",
                "lines[2].rfq_line_id",
                "lines[3].rfq_line_id",
            ]
        );
        assert_eq!(
            e.0["lines[2].rfq_line_id"],
            "this RFQ line is answered twice"
        );
    }

    #[test]
    fn a_complete_quote_validates() {
        let mut nobid = line("L2", &[]);
        nobid.no_bid = true;
        nobid.no_bid_reason = Some("no anodizing in house".into());
        let q = quote(vec![line("L1", &[(dec!(500), dec!(0.62))]), nobid]);
        assert_eq!(validate(&rfq(), &q, day("2026-11-23")), Ok(()));
    }

    #[test]
    fn receipt_depends_on_content_and_time_but_not_on_number_spelling() {
        let a = quote(vec![line("L1", &[(dec!(500), dec!(0.620))])]);
        let b = quote(vec![line("L1", &[(dec!(500), dec!(0.62))])]);
        let c = quote(vec![line("L1", &[(dec!(500), dec!(0.63))])]);
        let t = "2026-11-23T10:00:00.000Z";
        assert_eq!(
            receipt_hash("r", "s", 1, &a, t, None),
            receipt_hash("r", "s", 1, &b, t, None)
        );
        assert_ne!(
            receipt_hash("r", "s", 1, &a, t, None),
            receipt_hash("r", "s", 1, &c, t, None)
        );
        assert_ne!(
            receipt_hash("r", "s", 1, &a, t, None),
            receipt_hash("r", "s", 2, &a, t, None)
        );
        assert_ne!(
            receipt_hash("r", "s", 1, &a, t, None),
            receipt_hash("r", "s", 1, &a, "2026-11-23T10:00:00.001Z", None)
        );
        assert_eq!(receipt_hash("r", "s", 1, &a, t, None).len(), 64);
    }

    #[test]
    fn a_receipt_with_a_nonce_is_no_price_oracle() {
        // Format 2: the same quote, time and ids hash differently under two nonces, so a
        // guess of every other field and a loop over prices no longer finds the hash.
        let a = quote(vec![line("L1", &[(dec!(500), dec!(0.62))])]);
        let t = "2026-11-23T10:00:00.000Z";
        let n1 = "00112233445566778899aabbccddeeff";
        let n2 = "ffeeddccbbaa99887766554433221100";
        let h1 = receipt_hash("r", "s", 1, &a, t, Some(n1));
        assert_ne!(h1, receipt_hash("r", "s", 1, &a, t, Some(n2)));
        assert_ne!(h1, receipt_hash("r", "s", 1, &a, t, None));
        assert_eq!(h1, receipt_hash("r", "s", 1, &a, t, Some(n1)));
        // The nonce is a key of the canonical object, sorted first.
        assert!(receipt_canonical("r", "s", 1, &a, t, Some(n1))
            .starts_with("{\"nonce\":\"00112233445566778899aabbccddeeff\",\"quote\":"));
        assert!(receipt_nonce_ok(n1));
        for bad in [
            "",
            "00112233",
            "00112233445566778899AABBCCDDEEFF",
            "g0112233445566778899aabbccddeeff",
        ] {
            assert!(!receipt_nonce_ok(bad), "{bad:?}");
        }
    }

    /// Issue 10: a buyer's entry never replaces the supplier's own submitted bid.
    #[test]
    fn buyers_never_overwrite_a_suppliers_own_bid() {
        assert_eq!(
            may_enter_for_supplier(Some(EnteredBy::Supplier)),
            Err(EnterRefused::SupplierQuoted)
        );
        assert_eq!(may_enter_for_supplier(Some(EnteredBy::Buyer)), Ok(()));
        assert_eq!(may_enter_for_supplier(None), Ok(()));
        assert_eq!(EnterRefused::SupplierQuoted.code(), "supplier_quoted");
    }
}
