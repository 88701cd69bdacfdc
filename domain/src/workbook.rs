//! Reading spreadsheets (XLSX/XLSM, XLS, ODS) within fixed limits (issue 10).
//!
//! calamine allocates from what a file *says*: a dense grid spanning its first and last
//! cell (a 1.8 KB XLSX with cells A1 and XFD1048576 asks for 512 GB), capacity for a
//! declared string count or XLS dimension, repeat counts of ODS rows, columns and
//! spaces. This module checks every such claim against [`Limits`] *before* calamine
//! acts on it, and reads XLSX cell by cell (never building a dense range), so that no
//! workbook — a bomb, or merely a huge export — can take more than a bounded amount of
//! memory and time, in the server, the `bidwell extract` CLI and the browser's
//! extraction worker alike. What is too large is refused with a sentence
//! ([`WorkbookError::TooLarge`]) or, for XLSX, read up to the limit with a note of what
//! was left out ([`Sheet::cut`]).
//!
//! The checks per format:
//! - every ZIP container (XLSX, ODS): at most [`Limits::max_zip_entries`] entries and
//!   [`Limits::max_unzipped_bytes`] after decompression, counted while inflating (the
//!   sizes a ZIP declares are not trusted);
//! - XLSX: the shared-string count it declares (calamine reserves it); cells streamed
//!   with a budget of cells and text; formulas read without calamine's per-sheet table
//!   indexed by the declared shared-formula number;
//! - XLS: the compound file's sector chains (no cycles, no references past the FAT,
//!   which calamine would follow forever or index out of bounds), then the BIFF records
//!   calamine will read: declared dimensions, the span and number of cells, the text it
//!   will copy (shared strings cloned into every cell that uses them) and formulas;
//! - ODS: rows, columns and spaces as repeated, and the text they copy.
//!
//! XLSB is refused (its binary parts carry counts calamine trusts; save as XLSX).

use std::collections::HashMap;
use std::fmt;
use std::io::{Cursor, Read};
use std::sync::Arc;

use calamine::{Data, DataRef, Reader};
use rust_decimal::Decimal;

use crate::extract::number::DecimalStyle;

/// What one workbook may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries of a ZIP container.
    pub max_zip_entries: usize,
    /// Bytes of all ZIP entries after decompression.
    pub max_unzipped_bytes: u64,
    /// Non-empty cells of the whole workbook.
    pub max_cells: usize,
    /// Bytes of cell text and formulas copied out of the file.
    pub max_text_bytes: usize,
    /// Cells of one sheet's rectangle (rows × columns), as calamine builds it for XLS and
    /// ODS and as a reader of [`Sheet`] may lay it out.
    pub max_span: u64,
    /// Columns read per sheet; cells further right are left out.
    pub max_columns: u32,
}

/// The limits everything in Bidwell reads workbooks with: far above a quote or a
/// master-data export (a million cells, 64 MiB of text), far below what hurts a server.
pub const LIMITS: Limits = Limits {
    max_zip_entries: 10_000,
    max_unzipped_bytes: 128 * 1024 * 1024,
    max_cells: 1_000_000,
    max_text_bytes: 64 * 1024 * 1024,
    max_span: 1_000_000,
    max_columns: 1024,
};

/// Why a workbook was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a workbook calamine can open (damaged, encrypted, another format).
    Unreadable(String),
    /// Beyond [`Limits`]: what, and the limit.
    TooLarge(String),
}

impl fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkbookError::Unreadable(m) => write!(f, "not a readable workbook: {m}"),
            WorkbookError::TooLarge(m) => write!(f, "too large to read: {m}"),
        }
    }
}

impl std::error::Error for WorkbookError {}

fn too_large(m: impl Into<String>) -> WorkbookError {
    WorkbookError::TooLarge(m.into())
}

fn unreadable(m: impl fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(m.to_string())
}

/// One non-empty cell.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetCell {
    /// Zero-based row.
    pub row: u32,
    /// Zero-based column.
    pub col: u32,
    /// The value (the cached value of a formula cell; `Data::Empty` when it has none).
    pub value: Data,
    /// The formula, when the cell has one.
    pub formula: Option<String>,
    /// The cell's number format code (XLSX), when it is a custom one or a percentage:
    /// what the cell shows may add text to its value (`0.00 "€/1000 Stk"`) or scale it
    /// (`#,##0.00,` shows thousands). `None` for the general and plain built-in formats.
    pub format: Option<Arc<str>>,
}

/// One sheet, sparse: its non-empty cells inside the rectangle `rows × cols` (from A1),
/// which never exceeds [`Limits::max_span`] cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// In no particular order; none outside `rows × cols`.
    pub cells: Vec<SheetCell>,
    /// Rows of the rectangle (one past the last row with a cell).
    pub rows: u32,
    /// Columns of the rectangle (one past the last column with a cell).
    pub cols: u32,
    /// Merged regions `(first (row, col), last (row, col))`, clipped to the rectangle;
    /// together they cover at most [`Limits::max_span`] cells.
    pub merges: Vec<((u32, u32), (u32, u32))>,
    /// What was left out to stay within the limits, said for a person; `None` when
    /// the sheet was read whole.
    pub cut: Option<String>,
}

/// Reads every sheet of a workbook within [`LIMITS`].
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    read_with(bytes, &LIMITS)
}

/// Reads every sheet of a workbook within `limits`.
pub fn read_with(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, WorkbookError> {
    const OLE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(&OLE) {
        return read_xls(bytes, limits);
    }
    if !bytes.starts_with(b"PK") {
        return Err(unreadable(
            "neither an Office Open XML, OpenDocument nor legacy Excel file",
        ));
    }
    let kind = check_zip(bytes, limits)?;
    match kind {
        ZipKind::Ods => read_ods(bytes, limits),
        ZipKind::Xlsx => read_xlsx(bytes, limits),
        ZipKind::Xlsb => Err(unreadable(
            "XLSB (binary Excel) is not read; save the workbook as .xlsx",
        )),
    }
}

// ---------------------------------------------------------------------------------------
// ZIP containers
// ---------------------------------------------------------------------------------------

enum ZipKind {
    Xlsx,
    Xlsb,
    Ods,
}

/// Counts what the ZIP inflates to (never trusting declared sizes), checks the shared
/// strings an XLSX declares, and tells the container's kind.
fn check_zip(bytes: &[u8], limits: &Limits) -> Result<ZipKind, WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if zip.len() > limits.max_zip_entries {
        return Err(too_large(format!(
            "{} parts in the file (at most {})",
            zip.len(),
            limits.max_zip_entries
        )));
    }
    let mut total: u64 = 0;
    let mut kind = ZipKind::Xlsx;
    let mut mimetype_ods = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(unreadable)?;
        let name = f
            .name()
            .map_err(unreadable)?
            .replace('\\', "/")
            .to_ascii_lowercase();
        if name == "xl/workbook.bin" {
            kind = ZipKind::Xlsb;
        }
        let budget = limits.max_unzipped_bytes.saturating_sub(total);
        if f.size() > budget {
            return Err(unzipped_too_large(limits));
        }
        let n = if name == "mimetype" {
            let mut head = Vec::new();
            let n = (&mut f)
                .take(budget.saturating_add(1))
                .read_to_end(&mut head)
                .map_err(unreadable)?;
            mimetype_ods = head.starts_with(b"application/vnd.oasis.opendocument.spreadsheet");
            n as u64
        } else if name.ends_with("sharedstrings.xml") {
            check_shared_strings(&mut f, budget, limits)?
        } else {
            std::io::copy(
                &mut (&mut f).take(budget.saturating_add(1)),
                &mut std::io::sink(),
            )
            .map_err(unreadable)?
        };
        total = total.saturating_add(n);
        if total > limits.max_unzipped_bytes {
            return Err(unzipped_too_large(limits));
        }
    }
    if mimetype_ods {
        kind = ZipKind::Ods;
    }
    Ok(kind)
}

