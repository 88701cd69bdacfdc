//! Spreadsheet and delimited layouts as families (issues 9 and 13): the workbooks are
//! written here with `rust_xlsxwriter`, the same table as CSV beside them, and what the
//! extractor reads is checked against values typed by hand from the table.

use domain::extract::{extract, ExtractInput, Extraction};

use super::classes::{check_ex, run_as};

/// One cell of a test sheet: text or a number.
#[derive(Clone, Copy)]
pub enum V<'a> {
    S(&'a str),
    N(f64),
    E,
}

/// An XLSX whose first sheet holds `rows` from A1 (merged ranges as
/// `(first_row, first_col, last_row, last_col)`, 0-based).
pub fn xlsx(rows: &[Vec<V<'_>>], merges: &[(u32, u16, u32, u16)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let s = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
            match v {
                V::S(t) => {
                    s.write_string(r, c, *t).unwrap();
                }
                V::N(n) => {
                    s.write_number(r, c, *n).unwrap();
                }
                V::E => {}
            }
        }
    }
    for (r0, c0, r1, c1) in merges {
        let first = rows[*r0 as usize][*c0 as usize];
        let text = match first {
            V::S(t) => t.to_string(),
            V::N(n) => n.to_string(),
            V::E => String::new(),
        };
        s.merge_range(*r0, *c0, *r1, *c1, &text, &rust_xlsxwriter::Format::new())
            .unwrap();
    }
    wb.save_to_buffer().unwrap()
}

pub fn run_bytes(name: &str, bytes: Vec<u8>) -> Extraction {
    extract(&ExtractInput {
        file_name: name.into(),
        bytes,
        rfq: None,
        memory: None,
    })
}

// ------------------------------------------- issue 13: numeric break headers like years

/// `500 | 2000 | 5000` as break headers: 2000 is a quantity between its siblings, not a
/// year, in a CSV and in a workbook with numeric header cells (the bug of issue 13 lost
/// the 2000 column).
#[test]
fn issue13_numeric_break_headers_that_could_be_years_are_quantities() {
    let expect: &[(&str, &str)] = &[
        ("lines.len", "2"),
        ("lines[0].part_number", "BRK-2208"),
        ("lines[0].breaks.len", "3"),
        ("lines[0].breaks[0].min_qty", "500"),
        ("lines[0].breaks[0].unit_price", "0.62"),
        ("lines[0].breaks[1].min_qty", "2000"),
        ("lines[0].breaks[1].unit_price", "0.55"),
        ("lines[0].breaks[2].min_qty", "5000"),
        ("lines[0].breaks[2].unit_price", "0.49"),
        ("lines[1].breaks[1].min_qty", "2000"),
        ("lines[1].breaks[1].unit_price", "1.10"),
    ];
    let csv = "Part No,Description,500,2000,5000\n\
               BRK-2208,Bracket zinc plated,0.62,0.55,0.49\n\
               BRK-2210,Bracket large,1.25,1.10,0.98\n";
    check_ex("csv", &run_as("q.csv", csv, None), expect);
    let tsv = csv.replace(',', "\t");
    check_ex("tsv", &run_as("q.tsv", &tsv, None), expect);
    let book = xlsx(
        &[
            vec![
                V::S("Part No"),
                V::S("Description"),
                V::N(500.0),
                V::N(2000.0),
                V::N(5000.0),
            ],
            vec![
                V::S("BRK-2208"),
                V::S("Bracket zinc plated"),
                V::N(0.62),
                V::N(0.55),
                V::N(0.49),
            ],
            vec![
                V::S("BRK-2210"),
                V::S("Bracket large"),
                V::N(1.25),
                V::N(1.10),
                V::N(0.98),
            ],
        ],
        &[],
    );
    check_ex("xlsx", &run_bytes("q.xlsx", book), expect);
    // The same quantities as a sub-header under a merged "Unit price" header.
    let book = xlsx(
        &[
            vec![
                V::S("Part No"),
                V::S("Description"),
                V::S("Unit price (USD)"),
                V::E,
                V::E,
            ],
            vec![V::E, V::E, V::N(500.0), V::N(2000.0), V::N(5000.0)],
            vec![
                V::S("BRK-2208"),
                V::S("Bracket zinc plated"),
                V::N(0.62),
                V::N(0.55),
                V::N(0.49),
            ],
            vec![
                V::S("BRK-2210"),
                V::S("Bracket large"),
                V::N(1.25),
                V::N(1.10),
                V::N(0.98),
            ],
        ],
        &[(0, 2, 0, 4)],
    );
    check_ex("xlsx merged", &run_bytes("q.xlsx", book), expect);
    // A quantity written `2000 pcs` is no year either.
    let csv = "Part No,Description,Qty 1000,Qty 2000\nBRK-2208,Bracket,0.58,0.55\n";
    check_ex(
        "qty words",
        &run_as("q.csv", csv, None),
        &[
            ("lines[0].breaks.len", "2"),
            ("lines[0].breaks[1].min_qty", "2000"),
        ],
    );
}

