//! Issue 9: the failure classes of quotes written by outsiders, as families of small
//! realistic inputs. Each case is `check(name, input, expect)`: the input goes through
//! `extract` as that file, and every `(path, value)` of `expect` is looked up in the JSON
//! contract of `bidwell extract --json` (`lines[0].breaks[1].unit_price`, `freight.kind`,
//! `lines.len`, …). `null` means the field must be absent. Expected values are written by
//! hand from the documents, never computed by the extractor.

use std::str::FromStr;

use domain::extract::{extract, ExtractInput, Extraction, RfqLine, RfqSpec};
use rust_decimal::Decimal;
use serde_json::Value;

pub fn run_as(name: &str, input: &str, rfq: Option<RfqSpec>) -> Extraction {
    extract(&ExtractInput {
        file_name: name.into(),
        bytes: input.as_bytes().to_vec(),
        rfq,
        memory: None,
    })
}

/// `a.b[2].c` or `lines.len` in the JSON of one extraction.
fn lookup(v: &Value, path: &str) -> Value {
    let mut cur = v.clone();
    for part in path.split('.') {
        if part == "len" {
            return Value::from(cur.as_array().map_or(0, Vec::len));
        }
        let (key, idx) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        cur = cur.get(key).cloned().unwrap_or(Value::Null);
        if let Some(i) = idx {
            cur = cur.get(i).cloned().unwrap_or(Value::Null);
        }
    }
    cur
}

