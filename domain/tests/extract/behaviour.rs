//! RFQ matching, suspicion flags, mapping memory and the JSON contract.

use std::str::FromStr;

use domain::extract::{extract, ColumnRole, ExtractInput, MappingMemory, RfqLine, RfqSpec};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn input(name: &str, text: &str) -> ExtractInput {
    ExtractInput {
        file_name: name.into(),
        bytes: text.as_bytes().to_vec(),
        rfq: None,
        memory: None,
    }
}

fn codes(ex: &domain::extract::Extraction) -> Vec<&str> {
    ex.diagnostics.iter().map(|x| x.code.as_str()).collect()
}

fn rfq() -> RfqSpec {
    let line = |id: &str, pn: &str, rev: Option<&str>, desc: &str, q: &[&str]| RfqLine {
        line: id.into(),
        part_number: pn.into(),
        revision: rev.map(str::to_string),
        description: Some(desc.into()),
        quantities: q.iter().map(|x| d(x)).collect(),
        ..Default::default()
    };
    RfqSpec {
        rfq: Some("RFQ-2024-017".into()),
        currency: Some("USD".into()),
        lines: vec![
            line(
                "10",
                "BRK-2208",
                Some("C"),
                "Bracket zinc plated",
                &["2000", "5000"],
            ),
            line("20", "HSG-0300", Some("D"), "Housing", &["500"]),
            RfqLine {
                supplier_part: Some("ACME-77".into()),
                last_price: Some(d("0.48")),
                ..line("30", "PIN-0007", None, "Dowel pin", &["1000"])
            },
            line(
                "40",
                "SPR-0100",
                None,
                "Compression spring stainless 12mm",
                &["1000"],
            ),
            line("50", "NUT-9999", None, "Nut", &["1000"]),
        ],
    }
}

#[test]
fn rfq_matching_with_reasons_and_flags() {
    let text = "BRK-2208 rev B: $0.62/ea @ 2k, $0.55 @ 5k\n\
                HSG-0300 rev D: $12.40 @ 500, $11.90 @ 1000\n\
                ACME-77 dowel: $48.00 @ 1000\n\
                SP-12X spring, compression spring stainless 12mm: $0.21 @ 1000\n";
    let mut i = input("q.txt", text);
    i.rfq = Some(rfq());
    let ex = extract(&i);
    let m = |pn: &str| {
        ex.lines
            .iter()
            .find(|l| l.part_number.as_deref() == Some(pn))
            .and_then(|l| l.rfq_line.clone())
            .unwrap()
    };
    assert_eq!(
        (m("BRK-2208").line.as_str(), m("BRK-2208").reason.as_str()),
        ("10", "part_number")
    );
    assert_eq!(m("ACME-77").reason, "supplier_part");
    assert_eq!(
        (m("SP-12X").line.as_str(), m("SP-12X").reason.as_str()),
        ("40", "description")
    );
    let c = codes(&ex);
    assert!(c.contains(&"rfq.revision_mismatch"), "{c:?}");
    assert!(
        c.contains(&"rfq.breaks_differ"),
        "HSG-0300 quoted 500/1000 for 500: {c:?}"
    );
    assert!(
        c.contains(&"rfq.line_not_quoted"),
        "NUT-9999 has no quote: {c:?}"
    );
    // $48.00 for a pin last bought at $0.48: a per-100 price typed as per unit.
    let flagged = ex
        .diagnostics
        .iter()
        .find(|x| x.code == "price.basis_suspect")
        .unwrap();
    assert_eq!(
        ex.lines[flagged.line_index.unwrap()].part_number.as_deref(),
        Some("ACME-77")
    );
}

#[test]
fn sibling_break_100x_off_is_flagged() {
    let ex = extract(&input("q.txt", "PN-4410: $62.00 @ 1000, $0.55 @ 5000\n"));
    assert!(
        codes(&ex).contains(&"price.basis_suspect"),
        "{:?}",
        codes(&ex)
    );
    assert!(ex.lines[0].confidence < 80);
}

#[test]
fn line_total_mismatch_is_flagged() {
    let csv = "Part Number,Description,Qty,Unit Price,Total\nAB-100,Widget,100,2.50,250.00\nAB-101,Gadget,100,2.50,205.00\n";
    let ex = extract(&input("q.csv", csv));
    let hits: Vec<_> = ex
        .diagnostics
        .iter()
        .filter(|x| x.code == "line.total_mismatch")
        .collect();
    assert_eq!(hits.len(), 1, "{:?}", ex.diagnostics);
    assert_eq!(hits[0].location.as_ref().and_then(|l| l.line), Some(3));
}

