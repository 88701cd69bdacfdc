//! Spreadsheets (XLSX, XLS, XLSB, ODS) via calamine: every sheet becomes a [`Grid`];
//! merged cells are filled across their region (merged headers); formula cells use the
//! cached value, and where there is none the formula is reported. A `LOOKUP(qty, {q…},
//! {p…})` formula without a value still yields its price breaks (priced BOMs keep them
//! only there).

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use rust_decimal::Decimal;

use super::memory::MappingMemory;
use super::model::{Extraction, Location, Severity};
use super::number::{parse_number, DecimalStyle};
use super::table::{read_grid, Cell, Grid, TableContext};
use super::{sheet_ref, style_of};

/// Cells read per sheet at most; the rest is reported, not read.
const MAX_CELLS: usize = 2_000_000;

/// Reads a workbook into `ex`.
pub fn read(bytes: &[u8], file: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    let mut wb = match open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())) {
        Ok(wb) => wb,
        Err(e) => {
            ex.diag(
                "sheet.unreadable",
                Severity::Error,
                format!("not a readable workbook: {e}"),
                Some(Location::file(file)),
            );
            return;
        }
    };
    let names = wb.sheet_names();
    let mut total_lines = 0;
    for name in names {
        let grid = match sheet_grid(&mut wb, &name, file, ex) {
            Some(g) => g,
            None => continue,
        };
        if grid.rows.is_empty() {
            continue;
        }
        let all_text: String = grid
            .rows
            .iter()
            .flatten()
            .filter(|c| c.number.is_none())
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let ctx = TableContext {
            file,
            style: style_of(&all_text),
            memory,
            supplier: ex.supplier.clone(),
        };
        total_lines += read_grid(&grid, &ctx, ex);
    }
    // ODS text cells without a value type are lost to the workbook library: read the
    // content ourselves (ods.rs) when it gave no lines.
    if total_lines == 0 && super::ods::is_ods(bytes) {
        for grid in super::ods::grids(bytes, file).unwrap_or_default() {
            let all_text: String = grid
                .rows
                .iter()
                .flatten()
                .filter(|c| c.number.is_none())
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let ctx = TableContext {
                file,
                style: style_of(&all_text),
                memory,
                supplier: ex.supplier.clone(),
            };
            total_lines += read_grid(&grid, &ctx, ex);
        }
        if total_lines > 0 {
            ex.diagnostics.retain(|d| d.code != "table.no_header");
        }
    }
    let _ = total_lines;
}

