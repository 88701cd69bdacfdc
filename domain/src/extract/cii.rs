//! UN/CEFACT Cross Industry Invoice XML (ZUGFeRD 1/2, Factur-X, XRechnung CII): exact
//! header fields and lines. A small tolerant XML scanner is enough for this fixed
//! vocabulary and keeps the wasm bundle small; elements are matched by local name so the
//! ZUGFeRD 1.0 (`CrossIndustryDocument`) and 2.x (`CrossIndustryInvoice`) trees both read.

use rust_decimal::Decimal;

use super::model::{Extraction, Incoterm, Location, PriceBreak, PriceSource, QuoteLine, Severity};
use super::number::{parse_number, DecimalStyle};
use super::terms::{find_date, parse_payment_terms};
use super::units::unit_price;
use crate::money::Currency;

/// One XML event of the scanner.
pub(crate) enum Ev<'a> {
    Open(&'a str, Vec<(&'a str, String)>, bool),
    Close(&'a str),
    Text(String),
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Decodes XML/HTML character references (the XML five, a few HTML names, numeric).
pub(crate) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "euro" => Some('€'),
            "pound" => Some('£'),
            "yen" => Some('¥'),
            "deg" => Some('°'),
            "times" => Some('×'),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub(crate) fn scan(xml: &str) -> Vec<Ev<'_>> {
    let mut out = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            break;
        };
        if lt > 0 {
            let t = rest[..lt].trim();
            if !t.is_empty() {
                out.push(Ev::Text(unescape(t)));
            }
        }
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |e| &r[e + 3..]);
            continue;
        }
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let e = r.find("]]>").unwrap_or(r.len());
            out.push(Ev::Text(r[..e].to_string()));
            rest = r.get(e + 3..).unwrap_or("");
            continue;
        }
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            out.push(Ev::Close(local(name.trim())));
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs_src) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        let mut attrs = Vec::new();
        let mut a = attrs_src;
        while let Some(eq) = a.find('=') {
            let key = a[..eq].trim();
            let after = a[eq + 1..].trim_start();
            let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                break;
            };
            let body = &after[1..];
            let Some(end) = body.find(q) else { break };
            attrs.push((local(key), unescape(&body[..end])));
            a = &body[end + 1..];
        }
        out.push(Ev::Open(local(name), attrs, self_closing));
    }
    out
}

fn dec(s: &str) -> Option<Decimal> {
    parse_number(s, DecimalStyle::Dot)
}

/// Reads CII XML into `ex`.
pub fn read(bytes: &[u8], file: &str, ex: &mut Extraction) {
    let (text, _) = super::decode_text(bytes);
    read_str(&text, file, ex);
}