fn unzipped_too_large(limits: &Limits) -> WorkbookError {
    too_large(format!(
        "it unpacks to more than {}",
        crate::bytes::size_words(limits.max_unzipped_bytes)
    ))
}

/// Counts a byte stream while it is read.
struct Counting<R> {
    inner: R,
    n: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n += k as u64;
        Ok(k)
    }
}

/// The digits of an attribute value as a number, saturating (`None` when it has none):
/// an upper bound of whatever a lenient parser would read from it.
fn digits_value(v: &[u8]) -> Option<u64> {
    let mut any = false;
    let mut n: u64 = 0;
    for b in v.iter().filter(|b| b.is_ascii_digit()) {
        any = true;
        n = n.saturating_mul(10).saturating_add(u64::from(b - b'0'));
    }
    any.then_some(n)
}

/// calamine reserves room for the `uniqueCount` that `sharedStrings.xml` declares: a
/// tiny file claiming 10^11 strings would ask for terabytes. Returns the bytes read.
fn check_shared_strings<R: Read>(
    f: &mut R,
    budget: u64,
    limits: &Limits,
) -> Result<u64, WorkbookError> {
    let mut counting = Counting {
        inner: f.take(budget.saturating_add(1)),
        n: 0,
    };
    {
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(&mut counting));
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                    if e.local_name().as_ref() == "sst" =>
                {
                    for a in e.attributes().with_checks(false).flatten() {
                        let key = a.key.local_name();
                        if (key.as_ref() == "uniqueCount" || key.as_ref() == "count")
                            && digits_value(a.value.as_bytes())
                                .is_some_and(|n| n > limits.max_cells as u64)
                        {
                            return Err(too_large(format!(
                                "it declares more than {} shared strings",
                                limits.max_cells
                            )));
                        }
                    }
                    break;
                }
                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
    std::io::copy(&mut counting, &mut std::io::sink()).map_err(unreadable)?;
    Ok(counting.n)
}

// ---------------------------------------------------------------------------------------
// Laying out sparse cells
// ---------------------------------------------------------------------------------------

/// Budgets shared by all sheets of one workbook.
struct Budget {
    cells: usize,
    text: usize,
}

impl Budget {
    fn new(limits: &Limits) -> Budget {
        Budget {
            cells: limits.max_cells,
            text: limits.max_text_bytes,
        }
    }
}

fn text_len(v: &DataRef<'_>) -> usize {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
        DataRef::SharedString(s) => s.len(),
        _ => 0,
    }
}

/// Fits sparse cells into a rectangle of at most `max_span` cells and `max_columns`
/// columns: cells further right are dropped, then rows past what the span allows.
fn lay_out(
    name: String,
    mut cells: Vec<SheetCell>,
    merges: Vec<calamine::Dimensions>,
    mut cut: Vec<String>,
    limits: &Limits,
) -> Sheet {
    let before = cells.len();
    cells.retain(|c| c.col < limits.max_columns);
    if cells.len() < before {
        cut.push(format!(
            "{} cells right of column {} were not read",
            before - cells.len(),
            crate::extract::sheet_ref(limits.max_columns as usize - 1, 0).trim_end_matches('1')
        ));
    }
    let cols = cells.iter().map(|c| c.col + 1).max().unwrap_or(0);
    let max_rows = if cols == 0 {
        0
    } else {
        u32::try_from(limits.max_span / u64::from(cols)).unwrap_or(u32::MAX)
    };
    let before = cells.len();
    cells.retain(|c| c.row < max_rows);
    if cells.len() < before {
        cut.push(format!(
            "{} cells below row {} were not read",
            before - cells.len(),
            max_rows
        ));
    }
    let rows = cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    let cols = cells.iter().map(|c| c.col + 1).max().unwrap_or(0);
    let mut area: u64 = 0;
    let mut kept = Vec::new();
    for m in merges {
        let (sr, sc) = m.start;
        let (er, ec) = (
            m.end.0.min(rows.saturating_sub(1)),
            m.end.1.min(cols.saturating_sub(1)),
        );
        if sr >= rows || sc >= cols || er < sr || ec < sc {
            continue;
        }
        let a = u64::from(er - sr + 1) * u64::from(ec - sc + 1);
        if area + a > limits.max_span {
            cut.push("some merged regions were not filled".into());
            break;
        }
        area += a;
        kept.push(((sr, sc), (er, ec)));
    }
    Sheet {
        name,
        cells,
        rows,
        cols,
        merges: kept,
        cut: (!cut.is_empty()).then(|| cut.join("; ")),
    }
}

/// A dense calamine range (already checked to be within the limits) as sparse cells,
/// with formulas joined in.
fn from_ranges(
    values: &calamine::Range<Data>,
    formulas: Option<&calamine::Range<String>>,
    budget: &mut Budget,
    cut: &mut Vec<String>,
) -> Vec<SheetCell> {
    let mut out: HashMap<(u32, u32), SheetCell> = HashMap::new();
    let (r0, c0) = values.start().unwrap_or((0, 0));
    for (r, c, v) in values.used_cells() {
        let (row, col) = (r0 + r as u32, c0 + c as u32);
        out.insert(
            (row, col),
            SheetCell {
                row,
                col,
                value: v.clone(),
                formula: None,
                format: None,
            },
        );
    }
    if let Some(f) = formulas {
        let (r0, c0) = f.start().unwrap_or((0, 0));
        for (r, c, text) in f.used_cells() {
            if text.is_empty() {
                continue;
            }
            let (row, col) = (r0 + r as u32, c0 + c as u32);
            out.entry((row, col))
                .or_insert_with(|| SheetCell {
                    row,
                    col,
                    value: Data::Empty,
                    formula: None,
                    format: None,
                })
                .formula = Some(text.clone());
        }
    }
    let mut cells: Vec<SheetCell> = out.into_values().collect();
    cells.sort_by_key(|c| (c.row, c.col));
    if cells.len() > budget.cells {
        cut.push(format!(
            "only the first {} cells of the workbook were read",
            budget.cells
        ));
        cells.truncate(budget.cells);
    }
    budget.cells -= cells.len();
    cells
}

// ---------------------------------------------------------------------------------------
// XLSX: streamed cell by cell
// ---------------------------------------------------------------------------------------

fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, WorkbookError> {
    let mut wb: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    // calamine keeps of a number format only whether it is a date: the codes are read
    // here (styles.xml and each sheet's style indexes), and only when a workbook has a
    // format that can change what a number says.
    let formats = xlsx_number_formats(bytes, limits);
    let mut budget = Budget::new(limits);
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut cut = Vec::new();
        let mut cells = Vec::new();
        {
            let mut reader = match wb.worksheet_cells_reader(&name) {
                Ok(r) => r,
                Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                Err(e) => return Err(unreadable(format!("sheet '{name}': {e}"))),
            };
            // Shared-formula anchors of this sheet: index → (formula, first cell).
            let mut anchors: HashMap<usize, (String, (u32, u32))> = HashMap::new();
            loop {
                let rec = match reader.next_cell_with_formula_metadata() {
                    Ok(Some(rec)) => rec,
                    Ok(None) => break,
                    Err(e) => return Err(unreadable(format!("sheet '{name}': {e}"))),
                };
                let formula = match rec.formula {
                    None => None,
                    Some(calamine::XlsxFormulaMetadata::Normal { formula }) => Some(formula),
                    Some(calamine::XlsxFormulaMetadata::Shared {
                        shared_index,
                        range,
                        formula,
                    }) => {
                        let start = range.map_or(rec.pos, |r| r.start);
                        if budget.text >= formula.len() {
                            budget.text -= formula.len();
                            anchors.insert(shared_index, (formula.clone(), start));
                        }
                        Some(formula)
                    }
                    Some(calamine::XlsxFormulaMetadata::SharedDerived { shared_index }) => {
                        anchors.get(&shared_index).and_then(|(f, start)| {
                            calamine::expand_shared_formula(f, *start, rec.pos).ok()
                        })
                    }
                    // A kind of formula this calamine does not know yet: no text.
                    Some(_) => None,
                };
                if matches!(rec.value, DataRef::Empty) && formula.is_none() {
                    continue;
                }
                let text = text_len(&rec.value) + formula.as_ref().map_or(0, String::len);
                if budget.cells == 0 || budget.text < text {
                    cut.push(format!(
                        "the workbook holds more than {} cells or {} of text; the rest was not read",
                        limits.max_cells,
                        crate::bytes::size_words(limits.max_text_bytes)
                    ));
                    break;
                }
                budget.cells -= 1;
                budget.text -= text;
                let format = formats
                    .get(&name)
                    .and_then(|m| m.get(&(rec.pos.0, rec.pos.1)))
                    .cloned();
                cells.push(SheetCell {
                    row: rec.pos.0,
                    col: rec.pos.1,
                    value: Data::from(rec.value),
                    formula,
                    format,
                });
            }
        }
        let stop = budget.cells == 0 || !cut.is_empty();
        out.push(lay_out(name, cells, merges, cut, limits));
        if stop {
            break;
        }
    }
    Ok(out)
}

