//! Free text: header fields from labelled lines (supplier, quote ref, dates, validity,
//! payment terms, Incoterm, freight, totals) and quote lines written as prose, e.g.
//! `BRK-2208 rev B: $0.62/ea @ 2k, $0.55 @ 5k, MOQ 1000, 4-6 wks`.

use rust_decimal::Decimal;

use super::model::{Extraction, Freight, Location, PriceBreak, QuoteLine};
use super::number::{parse_money, parse_quantity, strip_currency, DecimalStyle};
use super::table::{alternate_note, no_bid_reason};
use super::terms::{
    find_date, parse_incoterm, parse_lead_time, parse_payment_terms, parse_validity,
};
use super::units::{parse_price_basis, unit_price, uom_code};
use crate::money::Currency;

/// The currency a text names by code or symbol, if exactly one kind is named.
pub fn currency_in(s: &str) -> Option<Currency> {
    let mut found: Option<Currency> = None;
    for w in s.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | ',' | ':' | ';' | '[' | ']' | '/' | '（' | '）' | '：' | '、'
            )
    }) {
        let w = w.trim_end_matches(['.', '!', '?']);
        if w.is_empty() {
            continue;
        }
        let c = if w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            if matches!(
                w,
                "ALL"
                    | "AND"
                    | "MOQ"
                    | "PCS"
                    | "QTY"
                    | "REV"
                    | "NRE"
                    | "FOB"
                    | "EXW"
                    | "DAP"
                    | "DDP"
                    | "CIF"
                    | "FCA"
                    | "TBD"
                    | "USA"
                    | "SET"
                    | "EOM"
                    | "ARO"
            ) {
                None
            } else {
                // Bare codes only for common trade currencies: ISO also has GEL, ALL,
                // TOP, CUP, MAD… which are ordinary words in capitals.
                const COMMON: &[&str] = &[
                    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "NZD", "HKD",
                    "SGD", "INR", "KRW", "TWD", "MXN", "BRL", "SEK", "NOK", "DKK", "PLN", "CZK",
                    "HUF", "RON", "ZAR", "THB", "MYR", "IDR", "PHP", "VND", "AED", "SAR", "ILS",
                    "RUB",
                ];
                if COMMON.contains(&w) {
                    Currency::from_code(if w == "RMB" { "CNY" } else { w }).ok()
                } else {
                    None
                }
            }
        } else {
            let (c, _, rest) = strip_currency(w);
            c.filter(|_| {
                rest.is_empty()
                    || rest.starts_with(|ch: char| ch.is_ascii_digit())
                    || rest.ends_with(|ch: char| ch.is_ascii_digit())
            })
        };
        if let Some(c) = c {
            match found {
                None => found = Some(c),
                Some(f) if f != c => return None,
                _ => {}
            }
        }
    }
    found
}

/// The currency a text states in words or as an ISO code (`All prices in Canadian
/// dollars`, `Currency: MXN`, `RMB`, `人民币`) — never from a bare symbol. `None` when it
/// names none or several.
pub fn stated_currency(s: &str) -> Option<Currency> {
    let lower = s.to_lowercase();
    const WORDS: &[(&str, &str)] = &[
        ("canadian dollar", "CAD"),
        ("dollars canadiens", "CAD"),
        ("dólares canadienses", "CAD"),
        ("australian dollar", "AUD"),
        ("new zealand dollar", "NZD"),
        ("new taiwan dollar", "TWD"),
        ("taiwan dollar", "TWD"),
        ("nt$", "TWD"),
        ("hong kong dollar", "HKD"),
        ("singapore dollar", "SGD"),
        ("us dollar", "USD"),
        ("u.s. dollar", "USD"),
        ("us-dollar", "USD"),
        ("dólares americanos", "USD"),
        ("dolares americanos", "USD"),
        ("dollari usa", "USD"),
        ("mexican peso", "MXN"),
        ("pesos mexicanos", "MXN"),
        ("peso mexicano", "MXN"),
        ("moneda nacional", "MXN"),
        ("chilean peso", "CLP"),
        ("pesos chilenos", "CLP"),
        ("colombian peso", "COP"),
        ("pesos colombianos", "COP"),
        ("argentine peso", "ARS"),
        ("philippine peso", "PHP"),
        ("renminbi", "CNY"),
        ("chinese yuan", "CNY"),
        ("人民币", "CNY"),
        ("japanese yen", "JPY"),
        ("日元", "JPY"),
        ("美元", "USD"),
        ("欧元", "EUR"),
        ("pound sterling", "GBP"),
        ("pounds sterling", "GBP"),
        ("swiss franc", "CHF"),
        ("schweizer franken", "CHF"),
        ("indian rupee", "INR"),
        ("brazilian real", "BRL"),
        ("reais", "BRL"),
        ("euro", "EUR"),
        ("złoty", "PLN"),
        ("zloty", "PLN"),
        ("円", "JPY"),
        ("日元", "JPY"),
    ];
    let mut found: Option<Currency> = None;
    let mut note = |c: Option<Currency>| -> bool {
        if let Some(c) = c {
            match found {
                None => found = Some(c),
                Some(f) if f != c => return false,
                _ => {}
            }
        }
        true
    };
    for (w, code) in WORDS {
        if lower.contains(w) && !note(Currency::from_code(code).ok()) {
            return None;
        }
    }
    for w in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            let code = if w == "RMB" { "CNY" } else { w };
            if STATED_CODES.contains(&code) && !note(Currency::from_code(code).ok()) {
                return None;
            }
        }
    }
    found
}

/// ISO codes taken as a currency statement wherever they stand as a word.
const STATED_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "INR", "KRW",
    "TWD", "MXN", "BRL", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "ZAR", "THB", "MYR",
    "IDR", "PHP", "VND", "AED", "SAR", "ILS", "CLP", "COP", "ARS", "PEN", "TRY",
];

/// Currencies written with the same bare symbol: a `$` or `¥` alone does not say which.
pub fn same_symbol(a: Currency, b: Currency) -> bool {
    const DOLLAR: &[&str] = &[
        "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "CLP", "COP", "ARS",
    ];
    const YEN: &[&str] = &["JPY", "CNY"];
    let (a, b) = (a.code(), b.code());
    DOLLAR.contains(&a) && DOLLAR.contains(&b) || YEN.contains(&a) && YEN.contains(&b)
}

/// `rev B`, `Rev. 03`, `revision C`, `Index B`, `Rev: A1`.
pub fn find_revision(s: &str) -> Option<(String, usize)> {
    let lower = s.to_lowercase();
    for key in ["revision", "rev.", "rev:", "rev ", "index ", "idx "] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let at = from + i;
            from = at + key.len();
            if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let rest = s[at + key.len()..].trim_start_matches([' ', ':', '.', '#']);
            let val: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
                .collect();
            let val = val.trim_end_matches(['.', '-']).to_string();
            if !val.is_empty() && val.len() <= 6 {
                return Some((val, at));
            }
        }
    }
    None
}

