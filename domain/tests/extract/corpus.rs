//! The real files of `../shared/corpus` (copied into `testdata/corpus`, see its NOTICE).

use std::str::FromStr;

use domain::extract::{extract_pdf_text, Format};
use rust_decimal::Decimal;
use serde_json::Value;

use super::{data, run};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The PDF text layer must give the same lines as the embedded e-invoice XML:
/// description, quantity and unit price per ONE unit, in order.
#[test]
fn zugferd_text_lines_match_embedded_xml() {
    let mut compared = 0;
    for name in [
        "EN16931_Einfach",
        "EN16931_Rabatte",
        "MustangGnuaccountingBeispielRE-20201121_508",
        "python-factur-x",
    ] {
        let rel = format!("corpus/invoices/zugferd/{name}.pdf");
        let xml = run(&rel);
        assert!(
            xml.diagnostics.iter().any(|x| x.code == "pdf.embedded_xml"),
            "{name}: XML not read"
        );
        let bytes = std::fs::read(data(&rel)).unwrap();
        let text = extract_pdf_text(name, &bytes);
        assert_eq!(
            text.lines.len(),
            xml.lines.len(),
            "{name}: line count, text {:#?}",
            text.lines
        );
        for (t, x) in text.lines.iter().zip(&xml.lines) {
            let xd = x.description.as_deref().unwrap_or("");
            let td = t.description.as_deref().unwrap_or("");
            let first_word = xd.split_whitespace().next().unwrap_or("");
            assert!(
                td.contains(first_word),
                "{name}: description '{td}' vs XML '{xd}'"
            );
            assert_eq!(
                t.quantity.map(|q| q.normalize()),
                x.quantity.map(|q| q.normalize()),
                "{name} {xd}: quantity"
            );
            assert_eq!(
                t.breaks.first().map(|b| b.unit_price.normalize()),
                x.breaks.first().map(|b| b.unit_price.normalize()),
                "{name} {xd}: unit price"
            );
            compared += 1;
        }
        assert_eq!(text.currency, xml.currency, "{name}: currency");
    }
    assert_eq!(compared, 12);
}

/// The XML reader against the XML files themselves: totals, currency, basis quantity.
#[test]
fn cii_xml_header_and_lines() {
    let ex = run("corpus/invoices/zugferd/embedded_xml/EN16931_Einfach.xml");
    assert_eq!(ex.format, Format::CiiXml);
    assert_eq!(ex.quote_ref.as_deref(), Some("471102"));
    assert_eq!(ex.total, Some(d("529.87")));
    let p = ex.payment_terms.unwrap();
    assert_eq!(
        (p.net_days, p.discount_pct, p.discount_days),
        (Some(30), Some(d("3")), Some(10))
    );
    let ex = run("corpus/invoices/zugferd/embedded_xml/EN16931_Rabatte.xml");
    // 10.00 for 3 m² is 3.3333 per m² (net price given per basis quantity).
    let kr = ex
        .lines
        .iter()
        .find(|l| l.supplier_part.as_deref() == Some("KR3M"))
        .unwrap();
    assert_eq!(kr.uom.as_deref(), Some("MTK"));
    assert_eq!(ex.lines.len(), 4);
}

/// The Hetzner invoice (no XML): four-decimal prices with comma decimals.
#[test]
fn hetzner_four_decimal_prices() {
    let ex = run("corpus/invoices/zugferd/RE-E-974-Hetzner_2016-01-19_R0005532486.pdf");
    assert_eq!(ex.currency.map(|c| c.code()), Some("EUR"));
    assert_eq!(ex.quote_ref.as_deref(), Some("R0005532486"));
    assert!(ex.lines.len() >= 4, "{:#?}", ex.lines);
    assert_eq!(ex.lines[0].breaks[0].unit_price, d("41.1765"));
    assert!(
        ex.lines
            .iter()
            .filter(|l| l.breaks.first().map(|b| b.unit_price) == Some(d("0.8403")))
            .count()
            >= 3
    );
}

