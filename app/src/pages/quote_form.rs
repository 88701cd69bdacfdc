//! The supplier's quote form as the person types it: every input kept as the text typed
//! (so a draft restores exactly what was on the screen), and the conversion of that text
//! into a [`domain::quote::Quote`] checked by [`domain::quote::validate`], the same rules
//! the server applies.
//!
//! Error keys are the server's field paths (`header.incoterm`, `lines[1].breaks[0].price`)
//! rewritten to the form's rows: blank price-break and tooling rows are left out of the
//! quote, so `breaks[k]` of the quote is mapped back to the row the person sees.

use std::collections::BTreeMap;
use std::str::FromStr;

use api::{RfqDetail, RfqLine};
use chrono::NaiveDate;
use domain::extract::Extraction;
use domain::money::Currency;
use domain::quote::{
    Freight, PaymentTerms, PriceBreak, Quote, QuoteHeader, QuoteLine, RfqLineSpec, RfqSpec, Tooling,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Field path → message.
pub type Errors = BTreeMap<String, String>;

/// One price-break row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BreakRow {
    pub qty: String,
    pub price: String,
}

/// One tooling / NRE row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ToolingRow {
    pub description: String,
    pub amount: String,
}

/// The answer to one RFQ line, as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LineForm {
    pub rfq_line_id: String,
    pub breaks: Vec<BreakRow>,
    /// `1`, `100`, `1000` or `other` (then [`LineForm::basis_other`]).
    pub basis: String,
    pub basis_other: String,
    pub moq: String,
    pub order_multiple: String,
    pub lead_time_days: String,
    pub tooling: Vec<ToolingRow>,
    pub no_bid: bool,
    pub no_bid_reason: String,
    pub alternate: String,
    pub notes: String,
}

/// The whole form, as typed. Stored as the draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteForm {
    pub currency: String,
    /// `YYYY-MM-DD` from a date input.
    pub valid_until: String,
    pub incoterm: String,
    pub incoterm_place: String,
    pub net_days: String,
    pub discount_pct: String,
    pub discount_days: String,
    pub terms_text: String,
    /// `included`, `per_shipment`, `per_unit` or `not_quoted`.
    pub freight_kind: String,
    pub freight_amount: String,
    pub reference: String,
    pub notes: String,
    pub lines: Vec<LineForm>,
}

fn dec_text(d: Decimal) -> String {
    d.normalize().to_string()
}

fn opt_text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Reads a decimal as people type it: spaces and thousands separators ignored, a lone
/// comma taken as the decimal separator ("0,62").
pub fn parse_decimal(s: &str) -> Option<Decimal> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '\'')
        .collect();
    if t.is_empty() {
        return None;
    }
    let t = if t.contains('.') {
        t.replace(',', "")
    } else if t.matches(',').count() == 1 && t.split(',').nth(1).is_some_and(|f| f.len() != 3) {
        t.replace(',', ".")
    } else {
        t.replace(',', "")
    };
    Decimal::from_str(&t).ok()
}

impl LineForm {
    /// An empty answer to `line`, its break quantities pre-filled.
    pub fn for_rfq_line(line: &RfqLine) -> Self {
        LineForm {
            rfq_line_id: line.id.clone(),
            breaks: line
                .quantities
                .iter()
                .map(|q| BreakRow {
                    qty: dec_text(*q),
                    price: String::new(),
                })
                .collect(),
            basis: "1".into(),
            ..LineForm::default()
        }
    }

    fn from_quote_line(line: &QuoteLine) -> Self {
        let basis = dec_text(line.price_basis_qty);
        let (basis, basis_other) = if ["1", "100", "1000"].contains(&basis.as_str()) {
            (basis, String::new())
        } else {
            ("other".into(), basis)
        };
        LineForm {
            rfq_line_id: line.rfq_line_id.clone(),
            breaks: line
                .breaks
                .iter()
                .map(|b| BreakRow {
                    qty: dec_text(b.min_qty),
                    price: dec_text(b.price),
                })
                .collect(),
            basis,
            basis_other,
            moq: opt_text(line.moq.map(dec_text)),
            order_multiple: opt_text(line.order_multiple.map(dec_text)),
            lead_time_days: opt_text(line.lead_time_days),
            tooling: line
                .tooling
                .iter()
                .map(|t| ToolingRow {
                    description: t.description.clone(),
                    amount: dec_text(t.amount),
                })
                .collect(),
            no_bid: line.no_bid,
            no_bid_reason: line.no_bid_reason.clone().unwrap_or_default(),
            alternate: line.alternate.clone().unwrap_or_default(),
            notes: line.notes.clone(),
        }
    }
}