/// Reads CII XML text (also used for XML embedded in a PDF); UBL goes to
/// [`read_ubl_str`].
pub fn read_str(xml: &str, file: &str, ex: &mut Extraction) {
    if is_ubl(xml) {
        read_ubl_str(xml, file, ex);
        return;
    }
    if !(xml.contains("CrossIndustryInvoice") || xml.contains("CrossIndustryDocument")) {
        ex.diag(
            "cii.not_cii",
            Severity::Warning,
            "XML is not a Cross Industry Invoice",
            Some(Location::file(file)),
        );
        return;
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut line: Option<QuoteLine> = None;
    let mut price: Option<Decimal> = None;
    let mut basis: Option<Decimal> = None;
    let mut gross: Option<Decimal> = None;
    let mut attrs_unit: Option<String> = None;
    let mut terms_text: Vec<String> = Vec::new();
    let loc = |stack: &[&str]| Location {
        path: Some(stack.join("/")),
        ..Location::file(file)
    };
    for ev in scan(xml) {
        match ev {
            Ev::Open(name, attrs, self_closing) => {
                if name == "IncludedSupplyChainTradeLineItem" {
                    line = Some(QuoteLine {
                        price_basis_qty: Decimal::ONE,
                        confidence: 100,
                        price_source: PriceSource::Structured,
                        ..Default::default()
                    });
                    price = None;
                    basis = None;
                    gross = None;
                }
                attrs_unit = attrs
                    .iter()
                    .find(|a| a.0 == "unitCode")
                    .map(|a| a.1.clone());
                if !self_closing {
                    stack.push(name);
                }
            }
            Ev::Close(name) => {
                if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                    stack.truncate(pos);
                }
                if name == "IncludedSupplyChainTradeLineItem" {
                    if let Some(mut l) = line.take() {
                        let b = basis.unwrap_or(Decimal::ONE);
                        l.price_basis_qty = b;
                        if let Some(up) = price.or(gross).and_then(|p| unit_price(p, b)) {
                            l.breaks.push(PriceBreak {
                                min_qty: l.quantity.unwrap_or(Decimal::ONE),
                                unit_price: up,
                            });
                        }
                        if l.part_number.is_none() {
                            l.part_number = l.supplier_part.clone();
                        }
                        ex.lines.push(l);
                    }
                }
            }
            Ev::Text(t) => {
                let Some(&el) = stack.last() else { continue };
                let parent = stack.len().checked_sub(2).map_or("", |i| stack[i]);
                let in_line = line.is_some();
                let here = loc(&stack);
                if let Some(l) = line.as_mut().filter(|_| in_line) {
                    match (parent, el) {
                        ("SpecifiedTradeProduct", "SellerAssignedID") => {
                            l.supplier_part = Some(t.clone());
                            l.provenance.insert("supplier_part".into(), here);
                        }
                        ("SpecifiedTradeProduct", "BuyerAssignedID") => {
                            l.part_number = Some(t.clone());
                            l.provenance.insert("part_number".into(), here);
                        }
                        ("SpecifiedTradeProduct", "Name") => {
                            l.description = Some(t.clone());
                            l.provenance.insert("description".into(), here);
                        }
                        ("NetPriceProductTradePrice", "ChargeAmount") => {
                            price = dec(&t);
                            l.provenance.insert("breaks[0].unit_price".into(), here);
                        }
                        ("GrossPriceProductTradePrice", "ChargeAmount") => gross = dec(&t),
                        ("NetPriceProductTradePrice", "BasisQuantity") => {
                            basis = dec(&t).filter(|b| *b > Decimal::ZERO);
                            l.provenance.insert("price_basis_qty".into(), here);
                        }
                        ("GrossPriceProductTradePrice", "BasisQuantity") if basis.is_none() => {
                            basis = dec(&t).filter(|b| *b > Decimal::ZERO);
                        }
                        (_, "BilledQuantity") => {
                            l.quantity = dec(&t);
                            if let Some(u) = attrs_unit.as_deref() {
                                l.uom = Some(u.to_string());
                            }
                            l.provenance.insert("quantity".into(), here);
                        }
                        (_, "LineTotalAmount") => {
                            l.line_total = dec(&t);
                            l.provenance.insert("line_total".into(), here);
                        }
                        _ => {}
                    }
                    continue;
                }
                match (parent, el) {
                    ("ExchangedDocument" | "HeaderExchangedDocument", "ID")
                        if ex.quote_ref.is_none() =>
                    {
                        ex.quote_ref = Some(t.clone());
                        ex.provenance.insert("quote_ref".into(), here);
                    }
                    ("IssueDateTime", "DateTimeString") if ex.quote_date.is_none() => {
                        if let Some(d) = find_date(&t, false) {
                            ex.quote_date = Some(d.to_string());
                            ex.provenance.insert("quote_date".into(), here);
                        }
                    }
                    ("SellerTradeParty", "Name") if ex.supplier.is_none() => {
                        ex.supplier = Some(t.clone());
                        ex.provenance.insert("supplier".into(), here);
                    }
                    (_, "InvoiceCurrencyCode") => {
                        if let Ok(c) = Currency::from_code(&t) {
                            ex.currency = Some(c);
                            ex.provenance.insert("currency".into(), here);
                        }
                    }
                    ("SpecifiedTradePaymentTerms", "Description") => terms_text.push(t.clone()),
                    ("ApplicableTradeDeliveryTerms", "DeliveryTypeCode") => {
                        ex.incoterm = Some(Incoterm {
                            code: t.clone(),
                            place: None,
                            version: None,
                            retired: false,
                        });
                        ex.provenance.insert("incoterm".into(), here);
                    }
                    (_, "GrandTotalAmount") if ex.total.is_none() => {
                        ex.total = dec(&t);
                        ex.provenance.insert("total".into(), here);
                    }
                    _ => {}
                }
            }
        }
    }
    if !terms_text.is_empty() {
        let joined = terms_text.join(" ");
        ex.payment_terms = parse_payment_terms(&joined);
        ex.provenance
            .insert("payment_terms".into(), Location::file(file));
    }
}