/// Cell style index → number format code, for the formats that can change what a number
/// says: custom formats with literal text or a scaling comma, and percentages. Empty
/// when there are none (most workbooks): then no sheet is read twice.
fn xlsx_styles(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Vec<Option<Arc<str>>> {
    use quick_xml::events::Event;
    let Ok(f) = zip.by_name("xl/styles.xml") else {
        return Vec::new();
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(f));
    let mut buf = Vec::new();
    let mut custom: HashMap<String, Arc<str>> = HashMap::new();
    let mut out: Vec<Option<Arc<str>>> = Vec::new();
    let mut in_xfs = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "numFmt" => {
                if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                    let code = unescape_attr(&code);
                    if custom.len() < 10_000 {
                        custom.insert(id, Arc::from(code.as_str()));
                    }
                }
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "cellXfs" => in_xfs = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Ok(Event::Start(e) | Event::Empty(e)) if in_xfs && e.local_name().as_ref() == "xf" => {
                if out.len() >= 100_000 {
                    break;
                }
                let code = attr(&e, "numFmtId").and_then(|id| match id.as_str() {
                    "9" => Some(Arc::from("0%")),
                    "10" => Some(Arc::from("0.00%")),
                    _ => custom.get(&id).cloned(),
                });
                out.push(code.filter(|c| format_speaks(c)));
            }
            Ok(_) => {}
        }
    }
    if out.iter().all(Option::is_none) {
        return Vec::new();
    }
    out
}

/// A format code that changes what a number says (see [`shown`]).
fn format_speaks(code: &str) -> bool {
    shown(Decimal::ONE, code).is_some()
}

/// What a number shows under an Excel number format code, when the format changes what it
/// says: the value scaled by the commas after its last digit placeholder (thousands), and
/// the format's literal text when that text states a price basis or a currency with one
/// (`0.00 "€/1000 Stk"`, `#,##0.00\ "per 100"`, `0.000 [$USD]"/M"`). `None` otherwise
/// (a plain number, a percentage, a date, a currency alone): the value is read as stored.
pub fn shown(value: Decimal, code: &str) -> Option<(Decimal, String)> {
    // The first section is the positive numbers' (prices are positive).
    let mut section = String::new();
    let mut quoted = false;
    for ch in code.chars() {
        if ch == '"' {
            quoted = !quoted;
        }
        if ch == ';' && !quoted {
            break;
        }
        section.push(ch);
    }
    let mut literal = String::new();
    let mut placeholders_seen = false;
    let mut trailing_commas = 0u32;
    let mut percent = false;
    let mut chars = section.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => {
                for c in chars.by_ref() {
                    if c == '"' {
                        break;
                    }
                    literal.push(c);
                }
                trailing_commas = 0;
            }
            '\\' => {
                if let Some(c) = chars.next() {
                    literal.push(c);
                }
            }
            '_' | '*' => {
                chars.next();
                literal.push(' ');
            }
            '[' => {
                let mut inner = String::new();
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                    inner.push(c);
                }
                // `[$€-407]`: a currency; `[Red]`, `[>=100]`: none.
                if let Some(sym) = inner.strip_prefix('$') {
                    literal.push(' ');
                    literal.push_str(sym.split('-').next().unwrap_or(""));
                    literal.push(' ');
                }
            }
            '0' | '#' | '?' => {
                placeholders_seen = true;
                trailing_commas = 0;
            }
            '.' => trailing_commas = 0,
            ',' => {
                // `#,##0` groups thousands; `0.00,` (nothing but commas up to the next
                // non-placeholder) divides by a thousand per comma.
                if placeholders_seen
                    && !matches!(chars.clone().find(|c| *c != ','), Some('0' | '#' | '?'))
                {
                    trailing_commas += 1;
                }
            }
            '%' => percent = true,
            'E' | 'e' if matches!(chars.peek(), Some('+' | '-')) => return None,
            // A date or time format (calamine already gives those as dates).
            'y' | 'd' | 'h' | 's' | 'Y' | 'D' | 'H' | 'S' => return None,
            '/' if matches!(chars.peek(), Some('?' | '#' | '0'..='9'))
                && literal.trim().is_empty() =>
            {
                // `# ?/?`: a fraction.
                return None;
            }
            c => literal.push(c),
        }
    }
    if !placeholders_seen || percent {
        return None;
    }
    let mut v = value;
    for _ in 0..trailing_commas.min(3) {
        v = v.checked_div(Decimal::from(1000))?;
    }
    let literal = literal.split_whitespace().collect::<Vec<_>>().join(" ");
    let says_basis = !literal.is_empty()
        && (crate::extract::notes::basis_mention(&format!("price {literal}")).is_some()
            || crate::extract::number::parse_money(&format!("1.5 {literal}"), DecimalStyle::Dot)
                .and_then(|m| m.basis)
                .is_some_and(|b| b > Decimal::ONE));
    if trailing_commas == 0 && !says_basis {
        return None;
    }
    let v = v.normalize();
    let text = if says_basis {
        format!("{v} {literal}")
    } else {
        v.to_string()
    };
    Some((v, text))
}

/// The `&quot;` and friends of an attribute value quick-xml hands over raw.
fn unescape_attr(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Sheet name → its part in the ZIP (`xl/worksheets/sheet1.xml`), from `workbook.xml`
/// and its relationships.
fn xlsx_sheet_parts(zip: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut read = |name: &str, tag: &str, keys: [&str; 2]| -> Vec<(String, String)> {
        let Ok(f) = zip.by_name(name) else {
            return Vec::new();
        };
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(f));
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == tag => {
                    let mut a = None;
                    let mut b = None;
                    for at in e.attributes().with_checks(false).flatten() {
                        let k = at.key.local_name();
                        let v = unescape_attr(at.value.as_ref());
                        if k.as_ref() == keys[0] && a.is_none() {
                            a = Some(v);
                        } else if k.as_ref() == keys[1] {
                            b = Some(v);
                        }
                    }
                    if let (Some(a), Some(b)) = (a, b) {
                        out.push((a, b));
                    }
                    if out.len() > 10_000 {
                        break;
                    }
                }
                Ok(_) => {}
            }
        }
        out
    };
    let sheets = read("xl/workbook.xml", "sheet", ["name", "id"]);
    let rels = read(
        "xl/_rels/workbook.xml.rels",
        "Relationship",
        ["Id", "Target"],
    );
    sheets
        .into_iter()
        .filter_map(|(name, rid)| {
            let target = rels.iter().find(|r| r.0 == rid)?.1.clone();
            let path = match target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{target}"),
            };
            Some((name, path))
        })
        .collect()
}