impl QuoteForm {
    /// A blank form for `rfq`: one answer per line with the RFQ's break quantities, in
    /// `currency` (the supplier's own).
    pub fn blank(rfq: &RfqDetail, currency: &str) -> Self {
        QuoteForm {
            currency: currency.to_string(),
            freight_kind: "included".into(),
            lines: rfq.lines.iter().map(LineForm::for_rfq_line).collect(),
            ..QuoteForm::default()
        }
    }

    /// The form showing a submitted quote (to change and resubmit it). Lines of the RFQ
    /// the quote did not answer get blank answers; answers to lines no longer in the RFQ
    /// are dropped.
    pub fn from_quote(rfq: &RfqDetail, quote: &Quote) -> Self {
        let h = &quote.header;
        let (freight_kind, freight_amount) = match &h.freight {
            Freight::Included => ("included", String::new()),
            Freight::PerShipment(a) => ("per_shipment", dec_text(*a)),
            Freight::PerUnit(a) => ("per_unit", dec_text(*a)),
            Freight::NotQuoted => ("not_quoted", String::new()),
        };
        QuoteForm {
            currency: h.currency.code().to_string(),
            valid_until: opt_text(h.valid_until),
            incoterm: h.incoterm.clone().unwrap_or_default(),
            incoterm_place: h.incoterm_place.clone().unwrap_or_default(),
            net_days: opt_text(h.payment_terms.net_days),
            discount_pct: opt_text(h.payment_terms.discount_pct.map(dec_text)),
            discount_days: opt_text(h.payment_terms.discount_days),
            terms_text: h.payment_terms.text.clone(),
            freight_kind: freight_kind.into(),
            freight_amount,
            reference: h.reference.clone(),
            notes: h.notes.clone(),
            lines: rfq
                .lines
                .iter()
                .map(|l| {
                    quote
                        .lines
                        .iter()
                        .find(|q| q.rfq_line_id == l.id)
                        .map(LineForm::from_quote_line)
                        .unwrap_or_else(|| LineForm::for_rfq_line(l))
                })
                .collect(),
        }
    }

    /// Converts the typed text into a quote and checks it with the server's rules.
    /// Errors are keyed by the form's own paths (see the module docs).
    pub fn to_quote(&self, rfq: &RfqSpec, today: NaiveDate) -> Result<Quote, Errors> {
        let mut errors = Errors::new();
        let mut put = |k: String, m: &str| {
            errors.entry(k).or_insert_with(|| m.to_string());
        };
        let currency = Currency::from_code(self.currency.trim()).ok();
        if currency.is_none() {
            put("header.currency".into(), "choose the quote's currency");
        }
        let valid_until = match self.valid_until.trim() {
            "" => None,
            s => match NaiveDate::from_str(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    put("header.valid_until".into(), "enter a date");
                    None
                }
            },
        };
        let mut uint = |k: &str, s: &str| -> Option<u32> {
            match s.trim() {
                "" => None,
                t => match t.parse::<u32>() {
                    Ok(v) => Some(v),
                    Err(_) => {
                        put(k.to_string(), "enter a whole number of days");
                        None
                    }
                },
            }
        };
        let net_days = uint("header.payment_terms.net_days", &self.net_days);
        let discount_days = uint("header.payment_terms.discount_days", &self.discount_days);
        let mut dec = |k: String, s: &str, what: &str| -> Option<Decimal> {
            if s.trim().is_empty() {
                return None;
            }
            let v = parse_decimal(s);
            if v.is_none() {
                put(k, what);
            }
            v
        };
        let discount_pct = dec(
            "header.payment_terms.discount_pct".into(),
            &self.discount_pct,
            "enter a percentage such as 2",
        );
        let freight_amount = dec(
            "header.freight".into(),
            &self.freight_amount,
            "enter the freight amount as a number",
        );
        let freight = match self.freight_kind.as_str() {
            "per_shipment" | "per_unit" => match freight_amount {
                Some(a) if self.freight_kind == "per_shipment" => Freight::PerShipment(a),
                Some(a) => Freight::PerUnit(a),
                None => {
                    errors
                        .entry("header.freight".into())
                        .or_insert_with(|| "enter the freight amount".into());
                    Freight::NotQuoted
                }
            },
            "not_quoted" => Freight::NotQuoted,
            _ => Freight::Included,
        };
        let terms_text = if self.terms_text.trim().is_empty() {
            match (net_days, discount_pct, discount_days) {
                (Some(n), Some(p), Some(d)) => format!("{}% {d} days, net {n} days", p.normalize()),
                (Some(n), _, _) => format!("Net {n} days"),
                _ => String::new(),
            }
        } else {
            self.terms_text.trim().to_string()
        };
        let header = QuoteHeader {
            currency: currency.unwrap_or(rfq.currency),
            valid_until,
            incoterm: non_empty(&self.incoterm),
            incoterm_place: non_empty(&self.incoterm_place),
            payment_terms: PaymentTerms {
                text: terms_text,
                net_days,
                discount_pct,
                discount_days,
                basis: if net_days.is_some() {
                    "invoice_date".into()
                } else {
                    String::new()
                },
                ..PaymentTerms::default()
            },
            freight,
            reference: self.reference.trim().to_string(),
            notes: self.notes.trim().to_string(),
        };