/// Years are not break quantities: a price column per year, or a lone year in a header
/// row, stays what it is.
#[test]
fn issue13_year_columns_are_not_breaks() {
    let csv = "Part No,Description,Unit price,2025\nBRK-2208,Bracket zinc plated,0.62,\n";
    check_ex(
        "lone year",
        &run_as("q.csv", csv, None),
        &[
            ("lines.len", "1"),
            ("lines[0].breaks.len", "1"),
            ("lines[0].breaks[0].unit_price", "0.62"),
        ],
    );
}

// ------------------------------ templates: header block above, numbered qty/price pairs

/// An RFQ response template: a block of labelled header fields, then a table whose
/// breaks are numbered column pairs `Qty 1 | Price 1 | Qty 2 | Price 2 | Qty 3 | Price 3`
/// with the quantities in the rows (each part its own), an NRE column, a remark no-bid.
#[test]
fn template_sheet_with_numbered_quantity_price_pairs() {
    let expect: &[(&str, &str)] = &[
        ("quote_ref", "MLP-25-118"),
        ("currency", "CAD"),
        ("lines.len", "3"),
        ("lines[0].part_number", "NI-3301"),
        ("lines[0].breaks.len", "3"),
        ("lines[0].breaks[0].min_qty", "50"),
        ("lines[0].breaks[0].unit_price", "48.20"),
        ("lines[0].breaks[1].min_qty", "200"),
        ("lines[0].breaks[1].unit_price", "39.75"),
        ("lines[0].breaks[2].min_qty", "500"),
        ("lines[0].breaks[2].unit_price", "35.10"),
        ("lines[0].tooling[0].amount", "1250"),
        ("lines[0].quantity", "null"),
        ("lines[1].breaks.len", "2"),
        ("lines[1].breaks[0].min_qty", "100"),
        ("lines[1].breaks[1].min_qty", "500"),
        ("lines[1].breaks[1].unit_price", "9.95"),
        ("lines[2].part_number", "NI-3315"),
        ("lines[2].no_bid", "true"),
    ];
    let csv = "Supplier Response Form\n\
               Quote No.:,MLP-25-118\n\
               Currency:,CAD\n\
               \n\
               Line,Part Number,Description,Qty 1,Price 1,Qty 2,Price 2,Qty 3,Price 3,NRE / Tooling,Comments\n\
               1,NI-3301,Sensor housing,50,48.20,200,39.75,500,35.10,1250,\n\
               2,NI-3310,Mounting plate,100,12.85,500,9.95,,,,\n\
               3,NI-3315,Cable gland adapter,,,,,,,,No quote - outside our capabilities\n";
    check_ex("csv", &run_as("form.csv", csv, None), expect);
    let s = V::S;
    let n = V::N;
    let book = xlsx(
        &[
            vec![s("REQUEST FOR QUOTATION - SUPPLIER RESPONSE FORM")],
            vec![],
            vec![s("Quote No.:"), s("MLP-25-118")],
            vec![s("Currency:"), s("CAD")],
            vec![],
            vec![
                s("Line"),
                s("Part Number"),
                s("Description"),
                s("Qty 1"),
                s("Price 1"),
                s("Qty 2"),
                s("Price 2"),
                s("Qty 3"),
                s("Price 3"),
                s("NRE / Tooling"),
                s("Comments"),
            ],
            vec![
                n(1.0),
                s("NI-3301"),
                s("Sensor housing"),
                n(50.0),
                n(48.2),
                n(200.0),
                n(39.75),
                n(500.0),
                n(35.1),
                n(1250.0),
            ],
            vec![
                n(2.0),
                s("NI-3310"),
                s("Mounting plate"),
                n(100.0),
                n(12.85),
                n(500.0),
                n(9.95),
            ],
            vec![
                n(3.0),
                s("NI-3315"),
                s("Cable gland adapter"),
                V::E,
                V::E,
                V::E,
                V::E,
                V::E,
                V::E,
                V::E,
                s("No quote - outside our capabilities"),
            ],
        ],
        &[],
    );
    check_ex("xlsx", &run_bytes("form.xlsx", book), expect);
}