fn after_label<'a>(line: &'a str, labels: &[&str]) -> Option<(&'a str, usize)> {
    let lower = line.to_lowercase();
    for l in labels {
        if let Some(i) = lower.find(l) {
            if i > 0 && lower.as_bytes()[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            let start = i + l.len();
            if !line.is_char_boundary(start) {
                continue;
            }
            let rest = &line[start..];
            let trimmed =
                rest.trim_start_matches([' ', ':', '#', '.', '\t', '°', 'º', '：', '\u{3000}']);
            let off = start + (rest.len() - trimmed.len());
            if !trimmed.is_empty() {
                return Some((trimmed, off));
            }
        }
    }
    None
}

fn first_token(s: &str) -> &str {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .next()
        .unwrap_or("")
}

/// Scans lines for header fields; the first value found for a field wins.
pub fn scan_header(lines: &[(String, Location)], style: DecimalStyle, ex: &mut Extraction) {
    // US month-first dates: decided by the document's own dates, else by US cues.
    let month_first = super::terms::month_first_evidence(lines.iter().map(|(t, _)| t.as_str()))
        .unwrap_or_else(|| {
            ex.currency.is_some_and(|c| c.code() == "USD")
                || lines.iter().any(|(t, _)| us_address(t))
        });
    let mut cur_votes: Vec<(Currency, usize, Location)> = Vec::new();
    let mut from_label: Option<(String, Location)> = None;
    let mut stated_votes: Vec<(Currency, usize)> = Vec::new();
    for (text, loc) in lines {
        let t = text.trim();
        if t.is_empty() || t.len() > 2000 {
            continue;
        }
        let lower = t.to_lowercase();
        let put = |ex: &mut Extraction, field: &str, l: Location| {
            ex.provenance.entry(field.to_string()).or_insert(l);
        };
        if ex.supplier.is_none() {
            if let Some((v, off)) = after_label(
                t,
                &[
                    "supplier:",
                    "vendor:",
                    "lieferant:",
                    "fournisseur:",
                    "company:",
                    "supplier name:",
                    "proveedor:",
                    "fornitore:",
                    "leverancier:",
                    "fornecedor:",
                    "供应商:",
                    "供应商：",
                    "from:",
                ],
            ) {
                let v = v
                    .split(['<', '|'])
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches('"');
                // `From: Jane Doe <jane@acme.com>` names a person: the company is taken
                // from the letterhead or signature, the sender only as a last resort.
                let is_from = lower.starts_with("from:") || lower.starts_with("von:");
                let addr = t.split(['<', '>']).nth(1).filter(|a| a.contains('@'));
                if !v.is_empty() && v.len() < 80 {
                    if is_from && !display_name_is_company(v, addr) {
                        if from_label.is_none() {
                            from_label = Some((t.to_string(), loc.clone()));
                        }
                    } else {
                        ex.supplier = Some(v.to_string());
                        put(ex, "supplier", loc.clone().with_span(off, off + v.len()));
                    }
                }
            }
        }
        if ex.quote_ref.is_none() {
            let labels = [
                "quotation number",
                "quotation no",
                "quotation #",
                "quote number",
                "quote no",
                "quote #",
                "quote ref",
                "quotation ref",
                "our ref",
                "offer no",
                "offer number",
                "angebotsnummer",
                "angebot nr",
                "angebots-nr",
                "devis n",
                "devis no",
                "quotation",
                "quote",
                "invoice number",
                "invoice no",
                "invoice #",
                "rechnungsnummer",
                "rechnung nr",
                "rechnung #",
                "rechnung",
                "rechnungs-nr",
                "facture n",
                "price list",
                "tilbud nr",
                "tilbudsnr",
                "offert nr",
                "offertnr",
                "oferta nr",
                "tarjous nro",
                "nabídka č",
                "preisliste",
                "listino",
                "lista de precios",
                "offerta n",
                "offerta",
                "cotización n",
                "cotizacion n",
                "cotización",
                "cotizacion",
                "presupuesto n",
                "devis",
                "offerte",
                "proposta n",
                "orçamento",
                "angebotsnr",
                "cotação n",
                "cotacao n",
                "报价单号",
                "見積番号",
                "見積書番号",
                "御見積番号",
                "报价单编号",
                "ref:",
            ];
            // Bare document words label the reference only at the start of a line
            // (`Angebot: A-2025-00731`, not "Validez de la oferta: 30 días").
            let starting = ["angebot", "oferta", "cotação", "cotacao", "offer"];
            let label_hit = after_label(t, &labels).or_else(|| {
                starting
                    .iter()
                    .any(|l| lower.starts_with(l))
                    .then(|| after_label(t, &starting))
                    .flatten()
            });
            if let Some((v, off)) = label_hit {
                let v = v.trim_start_matches(['*', '_', '°', 'º', '.', ' ', ':', '#']);
                let lv = v.to_lowercase();
                let skip = [
                    "n. ",
                    "nr. ",
                    "no. ",
                    "n° ",
                    "nr ",
                    "no ",
                    "n ",
                    "núm. ",
                    "num. ",
                    "is ",
                    "ist ",
                    "es ",
                    "est ",
                    "è ",
                    "number ",
                    "reference ",
                ]
                .iter()
                .find(|p| lv.starts_with(*p))
                .map_or(0, |p| p.len());
                let mut v = if v.is_char_boundary(skip) {
                    &v[skip..]
                } else {
                    v
                };
                // A number word left before the value (`Oferta nº: OF-2025-0156`).
                loop {
                    let tok = first_token(v);
                    let bare = tok
                        .trim_matches(|c: char| matches!(c, '.' | ':' | '°' | 'º' | '#' | '：'))
                        .to_lowercase();
                    let word = matches!(
                        bare.as_str(),
                        "n" | "no"
                            | "nr"
                            | "nro"
                            | "num"
                            | "núm"
                            | "number"
                            | "nummer"
                            | "numero"
                            | "número"
                            | "nº"
                            | "n°"
                    );
                    if word && !tok.is_empty() && tok.len() < v.len() {
                        v = v[tok.len()..]
                            .trim_start_matches([' ', ':', '#', '.', '：', '\u{3000}']);
                    } else {
                        break;
                    }
                }
                let tok = first_token(v).trim_end_matches(['.', ',', ')', '*', '_']);
                if tok.chars().any(|c| c.is_ascii_digit())
                    && tok.len() >= 2
                    && tok.len() <= 40
                    && find_date(tok, false).is_none()
                {
                    ex.quote_ref = Some(tok.to_string());
                    put(ex, "quote_ref", loc.clone().with_span(off, off + tok.len()));
                }
            }
        }
        if ex.quote_date.is_none() {
            // A date word inside a compound (Factuurdatum, Rechnungsdatum, Invoice Date…).
            let compound = ["datum", "date", "fecha", "data"].iter().find_map(|k| {
                lower
                    .find(k)
                    .filter(|&i| {
                        // Judge the label the date word belongs to, not the whole line
                        // ("Date: 04.03.2024   Your RFQ: R-17" is still the quote date).
                        let label = label_before(&lower, i);
                        !not_quote_date(label)
                            && !label.contains("vervaldatum")
                            && !label.contains("fällig")
                            && !label.contains("order")
                            && !label.contains("lieferdatum")
                            && !label.contains("leistungsdatum")
                    })
                    .map(|i| &t[(i + k.len()).min(t.len())..])
            });
            if let Some(d) = compound
                .filter(|v| t.is_char_boundary(t.len() - v.len()))
                .and_then(|v| find_date(v, month_first))
            {
                ex.quote_date = Some(d.to_string());
                put(ex, "quote_date", loc.clone());
            }
        }
        if ex.quote_date.is_none() {
            if let Some((v, off)) = after_label(
                t,
                &[
                    "quote date",
                    "quotation date",
                    "date of quote",
                    "invoice date",
                    "rechnungsdatum",
                    "datum",
                    "dato",
                    "data wystawienia",
                    "data:",
                    "見積日",
                    "発行日",
                    "日付",
                    "报价日期",
                    "日期",
                    "päivämäärä",
                    "date:",
                    "date ",
                ],
            ) {
                let label = label_before(&lower, off.min(lower.len()));
                if let Some(d) = find_date(v, month_first).filter(|_| !not_quote_date(label)) {
                    ex.quote_date = Some(d.to_string());
                    put(ex, "quote_date", loc.clone());
                }
            }
        }
        if ex.quote_date.is_none() {
            // "Angebot Nr. 25-0318 vom 07.04.2025", "offerta n. 112/25 del 13/03/2025",
            // "Issued 01/04/2025", "Devis n° D2025-0219 du 19/02/2025".
            for key in [
                "issued",
                "issue date",
                " vom ",
                " del ",
                " du ",
                " dated ",
                " dd. ",
                "ausgestellt am",
                "emitido",
                "emessa il",
                "erstellt am",
                "fecha:",
            ] {
                if ex.quote_date.is_some() {
                    break;
                }
                for (i, _) in lower.match_indices(key) {
                    let off = i + key.len();
                    let (Some(head), Some(v)) = (lower.get(..i), lower.get(off..)) else {
                        continue;
                    };
                    // The words just before: "Ihre Anfrage vom …" is the buyer's date.
                    let near: String = head
                        .split_whitespace()
                        .rev()
                        .take(4)
                        .collect::<Vec<_>>()
                        .join(" ");
                    if not_quote_date(&near) {
                        continue;
                    }
                    if let Some(d) = find_date(v, month_first) {
                        ex.quote_date = Some(d.to_string());
                        put(ex, "quote_date", loc.clone());
                        break;
                    }
                }
            }
        }
        if ex.valid_until.is_none() && ex.validity_days.is_none() {
            if let Some((d, days)) = parse_validity(t, month_first) {
                ex.valid_until = d.map(|d| d.to_string());
                ex.validity_days = days;
                put(ex, "validity", loc.clone());
            }
        }
        if ex.payment_terms.is_none() {
            let cue = [
                "payment",
                "terms",
                "net ",
                "net30",
                "skonto",
                "zahlbar",
                "zahlung",
                "t/t",
                "eom",
                "prox",
                "l/c",
                "due on receipt",
                "in advance",
                "paiement",
                "règlement",
                "n30",
                "n60",
                "deposit",
                "zahlungsbedingung",
                "pago",
                "pagamento",
                "betaling",
                "condiciones de pago",
                "付款",
                "fin de mes",
                "fine mese",
                "fin de mois",
                "betaling",
                "betalning",
                "płatność",
                "platnost",
                "maksuehto",
                "betalingsbetingelser",
            ];
            if cue.iter().any(|c| lower.contains(c)) && !lower.contains("incoterm")
                || lower.starts_with("payment")
            {
                let v = after_label(
                    t,
                    &[
                        "payment terms",
                        "terms of payment",
                        "payment",
                        "zahlungsbedingungen",
                        "zahlungsziel",
                        "conditions de paiement",
                        "forma de pago",
                        "condiciones de pago",
                        "pagamento",
                        "betalingsvoorwaarden",
                        "付款方式",
                        "terms",
                    ],
                )
                .map_or(t, |x| x.0);
                if let Some(p) = parse_payment_terms(v) {
                    ex.payment_terms = Some(p);
                    put(ex, "payment_terms", loc.clone());
                }
            }
        }
        if ex.incoterm.is_none() {
            if let Some(i) = parse_incoterm(t) {
                ex.incoterm = Some(i);
                put(ex, "incoterm", loc.clone());
            }
        }
        if ex.freight.is_none()
            && [
                "freight",
                "shipping",
                "carriage",
                "fracht",
                "versand",
                "transport",
                "delivery charge",
                "port",
                "flete",
                "trasporto",
                "spedizione",
                "frete",
                "vracht",
                "envío",
                "envio",
                "livraison",
                "verzending",
                "运费",
                "franco",
                "fragt",
                "frakt",
                "koszt dostawy",
                "rahti",
                "doprava",
                "frei haus",
                "levering",
                "lieferung frei",
                "porto",
                "unfrei",
            ]
            .iter()
            .any(|k| lower.contains(k))
            && !lower.contains("incoterm")
        {
            if let Some(f) = parse_freight(t, style) {
                ex.freight = Some(f);
                put(ex, "freight", loc.clone());
            }
        }
        if [
            "grand total",
            "total amount",
            "amount due",
            "total:",
            "total ",
            "gesamtbetrag",
            "rechnungsbetrag",
            "montant total",
            "total ttc",
            "total due",
            "totaal",
            "totaal:",
            "factuur totaal",
            "gesamtsumme",
            "endbetrag",
            "importe total",
            "totale",
            "total (",
        ]
        .iter()
        .any(|k| {
            lower.starts_with(k) || lower.contains(&format!(" {k}")) || lower.trim() == k.trim()
        }) {
            // Money-looking amounts only (a currency or two decimals), not years or counts.
            let ws: Vec<&str> = t
                .split_whitespace()
                .map(|w| w.trim_end_matches([',', ';']))
                .collect();
            let amounts: Vec<Decimal> = (0..ws.len())
                .filter_map(|i| {
                    let prev_cur = i > 0
                        && strip_currency(ws[i - 1]).0.is_some()
                        && strip_currency(ws[i - 1]).2.is_empty();
                    let m = parse_money(ws[i], style)?;
                    let decimals = ws[i].rsplit_once(['.', ',']).is_some_and(|(_, f)| {
                        !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())
                    });
                    (m.currency.is_some() || prev_cur || decimals).then_some(m.amount)
                })
                .collect();
            if let Some(max) = amounts.iter().max().copied() {
                if ex.total.is_none_or(|x| max > x) {
                    ex.total = Some(max);
                    ex.provenance.insert("total".into(), loc.clone());
                }
            }
        }
        if !ex.pieces && mentions_pieces(&lower) {
            ex.pieces = true;
        }
        if super::notes::is_fact_line(t)
            && ex.notes.len() < 500
            && !ex.notes.iter().any(|n| n.1 == *loc)
        {
            ex.notes.push((t.to_string(), loc.clone()));
        }
        if ex.basis_note.is_none() && t.len() < 200 {
            if let Some(b) = super::notes::basis_statement(t) {
                ex.basis_note = Some((b, loc.clone()));
            }
        }
        if ex.basis_hint.is_none() {
            if let Some(b) = super::notes::basis_mention(t) {
                ex.basis_hint = Some((b, loc.clone()));
            }
        }
        if let Some(c) = stated_currency(t) {
            match stated_votes.iter_mut().find(|v| v.0 == c) {
                Some(v) => v.1 += 1,
                None => stated_votes.push((c, 1)),
            }
        }
        if let Some(c) = currency_in(t) {
            match cur_votes.iter_mut().find(|v| v.0 == c) {
                Some(v) => v.1 += 1,
                None => cur_votes.push((c, 1, loc.clone())),
            }
        }
    }
    if ex.stated_currency.is_none() {
        // Several currencies stated: only a clear majority states the document's.
        stated_votes.sort_by_key(|v| std::cmp::Reverse(v.1));
        ex.stated_currency = match stated_votes.as_slice() {
            [one] => Some(one.0),
            [a, b, ..] if a.1 >= 2 * b.1 => Some(a.0),
            _ => None,
        };
    }
    if ex.currency.is_none() {
        if let Some((c, _, l)) = cur_votes.into_iter().max_by_key(|v| v.1) {
            ex.currency = Some(c);
            ex.provenance.entry("currency".into()).or_insert(l);
        }
    }
    // No labelled supplier: the letterhead (an early line naming a company form), else the
    // signature (the last such line), else the sender's company from a `From:` line.
    if ex.supplier.is_none() && lines.len() >= 3 {
        let named: Vec<(String, Location)> = lines
            .iter()
            .filter(|(t, _)| !t.trim().is_empty())
            .filter_map(|(t, loc)| letterhead_company(t).map(|n| (n, loc.clone())))
            .collect();
        let early = lines
            .iter()
            .filter(|(t, _)| !t.trim().is_empty())
            .take(8)
            .find_map(|(t, loc)| letterhead_company(t).map(|n| (n, loc.clone())));
        if let Some((name, loc)) = early.or_else(|| named.last().cloned()) {
            ex.supplier = Some(name);
            ex.provenance.insert("supplier".into(), loc);
        }
    }
    if ex.supplier.is_none() {
        if let Some((name, loc)) = from_label.and_then(|(t, l)| sender_company(&t).map(|n| (n, l)))
        {
            ex.supplier = Some(name);
            ex.provenance.insert("supplier".into(), loc);
        }
    }
}

