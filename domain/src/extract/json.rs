//! JSON price documents (distributor API replies, exported quotes): any object holding an
//! array of `{quantity, price}` entries is an offer; part numbers, MOQ, multiples, lead
//! time and seller come from the keys around it, whatever the vendor calls them.

use rust_decimal::Decimal;
use serde_json::Value;

use super::model::{Extraction, Location, PriceBreak, QuoteLine, Severity};
use super::number::{parse_money, parse_quantity, DecimalStyle};
use super::terms::parse_lead_time;
use super::units::unit_price;
use crate::money::Currency;

#[derive(Clone, Default)]
struct Ctx {
    part: Option<String>,
    supplier_part: Option<String>,
    manufacturer: Option<String>,
    description: Option<String>,
    moq: Option<Decimal>,
    mult: Option<Decimal>,
    lead: Option<u32>,
    seller: Option<String>,
    currency: Option<Currency>,
    /// `part` is the customer's own number (`customer_part`): a manufacturer's number
    /// does not replace it.
    customer_part: bool,
    /// The price basis a `price_unit` / `price_basis` / `per` key states (`1000`, `C`,
    /// `per 1000 pcs`), and where; `Err` with the text when it was not understood.
    basis: Option<(Result<Decimal, String>, String)>,
}

fn norm(k: &str) -> String {
    k.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn as_dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => parse_quantity(&n.to_string(), DecimalStyle::Dot)
            .or_else(|| parse_money(&n.to_string(), DecimalStyle::Dot).map(|m| m.amount)),
        Value::String(s) => parse_money(s, DecimalStyle::Unknown).map(|m| m.amount),
        _ => None,
    }
}

/// Reads a JSON document into `ex`.
pub fn read(text: &str, file: &str, ex: &mut Extraction) {
    let v: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            ex.diag(
                "json.invalid",
                Severity::Error,
                format!("not valid JSON: {e}"),
                Some(Location {
                    line: u32::try_from(e.line()).ok(),
                    ..Location::file(file)
                }),
            );
            return;
        }
    };
    walk(&v, &Ctx::default(), "$", file, ex, 0);
    let mut lines = Vec::new();
    header_lines(&v, "$", &mut lines, file, 0);
    // Payment days before a terms text the scanner may not read ("30 dagar netto").
    lines.sort_by_key(|(t, _)| !t.starts_with("Payment terms: net"));
    for (t, loc) in &lines {
        if let Some(rest) = t.strip_prefix("One-time charge (") {
            if let Some((d, a)) = rest.split_once("): ") {
                if let Some(m) =
                    parse_money(a, DecimalStyle::Unknown).filter(|m| m.amount > Decimal::ZERO)
                {
                    ex.tooling.push(super::model::Tooling {
                        description: d.to_string(),
                        amount: m.amount,
                    });
                    ex.provenance.insert(
                        format!("tooling[{}].amount", ex.tooling.len() - 1),
                        loc.clone(),
                    );
                }
            }
        }
    }
    lines.retain(|(t, _)| !t.starts_with("One-time charge ("));
    if !lines.is_empty() {
        super::text::scan_header(&lines, DecimalStyle::Dot, ex);
    }
}