        // Rows of the form behind each quote break / tooling entry, per line.
        let mut break_rows: Vec<Vec<usize>> = Vec::new();
        let mut tooling_rows: Vec<Vec<usize>> = Vec::new();
        let mut lines = Vec::new();
        for (i, l) in self.lines.iter().enumerate() {
            let at = |f: &str| format!("lines[{i}].{f}");
            let mut rows = Vec::new();
            let mut breaks = Vec::new();
            if !l.no_bid {
                for (j, b) in l.breaks.iter().enumerate() {
                    if b.qty.trim().is_empty() && b.price.trim().is_empty() {
                        continue;
                    }
                    let q = parse_decimal(&b.qty);
                    let p = parse_decimal(&b.price);
                    if q.is_none() {
                        errors
                            .entry(at(&format!("breaks[{j}].min_qty")))
                            .or_insert_with(|| "enter the quantity".into());
                    }
                    if p.is_none() {
                        errors
                            .entry(at(&format!("breaks[{j}].price")))
                            .or_insert_with(|| "enter a price".into());
                    }
                    if let (Some(min_qty), Some(price)) = (q, p) {
                        rows.push(j);
                        breaks.push(PriceBreak { min_qty, price });
                    }
                }
            }
            let mut trows = Vec::new();
            let mut tooling = Vec::new();
            for (j, t) in l.tooling.iter().enumerate() {
                if t.description.trim().is_empty() && t.amount.trim().is_empty() {
                    continue;
                }
                match parse_decimal(&t.amount) {
                    Some(amount) => {
                        trows.push(j);
                        tooling.push(Tooling {
                            description: t.description.trim().to_string(),
                            amount,
                        });
                    }
                    None => {
                        errors
                            .entry(at(&format!("tooling[{j}].amount")))
                            .or_insert_with(|| "enter the amount".into());
                    }
                }
            }
            let basis_text = if l.basis == "other" {
                &l.basis_other
            } else {
                &l.basis
            };
            let price_basis_qty = match parse_decimal(basis_text) {
                Some(b) => b,
                None => {
                    if !l.no_bid {
                        errors
                            .entry(at("price_basis_qty"))
                            .or_insert_with(|| "enter how many units the price is for".into());
                    }
                    Decimal::ONE
                }
            };
            let mut num = |f: &str, s: &str| -> Option<Decimal> {
                if s.trim().is_empty() || l.no_bid {
                    return None;
                }
                let v = parse_decimal(s);
                if v.is_none() {
                    errors
                        .entry(at(f))
                        .or_insert_with(|| "enter a number".into());
                }
                v
            };
            let moq = num("moq", &l.moq);
            let order_multiple = num("order_multiple", &l.order_multiple);
            let lead_time_days = match l.lead_time_days.trim() {
                "" => None,
                _ if l.no_bid => None,
                t => match t.parse::<u32>() {
                    Ok(v) => Some(v),
                    Err(_) => {
                        errors
                            .entry(at("lead_time_days"))
                            .or_insert_with(|| "enter a whole number of days".into());
                        None
                    }
                },
            };
            break_rows.push(rows);
            tooling_rows.push(trows);
            lines.push(QuoteLine {
                rfq_line_id: l.rfq_line_id.clone(),
                revision: None,
                breaks,
                price_basis_qty,
                moq,
                order_multiple,
                lead_time_days,
                tooling,
                no_bid: l.no_bid,
                no_bid_reason: l.no_bid.then(|| l.no_bid_reason.trim().to_string()),
                alternate: non_empty(&l.alternate),
                notes: l.notes.trim().to_string(),
            });
        }
        let quote = Quote { header, lines };
        if let Err(e) = domain::quote::validate(rfq, &quote, today) {
            for (k, m) in e.0 {
                errors
                    .entry(to_form_path(&k, &break_rows, &tooling_rows))
                    .or_insert(m);
            }
        }
        if errors.is_empty() {
            Ok(quote)
        } else {
            Err(errors)
        }
    }

    /// Fills the form from reviewed extracted values. `basis_one` says whether prices go
    /// in per one unit (basis 1) or in the document's own basis (per 100, per 1000…).
    /// `mapping[k]` is the RFQ line id the person chose for extracted line `k` (`None`:
    /// ignore it). Lines not mapped keep what the form had.
    pub fn fill_from(&mut self, ex: &Extraction, mapping: &[Option<String>], basis_one: bool) {
        if let Some(c) = &ex.currency {
            self.currency = c.code().to_string();
        }
        if let Some(v) = &ex.valid_until {
            self.valid_until = v.clone();
        }
        if let Some(i) = &ex.incoterm {
            if domain::terms::incoterm(&i.code).is_some() {
                self.incoterm = i.code.clone();
                self.incoterm_place = i.place.clone().unwrap_or_default();
            }
        }
        if let Some(t) = &ex.payment_terms {
            self.net_days = opt_text(t.net_days);
            self.discount_pct = opt_text(t.discount_pct.map(dec_text));
            self.discount_days = opt_text(t.discount_days);
            self.terms_text = t.text.clone();
        }
        if let Some(f) = &ex.freight {
            match f.kind.as_str() {
                "included" => {
                    self.freight_kind = "included".into();
                    self.freight_amount.clear();
                }
                "per_shipment" | "per_unit" if f.amount.is_some() => {
                    self.freight_kind = f.kind.clone();
                    self.freight_amount = opt_text(f.amount.map(dec_text));
                }
                _ => {}
            }
        }
        if let Some(r) = &ex.quote_ref {
            self.reference = r.clone();
        }
        for (k, x) in ex.lines.iter().enumerate() {
            let Some(Some(target)) = mapping.get(k) else {
                continue;
            };
            let Some(line) = self.lines.iter_mut().find(|l| &l.rfq_line_id == target) else {
                continue;
            };
            let basis = if basis_one || x.price_basis_qty <= Decimal::ZERO {
                Decimal::ONE
            } else {
                x.price_basis_qty
            };
            let b = dec_text(basis);
            if ["1", "100", "1000"].contains(&b.as_str()) {
                line.basis = b;
                line.basis_other.clear();
            } else {
                line.basis = "other".into();
                line.basis_other = b;
            }
            line.no_bid = x.no_bid;
            line.no_bid_reason = x.no_bid_reason.clone().unwrap_or_default();
            if !x.no_bid {
                line.breaks = x
                    .breaks
                    .iter()
                    .map(|pb| BreakRow {
                        qty: dec_text(pb.min_qty),
                        price: dec_text(pb.unit_price * basis),
                    })
                    .collect();
            }
            line.moq = opt_text(x.moq.map(dec_text));
            line.order_multiple = opt_text(x.order_multiple.map(dec_text));
            line.lead_time_days = opt_text(x.lead_time_days);
            line.tooling = x
                .tooling
                .iter()
                .map(|t| ToolingRow {
                    description: t.description.clone(),
                    amount: dec_text(t.amount),
                })
                .collect();
            line.alternate = x.alternate.clone().unwrap_or_default();
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Rewrites `lines[i].breaks[k]…` / `lines[i].tooling[k]…` of the quote to the form row.
fn to_form_path(path: &str, break_rows: &[Vec<usize>], tooling_rows: &[Vec<usize>]) -> String {
    let Some(rest) = path.strip_prefix("lines[") else {
        return path.to_string();
    };
    let Some((i, rest)) = rest.split_once("].") else {
        return path.to_string();
    };
    let Ok(li) = i.parse::<usize>() else {
        return path.to_string();
    };
    for (name, rows) in [("breaks[", break_rows), ("tooling[", tooling_rows)] {
        if let Some(r) = rest.strip_prefix(name) {
            if let Some((k, tail)) = r.split_once(']') {
                if let Some(row) = k
                    .parse::<usize>()
                    .ok()
                    .and_then(|k| rows.get(li).and_then(|v| v.get(k)))
                {
                    return format!("lines[{li}].{name}{row}]{tail}");
                }
            }
        }
    }
    path.to_string()
}

/// The RFQ facts the quote is checked against, built from the RFQ as the supplier
/// receives it (the server builds the same from its tables).
pub fn rfq_spec(rfq: &RfqDetail) -> Option<RfqSpec> {
    Some(RfqSpec {
        currency: Currency::from_code(&rfq.summary.currency).ok()?,
        incoterm: non_empty(&rfq.incoterm),
        // `validate` does not read the RFQ's payment terms; leaving their parser out keeps
        // it out of the main bundle.
        payment_terms: None,
        lines: rfq
            .lines
            .iter()
            .map(|l| RfqLineSpec {
                id: l.id.clone(),
                line_no: u32::try_from(l.line_no).unwrap_or(0),
                part_number: l.part_number.clone(),
                revision: l.revision.clone(),
                quantities: l.quantities.clone(),
                annual_volume: l.annual_volume,
                need_by: l
                    .need_by
                    .as_deref()
                    .and_then(|d| NaiveDate::from_str(d).ok()),
                last_price: None,
                should_cost: None,
            })
            .collect(),
    })
}

/// The RFQ as the extractor matches quote lines against it; each line's id is the RFQ
/// line id, so a match names the line to fill.
pub fn extract_spec(rfq: &RfqDetail) -> domain::extract::RfqSpec {
    domain::extract::RfqSpec {
        rfq: Some(rfq.summary.number.clone()),
        currency: Some(rfq.summary.currency.clone()),
        lines: rfq
            .lines
            .iter()
            .map(|l| domain::extract::RfqLine {
                line: l.id.clone(),
                part_number: l.part_number.clone(),
                revision: Some(l.revision.clone()),
                description: Some(l.part_name.clone()),
                quantities: l.quantities.clone(),
                supplier_part: None,
                uom: Some(l.uom.clone()),
                last_price: None,
                target_price: None,
                should_cost: None,
            })
            .collect(),
    }
}

/// Today's date in UTC, as the server judges validity dates.
pub fn today_utc() -> NaiveDate {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    NaiveDate::from_str(iso.get(..10).unwrap_or("")).unwrap_or_default()
}

/// Code of the [`crate::api::AppError`] that [`submit_or_queue`] answers when the quote
/// was queued on the device instead of sent.
pub const QUEUED: &str = "queued";

/// What the person reads when their quote is queued offline.
pub const QUEUED_MESSAGE: &str = "You are offline: your quote is saved on this device and will be sent when you are back online. The server's clock decides whether it arrived before the deadline.";

/// Submits a supplier's quote: at once when the server can be reached (the answer is
/// the bid receipt), otherwise through the outbox as `quote.submit` carrying
/// `base_version` (the newest version the person saw, so the server answers a conflict
/// if the quote changed meanwhile). Queued, it answers the error code [`QUEUED`] with
/// [`QUEUED_MESSAGE`], and the form's draft (`draft_key`) stays until the server has
/// applied the op.
pub async fn submit_or_queue(
    rfq_id: &str,
    quote: &Quote,
    base_version: Option<i64>,
    draft_key: &str,
) -> crate::api::ApiResult<api::QuoteReceipt> {
    match crate::api::submit_quote(rfq_id, quote).await {
        Err(e) if e.is_network() => {
            let number = rfq_number(rfq_id).await;
            let payload = api::QuoteSubmitOp {
                rfq_id: rfq_id.to_string(),
                base_version,
                quote: quote.clone(),
            };
            let payload = serde_json::to_value(&payload)
                .map_err(|e| crate::api::AppError::new("bad_request", e.to_string()))?;
            crate::sync::queue_from_draft(
                crate::sync::QUOTE_SUBMIT,
                format!("Your quote for {number}"),
                payload,
                Some(draft_key.to_string()),
            )
            .await
            .map_err(|m| crate::api::AppError::new("storage", m))?;
            Err(crate::api::AppError::new(QUEUED, QUEUED_MESSAGE))
        }
        other => other,
    }
}

/// The RFQ's number from the device's cache (its id when not cached).
async fn rfq_number(rfq_id: &str) -> String {
    if let Ok(db) = crate::storage::Storage::open().await {
        if let Ok(Some(r)) = db
            .get_record::<RfqDetail>(crate::api::kinds::RFQ, rfq_id)
            .await
        {
            return r.value.summary.number;
        }
    }
    rfq_id.to_string()
}

pub use enter::EnterForSupplier;

/// "Enter a quote for a supplier": what a buyer captures at a supplier visit (often with
/// no network). The quote goes through the outbox as `quote.enter_for_supplier`; the
/// server stores it as the supplier's next version marked as entered by the buyer (who
/// and when in the audit, `entered_by_buyer` on the version).
mod enter {
    use super::{QuoteForm, RfqDetail};
    use leptos::prelude::*;

    use crate::offline::{local_hhmm, state};
    use crate::storage::now_rfc3339;
    use crate::sync::{self, ENTER_FOR_SUPPLIER};

    /// The collapsed form on the buyer's RFQ page (open RFQs with invited suppliers).
    #[component]
    pub fn EnterForSupplier(detail: RfqDetail) -> impl IntoView {
        let allowed = crate::session::rfq_actions(&detail);
        if !allowed.contains(&domain::rfq::Action::EnterQuote) || detail.invited.is_empty() {
            return None;
        }
        let st = state();
        let rfq = StoredValue::new(detail.clone());
        let supplier = RwSignal::new(detail.invited[0].supplier_id.clone());
        let currency = RwSignal::new(detail.summary.currency.clone());
        let note = RwSignal::new(String::new());
        let blank = QuoteForm::blank(&detail, &detail.summary.currency);
        let prices: Vec<Vec<RwSignal<String>>> = blank
            .lines
            .iter()
            .map(|l| {
                l.breaks
                    .iter()
                    .map(|_| RwSignal::new(String::new()))
                    .collect()
            })
            .collect();
        let prices = StoredValue::new(prices);
        let errors = RwSignal::new(Vec::<String>::new());
        let saved = RwSignal::new(None::<String>);
        let busy = RwSignal::new(false);
        let rfq_id = detail.summary.id.clone();

        // This device's captured quotes for this RFQ that are not on the server yet.
        let queued = {
            let rfq_id = rfq_id.clone();
            LocalResource::new(move || {
                st.pending.track();
                st.problems.track();
                let rfq_id = rfq_id.clone();
                async move {
                    sync::outbox()
                        .await
                        .into_iter()
                        .filter(|e| e.payload.kind == ENTER_FOR_SUPPLIER)
                        .filter(|e| {
                            e.payload.payload.get("rfq_id").and_then(|v| v.as_str())
                                == Some(rfq_id.as_str())
                        })
                        .map(|e| (e.payload.summary, e.payload.state))
                        .collect::<Vec<_>>()
                }
            })
        };

        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let detail = rfq.get_value();
            let sid = supplier.get_untracked();
            let name = detail
                .invited
                .iter()
                .find(|s| s.supplier_id == sid)
                .map(|s| s.supplier_name.clone())
                .unwrap_or_else(|| sid.clone());
            let mut form = QuoteForm::blank(&detail, currency.get_untracked().trim());
            prices.with_value(|p| {
                for (line, row) in form.lines.iter_mut().zip(p) {
                    for (b, price) in line.breaks.iter_mut().zip(row) {
                        b.price = price.get_untracked();
                    }
                }
            });
            let when = now_rfc3339();
            let me = crate::session::use_me().map(|m| m.name).unwrap_or_default();
            let extra = note.get_untracked().trim().to_string();
            form.notes = format!(
                "Entered by {me} (buyer) on behalf of {name} at a supplier visit, {}.{}",
                crate::ui::local_datetime(&when),
                if extra.is_empty() {
                    String::new()
                } else {
                    format!(" {extra}")
                }
            );
            let Some(spec) = super::rfq_spec(&detail) else {
                errors.set(vec![
                    "This RFQ's currency is not known; reload the page.".into()
                ]);
                return;
            };
            let quote = match form.to_quote(&spec, super::today_utc()) {
                Ok(q) => q,
                Err(e) => {
                    errors.set(
                        e.into_iter()
                            .map(|(k, m)| format!("{}: {m}", where_(&detail, &k)))
                            .collect(),
                    );
                    return;
                }
            };
            errors.set(Vec::new());
            busy.set(true);
            let rfq_id = detail.summary.id.clone();
            leptos::task::spawn_local(async move {
                // The version this buyer last saw for the supplier (cached offline), so
                // the server answers a conflict if the supplier quoted meanwhile.
                let base = crate::api::rfq_responses(&rfq_id).await.ok().and_then(|r| {
                    r.responses
                        .into_iter()
                        .find(|x| x.supplier_id == sid)
                        .and_then(|x| x.current)
                        .map(|v| v.receipt.version)
                });
                let payload = api::EnterForSupplierOp {
                    rfq_id,
                    supplier_id: sid,
                    base_version: base,
                    quote,
                };
                let result = match serde_json::to_value(&payload) {
                    Ok(v) => {
                        let summary =
                            format!("Quote for {name} entered by you at {}", local_hhmm(&when));
                        sync::queue(ENTER_FOR_SUPPLIER, summary, v).await
                    }
                    Err(e) => Err(e.to_string()),
                };
                busy.set(false);
                match result {
                    Ok(_) => {
                        prices
                            .with_value(|p| p.iter().flatten().for_each(|s| s.set(String::new())));
                        note.set(String::new());
                        saved.set(Some(format!(
                            "Quote for {name} saved on this device at {}; it is sent to Bidwell when online, marked as entered by you.",
                            local_hhmm(&when)
                        )));
                    }
                    Err(e) => errors.set(vec![e]),
                }
            });
        };

        let options = detail
            .invited
            .iter()
            .map(|s| view! { <option value=s.supplier_id.clone()>{s.supplier_name.clone()}</option> })
            .collect_view();
        let rows = detail
            .lines
            .iter()
            .enumerate()
            .map(|(li, l)| {
                let inputs = l
                    .quantities
                    .iter()
                    .enumerate()
                    .map(|(bi, q)| {
                        let sig = prices.with_value(|p| p[li][bi]);
                        let qty = q.normalize().to_string();
                        let label = format!("Unit price {} at {qty}", l.part_number);
                        let id = format!("efs-{li}-{bi}");
                        view! {
                            <div class="field">
                                <label for=id.clone()>{label}</label>
                                <input id=id class="mono" inputmode="decimal" autocomplete="off" bind:value=sig />
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="form-grid">
                        <legend>{format!("Line {} · {} {}", l.line_no, l.part_number, l.part_name)}</legend>
                        {inputs}
                    </fieldset>
                }
            })
            .collect_view();
        Some(view! {
            <details class="panel enter-for-supplier">
                <summary>"Enter a quote for a supplier (visit)"</summary>
                <p class="muted small">
                    "For a quote a supplier gives you in person: it is stored as that supplier's quote, marked as entered by you, with the time. Works offline; it is sent when you are back online."
                </p>
                <form class="form-grid" on:submit=submit novalidate aria-label="Enter a quote for a supplier">
                    <div class="field">
                        <label for="efs-supplier">"Supplier"</label>
                        <select id="efs-supplier" on:change=move |ev| supplier.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="efs-currency">"Quote currency"</label>
                        <input id="efs-currency" class="mono" maxlength="3" bind:value=currency />
                    </div>
                    <div class="span-all">{rows}</div>
                    <div class="field span-all">
                        <label for="efs-note">"Note on this quote"</label>
                        <textarea id="efs-note" rows="2" bind:value=note></textarea>
                    </div>
                    <div class="span-all">
                        {move || {
                            let e = errors.get();
                            (!e.is_empty())
                                .then(|| {
                                    view! {
                                        <ul class="form-alert" role="alert">
                                            {e.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                                        </ul>
                                    }
                                })
                        }}
                        {move || saved.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
                        <button class="btn btn-primary" type="submit" disabled=move || busy.get()>
                            "Save quote for supplier"
                        </button>
                    </div>
                </form>
                <Suspense>
                    {move || Suspend::new(async move {
                        let q = queued.await;
                        (!q.is_empty())
                            .then(|| {
                                view! {
                                    <ul class="plain" aria-label="Quotes entered on this device">
                                        {q
                                            .into_iter()
                                            .map(|(s, state)| {
                                                let mark = if state == "pending" { "not yet synced" } else { "needs your decision" };
                                                view! {
                                                    <li>{s} " · " <span class="badge badge-draft">{mark}</span></li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                            })
                    })}
                </Suspense>
            </details>
        })
    }

    /// `lines[1].breaks[0].price` → "Line 2 (PN-100), break 1, price".
    fn where_(rfq: &RfqDetail, path: &str) -> String {
        let Some(rest) = path.strip_prefix("lines[") else {
            return path.replace('.', ", ").replace('_', " ");
        };
        let Some((n, tail)) = rest.split_once(']') else {
            return path.to_string();
        };
        let line = n
            .parse::<usize>()
            .ok()
            .and_then(|i| rfq.lines.get(i))
            .map(|l| format!("Line {} ({})", l.line_no, l.part_number))
            .unwrap_or_else(|| format!("Line {n}"));
        format!(
            "{line}{}",
            tail.replace('.', ", ")
                .replace('[', " ")
                .replace(']', "")
                .replace('_', " ")
        )
    }
}

pub use queued::QueuedQuote;

/// What became of a quote submitted offline on this device, on the supplier's RFQ page.
mod queued {
    use leptos::prelude::*;

    use crate::offline::{local_hhmm, state};
    use crate::sync::{self, QUOTE_SUBMIT};

    #[derive(Clone, PartialEq)]
    enum Seen {
        Nothing,
        /// Waiting in the outbox since (HH:MM).
        Waiting(String),
        /// The server answered a conflict or refused it (shown in the conflicts panel).
        Problem,
    }

    /// "Your quote made offline at 10:42 is waiting to be sent", then, once the server
    /// applied it, "Your offline quote reached Bidwell" with a reload for its receipt.
    #[component]
    pub fn QueuedQuote(rfq_id: String) -> impl IntoView {
        let st = state();
        let was_waiting = StoredValue::new(false);
        let seen = LocalResource::new(move || {
            st.pending.track();
            st.problems.track();
            let rfq_id = rfq_id.clone();
            async move {
                let mine: Vec<_> = sync::outbox()
                    .await
                    .into_iter()
                    .filter(|e| e.payload.kind == QUOTE_SUBMIT)
                    .filter(|e| {
                        e.payload.payload.get("rfq_id").and_then(|v| v.as_str())
                            == Some(rfq_id.as_str())
                    })
                    .collect();
                if mine.iter().any(|e| e.payload.state != "pending") {
                    Seen::Problem
                } else if let Some(e) = mine.last() {
                    Seen::Waiting(local_hhmm(&e.created_at))
                } else {
                    Seen::Nothing
                }
            }
        });
        move || {
            let now = seen.get()?;
            let view = match now {
                Seen::Waiting(at) => {
                    was_waiting.set_value(true);
                    view! {
                        <p class="alert alert-info" role="status" aria-label="Offline quote">
                            {format!(
                                "Your quote made offline at {at} is waiting to be sent; it goes when you are back online."
                            )}
                        </p>
                    }
                        .into_any()
                }
                Seen::Problem => {
                    view! {
                        <p class="alert alert-warn" role="status" aria-label="Offline quote">
                            "Your offline quote was not accepted as it was: see “Changes that need you” at the top of the page."
                        </p>
                    }
                        .into_any()
                }
                Seen::Nothing if was_waiting.get_value() => {
                    view! {
                        <p class="alert alert-info" role="status" aria-label="Offline quote">
                            "Your offline quote reached Bidwell. "
                            <button
                                class="btn btn-small"
                                type="button"
                                on:click=|_| {
                                    if let Some(w) = web_sys::window() {
                                        let _ = w.location().reload();
                                    }
                                }
                            >
                                "Show its receipt"
                            </button>
                        </p>
                    }
                        .into_any()
                }
                Seen::Nothing => return None,
            };
            Some(view)
        }
    }
}
