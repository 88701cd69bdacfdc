//! Spreadsheets (XLSX, XLS, ODS) via calamine, read within limits by
//! [`crate::workbook`]: every sheet becomes a [`Grid`];
//! merged cells are filled across their region (merged headers); formula cells use the
//! cached value, and where there is none the formula is reported. A `LOOKUP(qty, {q…},
//! {p…})` formula without a value still yields its price breaks (priced BOMs keep them
//! only there).

use calamine::Data;
use rust_decimal::Decimal;

use super::memory::MappingMemory;
use super::model::{Extraction, Location, Severity};
use super::number::{parse_number, DecimalStyle};
use super::table::{read_grid, Cell, Grid, TableContext};
use super::{sheet_ref, style_of};
use crate::workbook::{self, WorkbookError};

/// Reads a workbook into `ex`, within `workbook::LIMITS` (issue 10): the cells come
/// sparse from `crate::workbook`, which checked what the file claims before calamine
/// allocated anything, and each sheet's grid is at most `LIMITS.max_span` cells.
pub fn read(bytes: &[u8], file: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    let sheets = match workbook::read(bytes) {
        Ok(sheets) => sheets,
        Err(e) => {
            let code = match e {
                WorkbookError::TooLarge(_) => "sheet.too_large",
                WorkbookError::Unreadable(_) => "sheet.unreadable",
            };
            ex.diag(
                code,
                Severity::Error,
                e.to_string(),
                Some(Location::file(file)),
            );
            return;
        }
    };
    let mut total_lines = 0;
    for sheet in sheets {
        let rows = usize::try_from(sheet.rows).unwrap_or(usize::MAX);
        let cols = usize::try_from(sheet.cols).unwrap_or(usize::MAX);
        if !super::bounds::rows(rows) || !super::bounds::cells(rows, cols) {
            break;
        }
        let grid = sheet_grid(sheet, file, ex);
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
    // content ourselves (ods.rs) when it gave no lines. (Reached only when
    // `workbook::read` accepted the file: its repeats and text are within the limits.)
    if total_lines == 0 && super::ods::is_ods(bytes) {
        for grid in super::ods::grids(bytes, file).unwrap_or_default() {
            if !super::bounds::rows(grid.rows.len())
                || !grid.rows.iter().all(|r| super::bounds::cells(1, r.len()))
            {
                break;
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
        if total_lines > 0 {
            ex.diagnostics.retain(|d| d.code != "table.no_header");
        }
    }
}

/// Lays a sparse sheet out as a grid from A1, fills merged regions and notes formulas
/// saved without values.
fn sheet_grid(sheet: workbook::Sheet, file: &str, ex: &mut Extraction) -> Grid {
    let name = sheet.name;
    if let Some(cut) = &sheet.cut {
        ex.diag(
            "sheet.too_large",
            Severity::Warning,
            format!("sheet '{name}' is too large to read whole: {cut}"),
            Some(Location {
                sheet: Some(name.clone()),
                ..Location::file(file)
            }),
        );
    }
    let mut rows: Vec<Vec<Cell>> = (0..sheet.rows)
        .map(|r| {
            (0..sheet.cols)
                .map(|c| Cell {
                    loc: Location {
                        sheet: Some(name.clone()),
                        cell: Some(sheet_ref(c as usize, r as usize)),
                        ..Location::file(file)
                    },
                    ..Default::default()
                })
                .collect()
        })
        .collect();
    let mut missing = 0usize;
    for sc in sheet.cells {
        let Some(cell) = rows
            .get_mut(sc.row as usize)
            .and_then(|r| r.get_mut(sc.col as usize))
        else {
            continue;
        };
        let (text, number) = match &sc.value {
            Data::Int(i) => (i.to_string(), Some(Decimal::from(*i))),
            Data::Float(x) => {
                let s = x.to_string();
                let n = parse_number(&s, DecimalStyle::Dot);
                // What the cell shows: `41.5` under `0.00 "€/1000 Stk"` reads `41.5 €/1000
                // Stk` (the table reader takes the basis from it); `41500` under `#,##0.00,`
                // shows 41.50.
                match (
                    n,
                    sc.format
                        .as_deref()
                        .and_then(|f| n.and_then(|v| workbook::shown(v, f))),
                ) {
                    (_, Some((v, text))) => (text, Some(v)),
                    _ => (s, n),
                }
            }
            Data::Empty | Data::Error(_) => (String::new(), None),
            other => (other.to_string(), None),
        };
        cell.text = text;
        cell.number = number;
        if let Some(f) = sc.formula.filter(|f| !f.is_empty()) {
            let lookup = lookup_breaks(&f);
            if cell.text.is_empty()
                || (cell.number.is_some_and(|n| n.is_zero()) && !lookup.is_empty())
            {
                cell.formula_without_value = true;
                cell.formula = Some(f);
                cell.formula_breaks = lookup;
                missing += 1;
            }
        }
    }
    // Fill merged regions with their top-left value (clipped to the grid already).
    for ((sr, sc), (er, ec)) in sheet.merges {
        let Some(src) = rows
            .get(sr as usize)
            .and_then(|r| r.get(sc as usize))
            .map(|c| (c.text.clone(), c.number))
        else {
            continue;
        };
        for r in sr..=er {
            for c in sc..=ec {
                if (r, c) == (sr, sc) {
                    continue;
                }
                if let Some(cell) = rows
                    .get_mut(r as usize)
                    .and_then(|row| row.get_mut(c as usize))
                {
                    if cell.text.is_empty() {
                        cell.text = src.0.clone();
                        cell.number = src.1;
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
            Some(Location { sheet: Some(name.clone()), ..Location::file(file) }),
        );
    }
    Grid { name, rows }
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