fn canon(v: &Value) -> String {
    match v {
        Value::String(s) => match Decimal::from_str(s) {
            Ok(d) => d.normalize().to_string(),
            Err(_) => s.clone(),
        },
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

pub fn check_ex(name: &str, ex: &Extraction, expect: &[(&str, &str)]) {
    let json = serde_json::to_value(ex).unwrap();
    let mut wrong = Vec::new();
    for (path, want) in expect {
        // `diag:CODE` is whether a diagnostic with that code exists; `conf<80:lines[0]`
        // whether that line's confidence is below 80.
        let got = if let Some(code) = path.strip_prefix("diag:") {
            ex.diagnostics.iter().any(|d| d.code == code).to_string()
        } else if let Some(p) = path.strip_prefix("conf<80:") {
            (lookup(&json, &format!("{p}.confidence"))
                .as_u64()
                .unwrap_or(100)
                < 80)
                .to_string()
        } else {
            canon(&lookup(&json, path))
        };
        let want_c = match Decimal::from_str(want) {
            Ok(d) => d.normalize().to_string(),
            Err(_) => (*want).to_string(),
        };
        if got != want_c {
            wrong.push(format!("  {path}: want {want}, got {got}"));
        }
    }
    let mut brief = json.clone();
    if let Some(ls) = brief.get_mut("lines").and_then(Value::as_array_mut) {
        for l in ls {
            if let Some(o) = l.as_object_mut() {
                o.remove("provenance");
                o.retain(|_, v| !v.is_null());
            }
        }
    }
    if let Some(o) = brief.as_object_mut() {
        o.remove("provenance");
        o.remove("layouts");
        o.retain(|_, v| !v.is_null());
    }
    assert!(
        wrong.is_empty(),
        "{name}:\n{}\n{}",
        wrong.join("\n"),
        serde_json::to_string(&brief).unwrap()
    );
}

fn check(name: &str, input: &str, expect: &[(&str, &str)]) {
    let ex = run_as(name, input, None);
    check_ex(name, &ex, expect);
}

// ---------------------------------------------------------------- class 7: header terms

#[test]
fn issue9_freight_charged_on_top_is_not_included() {
    for (i, text) in [
        "Freight: prepay & add",
        "Shipping: FOB origin, prepay and add",
        "Freight not included",
        "Trasporto: escluso",
        "Fracht: zzgl.",
        "Freight excl.",
        "Flete: no incluido",
        "Frais de port : non compris",
        "Versandkosten werden zusätzlich berechnet (nicht enthalten)",
    ]
    .iter()
    .enumerate()
    {
        let doc = format!("Quote Q-{i}01\n{text}\nBRK-2208 bracket: $0.62 @ 1000\n");
        check(text, &doc, &[("freight.kind", "extra")]);
    }
    check(
        "included",
        "Quote Q-1\nFreight: included\nBRK-2208: $0.62 @ 1000\n",
        &[("freight.kind", "included")],
    );
    check(
        "amount",
        "Quote Q-1\nFreight: USD 150.00 per shipment, not included in prices\nBRK-2208: $0.62 @ 1000\n",
        &[("freight.kind", "per_shipment"), ("freight.amount", "150.00")],
    );
}

#[test]
fn issue9_end_of_month_terms_are_net_terms() {
    for (text, days) in [
        ("Payment terms: 30 days end of month", 30),
        ("Pagamento: 60 gg d.f.f.m.", 60),
        ("Forma de pago: 30 días fecha factura fin de mes", 30),
        ("Conditions de paiement : 45 jours fin de mois", 45),
        ("Zahlungsbedingungen: 30 Tage netto ab Monatsende", 30),
        ("Payment: Net 60 EOM, freight prepay & add", 60),
    ] {
        let doc = format!("Quote Q-77\n{text}\nBRK-2208: $0.62 @ 1000\n");
        check(
            text,
            &doc,
            &[
                ("payment_terms.net_days", &days.to_string()),
                ("payment_terms.basis", "end_of_month"),
                ("payment_terms.deposit_pct", "null"),
            ],
        );
    }
}

#[test]
fn issue9_incoterm_places_keep_state_and_drop_prose() {
    for (text, code, place) in [
        ("Terms: F.O.B. Dallas, TX", "FOB", "Dallas, TX"),
        (
            "Shipping: FOB Houston, TX 77001 per Incoterms 2020",
            "FOB",
            "Houston, TX",
        ),
        (
            "Delivery: FCA Stuttgart, freight prepaid",
            "FCA",
            "Stuttgart",
        ),
        ("Incoterm: EXW Ningbo, China", "EXW", "Ningbo, China"),
        (
            "Delivery terms: DAP Monterrey including customs clearance",
            "DAP",
            "Monterrey",
        ),
    ] {
        let doc = format!("Quote Q-5\n{text}\nBRK-2208: $0.62 @ 1000\n");
        check(
            text,
            &doc,
            &[("incoterm.code", code), ("incoterm.place", place)],
        );
    }
}

#[test]
fn issue9_validity_firm_thru_and_days_in_remarks() {
    check(
        "firm thru",
        "Acme Stamping Inc.\n1200 Main St, Dallas, TX 75201\nQuote Q-1 Date: 03/04/2024\nPrices firm thru 04/30/2024\nBRK-2208: $0.62 @ 1000\n",
        &[("valid_until", "2024-04-30"), ("quote_date", "2024-03-04")],
    );
    for (text, days) in [
        ("Remarks: quote valid 45 days", 45),
        ("Validez de la oferta: 30 días", 30),
        ("Offerta valida 60 giorni", 60),
        ("Angebot gültig 8 Wochen", 56),
    ] {
        let doc = format!("Quote Q-9\n{text}\nBRK-2208: EUR 0.62 @ 1000\n");
        check(text, &doc, &[("validity_days", &days.to_string())]);
    }
}

#[test]
fn issue9_us_dates_decided_by_every_date_in_the_document() {
    // 03/15 can only be month-first, so 03/04 is March 4th.
    check(
        "us",
        "Quote Q-1\nDate: 03/04/2024\nValid until: 03/15/2024\nBRK-2208: $0.62 @ 1000\n",
        &[("quote_date", "2024-03-04"), ("valid_until", "2024-03-15")],
    );
    // 15/04 can only be day-first, so 03/04 is 3 April, even with dollars.
    check(
        "eu",
        "Quote Q-1\nDate: 03/04/2024\nValid until: 15/04/2024\nBRK-2208: $0.62 @ 1000\n",
        &[("quote_date", "2024-04-03"), ("valid_until", "2024-04-15")],
    );
}

#[test]
fn issue9_quote_date_is_the_suppliers_not_the_rfqs() {
    for text in [
        "Your RFQ dated 02/20/2024\nQuote date: 03/04/2024",
        "Ref. your inquiry of 2024-02-20\nDate: 2024-03-04",
        "Ihre Anfrage vom 20.02.2024\nDatum: 04.03.2024",
    ] {
        let doc = format!("Quote Q-2\n{text}\nBRK-2208: $0.62 @ 1000\nValid until 12/31/2024\n");
        check(text, &doc, &[("quote_date", "2024-03-04")]);
    }
}

#[test]
fn issue9_currency_in_words_beats_a_bare_symbol() {
    for (text, code) in [
        (
            "All prices in Canadian dollars.\nBRK-2208: $0.62 @ 1000",
            "CAD",
        ),
        ("Moneda: MXN\nBRK-2208: $12.50 @ 1000", "MXN"),
        ("Currency: RMB\nBRK-2208: ¥3.20 @ 1000", "CNY"),
        ("Prices in AUD, ex GST\nBRK-2208: $0.62 @ 1000", "AUD"),
    ] {
        let doc = format!("Quote Q-3\n{text}\n");
        check(
            text,
            &doc,
            &[("currency", code), ("lines[0].currency", "null")],
        );
    }
}

#[test]
fn issue9_supplier_is_the_company_not_the_contact_or_the_buyer() {
    check(
        "signature",
        "From: Jane Doe <jane.doe@acme-stamping.com>\nSubject: quote\n\nHello Tom,\nthank you for your RFQ from Bidwell Industries Inc.\nBRK-2208: $0.62 @ 1000\n\nBest regards\nJane Doe\nAcme Stamping Ltd.\n",
        &[("supplier", "Acme Stamping Ltd.")],
    );
    check(
        "domain",
        "From: Jane Doe <jane.doe@kessler-draht.de>\n\nHallo,\nBRK-2208: EUR 0,62 @ 1000\nGruß Jane\n",
        &[("supplier", "Kessler Draht")],
    );
}

// ---------------------------------------------------------------- class 3: tooling

#[test]
fn issue9_tooling_is_a_one_time_charge_never_a_price_line() {
    // A row under the part (no part number of its own): that part's charge.
    check(
        "csv row under part",
        "Part,Description,Qty,Unit Price\nBRK-2208,Bracket,1000,0.62\n,Tooling (one-time),1,1250.00\n",
        &[
            ("lines.len", "1"),
            ("lines[0].breaks.len", "1"),
            ("lines[0].tooling[0].amount", "1250.00"),
        ],
    );
    // A charge row with its own number: for the whole quote.
    check(
        "csv de own row",
        "Teilenummer;Bezeichnung;Menge;Preis\nBRK-2208;Halter;1000;0,62\nWZ-1;Werkzeugkosten;1;4.500,00\n",
        &[
            ("lines.len", "1"),
            ("tooling[0].amount", "4500"),
        ],
    );
    check(
        "mould column",
        "Part,Price,Mould cost\nA-100,1.20,3500\nA-200,2.40,\n",
        &[
            ("lines.len", "2"),
            ("lines[0].tooling[0].amount", "3500"),
            ("lines[1].tooling.len", "0"),
        ],
    );
    check(
        "remarks",
        "Part No,Unit Price,Remarks\nA-100,1.20,\"Tooling USD 2,000 one-time\"\nA-200,2.40,\n",
        &[("lines[0].tooling[0].amount", "2000")],
    );
    check(
        "italian row naming part",
        "Codice;Descrizione;Quantità;Prezzo unitario\nBRK-2208;Staffa;1000;0,62\nBRK-3000;Supporto;500;1,10\n;Stampo per BRK-2208;1;3.200,00\n",
        &[
            ("lines.len", "2"),
            ("lines[0].tooling[0].amount", "3200"),
            ("lines[1].tooling.len", "0"),
        ],
    );
    check(
        "mail sentence before any part",
        "Hello,\nTooling: USD 4,500 one-time.\n\nBRK-2208 bracket: $0.62 @ 1000\n",
        &[("lines.len", "1"), ("tooling[0].amount", "4500")],
    );
    check(
        "mail sentence after the part",
        "BRK-2208 bracket: $0.62 @ 1000\nNRE for programming: $800\n",
        &[("lines.len", "1"), ("lines[0].tooling[0].amount", "800")],
    );
}

// ---------------------------------------------------------------- class 2: price basis

#[test]
fn issue9_price_basis_columns_and_suffixes() {
    for (name, doc) in [
        (
            "price uom column",
            "Part,Price,Price UOM\nA-100,41.50,M\nA-200,8.50,C\nA-300,0.62,EA\n",
        ),
        (
            "unit column holding C and M",
            "Part,Price,UOM\nA-100,41.50,M\nA-200,8.50,C\nA-300,0.62,EA\n",
        ),
        (
            "per column",
            "Part;Preis;PE\nA-100;41,50;1000\nA-200;8,50;100\nA-300;0,62;1\n",
        ),
    ] {
        check(
            name,
            doc,
            &[
                ("lines[0].breaks[0].unit_price", "0.0415"),
                ("lines[0].price_basis_qty", "1000"),
                ("lines[1].breaks[0].unit_price", "0.085"),
                ("lines[1].price_basis_qty", "100"),
                ("lines[2].breaks[0].unit_price", "0.62"),
            ],
        );
    }
    check(
        "currency/basis header",
        "Part No,Description,USD/1000pcs\nA-100,Washer M6,41.50\n",
        &[
            ("lines[0].breaks[0].unit_price", "0.0415"),
            ("lines[0].price_basis_qty", "1000"),
            ("currency", "USD"),
        ],
    );
    check(
        "wrapped per",
        "Part,Description,Price\nA-100,Washer,41.50 per / 1000 pcs\n",
        &[("lines[0].breaks[0].unit_price", "0.0415")],
    );
    for (text, unit) in [
        ("A-100 washer: USD 41.50/M @ 10000", "0.0415"),
        ("A-100 washer: USD 8.50/C @ 10000", "0.085"),
        ("A-100 washer: USD 8.50 per 100 @ 10000", "0.085"),
        ("CAB-3G15 cable 3G1.5: EUR 1.25/m @ 100", "1.25"),
    ] {
        check(text, text, &[("lines[0].breaks[0].unit_price", unit)]);
    }
}

// ---------------------------------------------------------------- class 6: columns

#[test]
fn issue9_part_number_columns_in_many_languages() {
    for (name, doc) in [
        (
            "es",
            "Número de parte;Descripción;Cantidad;Precio unitario\nBRK-2208;Soporte;1000;0,62\n",
        ),
        (
            "it",
            "Codice cliente;Descrizione;Quantità;Prezzo unitario\nBRK-2208;Staffa;1000;0,62\n",
        ),
        (
            "fr",
            "Réf. client;Désignation;Quantité;Prix unitaire\nBRK-2208;Équerre;1000;0,62\n",
        ),
        (
            "de",
            "Ihre Teilenummer;Bezeichnung;Menge;Einzelpreis\nBRK-2208;Halter;1000;0,62\n",
        ),
        (
            "nl",
            "Onderdeelnummer;Omschrijving;Aantal;Stukprijs\nBRK-2208;Beugel;1000;0,62\n",
        ),
        (
            "pt",
            "Número da peça;Descrição;Quantidade;Preço unitário\nBRK-2208;Suporte;1000;0,62\n",
        ),
        ("zh", "客户料号,品名,数量,单价\nBRK-2208,支架,1000,0.62\n"),
    ] {
        check(
            name,
            doc,
            &[
                ("lines.len", "1"),
                ("lines[0].part_number", "BRK-2208"),
                ("lines[0].breaks[0].min_qty", "1000"),
                ("lines[0].breaks[0].unit_price", "0.62"),
            ],
        );
    }
}

#[test]
fn issue9_suppliers_own_number_is_supplier_part_and_placeholders_are_no_revision() {
    check(
        "two part columns",
        "Customer P/N,Our P/N,Rev,Description,Price\nBRK-2208,AC-77812,-,Bracket,0.62\nHSG-0300,AC-90001,n/a,Housing,12.40\nPIN-0007,AC-11111,C,Pin,0.05\n",
        &[
            ("lines[0].part_number", "BRK-2208"),
            ("lines[0].supplier_part", "AC-77812"),
            ("lines[0].alternate", "null"),
            ("lines[0].revision", "null"),
            ("lines[1].revision", "null"),
            ("lines[2].revision", "C"),
        ],
    );
}

// ---------------------------------------------------------------- class 1: layouts

#[test]
fn issue9_rows_under_a_part_heading() {
    for (name, doc) in [
        (
            "leader dots",
            "BRK-2208 Bracket zinc plated\n  1,000 pcs ..... $3.15 ea\n  5,000 pcs ..... $2.90 ea\n",
        ),
        (
            "colon",
            "Part BRK-2208 - Bracket zinc plated\n1000 pcs: USD 3.15\n5000 pcs: USD 2.90\n",
        ),
        (
            "small table",
            "Part: BRK-2208 Bracket zinc plated\n\nQty      Unit price\n1,000    $3.15\n5,000    $2.90\n",
        ),
        (
            "markdown",
            "Hi, here is our offer.\n\n| Part | Description | Qty | Price |\n|---|---|---|---|\n| BRK-2208 | Bracket zinc plated | 1000 | $3.15 |\n| BRK-2208 | Bracket zinc plated | 5000 | $2.90 |\n\nRegards\n",
        ),
        (
            "tab table in mail",
            "Dear Tom,\nplease find our prices:\nPart No\tDescription\t1000\t5000\nBRK-2208\tBracket zinc plated\t3.15\t2.90\n\nBest regards\n",
        ),
    ] {
        check(
            name,
            doc,
            &[
                ("lines.len", "1"),
                ("lines[0].part_number", "BRK-2208"),
                ("lines[0].breaks[0].min_qty", "1000"),
                ("lines[0].breaks[0].unit_price", "3.15"),
                ("lines[0].breaks[1].min_qty", "5000"),
                ("lines[0].breaks[1].unit_price", "2.90"),
            ],
        );
    }
}

#[test]
fn issue9_quantity_and_price_in_one_cell() {
    check(
        "qty price cell",
        "Artikel;Bezeichnung;Menge / Preis\nBRK-2208;Halter;250 12,30 €\n",
        &[
            ("lines[0].breaks[0].min_qty", "250"),
            ("lines[0].breaks[0].unit_price", "12.30"),
        ],
    );
}

// ---------------------------------------------------------------- RFQ matching

fn rfq3() -> RfqSpec {
    let line = |id: &str, pn: &str, desc: &str| RfqLine {
        line: id.into(),
        part_number: pn.into(),
        description: Some(desc.into()),
        ..Default::default()
    };
    RfqSpec {
        rfq: Some("RFQ-9".into()),
        currency: Some("USD".into()),
        lines: vec![
            line("1", "BOLT-0820", "Hex bolt M8 x 20 zinc plated"),
            line("2", "WSH-0008", "Flat washer M8 zinc plated"),
            line("3", "NUT-0008", "Hex nut M8 zinc plated"),
        ],
    }
}

#[test]
fn issue9_unrelated_price_list_lines_do_not_match_rfq_lines_on_shared_words() {
    let mut doc = String::from("Item,Description,Price\n");
    for i in 0..2000 {
        doc.push_str(&format!(
            "CAT-{i:05},Hex bolt M{} x {} zinc plated DIN 933,0.{:02}\n",
            6 + i % 5,
            10 + i % 40,
            10 + i % 80
        ));
    }
    let ex = run_as("list.csv", &doc, Some(rfq3()));
    let matched = ex.lines.iter().filter(|l| l.rfq_line.is_some()).count();
    assert!(
        matched <= 1,
        "{matched} of {} lines matched on shared words",
        ex.lines.len()
    );
    // Part-number evidence still matches, and says so.
    let ex = run_as(
        "q.txt",
        "BOLT-0820 hex bolt: $0.12 @ 1000\nWSH-0008 washer: $0.02 @ 1000\n",
        Some(rfq3()),
    );
    check_ex(
        "by part",
        &ex,
        &[
            ("lines[0].rfq_line.line", "1"),
            ("lines[0].rfq_line.reason", "part_number"),
            ("lines[1].rfq_line.line", "2"),
        ],
    );
}

#[test]
fn issue9_blanket_no_bid_covers_every_rfq_line_not_quoted() {
    for text in [
        "BOLT-0820 hex bolt: $0.12 @ 1000\nAll other items: no quote.\n",
        "BOLT-0820 Sechskantschraube: EUR 0,12 @ 1000\nAlle übrigen Positionen: kein Angebot.\n",
    ] {
        let ex = run_as("q.txt", text, Some(rfq3()));
        check_ex(
            text,
            &ex,
            &[
                ("lines.len", "3"),
                ("lines[0].no_bid", "false"),
                ("lines[1].part_number", "WSH-0008"),
                ("lines[1].no_bid", "true"),
                ("lines[1].rfq_line.line", "2"),
                ("lines[2].part_number", "NUT-0008"),
                ("lines[2].no_bid", "true"),
            ],
        );
    }
}

// ---------------------------------------------------------------- cross-checks

#[test]
fn issue9_cross_checks_fix_or_flag_basis_errors_and_set_confidence() {
    // The line total decides a price printed per 1000 with no basis said.
    check(
        "total decides basis",
        "Part,Qty,Price,Total\nA-100,1000,41.50,41.50\nA-200,100,2.50,250.00\n",
        &[
            ("lines[0].breaks[0].unit_price", "0.0415"),
            ("lines[0].price_basis_qty", "1000"),
            ("lines[1].breaks[0].unit_price", "2.50"),
            ("diag:price.basis_from_total", "true"),
        ],
    );
    // A basis stated once for the document.
    for note in [
        "All prices are per 1000 pcs.",
        "Preise pro 1000 Stück.",
        "Prezzi per mille pezzi.",
    ] {
        let doc = format!("Part,Description,Price\nA-100,Washer,41.50\n\n{note}\n");
        check(
            note,
            &doc,
            &[
                ("lines[0].breaks[0].unit_price", "0.0415"),
                ("lines[0].price_basis_qty", "1000"),
            ],
        );
    }
    // Nothing confirms a bare price: below 80, with a finding.
    check(
        "uncorroborated",
        "Part,Price\nA-100,1.20\n",
        &[
            ("conf<80:lines[0]", "true"),
            ("diag:price.uncorroborated", "true"),
        ],
    );
    // Quantity x unit price = total confirms it.
    check(
        "corroborated",
        "Part,Qty,Unit Price,Total\nA-100,100,1.20,120.00\n",
        &[
            ("conf<80:lines[0]", "false"),
            ("diag:price.uncorroborated", "false"),
        ],
    );
    // 100x the RFQ's target price: flagged, and not at 80 or more.
    let mut rfq = rfq3();
    rfq.lines[0].target_price = Some(Decimal::from_str("0.12").unwrap());
    let ex = run_as("q.csv", "Part,Unit Price\nBOLT-0820,12.00\n", Some(rfq));
    check_ex(
        "rfq target",
        &ex,
        &[
            ("diag:price.basis_suspect", "true"),
            ("conf<80:lines[0]", "true"),
        ],
    );
}

// ---------------------------------------------------------------- class 5: facts in prose

#[test]
fn issue9_prose_facts_attach_by_part_or_description() {
    let en = "HSG-1140 Pump housing, clear anodize\n  500 pcs ..... $14.80 ea\n\nSHFT-0087 Drive shaft, ground\n  250 pcs ..... $22.40 ea\n\nCVR-2203 End cover, anodize\n  1,000 pcs ..... $3.15 ea\n\nThere is a one time fixture charge of $1,850.00 for the housing.\nLead time on the housing and the cover is 6-8 weeks ARO, shafts 4 weeks.\nMOQ on the cover is 1,000 pcs.\n";
    check(
        "en",
        en,
        &[
            ("lines.len", "3"),
            ("lines[0].tooling[0].amount", "1850.00"),
            ("lines[0].lead_time_days", "56"),
            ("lines[1].lead_time_days", "28"),
            ("lines[2].lead_time_days", "56"),
            ("lines[2].moq", "1000"),
            ("lines[0].moq", "null"),
            ("lines[1].tooling.len", "0"),
            ("lines[2].tooling.len", "0"),
        ],
    );
    let it = "40-1187 staffa zincata: 1.000 pz a € 1,42 cad.\n40-1190 coperchio in ABS: 2.000 pz a € 0,86 cad.\n\nLotto minimo per la staffa 1.000 pz, multipli di 500 pz.\nConsegna: 5 settimane dalla conferma d'ordine.\n";
    check(
        "it",
        it,
        &[
            ("lines[0].moq", "1000"),
            ("lines[0].order_multiple", "500"),
            ("lines[1].moq", "null"),
            ("lines[0].lead_time_days", "35"),
            ("lines[1].lead_time_days", "35"),
        ],
    );
    let de = "Pos. 1  WL-200 Welle gehärtet: 500 Stk à 4,20 EUR\nPos. 2  FL-310 Flansch: 200 Stk à 12,80 EUR\n\nDen Flansch können wir leider nicht anbieten.\nLieferzeit: 3-4 Wochen.\n";
    check(
        "de no-bid by description",
        de,
        &[
            ("lines[0].lead_time_days", "28"),
            ("lines[0].no_bid", "false"),
        ],
    );
}

// ---------------------------------------------------------------- e-invoices and e-mail

#[test]
fn issue9_ubl_invoices_are_read_exactly() {
    let ubl = r#"<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
 xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">
 <cbc:ID>INV-77</cbc:ID>
 <cbc:IssueDate>2024-03-04</cbc:IssueDate>
 <cbc:Note>Alle leveringen zijn franco. Betalingstermijn: 14 dagen netto.</cbc:Note>
 <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
 <cac:AccountingSupplierParty><cac:Party>
  <cac:PartyName><cbc:Name>Acme Stamping</cbc:Name></cac:PartyName>
 </cac:Party></cac:AccountingSupplierParty>
 <cac:AccountingCustomerParty><cac:Party>
  <cac:PartyName><cbc:Name>Buyer Co</cbc:Name></cac:PartyName>
 </cac:Party></cac:AccountingCustomerParty>
 <cac:LegalMonetaryTotal>
  <cbc:LineExtensionAmount currencyID="EUR">41.50</cbc:LineExtensionAmount>
  <cbc:TaxInclusiveAmount currencyID="EUR">50.22</cbc:TaxInclusiveAmount>
  <cbc:PayableAmount currencyID="EUR">50.22</cbc:PayableAmount>
 </cac:LegalMonetaryTotal>
 <cac:InvoiceLine>
  <cbc:ID>1</cbc:ID>
  <cbc:InvoicedQuantity unitCode="H87">1000</cbc:InvoicedQuantity>
  <cbc:LineExtensionAmount currencyID="EUR">41.50</cbc:LineExtensionAmount>
  <cac:Item><cbc:Name>Washer M6</cbc:Name>
   <cac:BuyersItemIdentification><cbc:ID>WSH-06</cbc:ID></cac:BuyersItemIdentification>
   <cac:SellersItemIdentification><cbc:ID>AC-906</cbc:ID></cac:SellersItemIdentification>
  </cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="EUR">41.50</cbc:PriceAmount>
   <cbc:BaseQuantity unitCode="H87">1000</cbc:BaseQuantity></cac:Price>
 </cac:InvoiceLine>
</Invoice>"#;
    check(
        "ubl",
        ubl,
        &[
            ("format", "ubl_xml"),
            ("supplier", "Acme Stamping"),
            ("quote_ref", "INV-77"),
            ("quote_date", "2024-03-04"),
            ("currency", "EUR"),
            ("total", "50.22"),
            ("payment_terms.net_days", "14"),
            ("freight.kind", "included"),
            ("lines.len", "1"),
            ("lines[0].part_number", "WSH-06"),
            ("lines[0].supplier_part", "AC-906"),
            ("lines[0].uom", "H87"),
            ("lines[0].price_basis_qty", "1000"),
            ("lines[0].breaks[0].min_qty", "1000"),
            ("lines[0].breaks[0].unit_price", "0.0415"),
        ],
    );
}

#[test]
fn issue9_email_tables_only_in_the_html_part_are_read() {
    let eml = "From: \"Andreas Huber\" <a.huber@huber-cnc.at>\r\nTo: einkauf@example.de\r\nSubject: AW: Anfrage\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBitte HTML-Ansicht verwenden.\r\n\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Angebot Nr. ANG-25-0342 vom 24.03.2025</p><table><tr><th>Ihre Teilenummer</th><th>Bezeichnung</th><th>Staffelpreise</th><th>Lieferzeit</th></tr><tr><td>AT-20051</td><td>Achse 16 x 120</td><td>250 12,30 &euro;<br>1000 10,95 &euro;</td><td>4-5 Wochen</td></tr></table><p>Mit freundlichen Gr&uuml;&szlig;en<br>Huber CNC-Technik GmbH</p><hr><p><b>Von:</b> Einkauf &lt;einkauf@example.de&gt;</p><table><tr><th>Teilenummer</th><th>Menge</th><th>Preis</th></tr><tr><td>AT-99999</td><td>5</td><td>1,00</td></tr></table></body></html>\r\n--b1--\r\n";
    check(
        "html",
        eml,
        &[
            ("lines.len", "1"),
            ("lines[0].part_number", "AT-20051"),
            ("lines[0].breaks[0].min_qty", "250"),
            ("lines[0].breaks[0].unit_price", "12.30"),
            ("lines[0].breaks[1].min_qty", "1000"),
            ("lines[0].breaks[1].unit_price", "10.95"),
            ("lines[0].lead_time_days", "35"),
            ("supplier", "Huber CNC-Technik GmbH"),
            ("currency", "EUR"),
        ],
    );
}

#[test]
fn issue9_packs_only_and_moq_start_single_prices() {
    check(
        "packs.csv",
        "Brentwood Fastener Supplies Ltd - Trade Price List BF-TPL-2025-04\nPrices in GBP excluding VAT; /M = per 1000, /C = per 100, /EA = each. Sold in full packs only.\nIssued 01/04/2025 - valid until 30/06/2025\n\nPart No,Description,Pack Qty,Unit Price\nHX-M5-ZN,\"Hex nut M5 DIN 934 zinc plated\",1000,6.20/M\nHX-M8-ZN,\"Hex nut M8 DIN 934 zinc plated\",500,12.40/C\n\nCarriage charged at cost. Payment 30 days end of month.\n",
        &[
            ("supplier", "Brentwood Fastener Supplies Ltd"),
            ("quote_ref", "BF-TPL-2025-04"),
            ("quote_date", "2025-04-01"),
            ("valid_until", "2025-06-30"),
            ("freight.kind", "extra"),
            ("payment_terms.basis", "end_of_month"),
            ("lines[0].moq", "1000"),
            ("lines[0].order_multiple", "1000"),
            ("lines[0].breaks[0].min_qty", "1000"),
            ("lines[0].breaks[0].unit_price", "0.0062"),
            ("lines[1].breaks[0].min_qty", "500"),
            ("lines[1].breaks[0].unit_price", "0.124"),
            ("lines[0].uom", "H87"),
        ],
    );
}

#[test]
fn issue9_thousands_grouped_with_dots_decide_the_number_style() {
    check(
        "clp",
        "Cotización N° 2025-0342\n\nCódigo\tDescripción\tCantidad\tPrecio unitario\tTotal\nPRN-1010\tPerno hexagonal galv.\t2.000\t$ 185\t$ 370.000\nPRN-1012\tPerno hexagonal 3\" galv.\t1.500\t$ 232\t$ 348.000\n\t\tTotal\t\t$ 1.141.805\n\nValores en pesos chilenos.\nPlazo de entrega: 5 días hábiles.\n",
        &[
            ("currency", "CLP"),
            ("lines[0].quantity", "2000"),
            ("lines[0].line_total", "370000"),
            ("lines[0].breaks[0].min_qty", "2000"),
            ("lines[0].breaks[0].unit_price", "185"),
            ("lines[1].quantity", "1500"),
            ("lines[0].lead_time_days", "7"),
        ],
    );
}

#[test]
fn issue9_answers_written_inside_the_quoted_rfq_are_read() {
    let eml = "From: \"Liam O'Connor\" <liam@emeraldplastics.ie>\r\nTo: procurement@example.co.uk\r\nSubject: RE: RFQ NSP-0419\r\nDate: Wed, 09 Apr 2025 15:22:10 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi,\r\nPlease see our answers in line below (marked >> EPL). Our quote ref is EPL-Q-7781.\r\nRegards,\r\nLiam O'Connor\r\nSales, Emerald Plastics Ltd, Galway\r\n\r\n-----Original Message-----\r\nFrom: Procurement <procurement@example.co.uk>\r\nSent: 02 April 2025 09:10\r\nSubject: RFQ NSP-0419\r\n\r\nPlease quote the following, prices in EUR, delivery DAP Aberdeen:\r\n>> EPL: OK, EUR, DAP Aberdeen.\r\n\r\n1. NSP-7710 Rev B, impeller housing cover, PA66-GF30, 1,000 / 5,000 pcs\r\n>> EPL: EUR 2.85 @ 1,000, EUR 2.41 @ 5,000. Mould EUR 14,500 one-off.\r\n\r\n2. NSP-7720, drain plug, PP, 10,000 pcs\r\n>> EPL: no quote, we don't run PP in that size range.\r\n\r\nKind regards,\r\nProcurement\r\nNorth Sea Pumps Ltd\r\n";
    check(
        "inline",
        eml,
        &[
            ("supplier", "Emerald Plastics Ltd"),
            ("quote_ref", "EPL-Q-7781"),
            ("quote_date", "2025-04-09"),
            ("currency", "EUR"),
            ("incoterm.code", "DAP"),
            ("lines[0].part_number", "NSP-7710"),
            ("lines[0].revision", "B"),
            ("lines[0].breaks[0].min_qty", "1000"),
            ("lines[0].breaks[0].unit_price", "2.85"),
            ("lines[0].breaks[1].unit_price", "2.41"),
            ("lines[0].tooling[0].amount", "14500"),
            ("lines[1].part_number", "NSP-7720"),
            ("lines[1].no_bid", "true"),
        ],
    );
}