fn update_ctx(ctx: &mut Ctx, obj: &serde_json::Map<String, Value>) {
    for (k, v) in obj {
        let n = norm(k);
        match n.as_str() {
            "mpn"
            | "manufacturerpartnumber"
            | "manufacturerpartno"
            | "mfrpartnumber"
            | "originalsymbol"
            | "partnumber" => {
                if ctx.customer_part && obj.keys().any(|k| is_customer_part_key(&norm(k))) {
                    continue;
                }
                if let Some(t) = as_text(v) {
                    ctx.part = Some(t);
                } else if let Value::Object(o) = v {
                    if let Some(t) = o.get("part").and_then(as_text) {
                        ctx.part = Some(t);
                    }
                    if let Some(t) = o.get("manufacturer").and_then(as_text) {
                        ctx.manufacturer = Some(t);
                    }
                }
            }
            k if is_customer_part_key(k) => {
                if let Some(t) = as_text(v) {
                    ctx.part = Some(t);
                    ctx.customer_part = true;
                }
            }
            "sku" | "mouserpartnumber" | "digikeypartnumber" | "symbol" | "supplierpartnumber"
            | "ordercode" => {
                if let Some(t) = as_text(v) {
                    ctx.supplier_part = Some(t);
                } else if let Value::Object(o) = v {
                    if let Some(t) = o.get("part").and_then(as_text) {
                        ctx.supplier_part = Some(t);
                    }
                    if let Some(t) = o.get("vendor").and_then(as_text) {
                        ctx.seller = Some(t);
                    }
                }
            }
            "manufacturer" | "producer" | "brand" => {
                if let Some(t) = as_text(v) {
                    ctx.manufacturer = Some(t);
                } else if let Some(t) = v.get("name").and_then(as_text) {
                    ctx.manufacturer = Some(t);
                }
            }
            "description" | "shortdescription" | "productdescription" => {
                if let Some(t) = as_text(v) {
                    ctx.description = Some(t);
                }
            }
            "moq" | "min" | "minamount" | "minimumorderquantity" | "minimumquantity" => {
                if let Some(d) = as_dec(v) {
                    ctx.moq = Some(d);
                }
            }
            "ordermultiple" | "mult" | "multiples" | "multiple" => {
                if let Some(d) = as_dec(v) {
                    ctx.mult = Some(d);
                }
            }
            "leadtime" | "factoryleadtime" | "manufacturerleadweeks" | "leadtimedays" => {
                if let Some(t) = as_text(v) {
                    let unit = if n.contains("weeks") {
                        Some(7)
                    } else {
                        Some(1)
                    };
                    ctx.lead = parse_lead_time(&t, unit).map(|l| l.max_days);
                }
            }
            "company" | "seller" | "distributor" | "supplier" | "vendor" => {
                if let Some(t) = as_text(v).or_else(|| v.get("name").and_then(as_text)) {
                    ctx.seller = Some(t);
                }
            }
            "currency" | "currencycode" => {
                if let Some(c) = as_text(v).and_then(|t| Currency::from_code(&t).ok()) {
                    ctx.currency = Some(c);
                }
            }
            "priceunit" | "pricebasis" | "pricebasisqty" | "pricebasisquantity" | "priceper"
            | "per" | "pricingunit" | "priceuom" | "basisquantity" | "pricequantity"
            | "preiseinheit" => {
                if let Some(t) = as_text(v) {
                    let b = super::units::parse_price_basis(&t)
                        .or_else(|| {
                            super::units::basis_phrase(&format!("per {t}"), true).map(|b| b.0)
                        })
                        .filter(|b| *b > Decimal::ZERO)
                        .ok_or(t);
                    ctx.basis = Some((b, k.clone()));
                }
            }
            _ => {}
        }
    }
}

/// A key naming the buyer's own part number.
fn is_customer_part_key(k: &str) -> bool {
    matches!(
        k,
        "customerpart"
            | "customerpartnumber"
            | "customerpartno"
            | "customerpn"
            | "customeritem"
            | "buyerpart"
            | "buyerpartnumber"
            | "yourpart"
            | "yourpartnumber"
            | "custpart"
    )
}

