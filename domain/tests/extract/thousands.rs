//! Issue 9: quantities are whole counts. `5.000 Stk`, `ab 1.000`, `od 5.000 szt.` is five
//! thousand / one thousand in every decimal style (a `.` or `,` followed by exactly three
//! digits in a quantity context), in de/nl/pl/es/it/fr wording, plain text and CSV. A measure
//! (`2,5 m`, `1.5 kg`) keeps its decimals. Every expectation is written by hand.

use super::classes::run_as;
use domain::extract::Extraction;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// (part number, [(min_qty, unit_price)]) of every line.
fn summary(ex: &Extraction) -> Vec<(String, Vec<(Decimal, Decimal)>)> {
    ex.lines
        .iter()
        .map(|l| {
            (
                l.part_number.clone().unwrap_or_default(),
                l.breaks
                    .iter()
                    .map(|b| (b.min_qty.normalize(), b.unit_price.normalize()))
                    .collect(),
            )
        })
        .collect()
}

fn want(rows: &[(&str, &[(&str, &str)])]) -> Vec<(String, Vec<(Decimal, Decimal)>)> {
    rows.iter()
        .map(|(p, bs)| {
            (
                p.to_string(),
                bs.iter()
                    .map(|(q, u)| (d(q).normalize(), d(u).normalize()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn grouped_counts_are_thousands_in_every_language() {
    // (name, file, document, expected lines)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        &'static [(&'static str, &'static [(&'static str, &'static str)])],
    );
    let cases: &[Case] = &[
        (
            "de break rows under the article",
            "q.txt",
            "Artikel 7200-114 Distanzbolzen M4\n  ab 1.000 Stk   0,184 EUR\n  ab 5.000 Stk   0,159 EUR\n",
            &[("7200-114", &[("1000", "0.184"), ("5000", "0.159")])],
        ),
        (
            "de quantity before the price",
            "q.txt",
            "Angebot 2025-118\n\n7200-114 Distanzbolzen M4  5.000 Stk  0,159 EUR\n7200-131 Distanzbolzen M5  2.000 Stk  0,377 EUR\n",
            &[
                ("7200-114", &[("5000", "0.159")]),
                ("7200-131", &[("2000", "0.377")]),
            ],
        ),
        (
            "nl vanaf stuks",
            "q.txt",
            "Artikel NL-100 Ring M6\n  vanaf 1.000 stuks  0,184 EUR\n  vanaf 5.000 stuks  0,159 EUR\n",
            &[("NL-100", &[("1000", "0.184"), ("5000", "0.159")])],
        ),
        (
            "pl od szt.",
            "q.txt",
            "Indeks PL-100 Podkładka M6\n  od 1.000 szt.  0,180 zł\n  od 5.000 szt.  0,150 zł\n",
            &[("PL-100", &[("1000", "0.18"), ("5000", "0.15")])],
        ),
        (
            "es desde uds",
            "q.txt",
            "Referencia ES-100 Arandela M6\n  desde 1.000 uds  0,184 EUR\n  desde 5.000 uds  0,159 EUR\n",
            &[("ES-100", &[("1000", "0.184"), ("5000", "0.159")])],
        ),
        (
            "it pz before the price",
            "q.txt",
            "Offerta 2025-07\n\nIT-100 Rondella M6  5.000 pz  0,159 EUR\nIT-200 Rondella M8  1.000 pz  0,412 EUR\n",
            &[
                ("IT-100", &[("5000", "0.159")]),
                ("IT-200", &[("1000", "0.412")]),
            ],
        ),
        (
            "fr pièces before the price",
            "q.txt",
            "Offre 2025-07\n\nFR-100 Rondelle M6  5.000 pièces  0,159 EUR\nFR-200 Rondelle M8  1.000 pièces  0,412 EUR\n",
            &[
                ("FR-100", &[("5000", "0.159")]),
                ("FR-200", &[("1000", "0.412")]),
            ],
        ),
        (
            "de csv Menge column",
            "q.csv",
            "Artikel;Bezeichnung;Menge;Preis\n7200-114;Distanzbolzen M4;5.000;0,184\n7200-131;Distanzbolzen M5;1.000;0,412\n",
            &[
                ("7200-114", &[("5000", "0.184")]),
                ("7200-131", &[("1000", "0.412")]),
            ],
        ),
        (
            "pl csv Ilość column with szt.",
            "q.csv",
            "Indeks;Nazwa;Ilość;Cena\nPL-100;Podkładka M6;5.000 szt.;0,180\nPL-200;Podkładka M8;1.000 szt.;0,410\n",
            &[
                ("PL-100", &[("5000", "0.18")]),
                ("PL-200", &[("1000", "0.41")]),
            ],
        ),
    ];
    let mut bad = Vec::new();
    for (name, file, doc, expect) in cases {
        let ex = run_as(file, doc, None);
        let got = summary(&ex);
        if got != want(expect) {
            bad.push(format!("{name}: want {:?}\n  got {got:?}", want(expect)));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} cases:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

#[test]
fn measures_keep_their_decimals() {
    // 2,5 m of cable at 4,10 EUR/m: the quantity is two and a half metres, not 25 or 2500.
    let ex = run_as(
        "q.txt",
        "Angebot 2025-120\n\nK-10 Kabel NYM 3x1,5  2,5 m  4,10 EUR\n",
        None,
    );
    assert_eq!(ex.lines.len(), 1, "{ex:#?}");
    assert_eq!(
        ex.lines[0].breaks[0].min_qty.normalize(),
        d("2.5"),
        "{ex:#?}"
    );
    // 1.5 kg at 12.40 USD in a dot document.
    let ex = run_as(
        "q.txt",
        "Quotation 2025-121\n\nG-20 Grease tin  1.5 kg  12.40 USD\n",
        None,
    );
    assert_eq!(ex.lines.len(), 1, "{ex:#?}");
    assert_eq!(
        ex.lines[0].breaks[0].min_qty.normalize(),
        d("1.5"),
        "{ex:#?}"
    );
    // A decimal with fewer or more than three digits, or a leading zero, is no thousand.
    use domain::extract::number::{parse_quantity, DecimalStyle};
    for style in [
        DecimalStyle::Unknown,
        DecimalStyle::Dot,
        DecimalStyle::Comma,
    ] {
        assert_eq!(
            parse_quantity("5.000 Stk", style),
            Some(d("5000")),
            "{style:?}"
        );
        assert_eq!(
            parse_quantity("12,500 szt.", style),
            Some(d("12500")),
            "{style:?}"
        );
        assert_eq!(
            parse_quantity("0,500", style).map(|x| x.normalize()),
            Some(d("0.5"))
        );
    }
    assert_eq!(parse_quantity("2,5", DecimalStyle::Comma), Some(d("2.5")));
    assert_eq!(parse_quantity("1.5", DecimalStyle::Dot), Some(d("1.5")));
    assert_eq!(
        parse_quantity("1,2345", DecimalStyle::Unknown),
        Some(d("1.2345"))
    );
}