#[test]
fn mapping_memory_learns_a_correction() {
    // Headers no rule knows: nothing is mapped, but the layout is offered for correction.
    let csv = "Lieferant: Obscure Parts Ltd\nRef;Bez;Stk;Betrag je\nX-100;Hebel;500;1,25\nX-101;Feder;1000;0,30\n";
    let ex = extract(&input("q.csv", csv));
    assert!(ex.lines.is_empty());
    let layout = ex
        .layouts
        .iter()
        .find(|l| l.source == "unmapped")
        .expect("candidate layout");
    assert_eq!(layout.header, vec!["Ref", "Bez", "Stk", "Betrag je"]);
    // A person maps the columns once…
    let mut memory = MappingMemory::default();
    memory.learn(
        ex.supplier.as_deref(),
        &layout.fingerprint,
        vec![
            Some(ColumnRole::PartNumber),
            Some(ColumnRole::Description),
            Some(ColumnRole::Quantity),
            Some(ColumnRole::UnitPrice),
        ],
    );
    // …it survives serialisation (IndexedDB / database)…
    let memory: MappingMemory =
        serde_json::from_str(&serde_json::to_string(&memory).unwrap()).unwrap();
    // …and the next file of that layout from that supplier maps itself.
    let next = "Lieferant: Obscure Parts Ltd\nRef;Bez;Stk;Betrag je\nX-200;Hebel lang;250;2,10\n";
    let mut i = input("next.csv", next);
    i.memory = Some(memory.clone());
    let ex2 = extract(&i);
    assert_eq!(ex2.lines.len(), 1, "{:?}", ex2.diagnostics);
    assert_eq!(ex2.lines[0].part_number.as_deref(), Some("X-200"));
    assert_eq!(ex2.lines[0].breaks[0].unit_price, d("2.10"));
    assert_eq!(ex2.layouts[0].source, "memory");
    // Another supplier with the same layout is not affected.
    let mut i = input(
        "other.csv",
        &next.replace("Obscure Parts Ltd", "Someone Else GmbH"),
    );
    i.memory = Some(memory);
    assert!(extract(&i).lines.is_empty());
}

#[test]
fn json_contract_shape() {
    let ex = extract(&input(
        "q.txt",
        "BRK-2208 rev B: $0.62/ea @ 2k, $0.55 @ 5k, MOQ 1000, 4-6 wks\nPayment: Net 30\n",
    ));
    let v = serde_json::to_value(&ex).unwrap();
    for k in [
        "supplier",
        "quote_ref",
        "currency",
        "valid_until",
        "validity_days",
        "payment_terms",
        "incoterm",
        "freight",
        "lines",
        "diagnostics",
    ] {
        assert!(v.get(k).is_some(), "header field {k} missing");
    }
    let l = &v["lines"][0];
    for k in [
        "part_number",
        "supplier_part",
        "revision",
        "description",
        "uom",
        "price_basis_qty",
        "breaks",
        "moq",
        "order_multiple",
        "lead_time_days",
        "tooling",
        "no_bid",
        "no_bid_reason",
        "alternate",
        "rfq_line",
        "confidence",
        "provenance",
    ] {
        assert!(l.get(k).is_some(), "line field {k} missing");
    }
    assert_eq!(
        l["breaks"][0]["unit_price"],
        serde_json::json!("0.62"),
        "decimals are JSON strings"
    );
    assert_eq!(l["moq"], serde_json::json!("1000"));
    assert_eq!(l["provenance"]["part_number"]["line"], serde_json::json!(1));
    assert_eq!(
        l["provenance"]["part_number"]["span"],
        serde_json::json!([0, 8])
    );
    // Round trip.
    let back: domain::extract::Extraction = serde_json::from_value(v).unwrap();
    assert_eq!(back, ex);
}

