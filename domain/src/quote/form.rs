//! The quote form as a person types it, and its conversions (issue 11: these lived in the
//! app's page, ~300 lines without a test): typed text → [`Quote`] checked by
//! [`super::validate`] ([`QuoteForm::to_quote`]), a stored quote → text
//! ([`QuoteForm::from_quote`]), and a reviewed extraction → text
//! ([`QuoteForm::fill_from`]: price basis, Incoterms, freight kinds, payment terms,
//! validity).
//!
//! Every input is kept as the text typed (so a draft restores exactly what was on the
//! screen). Error keys are the server's field paths (`header.incoterm`,
//! `lines[1].breaks[0].price`) rewritten to the form's rows: blank price-break and tooling
//! rows are left out of the quote, so `breaks[k]` of the quote is mapped back to the row
//! the person sees.
//!
//! Freight from a file: only what the file says. A file that names no freight, or says it
//! is charged without an amount (`extra`), fills "not quoted" — never "included", which
//! would make the bid look cheaper than it is.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Freight, PaymentTerms, PriceBreak, Quote, QuoteHeader, QuoteLine, RfqSpec, Tooling};
use crate::extract::Extraction;
use crate::money::Currency;

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
    /// What a file said about payment beyond the form's fields (basis such as end of
    /// month, deposit, day of month, method); kept so the quote does not lose it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_terms: Option<PaymentTerms>,
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
    /// An empty answer to RFQ line `id`, its break `quantities` pre-filled.
    pub fn for_rfq_line(id: &str, quantities: &[Decimal]) -> Self {
        LineForm {
            rfq_line_id: id.to_string(),
            breaks: quantities
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
    /// A blank form for an RFQ's `lines` (`(id, break quantities)`): one answer per
    /// line, in `currency` (the supplier's own). Freight starts as "included", the
    /// person's choice to change; a file never keeps it unless it says so
    /// ([`QuoteForm::fill_from`]).
    pub fn blank<'a>(
        lines: impl IntoIterator<Item = (&'a str, &'a [Decimal])>,
        currency: &str,
    ) -> Self {
        QuoteForm {
            currency: currency.to_string(),
            freight_kind: "included".into(),
            lines: lines
                .into_iter()
                .map(|(id, q)| LineForm::for_rfq_line(id, q))
                .collect(),
            ..QuoteForm::default()
        }
    }

    /// The form showing a submitted quote (to change and resubmit it). Lines of the RFQ
    /// the quote did not answer get blank answers; answers to lines no longer in the RFQ
    /// are dropped.
    pub fn from_quote<'a>(
        lines: impl IntoIterator<Item = (&'a str, &'a [Decimal])>,
        quote: &Quote,
    ) -> Self {
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
            file_terms: Some(h.payment_terms.clone()),
            lines: lines
                .into_iter()
                .map(|(id, q)| {
                    quote
                        .lines
                        .iter()
                        .find(|l| l.rfq_line_id == id)
                        .map(LineForm::from_quote_line)
                        .unwrap_or_else(|| LineForm::for_rfq_line(id, q))
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
        let kept = self.file_terms.clone().unwrap_or_default();
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
                basis: match (net_days, kept.basis.trim()) {
                    (None, _) => String::new(),
                    (Some(_), "") => "invoice_date".into(),
                    (Some(_), b) => b.to_string(),
                },
                deposit_pct: kept.deposit_pct,
                day_of_month: kept.day_of_month,
                method: kept.method,
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
        if let Err(e) = super::validate(rfq, &quote, today) {
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
    /// ignore it). Lines not mapped keep what the form had. `today` dates a validity
    /// given in days when the file has no date of its own.
    ///
    /// Header facts the file does not state keep what the form had, except freight:
    /// the file is the quote, so freight it does not name is "not quoted", never the
    /// blank form's "included" ([`freight_from_file`]).
    pub fn fill_from(
        &mut self,
        ex: &Extraction,
        mapping: &[Option<String>],
        basis_one: bool,
        today: NaiveDate,
    ) {
        if let Some(c) = &ex.currency {
            self.currency = c.code().to_string();
        }
        if let Some(v) = valid_until_from_file(ex, today) {
            self.valid_until = v.to_string();
        }
        if let Some(i) = &ex.incoterm {
            // Only an Incoterms 2020 rule; a retired or unknown code stays for the
            // person to choose (the review shows what the file said).
            if let Some(rule) = crate::terms::incoterm(&i.code) {
                self.incoterm = rule.code.to_string();
                self.incoterm_place = i.place.clone().unwrap_or_default();
            }
        }
        if let Some(t) = &ex.payment_terms {
            self.net_days = opt_text(t.net_days);
            self.discount_pct = opt_text(t.discount_pct.map(dec_text));
            self.discount_days = opt_text(t.discount_days);
            self.terms_text = t.text.clone();
            self.file_terms = Some(t.clone());
        }
        let (kind, amount) = freight_from_file(ex.freight.as_ref());
        self.freight_kind = kind.to_string();
        self.freight_amount = amount.map(dec_text).unwrap_or_default();
        if let Some(r) = &ex.quote_ref {
            self.reference = r.clone();
        }
        if !ex.tooling.is_empty() {
            // One-time charges for the quote as a whole belong to no line; they are
            // kept in the notes so the buyer sees them rather than lose them.
            let charges: Vec<String> = ex
                .tooling
                .iter()
                .map(|t| format!("{} {}", t.description, dec_text(t.amount)))
                .collect();
            let note = format!(
                "One-time charges for the whole quote: {}",
                charges.join("; ")
            );
            if !self.notes.contains(&note) {
                if !self.notes.trim().is_empty() {
                    self.notes.push('\n');
                }
                self.notes.push_str(&note);
            }
        }
        for (k, x) in ex.lines.iter().enumerate() {
            let Some(Some(target)) = mapping.get(k) else {
                continue;
            };
            let Some(line) = self.lines.iter_mut().find(|l| &l.rfq_line_id == target) else {
                continue;
            };
            let (basis, prices) = prices_on_basis(x, basis_one);
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
                    .zip(prices)
                    .map(|(pb, price)| BreakRow {
                        qty: dec_text(pb.min_qty),
                        price: dec_text(price),
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

/// The form's freight kind and amount for what a file says about freight. Only what it
/// says: nothing, or "charged" without an amount (`extra`), or an amount-less per
/// shipment/unit, is `not_quoted` — the buyer must add freight before comparing — and
/// only an explicit "included" is `included`.
pub fn freight_from_file(
    f: Option<&crate::extract::model::Freight>,
) -> (&'static str, Option<Decimal>) {
    match f {
        Some(f) if f.kind == "included" => ("included", None),
        Some(f) if f.kind == "per_shipment" && f.amount.is_some() => ("per_shipment", f.amount),
        Some(f) if f.kind == "per_unit" && f.amount.is_some() => ("per_unit", f.amount),
        _ => ("not_quoted", None),
    }
}

/// The last day a file's prices hold: its date, or its days of validity counted from
/// its quote date (else `today`).
pub fn valid_until_from_file(ex: &Extraction, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(d) = ex
        .valid_until
        .as_deref()
        .and_then(|v| NaiveDate::from_str(v.trim()).ok())
    {
        return Some(d);
    }
    let days = ex.validity_days?;
    let from = ex
        .quote_date
        .as_deref()
        .and_then(|d| NaiveDate::from_str(d.trim()).ok())
        .unwrap_or(today);
    from.checked_add_days(chrono::Days::new(u64::from(days)))
}

/// An extracted line's prices on the form's basis: per one unit when `basis_one` (or
/// the file's basis is not positive), else per the file's basis (unit price × basis).
/// When a product would not fit a `Decimal`, the line falls back to per one unit rather
/// than fail.
fn prices_on_basis(
    x: &crate::extract::model::QuoteLine,
    basis_one: bool,
) -> (Decimal, Vec<Decimal>) {
    let per_one = || {
        (
            Decimal::ONE,
            x.breaks.iter().map(|b| b.unit_price).collect(),
        )
    };
    if basis_one || x.price_basis_qty <= Decimal::ZERO {
        return per_one();
    }
    let basis = x.price_basis_qty;
    x.breaks
        .iter()
        .map(|b| b.unit_price.checked_mul(basis))
        .collect::<Option<Vec<_>>>()
        .map_or_else(per_one, |p| (basis, p))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::model::{
        Freight as XFreight, Incoterm as XIncoterm, PriceBreak as XBreak, QuoteLine as XLine,
    };
    use crate::quote::tests::{day, rfq};
    use rust_decimal_macros::dec;

    const TODAY: &str = "2026-11-20";

    fn blank() -> QuoteForm {
        let spec = rfq();
        let lines: Vec<(String, Vec<Decimal>)> = spec
            .lines
            .iter()
            .map(|l| (l.id.clone(), l.quantities.clone()))
            .collect();
        QuoteForm::blank(lines.iter().map(|(i, q)| (i.as_str(), q.as_slice())), "USD")
    }

    /// A filled, valid form: L1 priced per 100, L2 no-bid.
    fn filled() -> QuoteForm {
        let mut f = blank();
        f.valid_until = "2027-01-31".into();
        f.incoterm = "FCA".into();
        f.incoterm_place = "Chicago".into();
        f.net_days = "60".into();
        f.discount_pct = "2".into();
        f.discount_days = "10".into();
        f.freight_kind = "per_shipment".into();
        f.freight_amount = "1 250,5".into();
        let l = &mut f.lines[0];
        l.breaks[0].price = "62".into();
        l.breaks[1].price = "58,5".into();
        // Row 2 left blank: left out of the quote.
        l.breaks[2] = BreakRow::default();
        l.basis = "100".into();
        l.lead_time_days = "28".into();
        l.tooling = vec![
            ToolingRow::default(),
            ToolingRow {
                description: "Die".into(),
                amount: "4500".into(),
            },
        ];
        let l2 = &mut f.lines[1];
        l2.no_bid = true;
        l2.no_bid_reason = "no capacity".into();
        l2.breaks[0].price = "not read for a no-bid".into();
        f
    }

    #[test]
    fn typed_text_becomes_the_quote() {
        let q = filled().to_quote(&rfq(), day(TODAY)).unwrap();
        let h = &q.header;
        assert_eq!(h.currency.code(), "USD");
        assert_eq!(h.valid_until, Some(day("2027-01-31")));
        assert_eq!(h.freight, Freight::PerShipment(dec!(1250.5)));
        assert_eq!(h.payment_terms.text, "2% 10 days, net 60 days");
        assert_eq!(h.payment_terms.basis, "invoice_date");
        let l1 = &q.lines[0];
        assert_eq!(l1.price_basis_qty, dec!(100));
        assert_eq!(
            l1.breaks,
            vec![
                PriceBreak {
                    min_qty: dec!(500),
                    price: dec!(62)
                },
                PriceBreak {
                    min_qty: dec!(2000),
                    price: dec!(58.5)
                }
            ]
        );
        // Per ONE unit: 62 / 100.
        assert_eq!(l1.unit_price_at(dec!(600)), Some((dec!(0.62), true)));
        assert_eq!(l1.tooling.len(), 1);
        assert!(q.lines[1].no_bid && q.lines[1].breaks.is_empty());
        assert_eq!(q.lines[1].no_bid_reason.as_deref(), Some("no capacity"));
    }

    #[test]
    fn errors_point_at_the_row_the_person_sees() {
        let mut f = filled();
        // Break row 0 blank, row 1 priced, row 2 with a price below zero: the quote's
        // breaks[1] is the form's row 2.
        f.lines[0].breaks[0] = BreakRow::default();
        f.lines[0].breaks[2] = BreakRow {
            qty: "5000".into(),
            price: "-1".into(),
        };
        f.lines[0].tooling[1].amount = "lots".into();
        f.freight_amount.clear();
        f.currency = "Dollars".into();
        let e = f.to_quote(&rfq(), day(TODAY)).unwrap_err();
        assert!(e.contains_key("lines[0].breaks[2].price"), "{e:?}");
        assert!(!e.contains_key("lines[0].breaks[1].price"), "{e:?}");
        assert_eq!(e["lines[0].tooling[1].amount"], "enter the amount");
        assert_eq!(e["header.freight"], "enter the freight amount");
        assert_eq!(e["header.currency"], "choose the quote's currency");
    }

    #[test]
    fn a_quote_comes_back_as_the_text_it_was_made_from() {
        let q = filled().to_quote(&rfq(), day(TODAY)).unwrap();
        let spec = rfq();
        let lines: Vec<(String, Vec<Decimal>)> = spec
            .lines
            .iter()
            .map(|l| (l.id.clone(), l.quantities.clone()))
            .collect();
        let f = QuoteForm::from_quote(lines.iter().map(|(i, q)| (i.as_str(), q.as_slice())), &q);
        assert_eq!(f.freight_kind, "per_shipment");
        assert_eq!(f.freight_amount, "1250.5");
        assert_eq!(f.lines[0].basis, "100");
        assert_eq!(f.lines[0].breaks.len(), 2);
        assert_eq!(f.to_quote(&rfq(), day(TODAY)).unwrap(), q);
    }

    fn xline(basis: Decimal, prices: &[(Decimal, Decimal)]) -> XLine {
        XLine {
            price_basis_qty: basis,
            breaks: prices
                .iter()
                .map(|(q, p)| XBreak {
                    min_qty: *q,
                    unit_price: *p,
                })
                .collect(),
            lead_time_days: Some(35),
            ..XLine::default()
        }
    }

    fn extraction() -> Extraction {
        Extraction {
            file: "quote.xlsx".into(),
            currency: Currency::from_code("EUR").ok(),
            quote_ref: Some("Q-77".into()),
            lines: vec![
                xline(
                    dec!(1000),
                    &[(dec!(500), dec!(0.6215)), (dec!(2000), dec!(0.58))],
                ),
                xline(dec!(1), &[(dec!(500), dec!(3.10))]),
            ],
            ..Extraction::default()
        }
    }

    fn mapped() -> Vec<Option<String>> {
        vec![Some("L1".into()), Some("L2".into())]
    }

    #[test]
    fn prices_go_in_on_the_chosen_basis() {
        let mut f = blank();
        f.fill_from(&extraction(), &mapped(), false, day(TODAY));
        // Per 1000 as printed: 0.6215 × 1000 = 621.5.
        assert_eq!(f.lines[0].basis, "1000");
        assert_eq!(f.lines[0].breaks[0].price, "621.5");
        assert_eq!(f.lines[0].breaks[1].price, "580");
        assert_eq!(f.lines[1].basis, "1");
        let mut one = blank();
        one.fill_from(&extraction(), &mapped(), true, day(TODAY));
        assert_eq!(one.lines[0].basis, "1");
        assert_eq!(one.lines[0].breaks[0].price, "0.6215");
        // Either way the quote prices one unit the same.
        let per = |f: &QuoteForm| {
            let mut f = f.clone();
            f.freight_kind = "included".into();
            f.to_quote(&rfq(), day(TODAY)).unwrap().lines[0].unit_price_at(dec!(500))
        };
        assert_eq!(per(&f), per(&one));
        assert_eq!(per(&f), Some((dec!(0.6215), true)));
        // A pack basis that is not 1/100/1000 goes to "other".
        let mut x = extraction();
        x.lines[0].price_basis_qty = dec!(250);
        let mut g = blank();
        g.fill_from(&x, &mapped(), false, day(TODAY));
        assert_eq!(
            (g.lines[0].basis.as_str(), g.lines[0].basis_other.as_str()),
            ("other", "250")
        );
        assert_eq!(g.lines[0].breaks[0].price, "155.375");
    }

    #[test]
    fn a_product_too_large_for_a_decimal_falls_back_to_per_one() {
        let mut x = extraction();
        x.lines[0].price_basis_qty = Decimal::MAX;
        x.lines[0].breaks[0].unit_price = dec!(2);
        let mut f = blank();
        f.fill_from(&x, &mapped(), false, day(TODAY));
        assert_eq!(f.lines[0].basis, "1");
        assert_eq!(f.lines[0].breaks[0].price, "2");
    }

    #[test]
    fn unmapped_lines_keep_what_the_form_had() {
        let mut f = blank();
        f.lines[1].breaks[0].price = "9.99".into();
        f.fill_from(&extraction(), &[Some("L1".into()), None], false, day(TODAY));
        assert_eq!(f.lines[1].breaks[0].price, "9.99");
        // A mapping to a line the RFQ does not have is ignored too.
        let mut g = blank();
        g.fill_from(&extraction(), &[Some("L9".into())], false, day(TODAY));
        assert_eq!(g.lines, blank().lines);
    }

    /// Issue 11: `extra` was silently dropped and a file that said nothing left the blank
    /// form's "freight included" — the bid looked cheaper than it was.
    #[test]
    fn freight_is_only_what_the_file_says() {
        let xf = |kind: &str, amount: Option<Decimal>| XFreight {
            kind: kind.into(),
            amount,
        };
        let cases = [
            (None, "not_quoted", ""),
            (Some(xf("extra", None)), "not_quoted", ""),
            (Some(xf("per_shipment", None)), "not_quoted", ""),
            (Some(xf("per_unit", None)), "not_quoted", ""),
            (Some(xf("something new", Some(dec!(5)))), "not_quoted", ""),
            (Some(xf("included", None)), "included", ""),
            (
                Some(xf("per_shipment", Some(dec!(120)))),
                "per_shipment",
                "120",
            ),
            (Some(xf("per_unit", Some(dec!(0.02)))), "per_unit", "0.02"),
        ];
        for (freight, kind, amount) in cases {
            let mut f = blank();
            assert_eq!(f.freight_kind, "included", "the blank form's default");
            let ex = Extraction {
                freight: freight.clone(),
                ..extraction()
            };
            f.fill_from(&ex, &mapped(), false, day(TODAY));
            assert_eq!(
                (f.freight_kind.as_str(), f.freight_amount.as_str()),
                (kind, amount),
                "{freight:?}"
            );
            let q = f.to_quote(&rfq(), day(TODAY)).unwrap();
            assert_ne!(
                q.header.freight == Freight::Included,
                kind != "included",
                "{freight:?}"
            );
        }
    }

    /// Issue 11, through the whole upload path: a real file read by the extractor, the
    /// review's "use these values" (`fill_from`) and the quote. A file that says nothing
    /// of freight is a quote with freight "not quoted", whatever the blank form held; one
    /// that says it is included is "included".
    #[cfg(feature = "extract")]
    #[test]
    fn an_uploaded_file_silent_on_freight_is_never_freight_included() {
        let cases: [(&str, &str, Freight); 3] = [
            (
                "offer.csv",
                "Part number,Rev,Qty,Unit price USD,Lead time\nBRK-2208,B,500,0.64,4 weeks\n",
                Freight::NotQuoted,
            ),
            (
                "offer.txt",
                "Quotation Q-9\n\nItem BRK-2208 rev B: 500 pcs at USD 0.64 each\n\nDelivery 4 weeks.\n",
                Freight::NotQuoted,
            ),
            (
                "offer.txt",
                "Quotation Q-9\n\nItem BRK-2208 rev B: 500 pcs at USD 0.64 each\n\nFreight included.\n",
                Freight::Included,
            ),
        ];
        for (name, text, want) in cases {
            let ex = crate::extract::extract(&crate::extract::ExtractInput {
                file_name: name.into(),
                bytes: text.as_bytes().to_vec(),
                rfq: None,
                memory: None,
            });
            assert!(!ex.lines.is_empty(), "{text}: {ex:?}");
            let mut f = blank();
            assert_eq!(f.freight_kind, "included", "the blank form's default");
            f.fill_from(&ex, &[Some("L1".into())], true, day(TODAY));
            f.lines[1].no_bid = true;
            f.lines[1].no_bid_reason = "not our process".into();
            let q = f
                .to_quote(&rfq(), day(TODAY))
                .unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(q.header.freight, want, "{text}: {:?}", ex.freight);
        }
    }

    #[test]
    fn only_incoterms_2020_rules_are_taken() {
        for (code, want) in [("fca", "FCA"), ("DDU", ""), ("FOT", ""), ("DAP", "DAP")] {
            let mut f = blank();
            let ex = Extraction {
                incoterm: Some(XIncoterm {
                    code: code.into(),
                    place: Some("Ningbo".into()),
                    version: None,
                    retired: code == "DDU",
                }),
                ..extraction()
            };
            f.fill_from(&ex, &mapped(), false, day(TODAY));
            assert_eq!(f.incoterm, want, "{code}");
            assert_eq!(
                f.incoterm_place,
                if want.is_empty() { "" } else { "Ningbo" }
            );
        }
    }

    #[test]
    fn payment_terms_keep_what_the_form_cannot_show() {
        let mut f = blank();
        let ex = Extraction {
            payment_terms: Some(PaymentTerms {
                text: "30 days end of month, 30% deposit".into(),
                net_days: Some(30),
                basis: "end_of_month".into(),
                deposit_pct: Some(dec!(30)),
                ..PaymentTerms::default()
            }),
            ..extraction()
        };
        f.fill_from(&ex, &mapped(), false, day(TODAY));
        assert_eq!(f.net_days, "30");
        let t = f.to_quote(&rfq(), day(TODAY)).unwrap().header.payment_terms;
        assert_eq!(t.basis, "end_of_month");
        assert_eq!(t.deposit_pct, Some(dec!(30)));
        assert_eq!(t.text, "30 days end of month, 30% deposit");
        // A typed form without a file: net days count from the invoice date.
        let mut typed = filled();
        typed.net_days = "45".into();
        typed.discount_pct.clear();
        typed.discount_days.clear();
        let t = typed
            .to_quote(&rfq(), day(TODAY))
            .unwrap()
            .header
            .payment_terms;
        assert_eq!(
            (t.basis.as_str(), t.text.as_str()),
            ("invoice_date", "Net 45 days")
        );
    }

    #[test]
    fn validity_in_days_counts_from_the_quote_date() {
        let mut x = extraction();
        x.validity_days = Some(30);
        x.quote_date = Some("2026-11-10".into());
        assert_eq!(
            valid_until_from_file(&x, day(TODAY)),
            Some(day("2026-12-10"))
        );
        x.quote_date = None;
        assert_eq!(
            valid_until_from_file(&x, day(TODAY)),
            Some(day("2026-12-20"))
        );
        x.valid_until = Some("2027-02-01".into());
        assert_eq!(
            valid_until_from_file(&x, day(TODAY)),
            Some(day("2027-02-01"))
        );
        let mut f = blank();
        f.fill_from(&x, &mapped(), false, day(TODAY));
        assert_eq!(f.valid_until, "2027-02-01");
    }

    #[test]
    fn quote_wide_charges_are_kept_in_the_notes() {
        let mut x = extraction();
        x.tooling = vec![Tooling {
            description: "Stencil".into(),
            amount: dec!(180),
        }];
        let mut f = blank();
        f.fill_from(&x, &mapped(), false, day(TODAY));
        f.fill_from(&x, &mapped(), false, day(TODAY));
        assert_eq!(f.notes, "One-time charges for the whole quote: Stencil 180");
    }

    #[test]
    fn decimals_read_as_people_type_them() {
        for (typed, want) in [
            ("0,62", Some(dec!(0.62))),
            ("1 250.50", Some(dec!(1250.50))),
            ("1,250", Some(dec!(1250))),
            ("1'250,5", Some(dec!(1250.5))),
            ("", None),
            ("abc", None),
        ] {
            assert_eq!(parse_decimal(typed), want, "{typed}");
        }
    }
}
