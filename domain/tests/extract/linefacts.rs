//! Issue 9, class 5 (facts that belong to lines) as families, in the shared stages:
//!
//! - a labelled block under a part heading: the quantity on a line of its own (`Menge:
//!   500 Stk`), the price on the next (`Preis: 1,23 €`), in six languages and both orders;
//! - discounts: `Rabatt 12,40 %` is no price and no line; a price with a discount beside it
//!   (`€ 0,62 per stuk (korting 12,40 %)`) is the printed price, or the net price when the
//!   document states one — never 0;
//! - lead times in prose, with `ca.` / `approx.` / `circa` / `env.` / `aprox.`, in weeks,
//!   days and working days, in German, Dutch, French, Spanish, Italian and English, as a
//!   sentence under the table (every quoted line's) and as a line under a part heading.

use domain::extract::Extraction;
use rust_decimal::Decimal;
use std::str::FromStr;

use super::classes::run_as;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn breaks_of(ex: &Extraction, li: usize) -> Vec<(Decimal, Decimal)> {
    ex.lines
        .get(li)
        .map(|l| {
            l.breaks
                .iter()
                .map(|b| (b.min_qty.normalize(), b.unit_price.normalize()))
                .collect()
        })
        .unwrap_or_default()
}

/// (language, heading, quantity line, price line, lead line, lead days)
const BLOCKS: &[(&str, &str, &str, &str, &str, u32)] = &[
    (
        "de",
        "Pos. 1  Art.-Nr. 4711-0815  Druckfeder 1,0x8,5x20",
        "Menge: 500 Stk",
        "Preis: 1,23 €",
        "Lieferzeit: ca. 4 Wochen nach Auftragseingang",
        28,
    ),
    (
        "de2",
        "4711-0815 Druckfeder 1,0x8,5x20 DIN 2098",
        "Menge: 500 Stück",
        "Einzelpreis: 1,23 EUR",
        "Lieferzeit ca. 4 Wochen",
        28,
    ),
    (
        "nl",
        "Artikel 4711-0815 Drukveer 1,0x8,5x20",
        "Aantal: 500 st.",
        "Prijs: € 1,23 per stuk",
        "Levertijd: ca. 4 weken na orderbevestiging",
        28,
    ),
    (
        "en",
        "Item 1: 4711-0815 Compression spring 1.0x8.5x20",
        "Qty: 500 pcs",
        "Price: EUR 1.23 each",
        "Lead time: approx. 4 weeks ARO",
        28,
    ),
    (
        "fr",
        "Réf. 4711-0815 Ressort de compression 1,0x8,5x20",
        "Quantité : 500 pièces",
        "Prix : 1,23 €",
        "Délai : env. 4 semaines après commande",
        28,
    ),
    (
        "es",
        "Ref. 4711-0815 Muelle de compresión 1,0x8,5x20",
        "Cantidad: 500 uds",
        "Precio: 1,23 €",
        "Plazo de entrega: aprox. 4 semanas",
        28,
    ),
    (
        "it",
        "Cod. 4711-0815 Molla di compressione 1,0x8,5x20",
        "Quantità: 500 pz",
        "Prezzo: 1,23 €",
        "Consegna: circa 4 settimane dall'ordine",
        28,
    ),
];