// ------------------------- merged headers: quantities under a merged "Price" header

/// A "Price per piece" header merged across three columns, with the quantities
/// (`500 st.`, `1.000 st.`, `5.000 st.`) in the row below and the id / tooling columns
/// merged over both header rows (so their text is in both rows), in a workbook; a tooling
/// column named in another language ("Matrijskosten") holds one-time charges.
#[test]
fn quantities_under_a_merged_price_header_with_vertically_merged_id_columns() {
    let s = V::S;
    let n = V::N;
    let book = xlsx(
        &[
            vec![s("Van Dijk Kunststoftechniek B.V.")],
            vec![s("Offerte OF-25-1093")],
            vec![],
            vec![
                s("Artikelnr. klant"),
                s("Omschrijving"),
                s("Prijs per stuk (EUR)"),
                V::E,
                V::E,
                s("Matrijskosten (EUR)"),
            ],
            vec![
                V::E,
                V::E,
                s("500 st."),
                s("1.000 st."),
                s("5.000 st."),
                V::E,
            ],
            vec![
                s("KD-7781"),
                s("Afdekkap"),
                n(0.412),
                n(0.356),
                n(0.298),
                n(4250.0),
            ],
            vec![
                s("KD-7790"),
                s("Klemring"),
                n(0.295),
                n(0.248),
                n(0.205),
                s("bestaande matrijs"),
            ],
        ],
        &[(3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 3, 4), (3, 5, 4, 5)],
    );
    check_ex(
        "xlsx",
        &run_bytes("offerte.xlsx", book),
        &[
            ("lines.len", "2"),
            ("lines[0].part_number", "KD-7781"),
            ("lines[0].breaks.len", "3"),
            ("lines[0].breaks[0].min_qty", "500"),
            ("lines[0].breaks[0].unit_price", "0.412"),
            ("lines[0].breaks[1].min_qty", "1000"),
            ("lines[0].breaks[2].min_qty", "5000"),
            ("lines[0].breaks[2].unit_price", "0.298"),
            ("lines[0].tooling.len", "1"),
            ("lines[0].tooling[0].amount", "4250"),
            ("lines[1].breaks[1].unit_price", "0.248"),
            ("lines[1].tooling.len", "0"),
            ("tooling", "null"),
        ],
    );
}

// --------------------------------- forms: label and value in two cells, notes sheets