/// Whether a (lower-case) text counts in pieces: `pcs`, `Stk`, `ea`, `pz`, `pièces`…
pub(crate) fn mentions_pieces(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "pcs", "pc", "pce", "pieces", "piece", "ea", "each", "stk", "stück", "st", "pz", "pzs",
        "pezzi", "pezzo", "pièces", "pièce", "piezas", "pieza", "uds", "unidades", "stuks", "stuk",
        "szt", "kpl", "ks", "units", "cad", "cadauno", "c/u",
    ];
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .any(|w| WORDS.contains(&w))
        || ["件", "个", "只", "pcs.", "/pc", "/ea"]
            .iter()
            .any(|k| lower.contains(k))
}

/// The label text before byte `i`: back to the previous wide gap, tab, `|` or `;`.
fn label_before(lower: &str, i: usize) -> &str {
    let mut i = i.min(lower.len());
    while !lower.is_char_boundary(i) {
        i -= 1;
    }
    let head = &lower[..i];
    let cut = ["  ", "\t", "|", ";"]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|p| p + sep.len()))
        .max()
        .unwrap_or(0);
    &head[cut..]
}

/// A date line that is not the supplier's quote date: the buyer's RFQ or order date, a
/// delivery, due or expiry date.
fn not_quote_date(lower: &str) -> bool {
    [
        "rfq",
        "inquiry",
        "enquiry",
        "anfrage",
        "your ",
        "ihre ",
        "ihr ",
        "request",
        "richiesta",
        "solicitud",
        "demande",
        "votre",
        "su ",
        "sua ",
        "vostra",
        "delivery",
        "ship",
        "valid",
        "expir",
        "gültig",
        "liefer",
        "consegna",
        "entrega",
        "livraison",
        "po date",
        "order date",
        "requested",
        "required",
        "need",
        "due",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// A US postal address line (`Dallas, TX 75201`) or the country named: US date order.
fn us_address(t: &str) -> bool {
    let ws: Vec<&str> = t.split_whitespace().collect();
    ws.windows(2).any(|w| {
        w[0].len() == 2
            && w[0].chars().all(|c| c.is_ascii_uppercase())
            && w[1].len() >= 5
            && w[1].chars().take(5).all(|c| c.is_ascii_digit())
            && t.contains(',')
    }) || ws.iter().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
            "USA" | "U.S.A" | "U.S.A."
        )
    })
}

/// Whether a sender's display name names the company rather than a person: it carries a
/// legal form, or shares a word with the mail domain (`Schmidt Kunststofftechnik
/// <vertrieb@schmidt.example>`), and does not repeat the mailbox (`Jane Doe
/// <jane.doe@…>` is a person).
pub(crate) fn display_name_is_company(name: &str, address: Option<&str>) -> bool {
    if letterhead_company(name).is_some() {
        return true;
    }
    let Some(addr) = address else {
        return false;
    };
    let (local, domain) = addr.split_once('@').unwrap_or((addr, ""));
    let local = local.to_lowercase();
    let domain = domain.to_lowercase();
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    let in_local = words.iter().any(|w| local.contains(w.as_str()));
    let in_domain = words.iter().any(|w| domain.contains(w.as_str()));
    in_domain && !in_local
}

