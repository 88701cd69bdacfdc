//! Issue 9, "no silent wrong price", as one family: wherever a unit price could be per
//! 100 / per 1000 and nothing in the document binds the basis, the price is either read
//! right (the basis bound by a cell, a column, a number format) or flagged
//! `price.basis_suspect` with a confidence below 80. Generated variants: CSV, plain text,
//! PDF-like text (page furniture around an aligned table) and XLSX; English, German,
//! Dutch, French, Spanish and Italian wording. Every document's items are priced per 1000
//! (the generator's truth), so a price read per 1 is wrong and must carry the flag.
//!
//! The shapes:
//! - `Mixed`: one row's price cell says `/1000`, the others are bare, and a remark says
//!   the prices are invoiced per 1000 pieces (the remark used to be ignored as soon as any
//!   line took a basis of its own);
//! - `BasisColumn`: a price-unit column whose values say "thousand" in a way the basis
//!   parser did not know (`Tsd.`, `KPCS`, `1 Tsd`) or not at all (`VPE`);
//! - `NumberFormat` (XLSX only): the price cells are numbers whose number format shows the
//!   basis (`0.00 "€/1000 Stk"`), or shows the value scaled by a thousand under a header
//!   that states the basis (`#,##0.00,`);
//! - `Container`: every price is per a ring / reel / VE / bundle whose count nothing
//!   states (`41,50 €/Ring`): read per 1, it must be flagged.

use domain::extract::Extraction;
use rust_decimal::Decimal;