/// KiCost priced BOM CSVs: per-distributor offers from the column groups.
#[test]
fn kicost_bom_csv_offers() {
    let ex = run("corpus/distributor/bom_outputs/mouser_1.csv");
    assert_eq!(ex.format, Format::Delimited);
    let m = ex
        .lines
        .iter()
        .find(|l| l.supplier_part.as_deref() == Some("710-696101000002"))
        .unwrap();
    assert_eq!(m.offer_from.as_deref(), Some("Mouser"));
    assert_eq!(m.part_number.as_deref(), Some("696101000002"));
    assert_eq!(m.breaks[0].unit_price, d("0.531"));
    assert_eq!(m.quantity, Some(d("100")));
    assert_eq!(m.line_total, Some(d("53.1")));
    // A distributor without an offer for a part yields no line for it.
    assert!(!ex
        .lines
        .iter()
        .any(|l| l.offer_from.as_deref() == Some("Mouser")
            && l.part_number.as_deref() == Some("695120004001")));
    let ex = run("corpus/distributor/bom_outputs/acquire_PWM_eur_dk.csv");
    assert!(ex.lines.len() >= 40, "{}", ex.lines.len());
    assert!(ex
        .lines
        .iter()
        .all(|l| l.offer_from.as_deref() == Some("Digi-Key")));
    assert_eq!(ex.total, Some(d("62392.941")));
    for name in ["element14_1", "octopart_1n", "nexar_2", "part_list_small"] {
        let ex = run(&format!("corpus/distributor/bom_outputs/{name}.csv"));
        assert!(
            !ex.diagnostics
                .iter()
                .any(|x| x.severity == domain::extract::Severity::Error),
            "{name}: {:?}",
            ex.diagnostics
        );
    }
}

/// KiCost spreadsheets: breaks only inside LOOKUP formulas without cached values.
#[test]
fn kicost_xlsx_formula_breaks() {
    for name in ["kicost_test", "kicost_test2", "kicost_test3"] {
        let ex = run(&format!("corpus/distributor/xlsx/{name}.xlsx"));
        assert_eq!(ex.format, Format::Spreadsheet);
        assert!(
            ex.diagnostics
                .iter()
                .any(|x| x.code == "sheet.formulas_without_values"),
            "{name}: formulas not reported"
        );
        assert!(
            ex.lines.iter().any(|l| l.breaks.len() >= 3),
            "{name}: no breaks read from formulas"
        );
    }
    let ex = run("corpus/distributor/xlsx/kicost_test.xlsx");
    let l = ex
        .lines
        .iter()
        .find(|l| l.supplier_part.as_deref() == Some("311-43.2KHRCT-ND"))
        .unwrap();
    assert_eq!(l.part_number.as_deref(), Some("RC0603FR-0743K2L"));
    assert_eq!(l.breaks[0].min_qty, d("1"));
    assert_eq!(l.breaks[0].unit_price, d("0.1"));
    assert_eq!(l.breaks[1].unit_price, d("0.013"));
    let cell = l.provenance.get("breaks[0].unit_price").unwrap();
    assert_eq!(
        (cell.sheet.as_deref(), cell.cell.as_deref()),
        (Some("test"), Some("L8"))
    );
}

/// Distributor API JSON: price breaks, MOQ, multiples, lead time "178 Days", currencies.
#[test]
fn distributor_api_json() {
    let ex = run("corpus/distributor/distributor_api_json/mouser_mou_530-5MF6-R.json");
    assert_eq!(ex.format, Format::Json);
    let l = &ex.lines[0];
    assert_eq!(l.part_number.as_deref(), Some("5MF 6-R"));
    assert_eq!(l.supplier_part.as_deref(), Some("530-5MF6-R"));
    assert_eq!(l.lead_time_days, Some(178));
    assert_eq!(l.moq, Some(d("1")));
    assert_eq!(
        l.breaks[0],
        domain::extract::PriceBreak {
            min_qty: d("1"),
            unit_price: d("0.25")
        }
    );
    assert_eq!(ex.currency.map(|c| c.code()), Some("USD"));
    let ex = run("corpus/distributor/distributor_api_json/nexar_mpn_Kemet_C0603C103K5RACTU.json");
    let rs = ex
        .lines
        .iter()
        .find(|l| l.offer_from.as_deref() == Some("RS Components"))
        .unwrap();
    assert_eq!((rs.moq, rs.order_multiple), (Some(d("25")), Some(d("25"))));
    assert_eq!(
        rs.breaks[0],
        domain::extract::PriceBreak {
            min_qty: d("25"),
            unit_price: d("0.133")
        }
    );
    let ex = run("corpus/distributor/distributor_api_json/tme_data_AP3211KTR-G1_US_en_USD.json");
    assert_eq!(ex.lines[0].breaks.len(), 5);
    assert_eq!(ex.lines[0].moq, Some(d("3")));
    // Every corpus JSON reads without an error and with at least one priced line.
    for e in std::fs::read_dir(data("corpus/distributor/distributor_api_json")).unwrap() {
        let p = e.unwrap().path();
        let rel = format!(
            "corpus/distributor/distributor_api_json/{}",
            p.file_name().unwrap().to_string_lossy()
        );
        let ex = run(&rel);
        assert!(
            !ex.diagnostics
                .iter()
                .any(|x| x.severity == domain::extract::Severity::Error),
            "{rel}"
        );
        assert!(
            ex.lines.iter().any(|l| !l.breaks.is_empty()) || rel.contains("kitspace"),
            "{rel}: no priced line"
        );
    }
}