/// `B12` → (11, 1), 0-based (row, column).
fn cell_pos(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for b in letters.bytes() {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// Per sheet name, the number format code of every cell whose style has one that speaks
/// (see [`xlsx_styles`]). Empty for most workbooks. Bounded by `limits.max_cells` cells.
fn xlsx_number_formats(
    bytes: &[u8],
    limits: &Limits,
) -> HashMap<String, HashMap<(u32, u32), Arc<str>>> {
    use quick_xml::events::Event;
    let mut out = HashMap::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let styles = xlsx_styles(&mut zip);
    if styles.is_empty() {
        return out;
    }
    let mut budget = limits.max_cells;
    for (name, part) in xlsx_sheet_parts(&mut zip) {
        let Ok(f) = zip.by_name(&part) else {
            continue;
        };
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(f));
        let mut buf = Vec::new();
        let mut map: HashMap<(u32, u32), Arc<str>> = HashMap::new();
        let mut row: u32 = 0;
        let mut col: Option<u32> = None;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "row" => {
                    row = attr(&e, "r")
                        .and_then(|r| r.trim().parse::<u32>().ok())
                        .and_then(|r| r.checked_sub(1))
                        .unwrap_or(row.saturating_add(u32::from(col.is_some())));
                    col = None;
                }
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "c" => {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    let pos = attr(&e, "r")
                        .and_then(|r| cell_pos(&r))
                        .unwrap_or((row, col.map_or(0, |c| c + 1)));
                    row = pos.0;
                    col = Some(pos.1);
                    let code = attr(&e, "s")
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .and_then(|s| styles.get(s).cloned().flatten());
                    if let Some(code) = code {
                        map.insert(pos, code);
                    }
                }
                Ok(_) => {}
            }
        }
        if !map.is_empty() {
            out.insert(name, map);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// ODS: repeats checked before calamine expands them
// ---------------------------------------------------------------------------------------

fn read_ods(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, WorkbookError> {
    check_ods_content(bytes, limits)?;
    let mut wb: calamine::Ods<_> = calamine::Ods::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut budget = Budget::new(limits);
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let values = wb
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet '{name}': {e}")))?;
        let formulas = wb.worksheet_formula(&name).ok();
        let mut cut = Vec::new();
        let cells = from_ranges(&values, formulas.as_ref(), &mut budget, &mut cut);
        out.push(lay_out(name, cells, Vec::new(), cut, limits));
    }
    Ok(out)
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value.into_owned())
}

/// What calamine's ODS reader (and the extractor's own, `extract/ods.rs`, which also
/// reads text cells without a value type) will build from `content.xml`, worked out from
/// the repeat counts without expanding them: the cells pushed per row, the dense
/// rectangle per sheet, and the text copied (a value repeated across columns and rows is
/// copied each time; `<text:s text:c="N"/>` is N spaces).
fn check_ods_content(bytes: &[u8], limits: &Limits) -> Result<(), WorkbookError> {
    use quick_xml::events::Event;
    const MAX_ROWS: u64 = 1_048_576;
    const MAX_COLUMNS: u64 = 16_384;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let content = match zip.by_name("content.xml") {
        Ok(f) => f,
        Err(_) => return Ok(()), // calamine reports it missing
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    xml.config_mut().expand_empty_elements = true;
    let mut buf = Vec::new();
    // Per sheet.
    let mut rows_total: u64 = 0; // rows, repeats included (calamine caps at MAX_ROWS)
    let mut first_used: Option<u64> = None; // repeated-row index of the first used row
    let mut last_used_end: u64 = 0; // one past the last used row, repeats included
    let mut width: u64 = 0; // widest used row
                            // Per row.
    let mut in_row = false;
    let mut row_repeats: u64 = 1;
    let mut col: u64 = 0; // columns so far in this row, repeats included
    let mut used_end: u64 = 0; // one past the last non-empty cell of this row
    let mut row_text: u64 = 0; // text of this row, column repeats included
                               // Per cell.
    let mut in_cell = false;
    let mut cell_repeats: u64 = 1;
    let mut cell_used = false;
    let mut cell_text: u64 = 0;
    // Whole workbook.
    let mut pushed: u64 = 0;
    let mut text: u64 = 0;
    let too_big = |what: &str| too_large(format!("its sheets repeat rows or columns to {what}"));
    loop {
        buf.clear();
        let ev = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(ev) => ev,
        };
        match ev {
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                rows_total = 0;
                first_used = None;
                last_used_end = 0;
                width = 0;
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(first) = first_used {
                    let dense = last_used_end.saturating_sub(first).saturating_mul(width);
                    if dense > limits.max_span {
                        return Err(too_big(&format!(
                            "{dense} cells in one sheet (at most {})",
                            limits.max_span
                        )));
                    }
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                in_row = true;
                row_repeats = attr(&e, "table:number-rows-repeated")
                    .and_then(|v| digits_value(v.as_bytes()))
                    .unwrap_or(1)
                    .clamp(1, MAX_ROWS);
                col = 0;
                used_end = 0;
                row_text = 0;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" && in_row => {
                in_row = false;
                let repeats = row_repeats.min(MAX_ROWS.saturating_sub(rows_total));
                pushed = pushed.saturating_add(used_end);
                if used_end > 0 {
                    first_used.get_or_insert(rows_total);
                    last_used_end = rows_total.saturating_add(repeats);
                    width = width.max(used_end);
                }
                text = text.saturating_add(row_text.saturating_mul(repeats.max(1)));
                rows_total = rows_total.saturating_add(repeats);
                if pushed > limits.max_cells as u64 {
                    return Err(too_big(&format!("more than {} cells", limits.max_cells)));
                }
                if text > limits.max_text_bytes as u64 {
                    return Err(too_big(&format!(
                        "more than {} of text",
                        crate::bytes::size_words(limits.max_text_bytes)
                    )));
                }
            }
            Event::Start(e)
                if in_row
                    && (e.name().as_ref() == "table:table-cell"
                        || e.name().as_ref() == "table:covered-table-cell") =>
            {
                in_cell = true;
                cell_repeats = attr(&e, "table:number-columns-repeated")
                    .and_then(|v| digits_value(v.as_bytes()))
                    .unwrap_or(1)
                    .clamp(1, MAX_COLUMNS);
                cell_used = false;
                cell_text = 32;
                for a in e.attributes().with_checks(false).flatten() {
                    let k: &str = a.key.as_ref();
                    if k == "table:formula"
                        || (k.starts_with("office:") && k.ends_with("value"))
                        || (k == "office:value-type" && a.value.as_ref() == "string")
                    {
                        cell_used = true;
                        cell_text = cell_text.saturating_add(a.value.len() as u64);
                    }
                }
            }
            Event::End(e)
                if in_cell
                    && (e.name().as_ref() == "table:table-cell"
                        || e.name().as_ref() == "table:covered-table-cell") =>
            {
                in_cell = false;
                let repeats = cell_repeats.min(MAX_COLUMNS.saturating_sub(col));
                col = col.saturating_add(repeats);
                // A text cell without a value type is empty to calamine but read by the
                // extractor's own ODS reader (extract/ods.rs): count it as well.
                if cell_used || cell_text > 32 {
                    used_end = col;
                    row_text = row_text.saturating_add(cell_text.saturating_mul(repeats));
                }
            }
            Event::Start(e) if in_cell && e.name().as_ref() == "text:s" => {
                let n = attr(&e, "text:c")
                    .and_then(|v| digits_value(v.as_bytes()))
                    .unwrap_or(1);
                cell_text = cell_text.saturating_add(n);
                if n > limits.max_text_bytes as u64 {
                    return Err(too_big(&format!(
                        "more than {} of text",
                        crate::bytes::size_words(limits.max_text_bytes)
                    )));
                }
            }
            Event::Start(_) if in_cell => cell_text = cell_text.saturating_add(1),
            Event::Text(t) if in_cell => cell_text = cell_text.saturating_add(t.len() as u64),
            Event::GeneralRef(_) if in_cell => cell_text = cell_text.saturating_add(4),
            _ => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// XLS: the compound file and the BIFF records, checked before calamine parses them
// ---------------------------------------------------------------------------------------

fn read_xls(bytes: &[u8], limits: &Limits) -> Result<Vec<Sheet>, WorkbookError> {
    let stream = cfb_workbook_stream(bytes)?;
    check_biff(&stream, limits)?;
    let mut wb: calamine::Xls<_> = calamine::Xls::new(Cursor::new(bytes)).map_err(unreadable)?;
    let mut budget = Budget::new(limits);
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let values = wb
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet '{name}': {e}")))?;
        let formulas = wb.worksheet_formula(&name).ok();
        let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut cut = Vec::new();
        let cells = from_ranges(&values, formulas.as_ref(), &mut budget, &mut cut);
        out.push(lay_out(name, cells, merges, cut, limits));
    }
    Ok(out)
}

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// The compound file as calamine reads it, with every chain it will follow checked.
struct Cfb<'a> {
    bytes: &'a [u8],
    sector: usize,
    maxid: u32,
    fats: Vec<u32>,
}

fn damaged(what: &str) -> WorkbookError {
    unreadable(format!("damaged legacy Excel file ({what})"))
}

impl Cfb<'_> {
    /// Sector `id` (short at the end of the file), as calamine's `Sectors::get`.
    fn sector(&self, id: u32) -> Option<&[u8]> {
        if id > self.maxid {
            return None;
        }
        let start = self.sector + id as usize * self.sector;
        let end = (start + self.sector).min(self.bytes.len());
        self.bytes.get(start.min(end)..end)
    }

    /// Follows a chain as calamine's `get_chain` does, refusing what would make it loop
    /// forever (a cycle) or panic (an index past the table); stops where calamine would
    /// fail (a sector past the end) or has `len` bytes.
    fn chain(
        &self,
        start: u32,
        table: &[u32],
        sector_of: &dyn Fn(u32) -> Option<Vec<u8>>,
        len: u64,
    ) -> Result<Vec<u8>, WorkbookError> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if !seen.insert(id) {
                return Err(damaged("a sector chain loops"));
            }
            let Some(s) = sector_of(id) else {
                return Err(damaged("a sector past the end of the file"));
            };
            let want = usize::try_from(len.saturating_sub(out.len() as u64)).unwrap_or(usize::MAX);
            out.extend_from_slice(&s[..s.len().min(want)]);
            if out.len() as u64 >= len {
                break;
            }
            id = *table
                .get(id as usize)
                .ok_or_else(|| damaged("a sector outside the allocation table"))?;
        }
        Ok(out)
    }
}