/// The company behind a `From: Jane Doe <jane@acme-stamping.com>` line: the mail domain
/// (free-mail domains name no company).
pub(crate) fn sender_company(t: &str) -> Option<String> {
    let at = t.find('@')?;
    let domain: String = t[at + 1..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    let host = domain.rsplit('.').nth(1)?.to_string();
    const FREE: &[&str] = &[
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "yahoo",
        "live",
        "msn",
        "icloud",
        "me",
        "aol",
        "gmx",
        "web",
        "qq",
        "163",
        "126",
        "mail",
        "yandex",
        "proton",
        "protonmail",
    ];
    if host.len() < 3 || FREE.contains(&host.to_lowercase().as_str()) {
        return None;
    }
    Some(
        host.split(['-', '_'])
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A company name with its legal form (`… GmbH`, `… Ltd.`, `… Inc.`) at the start of a
/// letterhead line (the part before a separator such as `●`, `|`, `,`).
pub(crate) fn letterhead_company(line: &str) -> Option<String> {
    const FORMS: &[&str] = &[
        "gmbh",
        "ag",
        "kg",
        "ltd",
        "limited",
        "inc",
        "llc",
        "corp",
        "corporation",
        "co",
        "sa",
        "sas",
        "sarl",
        "bv",
        "nv",
        "pvt",
        "spa",
        "srl",
        "ab",
        "oy",
        "plc",
        "kft",
        "sro",
        "gmbh&co",
        "sl",
        "sa de cv",
        "cv",
        "ltda",
        "sprl",
        "sas",
        "snc",
        "as",
        "aps",
        "kk",
        "pte",
        "pty",
        "company",
        "mbh",
        "ug",
        "ohg",
    ];
    let part = line
        .split(['●', '|', '·', '•', '\t'])
        .next()
        .unwrap_or("")
        .trim();
    // "Sales, Emerald Plastics Ltd, Galway": the part that is a company.
    let parts: Vec<&str> = part.split(", ").collect();
    if parts.len() > 1 {
        if let Some(c) = parts.iter().skip(1).find_map(|p| letterhead_company(p)) {
            if letterhead_company(parts[0]).is_none() {
                return Some(c);
            }
        }
    }
    let part = parts.first().copied().unwrap_or(part).trim();
    // "Brentwood Fastener Supplies Ltd - Trade Price List …": the name before the dash.
    let part = part
        .split(" - ")
        .next()
        .unwrap_or(part)
        .split(" – ")
        .next()
        .unwrap_or(part)
        .trim();
    if part.len() < 4 || part.len() > 70 || part.contains(':') || part.contains('@') {
        return None;
    }
    let words: Vec<String> = part
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '&')
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect();
    // A name, not a sentence: every word capitalised (or a joiner such as `&`, `and`).
    let sentence = part.split_whitespace().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                w,
                "and"
                    | "und"
                    | "&"
                    | "de"
                    | "der"
                    | "of"
                    | "the"
                    | "y"
                    | "e"
                    | "et"
                    | "di"
                    | "da"
                    | "van"
                    | "von"
            )
            && !FORMS.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
    });
    if sentence || words.len() > 7 {
        return None;
    }
    // The form is one of the last two words, after at least one name word.
    let n = words.len();
    let hit = (n >= 2 && FORMS.contains(&words[n - 1].as_str()))
        || (n >= 3 && FORMS.contains(&words[n - 2].as_str()));
    (hit && part.chars().next().is_some_and(char::is_uppercase)).then(|| part.to_string())
}

fn parse_freight(t: &str, style: DecimalStyle) -> Option<Freight> {
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let ws: Vec<&str> = t
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';']))
        .collect();
    let amount = (0..ws.len())
        .find_map(|i| {
            let one =
                parse_money(ws[i].trim_end_matches('.'), style).filter(|m| m.currency.is_some());
            let two = ws
                .get(i + 1)
                .and_then(|n| parse_money(&format!("{} {}", ws[i], n.trim_end_matches('.')), style))
                .filter(|m| m.currency.is_some());
            one.or(two)
        })
        .map(|m| m.amount)
        .filter(|a| *a > Decimal::ZERO);
    // Charged on top: checked before "included" so "not included", "prepay & add" and
    // "excl." are never read as free freight.
    let extra_phrases = [
        "prepay & add",
        "prepay and add",
        "prepaid & add",
        "prepaid and add",
        "ppd & add",
        "ppd and add",
        "pp&a",
        "not included",
        "not incl",
        "excluded",
        "excluding",
        "exclusive of",
        "nicht enthalten",
        "nicht inbegriffen",
        "nicht inklusive",
        "zuzüglich",
        "no incluido",
        "no incluye",
        "non compris",
        "non inclus",
        "non incluso",
        "não incluído",
        "nao incluido",
        "en sus",
        "por cuenta del",
        "a cargo del",
        "à votre charge",
        "a vostro carico",
        "a carico",
        "extra",
        "additional",
        "billed",
        "separately",
        "collect",
        "at cost",
        "to be added",
        "will be added",
        "plus freight",
        "+ freight",
        "on top",
        "add to invoice",
        "niet inbegrepen",
        "exclusief",
        "tillægges",
        "tillkommer",
        "kommer i tillegg",
        "doliczan",
        "lisätään",
        "účtujeme zvlášť",
        "zu ihren lasten",
        "zu lasten des",
        "zu lasten",
        "unfrei",
        "a su cargo",
        "a cargo de",
        "voor uw rekening",
        "for your account",
        "buyer's account",
        "at buyer's expense",
        "charged separately",
        "invoiced separately",
        "verrà addebitato",
        "addebitat",
    ];
    let extra_words = [
        "excl",
        "exkl",
        "zzgl",
        "escluso",
        "esclusa",
        "esclusi",
        "excluido",
        "excluidos",
        "exclu",
        "exclus",
        "hors",
        "ppa",
    ];
    let extra = extra_phrases.iter().any(|k| lower.contains(k))
        || extra_words.iter().any(|k| words.contains(k));
    if extra {
        return Some(Freight {
            kind: if amount.is_some() {
                "per_shipment"
            } else {
                "extra"
            }
            .into(),
            amount,
        });
    }
    let incl = [
        "included",
        "incl",
        "inclusive",
        "inkl",
        "free",
        "frei",
        "inklusive",
        "inbegriffen",
        "enthalten",
        "prepaid",
        "franco",
        "incluido",
        "incluidos",
        "incluso",
        "inclusa",
        "compris",
        "inclus",
        "gratis",
        "gratuito",
        "inbegrepen",
        "incluído",
    ];
    if incl.iter().any(|k| words.contains(k)) || lower.contains("no charge") {
        return Some(Freight {
            kind: "included".into(),
            amount: None,
        });
    }
    let per_unit = [
        "per unit",
        "per piece",
        "/pc",
        "/ea",
        "per pc",
        "each",
        "/unit",
        "pro stück",
    ]
    .iter()
    .any(|k| lower.contains(k));
    let kind = if per_unit {
        "per_unit"
    } else if amount.is_some()
        || ["per shipment", "per order", "flat", "pauschal"]
            .iter()
            .any(|k| lower.contains(k))
    {
        "per_shipment"
    } else {
        return None;
    };
    Some(Freight {
        kind: kind.into(),
        amount,
    })
}

/// A token that looks like a part number: has a digit, letters or a dash, 4+ chars, and
/// is not a price, a quantity, a date or a unit.
/// A part number that identifies a line: a code with a digit (`BRK-2208`, `4711002`,
/// `M3x8 DIN 912`), not a word (`Freight`, `Total:`, `Bracket`).
pub(crate) fn identifies_part(part: &str) -> bool {
    part.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '\''));
        is_part_like(w) || (w.len() >= 5 && w.chars().all(|c| c.is_ascii_digit()))
    })
}

pub(crate) fn is_part_like(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '\''));
    if w.len() < 4 || w.len() > 40 {
        return false;
    }
    let digits = w.chars().filter(char::is_ascii_digit).count();
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if digits == 0
        || !w
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '_' | '#'))
    {
        return false;
    }
    if letters == 0 && !w.contains('-') {
        return false;
    }
    let (cur, _, _) = strip_currency(w);
    if cur.is_some()
        || find_date(w, false).is_some()
        || parse_money(w, DecimalStyle::Unknown).is_some()
    {
        return false;
    }
    let lower = w.to_lowercase();
    if ["wks", "weeks", "days", "pcs", "mm"]
        .iter()
        .any(|s| lower.ends_with(s))
        && lower
            .trim_end_matches(char::is_alphabetic)
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-')
    {
        return false;
    }
    !(lower.ends_with('k')
        && lower[..lower.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.'))
}

/// Splits at commas/semicolons that are clause breaks (followed by a space, not inside a number).
fn clauses(s: &str) -> Vec<(usize, &str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..b.len() {
        let brk = match b[i] {
            b';' | b'|' => true,
            // A sentence end: ". " followed by a capital letter.
            b'.' => {
                // A sentence end: ". " before a capital, not after a list number ("1. NSP")
                // but after an amount ("@ 5,000. Mould …").
                let num_len = b[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_digit() || matches!(c, b',' | b'.'))
                    .count();
                i > 0
                    && (!b[i - 1].is_ascii_digit() || num_len > 2)
                    && b.get(i + 1) == Some(&b' ')
                    && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
            }
            b',' => {
                !(i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit))
            }
            _ => false,
        };
        if brk {
            out.push((start, &s[start..i]));
            start = i + 1;
        }
    }
    out.push((start, &s[start..]));
    out
}