/// BOM exports: Digi-Key (lead time "22 Weeks"), Kitspace 1-click BOM (TSV), KiCad fab BOM.
#[test]
fn bom_exports() {
    let ex = run("corpus/bom/tomu_bom-digikey.csv");
    let l = ex
        .lines
        .iter()
        .find(|l| l.supplier_part.as_deref() == Some("311-15LRCT-ND"))
        .unwrap();
    assert_eq!(l.part_number.as_deref(), Some("RC0402FR-0715RL"));
    assert_eq!(l.lead_time_days, Some(154));
    assert_eq!(l.quantity, Some(d("2")));
    assert!(
        l.alternate.is_none(),
        "'Alternate Packaging Exists' is not an alternate offer"
    );
    let ex = run("corpus/bom/tomu_1-click-bom.tsv");
    assert_eq!(ex.format, Format::Delimited);
    let u1 = ex
        .lines
        .iter()
        .find(|l| l.part_number.as_deref() == Some("EFM32HG309F64G-B-QFN24"))
        .unwrap();
    assert_eq!(u1.quantity, Some(d("1")));
    let ex = run("corpus/bom/tomu_v0.4.6_fab-bom.csv");
    assert_eq!(ex.format, Format::Delimited);
    assert!(!ex
        .diagnostics
        .iter()
        .any(|x| x.severity == domain::extract::Severity::Error));
}

/// invoice2data expected fields that apply to quotes: currency, date, total, lines.
/// Scored over all twelve PDFs; floors set from the measured figures.
#[test]
fn invoice2data_expected_fields() {
    let dir = data("corpus/invoices/invoice2data/expected");
    let (mut hit, mut total) = (0u32, 0u32);
    let mut report = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = format!("corpus/invoices/invoice2data/{stem}.pdf");
        if !data(&pdf).exists() {
            continue;
        }
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let exp = &exp[0];
        let ex = run(&pdf);
        let mut check = |field: &str, ok: bool| {
            total += 1;
            if ok {
                hit += 1;
            }
            report.push(format!(
                "{stem}.{field}: {}",
                if ok { "ok" } else { "MISS" }
            ));
        };
        if let Some(c) = exp["currency"].as_str() {
            check("currency", ex.currency.map(|x| x.code()) == Some(c));
        }
        if let Some(dt) = exp["date"].as_str() {
            check("date", ex.quote_date.as_deref() == Some(&dt[..10]));
        }
        if let Some(a) = exp["amount"].as_f64() {
            let want = Decimal::from_str(&format!("{a:.2}")).unwrap();
            check("total", ex.total.map(|t| t.round_dp(2)) == Some(want));
        }
        if let Some(lines) = exp["lines"].as_array() {
            let priced = lines
                .iter()
                .filter(|l| l.get("price_unit").or(l.get("price")).is_some())
                .count();
            if priced > 0 {
                check(
                    "lines",
                    ex.lines.iter().filter(|l| !l.breaks.is_empty()).count() >= priced,
                );
            }
        }
    }
    println!(
        "invoice2data: {hit}/{total} fields\n  {}",
        report.join("\n  ")
    );
    assert!(total >= 20, "too few expected fields compared: {total}");
    assert!(
        hit * 100 >= total * 60,
        "invoice2data hit rate {hit}/{total} below the 60% floor"
    );
}
