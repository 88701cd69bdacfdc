//! CSV / TSV / semicolon-separated text in UTF-8, UTF-16 or Windows-1252.

use super::memory::MappingMemory;
use super::model::{Extraction, Location, Severity};
use super::table::{read_grid, Cell, Grid, TableContext};
use super::{decode_text, delimiter_of, style_of};

/// Reads delimited text into `ex`.
pub fn read(bytes: &[u8], file: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    let (text, encoding) = decode_text(bytes);
    if encoding != "UTF-8" {
        ex.diag(
            "csv.encoding",
            Severity::Info,
            format!("decoded as {encoding}"),
            Some(Location::file(file)),
        );
    }
    let delim = delimiter_of(&text).unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        name: "table".into(),
        rows: Vec::new(),
    };
    let mut errors = 0;
    for (i, rec) in rdr.records().enumerate() {
        if !super::bounds::rows(1) {
            break;
        }
        match rec {
            Ok(r) => {
                if !super::bounds::cells(1, r.len()) {
                    break;
                }
                let line = r
                    .position()
                    .map_or(i + 1, |p| usize::try_from(p.line()).unwrap_or(i + 1));
                let row = r
                    .iter()
                    .enumerate()
                    .map(|(c, t)| Cell {
                        text: t.trim_start_matches('\u{feff}').to_string(),
                        loc: Location {
                            line: u32::try_from(line).ok(),
                            cell: Some(super::sheet_ref(c, line.saturating_sub(1))),
                            ..Location::file(file)
                        },
                        ..Default::default()
                    })
                    .collect();
                grid.rows.push(row);
            }
            Err(e) => {
                errors += 1;
                if errors <= 20 {
                    let line = e
                        .position()
                        .map(|p| u32::try_from(p.line()).unwrap_or(u32::MAX));
                    ex.diag(
                        "csv.bad_record",
                        Severity::Warning,
                        format!("record not read: {e}"),
                        Some(Location {
                            line,
                            ..Location::file(file)
                        }),
                    );
                }
            }
        }
    }
    // The supplier named above the table keys the mapping memory.
    let mut pre = Extraction::default();
    let lines: Vec<(String, Location)> = grid
        .rows
        .iter()
        .take(30)
        .map(|r| {
            (
                r.iter()
                    .map(|c| c.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                Location::file(file),
            )
        })
        .collect();
    super::text::scan_header(&lines, style_of(&text), &mut pre);
    let ctx = TableContext {
        file,
        style: style_of(&text),
        memory,
        supplier: pre.supplier,
    };
    read_grid(&grid, &ctx, ex);
}
