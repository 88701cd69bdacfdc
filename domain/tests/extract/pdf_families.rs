//! PDF layouts from real generators (issue 9), one family each, written by
//! `testdata/pdf_families/make_pdf_fixtures.py`: CJK fonts the main text reader cannot
//! decode, an invisible OCR layer over a scan, a landscape page turned by `/Rotate`, a
//! spreadsheet printed by LibreOffice.

use domain::extract::Extraction;

use super::run;

/// (part number, [(min qty, unit price)]) per line.
fn priced(ex: &Extraction) -> Vec<(String, Vec<(String, String)>)> {
    ex.lines
        .iter()
        .map(|l| {
            (
                l.part_number.clone().unwrap_or_default(),
                l.breaks
                    .iter()
                    .map(|b| {
                        (
                            b.min_qty.normalize().to_string(),
                            b.unit_price.normalize().to_string(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn codes(ex: &Extraction) -> Vec<&str> {
    ex.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn message<'a>(ex: &'a Extraction, code: &str) -> &'a str {
    ex.diagnostics
        .iter()
        .find(|d| d.code == code)
        .map_or("", |d| d.message.as_str())
}

fn one(p: &str, q: &str, u: &str) -> (String, Vec<(String, String)>) {
    (p.into(), vec![(q.into(), u.into())])
}

/// reportlab's Japanese CID font (HeiseiMin-W3, CMap UniJIS-UCS2-H, no ToUnicode): the
/// main reader fails on it; the fallback reads the page, and a warning says why.
#[test]
fn cjk_ucs2_cmap_japanese() {
    let ex = run("pdf_families/pdf_cjk_ja.pdf");
    assert_eq!(
        priced(&ex),
        vec![
            one("JA-1001", "1000", "12.5"),
            one("JA-1002", "2000", "3.2"),
            one("JA-1003", "1000", "8.75"),
        ],
        "{:#?}",
        ex.diagnostics
    );
    assert_eq!(ex.lines[0].description.as_deref(), Some("六角ボルト M6"));
    assert!(!codes(&ex).contains(&"pdf.no_text"), "{:?}", codes(&ex));
    assert!(
        message(&ex, "pdf.text_fallback").contains("UniJIS-UCS2-H"),
        "{:#?}",
        ex.diagnostics
    );
}

/// The Chinese one (STSong-Light, UniGB-UCS2-H): text, prices, MOQ and lead time read.
#[test]
fn cjk_ucs2_cmap_chinese() {
    let ex = run("pdf_families/pdf_cjk_zh.pdf");
    let prices: Vec<String> = ex
        .lines
        .iter()
        .flat_map(|l| {
            l.breaks
                .iter()
                .map(|b| b.unit_price.normalize().to_string())
        })
        .collect();
    assert_eq!(prices, ["0.85", "0.42", "6.3"], "{:#?}", ex.diagnostics);
    assert_eq!(ex.lines[1].description.as_deref(), Some("铜垫片 M8"));
    assert_eq!(ex.lines[2].lead_time_days, Some(30));
    assert!(message(&ex, "pdf.text_fallback").contains("UniGB-UCS2-H"));
}

/// A scan under an invisible text layer (render mode 3) reads like printed text; the
/// payment line under the table, after a gap, is a term and not a wrapped description.
#[test]
fn invisible_ocr_layer() {
    let ex = run("pdf_families/pdf_ocr_layer.pdf");
    let prices: Vec<String> = ex
        .lines
        .iter()
        .flat_map(|l| {
            l.breaks
                .iter()
                .map(|b| b.unit_price.normalize().to_string())
        })
        .collect();
    assert_eq!(prices, ["1.84", "2.46", "0.73"], "{:#?}", ex.diagnostics);
    assert!(
        ex.lines
            .iter()
            .all(|l| !l.description.as_deref().unwrap_or("").contains("Zahlung")),
        "{:#?}",
        ex.lines
    );
    assert_eq!(ex.payment_terms.as_ref().and_then(|p| p.net_days), Some(30));
}

/// A landscape table on a portrait page turned by /Rotate 90; prices right-aligned and
/// ending before the next column's (left-aligned) header.
#[test]
fn rotated_landscape_page() {
    let ex = run("pdf_families/pdf_rotated.pdf");
    let br = |a: &str, b: &str, c: &str| {
        vec![
            ("100".to_string(), a.to_string()),
            ("500".into(), b.into()),
            ("1000".into(), c.into()),
        ]
    };
    assert_eq!(
        priced(&ex),
        vec![
            ("KW-18-2C".to_string(), br("0.48", "0.44", "0.41")),
            ("KW-20-4C".into(), br("0.62", "0.57", "0.53")),
            ("KW-22-6C".into(), br("0.79", "0.73", "0.69")),
        ],
        "{:#?}",
        ex.diagnostics
    );
}

/// A spreadsheet quote printed by LibreOffice Calc (headers left-aligned, numbers
/// right-aligned at the cell's end): every price read, and the `Item` column, whose
/// header names no role, holds the part numbers (codes with a letter and a digit).
#[test]
fn libreoffice_calc_print() {
    let ex = run("pdf_families/pdf_lo_xlsx.pdf");
    assert_eq!(
        priced(&ex)
            .into_iter()
            .map(|(p, b)| (p, b.into_iter().map(|x| x.1).collect::<Vec<_>>()))
            .collect::<Vec<_>>(),
        vec![
            ("BP-501".to_string(), vec!["3.45".to_string()]),
            ("BP-502".into(), vec!["5.1".into()]),
            ("BP-503".into(), vec!["0.28".into()]),
        ],
        "{:#?}",
        ex.diagnostics
    );
}

/// A Writer table printed by LibreOffice (from .docx and from .odt): header cells on
/// three lines, vertically centred and set with narrow gaps (`Menge Einzelpreis
/// Gesamtpreis` over `(Stk.) EUR EUR`, `Art.-Nr.` and `Bezeichnung` between); a
/// description wrapped above and below its row's baseline; a code run into its
/// description. Every line, price, quantity and amount read; the total row is no line.
#[test]
fn libreoffice_writer_table() {
    for ext in ["docx", "odt"] {
        let ex = run(&format!("pdf_families/pdf_lo_{ext}.pdf"));
        assert_eq!(
            priced(&ex),
            vec![
                one("HF-1020", "5000", "0.112"),
                one("HF-1035", "2000", "0.284"),
                one("HF-2210", "1000", "0.451"),
            ],
            "{ext}: {:#?}",
            ex.diagnostics
        );
        let d0 = ex.lines[0].description.as_deref().unwrap_or("");
        assert!(
            d0.starts_with("Druckfeder 1,0 x 8 x 20 mm") && d0.ends_with("blank"),
            "{ext}: {d0}"
        );
        assert_eq!(
            ex.lines[1].description.as_deref(),
            Some("Zugfeder 1,2 x 10 x 35 mm mit deutscher Öse, verzinkt"),
            "{ext}"
        );
        let totals: Vec<String> = ex
            .lines
            .iter()
            .map(|l| l.line_total.unwrap_or_default().normalize().to_string())
            .collect();
        assert_eq!(totals, ["560", "568", "451"], "{ext}");
    }
}

/// A table over two pages, its header repeated, with "Carried forward" and "Brought
/// forward" rows and a page footer: eight lines, no line from a running total or a
/// footer, the grand total read.
#[test]
fn multi_page_table_with_carried_totals() {
    let ex = run("pdf_families/pdf_multipage_forward.pdf");
    let parts: Vec<String> = priced(&ex).into_iter().map(|p| p.0).collect();
    let want: Vec<String> = (100..108).map(|i| format!("VX-{i}")).collect();
    assert_eq!(parts, want, "{:#?}", ex.diagnostics);
    for (i, l) in ex.lines.iter().enumerate() {
        let q = rust_decimal::Decimal::from(10 * (i + 1));
        let u = rust_decimal::Decimal::new(125, 1) + rust_decimal::Decimal::from(i);
        assert_eq!(l.breaks.len(), 1, "{l:?}");
        assert_eq!(
            (l.breaks[0].min_qty, l.breaks[0].unit_price),
            (q, u),
            "{l:?}"
        );
        assert_eq!(l.line_total, Some(q * u), "{l:?}");
    }
    assert_eq!(
        ex.total.map(|t| t.normalize().to_string()).as_deref(),
        Some("6180")
    );
}