/// The `Workbook` (or `Book`) stream of an XLS compound file, after checking every
/// chain calamine follows to get there.
fn cfb_workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, WorkbookError> {
    let header = bytes.get(..512).ok_or_else(|| damaged("no header"))?;
    let version = u16_at(header, 26).unwrap_or(0);
    let sector = match u16_at(header, 30) {
        Some(9) => 512usize,
        Some(12) => 4096,
        _ => return Err(damaged("sector size")),
    };
    if u16_at(header, 32) != Some(6) {
        return Err(damaged("mini sector size"));
    }
    let dir_start = u32_at(header, 48).unwrap_or(ENDOFCHAIN);
    let mini_fat_start = u32_at(header, 60).unwrap_or(ENDOFCHAIN);
    let mini_fat_len = u32_at(header, 64).unwrap_or(0);
    let mut difat_id = u32_at(header, 68).unwrap_or(ENDOFCHAIN);
    let mut difat: Vec<u32> = (76..512)
        .step_by(4)
        .filter_map(|at| u32_at(header, at))
        .collect();
    let maxid = u32::try_from(bytes.len() / sector).unwrap_or(u32::MAX);
    let mut cfb = Cfb {
        bytes,
        sector,
        maxid,
        fats: Vec::new(),
    };
    let mut difat_sectors = 0usize;
    while difat_id < RESERVED_SECTORS {
        difat_sectors += 1;
        if difat_sectors > maxid as usize + 1 {
            return Err(damaged("the DIFAT chain loops"));
        }
        let s = cfb
            .sector(difat_id)
            .ok_or_else(|| damaged("a DIFAT sector past the end"))?;
        difat.extend(s.chunks_exact(4).filter_map(|c| u32_at(c, 0)));
        difat_id = difat.pop().ok_or_else(|| damaged("empty DIFAT sector"))?;
    }
    // calamine appends one FAT sector per listed id: listing a sector many times would
    // multiply the table (and its memory) past any file size.
    let fat_ids: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
    if fat_ids.len() > maxid as usize + 1 {
        return Err(damaged("more FAT sectors than the file has"));
    }
    let mut fats = Vec::new();
    for id in fat_ids {
        let s = cfb
            .sector(id)
            .ok_or_else(|| damaged("a FAT sector past the end"))?;
        fats.extend(s.chunks_exact(4).filter_map(|c| u32_at(c, 0)));
    }
    cfb.fats = fats;
    let main = |id: u32| cfb.sector(id).map(<[u8]>::to_vec);
    let dirs = cfb.chain(dir_start, &cfb.fats, &main, u64::MAX)?;
    let dirs: Vec<(String, u32, u64)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let units: Vec<u16> = d[..64]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|u| *u != 0)
                .collect();
            let len = if sector == 512 {
                u64::from(u32_at(d, 120).unwrap_or(0))
            } else {
                u64_at(d, 120).unwrap_or(0)
            };
            (
                String::from_utf16_lossy(&units),
                u32_at(d, 116).unwrap_or(ENDOFCHAIN),
                len,
            )
        })
        .collect();
    let Some(root) = dirs.first() else {
        return Err(damaged("no root directory"));
    };
    if version != 3 && root.1 == ENDOFCHAIN {
        return Err(damaged("empty root directory"));
    }
    let (mini_fats, ministream) = if mini_fat_len > 0 {
        let ministream = cfb.chain(root.1, &cfb.fats, &main, root.2)?;
        let minifat = cfb.chain(
            mini_fat_start,
            &cfb.fats,
            &main,
            u64::from(mini_fat_len) * sector as u64,
        )?;
        let minifat: Vec<u32> = minifat
            .chunks_exact(4)
            .filter_map(|c| u32_at(c, 0))
            .collect();
        (minifat, ministream)
    } else {
        (Vec::new(), Vec::new())
    };
    let find = |name: &str| {
        dirs.iter()
            .find(|d| d.0.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
    };
    let Some((_, start, len)) = find("Workbook").or_else(|| find("Book")) else {
        return Err(unreadable("no Workbook stream in this legacy Excel file"));
    };
    if *len < 4096 {
        // Mini sectors beyond the mini stream would make calamine read past it.
        let mini = |id: u32| {
            let at = id as usize * 64;
            ministream.get(at..at + 64).map(<[u8]>::to_vec)
        };
        cfb.chain(*start, &mini_fats, &mini, *len)
    } else {
        cfb.chain(*start, &cfb.fats, &main, *len)
    }
}

/// One BIFF record as calamine's `RecordIter` yields it: its type, data, and the data
/// of the `Continue` records that follow it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

/// Records from `stream`; `None` marks where calamine would stop with an error.
fn records(mut stream: &[u8]) -> impl Iterator<Item = Option<Record<'_>>> + '_ {
    std::iter::from_fn(move || {
        if stream.is_empty() {
            return None;
        }
        let (Some(typ), Some(len)) = (u16_at(stream, 0), u16_at(stream, 2)) else {
            stream = &[];
            return Some(None);
        };
        let len = len as usize;
        if stream.len() < len + 4 {
            stream = &[];
            return Some(None);
        }
        let data = &stream[4..len + 4];
        stream = &stream[len + 4..];
        let mut cont = Vec::new();
        if stream.len() > 4 && u16_at(stream, 0) == Some(0x003C) {
            while stream.len() > 4 && u16_at(stream, 0) == Some(0x003C) {
                let l = u16_at(stream, 2).unwrap_or(0) as usize;
                if stream.len() < l + 4 {
                    stream = &[];
                    return Some(None);
                }
                cont.push(&stream[4..l + 4]);
                stream = &stream[l + 4..];
            }
        }
        Some(Some(Record { typ, data, cont }))
    })
}