/// The quote's own fields in a JSON document (`number`, `created`, `expires`, `seller`,
/// `payment`, `delivery`, one-time charge lists), as labelled text lines for the header
/// scanner that every format shares, and the one-time charges.
fn header_lines(v: &Value, path: &str, out: &mut Vec<(String, Location)>, file: &str, depth: u32) {
    let Value::Object(o) = v else {
        return;
    };
    if depth > 8 {
        return;
    }
    let at = |p: &str| Location {
        path: Some(p.to_string()),
        ..Location::file(file)
    };
    let parent = path.rsplit('.').next().map(norm).unwrap_or_default();
    let buyer_side = matches!(parent.as_str(), "customer" | "buyer" | "shipto" | "billto");
    for (k, x) in o {
        let n = norm(k);
        let p = format!("{path}.{k}");
        match x {
            Value::Object(_) if !buyer_side => header_lines(x, &p, out, file, depth + 1),
            Value::Array(items) => {
                // `one_time_charges: [{description, amount}]`, `tooling: [...]`.
                let charges =
                    n.contains("charge") || n.contains("onetime") || super::notes::names_charge(k);
                if charges {
                    for (i, it) in items.iter().enumerate() {
                        let d = it
                            .get("description")
                            .or_else(|| it.get("name"))
                            .and_then(as_text)
                            .unwrap_or_else(|| k.replace('_', " "));
                        if let Some(a) = it
                            .get("amount")
                            .or_else(|| it.get("price"))
                            .and_then(as_text)
                        {
                            out.push((
                                format!("One-time charge ({d}): {a}"),
                                at(&format!("{p}[{i}]")),
                            ));
                        }
                    }
                }
            }
            _ if buyer_side => {}
            _ => {
                let Some(t) = as_text(x) else { continue };
                let label = match n.as_str() {
                    "number" | "quotenumber" | "quoteno" | "quoteid" | "quoteref"
                    | "offernumber" | "quotationnumber" => "Quote No",
                    "created" | "createdat" | "date" | "quotedate" | "issued" | "issuedate"
                    | "issuedat" => "Quote date",
                    "expires" | "expiresat" | "validuntil" | "validto" | "expiry"
                    | "expirydate" | "validthrough" => "Valid until",
                    "name" | "company" | "legalname"
                        if matches!(parent.as_str(), "seller" | "supplier" | "vendor") =>
                    {
                        "Supplier"
                    }
                    "seller" | "supplier" | "vendor" => "Supplier",
                    "terms" | "paymentterms" if parent == "payment" || n == "paymentterms" => {
                        "Payment terms"
                    }
                    "days" | "netdays" if parent == "payment" => {
                        out.push((format!("Payment terms: net {t} days"), at(&p)));
                        continue;
                    }
                    "incoterm" | "incoterms" => {
                        let place = o
                            .get("place")
                            .or_else(|| o.get("incotermplace"))
                            .and_then(as_text)
                            .unwrap_or_default();
                        out.push((format!("Incoterms: {t} {place}"), at(&p)));
                        continue;
                    }
                    "freight" | "shipping" | "carriage" => "Freight",
                    _ => continue,
                };
                // An ISO timestamp's date (`2025-06-03T09:12:00+02:00`).
                let t = match t.split_once('T') {
                    Some((d, _)) if label.contains("date") || label.contains("Valid") => {
                        d.to_string()
                    }
                    _ => t,
                };
                out.push((format!("{label}: {t}"), at(&p)));
            }
        }
    }
}

fn price_entry(v: &Value) -> Option<(Decimal, Decimal, Option<Currency>, bool)> {
    match v {
        Value::Object(o) => {
            let mut q = None;
            let mut p = None;
            let mut cur = None;
            let mut amb = false;
            for (k, x) in o {
                match norm(k).as_str() {
                    "quantity" | "qty" | "amount" | "breakquantity" | "minqty" | "from" => {
                        q = q.or_else(|| as_dec(x))
                    }
                    "price" | "pricevalue" | "unitprice" | "value" => {
                        if let Value::String(s) = x {
                            let m = parse_money(s, DecimalStyle::Unknown)?;
                            cur = cur.or(m.currency);
                            amb = m.ambiguous_currency;
                            p = Some(m.amount);
                        } else {
                            p = as_dec(x);
                        }
                    }
                    "currency" => {
                        cur = as_text(x)
                            .and_then(|t| Currency::from_code(&t).ok())
                            .or(cur)
                    }
                    _ => {}
                }
            }
            Some((q?, p?, cur, amb))
        }
        Value::Array(a) if a.len() == 2 => Some((as_dec(&a[0])?, as_dec(&a[1])?, None, false)),
        _ => None,
    }
}

