//! Importing master data (parts, suppliers) from CSV/TSV/XLSX/ODS files: the table is
//! decoded with the extractor's own text decoding and delimiter sniffing (any encoding,
//! `,` `;` tab), the header row is found by column names (preamble rows are skipped),
//! and every data row comes back with its row number, so errors say where.

use crate::extract::{decode_text, delimiter_of};

/// Most data rows one import may hold (issue 10): an import is one transaction, and a
/// file past this is refused at once with a sentence instead of being worked through.
pub const MAX_IMPORT_ROWS: usize = 50_000;

fn too_many_rows(file_name: &str) -> String {
    format!(
        "{file_name} has more than {MAX_IMPORT_ROWS} rows; import at most {MAX_IMPORT_ROWS} rows at a time (split the file)"
    )
}

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
        // Read within `workbook::LIMITS` (issue 10): a sheet's cells come sparse and its
        // rectangle is bounded, whatever the file claims.
        let sheets = crate::workbook::read(bytes).map_err(|e| format!("{file_name}: {e}"))?;
        let first = sheets
            .into_iter()
            .next()
            .ok_or_else(|| format!("{file_name} has no sheets"))?;
        let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
        let mut by_row: std::collections::BTreeMap<u32, Vec<(u32, String)>> =
            std::collections::BTreeMap::new();
        for c in first.cells {
            let text = crate::level::import_text(c.value.to_string().trim()).to_string();
            if !text.is_empty() {
                by_row.entry(c.row).or_default().push((c.col, text));
            }
        }
        if by_row.len() > MAX_IMPORT_ROWS + 20 {
            return Err(too_many_rows(file_name));
        }
        for (row, cells) in by_row {
            let width = cells
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0);
            let mut out = vec![String::new(); width];
            for (c, t) in cells {
                out[c as usize] = t;
            }
            rows.push((row as usize + 1, out));
        }
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
    let mut lines = Lines::new(&text);
    for (i, rec) in reader.records().enumerate() {
        // A header and a preamble come on top of the data rows.
        if i > MAX_IMPORT_ROWS + 20 {
            return Err(too_many_rows(file_name));
        }
        let rec = rec.map_err(|e| format!("{file_name}, row {}: {e}", i + 1))?;
        rows.push((
            lines
                .line_of(rec.position().map(|p| p.byte() as usize))
                .unwrap_or(i + 1),
            // A `'` our own exports put before formula-like text is dropped again.
            rec.iter()
                .map(|c| crate::level::import_text(c.trim()).to_string())
                .collect(),
        ));
    }
    Ok(Table { rows })
}

/// Line numbers of records, counted incrementally: each call counts only the text
/// since the previous one, so a file of N lines costs O(N), not O(N²) (an 800 000-row
/// file used to take minutes here, issue 10).
struct Lines<'a> {
    text: &'a str,
    at: usize,
    newlines: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            at: 0,
            newlines: 0,
        }
    }

    /// The 1-based line a record starting at byte `at` is on (records come in order).
    /// The csv reader reports the start of any blank lines it skipped before the
    /// record; those are counted here.
    fn line_of(&mut self, at: Option<usize>) -> Option<usize> {
        let at = at?;
        if at < self.at {
            return None;
        }
        self.newlines += self
            .text
            .get(self.at..at)?
            .bytes()
            .filter(|b| *b == b'\n')
            .count();
        self.at = at;
        let blank = self
            .text
            .get(at..)?
            .bytes()
            .take_while(|b| *b == b'\n' || *b == b'\r')
            .filter(|b| *b == b'\n')
            .count();
        Some(1 + self.newlines + blank)
    }
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

    /// Issue 10: an 800 000-row CSV got no answer in 180 s (line numbers were counted from
    /// the file's start for every row). Past the row limit it is refused at once; up to it,
    /// rows are read in one pass and keep their line numbers.
    #[test]
    fn row_limit_and_linear_line_numbers_issue_10() {
        let mut big = String::from("Part number,Name\n");
        for i in 0..800_000 {
            big.push_str(&format!("P-{i},Part {i}\n"));
        }
        let e = read_table("big.csv", big.as_bytes()).unwrap_err();
        assert_eq!(
            e,
            "big.csv has more than 50000 rows; import at most 50000 rows at a time (split the file)"
        );
        let mut ok = String::from("Part number,Name\n\n");
        for i in 0..MAX_IMPORT_ROWS {
            ok.push_str(&format!("P-{i},Part {i}\n"));
        }
        let t = read_table("ok.csv", ok.as_bytes()).unwrap();
        let recs = records(&t, PART_COLUMNS, &["number", "name"]).unwrap();
        assert_eq!(recs.len(), MAX_IMPORT_ROWS);
        // Header on line 1, a blank line 2, the first part on line 3, the last on 50002.
        assert_eq!(recs[0].0, 3);
        assert_eq!(recs[MAX_IMPORT_ROWS - 1].0, 50_002);
        assert_eq!(recs[MAX_IMPORT_ROWS - 1].1["number"], "P-49999");
    }

    #[test]
    fn exported_formula_guards_are_dropped_on_import_issue_10() {
        let t = read_table("p.csv", b"Part number,Name\n'-1+1,'=cmd\n").unwrap();
        let recs = records(&t, PART_COLUMNS, &["number", "name"]).unwrap();
        assert_eq!(recs[0].1["number"], "-1+1");
        assert_eq!(recs[0].1["name"], "=cmd");
    }
}