/// Reads quote lines written as text. Lines with prices but no part number continue the
/// line before (`  5,000 pcs: $0.50`).
pub fn parse_text_lines(lines: &[(String, Location)], style: DecimalStyle, ex: &mut Extraction) {
    let from = ex.lines.len();
    parse_text_lines_inner(lines, style, ex);
    merge_same_part(ex, from);
    for l in &mut ex.lines[from..] {
        if l.no_bid
            && l.description
                .as_deref()
                .is_some_and(|d| no_bid_reason(d).is_some())
        {
            l.description = None;
            l.provenance.remove("description");
        }
    }
}

fn parse_text_lines_inner(lines: &[(String, Location)], style: DecimalStyle, ex: &mut Extraction) {
    let doc_cur = ex.currency;
    let mut last: Option<usize> = None;
    // A part heading without a price (`BRK-2208 Bracket zinc plated`), waiting for the
    // quantity / price rows under it.
    let mut heading: Option<QuoteLine> = None;
    // A quantity on a line of its own under the heading (`Menge: 500 Stk`), waiting for
    // the price line below it.
    let mut pending_qty: Option<(Decimal, Location)> = None;
    // The last line was built from a part heading and the rows under it (a block whose
    // further lines are that part's).
    let mut block = false;
    // The line before this one was taken into that block (its heading's price, its
    // quantity, its net price, its lead time): a further fact line continues it.
    let mut block_next = false;
    let mut gap = 0;
    let mut prev_blank = false;
    for (text, loc) in lines {
        let t = text.trim();
        let was_blank = std::mem::replace(&mut prev_blank, t.is_empty());
        let prev_blank = was_blank;
        let continues_block = std::mem::take(&mut block_next) && block;
        if t.is_empty() || t.len() > 1000 {
            gap += 1;
            if gap > 1 {
                last = None;
                heading = None;
                pending_qty = None;
            }
            continue;
        }
        gap = 0;
        // `Menge: 500 Stk`, `Qty: 500 pcs`, `Aantal: 10.000 st.` on a line of its own: the
        // quantity of the one price read from 1 right above it, or of the price the part
        // heading above still waits for.
        if let Some(q) = labelled_line_qty(t, style) {
            if !prev_blank {
                let above = last.and_then(|li| ex.lines.get_mut(li)).filter(|l| {
                    matches!(l.breaks.as_slice(), [b] if b.min_qty == Decimal::ONE)
                        && l.quantity.is_none()
                        && !l.provenance.contains_key("breaks[0].min_qty")
                });
                if let Some(l) = above {
                    l.breaks[0].min_qty = q;
                    l.provenance.insert("breaks[0].min_qty".into(), loc.clone());
                    ex.consumed.push(loc.clone());
                    block_next = true;
                    continue;
                }
                if heading.is_some() && last.is_none() {
                    pending_qty = Some((q, loc.clone()));
                    ex.consumed.push(loc.clone());
                    continue;
                }
            }
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        // The part: the first part-like word in the first clause (before any price).
        let first_price_at = words.iter().position(|w| price_word(w, style).is_some());
        // A part named by a label (`(your P/N SK-40)`, `Art.-Nr. 4711`) wins, wherever it
        // stands before the price; else the first part-like word of the first words.
        let before_price = first_price_at.unwrap_or(words.len());
        let labelled = words
            .iter()
            .take(before_price.min(20))
            .position(|w| {
                matches!(
                    w.to_lowercase()
                        .trim_matches(|c: char| matches!(c, '(' | ':' | ',' | '.')),
                    "p/n" | "pn" | "part#" | "art.-nr" | "art-nr" | "artnr" | "sku"
                )
            })
            .map(|i| i + 1)
            .filter(|&i| i < before_price && words.get(i).is_some_and(|w| is_part_like(w)));
        let part_idx = labelled.or_else(|| {
            words
                .iter()
                .take(before_price.min(8))
                .position(|w| is_part_like(w) && !w.to_lowercase().starts_with("rev"))
        });
        let lower = t.to_lowercase();
        let mut line = QuoteLine {
            price_basis_qty: Decimal::ONE,
            ..Default::default()
        };
        let mut found_any = false;
        let mut desc_end = t.len();
        let part_end;
        if let Some(pi) = part_idx {
            // A part ending a sentence leaves its full stop (`… la referencia HX-4430.`).
            let p = words[pi]
                .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '\''))
                .trim_end_matches('.');
            let off = t.find(p).unwrap_or(0);
            part_end = off + p.len();
            line.part_number = Some(p.to_string());
            line.provenance.insert(
                "part_number".into(),
                loc.clone().with_span(off, off + p.len()),
            );
        } else {
            part_end = 0;
        }
        if let Some((rev, at)) = find_revision(&t[part_end..]) {
            if at < 8 || part_idx.is_some() && at < 30 {
                line.revision = Some(rev);
                line.provenance.insert(
                    "revision".into(),
                    loc.clone().with_span(part_end + at, part_end + at + 4),
                );
            }
        }
        let mut breaks: Vec<PriceBreak> = Vec::new();
        let mut basis_seen = Decimal::ONE;
        // A charge whose word and amount fall in different clauses ("El utillaje … para
        // la ref. HZ-5510 se factura aparte: 1.450,00 €"): the line's amount is that
        // one-time charge, never a price.
        let line_charge = super::notes::names_charge(t)
            .then(|| super::notes::charge_in(t, style))
            .flatten()
            .filter(|_| {
                clauses(t)
                    .iter()
                    .all(|(_, c)| super::notes::charge_in(c.trim(), style).is_none())
            });
        if let Some(tl) = line_charge.clone() {
            line.tooling.push(tl);
            line.provenance
                .insert("tooling[0].amount".into(), loc.clone());
            found_any = true;
        }
        for (coff, clause) in clauses(t) {
            let c = clause.trim();
            let cl = c.to_lowercase();
            let abs = coff + (clause.len() - clause.trim_start().len());
            let span = loc.clone().with_span(abs, abs + c.len());
            if let Some(r) = no_bid_reason(c) {
                line.no_bid = true;
                line.no_bid_reason = Some(r);
                line.provenance.insert("no_bid".into(), span.clone());
                found_any = true;
                continue;
            }
            if let Some(q) = labelled_qty(
                &cl,
                &[
                    "moq",
                    "min. order qty",
                    "min. order",
                    "min order",
                    "minimum order",
                    "minimum",
                    "min.",
                ],
                style,
            ) {
                line.moq = Some(q);
                line.provenance.insert("moq".into(), span.clone());
                continue;
            }
            if let Some(q) = labelled_qty(
                &cl,
                &[
                    "order multiple",
                    "multiples of",
                    "mult",
                    "spq",
                    "pack of",
                    "reel of",
                    "increments of",
                ],
                style,
            ) {
                line.order_multiple = Some(q);
                line.provenance
                    .insert("order_multiple".into(), span.clone());
                continue;
            }
            if let Some(tl) = super::notes::charge_in(c, style) {
                let k = line.tooling.len();
                line.tooling.push(tl);
                line.provenance
                    .insert(format!("tooling[{k}].amount"), span.clone());
                found_any = true;
                continue;
            }
            if line.alternate.is_none()
                && (cl.contains("alternate")
                    || cl.contains("alternative")
                    || cl.contains("substitute")
                    || cl.contains("in lieu")
                    || cl.contains("instead of")
                    || cl.contains("offer "))
            {
                if let Some(a) = alternate_note(c) {
                    line.alternate = Some(a);
                    line.provenance.insert("alternate".into(), span.clone());
                }
            }
            if line_charge.is_some() {
                continue;
            }
            // `Gesamtpreis: 420,00 EUR`, `Line total: $1,250.00`, `Importe: 240,00 €`: the
            // line's amount, never a unit price.
            if let Some(rest) = TOTAL_LABELS.iter().find_map(|l| {
                cl.strip_prefix(l)
                    .filter(|r| r.starts_with([':', ' ', '\t']))
                    .map(|r| c[c.len() - r.len()..].trim_start_matches([':', ' ', '\t']))
            }) {
                if let Some(m) = parse_money(rest.trim().trim_end_matches('.'), style)
                    .filter(|m| m.amount > Decimal::ZERO)
                {
                    line.line_total = Some(m.amount);
                    line.provenance.insert("line_total".into(), span.clone());
                    continue;
                }
            }
            // Prices with their quantities.
            let ws: Vec<&str> = c.split_whitespace().collect();
            let mut k = 0;
            let mut clause_has_price = false;
            while k < ws.len() {
                if let Some((m, consumed)) = price_at(
                    &ws,
                    k,
                    style,
                    doc_cur.is_some() || lower.contains("price") || lower.contains(" ea"),
                ) {
                    if m.basis == Some(Decimal::ONE) {
                        line.price_source = super::model::PriceSource::UnitLabelled;
                    }
                    let mut basis = m.basis.unwrap_or(Decimal::ONE);
                    let mut j = k + consumed;
                    // `per 100`, `/C` as a separate word.
                    if let Some(w) = ws.get(j) {
                        let wl = w.to_lowercase();
                        if wl == "per" || wl == "/" {
                            if let Some(b) = ws
                                .get(j + 1)
                                .and_then(|x| parse_price_basis(x.trim_end_matches([',', '.'])))
                            {
                                basis = b;
                                j += 2;
                            }
                        } else if let Some(b) = w.strip_prefix('/').and_then(parse_price_basis) {
                            basis = b;
                            j += 1;
                        } else if matches!(
                            wl.as_str(),
                            "ea" | "each"
                                | "pc"
                                | "pcs"
                                | "ea."
                                | "/ea"
                                | "cad."
                                | "cad"
                                | "cadauno"
                                | "c/u"
                                | "cada"
                                | "/stk"
                                | "/stk."
                                | "/pz"
                                | "/pc"
                                | "/pcs"
                                | "/u"
                                | "la"
                                | "/件"
                                | "/个"
                                | "pièce"
                        ) {
                            j += 1;
                            line.price_source = super::model::PriceSource::UnitLabelled;
                        }
                    }
                    // Quantity: `@ 2k`, `at 500`, `for 1000+`, or before: `1k: $0.55`, `5,000 pcs $0.50`.
                    let mut qty = None;
                    if let Some(w) = ws.get(j) {
                        let wl = w.to_lowercase();
                        if matches!(
                            wl.as_str(),
                            "@" | "at" | "for" | "ab" | "from" | "x" | "vanaf" | "od" | "desde"
                        ) {
                            qty = ws.get(j + 1).and_then(|x| {
                                parse_quantity(x.trim_end_matches([',', ';', ')', '.']), style)
                            });
                            if qty.is_some() {
                                j += 2;
                                if ws.get(j).is_some_and(|x| {
                                    matches!(
                                        x.to_lowercase().trim_end_matches([',', '.']),
                                        "pcs"
                                            | "pc"
                                            | "units"
                                            | "ea"
                                            | "+"
                                            | "pieces"
                                            | "stk"
                                            | "st"
                                            | "szt"
                                            | "stuks"
                                            | "pz"
                                            | "pezzi"
                                            | "uds"
                                            | "unidades"
                                            | "pièces"
                                    )
                                }) {
                                    j += 1;
                                }
                            }
                        } else if let Some(r) = w.strip_prefix('@') {
                            qty = parse_quantity(r.trim_end_matches([',', ';', ')']), style);
                            if qty.is_some() {
                                j += 1;
                            }
                        }
                    }
                    if qty.is_none() && k > 0 {
                        // `1,000 pcs @ 0.84`: skip the `@` between quantity and price.
                        let mut back = if k >= 2 && matches!(ws[k - 1], "@" | "at" | "à" | "a") {
                            k - 1
                        } else {
                            k
                        };
                        // Leader dots and arrows between quantity and price: `1,000 pcs ..... $3.15`.
                        while back >= 2
                            && ws[back - 1].chars().all(|c| {
                                matches!(c, '.' | '…' | '-' | '–' | '_' | ':' | '=' | '>' | '·')
                            })
                        {
                            back -= 1;
                        }
                        let prev = ws[back - 1].trim_end_matches([':', '=', '-']);
                        let prev2 = if back >= 2 { ws[back - 2] } else { "" };
                        if let Some(q) = parse_quantity(prev, style).filter(|_| {
                            !prev.is_empty()
                                && prev.chars().next().is_some_and(|c| c.is_ascii_digit())
                        }) {
                            qty = Some(q);
                        } else if matches!(
                            prev.to_lowercase().as_str(),
                            "pcs"
                                | "pc"
                                | "units"
                                | "pieces"
                                | "ea"
                                | "qty"
                                | "pz"
                                | "pzs"
                                | "pezzi"
                                | "stk"
                                | "stk."
                                | "st"
                                | "st."
                                | "stück"
                                | "szt"
                                | "szt."
                                | "pièces"
                                | "pcs."
                                | "unidades"
                                | "uds"
                                | "piezas"
                                | "stuks"
                                | "sets"
                                | "set"
                                | "件"
                                | "个"
                                | "pares"
                                | "pairs"
                                | "m"
                                | "kg"
                                | "rolls"
                        ) {
                            let n = prev2.trim_end_matches(':');
                            // A measure keeps its decimals (`1.500 kg` in a dot document).
                            qty = if matches!(prev.to_lowercase().as_str(), "m" | "kg") {
                                super::number::parse_number(n, style).filter(|q| *q > Decimal::ZERO)
                            } else {
                                parse_quantity(n, style)
                            };
                        }
                    }
                    if let Some(cur) = m.currency {
                        line.currency = Some(cur);
                    }
                    // `45,00 €/Ring`, `$12.00 per reel`: per a container no count states.
                    if basis == Decimal::ONE
                        && m.basis.is_none()
                        && super::units::per_container(&ws[k..(k + 4).min(ws.len())].join(" "))
                        && ex.basis_unread.len() < 500
                    {
                        ex.basis_unread
                            .push((ws[k..(k + 4).min(ws.len())].join(" "), span.clone()));
                    }
                    basis_seen = basis;
                    // A zero is no price (`0,00 €` in a discount or a free item's column).
                    if let Some(up) = unit_price(m.amount, basis).filter(|up| *up > Decimal::ZERO) {
                        let idx = breaks.len();
                        breaks.push(PriceBreak {
                            min_qty: qty.unwrap_or(Decimal::ONE),
                            unit_price: up,
                        });
                        line.provenance
                            .insert(format!("breaks[{idx}].unit_price"), span.clone());
                        found_any = true;
                        if !clause_has_price && desc_end == t.len() {
                            let word_off = c.find(ws[k]).unwrap_or(0);
                            desc_end = abs + word_off;
                        }
                        clause_has_price = true;
                    }
                    k = j.max(k + 1);
                } else {
                    k += 1;
                }
            }
            if !clause_has_price && line.lead_time_days.is_none() {
                // A number right before a time unit ("ca. 5 weken", "env. 3 semaines",
                // "15 giorni lavorativi") on a part's line or after a delivery word.
                let days = super::notes::lead_in(c)
                    .filter(|_| part_idx.is_some() || super::notes::lead_context(&cl))
                    .or_else(|| {
                        parse_lead_time(c, None)
                            .filter(|_| {
                                cl.contains("wk")
                                    || cl.contains("week")
                                    || cl.contains("day")
                                    || cl.contains("stock")
                                    || cl.contains("lead")
                                    || cl.contains("aro")
                                    || cl.contains("woche")
                                    || cl.contains("month")
                            })
                            .map(|lt| lt.max_days)
                    });
                if let Some(days) = days {
                    line.lead_time_days = Some(days);
                    line.provenance
                        .insert("lead_time_days".into(), span.clone());
                }
            }
            if line.uom.is_none() {
                for w in &ws {
                    if let Some(u) = w
                        .strip_prefix("UOM:")
                        .or_else(|| w.strip_prefix("uom:"))
                        .and_then(uom_code)
                    {
                        line.uom = Some(u.to_string());
                    }
                }
            }
        }
        line.price_basis_qty = basis_seen;
        // Description: text between the part (and revision) and the first price.
        if line.part_number.is_some() {
            let mut s = part_end.min(desc_end);
            let seg = &t[s..desc_end.max(s)];
            let seg_trim = seg.trim_start_matches([' ', ':', '-', ',', '–']);
            s += seg.len() - seg_trim.len();
            let mut d = seg_trim.to_string();
            if let Some((_, at)) = find_revision(&d) {
                if at < 3 {
                    d = d[at..]
                        .split_once([' ', ':'])
                        .map(|x| x.1)
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    d = d
                        .split_once([' ', ':'])
                        .map_or(String::new(), |x| x.1.to_string());
                }
            }
            let mut d = d.trim().trim_matches([':', '-', ',', ' ']).to_string();
            // Drop a trailing quantity phrase that belongs to the price (`- 1,000 pcs @`).
            while let Some((head, last)) = d
                .rsplit_once(' ')
                .map(|(h, l)| (h.to_string(), l.to_string()))
                .or_else(|| (!d.is_empty()).then(|| (String::new(), d.clone())))
            {
                let l = last.to_lowercase();
                let qtyish = matches!(
                    l.as_str(),
                    "@" | "at" | "pcs" | "pc" | "ea" | "units" | "pieces" | "-" | "–" | "x" | "for"
                ) || parse_quantity(&l, style).is_some();
                if !qtyish {
                    break;
                }
                d = head.trim_end_matches([' ', '-', ':', ',']).to_string();
            }
            if d.len() >= 3 && d.chars().any(char::is_alphabetic) && d.len() < 200 {
                line.provenance
                    .insert("description".into(), loc.clone().with_span(s, desc_end));
                line.description = Some(d);
            }
        }
        breaks.sort_by_key(|b| b.min_qty);
        line.breaks = breaks;
        let answers_heading = !line.breaks.is_empty() || line.no_bid;
        if line.part_number.is_none() && answers_heading && last.is_none() && !prev_blank {
            // The first price row (or a no-bid) under a part heading: the heading becomes
            // the line, with everything the row says.
            if let Some(mut h) = heading.take() {
                h.provenance.extend(
                    line.provenance
                        .iter()
                        .filter(|(k, _)| {
                            k.starts_with("breaks")
                                || k.starts_with("tooling")
                                || matches!(
                                    k.as_str(),
                                    "no_bid"
                                        | "alternate"
                                        | "moq"
                                        | "lead_time_days"
                                        | "order_multiple"
                                )
                        })
                        .map(|(k, v)| (k.clone(), v.clone())),
                );
                h.tooling.append(&mut line.tooling);
                h.no_bid |= line.no_bid;
                h.no_bid_reason = h.no_bid_reason.take().or(line.no_bid_reason.take());
                h.alternate = h.alternate.take().or(line.alternate.take());
                h.order_multiple = h.order_multiple.or(line.order_multiple);
                h.breaks = std::mem::take(&mut line.breaks);
                h.price_source = line.price_source;
                h.price_basis_qty = line.price_basis_qty;
                h.currency = line.currency.take();
                h.moq = h.moq.or(line.moq);
                h.lead_time_days = h.lead_time_days.or(line.lead_time_days);
                if let Some((q, qloc)) = pending_qty.take() {
                    if let [b] = h.breaks.as_mut_slice() {
                        if b.min_qty == Decimal::ONE {
                            b.min_qty = q;
                            h.provenance.insert("breaks[0].min_qty".into(), qloc);
                        }
                    }
                }
                h.confidence = 80;
                if h.currency.is_some() && h.currency == ex.currency {
                    h.currency = None;
                } else if ex.currency.is_none() && h.currency.is_some() {
                    ex.currency = h.currency.take();
                    ex.provenance
                        .entry("currency".into())
                        .or_insert(loc.clone());
                }
                ex.lines.push(h);
                last = Some(ex.lines.len() - 1);
                block = true;
                block_next = true;
                ex.consumed.push(loc.clone());
                continue;
            }
        }
        if line.part_number.is_none() && !line.breaks.is_empty() {
            // `Nettopreis: 1,61 €` under `Preis: 1,84 €` and `Rabatt 12,40 %`: the net
            // price the document states replaces the list price (a discount alone is
            // never applied by the reader).
            if let (Some(li), [net]) = (last, line.breaks.as_slice()) {
                let prev = &mut ex.lines[li];
                if net_price_label(&lower) && prev.breaks.len() == 1 {
                    prev.breaks[0].unit_price = net.unit_price;
                    if let Some(l) = line.provenance.get("breaks[0].unit_price") {
                        prev.provenance
                            .insert("breaks[0].unit_price".into(), l.clone());
                    }
                    ex.consumed.push(loc.clone());
                    block_next = true;
                    continue;
                }
            }
            if let Some(li) = last {
                let prev = &mut ex.lines[li];
                let n = prev.breaks.len();
                for (i, b) in line.breaks.iter().enumerate() {
                    if let Some(l) = line.provenance.get(&format!("breaks[{i}].unit_price")) {
                        prev.provenance
                            .insert(format!("breaks[{}].unit_price", n + i), l.clone());
                    }
                    prev.breaks.push(b.clone());
                }
                prev.breaks.sort_by_key(|b| b.min_qty);
                if prev.lead_time_days.is_none() {
                    prev.lead_time_days = line.lead_time_days;
                }
                if prev.moq.is_none() {
                    prev.moq = line.moq;
                }
                ex.consumed.push(loc.clone());
                continue;
            }
        }
        // `Lieferzeit: ca. 4 Wochen` on its own line right under a part's price: that
        // part's lead time.
        if line.part_number.is_none()
            && line.breaks.is_empty()
            && line.tooling.is_empty()
            && !line.no_bid
            && !prev_blank
        {
            if let (Some(days), Some(li)) = (line.lead_time_days, last.filter(|_| continues_block))
            {
                let prev = &mut ex.lines[li];
                if prev.lead_time_days.is_none() {
                    prev.lead_time_days = Some(days);
                    if let Some(l) = line.provenance.get("lead_time_days") {
                        prev.provenance.insert("lead_time_days".into(), l.clone());
                    }
                    ex.consumed.push(loc.clone());
                    block_next = true;
                    continue;
                }
            }
            // A discount line inside the block (`Rabatt 12,40 %`) keeps it open for the
            // net price under it.
            if continues_block
                && [
                    "rabatt",
                    "korting",
                    "discount",
                    "sconto",
                    "descuento",
                    "remise",
                ]
                .iter()
                .any(|k| lower.starts_with(k))
            {
                block_next = true;
                continue;
            }
        }
        if line.part_number.is_none() && line.breaks.is_empty() && !line.tooling.is_empty() {
            if last.is_none() || prev_blank {
                // Not right under a part: the notes pass decides whose charge it is (the
                // part or description it names, else the quote as a whole).
                continue;
            }
            if let Some(li) = last {
                ex.consumed.push(loc.clone());
                let prev = &mut ex.lines[li];
                for (i, tl) in line.tooling.into_iter().enumerate() {
                    if let Some(l) = line.provenance.get(&format!("tooling[{i}].amount")) {
                        prev.provenance
                            .insert(format!("tooling[{}].amount", prev.tooling.len()), l.clone());
                    }
                    prev.tooling.push(tl);
                }
                continue;
            }
        }
        if super::notes::blanket_no_bid(t) {
            ex.blanket_no_bid.get_or_insert_with(|| loc.clone());
            continue;
        }
        if line.part_number.is_none() && line.no_bid {
            // "Line 3: no bid" style without a part: keep only if it names one of ours later.
            continue;
        }
        if line.part_number.is_some() && (found_any || line.no_bid) {
            let mut conf: i32 = 85;
            if line.breaks.is_empty() && !line.no_bid {
                conf -= 30;
            }
            if line.currency.is_none() && doc_cur.is_none() && !line.breaks.is_empty() {
                conf -= 10;
            }
            if line.currency.is_some() && line.currency == ex.currency {
                line.currency = None;
            } else if ex.currency.is_none() && line.currency.is_some() {
                ex.currency = line.currency.take();
                ex.provenance
                    .entry("currency".into())
                    .or_insert(loc.clone());
            }
            line.confidence = u8::try_from(conf.clamp(0, 100)).unwrap_or(0);
            ex.lines.push(line);
            last = Some(ex.lines.len() - 1);
            block = false;
            ex.consumed.push(loc.clone());
        } else if part_idx.is_some() {
            last = None;
            // A short line naming a part and nothing else is a heading for rows below.
            heading =
                (words.len() <= 12 && !line.no_bid && line.tooling.is_empty()).then_some(line);
        }
    }
}