#[test]
fn issue9_quantity_and_price_on_lines_of_their_own_under_a_part() {
    let mut bad = Vec::new();
    for (lang, head, qty, price, lead, days) in BLOCKS {
        for order in ["qty-first", "price-first"] {
            let (a, b) = if order == "qty-first" {
                (qty, price)
            } else {
                (price, qty)
            };
            let doc = format!(
                "Angebot / Quote 25-0412\n\n{head}\n{a}\n{b}\n{lead}\n\nMit freundlichen Grüßen\n"
            );
            let ex = run_as("q.txt", &doc, None);
            let lines: Vec<_> = ex.lines.iter().filter(|l| !l.no_bid).collect();
            let got = breaks_of(&ex, 0);
            let want = vec![(d("500"), d("1.23"))];
            if lines.len() != 1 || got != want {
                bad.push(format!(
                    "{lang} {order}: {} lines, breaks {got:?} (want {want:?})",
                    lines.len()
                ));
            }
            if let Some(l) = ex.lines.first() {
                if l.part_number.as_deref() != Some("4711-0815") {
                    bad.push(format!("{lang} {order}: part {:?}", l.part_number));
                }
                if l.lead_time_days != Some(*days) {
                    bad.push(format!(
                        "{lang} {order}: lead {:?} (want {days})",
                        l.lead_time_days
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn issue9_a_discount_is_no_price_and_never_zero() {
    let mut bad = Vec::new();
    // (name, file, document, expected breaks of line 0, lines)
    type Case = (&'static str, &'static str, String, Vec<(Decimal, Decimal)>);
    let cases: Vec<Case> = vec![
        (
            "nl price with korting in brackets",
            "q.txt",
            "Offerte 2025-118\n\nArtikel 7310-002 Pasring 10x16x0,5\nAantal: 10.000 st.\n€ 0,62 per stuk (korting 12,40 %)\n".into(),
            vec![(d("10000"), d("0.62"))],
        ),
        (
            "nl one line with korting",
            "q.txt",
            "Offerte 2025-118\n\n7310-002 Pasring 10x16x0,5: 10.000 st. à € 0,62 per stuk (korting 12,40 %)\n".into(),
            vec![(d("10000"), d("0.62"))],
        ),
        (
            "de Rabatt line under a table",
            "q.txt",
            "Angebot 25-0318\n\nPos  Artikel-Nr.  Bezeichnung              Menge       Preis\n1    7200-114     Distanzbolzen M4x12      5.000 Stk   1,84 €\n2    7200-131     Distanzbolzen M5x20      2.000 Stk   4,12 €\n\nRabatt 12,40 %\n".into(),
            vec![(d("5000"), d("1.84"))],
        ),
        (
            "de Rabatt line under a part with a stated net price",
            "q.txt",
            "Angebot 25-0318\n\n7200-114 Distanzbolzen M4x12\nMenge: 5.000 Stk\nPreis: 1,84 €\nRabatt 12,40 %\nNettopreis: 1,61 €\n".into(),
            vec![(d("5000"), d("1.61"))],
        ),
        (
            "de Rabatt column beside the price",
            "q.csv",
            "Artikel;Bezeichnung;Menge;Preis;Rabatt\n7200-114;Distanzbolzen M4x12;5000;1,84;12,40 %\n7200-131;Distanzbolzen M5x20;2000;4,12;12,40 %\n".into(),
            vec![(d("5000"), d("1.84"))],
        ),
        (
            "nl korting inside a price cell (CSV)",
            "q.csv",
            "Artikelnummer;Omschrijving;Aantal;Prijs\n7310-002;Pasring 10x16x0,5;10000;€ 0,62 per stuk (korting 12,40 %)\n7310-004;Pasring 12x18x0,5;10000;€ 0,71 per stuk (korting 12,40 %)\n".into(),
            vec![(d("10000"), d("0.62"))],
        ),
        (
            "nl korting inside a price cell (HTML)",
            "q.html",
            "<html><body><p>Offerte 2025-118</p><table><tr><th>Artikelnummer</th><th>Omschrijving</th><th>Aantal</th><th>Prijs</th></tr><tr><td>7310-002</td><td>Pasring 10x16x0,5</td><td>10.000</td><td>€ 0,62 per stuk (korting 12,40 %)</td></tr><tr><td>7310-004</td><td>Pasring 12x18x0,5</td><td>10.000</td><td>€ 0,71 per stuk (korting 12,40 %)</td></tr></table></body></html>".into(),
            vec![(d("10000"), d("0.62"))],
        ),
        (
            "de Rabatt beside the price in one cell",
            "q.csv",
            "Artikel;Bezeichnung;Menge;Preis\n7200-114;Distanzbolzen M4x12;5000;1,84 € abzgl. 12,40 % Rabatt\n7200-131;Distanzbolzen M5x20;2000;4,12 € abzgl. 12,40 % Rabatt\n".into(),
            vec![(d("5000"), d("1.84"))],
        ),
        (
            "en discount sentence",
            "q.txt",
            "Quote 25-77\n\nPart      Description     Qty     Unit Price\nBRK-2208  Bracket zinc    2000    $0.62\nBRK-2210  Bracket large   2000    $1.10\n\nDiscount 5 % on orders above $10,000.\n".into(),
            vec![(d("2000"), d("0.62"))],
        ),
    ];
    for (name, file, doc, want) in cases {
        let ex = run_as(file, &doc, None);
        let got = breaks_of(&ex, 0);
        if got != want {
            bad.push(format!("{name}: breaks {got:?}, want {want:?}"));
        }
        for l in &ex.lines {
            if l.breaks.iter().any(|b| b.unit_price <= Decimal::ZERO) {
                bad.push(format!("{name}: a zero price on {:?}", l.part_number));
            }
            let discountish = l
                .description
                .as_deref()
                .or(l.part_number.as_deref())
                .is_some_and(|t| {
                    let t = t.to_lowercase();
                    ["rabatt", "korting", "discount"]
                        .iter()
                        .any(|k| t.contains(k))
                });
            if discountish {
                bad.push(format!("{name}: a discount became a line: {l:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// (phrase, days): prose lead times with an approximation word, in six languages.
const LEADS: &[(&str, u32)] = &[
    ("Lieferzeit ca. 4 Wochen nach Auftragseingang.", 28),
    ("Levertijd ca. 5 weken na orderbevestiging.", 35),
    (
        "Lieferzeit: circa 10 Arbeitstage nach Klärung aller Details.",
        14,
    ),
    ("Levertijd circa 10 werkdagen.", 14),
    (
        "Délai de livraison : env. 3 semaines après réception de commande.",
        21,
    ),
    ("Délai de livraison environ 15 jours ouvrés.", 21),
    ("Plazo de entrega aprox. 20 días hábiles.", 28),
    (
        "Plazo de entrega: aproximadamente 3 semanas desde el pedido.",
        21,
    ),
    ("Tempi di consegna: circa 15 giorni lavorativi.", 21),
    ("Consegna ca. 2 settimane dalla conferma d'ordine.", 14),
    ("Lead time approx. 6 weeks ARO.", 42),
    (
        "Delivery: approximately 30 days after receipt of order.",
        30,
    ),
    ("Lieferzeit ca. 3-4 Wochen.", 28),
];

#[test]
fn issue9_lead_time_prose_with_approximations_in_six_languages() {
    let mut bad = Vec::new();
    for (phrase, days) in LEADS {
        for (file, table) in [
            (
                "q.txt",
                "Part      Description     Qty     Price\nBRK-2208  Bracket zinc    2000    0,62 €\nBRK-2210  Bracket large   2000    1,10 €\n",
            ),
            (
                "q.csv",
                "Part;Description;Qty;Price\nBRK-2208;Bracket zinc;2000;0,62\nBRK-2210;Bracket large;2000;1,10\n",
            ),
        ] {
            let doc = format!("Quote 25-0412\nEUR\n\n{table}\n{phrase}\n");
            let ex = run_as(file, &doc, None);
            if ex.lines.len() != 2 {
                bad.push(format!("{phrase} [{file}]: {} lines", ex.lines.len()));
            }
            for l in &ex.lines {
                if l.lead_time_days != Some(*days) {
                    bad.push(format!(
                        "{phrase} [{file}]: {:?} lead {:?}, want {days}",
                        l.part_number, l.lead_time_days
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
