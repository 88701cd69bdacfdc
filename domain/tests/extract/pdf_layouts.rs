//! PDF table layouts as families (issue 9), written by
//! `testdata/pdf_families/make_pdf_layouts.py` with reportlab: a letterhead set right
//! above the table header, price breaks as column heads, wrapped descriptions over three
//! pages, the price basis on the header's other line, matrix price lists, and a price
//! table nothing names. Each document is compared with its truth file (typed from the
//! printed page); the failures of a family are collected so one run shows them all.

use domain::extract::Extraction;
use rust_decimal::Decimal;
use serde_json::Value;

use super::run;

fn dec(v: &Value) -> Option<Decimal> {
    v.as_str().and_then(|s| s.parse::<Decimal>().ok())
}

/// Differences between the extraction and `NAME.truth.json` (lines in order; part
/// number, description when the truth has no part, breaks, quantity, line total, basis).
fn differences(name: &str) -> Vec<String> {
    let ex = run(&format!("pdf_families/{name}.pdf"));
    let path = super::data(&format!("pdf_families/{name}.truth.json"));
    let truth: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let want = truth["lines"].as_array().unwrap();
    let mut out = Vec::new();
    if ex.lines.len() != want.len() {
        out.push(format!(
            "{name}: {} lines, want {}: {:?} {:?}",
            ex.lines.len(),
            want.len(),
            ex.lines
                .iter()
                .map(|l| (l.part_number.clone(), l.description.clone()))
                .collect::<Vec<_>>(),
            ex.diagnostics
                .iter()
                .map(|d| (d.code.clone(), d.message.clone()))
                .collect::<Vec<_>>()
        ));
        return out;
    }
    for (i, (l, t)) in ex.lines.iter().zip(want).enumerate() {
        let mut bad = |what: &str, got: String, want: String| {
            if got != want {
                out.push(format!("{name} line {i} {what}: got {got}, want {want}"));
            }
        };
        match t["part_number"].as_str() {
            Some(p) => {
                bad(
                    "part",
                    l.part_number.clone().unwrap_or_default(),
                    p.to_string(),
                );
                if let Some(d) = t["description"].as_str() {
                    bad(
                        "description",
                        l.description.clone().unwrap_or_default(),
                        d.to_string(),
                    );
                }
            }
            None => {
                // The product named only in a title line (`NYM-J`) may be left out.
                let got = l.description.clone().unwrap_or_default();
                let w = t["description"].as_str().unwrap_or_default().to_string();
                // The matrix's `3G` count printed both ways (`… 3x1,5 mm² 3G1,5`).
                let ok = !got.is_empty()
                    && (got == w || w.ends_with(&format!(" {got}")) || got.starts_with(&w));
                bad("description", if ok { w.clone() } else { got }, w);
            }
        }
        let breaks = |v: Vec<(Decimal, Decimal)>| {
            v.iter()
                .map(|(q, p)| format!("{}@{}", q.normalize(), p.normalize()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        bad(
            "breaks",
            breaks(l.breaks.iter().map(|b| (b.min_qty, b.unit_price)).collect()),
            breaks(
                t["breaks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| (dec(&b[0]).unwrap(), dec(&b[1]).unwrap()))
                    .collect(),
            ),
        );
        let opt = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
        for (key, got) in [
            ("quantity", opt(l.quantity)),
            ("line_total", opt(l.line_total)),
            ("price_basis_qty", opt(Some(l.price_basis_qty))),
        ] {
            if let Some(w) = dec(&t[key]) {
                bad(key, format!("{got:?}"), format!("{:?}", opt(Some(w))));
            }
        }
    }
    out
}

fn family(names: &[&str]) {
    let failures: Vec<String> = names.iter().flat_map(|n| differences(n)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn header_of(ex: &Extraction) -> String {
    ex.layouts
        .iter()
        .map(|l| l.header.join(" | "))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// An address block without digits (a buyer's, a department and contact) set right above
/// the table header at the table's pitch and size: the header stops at it, every line
/// read.
#[test]
fn letterhead_right_above_the_header() {
    let names = [
        "layout_letterhead_a",
        "layout_letterhead_b",
        "layout_letterhead_c",
    ];
    family(&names);
    for n in names {
        let ex = run(&format!("pdf_families/{n}.pdf"));
        let h = header_of(&ex);
        assert!(
            ["Weber", "Einkauf", "Bauer", "Vertrieb", "Maier", "Kunde", "Schmidt"]
                .iter()
                .all(|w| !h.contains(w)),
            "{n}: {h}"
        );
    }
}

/// Break quantities as column heads beside only a part and a description head.
#[test]
fn break_quantities_as_column_heads() {
    family(&[
        "layout_break_heads_a",
        "layout_break_heads_b",
        "layout_break_heads_c",
    ]);
}

/// Descriptions wrapped over two lines, the table over three pages with its header
/// repeated or not, page footers: every line with its whole description.
#[test]
fn wrapped_descriptions_over_pages() {
    family(&["layout_wrapped_pages_a", "layout_wrapped_pages_b"]);
}

/// The price basis printed on the header's other line, above or below the price head
/// (`je 100 St.`, `(EUR/1000)`, `PE 100`); the amount column headed Betrag / Wert /
/// Summe agrees with the price per one unit.
#[test]
fn price_basis_on_the_headers_other_line() {
    family(&[
        "layout_basis_line_a",
        "layout_basis_line_b",
        "layout_basis_line_c",
    ]);
}

/// Matrix price lists: cross-section × number of cores gives one line per cell; type ×
/// quantity range gives one line per type with its breaks.
#[test]
fn matrix_price_lists() {
    family(&["layout_matrix_cable", "layout_matrix_qty"]);
}

/// Rows of prices that nothing names: no line, and a finding that names the page.
#[test]
fn a_price_table_not_read_says_where() {
    let ex = run("pdf_families/layout_unread_table.pdf");
    assert!(ex.lines.is_empty(), "{:?}", ex.lines);
    let d = ex
        .diagnostics
        .iter()
        .find(|d| d.code == "extract.no_lines")
        .expect("no extract.no_lines");
    assert_eq!(
        d.location.as_ref().and_then(|l| l.page),
        Some(2),
        "{:#?}",
        ex.diagnostics
    );
    assert!(d.message.contains("page 2"), "{}", d.message);
}