/// Folds lines that repeat a part (a tooling or lead-time sentence naming it) into the
/// first line for that part.
/// Lines from `from` on without a price that repeat an earlier line's part number
/// (a charge or a lead time written in a note) give their facts to that line.
pub(crate) fn merge_same_part(ex: &mut Extraction, from: usize) {
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut i = from;
    while i < ex.lines.len() {
        let key = ex.lines[i].part_number.clone();
        let first = key.as_ref().and_then(|k| first_of.get(k).copied());
        if first.is_none() {
            if let Some(k) = key {
                first_of.insert(k, i);
            }
        }
        match first {
            Some(j) if ex.lines[i].breaks.is_empty() && !ex.lines[i].no_bid => {
                let extra = ex.lines.remove(i);
                let target = &mut ex.lines[j];
                for (k, t) in extra.tooling.into_iter().enumerate() {
                    if let Some(l) = extra.provenance.get(&format!("tooling[{k}].amount")) {
                        target.provenance.insert(
                            format!("tooling[{}].amount", target.tooling.len()),
                            l.clone(),
                        );
                    }
                    target.tooling.push(t);
                }
                target.lead_time_days = target.lead_time_days.or(extra.lead_time_days);
                target.moq = target.moq.or(extra.moq);
                target.order_multiple = target.order_multiple.or(extra.order_multiple);
            }
            _ => i += 1,
        }
    }
}