fn sheet_grid(
    wb: &mut Sheets<Cursor<Vec<u8>>>,
    name: &str,
    file: &str,
    ex: &mut Extraction,
) -> Option<Grid> {
    let range = match wb.worksheet_range(name) {
        Ok(r) => r,
        Err(e) => {
            ex.diag(
                "sheet.unreadable_sheet",
                Severity::Warning,
                format!("sheet '{name}' not read: {e}"),
                Some(Location {
                    sheet: Some(name.to_string()),
                    ..Location::file(file)
                }),
            );
            return None;
        }
    };
    let formulas = wb.worksheet_formula(name).ok();
    let merges = match wb {
        Sheets::Xlsx(ref mut x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(ref x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    let (Some(start), Some(end)) = (range.start(), range.end()) else {
        return Some(Grid {
            name: name.to_string(),
            rows: Vec::new(),
        });
    };
    // Formulas may extend past the value range (formula cells without values).
    let (fstart, fend) = formulas
        .as_ref()
        .and_then(|f| Some((f.start()?, f.end()?)))
        .unwrap_or((start, end));
    let r0 = 0u32;
    let c0 = 0u32;
    let r1 = end.0.max(fend.0);
    let c1 = end.1.max(fend.1);
    let _ = fstart;
    let ncells = (r1 as usize + 1).saturating_mul(c1 as usize + 1);
    let (r1, c1) = if ncells > MAX_CELLS {
        ex.diag(
            "sheet.too_large",
            Severity::Warning,
            format!(
                "sheet '{name}' has more than {MAX_CELLS} cells; only the first rows were read"
            ),
            None,
        );
        let rows = u32::try_from(MAX_CELLS / (c1 as usize + 1)).unwrap_or(1000);
        (rows.min(r1), c1)
    } else {
        (r1, c1)
    };
    let mut rows: Vec<Vec<Cell>> = Vec::with_capacity((r1 - r0 + 1) as usize);
    let mut missing = 0usize;
    for r in r0..=r1 {
        let mut row = Vec::with_capacity((c1 - c0 + 1) as usize);
        for c in c0..=c1 {
            let v = range.get_value((r, c));
            let f = formulas
                .as_ref()
                .and_then(|f| f.get_value((r, c)))
                .filter(|f| !f.is_empty());
            let (text, number) = match v {
                Some(Data::Int(i)) => (i.to_string(), Some(Decimal::from(*i))),
                Some(Data::Float(x)) => {
                    let s = x.to_string();
                    let n = parse_number(&s, DecimalStyle::Dot);
                    (s, n)
                }
                Some(Data::Empty) | None => (String::new(), None),
                Some(Data::Error(_)) => (String::new(), None),
                Some(other) => (other.to_string(), None),
            };
            let loc = Location {
                sheet: Some(name.to_string()),
                cell: Some(sheet_ref(c as usize, r as usize)),
                ..Location::file(file)
            };
            let mut cell = Cell {
                text,
                loc,
                number,
                ..Default::default()
            };
            if let Some(f) = f {
                let lookup = lookup_breaks(f);
                if cell.text.is_empty()
                    || (cell.number.is_some_and(|n| n.is_zero()) && !lookup.is_empty())
                {
                    cell.formula_without_value = true;
                    cell.formula = Some(f.clone());
                    cell.formula_breaks = lookup;
                    missing += 1;
                }
            }
            row.push(cell);
        }
        rows.push(row);
    }
    // Fill merged regions with their top-left value.
    for m in merges {
        let (sr, sc) = m.start;
        let (er, ec) = m.end;
        let Some(src) = rows
            .get(sr as usize)
            .and_then(|r| r.get(sc as usize))
            .cloned()
        else {
            continue;
        };
        for r in sr..=er.min(r1) {
            for c in sc..=ec.min(c1) {
                if (r, c) == (sr, sc) {
                    continue;
                }
                if let Some(cell) = rows
                    .get_mut(r as usize)
                    .and_then(|row| row.get_mut(c as usize))
                {
                    if cell.text.is_empty() {
                        cell.text = src.text.clone();
                        cell.number = src.number;
                    }
                }
            }
        }
    }
    if missing > 0 {
        ex.diag(
            "sheet.formulas_without_values",
            Severity::Info,
            format!("sheet '{name}': {missing} formula cells have no cached value (saved without calculation)"),
            Some(Location { sheet: Some(name.to_string()), ..Location::file(file) }),
        );
    }
    Some(Grid {
        name: name.to_string(),
        rows,
    })
}

/// `lookup(x, {0,1,10,…}, {0.0,0.1,0.013,…})` → `[(1, 0.1), (10, 0.013), …]` (zero
/// quantities and prices dropped). Empty when the formula is not of that shape.
pub fn lookup_breaks(formula: &str) -> Vec<(Decimal, Decimal)> {
    let lower = formula.to_ascii_lowercase();
    if !lower.contains("lookup(") {
        return Vec::new();
    }
    let arrays: Vec<Vec<Decimal>> = lower
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}'))
        .map(|(inner, _)| {
            inner
                .split([',', ';'])
                .filter_map(|x| parse_number(x, DecimalStyle::Dot))
                .collect()
        })
        .collect();
    if arrays.len() < 2 || arrays[0].len() != arrays[1].len() {
        return Vec::new();
    }
    arrays[0]
        .iter()
        .zip(&arrays[1])
        .filter(|(q, p)| **q > Decimal::ZERO && **p > Decimal::ZERO)
        .map(|(q, p)| (*q, *p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_formula() {
        let b = lookup_breaks(
            "iferror(lookup(if(K8=\"\",G8,K8),{0,1,10,100},{0.0,0.1,0.013,0.0092}),\"\")",
        );
        assert_eq!(b.len(), 3);
        assert_eq!(b[0], (Decimal::ONE, Decimal::new(1, 1)));
        assert!(lookup_breaks("sum(A1:A3)").is_empty());
    }
}
