//! Issue 9, class 1: matrix price lists, rows × columns both keys, as CSV, XLSX and plain
//! text (the PDF variants are in `pdf_layouts`): cross-section × number of cores gives
//! one line per priced cell described by both keys, the `3G` count both ways (a cell "auf
//! Anfrage" gives none);
//! type × quantity range gives one line per type with the ranges as breaks.

use super::classes::run_as;
use super::sheets::{run_bytes, xlsx, V};
use domain::extract::Extraction;

/// (description or part, [min qty @ unit price]) per line.
fn lines(ex: &Extraction) -> Vec<(String, String)> {
    ex.lines
        .iter()
        .map(|l| {
            (
                l.part_number
                    .clone()
                    .or_else(|| l.description.clone())
                    .unwrap_or_default(),
                l.breaks
                    .iter()
                    .map(|b| format!("{}@{}", b.min_qty.normalize(), b.unit_price.normalize()))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect()
}

fn want(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn cable_want() -> Vec<(String, String)> {
    want(&[
        ("3x1,5 mm² 3G1,5", "1@0.72"),
        ("4x1,5 mm² 4G1,5", "1@0.91"),
        ("5x1,5 mm² 5G1,5", "1@1.09"),
        ("3x2,5 mm² 3G2,5", "1@1.02"),
        ("4x2,5 mm² 4G2,5", "1@1.31"),
        ("3x4 mm² 3G4", "1@1.57"),
        ("4x4 mm² 4G4", "1@2.03"),
        ("5x4 mm² 5G4", "1@2.47"),
    ])
}

#[test]
fn cross_section_by_cores() {
    let csv = "Kabelwerk Isartal GmbH;;;\nPreisliste PL-2025/3 - Preise in EUR je Meter;;;\n\
               ;Aderzahl;;\nQuerschnitt;3G;4G;5G\n1,5 mm²;0,72;0,91;1,09\n\
               2,5 mm²;1,02;1,31;auf Anfrage\n4 mm²;1,57;2,03;2,47\n;;;\n\
               Zahlung 30 Tage netto.;;;\n";
    let text = "Kabelwerk Isartal GmbH\nPreisliste PL-2025/3 - Preise in EUR je Meter\n\n\
                Querschnitt     3G       4G       5G\n\
                1,5 mm²       0,72     0,91     1,09\n\
                2,5 mm²       1,02     1,31     auf Anfrage\n\
                4 mm²         1,57     2,03     2,47\n\n\
                Zahlung 30 Tage netto.\n";
    let book = xlsx(
        &[
            vec![V::S("Kabelwerk Isartal GmbH")],
            vec![V::S("Preisliste PL-2025/3 - Preise in EUR je Meter")],
            vec![V::E, V::S("Aderzahl"), V::E, V::E],
            vec![V::S("Querschnitt"), V::S("3G"), V::S("4G"), V::S("5G")],
            vec![V::S("1,5 mm²"), V::N(0.72), V::N(0.91), V::N(1.09)],
            vec![V::S("2,5 mm²"), V::N(1.02), V::N(1.31), V::S("auf Anfrage")],
            vec![V::S("4 mm²"), V::N(1.57), V::N(2.03), V::N(2.47)],
            vec![],
            vec![V::S("Zahlung 30 Tage netto.")],
        ],
        &[(2, 1, 2, 3)],
    );
    let mut failures = Vec::new();
    for (name, ex) in [
        ("csv", run_as("liste.csv", csv, None)),
        ("txt", run_as("liste.txt", text, None)),
        ("xlsx", run_bytes("liste.xlsx", book)),
    ] {
        let got = lines(&ex);
        if got != cable_want() {
            failures.push(format!("{name}: {got:?}\n{:#?}", ex.diagnostics));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn type_by_quantity_range() {
    let csv = "Nordic Springs AB,,,\nPrices in EUR,,,\nType,1-99,100-499,500+\n\
               NS-C12,0.84,0.71,0.62\nNS-C16,1.12,0.95,0.83\nNS-T20,1.48,1.26,1.09\n";
    let text = "Nordic Springs AB\nPrices in EUR\n\n\
                Type      1-99    100-499    500+\n\
                NS-C12    0.84    0.71       0.62\n\
                NS-C16    1.12    0.95       0.83\n\
                NS-T20    1.48    1.26       1.09\n";
    let book = xlsx(
        &[
            vec![V::S("Nordic Springs AB")],
            vec![V::S("Prices in EUR")],
            vec![V::S("Type"), V::S("1-99"), V::S("100-499"), V::S("500+")],
            vec![V::S("NS-C12"), V::N(0.84), V::N(0.71), V::N(0.62)],
            vec![V::S("NS-C16"), V::N(1.12), V::N(0.95), V::N(0.83)],
            vec![V::S("NS-T20"), V::N(1.48), V::N(1.26), V::N(1.09)],
        ],
        &[],
    );
    let w = want(&[
        ("NS-C12", "1@0.84 100@0.71 500@0.62"),
        ("NS-C16", "1@1.12 100@0.95 500@0.83"),
        ("NS-T20", "1@1.48 100@1.26 500@1.09"),
    ]);
    let mut failures = Vec::new();
    for (name, ex) in [
        ("csv", run_as("list.csv", csv, None)),
        ("txt", run_as("list.txt", text, None)),
        ("xlsx", run_bytes("list.xlsx", book)),
    ] {
        let got = lines(&ex);
        if got != w {
            failures.push(format!("{name}: {got:?}\n{:#?}", ex.diagnostics));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Issue 9, class 1: generic matrices in spreadsheets, rows × columns both keys, in the
/// shapes sheets are written (typed numbers as column keys, a blank or slashed corner, a
/// title row over the keys, a quantity label beside them, quantities down the side and
/// parts across). Every shape gives one line per part with its breaks.
#[test]
fn generic_sheet_matrices() {
    let parts = |ex: &Extraction| lines(ex);
    let want_parts = want(&[
        ("AB-100", "100@1.2 500@1.1 1000@0.95"),
        ("AB-200", "100@2.4 500@2.2 1000@1.9"),
        ("AB-300", "100@3.6 500@3.3 1000@2.85"),
    ]);
    let body = |first: V<'static>| {
        vec![
            vec![first, V::N(100.0), V::N(500.0), V::N(1000.0)],
            vec![V::S("AB-100"), V::N(1.2), V::N(1.1), V::N(0.95)],
            vec![V::S("AB-200"), V::N(2.4), V::N(2.2), V::N(1.9)],
            vec![V::S("AB-300"), V::N(3.6), V::N(3.3), V::N(2.85)],
        ]
    };
    let title = vec![
        vec![V::S("Acme Stamping Ltd")],
        vec![V::S("Price list 2025, prices in EUR per piece")],
        vec![],
    ];
    let with_title = |rows: Vec<Vec<V<'static>>>| {
        let mut r = title.clone();
        r.extend(rows);
        r
    };
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "blank corner, typed quantities",
            xlsx(&with_title(body(V::E)), &[]),
        ),
        (
            "slashed corner",
            xlsx(&with_title(body(V::S("Part \\ Qty"))), &[]),
        ),
        (
            "corner 'Part No.'",
            xlsx(&with_title(body(V::S("Part No."))), &[]),
        ),
        (
            "corner 'Artikel / Menge'",
            xlsx(&with_title(body(V::S("Artikel / Menge"))), &[]),
        ),
    ];
    {
        let mut rows = with_title(vec![vec![V::E, V::S("Quantity (pcs)"), V::E, V::E]]);
        rows.extend(body(V::E));
        cases.push((
            "title row over the quantities",
            xlsx(&rows, &[(3, 1, 3, 3)]),
        ));
    }
    {
        let mut rows = with_title(vec![vec![
            V::S("Qty →"),
            V::N(100.0),
            V::N(500.0),
            V::N(1000.0),
        ]]);
        rows.extend(body(V::E).into_iter().skip(1));
        cases.push(("quantity label in the corner", xlsx(&rows, &[])));
    }
    {
        // Quantities down the side, parts across.
        let rows = with_title(vec![
            vec![V::S("Qty"), V::S("AB-100"), V::S("AB-200"), V::S("AB-300")],
            vec![V::N(100.0), V::N(1.2), V::N(2.4), V::N(3.6)],
            vec![V::N(500.0), V::N(1.1), V::N(2.2), V::N(3.3)],
            vec![V::N(1000.0), V::N(0.95), V::N(1.9), V::N(2.85)],
        ]);
        cases.push(("quantities down, parts across", xlsx(&rows, &[])));
    }
    {
        let rows = with_title(vec![
            vec![V::E, V::S("100 pcs"), V::S("500 pcs"), V::S("1,000 pcs")],
            vec![
                V::S("AB-100"),
                V::S("€ 1.20"),
                V::S("€ 1.10"),
                V::S("€ 0.95"),
            ],
            vec![
                V::S("AB-200"),
                V::S("€ 2.40"),
                V::S("€ 2.20"),
                V::S("€ 1.90"),
            ],
            vec![
                V::S("AB-300"),
                V::S("€ 3.60"),
                V::S("€ 3.30"),
                V::S("€ 2.85"),
            ],
        ]);
        cases.push(("text quantities and prices", xlsx(&rows, &[])));
    }
    let mut failures = Vec::new();
    for (name, bytes) in cases {
        let ex = run_bytes("matrix.xlsx", bytes);
        let got = parts(&ex);
        if got != want_parts {
            failures.push(format!(
                "{name}: {got:?}\n  {:?}",
                ex.diagnostics
                    .iter()
                    .map(|d| &d.message)
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} shapes wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