/// Labels of a line's amount (quantity × unit price) in the languages quotes come in.
const TOTAL_LABELS: &[&str] = &[
    "gesamtpreis",
    "gesamtbetrag",
    "positionswert",
    "line total",
    "total price",
    "extended price",
    "ext. price",
    "amount",
    "importe total",
    "importe",
    "prezzo totale",
    "importo",
    "totaalprijs",
    "totaalbedrag",
    "bedrag",
    "wartość netto",
    "wartość",
    "valor total",
    "montant total",
    "montant ht",
    "prix total",
];

/// A line that states a net price (after a discount): `Nettopreis: 1,61 €`, `Net price
/// $0.58`, `Nettoprijs € 0,54`, `Prix net : 1,61 €`, `Precio neto`, `Prezzo netto`.
fn net_price_label(lower: &str) -> bool {
    [
        "nettopreis",
        "netto-preis",
        "preis netto",
        "net price",
        "net unit price",
        "nettoprijs",
        "netto prijs",
        "prix net",
        "precio neto",
        "prezzo netto",
        "preço líquido",
        "cena netto",
    ]
    .iter()
    .any(|k| lower.trim_start().starts_with(k))
}

/// A line that is only a labelled quantity: `Menge: 500 Stk`, `Qty: 500 pcs`, `Aantal:
/// 10.000 st.`, `Quantité : 500 pièces`, `Cantidad: 500 uds`, `Quantità: 500 pz`.
fn labelled_line_qty(t: &str, style: DecimalStyle) -> Option<Decimal> {
    const LABELS: &[&str] = &[
        "menge",
        "stückzahl",
        "anzahl",
        "bestellmenge",
        "aantal",
        "hoeveelheid",
        "qty",
        "quantity",
        "quantité",
        "quantite",
        "cantidad",
        "quantità",
        "quantita",
        "quantidade",
        "ilość",
        "mängd",
        "antal",
    ];
    let lower = t.trim().to_lowercase();
    let label = LABELS.iter().find(|l| lower.starts_with(*l))?;
    let rest = lower[label.len()..].trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('.'))
        .unwrap_or(rest)
        .trim();
    let mut words = rest.split_whitespace();
    let n = words.next()?;
    let unit = words.next();
    if words.next().is_some() || !n.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(u) = unit {
        let u = u.trim_end_matches('.');
        // `Stk`, `pcs`, `st.`, and the piece words `parse_quantity` knows (`uds`, `pz`).
        if super::units::uom_code(u).is_none() && parse_quantity(&format!("1 {u}"), style).is_none()
        {
            return None;
        }
    }
    parse_quantity(n, style).filter(|q| *q > Decimal::ZERO)
}

