//! Issue 9, class 2: a price 100× or 1000× off, caught from numbers the document itself
//! prints, whatever the reader (text, CSV, XLSX written here). Every expectation is
//! worked by hand in the comment beside it.
//! - quantity × unit price against the line's printed amount;
//! - the line amounts against the printed document total;
//! - a price whose decimal mark disagrees with the document's other prices.

use super::classes::run_as;
use super::sheets::{run_bytes, xlsx, V};
use domain::extract::Extraction;
use rust_decimal::Decimal;
use std::str::FromStr;

fn price(ex: &Extraction, li: usize) -> Decimal {
    ex.lines[li].breaks[0].unit_price
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Whether line `li` carries a diagnostic with `code`.
fn flagged(ex: &Extraction, li: usize, code: &str) -> bool {
    ex.diagnostics
        .iter()
        .any(|g| g.code == code && g.line_index == Some(li))
}

#[test]
fn prose_line_total_sets_the_basis() {
    // 5000 × 4.15 = 20 750 = 207.50 × 100: the price is per 100, 0.0415 each.
    // 2000 × 0.62 = 1240.00: per 1, unchanged.
    let txt = "Quotation Q-881\nCurrency: USD\n\n\
               1. A-100 Washer M6 - 5000 pcs @ 4.15 USD. Line total: 207.50\n\
               2. A-200 Washer M8 - 2000 pcs @ 0.62 USD. Line total: 1240.00\n";
    let ex = run_as("q.txt", txt, None);
    assert_eq!(ex.lines.len(), 2, "{ex:#?}");
    assert_eq!(price(&ex, 0), d("0.0415"));
    assert_eq!(ex.lines[0].price_basis_qty, d("100"));
    assert!(
        flagged(&ex, 0, "price.basis_from_total"),
        "{:#?}",
        ex.diagnostics
    );
    assert_eq!(price(&ex, 1), d("0.62"));
    assert_eq!(ex.lines[1].price_basis_qty, Decimal::ONE);
    assert!(!ex
        .diagnostics
        .iter()
        .any(|g| g.code == "price.basis_suspect"));
}

#[test]
fn prose_line_total_per_1000_and_too_small() {
    // 10000 × 41.50 = 415 000 = 415.00 × 1000: per 1000, 0.0415 each.
    let txt = "Quotation Q-882\nCurrency: USD\n\n\
               1. A-100 Washer M6 - 10000 pcs @ 41.50 USD. Line total: 415.00\n";
    let ex = run_as("q.txt", txt, None);
    assert_eq!(price(&ex, 0), d("0.0415"));
    assert_eq!(ex.lines[0].price_basis_qty, d("1000"));
    // 5000 × 0.0415 = 207.50, the printed amount 20 750.00 is 100× that: the price is
    // not changed (nothing says how), but flagged and below 80.
    let txt = "Quotation Q-883\nCurrency: USD\n\n\
               1. A-100 Washer M6 - 5000 pcs @ 0.0415 USD. Line total: 20750.00\n";
    let ex = run_as("q.txt", txt, None);
    assert_eq!(price(&ex, 0), d("0.0415"));
    assert!(
        flagged(&ex, 0, "price.basis_suspect"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(ex.lines[0].confidence < 80);
}

#[test]
fn document_total_names_the_line_per_100() {
    // No line amounts. 5000 × 4.15 + 2000 × 0.62 = 20 750 + 1 240 = 21 990, but the
    // total is 1 447.50 = 20 750 / 100 + 1 240: only A-100 read per 100 agrees.
    let txt = "Quotation Q-881\nCurrency: USD\n\n\
               Item   Part    Description   Qty    Unit Price\n\
               1      A-100   Washer M6     5000   4.15\n\
               2      A-200   Washer M8     2000   0.62\n\n\
               Total: 1,447.50\n";
    let ex = run_as("q.txt", txt, None);
    assert_eq!(ex.lines.len(), 2, "{ex:#?}");
    assert_eq!(price(&ex, 0), d("0.0415"));
    assert_eq!(ex.lines[0].price_basis_qty, d("100"));
    assert!(flagged(&ex, 0, "price.basis_from_total"));
    assert_eq!(price(&ex, 1), d("0.62"));
    // The same table whose total agrees (20 750 + 1 240 = 21 990): nothing changes.
    let ok = txt.replace("Total: 1,447.50", "Total: 21,990.00");
    let ex = run_as("q.txt", &ok, None);
    assert_eq!(price(&ex, 0), d("4.15"));
    assert_eq!(ex.lines[0].price_basis_qty, Decimal::ONE);
    assert!(!ex
        .diagnostics
        .iter()
        .any(|g| g.code.starts_with("price.basis")));
}

#[test]
fn xlsx_amount_near_100x_is_flagged_not_applied() {
    // 5000 × 4.15 = 20 750; the amount 210.00 is ~98.8× less, not exactly 100×: the
    // basis is not applied, the line is flagged and below 80.
    let book = xlsx(
        &[
            vec![
                V::S("Part No"),
                V::S("Description"),
                V::S("Qty"),
                V::S("Unit Price"),
                V::S("Amount"),
            ],
            vec![
                V::S("A-100"),
                V::S("Washer M6"),
                V::N(5000.0),
                V::N(4.15),
                V::N(210.0),
            ],
            vec![
                V::S("A-200"),
                V::S("Washer M8"),
                V::N(2000.0),
                V::N(0.62),
                V::N(1240.0),
            ],
        ],
        &[],
    );
    let ex = run_bytes("q.xlsx", book);
    assert_eq!(ex.lines.len(), 2, "{ex:#?}");
    assert_eq!(price(&ex, 0), d("4.15"));
    assert!(
        flagged(&ex, 0, "price.basis_suspect"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(ex.lines[0].confidence < 80);
    assert_eq!(price(&ex, 1), d("0.62"));
    assert!(!flagged(&ex, 1, "price.basis_suspect"));
    assert!(ex.lines[1].confidence >= 80, "{:?}", ex.lines[1]);
}

#[test]
fn decimal_mark_disagreeing_with_the_document_is_flagged() {
    // `0,045` and `3,20` use a comma as the decimal mark, so `1,250` read as 1250 may be
    // 1.25: flagged, below 80.
    let csv = "Part,Description,Qty,Unit Price\nA-100,Screw M3,5000,\"0,045\"\n\
               A-200,Bracket,200,\"3,20\"\nA-300,Washer,10000,\"1,250\"\n";
    let ex = run_as("q.csv", csv, None);
    assert_eq!(ex.lines.len(), 3, "{ex:#?}");
    assert_eq!(price(&ex, 2), d("1250"));
    assert!(
        flagged(&ex, 2, "price.basis_suspect"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(ex.lines[2].confidence < 80);
    assert!(!flagged(&ex, 0, "price.basis_suspect"));
    assert!(!flagged(&ex, 1, "price.basis_suspect"));
    // Semicolons, the German way: `1.250` read as 1.25 beside `0,045` may be 1250.
    let csv = "Teil;Bezeichnung;Menge;Preis\nA-100;Schraube M3;5000;0,045\n\
               A-200;Winkel;200;1.250\nA-300;Scheibe;10000;0,012\n";
    let ex = run_as("q.csv", csv, None);
    assert_eq!(price(&ex, 1), d("1.25"));
    assert!(
        flagged(&ex, 1, "price.basis_suspect"),
        "{:#?}",
        ex.diagnostics
    );
    assert!(!flagged(&ex, 0, "price.basis_suspect"));
    // Only ambiguous prices, nothing to disagree with: no flag.
    let csv = "Part,Description,Qty,Unit Price\nA-100,Screw M3,5000,\"1,250\"\n\
               A-200,Bracket,200,\"1,500\"\n";
    let ex = run_as("q.csv", csv, None);
    assert_eq!(price(&ex, 0), d("1250"));
    assert!(!ex
        .diagnostics
        .iter()
        .any(|g| g.code == "price.basis_suspect"));
}

#[test]
fn unit_counting_hundreds_beside_pieces_is_flagged() {
    // A unit column read as units (the T3 row keeps it from being a basis column): CEN
    // (hundred), MIL and T3 (thousand) rows beside an EA row. Their prices are per 100 /
    // per 1000 of the EA row's: flagged and below 80; the EA row is not.
    let csv = "Part,Description,Qty,UoM,Price\nA-100,Screw M3,5000,CEN,4.50\n\
               A-200,Bracket,200,EA,3.20\nA-300,Washer,10000,MIL,12.00\n\
               A-400,Nut,10000,T3,9.00\n";
    let ex = run_as("q.csv", csv, None);
    assert_eq!(ex.lines.len(), 4, "{ex:#?}");
    assert_eq!(ex.lines[0].uom.as_deref(), Some("CEN"));
    assert_eq!(price(&ex, 0), d("4.50"));
    for li in [0, 2, 3] {
        assert!(
            flagged(&ex, li, "price.basis_suspect"),
            "{li}: {:#?}",
            ex.diagnostics
        );
        assert!(ex.lines[li].confidence < 80);
    }
    assert!(!flagged(&ex, 1, "price.basis_suspect"));
    // Every row in hundreds: nothing differs, nothing flagged.
    let csv = "Part,Description,Qty,UoM,Price\nA-100,Screw M3,5000,CEN,4.50\n\
               A-300,Washer,10000,CEN,12.00\n";
    let ex = run_as("q.csv", csv, None);
    assert!(!ex
        .diagnostics
        .iter()
        .any(|g| g.code == "price.basis_suspect"));
}

/// Fixed (the unit price per one) or flagged below 80: what every case of the 100× /
/// 1000× family must end as.
fn fixed_or_flagged(ex: &Extraction, li: usize, per_one: &str) -> Result<(), String> {
    let l = &ex.lines[li];
    if price(ex, li) == d(per_one) {
        return Ok(());
    }
    if flagged(ex, li, "price.basis_suspect") && l.confidence < 80 {
        return Ok(());
    }
    Err(format!(
        "line {li}: price {} (conf {}), per one {per_one}, not flagged: {:?}",
        price(ex, li),
        l.confidence,
        ex.diagnostics
            .iter()
            .map(|g| (g.code.as_str(), g.line_index))
            .collect::<Vec<_>>()
    ))
}

#[test]
fn amount_columns_in_german_words_show_the_basis() {
    // 5000 × 4.15 = 20 750 = 207.50 × 100: the amount column, headed Summe / Wert /
    // Gesamtwert / Positionswert, shows the price is per 100 (0.0415 each); the second
    // line (2000 × 0.62 = 1 240.00) is per one.
    let mut failures = Vec::new();
    for head in [
        "Summe",
        "Wert",
        "Gesamtwert EUR",
        "Positionswert",
        "Warenwert",
    ] {
        let csv = format!(
            "Art.-Nr.;Bezeichnung;Menge;Preis EUR;{head}\n\
             A-100;Scheibe M6;5.000;4,15;207,50\nA-200;Scheibe M8;2.000;0,62;1.240,00\n"
        );
        let ex = run_as("angebot.csv", &csv, None);
        if ex.lines.len() != 2 {
            failures.push(format!("{head}: {} lines", ex.lines.len()));
            continue;
        }
        for (li, want) in [(0, "0.0415"), (1, "0.62")] {
            if let Err(e) = fixed_or_flagged(&ex, li, want) {
                failures.push(format!("{head}: {e}"));
            }
        }
        if ex.lines[1].line_total != Some(d("1240")) {
            failures.push(format!("{head}: amount not read: {:?}", ex.lines[1]));
        }
    }
    // The same in a workbook, numbers typed.
    for head in ["Summe", "Wert"] {
        let book = xlsx(
            &[
                vec![
                    V::S("Art.-Nr."),
                    V::S("Bezeichnung"),
                    V::S("Menge"),
                    V::S("Preis"),
                    V::S(head),
                ],
                vec![
                    V::S("A-100"),
                    V::S("Scheibe M6"),
                    V::N(10000.0),
                    V::N(41.5),
                    V::N(415.0),
                ],
                vec![
                    V::S("A-200"),
                    V::S("Scheibe M8"),
                    V::N(2000.0),
                    V::N(0.62),
                    V::N(1240.0),
                ],
            ],
            &[],
        );
        let ex = run_bytes("angebot.xlsx", book);
        if ex.lines.len() != 2 {
            failures.push(format!("xlsx {head}: {} lines", ex.lines.len()));
            continue;
        }
        for (li, want) in [(0, "0.0415"), (1, "0.62")] {
            if let Err(e) = fixed_or_flagged(&ex, li, want) {
                failures.push(format!("xlsx {head}: {e}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