/// Header fields laid out as a two-column form (`Lieferant | Schwarzwälder …`,
/// `Angebot | A-2025-00731`) above a table whose break quantity column is headed
/// "Staffel ab": read as labelled lines, not as one run of words.
#[test]
fn two_column_form_fields_and_break_quantity_words() {
    // As spreadsheet programs save it: every row padded to the table's width.
    let csv = "Angebot;A-2025-00731;;;\n\
               Lieferant;Schwarzwälder Federnfabrik GmbH;;;\n\
               Datum;12.03.2025;;;\n\
               ;;;;\n\
               Ihre Sachnummer;Benennung;Staffel ab;Preis;Preiseinheit\n\
               4711-0815;Druckfeder;1.000;86,20;1000\n\
               4711-0815;Druckfeder;5.000;71,40;1000\n";
    check_ex(
        "csv",
        &run_as("angebot.csv", csv, None),
        &[
            ("supplier", "Schwarzwälder Federnfabrik GmbH"),
            ("quote_ref", "A-2025-00731"),
            ("quote_date", "2025-03-12"),
            ("lines.len", "1"),
            ("lines[0].breaks.len", "2"),
            ("lines[0].breaks[0].min_qty", "1000"),
            ("lines[0].breaks[0].unit_price", "0.0862"),
            ("lines[0].breaks[1].min_qty", "5000"),
            ("lines[0].breaks[1].unit_price", "0.0714"),
        ],
    );
}

/// A workbook with the terms on one sheet, the prices on another and the remarks on a
/// third: the form sheet gives the header fields, a charge sentence on the notes sheet
/// goes to the line it names (never a price line of its own), a no-bid sentence adds a
/// no-bid line.
#[test]
fn multi_sheet_workbook_terms_prices_and_notes() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let terms = wb.add_worksheet();
    terms.set_name("Condiciones").unwrap();
    for (r, (k, v)) in [
        ("Proveedor", "Mecanizados Ebro, S.L."),
        ("Oferta nº", "OF-2025-0156"),
        ("Moneda", "EUR"),
    ]
    .iter()
    .enumerate()
    {
        let r = u32::try_from(r).unwrap();
        terms.write_string(r, 0, *k).unwrap();
        terms.write_string(r, 1, *v).unwrap();
    }
    let prices = wb.add_worksheet();
    prices.set_name("Precios").unwrap();
    for (c, h) in [
        "Ref. cliente",
        "Ref. proveedor",
        "Descripción",
        "Cantidad",
        "Precio unitario (€)",
    ]
    .iter()
    .enumerate()
    {
        prices
            .write_string(0, u16::try_from(c).unwrap(), *h)
            .unwrap();
    }
    prices.write_string(1, 0, "HZ-5501").unwrap();
    prices.write_string(1, 1, "ME-88201").unwrap();
    prices.write_string(1, 2, "Eje transmisión").unwrap();
    prices.write_number(1, 3, 100.0).unwrap();
    prices.write_number(1, 4, 18.4).unwrap();
    prices.write_string(2, 0, "HZ-5510").unwrap();
    prices.write_string(2, 1, "ME-88210").unwrap();
    prices.write_string(2, 2, "Soporte soldado").unwrap();
    prices.write_number(2, 3, 50.0).unwrap();
    prices.write_number(2, 4, 96.0).unwrap();
    let notes = wb.add_worksheet();
    notes.set_name("Notas").unwrap();
    notes
        .write_string(
            0,
            0,
            "El utillaje de soldadura para la ref. HZ-5510 se factura aparte: 1.450,00 € (pago único).",
        )
        .unwrap();
    notes
        .write_string(
            1,
            0,
            "No cotizamos la ref. HZ-5520 (cromado duro no disponible).",
        )
        .unwrap();
    let ex = run_bytes("oferta.xlsx", wb.save_to_buffer().unwrap());
    check_ex(
        "xlsx",
        &ex,
        &[
            ("supplier", "Mecanizados Ebro, S.L."),
            ("quote_ref", "OF-2025-0156"),
            ("currency", "EUR"),
            ("lines.len", "3"),
            ("lines[0].part_number", "HZ-5501"),
            ("lines[0].supplier_part", "ME-88201"),
            ("lines[1].part_number", "HZ-5510"),
            ("lines[1].breaks.len", "1"),
            ("lines[1].breaks[0].unit_price", "96"),
            ("lines[1].tooling[0].amount", "1450.00"),
            ("lines[2].part_number", "HZ-5520"),
            ("lines[2].no_bid", "true"),
        ],
    );
}