fn walk(v: &Value, parent: &Ctx, path: &str, file: &str, ex: &mut Extraction, depth: u32) {
    if depth > 64 {
        return;
    }
    match v {
        Value::Object(o) => {
            let mut ctx = parent.clone();
            update_ctx(&mut ctx, o);
            for (k, child) in o {
                let p = format!("{path}.{k}");
                if let Value::Array(items) = child {
                    let entries: Vec<_> = items.iter().filter_map(price_entry).collect();
                    if !entries.is_empty() && entries.len() * 2 >= items.len() {
                        push_offer(&ctx, &entries, &p, file, ex);
                        continue;
                    }
                }
                // `prices: {"USD": [[1, 0.1], …]}` (currency-keyed).
                if let Value::Object(m) = child {
                    let mut any = false;
                    for (code, arr) in m {
                        if let (Ok(cur), Value::Array(items)) = (Currency::from_code(code), arr) {
                            let entries: Vec<_> = items
                                .iter()
                                .filter_map(price_entry)
                                .map(|(q, p, _, a)| (q, p, Some(cur), a))
                                .collect();
                            if !entries.is_empty() {
                                push_offer(&ctx, &entries, &format!("{p}.{code}"), file, ex);
                                any = true;
                            }
                        }
                    }
                    if any {
                        continue;
                    }
                }
                walk(child, &ctx, &p, file, ex, depth + 1);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, parent, &format!("{path}[{i}]"), file, ex, depth + 1);
            }
        }
        _ => {}
    }
}

fn push_offer(
    ctx: &Ctx,
    entries: &[(Decimal, Decimal, Option<Currency>, bool)],
    path: &str,
    file: &str,
    ex: &mut Extraction,
) {
    let loc = Location {
        path: Some(path.to_string()),
        ..Location::file(file)
    };
    let mut line = QuoteLine {
        part_number: ctx.part.clone(),
        supplier_part: ctx.supplier_part.clone(),
        manufacturer: ctx.manufacturer.clone(),
        description: ctx.description.clone(),
        price_basis_qty: Decimal::ONE,
        moq: ctx.moq,
        order_multiple: ctx.mult,
        lead_time_days: ctx.lead,
        offer_from: ctx.seller.clone(),
        confidence: 90,
        price_source: super::model::PriceSource::Structured,
        ..Default::default()
    };
    let mut cur = ctx.currency;
    // A basis key beside the prices: applied when read, else the prices are read per 1
    // and flagged (`flag_unbound_basis`).
    let basis = match &ctx.basis {
        Some((Ok(b), _)) => {
            line.price_basis_qty = *b;
            line.provenance
                .insert("price_basis_qty".into(), loc.clone());
            *b
        }
        Some((Err(t), _)) => {
            line.price_source = super::model::PriceSource::Unlabelled;
            ex.basis_unread.push((t.clone(), loc.clone()));
            Decimal::ONE
        }
        None => Decimal::ONE,
    };
    for (i, (q, p, c, amb)) in entries.iter().enumerate() {
        if let Some(c) = c {
            cur = Some(*c);
        }
        if *amb {
            line.confidence = 80;
        }
        if let Some(up) = unit_price(*p, basis) {
            line.breaks.push(PriceBreak {
                min_qty: *q,
                unit_price: up,
            });
            line.provenance.insert(
                format!("breaks[{i}].unit_price"),
                Location {
                    path: Some(format!("{path}[{i}]")),
                    ..Location::file(file)
                },
            );
        }
    }
    line.breaks.sort_by_key(|b| b.min_qty);
    for f in [
        "part_number",
        "supplier_part",
        "description",
        "moq",
        "order_multiple",
        "lead_time_days",
    ] {
        line.provenance
            .entry(f.to_string())
            .or_insert_with(|| loc.clone());
    }
    if line.part_number.is_none() && line.supplier_part.is_none() {
        line.confidence = 50;
    }
    match (ex.currency, cur) {
        (None, Some(c)) => ex.currency = Some(c),
        (Some(a), Some(c)) if a != c => line.currency = Some(c),
        _ => {}
    }
    ex.lines.push(line);
}