fn labelled_qty(cl: &str, labels: &[&str], style: DecimalStyle) -> Option<Decimal> {
    for l in labels {
        if let Some(i) = cl.find(l) {
            let rest = cl[i + l.len()..]
                .trim_start_matches([' ', ':', '=', '.', 'o', 'f'])
                .trim();
            let tok = rest
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(['.', ',', ';', ')']);
            if let Some(q) = parse_quantity(tok, style) {
                return Some(q);
            }
            // `1000 MOQ`
            let before = cl[..i].trim_end();
            if let Some(q) = before
                .rsplit(' ')
                .next()
                .and_then(|w| parse_quantity(w, style))
            {
                return Some(q);
            }
        }
    }
    None
}

/// A word that is a price with an explicit currency marker (`$0.62/ea`, `€12,50`, `0.48EUR`).
fn price_word(w: &str, style: DecimalStyle) -> Option<super::number::MoneyToken> {
    let w = w
        .trim_end_matches([',', ';', ')', '.'])
        .trim_start_matches('(');
    let m = parse_money(w, style)?;
    m.currency.map(|_| m)
}

/// A price at word `k`: a word with a currency marker, a currency code followed by a number,
/// or (when the document has a currency) a decimal number followed by `@`/`ea`/a basis.
fn price_at(
    ws: &[&str],
    k: usize,
    style: DecimalStyle,
    lenient: bool,
) -> Option<(super::number::MoneyToken, usize)> {
    let w = ws[k];
    if let Some(m) = price_word(w, style) {
        return Some((m, 1));
    }
    let clean = w.trim_end_matches([',', ';', ':']);
    if let Ok(cur) = Currency::from_code(clean).map_err(|_| ()).and_then(|c| {
        if clean.len() == 3 && clean.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(c)
        } else {
            Err(())
        }
    }) {
        if let Some(next) = ws.get(k + 1) {
            if let Some(mut m) = parse_money(next.trim_end_matches([',', ';', ')']), style) {
                m.currency = Some(cur);
                return Some((m, 2));
            }
        }
    }
    // A currency symbol standing alone before its number: `€ 1,42`, `$ 3.15`.
    {
        let (c, amb, rest) = strip_currency(clean);
        if c.is_some() && rest.is_empty() {
            if let Some(next) = ws.get(k + 1) {
                if let Some(mut m) = parse_money(next.trim_end_matches([',', ';', ')', '.']), style)
                {
                    if m.currency.is_none() {
                        m.currency = c;
                        m.ambiguous_currency = amb;
                        return Some((m, 2));
                    }
                }
            }
        }
    }
    if let Some(next) = ws.get(k + 1) {
        let (c, _, rest) = strip_currency(next.trim_end_matches([',', ';', '.']));
        if c.is_some() && rest.is_empty() {
            if let Some(mut m) = parse_money(w, style) {
                if m.amount.scale() > 0 || w.contains('/') {
                    m.currency = c;
                    return Some((m, 2));
                }
            }
        }
    }
    if lenient && (clean.contains('.') || clean.contains(',') || clean.contains('/')) {
        let next = ws.get(k + 1).map(|x| x.to_lowercase()).unwrap_or_default();
        if next.starts_with('@')
            || matches!(
                next.as_str(),
                "ea" | "each" | "per" | "/ea" | "ea," | "each," | "at"
            )
            || clean.contains('/')
        {
            let m = parse_money(clean, style)?;
            if m.amount.scale() > 0 {
                return Some((m, 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn parse(text: &str) -> Extraction {
        let mut ex = Extraction::default();
        let lines: Vec<(String, Location)> = text
            .lines()
            .enumerate()
            .map(|(i, l)| (l.to_string(), Location::file("t").at_line(i + 1)))
            .collect();
        scan_header(&lines, DecimalStyle::Unknown, &mut ex);
        parse_text_lines(&lines, DecimalStyle::Unknown, &mut ex);
        ex
    }

    #[test]
    fn issue_example_line() {
        let ex = parse("BRK-2208 rev B: $0.62/ea @ 2k, $0.55 @ 5k, MOQ 1000, 4-6 wks");
        assert_eq!(ex.lines.len(), 1);
        let l = &ex.lines[0];
        assert_eq!(l.part_number.as_deref(), Some("BRK-2208"));
        assert_eq!(l.revision.as_deref(), Some("B"));
        assert_eq!(
            l.breaks,
            vec![
                PriceBreak {
                    min_qty: dec!(2000),
                    unit_price: dec!(0.62)
                },
                PriceBreak {
                    min_qty: dec!(5000),
                    unit_price: dec!(0.55)
                }
            ]
        );
        assert_eq!(l.moq, Some(dec!(1000)));
        assert_eq!(l.lead_time_days, Some(42));
        assert_eq!(ex.currency.map(|c| c.code()), Some("USD"));
    }

    #[test]
    fn basis_and_continuation() {
        let ex = parse("Part 7731-C washer: EUR 85.00 per 1000 @ 10k\n  50k: EUR 79.00/M\nTooling: EUR 1,200 one-time");
        assert_eq!(ex.lines.len(), 1, "{:#?}", ex.lines);
        let l = &ex.lines[0];
        assert_eq!(l.breaks[0].unit_price, dec!(0.085));
        assert_eq!(
            l.breaks[1],
            PriceBreak {
                min_qty: dec!(50000),
                unit_price: dec!(0.079)
            }
        );
        assert_eq!(l.description.as_deref(), Some("washer"));
        assert_eq!(l.tooling[0].amount, dec!(1200));
    }

    #[test]
    fn header_fields() {
        let ex = parse("Quote #: Q-2024-0173\nPayment terms: 2/10 net 30\nDelivery FCA Shenzhen, Incoterms 2020\nFreight: included\nQuote valid for 30 days");
        assert_eq!(ex.quote_ref.as_deref(), Some("Q-2024-0173"));
        assert_eq!(ex.payment_terms.as_ref().and_then(|p| p.net_days), Some(30));
        assert_eq!(ex.incoterm.as_ref().map(|i| i.code.as_str()), Some("FCA"));
        assert_eq!(
            ex.freight.as_ref().map(|f| f.kind.as_str()),
            Some("included")
        );
        assert_eq!(ex.validity_days, Some(30));
    }
}
