//! A tolerant reader of OpenDocument spreadsheets' `content.xml`, used when the workbook
//! library gives no lines: it drops text cells written without `office:value-type`
//! (simple generators write `<table:table-cell><text:p>Varenr.</text:p>`), which ODF
//! readers such as LibreOffice show as text. Cells keep sheet + A1 provenance; a cell
//! merged across columns is copied into the cells it covers (a merged price header over
//! its quantity sub-header), repeated rows and columns are expanded within bounds.

use std::io::{Cursor, Read};

use rust_decimal::Decimal;

use super::cii::{scan, Ev};
use super::model::Location;
use super::number::{parse_number, DecimalStyle};
use super::sheet_ref;
use super::table::{Cell, Grid};

/// Cells read per workbook at most (the same bound as the workbook reader's per sheet).
const MAX_CELLS: usize = 2_000_000;
/// Columns and rows a repeat may expand to: trailing "repeat 1000 empty columns" is not data.
const MAX_COLS: usize = 1024;
const MAX_REPEAT_ROWS: usize = 10_000;
/// `content.xml` read at most (a zip bomb is refused, not inflated).
const MAX_XML: u64 = 64 * 1024 * 1024;

/// True when the bytes are an OpenDocument spreadsheet (zip with the ODS mimetype).
pub fn is_ods(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes
            .windows(46)
            .take(200)
            .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet")
}

/// The sheets of an ODS file as grids, or `None` when the zip or its `content.xml` cannot
/// be read.
pub fn grids(bytes: &[u8], file: &str) -> Option<Vec<Grid>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let entry = zip.by_name("content.xml").ok()?;
    let mut xml = String::new();
    entry.take(MAX_XML).read_to_string(&mut xml).ok()?;
    Some(parse(&xml, file))
}

fn attr<'a>(attrs: &'a [(&str, String)], key: &str) -> Option<&'a str> {
    attrs.iter().find(|a| a.0 == key).map(|a| a.1.as_str())
}

fn count(attrs: &[(&str, String)], key: &str) -> usize {
    attr(attrs, key)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1)
}

/// Parses `content.xml` into one grid per sheet.
fn parse(xml: &str, file: &str) -> Vec<Grid> {
    let mut grids: Vec<Grid> = Vec::new();
    let mut cells = 0usize;
    // Current cell: its text, typed value, column repeat and span.
    let mut in_cell = false;
    let mut text = String::new();
    let mut paragraphs = 0usize;
    let mut value: Option<Decimal> = None;
    let mut repeat = 1usize;
    let mut span = 1usize;
    let mut row_repeat = 1usize;
    let mut row: Vec<(String, Option<Decimal>)> = Vec::new();
    let mut pending_cover: Vec<(String, Option<Decimal>)> = Vec::new();
    let mut rows: Vec<Vec<(String, Option<Decimal>)>> = Vec::new();
    let mut name = String::new();
    for ev in scan(xml) {
        if cells > MAX_CELLS {
            break;
        }
        match ev {
            Ev::Open("table", attrs, _) => {
                name = attr(&attrs, "name").unwrap_or("Sheet").to_string();
                rows.clear();
            }
            Ev::Open("table-row", attrs, self_closing) => {
                row.clear();
                pending_cover.clear();
                row_repeat = count(&attrs, "number-rows-repeated");
                if self_closing {
                    push_rows(&mut rows, &row, row_repeat, &mut cells);
                }
            }
            Ev::Open(n @ ("table-cell" | "covered-table-cell"), attrs, self_closing) => {
                repeat = count(&attrs, "number-columns-repeated");
                span = count(&attrs, "number-columns-spanned");
                value = match attr(&attrs, "value-type") {
                    Some("float" | "currency" | "percentage") => {
                        attr(&attrs, "value").and_then(|v| parse_number(v, DecimalStyle::Dot))
                    }
                    _ => None,
                };
                text.clear();
                paragraphs = 0;
                if n == "covered-table-cell" && !pending_cover.is_empty() {
                    // A cell a merge covers takes the merged cell's content.
                    let c = pending_cover.remove(0);
                    for _ in 0..repeat {
                        if row.len() < MAX_COLS {
                            row.push(c.clone());
                        }
                    }
                    in_cell = !self_closing;
                    text.push('\u{0}');
                    continue;
                }
                if self_closing {
                    add_cell(
                        &mut row,
                        &mut pending_cover,
                        String::new(),
                        value,
                        repeat,
                        span,
                    );
                } else {
                    in_cell = true;
                }
            }
            Ev::Close(n @ ("table-cell" | "covered-table-cell")) if in_cell => {
                in_cell = false;
                if text.starts_with('\u{0}') && n == "covered-table-cell" {
                    continue;
                }
                let t = text.trim().to_string();
                add_cell(&mut row, &mut pending_cover, t, value, repeat, span);
            }
            Ev::Open("p", _, _) if in_cell => {
                if paragraphs > 0 {
                    text.push('\n');
                }
                paragraphs += 1;
            }
            Ev::Open("s", attrs, _) if in_cell => {
                for _ in 0..count(&attrs, "c").min(64) {
                    text.push(' ');
                }
            }
            Ev::Open("line-break" | "tab", _, _) if in_cell => text.push(' '),
            Ev::Text(t) if in_cell => text.push_str(&t),
            Ev::Close("table-row") => {
                push_rows(&mut rows, &row, row_repeat, &mut cells);
            }
            Ev::Close("table") => {
                grids.push(to_grid(&name, &rows, file));
                rows.clear();
            }
            _ => {}
        }
    }
    grids
}