// ------------------------------------------------------------ saved HTML pages

/// A supplier portal's quote saved as an HTML page (not an e-mail): its table is read as
/// a table, the text around it for the header fields.
#[test]
fn saved_html_page_tables_are_read_as_tables() {
    let html = "<!DOCTYPE html>\n<html><head><title>Offer OF/2025/03/118</title></head><body>\
        <h1>Hurtownia Elektryczna Wolt Sp. z o.o.</h1>\
        <h2>Oferta nr OF/2025/03/118</h2>\
        <p>Data wystawienia: 18.03.2025<br>Ceny netto w PLN.</p>\
        <table><thead><tr><th>Indeks</th><th>Nr katalogowy klienta</th><th>Nazwa towaru</th>\
        <th>Ilość</th><th>Cena jedn. netto</th><th>Wartość netto</th></tr></thead><tbody>\
        <tr><td>KL-44230</td><td>EL-0114</td><td>Wyłącznik B16</td><td>120 szt.</td>\
        <td>14,90 zł</td><td>1 788,00 zł</td></tr>\
        <tr><td>KL-45002</td><td>EL-0160</td><td>Puszka fi60</td><td>1 000 szt.</td>\
        <td>0,62 zł</td><td>620,00 zł</td></tr></tbody></table>\
        <p>Warunki płatności: przelew 30 dni.</p></body></html>\n";
    check_ex(
        "html",
        &run_as("oferta.html", html, None),
        &[
            ("quote_ref", "OF/2025/03/118"),
            ("quote_date", "2025-03-18"),
            ("currency", "PLN"),
            ("lines.len", "2"),
            ("lines[0].part_number", "EL-0114"),
            ("lines[0].supplier_part", "KL-44230"),
            ("lines[0].breaks[0].unit_price", "14.90"),
            ("lines[1].breaks[0].unit_price", "0.62"),
        ],
    );
}

// ------------------------------------------------ whose part number is which column

/// A customer's and a vendor's part-number column, in either order and in several
/// languages: the customer's is `part_number`, the vendor's `supplier_part`.
#[test]
fn customer_and_vendor_part_columns_in_either_order() {
    for (name, csv) in [
        (
            "vendor first",
            "Vendor Item,Customer Item,Description,Unit Price\nGLF-8817,100-2231,Hex bolt,0.14\n",
        ),
        (
            "customer first",
            "Customer Item,Vendor Item,Description,Unit Price\n100-2231,GLF-8817,Hex bolt,0.14\n",
        ),
        (
            "polish",
            "Indeks,Nr katalogowy klienta,Nazwa towaru,Cena jedn.\nGLF-8817,100-2231,Hex bolt,0.14\n",
        ),
        (
            "german",
            "Unsere Art.-Nr.;Ihre Sachnummer;Benennung;Preis\nGLF-8817;100-2231;Hex bolt;0,14\n",
        ),
    ] {
        check_ex(
            name,
            &run_as("q.csv", csv, None),
            &[
                ("lines.len", "1"),
                ("lines[0].part_number", "100-2231"),
                ("lines[0].supplier_part", "GLF-8817"),
            ],
        );
    }
}

// ------------------------------------------------------------ text tables