use super::sheets::run_bytes;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    Mixed,
    BasisColumn(&'static str),
    NumberFormat(&'static str),
    /// Every price cell ends with a container whose count nothing states (`€/Ring`,
    /// `per reel`): what one piece costs is not known, so each price is flagged.
    Container(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fmt {
    Csv,
    Txt,
    PdfText,
    Xlsx,
}

struct Lang {
    code: &'static str,
    comma: bool,
    part: &'static str,
    desc: &'static str,
    qty: &'static str,
    price: &'static str,
    basis_col: &'static str,
    remark: &'static str,
    page: &'static str,
    words: [&'static str; 3],
}

const LANGS: &[Lang] = &[
    Lang {
        code: "en",
        comma: false,
        part: "Part No",
        desc: "Description",
        qty: "Qty",
        price: "Price",
        basis_col: "Price unit",
        remark: "Remark: invoiced per 1000 pcs",
        page: "Page 1 of 1",
        words: ["Washer", "Spacer", "Rivet"],
    },
    Lang {
        code: "de",
        comma: true,
        part: "Artikel-Nr.",
        desc: "Bezeichnung",
        qty: "Menge",
        price: "Preis",
        basis_col: "PE",
        remark: "Hinweis: Abrechnung je 1000 Stk.",
        page: "Seite 1 von 1",
        words: ["Scheibe", "Distanzhülse", "Niete"],
    },
    Lang {
        code: "nl",
        comma: true,
        part: "Artikelnummer",
        desc: "Omschrijving",
        qty: "Aantal",
        price: "Prijs",
        basis_col: "Prijseenheid",
        remark: "Opmerking: facturatie per 1000 stuks",
        page: "Pagina 1 van 1",
        words: ["Ring", "Afstandhouder", "Klinknagel"],
    },
    Lang {
        code: "fr",
        comma: true,
        part: "Référence",
        desc: "Désignation",
        qty: "Quantité",
        price: "Prix",
        basis_col: "Unité de prix",
        remark: "Remarque : facturé par 1000 pièces",
        page: "Page 1 sur 1",
        words: ["Rondelle", "Entretoise", "Rivet"],
    },
    Lang {
        code: "es",
        comma: true,
        part: "Referencia",
        desc: "Descripción",
        qty: "Cantidad",
        price: "Precio",
        basis_col: "Unidad de precio",
        remark: "Nota: facturado por 1000 uds",
        page: "Página 1 de 1",
        words: ["Arandela", "Separador", "Remache"],
    },
    Lang {
        code: "it",
        comma: true,
        part: "Codice",
        desc: "Descrizione",
        qty: "Quantità",
        price: "Prezzo",
        basis_col: "Unità prezzo",
        remark: "Nota: fatturazione per 1000 pz",
        page: "Pagina 1 di 1",
        words: ["Rondella", "Distanziale", "Rivetto"],
    },
];

/// One item: part, description, quantity, the price printed per 1000 (in cents).
struct Item {
    part: String,
    desc: String,
    qty: u32,
    per_1000_cents: i64,
}

fn money(cents: i64, comma: bool) -> String {
    format!(
        "{}{}{:02}",
        cents / 100,
        if comma { ',' } else { '.' },
        cents % 100
    )
}

fn items(lang: &Lang, seed: u64) -> Vec<Item> {
    (0..3u64)
        .map(|i| Item {
            part: format!("K{}-{:03}", 40 + seed % 50, 100 + i * 7 + seed % 5),
            desc: format!("{} M{}", lang.words[i as usize], 4 + i),
            qty: [5000, 10000, 20000][((seed + i) % 3) as usize],
            per_1000_cents: 1850 + i64::try_from((seed * 37 + i * 1313) % 6000).unwrap(),
        })
        .collect()
}

/// The rows of a document (header first) as text cells, and the trailer lines under it.
fn rows(lang: &Lang, shape: Shape, items: &[Item]) -> (Vec<Vec<String>>, Vec<String>) {
    let mut header = vec![
        lang.part.to_string(),
        lang.desc.to_string(),
        lang.qty.to_string(),
        lang.price.to_string(),
    ];
    if let Shape::BasisColumn(_) = shape {
        header.push(lang.basis_col.to_string());
    }
    let mut out = vec![header];
    for (i, it) in items.iter().enumerate() {
        let price = money(it.per_1000_cents, lang.comma);
        let mut r = vec![
            it.part.clone(),
            it.desc.clone(),
            it.qty.to_string(),
            match shape {
                Shape::Mixed if i == 0 => format!("{price}/1000"),
                Shape::Container(suffix) => format!("{price} {suffix}"),
                _ => price,
            },
        ];
        if let Shape::BasisColumn(b) = shape {
            r.push(b.to_string());
        }
        out.push(r);
    }
    let trailer = match shape {
        Shape::Mixed => vec![lang.remark.to_string()],
        _ => Vec::new(),
    };
    (out, trailer)
}

fn aligned(rows: &[Vec<String>]) -> String {
    let width = rows[0].len();
    let widths: Vec<usize> = (0..width)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0) + 3)
        .collect();
    let mut s = String::new();
    for r in rows {
        let mut line = String::new();
        for (c, t) in r.iter().enumerate() {
            line.push_str(t);
            if c + 1 < width {
                line.push_str(&" ".repeat(widths[c] - t.chars().count()));
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

fn document(lang: &Lang, shape: Shape, fmt: Fmt, items: &[Item]) -> (String, Vec<u8>) {
    let (rows, trailer) = rows(lang, shape, items);
    let title = format!("Q-{}-{}", lang.code.to_uppercase(), items[0].part);
    let cur = "EUR";
    match fmt {
        Fmt::Csv => {
            let sep = if lang.comma { ";" } else { "," };
            let mut s = format!("{title}\n{cur}\n\n");
            for r in &rows {
                s.push_str(&r.join(sep));
                s.push('\n');
            }
            for t in &trailer {
                s.push('\n');
                s.push_str(t);
                s.push('\n');
            }
            (format!("u_{}.csv", lang.code), s.into_bytes())
        }
        Fmt::Txt | Fmt::PdfText => {
            let mut s = String::new();
            if fmt == Fmt::PdfText {
                s.push_str("ACME Fasteners GmbH · Industriestr. 4 · 70565 Stuttgart\n\n");
            }
            s.push_str(&format!("{title}   {cur}\n\n"));
            s.push_str(&aligned(&rows));
            for t in &trailer {
                s.push('\n');
                s.push_str(t);
                s.push('\n');
            }
            if fmt == Fmt::PdfText {
                s.push_str(&format!("\n{}\n", lang.page));
            }
            (format!("u_{}.txt", lang.code), s.into_bytes())
        }
        Fmt::Xlsx => {
            let mut wb = rust_xlsxwriter::Workbook::new();
            let ws = wb.add_worksheet();
            ws.write_string(0, 0, &title).unwrap();
            ws.write_string(1, 0, cur).unwrap();
            let numfmt = match shape {
                Shape::NumberFormat(f) => Some(rust_xlsxwriter::Format::new().set_num_format(f)),
                _ => None,
            };
            for (r, row) in rows.iter().enumerate() {
                let rr = u32::try_from(r + 3).unwrap();
                for (c, t) in row.iter().enumerate() {
                    let cc = u16::try_from(c).unwrap();
                    if r > 0 && c == 2 {
                        ws.write_number(rr, cc, t.parse::<f64>().unwrap()).unwrap();
                    } else if r > 0 && c == 3 && !t.contains('/') && !t.contains(' ') {
                        let cents = items[r - 1].per_1000_cents;
                        #[allow(clippy::cast_precision_loss)]
                        let v = cents as f64 / 100.0;
                        match (&numfmt, shape) {
                            (Some(f), Shape::NumberFormat(code)) if code.ends_with(',') => {
                                ws.write_number_with_format(rr, cc, v * 1000.0, f).unwrap();
                            }
                            (Some(f), _) => {
                                ws.write_number_with_format(rr, cc, v, f).unwrap();
                            }
                            _ => {
                                ws.write_number(rr, cc, v).unwrap();
                            }
                        }
                    } else {
                        ws.write_string(rr, cc, t).unwrap();
                    }
                }
            }
            let first = u32::try_from(rows.len() + 4).unwrap();
            for (r, t) in (first..).zip(trailer.iter()) {
                ws.write_string(r, 0, t).unwrap();
            }
            (
                format!("u_{}.xlsx", lang.code),
                wb.save_to_buffer().unwrap(),
            )
        }
    }
}

/// Every line is right (price per one = printed / 1000) or flagged below 80.
fn judge(items: &[Item], ex: &Extraction) -> Vec<String> {
    let mut bad = Vec::new();
    if ex.lines.len() != items.len() {
        bad.push(format!(
            "{} lines, want {}: {:?}",
            ex.lines.len(),
            items.len(),
            ex.lines
                .iter()
                .map(|l| (&l.part_number, &l.breaks))
                .collect::<Vec<_>>()
        ));
    }
    for (li, l) in ex.lines.iter().enumerate() {
        let Some(it) = items
            .iter()
            .find(|it| l.part_number.as_deref() == Some(it.part.as_str()))
        else {
            continue;
        };
        let want = Decimal::new(it.per_1000_cents, 5);
        let flagged = ex
            .diagnostics
            .iter()
            .any(|d| d.code == "price.basis_suspect" && d.line_index == Some(li));
        for b in &l.breaks {
            if b.unit_price.normalize() != want.normalize() && !(flagged && l.confidence < 80) {
                bad.push(format!(
                    "{}: price {} (want {want}) at confidence {}, flagged {flagged}",
                    it.part, b.unit_price, l.confidence
                ));
            }
        }
    }
    bad
}

#[test]
fn issue9_no_silent_wrong_price_where_nothing_binds_the_basis() {
    let mut shapes: Vec<(Shape, Vec<Fmt>)> = vec![(
        Shape::Mixed,
        vec![Fmt::Csv, Fmt::Txt, Fmt::PdfText, Fmt::Xlsx],
    )];
    for b in ["Tsd.", "1 Tsd", "KPCS", "VPE"] {
        shapes.push((
            Shape::BasisColumn(b),
            vec![Fmt::Csv, Fmt::Txt, Fmt::PdfText, Fmt::Xlsx],
        ));
    }
    for c in ["€/Ring", "per reel", "EUR/VE", "pro Bund", "per rol"] {
        shapes.push((
            Shape::Container(c),
            vec![Fmt::Csv, Fmt::Txt, Fmt::PdfText, Fmt::Xlsx],
        ));
    }
    for f in [
        "0.00 \"€/1000 Stk\"",
        "#,##0.00\\ \"per 1000\"",
        "0.00\" EUR/1000\"",
    ] {
        shapes.push((Shape::NumberFormat(f), vec![Fmt::Xlsx]));
    }
    let mut failures = Vec::new();
    let mut n = 0u64;
    for (shape, fmts) in &shapes {
        for fmt in fmts {
            for lang in LANGS {
                n += 1;
                let its = items(lang, n);
                let (name, bytes) = document(lang, *shape, *fmt, &its);
                let ex = run_bytes(&name, bytes.clone());
                let bad = judge(&its, &ex);
                if !bad.is_empty() {
                    let text = if *fmt == Fmt::Xlsx {
                        String::new()
                    } else {
                        String::from_utf8_lossy(&bytes).into_owned()
                    };
                    failures.push(format!(
                        "{shape:?} {fmt:?} {}: {}\n{text}",
                        lang.code,
                        bad.join("; ")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} documents:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A number format whose thousands comma shows the value per 1000 under a header that
/// says so: what the buyer sees (41.50 per 1000) is read, not the stored 41500.
#[test]
fn issue9_xlsx_scaled_number_format_is_read_as_shown() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let f = rust_xlsxwriter::Format::new().set_num_format("#,##0.00,");
    for (c, h) in ["Part No", "Description", "Qty", "Price per 1000"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    for (r, (p, d, q, v)) in [
        ("A-100", "Washer M6", 10000.0, 41_500.0),
        ("A-200", "Washer M8", 5000.0, 62_000.0),
    ]
    .iter()
    .enumerate()
    {
        let r = u32::try_from(r + 1).unwrap();
        ws.write_string(r, 0, *p).unwrap();
        ws.write_string(r, 1, *d).unwrap();
        ws.write_number(r, 2, *q).unwrap();
        ws.write_number_with_format(r, 3, *v, &f).unwrap();
    }
    let ex = run_bytes("scaled.xlsx", wb.save_to_buffer().unwrap());
    super::classes::check_ex(
        "scaled number format",
        &ex,
        &[
            ("lines.len", "2"),
            ("lines[0].breaks[0].unit_price", "0.0415"),
            ("lines[1].breaks[0].unit_price", "0.062"),
        ],
    );
}