fn add_cell(
    row: &mut Vec<(String, Option<Decimal>)>,
    pending_cover: &mut Vec<(String, Option<Decimal>)>,
    text: String,
    value: Option<Decimal>,
    repeat: usize,
    span: usize,
) {
    let empty = text.is_empty() && value.is_none();
    // Trailing empty columns repeated by the thousand are not data.
    let n = if empty {
        repeat.min(MAX_COLS)
    } else {
        repeat.min(256)
    };
    for _ in 0..n {
        if row.len() >= MAX_COLS {
            break;
        }
        row.push((text.clone(), value));
    }
    if span > 1 && !empty {
        pending_cover.clear();
        for _ in 1..span.min(256) {
            pending_cover.push((text.clone(), value));
        }
    }
}

fn push_rows(
    rows: &mut Vec<Vec<(String, Option<Decimal>)>>,
    row: &[(String, Option<Decimal>)],
    repeat: usize,
    cells: &mut usize,
) {
    let empty = row.iter().all(|c| c.0.is_empty() && c.1.is_none());
    // Repeated empty rows at the end of a sheet (often a million) are nothing.
    let n = if empty {
        repeat.min(2)
    } else {
        repeat.min(MAX_REPEAT_ROWS)
    };
    for _ in 0..n {
        *cells += row.len().max(1);
        if *cells > MAX_CELLS {
            return;
        }
        rows.push(row.to_vec());
    }
}

fn to_grid(name: &str, rows: &[Vec<(String, Option<Decimal>)>], file: &str) -> Grid {
    // Drop trailing empty rows and columns.
    let last_row = rows
        .iter()
        .rposition(|r| r.iter().any(|c| !c.0.is_empty() || c.1.is_some()))
        .map_or(0, |i| i + 1);
    let out = rows[..last_row]
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let last = r
                .iter()
                .rposition(|c| !c.0.is_empty() || c.1.is_some())
                .map_or(0, |i| i + 1);
            r[..last]
                .iter()
                .enumerate()
                .map(|(ci, (t, v))| Cell {
                    text: if t.is_empty() {
                        v.map(|d| d.normalize().to_string()).unwrap_or_default()
                    } else {
                        t.clone()
                    },
                    number: *v,
                    loc: Location {
                        sheet: Some(name.to_string()),
                        cell: Some(sheet_ref(ci, ri)),
                        ..Location::file(file)
                    },
                    ..Default::default()
                })
                .collect()
        })
        .collect();
    Grid {
        name: name.to_string(),
        rows: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_without_a_value_type_are_read() {
        let xml = r#"<office:document-content><office:body><office:spreadsheet>
<table:table table:name="Tilbud">
<table:table-row><table:table-cell><text:p>Firma ApS</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Varenr.</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>Pris</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-columns-repeated="3"/></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>100 stk</text:p></table:table-cell><table:table-cell><text:p>500 stk</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>NM-2201</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="24.5"><text:p>24,5</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="19.8"><text:p>19,8</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
        let g = parse(xml, "t.ods");
        assert_eq!(g.len(), 1);
        let t: Vec<Vec<&str>> = g[0]
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            t,
            vec![
                vec!["Firma ApS"],
                vec!["Varenr.", "Pris", "Pris"],
                vec!["", "100 stk", "500 stk"],
                vec!["NM-2201", "24,5", "19,8"],
            ]
        );
        assert_eq!(g[0].rows[3][1].number, Some(Decimal::new(245, 1)));
        assert_eq!(g[0].rows[3][2].loc.cell.as_deref(), Some("C4"));
    }
}