/// Upper bounds (bytes once decoded) of the strings of an SST record, walked as
/// calamine's `parse_sst` walks it. `None` where calamine would fail or panic.
fn sst_lengths<'a>(r: &Record<'a>) -> Option<Vec<u64>> {
    let mut data: &'a [u8] = r.data.get(8..)?;
    let mut cont = r.cont.iter().copied();
    let mut next = |data: &mut &'a [u8]| -> bool {
        match cont.next() {
            Some(c) => {
                *data = c;
                true
            }
            None => false,
        }
    };
    let mut out = Vec::new();
    while !data.is_empty() || next(&mut data) {
        if data.len() < 3 {
            return None;
        }
        let cch = u64::from(u16_at(data, 0)?);
        let flags = data[2];
        data = &data[3..];
        let mut high = flags & 1 != 0;
        let mut c_run = 0u64;
        let mut ext = 0u64;
        if flags & 0x8 != 0 {
            c_run = u64::from(u16_at(data, 0)?);
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            // calamine reads it as i32 then usize: a negative count is effectively endless.
            ext = u64::try_from(i32::from_le_bytes(data.get(..4)?.try_into().ok()?))
                .unwrap_or(u64::MAX);
            data = &data[4..];
        }
        let mut left = cch;
        while left > 0 {
            let take = if high {
                (data.len() as u64 / 2).min(left)
            } else {
                (data.len() as u64).min(left)
            };
            let at = if high { take * 2 } else { take } as usize;
            data = &data[at..];
            left -= take;
            if left > 0 {
                if !next(&mut data) || data.is_empty() {
                    return None;
                }
                high = data[0] & 1 != 0;
                data = &data[1..];
            }
        }
        // Each code unit decodes to at most 2 characters of at most 3 bytes.
        out.push(cch * 6);
        for skip in [c_run.saturating_mul(4), ext] {
            let mut left = skip;
            while left > 0 {
                if data.is_empty() && !next(&mut data) {
                    return None;
                }
                let l = (data.len() as u64).min(left);
                data = &data[l as usize..];
                left -= l;
            }
        }
    }
    Some(out)
}