/// Quantity and price in one column of a space-aligned text table (`Qté / Prix
/// unitaire` over `250   12,30 €`), with continuation rows holding more breaks.
#[test]
fn quantity_and_price_under_one_text_column_with_continuation_rows() {
    let t = "Devis n° D2025-0219 du 19/02/2025\n\
             \n\
             Réf. client    Désignation                              Qté / Prix unitaire HT\n\
             PL-330-01      Plaque d'usure PEHD 300x300x10           250   12,30 €\n\
             \x20                                                       1000  10,85 €\n\
             BG-118         Bague de guidage Ø40 POM-C               500   3,42 €\n";
    check_ex(
        "fr",
        &run_as("devis.txt", t, None),
        &[
            ("lines.len", "2"),
            ("lines[0].breaks.len", "2"),
            ("lines[0].breaks[0].min_qty", "250"),
            ("lines[0].breaks[0].unit_price", "12.30"),
            ("lines[0].breaks[1].min_qty", "1000"),
            ("lines[0].breaks[1].unit_price", "10.85"),
            ("lines[1].part_number", "BG-118"),
            ("lines[1].breaks[0].min_qty", "500"),
            ("lines[1].breaks[0].unit_price", "3.42"),
        ],
    );
}

/// A Japanese quote in plain text: columns aligned with ideographic spaces, Japanese
/// header words (品番 / 品名 / 数量 / 単価 / 金額), dates as 2025年7月4日, 見積番号.
#[test]
fn japanese_plain_text_quote() {
    let t = "見積番号：MQ-250704-02\n\
             見積日：2025年7月4日\n\
             \n\
             品番　　　　品名　　　　　　　　　数量　　単価（円）　　金額（円）\n\
             SH-4410　　シャフト　φ10×120　　　500　　　　　860　　　430,000\n\
             BU-2030　　ブッシュ　φ20×30　　　1,000　　　　　245　　　245,000\n\
             \n\
             納期：受注後3週間\n";
    check_ex(
        "ja",
        &run_as("mitsumori.txt", t, None),
        &[
            ("quote_ref", "MQ-250704-02"),
            ("quote_date", "2025-07-04"),
            ("lines.len", "2"),
            ("lines[0].part_number", "SH-4410"),
            ("lines[0].quantity", "500"),
            ("lines[0].line_total", "430000"),
            ("lines[0].breaks[0].unit_price", "860"),
            ("lines[1].part_number", "BU-2030"),
            ("lines[1].breaks[0].min_qty", "1000"),
            ("lines[1].breaks[0].unit_price", "245"),
            ("currency", "JPY"),
            ("lines[0].lead_time_days", "21"),
            ("lines[1].lead_time_days", "21"),
        ],
    );
}

// ------------------------------------------------------------ JSON quotes

/// A web shop's quote as JSON: the quote's own fields (number, created, expires, seller,
/// payment, delivery) are header fields, `customer_part` is the part number, a list of
/// one-time charges is tooling, never a line.
#[test]
fn json_quote_header_fields_customer_parts_and_one_time_charges() {
    let j = r#"{"quote": {"number": "WQ-55120", "created": "2025-06-03T09:12:00+02:00",
        "expires": "2025-07-03", "seller": {"name": "Nordic Motion Components AB"},
        "customer": {"name": "Fjord Robotics AS", "reference": "PO-req 8812"},
        "currency": "SEK", "payment": {"terms": "30 dagar netto", "days": 30},
        "delivery": {"incoterm": "DAP", "place": "Oslo", "freight": "included"},
        "items": [{"sku": "NMC-LB-608", "customer_part": "FR-BRG-608",
                   "description": "Ball bearing 608-2Z", "moq": 100,
                   "prices": [{"qty": 100, "unit_price": "9.80"}, {"qty": 1000, "unit_price": "7.45"}]}],
        "one_time_charges": [{"description": "Cutting rails to length (setup)", "amount": "450.00"}]}}"#;
    check_ex(
        "json",
        &run_as("quote.json", j, None),
        &[
            ("supplier", "Nordic Motion Components AB"),
            ("quote_ref", "WQ-55120"),
            ("quote_date", "2025-06-03"),
            ("valid_until", "2025-07-03"),
            ("payment_terms.net_days", "30"),
            ("incoterm.code", "DAP"),
            ("incoterm.place", "Oslo"),
            ("freight.kind", "included"),
            ("tooling[0].amount", "450.00"),
            ("lines.len", "1"),
            ("lines[0].part_number", "FR-BRG-608"),
            ("lines[0].supplier_part", "NMC-LB-608"),
            ("lines[0].breaks[1].unit_price", "7.45"),
        ],
    );
}

