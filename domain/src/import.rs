//! Importing master data (parts, suppliers) from CSV/TSV/XLSX/ODS files: the table is
//! decoded with the extractor's own text decoding and delimiter sniffing (any encoding,
//! `,` `;` tab), the header row is found by column names (preamble rows are skipped),
//! and every data row comes back with its row number, so errors say where.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Reader};

use crate::extract::{decode_text, delimiter_of};

/// A table read from a file: rows of trimmed cell texts, with 1-based row numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads the first sheet of a workbook, or a delimited text file.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<Table, String> {
    let lower = file_name.to_ascii_lowercase();
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if is_zip
        || is_ole
        || [".xlsx", ".xls", ".xlsm", ".xlsb", ".ods"]
            .iter()
            .any(|e| lower.ends_with(e))
    {
        let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
            .map_err(|e| format!("{file_name} is not a readable workbook: {e}"))?;
        let first = wb
            .sheet_names()
            .first()
            .cloned()
            .ok_or_else(|| format!("{file_name} has no sheets"))?;
        let range = wb
            .worksheet_range(&first)
            .map_err(|e| format!("sheet '{first}' of {file_name} cannot be read: {e}"))?;
        let top = range.start().map_or(0, |s| s.0 as usize);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, r)| {
                (
                    top + i + 1,
                    r.iter()
                        .map(|c| crate::level::import_text(c.to_string().trim()).to_string())
                        .collect(),
                )
            })
            .collect();
        return Ok(Table { rows });
    }
    let (text, _) = decode_text(bytes);
    let delimiter = delimiter_of(&text).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| format!("{file_name}, row {}: {e}", i + 1))?;
        rows.push((
            line_of(&text, rec.position().map(|p| p.byte() as usize)).unwrap_or(i + 1),
            // A `'` our own exports put before formula-like text is dropped again.
            rec.iter()
                .map(|c| crate::level::import_text(c.trim()).to_string())
                .collect(),
        ));
    }
    Ok(Table { rows })
}

/// The 1-based line a record starting at byte `at` is on. The csv reader reports the
/// start of any blank lines it skipped before the record; those are counted here.
fn line_of(text: &str, at: Option<usize>) -> Option<usize> {
    let at = at?;
    let before = text.get(..at)?;
    let blank = text
        .get(at..)?
        .bytes()
        .take_while(|b| *b == b'\n' || *b == b'\r')
        .filter(|b| *b == b'\n')
        .count();
    Some(1 + before.bytes().filter(|b| *b == b'\n').count() + blank)
}

/// Column synonyms: (field, names a header may use), compared case-insensitively
/// after removing punctuation.
pub type Columns = &'static [(&'static str, &'static [&'static str])];

/// Part import columns.
pub const PART_COLUMNS: Columns = &[
    (
        "number",
        &[
            "part number",
            "part no",
            "part",
            "pn",
            "number",
            "item number",
            "item no",
            "our part number",
        ],
    ),
    ("name", &["name", "part name", "title", "short description"]),
    ("description", &["description", "desc", "long description"]),
    ("uom", &["uom", "unit", "unit of measure", "um"]),
    ("revision", &["revision", "rev"]),
];

/// Supplier import columns.
pub const SUPPLIER_COLUMNS: Columns = &[
    (
        "name",
        &[
            "name",
            "supplier",
            "supplier name",
            "vendor",
            "vendor name",
            "company",
        ],
    ),
    ("country", &["country", "country code"]),
    ("currency", &["currency", "ccy", "currency code"]),
    ("status", &["status", "approval status"]),
    (
        "categories",
        &["categories", "category", "commodity", "commodities"],
    ),
    ("contact_name", &["contact", "contact name"]),
    (
        "contact_email",
        &["email", "e mail", "contact email", "contact e mail"],
    ),
];

fn key(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One data row as field → value, with its row number in the file.
pub type Record = (usize, std::collections::BTreeMap<&'static str, String>);

/// Finds the header (the first row naming at least two known columns, within the first
/// 20 rows) and returns the data rows below it as records; blank rows are skipped.
/// `Err` says which columns were expected when no header is found.
pub fn records(table: &Table, columns: Columns, required: &[&str]) -> Result<Vec<Record>, String> {
    let mut header: Option<(usize, Vec<Option<&'static str>>)> = None;
    for (idx, (_, row)) in table.rows.iter().enumerate().take(20) {
        let mapped: Vec<Option<&'static str>> = row
            .iter()
            .map(|h| {
                let k = key(h);
                columns
                    .iter()
                    .find(|(_, names)| names.contains(&k.as_str()))
                    .map(|(f, _)| *f)
            })
            .collect();
        if mapped.iter().flatten().count() >= 2 {
            header = Some((idx, mapped));
            break;
        }
    }
    let Some((at, mapped)) = header else {
        let names: Vec<&str> = columns.iter().map(|(_, n)| n[0]).collect();
        return Err(format!(
            "no header row found: expected columns such as {}",
            names.join(", ")
        ));
    };
    let missing: Vec<&str> = required
        .iter()
        .filter(|r| !mapped.contains(&Some(**r)))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the header row (row {}) lacks the column(s): {}",
            table.rows[at].0,
            missing.join(", ")
        ));
    }
    Ok(table.rows[at + 1..]
        .iter()
        .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
        .map(|(n, r)| {
            let mut rec = std::collections::BTreeMap::new();
            for (i, f) in mapped.iter().enumerate() {
                if let (Some(f), Some(v)) = (f, r.get(i)) {
                    rec.entry(*f).or_insert_with(|| v.clone());
                }
            }
            (*n, rec)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolon_csv_with_a_preamble_in_windows_1252() {
        let mut bytes = b"Export from ERP 2026-11-20\n\nPart No.;Part name;Unit;Rev\nBRK-2208;Halterung f\xfcr Sensor;PCE;B\n\nHSG-1040;Geh\xe4use;H87;C\n".to_vec();
        bytes.extend_from_slice(b"");
        let t = read_table("parts.csv", &bytes).unwrap();
        let recs = records(&t, PART_COLUMNS, &["number", "name"]).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].0, 4, "row numbers count from the file's first line");
        assert_eq!(recs[0].1["number"], "BRK-2208");
        assert_eq!(recs[0].1["name"], "Halterung für Sensor");
        assert_eq!(recs[1].1["revision"], "C");
        assert_eq!(recs[1].0, 6, "blank lines before a record are counted");
    }

    #[test]
    fn missing_columns_and_headers_are_named() {
        let t = read_table("s.csv", b"Vendor,Phone\nAcme,123\n").unwrap();
        let e = records(&t, SUPPLIER_COLUMNS, &["name", "country", "currency"]).unwrap_err();
        assert!(e.contains("no header row") || e.contains("lacks"), "{e}");
        let t = read_table("s.csv", b"Vendor,Country,Phone\nAcme,DE,1\n").unwrap();
        let e = records(&t, SUPPLIER_COLUMNS, &["name", "country", "currency"]).unwrap_err();
        assert_eq!(e, "the header row (row 1) lacks the column(s): currency");
        assert!(read_table("x.xlsx", b"PK\x03\x04garbage").is_err());
    }
}