/// True when XML text is an OASIS UBL document (Invoice, CreditNote, Order, Quotation).
pub fn is_ubl(xml: &str) -> bool {
    xml.contains("urn:oasis:names:specification:ubl:schema")
}

/// Reads OASIS UBL 2.x XML (Invoice, CreditNote, Order, Quotation, as PEPPOL BIS and
/// EN 16931 use them): header fields and lines, exact. Free-text notes (`cbc:Note`,
/// payment-terms notes) go through the header scanner ("franco", "14 dagen netto").
pub fn read_ubl_str(xml: &str, file: &str, ex: &mut Extraction) {
    const LINES: &[&str] = &[
        "InvoiceLine",
        "CreditNoteLine",
        "OrderLine",
        "QuotationLine",
        "DespatchLine",
    ];
    let mut stack: Vec<&str> = Vec::new();
    let mut line: Option<QuoteLine> = None;
    let mut line_depth = 0usize;
    let mut price: Option<Decimal> = None;
    let mut basis: Option<Decimal> = None;
    let mut attrs_unit: Option<String> = None;
    let mut notes: Vec<(String, Location)> = Vec::new();
    let mut registration: Option<(String, Location)> = None;
    let mut tax_inclusive: Option<(Decimal, Location)> = None;
    let mut payable: Option<(Decimal, Location)> = None;
    let loc = |stack: &[&str]| Location {
        path: Some(stack.join("/")),
        ..Location::file(file)
    };
    for ev in scan(xml) {
        match ev {
            Ev::Open(name, attrs, self_closing) => {
                // A line, not a line's sub-line (an Order's LineItem is inside OrderLine).
                if LINES.contains(&name) && line.is_none() {
                    line = Some(QuoteLine {
                        price_basis_qty: Decimal::ONE,
                        confidence: 100,
                        price_source: PriceSource::Structured,
                        ..Default::default()
                    });
                    line_depth = stack.len();
                    price = None;
                    basis = None;
                }
                attrs_unit = attrs
                    .iter()
                    .find(|a| a.0 == "unitCode")
                    .map(|a| a.1.clone());
                if !self_closing {
                    stack.push(name);
                }
            }
            Ev::Close(name) => {
                if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                    stack.truncate(pos);
                }
                if LINES.contains(&name) && stack.len() == line_depth {
                    if let Some(mut l) = line.take() {
                        let b = basis.unwrap_or(Decimal::ONE);
                        l.price_basis_qty = b;
                        if let Some(up) = price.and_then(|p| unit_price(p, b)) {
                            l.breaks.push(PriceBreak {
                                min_qty: l.quantity.unwrap_or(Decimal::ONE),
                                unit_price: up,
                            });
                        }
                        ex.lines.push(l);
                    }
                }
            }
            Ev::Text(t) => {
                let Some(&el) = stack.last() else { continue };
                let parent = stack.len().checked_sub(2).map_or("", |i| stack[i]);
                let here = loc(&stack);
                if let Some(l) = line.as_mut() {
                    match (parent, el) {
                        ("SellersItemIdentification", "ID") => {
                            l.supplier_part = Some(t.clone());
                            l.provenance.insert("supplier_part".into(), here);
                        }
                        ("BuyersItemIdentification", "ID") => {
                            l.part_number = Some(t.clone());
                            l.provenance.insert("part_number".into(), here);
                        }
                        ("ManufacturersItemIdentification", "ID") if l.part_number.is_none() => {
                            l.part_number = Some(t.clone());
                            l.provenance.insert("part_number".into(), here);
                        }
                        ("Item", "Name") => {
                            l.description = Some(t.clone());
                            l.provenance.insert("description".into(), here);
                        }
                        ("Item", "Description") if l.description.is_none() => {
                            l.description = Some(t.clone());
                            l.provenance.insert("description".into(), here);
                        }
                        ("Price", "PriceAmount") => {
                            price = dec(&t);
                            l.provenance.insert("breaks[0].unit_price".into(), here);
                        }
                        ("Price", "BaseQuantity") => {
                            basis = dec(&t).filter(|b| *b > Decimal::ZERO);
                            if basis.is_some_and(|b| b != Decimal::ONE) {
                                l.provenance.insert("price_basis_qty".into(), here);
                            }
                        }
                        (
                            _,
                            "InvoicedQuantity" | "CreditedQuantity" | "Quantity"
                            | "DeliveredQuantity",
                        ) if l.quantity.is_none() => {
                            l.quantity = dec(&t);
                            if let Some(u) = attrs_unit.as_deref() {
                                l.uom = Some(u.to_string());
                            }
                            l.provenance.insert("quantity".into(), here);
                        }
                        (p, "LineExtensionAmount") if !matches!(p, "Price") => {
                            l.line_total = dec(&t);
                            l.provenance.insert("line_total".into(), here);
                        }
                        _ => {}
                    }
                    continue;
                }
                let in_supplier = stack
                    .iter()
                    .any(|n| matches!(*n, "AccountingSupplierParty" | "SellerSupplierParty"));
                match (parent, el) {
                    ("Invoice" | "CreditNote" | "Order" | "Quotation" | "OrderResponse", "ID")
                        if ex.quote_ref.is_none() =>
                    {
                        ex.quote_ref = Some(t.clone());
                        ex.provenance.insert("quote_ref".into(), here);
                    }
                    (_, "IssueDate") if ex.quote_date.is_none() && stack.len() == 2 => {
                        if let Some(d) = find_date(&t, false) {
                            ex.quote_date = Some(d.to_string());
                            ex.provenance.insert("quote_date".into(), here);
                        }
                    }
                    ("PartyName", "Name") if in_supplier && ex.supplier.is_none() => {
                        ex.supplier = Some(t.clone());
                        ex.provenance.insert("supplier".into(), here);
                    }
                    ("PartyLegalEntity", "RegistrationName") if in_supplier => {
                        registration.get_or_insert((t.clone(), here));
                    }
                    (_, "DocumentCurrencyCode" | "PricingCurrencyCode") => {
                        if let Ok(c) = Currency::from_code(t.trim()) {
                            ex.currency.get_or_insert(c);
                            ex.provenance.entry("currency".into()).or_insert(here);
                        }
                    }
                    (_, "Note") if stack.len() == 2 || parent == "PaymentTerms" => {
                        for sentence in t.split(['#', '\n']).flat_map(|x| x.split(". ")) {
                            notes.push((sentence.trim().to_string(), here.clone()));
                        }
                    }
                    ("ValidityPeriod", "EndDate") if ex.valid_until.is_none() => {
                        if let Some(d) = find_date(&t, false) {
                            ex.valid_until = Some(d.to_string());
                            ex.provenance.insert("validity".into(), here);
                        }
                    }
                    ("DeliveryTerms", "ID") if ex.incoterm.is_none() => {
                        if let Some(i) = super::terms::parse_incoterm(&t.to_uppercase()) {
                            ex.incoterm = Some(i);
                            ex.provenance.insert("incoterm".into(), here);
                        }
                    }
                    (
                        "LegalMonetaryTotal" | "QuotedMonetaryTotal" | "AnticipatedMonetaryTotal",
                        "TaxInclusiveAmount",
                    ) => {
                        tax_inclusive = dec(&t).map(|d| (d, here));
                    }
                    (
                        "LegalMonetaryTotal" | "QuotedMonetaryTotal" | "AnticipatedMonetaryTotal",
                        "PayableAmount",
                    ) => {
                        payable = dec(&t).map(|d| (d, here));
                    }
                    _ => {}
                }
            }
        }
    }
    if ex.supplier.is_none() {
        if let Some((name, l)) = registration {
            ex.supplier = Some(name);
            ex.provenance.insert("supplier".into(), l);
        }
    }
    if ex.total.is_none() {
        if let Some((t, l)) = tax_inclusive.or(payable) {
            ex.total = Some(t);
            ex.provenance.insert("total".into(), l);
        }
    }
    let notes: Vec<(String, Location)> = notes.into_iter().filter(|n| !n.0.is_empty()).collect();
    super::text::scan_header(&notes, DecimalStyle::Unknown, ex);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes() {
        assert_eq!(unescape("a &amp; b &#x41;&#66; &bogus"), "a & b AB &bogus");
    }
}