// ------------------------------------------------------------ no-bids, labelled parts

/// No-bid remarks in more languages (Dutch, Japanese, Portuguese, "outside our
/// capabilities") mark the line as a no-bid without a price.
#[test]
fn no_bid_remarks_in_more_languages() {
    let csv = "Part No,Description,Unit price,Remarks\n\
               A-1,Bolt,0.50,\n\
               A-2,Nut,,geen offerte\n\
               A-3,Washer,,見積辞退\n\
               A-4,Pin,,sem cotação\n\
               A-5,Gland,,No quote - outside our capabilities\n";
    check_ex(
        "csv",
        &run_as("q.csv", csv, None),
        &[
            ("lines.len", "5"),
            ("lines[0].no_bid", "false"),
            ("lines[1].no_bid", "true"),
            ("lines[2].no_bid", "true"),
            ("lines[3].no_bid", "true"),
            ("lines[4].no_bid", "true"),
        ],
    );
}

/// A bullet whose part number is named by a label after a long description
/// (`(your P/N SK-40)`) is that part's line, not a continuation of the line above.
#[test]
fn labelled_part_number_after_a_long_description() {
    let t = "Quote SQ-11873\n\
             * **PTFE back-up ring 2-214** (your P/N BU-214-T): $0.86 ea\n\
             * **Hydraulic seal kit, 40 mm rod, complete** (your P/N SK-40): $24.75 each, min. order 20\n";
    check_ex(
        "bullets",
        &run_as("q.txt", t, None),
        &[
            ("lines.len", "2"),
            ("lines[0].part_number", "BU-214-T"),
            ("lines[0].breaks[0].unit_price", "0.86"),
            ("lines[1].part_number", "SK-40"),
            ("lines[1].breaks[0].unit_price", "24.75"),
            ("lines[1].moq", "20"),
        ],
    );
}

// ------------------------------------------------------------ ambiguous price basis

/// A unit column holding only `M`: metres, or the `/M` (per thousand) price notation —
/// nothing on the page decides. The price is read per metre and every such line carries
/// `price.basis_suspect` with a confidence below 80, never a silent 1000× error; with
/// `EA` beside it in the same column, `M` is per thousand.
#[test]
fn a_unit_column_of_only_m_is_flagged_as_a_basis_ambiguity() {
    let csv = "Part No,Description,Qty,Unit Price,UOM\n\
               HB-1,Hex bolt 3/8-16,5000,142.50,M\n\
               HB-2,Flat washer 3/8,10000,18.75,M\n";
    check_ex(
        "only M",
        &run_as("q.csv", csv, None),
        &[
            ("lines.len", "2"),
            ("lines[0].uom", "MTR"),
            ("diag:price.basis_suspect", "true"),
            ("conf<80:lines[0]", "true"),
            ("conf<80:lines[1]", "true"),
        ],
    );
    let csv = "Part No,Description,Qty,Unit Price,UOM\n\
               HB-1,Hex bolt 3/8-16,5000,142.50,M\n\
               HB-3,Cotter pin,100,0.25,EA\n";
    check_ex(
        "M beside EA",
        &run_as("q.csv", csv, None),
        &[
            ("lines[0].price_basis_qty", "1000"),
            ("lines[0].breaks[0].unit_price", "0.1425"),
            ("lines[1].breaks[0].unit_price", "0.25"),
        ],
    );
}