#[test]
fn bad_inputs_give_diagnostics_not_panics() {
    for (name, bytes) in [
        ("empty.csv", b"".to_vec()),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer<<>>\n%%EOF".to_vec()),
        ("broken.xlsx", b"PK\x03\x04garbage".to_vec()),
        ("broken.json", b"{\"a\": [1, 2".to_vec()),
        ("x.eml", b"From: a@b\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=Q\n\n--Q\n".to_vec()),
    ] {
        let ex = extract(&ExtractInput { file_name: name.into(), bytes, rfq: None, memory: None });
        assert!(!ex.diagnostics.is_empty(), "{name}: no diagnostic");
        assert!(ex.diagnostics.iter().all(|x| !x.code.is_empty()));
    }
}

#[test]
fn encodings_utf16_and_windows_1252() {
    let csv = "Part No;Description;Unit Price\nAB-1;Größe M;1,50 €\nAB-2;Maß 2;2,75 €\n";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in csv.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let (cp, _, _) = encoding_rs_like(csv);
    for bytes in [utf16, cp] {
        let ex = extract(&ExtractInput {
            file_name: "q.csv".into(),
            bytes,
            rfq: None,
            memory: None,
        });
        assert_eq!(ex.lines.len(), 2, "{:?}", ex.diagnostics);
        assert_eq!(ex.lines[0].description.as_deref(), Some("Größe M"));
        assert_eq!(ex.lines[1].breaks[0].unit_price, d("2.75"));
        assert_eq!(ex.currency.map(|c| c.code()), Some("EUR"));
    }
}

/// Windows-1252 bytes for a Latin-1-range string (what Excel on Windows writes).
fn encoding_rs_like(s: &str) -> (Vec<u8>, (), ()) {
    let bytes = s
        .chars()
        .map(|c| match c {
            '€' => 0x80,
            c if (c as u32) < 0x100 => c as u32 as u8,
            _ => b'?',
        })
        .collect();
    (bytes, (), ())
}

#[test]
fn cli_report_json_and_exit_code() {
    let good = extract(&input("q.txt", "BRK-2208 rev B: $0.62/ea @ 2k\n"));
    let bad = extract(&ExtractInput {
        file_name: "x.pdf".into(),
        bytes: b"%PDF-1.4 junk".to_vec(),
        rfq: None,
        memory: None,
    });
    let (text, code) = domain::extract::cli_report(std::slice::from_ref(&good), true);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["lines"][0]["part_number"], "BRK-2208");
    let (text, code) = domain::extract::cli_report(&[good, bad], false);
    assert_eq!(code, 1);
    assert!(text.contains("BRK-2208 rev B [2000@0.62]"), "{text}");
    assert!(text.contains("pdf."), "{text}");
}

/// The RFQ JSON documented in docs/extract.md parses, with decimals as strings or numbers.
#[test]
fn rfq_json_format_from_the_docs() {
    let doc = r#"{
      "rfq": "RFQ-2024-017",
      "currency": "USD",
      "lines": [
        { "line": "10", "part_number": "BRK-2208", "revision": "C",
          "description": "Bracket zinc plated", "quantities": ["2000", "5000"],
          "supplier_part": "ACME-77", "uom": "H87", "last_price": "0.48" },
        { "line": "20", "part_number": "HSG-0300", "quantities": [500, 1000], "last_price": 11.5 }
      ]
    }"#;
    let r: RfqSpec = serde_json::from_str(doc).unwrap();
    assert_eq!(r.lines.len(), 2);
    assert_eq!(r.lines[0].quantities, vec![d("2000"), d("5000")]);
    assert_eq!(r.lines[1].quantities, vec![d("500"), d("1000")]);
    assert_eq!(r.lines[1].last_price, Some(d("11.5")));
}

/// Found by `cargo fuzz run extract_pdf`: pdf-extract `expect`s a font resource the page
/// names but does not define. The extractor reports it instead of panicking (natively;
/// see docs/extract.md for wasm).
#[test]
fn regression_fuzz_pdf_font_missing() {
    let bytes = std::fs::read(super::data("regressions/pdf_font_missing_fuzz.pdf")).unwrap();
    let ex = extract(&ExtractInput {
        file_name: "crash.pdf".into(),
        bytes,
        rfq: None,
        memory: None,
    });
    assert!(
        // Reported: an error, or the fallback reader's warning naming the missing font
        // (the rest of the page is still read).
        ex.diagnostics.iter().any(|x| x.code == "pdf.parser_panic"
            || x.severity == domain::extract::Severity::Error
            || (x.code == "pdf.text_fallback"
                && x.message.contains("F2 (named by the page, not defined)"))),
        "{:?}",
        ex.diagnostics
    );
}