/// Checks what calamine's `Xls::new` will build from the workbook stream: every sheet's
/// declared dimensions, the span and number of its cells, the text it copies into cells
/// and its formulas. calamine parses all sheets when it opens the file.
fn check_biff(stream: &[u8], limits: &Limits) -> Result<(), WorkbookError> {
    let mut sheets: Vec<usize> = Vec::new();
    let mut sst: Vec<u64> = Vec::new();
    for rec in records(stream) {
        let Some(r) = rec else { break };
        match r.typ {
            0x0085 => {
                // BoundSheet8: calamine indexes its bytes 4 and 5 and slices the stream at
                // its position.
                if r.data.len() < 8 {
                    return Err(damaged("a short sheet record"));
                }
                let pos = u32_at(r.data, 0).unwrap_or(u32::MAX) as usize;
                if pos > stream.len() {
                    return Err(damaged("a sheet outside the workbook stream"));
                }
                sheets.push(pos);
            }
            0x00FC => match sst_lengths(&r) {
                Some(l) => sst = l,
                None => return Err(damaged("the shared strings")),
            },
            0x000A => break,
            _ => {}
        }
    }
    if sheets.len() > 1024 {
        return Err(too_large(format!("{} sheets (at most 1024)", sheets.len())));
    }
    let mut cells: u64 = 0;
    let mut text: u64 = 0;
    let mut formula_bytes: u64 = 0;
    let mut scanned: u64 = 0;
    let scan_budget = (stream.len() as u64)
        .saturating_mul(4)
        .saturating_add(1 << 20);
    for pos in sheets {
        let mut bbox: Option<(u32, u32, u32, u32)> = None;
        let mut add = |row: u32, col: u32| {
            bbox = Some(match bbox {
                None => (row, row, col, col),
                Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
            });
        };
        let mut depth = 0usize;
        let mut seen_bof = false;
        for rec in records(&stream[pos..]) {
            let Some(r) = rec else { break };
            scanned +=
                4 + r.data.len() as u64 + r.cont.iter().map(|c| 4 + c.len() as u64).sum::<u64>();
            if scanned > scan_budget {
                return Err(damaged("sheets overlap"));
            }
            if depth > 0 {
                match r.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let d = r.data;
            let pos16 = || Some((u32::from(u16_at(d, 0)?), u32::from(u16_at(d, 2)?)));
            match r.typ {
                0x0809 => {
                    if seen_bof {
                        depth += 1;
                    } else {
                        seen_bof = true;
                    }
                }
                0x0200 => {
                    // Dimensions, as calamine's parse_dimensions reads them.
                    let (rf, rl, mut cf, cl) = match d.len() {
                        10 => (
                            u32::from(u16_at(d, 0).unwrap_or(0)),
                            u32::from(u16_at(d, 2).unwrap_or(0)),
                            u32::from(u16_at(d, 4).unwrap_or(0)),
                            u32::from(u16_at(d, 6).unwrap_or(0)),
                        ),
                        14 | 16 => (
                            u32_at(d, 0).unwrap_or(0),
                            u32_at(d, 4).unwrap_or(0),
                            u32::from(u16_at(d, 8).unwrap_or(0)),
                            u32::from(u16_at(d, 10).unwrap_or(0)),
                        ),
                        _ => break,
                    };
                    if 0xFF < cf || cl < cf {
                        cf = 0;
                    }
                    let (start, end) = if rl >= 1 && cl >= 1 {
                        ((rf, cf), (rl - 1, cl - 1))
                    } else {
                        ((rf, cf), (rf, cf))
                    };
                    if end.0 < start.0 || end.1 < start.1 {
                        return Err(damaged("sheet dimensions"));
                    }
                    let area = (u64::from(end.0 - start.0) + 1) * (u64::from(end.1 - start.1) + 1);
                    if area > limits.max_span {
                        return Err(too_large(format!(
                            "a sheet declares {area} cells (at most {})",
                            limits.max_span
                        )));
                    }
                }
                0x0203 | 0x0205 | 0x027E => {
                    if let Some((row, col)) = pos16() {
                        add(row, col);
                        cells += 1;
                    }
                }
                0x0204 | 0x00D6 => {
                    if let Some((row, col)) = pos16() {
                        add(row, col);
                        cells += 1;
                        text = text.saturating_add(d.len() as u64 * 6);
                    }
                }
                0x00FD => {
                    if let (Some((row, col)), Some(i)) = (pos16(), u32_at(d, 6)) {
                        add(row, col);
                        cells += 1;
                        text = text.saturating_add(sst.get(i as usize).copied().unwrap_or(0));
                    }
                }
                0x00BD => {
                    // MulRk: one row, columns first..=last.
                    if let (Some((row, first)), Some(last)) =
                        (pos16(), d.len().checked_sub(2).and_then(|at| u16_at(d, at)))
                    {
                        let last = u32::from(last);
                        if last >= first {
                            add(row, first);
                            add(row, last);
                            cells += u64::from(last - first) + 1;
                        }
                    }
                }
                0x0006 => {
                    if let Some((row, col)) = pos16() {
                        add(row, col);
                        cells += 1;
                        formula_bytes = formula_bytes.saturating_add(d.len() as u64);
                    }
                }
                0x0207 => text = text.saturating_add(d.len() as u64 * 6),
                0x000A => break,
                _ => {}
            }
        }
        if let Some((r0, r1, c0, c1)) = bbox {
            let area = (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1);
            if area > limits.max_span {
                return Err(too_large(format!(
                    "a sheet spans {area} cells (at most {})",
                    limits.max_span
                )));
            }
        }
    }
    if cells > limits.max_cells as u64 {
        return Err(too_large(format!(
            "{cells} cells (at most {})",
            limits.max_cells
        )));
    }
    if text > limits.max_text_bytes as u64 {
        return Err(too_large(format!(
            "more than {} of cell text",
            crate::bytes::size_words(limits.max_text_bytes)
        )));
    }
    // A formula's text is at most ~100 times its tokens (a sheet or defined name per
    // three-byte token); allow four text budgets for them.
    if formula_bytes.saturating_mul(100) > limits.max_text_bytes as u64 * 4 {
        return Err(too_large(format!(
            "more than {} of formulas",
            crate::bytes::size_words(limits.max_text_bytes as u64 * 4 / 100)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// The sparse-range bomb of issue 10: cells A1 and XFD1048576, 1.8 KB on disk, which
    /// calamine's `worksheet_range` turns into a 16384 × 1048576 dense grid (512 GB).
    pub fn sparse_bomb() -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let s = wb.add_worksheet();
        s.write_string(0, 0, "Part").unwrap();
        s.write_number(1_048_575, 16_383, 1.0).unwrap();
        wb.save_to_buffer().unwrap()
    }

    /// A ZIP of `(name, bytes)` entries, stored (or deflated when `deflate`).
    pub fn zip_of(entries: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(if deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        });
        for (name, bytes) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    /// A minimal XLSX around one sheet's XML and an optional sharedStrings.xml.
    pub fn xlsx_of(sheet_xml: &str, shared: Option<&str>) -> Vec<u8> {
        let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let book = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_xml}</sheetData></worksheet>"#
        );
        let mut entries: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", types.as_bytes()),
            ("_rels/.rels", rels.as_bytes()),
            ("xl/workbook.xml", book.as_bytes()),
            ("xl/_rels/workbook.xml.rels", book_rels.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ];
        if let Some(s) = shared {
            entries.push(("xl/sharedStrings.xml", s.as_bytes()));
        }
        zip_of(&entries, false)
    }

    fn cells_of(s: &Sheet) -> Vec<(u32, u32, String)> {
        let mut v: Vec<_> = s
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.value.to_string()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn the_sparse_range_bomb_reads_two_cells_not_512_gb_issue_10() {
        let bomb = sparse_bomb();
        assert!(bomb.len() < 8 * 1024, "{} bytes", bomb.len());
        let sheets = read(&bomb).unwrap();
        assert_eq!(sheets.len(), 1);
        let s = &sheets[0];
        // XFD is column 16384, past the 1024 columns read: left out, and said so.
        assert_eq!(cells_of(s), vec![(0, 0, "Part".to_string())]);
        assert_eq!((s.rows, s.cols), (1, 1));
        assert_eq!(
            s.cut.as_deref(),
            Some("1 cells right of column AMJ were not read")
        );
        // One column, a million rows apart: the far cell is beyond the span.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let w = wb.add_worksheet();
        w.write_string(0, 0, "top").unwrap();
        w.write_string(1_048_575, 0, "bottom").unwrap();
        let s = &read(&wb.save_to_buffer().unwrap()).unwrap()[0];
        assert_eq!(cells_of(s), vec![(0, 0, "top".to_string())]);
        assert_eq!(s.rows * s.cols, 1);
        assert_eq!(
            s.cut.as_deref(),
            Some("1 cells below row 1000000 were not read")
        );
    }

    #[test]
    fn the_bomb_through_the_extractor_is_a_warning_not_an_abort_issue_10() {
        let ex = crate::extract::extract(&crate::extract::ExtractInput {
            file_name: "bomb.xlsx".into(),
            bytes: sparse_bomb(),
            rfq: None,
            memory: None,
        });
        assert!(
            ex.diagnostics
                .iter()
                .any(|d| d.code == "sheet.too_large" && d.message.contains("column AMJ")),
            "{:?}",
            ex.diagnostics
        );
    }

    #[test]
    fn declared_counts_beyond_the_limits_are_refused_before_calamine_sees_them_issue_10() {
        // 10^11 shared strings declared: calamine would reserve 2.4 TB.
        let sst = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="99999999999"><si><t>x</t></si></sst>"#;
        let f = xlsx_of(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#,
            Some(sst),
        );
        assert_eq!(
            read(&f),
            Err(WorkbookError::TooLarge(
                "it declares more than 1000000 shared strings".into()
            ))
        );
        // A shared formula numbered 4·10^9: calamine's formula table would be resized to it.
        let f = xlsx_of(
            r#"<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="4000000000">1+1</f><v>2</v></c><c r="A2"><f t="shared" si="4000000000"/><v>2</v></c></row>"#,
            None,
        );
        let s = &read(&f).unwrap()[0];
        assert_eq!(s.cells.len(), 2);
        assert_eq!(s.cells[0].formula.as_deref(), Some("1+1"));
        assert_eq!(s.cells[1].formula.as_deref(), Some("1+1"));
    }

    #[test]
    fn a_zip_bomb_is_refused_by_what_it_inflates_to_issue_10() {
        let zeros = vec![b' '; 2 * 1024 * 1024];
        let f = zip_of(&[("xl/worksheets/sheet1.xml", &zeros)], true);
        assert!(f.len() < 64 * 1024);
        let small = Limits {
            max_unzipped_bytes: 1024 * 1024,
            ..LIMITS
        };
        assert_eq!(
            read_with(&f, &small),
            Err(WorkbookError::TooLarge(
                "it unpacks to more than 1 MiB".into()
            ))
        );
    }

    #[test]
    fn the_text_budget_stops_copying_one_string_into_every_cell_issue_10() {
        let long = "x".repeat(1000);
        let sst = format!(
            r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="100" uniqueCount="1"><si><t>{long}</t></si></sst>"#
        );
        let rows: String = (1..=100)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
            .collect();
        let f = xlsx_of(&rows, Some(&sst));
        let small = Limits {
            max_text_bytes: 10_500,
            ..LIMITS
        };
        let s = &read_with(&f, &small).unwrap()[0];
        assert_eq!(s.cells.len(), 10);
        assert!(s.cut.as_deref().unwrap().contains("the rest was not read"));
    }

    pub fn ods_of(table: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        zip_of(
            &[
                (
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet",
                ),
                ("META-INF/manifest.xml", manifest.as_bytes()),
                ("content.xml", content.as_bytes()),
            ],
            false,
        )
    }

    #[test]
    fn ods_repeats_are_counted_before_calamine_expands_them_issue_10() {
        let ok = ods_of(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Part</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2"/><table:table-cell table:number-columns-repeated="1022"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        );
        let s = &read(&ok).unwrap()[0];
        assert_eq!(
            cells_of(s),
            vec![(0, 0, "Part".to_string()), (0, 1, "2".to_string())]
        );
        // One value repeated over 16384 columns and a million rows: 17·10^9 cells.
        let wide = ods_of(
            r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#,
        );
        assert!(matches!(read(&wide), Err(WorkbookError::TooLarge(_))));
        // A thousand-column row, repeated: 2000 × 1000 = 2·10^6 cells > 10^6.
        let tall = ods_of(
            r#"<table:table-row table:number-rows-repeated="2000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row>"#,
        );
        assert_eq!(
            read(&tall),
            Err(WorkbookError::TooLarge(
                "its sheets repeat rows or columns to 2000000 cells in one sheet (at most 1000000)"
                    .into()
            ))
        );
        // Untyped text (read by the extractor's own ODS reader) repeated over 1024
        // columns and 10 000 rows: 10 MB of text copied ten million times.
        let untyped = ods_of(&format!(
            r#"<table:table-row table:number-rows-repeated="10000"><table:table-cell table:number-columns-repeated="1024"><text:p>{}</text:p></table:table-cell></table:table-row>"#,
            "z".repeat(10_000)
        ));
        assert!(matches!(read(&untyped), Err(WorkbookError::TooLarge(_))));
        // 10^12 spaces in one cell.
        let spaces = ods_of(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000000"/>b</text:p></table:table-cell></table:table-row>"#,
        );
        assert!(matches!(read(&spaces), Err(WorkbookError::TooLarge(_))));
    }

    /// A legacy XLS: one 512-byte-sector compound file holding `stream` as `Workbook`;
    /// `loop_chain` makes the stream's last sector point back to its first and declares
    /// the stream 4 GB long (calamine would go round until it has that much).
    pub fn xls_of(stream: &[u8], loop_chain: bool) -> Vec<u8> {
        let mut stream = stream.to_vec();
        stream.resize(stream.len().max(4096).div_ceil(512) * 512, 0);
        let n = stream.len() / 512;
        let mut f = vec![0u8; 512];
        f[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        let put16 =
            |f: &mut Vec<u8>, at: usize, v: u16| f[at..at + 2].copy_from_slice(&v.to_le_bytes());
        let put32 =
            |f: &mut Vec<u8>, at: usize, v: u32| f[at..at + 4].copy_from_slice(&v.to_le_bytes());
        put16(&mut f, 24, 0x3E);
        put16(&mut f, 26, 3);
        put16(&mut f, 28, 0xFFFE);
        put16(&mut f, 30, 9);
        put16(&mut f, 32, 6);
        put32(&mut f, 44, 1);
        put32(&mut f, 48, 1);
        put32(&mut f, 56, 4096);
        put32(&mut f, 60, ENDOFCHAIN);
        put32(&mut f, 68, ENDOFCHAIN);
        for at in (76..512).step_by(4) {
            put32(&mut f, at, 0xFFFF_FFFF);
        }
        put32(&mut f, 76, 0);
        // Sector 0: the FAT.
        let mut fat = vec![0xFFFF_FFFFu32; 128];
        fat[0] = 0xFFFF_FFFD;
        fat[1] = ENDOFCHAIN;
        for i in 0..n {
            fat[2 + i] = if i + 1 == n {
                if loop_chain {
                    2
                } else {
                    ENDOFCHAIN
                }
            } else {
                (3 + i) as u32
            };
        }
        f.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
        // Sector 1: the directory (root, Workbook, two empty entries).
        let mut dir = vec![0u8; 512];
        let entry = |dir: &mut Vec<u8>, i: usize, name: &str, kind: u8, start: u32, len: u32| {
            let at = i * 128;
            for (k, u) in name.encode_utf16().enumerate() {
                dir[at + 2 * k..at + 2 * k + 2].copy_from_slice(&u.to_le_bytes());
            }
            dir[at + 64..at + 66].copy_from_slice(&((name.len() as u16 + 1) * 2).to_le_bytes());
            dir[at + 66] = kind;
            for o in [68, 72, 76] {
                dir[at + o..at + o + 4].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
            }
            dir[at + 116..at + 120].copy_from_slice(&start.to_le_bytes());
            dir[at + 120..at + 124].copy_from_slice(&len.to_le_bytes());
        };
        entry(&mut dir, 0, "Root Entry", 5, ENDOFCHAIN, 0);
        dir[76..80].copy_from_slice(&1u32.to_le_bytes());
        let declared = if loop_chain {
            0xFFFF_FFF0
        } else {
            stream.len() as u32
        };
        entry(&mut dir, 1, "Workbook", 2, 2, declared);
        f.extend(dir);
        f.extend(stream);
        f
    }

    pub fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    /// A BIFF8 workbook stream with one sheet made of `sheet_records`.
    pub fn biff(sheet_records: &[Vec<u8>]) -> Vec<u8> {
        let bof = |dt: u16| {
            let mut d = vec![0u8; 16];
            d[..2].copy_from_slice(&0x0600u16.to_le_bytes());
            d[2..4].copy_from_slice(&dt.to_le_bytes());
            rec(0x0809, &d)
        };
        let mut globals = bof(0x0005);
        let sheet_name = b"S";
        let bound_len = 4 + 8 + sheet_name.len();
        let eof = rec(0x000A, &[]);
        let pos = (globals.len() + bound_len + eof.len()) as u32;
        let mut bound = pos.to_le_bytes().to_vec();
        bound.extend([0, 0, sheet_name.len() as u8, 0]);
        bound.extend(sheet_name);
        globals.extend(rec(0x0085, &bound));
        globals.extend(&eof);
        assert_eq!(globals.len() as u32, pos);
        globals.extend(bof(0x0010));
        for r in sheet_records {
            globals.extend(r);
        }
        globals.extend(eof);
        globals
    }

    pub fn number(row: u16, col: u16, v: f64) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(v.to_le_bytes());
        rec(0x0203, &d)
    }

    pub fn dimensions(rows: u32, cols: u16) -> Vec<u8> {
        let mut d = 0u32.to_le_bytes().to_vec();
        d.extend(rows.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        d.extend(cols.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        rec(0x0200, &d)
    }

    #[test]
    fn xls_bombs_are_refused_before_calamine_allocates_issue_10() {
        let ok = xls_of(
            &biff(&[dimensions(2, 2), number(0, 0, 1.5), number(1, 1, 2.0)]),
            false,
        );
        let s = &read(&ok).unwrap()[0];
        assert_eq!(
            cells_of(s),
            vec![(0, 0, "1.5".to_string()), (1, 1, "2".to_string())]
        );
        // Declared 10^9 rows × 16384 columns: calamine reserves them at once.
        let declared = xls_of(&biff(&[dimensions(1_000_000_000, 16_384)]), false);
        assert_eq!(
            read(&declared),
            Err(WorkbookError::TooLarge(
                "a sheet declares 16384000000000 cells (at most 1000000)".into()
            ))
        );
        // Two cells 65535 rows and 255 columns apart: a 16.7 M-cell dense range.
        let sparse = xls_of(&biff(&[number(0, 0, 1.0), number(65_535, 255, 1.0)]), false);
        assert_eq!(
            read(&sparse),
            Err(WorkbookError::TooLarge(
                "a sheet spans 16777216 cells (at most 1000000)".into()
            ))
        );
        // A sector chain that loops: calamine would follow it until memory runs out.
        let looped = xls_of(&biff(&[number(0, 0, 1.0)]), true);
        assert!(
            matches!(read(&looped), Err(WorkbookError::Unreadable(ref m)) if m.contains("loops")),
            "{:?}",
            read(&looped)
        );
    }

    /// Every real workbook of the test data (not the held-out half) reads to exactly the
    /// cells calamine's own dense reading finds: the limits change nothing for them.
    #[test]
    fn real_workbooks_read_the_same_cells_as_calamine() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(d) = dirs.pop() {
            if d.ends_with("heldout") {
                continue;
            }
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if ["xlsx", "xls", "ods"]
                    .iter()
                    .any(|x| p.extension().is_some_and(|e| e == *x))
                {
                    files.push(p);
                }
            }
        }
        assert!(files.len() >= 5, "{files:?}");
        for p in files {
            let bytes = std::fs::read(&p).unwrap();
            let mine = read(&bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
            for s in &mine {
                let range = wb.worksheet_range(&s.name).unwrap();
                let (r0, c0) = range.start().unwrap_or((0, 0));
                let mut theirs: Vec<(u32, u32, String)> = range
                    .used_cells()
                    .map(|(r, c, v)| (r0 + r as u32, c0 + c as u32, v.to_string()))
                    .collect();
                theirs.sort();
                let mine: Vec<_> = cells_of(s)
                    .into_iter()
                    .filter(|(r, c, _)| {
                        s.cells
                            .iter()
                            .any(|x| x.row == *r && x.col == *c && x.value != Data::Empty)
                    })
                    .collect();
                assert_eq!(mine, theirs, "{} sheet {}", p.display(), s.name);
                assert_eq!(s.cut, None);
            }
        }
    }
}
