//! Quote extraction and normalisation: supplier quotes in any common format become
//! comparable [`QuoteLine`]s with provenance, confidence and diagnostics.
//!
//! Guarantees:
//! - [`extract`] never panics and never stops at the first problem: whatever cannot be
//!   read becomes a [`Diagnostic`] with a stable code, and the rest is still read.
//! - Every extracted value carries a [`Location`] (file, sheet + cell, page + line + span).
//! - Prices are normalised to ONE unit ([`PriceBreak::unit_price`]) whatever the printed
//!   basis (per 100 "/C", per 1000 "/M", per pack); the basis is kept in
//!   [`QuoteLine::price_basis_qty`].
//! - Pure Rust, no IO. The normalisation core (numbers, money, units, price basis, terms,
//!   Incoterms, lead times, the text and table readers and the result types) builds
//!   without the `extract` feature; the binary-format parsers (CSV reader, spreadsheets,
//!   PDF, e-mail, e-invoice XML) need it.
//!
//! Format detection looks at the content first and the file name only to break ties.

pub mod bounds;
pub mod cells;
pub mod memory;
pub mod model;
pub mod notes;
pub mod number;
pub mod rfq;
pub mod table;
pub mod terms;
pub mod text;
pub mod units;
pub mod worker;

mod json;

#[cfg(feature = "extract")]
mod cii;
#[cfg(feature = "extract")]
mod delimited;
#[cfg(feature = "extract")]
mod email;
#[cfg(feature = "extract")]
mod ods;
#[cfg(feature = "extract")]
mod pdf;
#[cfg(feature = "extract")]
pub mod pdf_bounds;
#[cfg(feature = "extract")]
pub mod pdf_guard;
#[cfg(feature = "extract")]
mod sheet;

pub use memory::MappingMemory;
pub use model::*;
pub use rfq::{RfqLine, RfqSpec};
pub use table::ColumnRole;

use rust_decimal::Decimal;

use number::detect_style;
#[cfg(feature = "extract")]
use number::DecimalStyle;

/// Inputs larger than this are refused with a diagnostic (the browser would stall anyway).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
/// Attachments are followed this deep (an .eml inside an .eml…).
const MAX_DEPTH: u8 = 3;

/// Extracts a quote from one file. Never panics; see the module docs.
pub fn extract(input: &ExtractInput) -> Extraction {
    let mut ex = extract_bytes(&input.file_name, &input.bytes, input.memory.as_ref(), 0);
    finish(&mut ex, input.rfq.as_ref());
    ex
}

/// Reads a PDF's text layer only, ignoring an embedded e-invoice XML (used to check the
/// text reader against the XML, and by the app to show what the text says).
#[cfg(feature = "extract")]
pub fn extract_pdf_text(file_name: &str, bytes: &[u8]) -> Extraction {
    let mut ex = Extraction {
        file: file_name.to_string(),
        format: Format::Pdf,
        ..Default::default()
    };
    pdf::read_with(bytes, file_name, None, false, &mut ex);
    finish(&mut ex, None);
    ex
}

/// Text decoding: BOM, UTF-16 without BOM, UTF-8, else Windows-1252.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (s, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (s.into_owned(), enc.name());
    }
    // UTF-16 without BOM: many NUL bytes on one side.
    if bytes.len() >= 4 {
        let sample = &bytes[..bytes.len().min(4096)];
        let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
        let odd_nul = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|b| **b == 0)
            .count();
        let half = sample.len() / 2;
        if odd_nul * 10 > half * 4 && even_nul * 10 < half {
            let (s, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
            return (s.into_owned(), "UTF-16LE");
        }
        if even_nul * 10 > half * 4 && odd_nul * 10 < half {
            let (s, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(bytes);
            return (s.into_owned(), "UTF-16BE");
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (s.into_owned(), "windows-1252")
        }
    }
}

/// Detects the format from the bytes (and the name as a tie-breaker).
pub fn detect_format(file_name: &str, bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Format::Spreadsheet;
    }
    let (text, _) = decode_text(&bytes[..bytes.len().min(16 * 1024)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') || t.starts_with('[') && !t.starts_with("[[") && looks_json(t) {
        return Format::Json;
    }
    if t.starts_with('<')
        && (t.contains("CrossIndustryInvoice") || t.contains("CrossIndustryDocument"))
    {
        return Format::CiiXml;
    }
    if t.starts_with('<') && t.contains("urn:oasis:names:specification:ubl:schema") {
        return Format::UblXml;
    }
    if looks_email(t) {
        return Format::Email;
    }
    // A saved HTML page is read as text with tables, never split on its commas.
    if looks_html(t) {
        return Format::Text;
    }
    let lower = file_name.to_lowercase();
    if delimiter_of(t).is_some() {
        return Format::Delimited;
    }
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return Format::Delimited;
    }
    Format::Text
}

fn looks_json(t: &str) -> bool {
    t.trim_start_matches('[')
        .trim_start()
        .starts_with(['{', '"', ']'])
}

fn looks_email(t: &str) -> bool {
    let mut headers = 0;
    let mut known = 0;
    for line in t.lines().take(40) {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        headers += 1;
        let n = name.to_ascii_lowercase();
        if matches!(
            n.as_str(),
            "from"
                | "to"
                | "subject"
                | "date"
                | "mime-version"
                | "content-type"
                | "received"
                | "message-id"
                | "return-path"
        ) {
            known += 1;
        }
    }
    headers >= 2 && known >= 2
}

/// The field delimiter of delimited text, if it is one: the candidate that splits most of
/// the first lines into the same number (≥ 2) of fields.
pub fn delimiter_of(t: &str) -> Option<u8> {
    let lines: Vec<&str> = t
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    if lines.len() < 2 {
        return None;
    }
    let mut best: Option<(u8, usize)> = None;
    for d in [b'\t', b';', b',', b'|'] {
        // Prose separates with ", " (a space after the comma); CSV fields rarely start so.
        let sep = char::from(d);
        let (spaced, all) = lines.iter().fold((0usize, 0usize), |(s, a), l| {
            let parts: Vec<&str> = l.split(sep).skip(1).collect();
            (
                s + parts.iter().filter(|p| p.starts_with(' ')).count(),
                a + parts.len(),
            )
        });
        if d == b',' && all > 0 && spaced * 2 > all {
            continue;
        }
        let counts: Vec<usize> = lines.iter().map(|l| count_fields(l, d)).collect();
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for c in counts.iter().filter(|c| **c >= 2) {
            match freq.iter_mut().find(|f| f.0 == *c) {
                Some(f) => f.1 += 1,
                None => freq.push((*c, 1)),
            }
        }
        let Some(&(fields, n)) = freq.iter().max_by_key(|f| (f.1, f.0)) else {
            continue;
        };
        // Two fields (`Part,Price`) only when every line has them: prose has commas too.
        if fields == 2 && n < lines.len() {
            continue;
        }
        // Most lines agree on the field count (preamble and totals may not).
        if n * 2 >= lines.len() && n >= 2 && best.is_none_or(|b| n > b.1) {
            best = Some((d, n));
        }
    }
    best.map(|b| b.0)
}

fn count_fields(line: &str, d: u8) -> usize {
    let mut n = 1;
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

/// Extracts from bytes; `depth` counts attachment nesting.
pub(crate) fn extract_bytes(
    name: &str,
    bytes: &[u8],
    memory: Option<&MappingMemory>,
    depth: u8,
) -> Extraction {
    let mut ex = Extraction {
        file: name.to_string(),
        ..Default::default()
    };
    if bytes.len() > MAX_INPUT_BYTES {
        ex.format = Format::Unknown;
        ex.diag(
            "input.too_large",
            Severity::Error,
            format!(
                "{} bytes is more than the {} byte limit",
                bytes.len(),
                MAX_INPUT_BYTES
            ),
            Some(Location::file(name)),
        );
        return ex;
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        ex.diag(
            "input.empty",
            Severity::Error,
            "the file is empty",
            Some(Location::file(name)),
        );
        return ex;
    }
    if depth > MAX_DEPTH {
        ex.diag(
            "input.too_deep",
            Severity::Warning,
            "attachments nested too deep; not read",
            Some(Location::file(name)),
        );
        return ex;
    }
    ex.format = detect_format(name, bytes);
    match ex.format {
        Format::Json => {
            let (text, _) = decode_text(bytes);
            json::read(&text, name, &mut ex);
        }
        Format::Text => {
            let (text, _) = decode_text(bytes);
            read_text_or_html(&text, name, memory, &mut ex);
        }
        #[cfg(feature = "extract")]
        Format::Delimited => {
            delimited::read(bytes, name, memory, &mut ex);
            // Prose with regular commas looks delimited; when no table came out of it,
            // read it as text instead.
            if ex.lines.is_empty() {
                let (text, _) = decode_text(bytes);
                let mut as_text = Extraction {
                    file: name.to_string(),
                    format: Format::Text,
                    ..Default::default()
                };
                read_plain_text(&text, &Location::file(name), &mut as_text);
                if !as_text.lines.is_empty() {
                    as_text.diag(
                        "input.read_as_text",
                        Severity::Info,
                        "looked delimited, read as text",
                        Some(Location::file(name)),
                    );
                    ex = as_text;
                }
            }
        }
        #[cfg(feature = "extract")]
        Format::Spreadsheet => sheet::read(bytes, name, memory, &mut ex),
        #[cfg(feature = "extract")]
        Format::Pdf => pdf::read(bytes, name, memory, &mut ex),
        #[cfg(feature = "extract")]
        Format::Email => email::read(bytes, name, memory, depth, &mut ex),
        #[cfg(feature = "extract")]
        Format::CiiXml | Format::UblXml => cii::read(bytes, name, &mut ex),
        #[allow(unreachable_patterns)]
        other => {
            let _ = memory;
            ex.diag(
                "input.format_unsupported",
                Severity::Error,
                format!("{other:?} input needs the `extract` feature"),
                Some(Location::file(name)),
            );
        }
    }
    ex
}

/// Text, or an HTML page (a supplier portal's quote saved from the browser): an HTML
/// document's tables go to the table reader like an e-mail's HTML part, and its text
/// (tags dropped) to the text reader.
#[allow(unused_variables)]
fn read_text_or_html(text: &str, name: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    #[cfg(feature = "extract")]
    if looks_html(text) {
        let loc = Location::file(name);
        if !email::read_html_tables(text, name, &loc, memory, ex) {
            read_plain_text(&email::html_to_text(text), &loc, ex);
        }
        return;
    }
    read_plain_text(text, &Location::file(name), ex);
}

/// An HTML document rather than text that mentions a tag.
fn looks_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || {
        let l = text.to_ascii_lowercase();
        head.starts_with('<') && l.contains("<table") && l.contains("</td>")
    }
}

/// Reads free text (a pasted body, a PDF's text, an email body).
pub fn read_plain_text(text: &str, base: &Location, ex: &mut Extraction) {
    let style = detect_style(text);
    let lines: Vec<(String, Location)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !is_quoted_reply(l))
        .map(|(i, l)| {
            let mut loc = base.clone();
            loc.line = Some(u32::try_from(i + 1).unwrap_or(u32::MAX));
            (l.to_string(), loc)
        })
        .collect();
    if !bounds::rows(lines.len()) {
        return;
    }
    text::scan_header(&lines, style, ex);
    // Tables inside the text (Markdown, tab- or space-aligned) go to the one table reader;
    // the rest is read as prose.
    let tables = cells::find_tables(&lines);
    let mut prose: Vec<(String, Location)> = Vec::with_capacity(lines.len());
    let mut next = 0;
    for t in &tables {
        let ctx = table::TableContext {
            file: &base.file,
            style,
            memory: None,
            supplier: ex.supplier.clone(),
        };
        let before = ex.lines.len();
        table::read_grid(&t.grid, &ctx, ex);
        if ex.lines.len() > before {
            prose.extend(lines[next..t.first].iter().cloned());
            next = t.end;
        }
    }
    prose.extend(lines[next..].iter().cloned());
    text::parse_text_lines(&prose, style, ex);
}

fn is_quoted_reply(l: &str) -> bool {
    l.trim_start().starts_with('>')
}

/// Post-processing shared by all formats: suspicion flags, RFQ matching, sanity.
/// A line without a price (not a no-bid) naming the same part as a priced line — a
/// charge or a lead time in a mail body beside the attached price table, a notes sheet
/// beside the price sheet — gives its facts to the priced line instead of standing as a
/// line of its own, whichever came first.
fn fold_priceless_duplicates(ex: &mut Extraction) {
    let key = |l: &QuoteLine| l.part_number.as_deref().map(rfq::norm_part);
    let mut i = 0;
    while i < ex.lines.len() {
        let l = &ex.lines[i];
        let target = (l.breaks.is_empty() && !l.no_bid)
            .then(|| key(l))
            .flatten()
            .and_then(|k| {
                ex.lines.iter().enumerate().position(|(j, o)| {
                    j != i && !o.breaks.is_empty() && key(o).as_ref() == Some(&k)
                })
            });
        let Some(j) = target else {
            i += 1;
            continue;
        };
        let extra = ex.lines.remove(i);
        let j = if j > i { j - 1 } else { j };
        // Findings about the removed line are the target's now; later lines move up.
        for d in &mut ex.diagnostics {
            d.line_index = match d.line_index {
                Some(x) if x == i => Some(j),
                Some(x) if x > i => Some(x - 1),
                other => other,
            };
        }
        let t = &mut ex.lines[j];
        for (k, tl) in extra.tooling.into_iter().enumerate() {
            if t.tooling.iter().any(|x| x.amount == tl.amount) {
                continue;
            }
            if let Some(loc) = extra.provenance.get(&format!("tooling[{k}].amount")) {
                t.provenance
                    .insert(format!("tooling[{}].amount", t.tooling.len()), loc.clone());
            }
            t.tooling.push(tl);
        }
        for (field, have) in [
            ("lead_time_days", t.lead_time_days.is_some()),
            ("moq", t.moq.is_some()),
            ("order_multiple", t.order_multiple.is_some()),
        ] {
            if !have {
                if let Some(loc) = extra.provenance.get(field) {
                    t.provenance.insert(field.to_string(), loc.clone());
                }
            }
        }
        t.lead_time_days = t.lead_time_days.or(extra.lead_time_days);
        t.moq = t.moq.or(extra.moq);
        t.order_multiple = t.order_multiple.or(extra.order_multiple);
    }
}

/// Adds the table rows that name a part but give no price ([`Extraction::unpriced`]) as
/// lines for the notes pass to find; returns where they start. A part that already has a
/// line is not added again.
fn add_unpriced(ex: &mut Extraction) -> usize {
    let first = ex.lines.len();
    if ex.blanket_no_bid.is_none() {
        ex.blanket_no_bid = ex
            .notes
            .iter()
            .find(|(t, _)| notes::blanket_no_bid(t))
            .map(|(_, l)| l.clone());
    }
    let keys = |l: &QuoteLine| -> Vec<String> {
        [l.part_number.as_deref(), l.supplier_part.as_deref()]
            .into_iter()
            .flatten()
            .map(rfq::norm_part)
            .collect()
    };
    for cand in std::mem::take(&mut ex.unpriced) {
        let k = keys(&cand);
        if ex
            .lines
            .iter()
            .any(|l| keys(l).iter().any(|x| k.contains(x)))
        {
            continue; // a line for the part already (or the same row read twice)
        }
        ex.lines.push(cand);
    }
    first
}

/// After the notes pass: an unpriced row the document declined (by part, by description)
/// is a no-bid line; under "all other items: no quote" every line left without a price
/// is; other unpriced rows are dropped. A no-bid line has no price and no revision.
fn settle_unpriced(ex: &mut Extraction, first: usize) {
    let blanket = ex.blanket_no_bid.clone();
    let mut i = 0;
    while i < ex.lines.len() {
        let l = &mut ex.lines[i];
        if l.breaks.is_empty() && !l.no_bid && l.tooling.is_empty() {
            if let Some(loc) = &blanket {
                l.no_bid = true;
                l.no_bid_reason = Some("all other items: no quote".into());
                l.provenance.insert("no_bid".into(), loc.clone());
            }
        }
        let l = &mut ex.lines[i];
        if i >= first && !l.no_bid && l.breaks.is_empty() {
            ex.lines.remove(i);
            continue;
        }
        if i >= first && l.confidence == 0 {
            l.confidence = 70;
        }
        if l.no_bid && l.breaks.is_empty() && l.revision.is_some() {
            l.revision = None;
            l.provenance.remove("revision");
        }
        i += 1;
    }
}

fn finish(ex: &mut Extraction, rfq: Option<&RfqSpec>) {
    reconcile_currency(ex);
    fold_priceless_duplicates(ex);
    let first_unpriced = add_unpriced(ex);
    notes::attach_notes(ex, rfq, number::DecimalStyle::Unknown);
    settle_unpriced(ex, first_unpriced);
    merge_no_bid_notes(ex);
    if let Some(r) = rfq {
        rfq::match_rfq(ex, r);
    }
    apply_basis_note(ex);
    flag_unbound_basis(ex);
    line_defaults(ex);
    check_scale(ex);
    check_decimal_style(ex);
    flag_outliers(ex, rfq);
    cross_check(ex, rfq);
    // The working notes of the readers are not part of the result.
    ex.stated_currency = None;
    ex.blanket_no_bid = None;
    ex.basis_note = None;
    ex.basis_hint = None;
    ex.notes = Vec::new();
    ex.consumed = Vec::new();
    ex.pieces = false;
    ex.price_marks = Vec::new();
    for l in &mut ex.lines {
        l.price_source = PriceSource::default();
    }
    if ex.lines.is_empty() && !ex.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        // Say why and where: the table whose header was not understood, with its cells,
        // so a person can map it (and the mapping memory learn it); in a PDF, the page
        // whose rows hold prices (`pdf.table_unread`).
        let unread = ex
            .diagnostics
            .iter()
            .find(|d| d.code == "pdf.table_unread")
            .map(|d| (d.message.clone(), d.location.clone()));
        let (msg, loc) = match ex.layouts.iter().find(|l| l.source == "unmapped") {
            Some(l) => (
                format!(
                    "no quote lines found: the table in '{}' has no header the reader \
                     understood (widest row: {}); map its columns to read it",
                    l.table,
                    l.header
                        .iter()
                        .filter(|h| !h.is_empty())
                        .take(8)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
                ex.diagnostics
                    .iter()
                    .find(|d| d.code == "table.no_header")
                    .and_then(|d| d.location.clone())
                    .unwrap_or_else(|| Location::file(&ex.file)),
            ),
            None if !ex.layouts.is_empty() => (
                format!(
                    "no quote lines found: {} table(s) recognised but no row had a part \
                     and a price or no-bid",
                    ex.layouts.len()
                ),
                Location::file(&ex.file),
            ),
            None => (
                "no quote lines found: no table and no line naming a part with a price".to_string(),
                Location::file(&ex.file),
            ),
        };
        let (msg, loc) = match unread {
            Some((m, Some(l))) => (format!("no quote lines found: {m}"), l),
            _ => (msg, loc),
        };
        ex.diag("extract.no_lines", Severity::Warning, msg, Some(loc));
    }
}

/// A currency stated in words or as a code beats what a bare `$` or `¥` suggested: "all
/// prices in CAD" with `$12.00` cells is CAD, "RMB" with `¥` cells is CNY.
fn reconcile_currency(ex: &mut Extraction) {
    let Some(stated) = ex.stated_currency else {
        return;
    };
    match ex.currency {
        None => {
            ex.currency = Some(stated);
        }
        Some(c) if c != stated && text::same_symbol(c, stated) => {
            ex.currency = Some(stated);
        }
        _ => {}
    }
    for l in &mut ex.lines {
        if let Some(c) = l.currency {
            if c == stated || text::same_symbol(c, stated) && ex.currency == Some(stated) {
                l.currency = None;
            }
        }
    }
}

/// A no-bid said twice about one part (a "No quote" cell in the table, then a sentence
/// under it giving the reason) is one no-bid line: the later, price-less no-bid line is
/// folded into the first, whose reason becomes the longer of the two.
fn merge_no_bid_notes(ex: &mut Extraction) {
    let key = |l: &QuoteLine| {
        l.part_number
            .as_deref()
            .or(l.supplier_part.as_deref())
            .map(|p| p.trim().to_uppercase())
    };
    let mut j = 1;
    while j < ex.lines.len() {
        let later = &ex.lines[j];
        let fold = later.no_bid && later.breaks.is_empty() && key(later).is_some();
        let target = fold
            .then(|| {
                (0..j).find(|&i| {
                    let first = &ex.lines[i];
                    first.no_bid
                        && key(first) == key(later)
                        && (later.revision.is_none() || first.revision == later.revision)
                })
            })
            .flatten();
        match target {
            Some(i) => {
                let later = ex.lines.remove(j);
                let first = &mut ex.lines[i];
                let longer = match (&first.no_bid_reason, &later.no_bid_reason) {
                    (None, Some(_)) => true,
                    (Some(a), Some(b)) => b.len() > a.len(),
                    _ => false,
                };
                if longer {
                    first.no_bid_reason = later.no_bid_reason;
                    if let Some(loc) = later.provenance.get("no_bid") {
                        first.provenance.insert("no_bid_reason".into(), loc.clone());
                    }
                }
            }
            None => j += 1,
        }
    }
}

/// Ratio bands that suggest a price typed per 100 or per 1000 as per unit.
fn basis_suspect(a: Decimal, b: Decimal) -> Option<u32> {
    if a <= Decimal::ZERO || b <= Decimal::ZERO {
        return None;
    }
    let r = if a > b { a / b } else { b / a };
    if r >= Decimal::from(60) && r <= Decimal::from(160) {
        Some(100)
    } else if r >= Decimal::from(600) && r <= Decimal::from(1600) {
        Some(1000)
    } else {
        None
    }
}

fn flag_outliers(ex: &mut Extraction, rfq: Option<&RfqSpec>) {
    let mut found: Vec<(usize, String, Option<Location>)> = Vec::new();
    // Lines by part number, so comparing offers for one part is not quadratic.
    let mut by_part: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, l) in ex.lines.iter().enumerate() {
        if let Some(pn) = l.part_number.as_deref() {
            by_part.entry(pn).or_default().push(i);
        }
    }
    for (li, line) in ex.lines.iter().enumerate() {
        // Within the line's own breaks.
        for (k, w) in line.breaks.windows(2).enumerate() {
            if let Some(f) = basis_suspect(w[0].unit_price, w[1].unit_price) {
                found.push((
                    li,
                    format!(
                        "break prices {} and {} differ ~{f}×: a price per {f} typed as per unit?",
                        w[0].unit_price, w[1].unit_price
                    ),
                    line.provenance
                        .get(&format!("breaks[{}].unit_price", k + 1))
                        .cloned(),
                ));
            }
        }
        // Against other offers for the same part in this file.
        if let (Some(pn), Some(b)) = (line.part_number.as_deref(), line.breaks.first()) {
            let later = by_part.get(pn).map(Vec::as_slice).unwrap_or_default();
            for other in later.iter().filter(|&&j| j > li).map(|&j| &ex.lines[j]) {
                {
                    if let Some(ob) = other.breaks.first() {
                        if let Some(f) = basis_suspect(b.unit_price, ob.unit_price) {
                            found.push((
                                li,
                                format!(
                                    "{pn}: offers {} and {} differ ~{f}×",
                                    b.unit_price, ob.unit_price
                                ),
                                line.provenance.get("breaks[0].unit_price").cloned(),
                            ));
                        }
                    }
                }
            }
        }
        // Against the RFQ's last price paid, target price and should-cost.
        if let (Some(r), Some(m), Some(b)) = (rfq, line.rfq_line.as_ref(), line.breaks.first()) {
            let refs = r
                .lines
                .iter()
                .find(|l| l.line == m.line)
                .map(RfqLine::reference_prices)
                .unwrap_or_default();
            if let Some((f, reference)) = refs
                .iter()
                .find_map(|p| basis_suspect(b.unit_price, *p).map(|f| (f, *p)))
            {
                let pn = line.part_number.as_deref().unwrap_or("?");
                found.push((
                    li,
                    format!(
                        "{pn}: unit price {} is ~{f}× the RFQ's reference price {reference} \
                         (last paid, target or should-cost)",
                        b.unit_price
                    ),
                    line.provenance.get("breaks[0].unit_price").cloned(),
                ));
            }
        }
        if line
            .breaks
            .windows(2)
            .any(|w| w[1].unit_price > w[0].unit_price && w[1].min_qty > w[0].min_qty)
        {
            let msg = "a higher quantity break has a higher unit price".to_string();
            ex.diagnostics.push(Diagnostic {
                code: "breaks.not_descending".into(),
                severity: Severity::Info,
                message: msg,
                location: line.provenance.get("breaks[1].unit_price").cloned(),
                line_index: Some(li),
            });
        }
    }
    // Against the basis the document itself uses: where some lines are priced per 100 /
    // per 1000 (a cell, a column, a header said so), a line read per 1 whose price is
    // about that many times theirs is likely printed on the same basis without saying it.
    let bound: Vec<(Decimal, Decimal)> = ex
        .lines
        .iter()
        .filter(|l| !l.no_bid && l.price_basis_qty > Decimal::ONE)
        .filter_map(|l| l.breaks.first().map(|b| (l.price_basis_qty, b.unit_price)))
        .collect();
    if !bound.is_empty() {
        for (li, line) in ex.lines.iter().enumerate() {
            if line.no_bid
                || line.price_basis_qty != Decimal::ONE
                || line.provenance.contains_key("price_basis_qty")
                || line.price_source == PriceSource::Structured
                || found.iter().any(|f| f.0 == li)
            {
                continue;
            }
            let Some(b) = line.breaks.first() else {
                continue;
            };
            if let Some((basis, theirs)) = bound.iter().find(|(basis, theirs)| {
                b.unit_price > *theirs
                    && basis_suspect(b.unit_price, *theirs)
                        .is_some_and(|f| Decimal::from(f) == *basis)
            }) {
                found.push((
                    li,
                    format!(
                        "this price {} is read per 1, but other lines of this document are \
                         priced per {basis} (a unit price of {theirs}): is it per {basis} too?",
                        b.unit_price
                    ),
                    line.provenance.get("breaks[0].unit_price").cloned(),
                ));
            }
        }
    }
    for (li, msg, loc) in found {
        flag_basis_suspect(ex, li, msg, loc);
    }
}

/// What a line's document implies without printing it on the line: a document counting
/// in pieces prices a line without a unit per piece (`H87`); a single price with no
/// quantity of its own starts at the MOQ.
fn line_defaults(ex: &mut Extraction) {
    for l in &mut ex.lines {
        if l.uom.is_none() && ex.pieces && !l.no_bid {
            l.uom = Some("H87".into());
        }
        if let (Some(moq), [b]) = (l.moq, l.breaks.as_mut_slice()) {
            if b.min_qty == Decimal::ONE && moq > Decimal::ONE {
                b.min_qty = moq;
            }
        }
    }
}

/// The quantity a line's printed amount is for: its own quantity, else the minimum
/// quantity of its one price break (a quote for 5000 pcs at one price).
fn amount_qty(l: &QuoteLine) -> Option<Decimal> {
    l.quantity.or(match l.breaks.as_slice() {
        [b] if b.min_qty > Decimal::ONE => Some(b.min_qty),
        _ => None,
    })
}

/// The unit price a line charges at `q`: the break with the largest minimum quantity not
/// above `q`, else the first break.
fn price_at_qty(l: &QuoteLine, q: Decimal) -> Option<Decimal> {
    l.breaks
        .iter()
        .rev()
        .find(|b| b.min_qty <= q)
        .or(l.breaks.first())
        .map(|b| b.unit_price)
}

/// A price per 100 or per 1000 read as per unit, or a decimal separator misread (which is
/// ×1000), shows in the document's own arithmetic, whatever the reader:
/// - a line's quantity × unit price against its printed amount: exactly 100× or 1000× the
///   amount is a price per 100 / per 1000 (applied, `price.basis_from_total`); near such a
///   ratio, or a price 100×/1000× too small, is flagged `price.basis_suspect`;
/// - the printed document total against the sum of the line amounts: when scaling one
///   line's price down by 100 or 1000 makes the sum exact, that line was per 100 / per
///   1000 (applied); a sum ~100×/1000× off otherwise flags every line without a printed
///   amount of its own;
/// - a unit column that differs between rows: a row counted in hundreds or thousands
///   (`CEN`, `MIL`, `T3`) beside rows counted in single units is flagged.
fn check_scale(ex: &mut Extraction) {
    let tol = |t: Decimal| (t.abs() * Decimal::new(5, 3)).max(Decimal::new(2, 2));
    let close = |a: Decimal, b: Decimal| (a - b).abs() <= tol(b);
    let free = |l: &QuoteLine| {
        l.price_basis_qty == Decimal::ONE
            && !l.provenance.contains_key("price_basis_qty")
            && l.price_source != PriceSource::Structured
    };
    let mut apply: Vec<(usize, u32, String, Option<Location>)> = Vec::new();
    let mut suspect: Vec<(usize, String, Option<Location>)> = Vec::new();
    for (li, l) in ex.lines.iter().enumerate() {
        if l.no_bid {
            continue;
        }
        let (Some(q), Some(t)) = (amount_qty(l), l.line_total) else {
            continue;
        };
        let Some(p) = price_at_qty(l, q) else {
            continue;
        };
        if q <= Decimal::ZERO || t <= Decimal::ZERO || p <= Decimal::ZERO {
            continue;
        }
        let Some(e) = q.checked_mul(p) else {
            continue;
        };
        if close(e, t) {
            continue;
        }
        let Some(f) = basis_suspect(e, t) else {
            continue;
        };
        let loc = l.provenance.get("line_total").cloned();
        let exact = e > t && close(e / Decimal::from(f), t);
        if exact && free(l) {
            apply.push((
                li,
                f,
                format!("quantity {q} × price {p} = {t} only per {f}: read as a price per {f}"),
                loc,
            ));
        } else if e > t {
            suspect.push((
                li,
                format!("quantity {q} × price {p} = {e} is ~{f}× the printed amount {t}: a price per {f} read as per unit?"),
                loc,
            ));
        } else {
            suspect.push((
                li,
                format!("quantity {q} × price {p} = {e} is ~1/{f} of the printed amount {t}: a misread decimal separator or price basis?"),
                loc,
            ));
        }
    }
    let fixed: std::collections::HashSet<usize> = apply.iter().map(|a| a.0).collect();
    let flagged: std::collections::HashSet<usize> = suspect.iter().map(|a| a.0).collect();
    // The document total against the sum of the line amounts.
    if let Some(total) = ex.total.filter(|t| *t > Decimal::ZERO) {
        let priced: Vec<usize> = (0..ex.lines.len())
            .filter(|&i| !ex.lines[i].no_bid && !ex.lines[i].breaks.is_empty())
            .collect();
        let amounts: Option<Vec<(usize, Decimal, bool)>> = priced
            .iter()
            .map(|&i| {
                let l = &ex.lines[i];
                let scale = apply
                    .iter()
                    .find(|a| a.0 == i)
                    .map_or(Decimal::ONE, |a| Decimal::from(a.1));
                match (l.line_total, amount_qty(l)) {
                    (Some(t), _) if !flagged.contains(&i) => Some((i, t, true)),
                    (_, Some(q)) => price_at_qty(l, q)
                        .and_then(|p| q.checked_mul(p))
                        .map(|a| (i, a / scale, false)),
                    _ => None,
                }
            })
            .collect();
        if let Some(amounts) = amounts.filter(|a| !a.is_empty()) {
            let sum: Decimal = amounts.iter().map(|a| a.1).sum();
            let ttol = (total * Decimal::new(5, 3)).max(Decimal::new(5, 2));
            if (sum - total).abs() > ttol && sum > total {
                // One line priced per 100 / 1000 makes the sum exact?
                let one = amounts
                    .iter()
                    .filter(|a| !a.2 && free(&ex.lines[a.0]) && !fixed.contains(&a.0))
                    .flat_map(|a| [100u32, 1000].map(|f| (a.0, a.1, f)))
                    .filter(|(_, amt, f)| {
                        (sum - *amt + *amt / Decimal::from(*f) - total).abs() <= ttol
                    })
                    .collect::<Vec<_>>();
                if let [(i, _, f)] = one.as_slice() {
                    apply.push((
                        *i,
                        *f,
                        format!(
                            "the line amounts sum to {sum}, the document total is {total}: \
                             only this line's price read per {f} makes them agree"
                        ),
                        ex.provenance.get("total").cloned(),
                    ));
                } else if let Some(f) = basis_suspect(sum, total) {
                    for a in amounts.iter().filter(|a| !a.2) {
                        suspect.push((
                            a.0,
                            format!(
                                "the line amounts sum to {sum}, ~{f}× the document total \
                                 {total}: a price per {f} read as per unit?"
                            ),
                            ex.provenance.get("total").cloned(),
                        ));
                    }
                }
            }
        }
    }
    // A unit that counts hundreds or thousands (`CEN`, `MIL`, `T3`) on some rows of a
    // document whose other rows count single units: that row's price is per 100 / 1000
    // of what the others are priced in.
    let counting = |u: Option<&str>| match u {
        Some("CEN") => Some(100u32),
        Some("MIL" | "T3") => Some(1000),
        _ => None,
    };
    for (li, l) in ex.lines.iter().enumerate() {
        let Some(f) = counting(l.uom.as_deref()) else {
            continue;
        };
        if l.no_bid || l.breaks.is_empty() || l.price_basis_qty != Decimal::ONE {
            continue;
        }
        let differs = ex.lines.iter().any(|o| {
            !o.no_bid
                && !o.breaks.is_empty()
                && o.uom.is_some()
                && counting(o.uom.as_deref()).is_none()
        });
        if differs && !fixed.contains(&li) && !suspect.iter().any(|s| s.0 == li) {
            let u = l.uom.as_deref().unwrap_or_default();
            suspect.push((
                li,
                format!(
                    "this line's unit {u} counts {f}s while other lines count single units: \
                     its price {} is per {f} of theirs",
                    l.breaks[0].unit_price
                ),
                l.provenance.get("uom").cloned(),
            ));
        }
    }
    for (li, f, msg, loc) in apply {
        let l = &mut ex.lines[li];
        let fd = Decimal::from(f);
        for b in &mut l.breaks {
            b.unit_price = (b.unit_price / fd).normalize();
        }
        l.price_basis_qty = fd;
        if let Some(loc) = loc.clone() {
            l.provenance.insert("price_basis_qty".into(), loc);
        }
        ex.diagnostics.push(Diagnostic {
            code: "price.basis_from_total".into(),
            severity: Severity::Info,
            message: msg,
            location: loc,
            line_index: Some(li),
        });
    }
    for (li, msg, loc) in suspect {
        flag_basis_suspect(ex, li, msg, loc);
    }
}

/// A document whose decimal style was not known reads `1,250` as 1250 and `1.250` as
/// 1.25. When its other prices show a comma as the decimal mark (`0,045`, `3,20`), such a
/// price may be 1000× off either way: the line is flagged `price.basis_suspect` and its
/// confidence falls below 80.
fn check_decimal_style(ex: &mut Extraction) {
    use number::NumberMark;
    let comma_decimal = ex
        .price_marks
        .iter()
        .filter(|(m, _)| *m == NumberMark::Decimal(','))
        .count();
    let dot_decimal = ex
        .price_marks
        .iter()
        .filter(|(m, _)| *m == NumberMark::Decimal('.'))
        .count();
    if comma_decimal == 0 {
        return;
    }
    let mut found = Vec::new();
    for (mark, loc) in &ex.price_marks {
        let NumberMark::Ambiguous(sep) = mark else {
            continue;
        };
        let Some((li, key)) = ex.lines.iter().enumerate().find_map(|(li, l)| {
            l.provenance
                .iter()
                .find(|(k, v)| k.starts_with("breaks[") && *v == loc)
                .map(|(k, _)| (li, k.clone()))
        }) else {
            continue;
        };
        let l = &ex.lines[li];
        let price = key
            .strip_prefix("breaks[")
            .and_then(|r| r.split(']').next())
            .and_then(|k| k.parse::<usize>().ok())
            .and_then(|k| l.breaks.get(k))
            .map(|b| b.unit_price);
        let read = if *sep == ',' {
            "a thousands group"
        } else {
            "the decimal mark"
        };
        found.push((
            li,
            format!(
                "price {} was read with '{sep}' as {read}, but {comma_decimal} other price(s) \
                 in this document use ',' as the decimal mark{}: it may be 1000× off",
                price.map_or_else(|| "?".to_string(), |p| p.to_string()),
                if dot_decimal > 0 {
                    format!(" and {dot_decimal} use '.'")
                } else {
                    String::new()
                }
            ),
            loc.clone(),
        ));
    }
    for (li, msg, loc) in found {
        flag_basis_suspect(ex, li, msg, Some(loc));
    }
}

/// Flags line `li`'s price as possibly 100×/1000× off (`price.basis_suspect`) and takes
/// its confidence below 80 (at most 70), the one way every basis check says so.
fn flag_basis_suspect(ex: &mut Extraction, li: usize, message: String, location: Option<Location>) {
    ex.diagnostics.push(Diagnostic {
        code: "price.basis_suspect".into(),
        severity: Severity::Warning,
        message,
        location,
        line_index: Some(li),
    });
    if let Some(l) = ex.lines.get_mut(li) {
        l.confidence = l.confidence.saturating_sub(30).min(70);
    }
}

/// A price basis the document mentions ("per 1000 pcs" in a remark or a wrapped cell)
/// that no line took, or a basis cell no reader understood (`Tsd.` in a "PE" column):
/// every line still read per 1 from a price nothing binds may be 100× or 1000× its real
/// unit price. Each is flagged `price.basis_suspect`, and its confidence falls below 80
/// (the cross-checks cap a contradicted line at 40), unless the line's own arithmetic
/// (quantity × price = its printed amount) confirms the per-1 reading.
///
/// A mention is bound when it stands on the row of a line that took a basis from it
/// (`$41.50 per` / `1000 pcs` wrapped under the price); other lines of such a document
/// are not vouched for by it. A line bound by its own cell, column or header is never
/// flagged here, whatever other lines say.
fn flag_unbound_basis(ex: &mut Extraction) {
    let bound_rows: Vec<Location> = ex
        .lines
        .iter()
        .filter(|l| {
            l.price_basis_qty != Decimal::ONE || l.provenance.contains_key("price_basis_qty")
        })
        .flat_map(|l| {
            l.provenance
                .iter()
                .filter(|(k, _)| k.starts_with("breaks[") || *k == "price_basis_qty")
                .map(|(_, v)| v.clone())
        })
        .collect();
    let hint = ex.basis_hint.clone().filter(|(_, loc)| {
        !bound_rows
            .iter()
            .any(|b| same_row(b, loc) || next_row(b, loc))
    });
    let unread = std::mem::take(&mut ex.basis_unread);
    if hint.is_none() && unread.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for (li, l) in ex.lines.iter().enumerate() {
        if l.no_bid
            || l.breaks.is_empty()
            || l.price_source == PriceSource::Structured
            || l.price_basis_qty != Decimal::ONE
            || l.provenance.contains_key("price_basis_qty")
        {
            continue;
        }
        // Quantity × price = the printed line amount confirms the per-1 reading.
        let total_ok = match (l.quantity, l.line_total, l.breaks.as_slice()) {
            (Some(q), Some(t), [b]) => q
                .checked_mul(b.unit_price)
                .is_some_and(|e| (e - t).abs() <= t.abs() * Decimal::new(5, 3)),
            _ => false,
        };
        if total_ok {
            continue;
        }
        // A basis cell on this line's row that no reader understood.
        let own = unread.iter().find(|(_, u)| {
            l.provenance
                .iter()
                .filter(|(k, _)| k.starts_with("breaks["))
                .any(|(_, v)| same_row(v, u))
        });
        if let Some((t, u)) = own {
            found.push((
                li,
                format!(
                    "the price basis '{t}' on this row was not understood; the price is \
                     read per 1: check its basis"
                ),
                u.clone(),
            ));
        } else if let Some((basis, loc)) = &hint {
            found.push((
                li,
                format!(
                    "the document mentions a price per {basis} ({}) that no column or \
                     price states; this price is read per 1: check its basis",
                    where_is(loc)
                ),
                loc.clone(),
            ));
        } else if let Some((t, u)) = unread.first() {
            found.push((
                li,
                format!(
                    "the price basis '{t}' ({}) was not understood; this price is read \
                     per 1: check its basis",
                    where_is(u)
                ),
                u.clone(),
            ));
        }
    }
    for (li, msg, loc) in found {
        flag_basis_suspect(ex, li, msg, Some(loc));
    }
}

/// `line 12`, `cell D5`, `page 2 line 7`: where a location points, for a message.
fn where_is(loc: &Location) -> String {
    let mut parts = Vec::new();
    if let Some(p) = loc.page {
        parts.push(format!("page {p}"));
    }
    if let Some(c) = &loc.cell {
        parts.push(format!("cell {c}"));
    } else if let Some(n) = loc.line {
        parts.push(format!("line {n}"));
    }
    if parts.is_empty() {
        loc.file.clone()
    } else {
        parts.join(" ")
    }
}

/// The row digits of a cell reference (`D12` → `12`).
fn cell_row(l: &Location) -> Option<&str> {
    l.cell
        .as_deref()
        .map(|c| c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic()))
}

/// Two locations on one row (one text line, one sheet row).
fn same_row(a: &Location, b: &Location) -> bool {
    a.file == b.file
        && a.sheet == b.sheet
        && a.page == b.page
        && a.line == b.line
        && cell_row(a) == cell_row(b)
}

/// `b` on the row right under `a` (a price cell wrapped onto the next text line).
fn next_row(a: &Location, b: &Location) -> bool {
    a.file == b.file
        && a.sheet == b.sheet
        && a.page == b.page
        && a.cell.is_none()
        && b.cell.is_none()
        && a.line.zip(b.line).is_some_and(|(x, y)| y == x + 1)
}

/// "All prices per 1000 pcs" written once for the document: lines read without a basis of
/// their own take it (and a finding says so).
fn apply_basis_note(ex: &mut Extraction) {
    let Some((basis, loc)) = ex.basis_note.clone() else {
        return;
    };
    let mut changed = 0;
    for l in &mut ex.lines {
        if l.price_basis_qty != Decimal::ONE
            || l.provenance.contains_key("price_basis_qty")
            || l.price_source != PriceSource::Unlabelled
            || l.breaks.is_empty()
        {
            continue;
        }
        for b in &mut l.breaks {
            if let Some(up) = units::unit_price(b.unit_price, basis) {
                b.unit_price = up;
            }
        }
        l.price_basis_qty = basis;
        l.provenance.insert("price_basis_qty".into(), loc.clone());
        changed += 1;
    }
    if changed > 0 {
        ex.diag(
            "price.basis_from_note",
            Severity::Info,
            format!("the document states prices per {basis}; applied to {changed} line(s)"),
            Some(loc),
        );
    }
}

/// What corroborates one line, for its confidence.
struct Evidence {
    /// quantity × price = amount, the RFQ's reference prices, another offer for the part,
    /// or the document total.
    price_strong: bool,
    /// A per-unit label with a known currency.
    price_medium: bool,
    /// A part number that looks like one, or an RFQ match by part number.
    identity: bool,
    /// The break quantities were read from the document (a break header, a quantity
    /// column, `@ 2k`, an MOQ), not assumed.
    quantity: bool,
    /// Breaks in order: no two at one quantity, none dearer at a higher quantity.
    breaks_ordered: bool,
}

/// Cross-checks that set each line's confidence from the evidence for it. A line is at
/// 80 or more only when its identity (a part number, or an RFQ match by part), its
/// quantities (stated, not assumed) and its price (quantity × unit price = the printed
/// amount or the lines summing to the document total, the RFQ's reference prices, another
/// offer for the same part: strong; a per-unit label with a known currency: medium, at
/// most 85) are all corroborated; 90 or more needs strong price evidence. What is missing
/// gives a finding (`price.uncorroborated`, `line.identity_uncorroborated`,
/// `line.quantity_uncorroborated`) and a confidence below 80; a contradicted price
/// (`price.basis_suspect`, `line.total_mismatch`) is at most 40, breaks out of order at
/// most 60.
fn cross_check(ex: &mut Extraction, rfq: Option<&RfqSpec>) {
    let contradicted: std::collections::HashSet<usize> = ex
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code.as_str(),
                "price.basis_suspect" | "line.total_mismatch"
            )
        })
        .filter_map(|d| d.line_index)
        .collect();
    let near = |a: Decimal, b: Decimal| {
        a > Decimal::ZERO && b > Decimal::ZERO && {
            let r = if a > b { a / b } else { b / a };
            r <= Decimal::new(25, 1)
        }
    };
    let mut by_part: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, l) in ex.lines.iter().enumerate() {
        if let Some(p) = l.part_number.as_deref() {
            by_part.entry(rfq::norm_part(p)).or_default().push(i);
        }
    }
    let doc_total_ok = doc_total_agrees(ex);
    // A price whose basis was taken from the document total (the only reading that makes
    // the lines sum to it) is a repair, not a confirmation: the total may be misread.
    let total_loc = ex.provenance.get("total").cloned();
    let repaired: std::collections::HashSet<usize> = ex
        .diagnostics
        .iter()
        .filter(|d| {
            d.code == "price.basis_from_total" && total_loc.is_some() && d.location == total_loc
        })
        .filter_map(|d| d.line_index)
        .collect();
    let mut findings: Vec<(&'static str, usize, String, Option<Location>)> = Vec::new();
    for li in 0..ex.lines.len() {
        let l = &ex.lines[li];
        if l.breaks.is_empty() || l.no_bid {
            continue;
        }
        if contradicted.contains(&li) {
            ex.lines[li].confidence = ex.lines[li].confidence.min(40);
            continue;
        }
        if l.price_source == PriceSource::Structured {
            continue;
        }
        let total_ok = match (l.quantity, l.line_total, l.breaks.as_slice()) {
            (Some(q), Some(t), [b]) => q.checked_mul(b.unit_price).is_some_and(|e| {
                (e - t).abs() <= (t.abs() * Decimal::new(5, 3)).max(Decimal::new(2, 2))
            }),
            _ => false,
        };
        let part_match = l.rfq_line.as_ref().is_some_and(|m| {
            matches!(
                m.reason.as_str(),
                "part_number" | "supplier_part" | "alternate_of"
            )
        });
        let refs: Vec<Decimal> = match (rfq, l.rfq_line.as_ref()) {
            (Some(r), Some(m)) if m.reason != "description" => r
                .lines
                .iter()
                .find(|x| x.line == m.line)
                .map(RfqLine::reference_prices)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let ref_ok = refs
            .iter()
            .any(|p| l.breaks.iter().any(|b| near(b.unit_price, *p)));
        // Another offer: the same part with other prices (another supplier, another
        // table). The same breaks again are the same row read twice, which confirms
        // nothing.
        let peer_ok = l
            .part_number
            .as_deref()
            .and_then(|p| by_part.get(&rfq::norm_part(p)))
            .is_some_and(|others| {
                others.iter().filter(|&&j| j != li).any(|&j| {
                    ex.lines[j].breaks != l.breaks
                        && ex.lines[j]
                            .breaks
                            .first()
                            .zip(l.breaks.first())
                            .is_some_and(|(a, b)| near(a.unit_price, b.unit_price))
                })
            });
        let stated_qty = l.breaks.len() > 1
            || l.breaks.iter().any(|b| b.min_qty != Decimal::ONE)
            || l.quantity.is_some()
            || l.provenance.contains_key("quantity")
            || l.provenance.contains_key("breaks[0].min_qty");
        let ev = Evidence {
            price_strong: total_ok || ref_ok || peer_ok || doc_total_ok && !repaired.contains(&li),
            price_medium: l.price_source == PriceSource::UnitLabelled && ex.currency.is_some(),
            identity: part_match
                || l.part_number.as_deref().is_some_and(text::identifies_part)
                || l.supplier_part
                    .as_deref()
                    .is_some_and(text::identifies_part),
            quantity: stated_qty || total_ok,
            breaks_ordered: l
                .breaks
                .windows(2)
                .all(|w| w[1].min_qty > w[0].min_qty && w[1].unit_price <= w[0].unit_price),
        };
        let loc = l.provenance.get("breaks[0].unit_price").cloned();
        let part_loc = l
            .provenance
            .get("part_number")
            .or_else(|| l.provenance.get("description"))
            .cloned()
            .or_else(|| loc.clone());
        let was = l.confidence;
        let mut cap: u8 = 100;
        if !ev.price_strong {
            if ev.price_medium {
                cap = cap.min(85);
            } else {
                cap = cap.min(75);
                if was >= 80 {
                    findings.push((
                        "price.uncorroborated",
                        li,
                        "no total, per-unit label, RFQ reference or other offer confirms \
                         this price"
                            .into(),
                        loc.clone(),
                    ));
                }
            }
        }
        if !ev.identity {
            cap = cap.min(70);
            if was >= 80 {
                let what = l
                    .part_number
                    .as_deref()
                    .or(l.supplier_part.as_deref())
                    .map_or_else(
                        || "this line has no part number".to_string(),
                        |p| format!("'{p}' does not look like a part number"),
                    );
                findings.push((
                    "line.identity_uncorroborated",
                    li,
                    format!("{what} and no RFQ line matches it by part: check which item this price is for"),
                    part_loc,
                ));
            }
        }
        if !ev.quantity {
            cap = cap.min(75);
            if was >= 80 {
                findings.push((
                    "line.quantity_uncorroborated",
                    li,
                    "no quantity is stated for this price (no break header, quantity column \
                     or MOQ): read as from 1"
                        .into(),
                    loc.clone(),
                ));
            }
        }
        if !ev.breaks_ordered {
            cap = cap.min(60);
        }
        if repaired.contains(&li) {
            cap = cap.min(75);
        }
        let line = &mut ex.lines[li];
        line.confidence = line.confidence.min(cap);
    }
    const PER_LINE: usize = 50;
    for code in [
        "price.uncorroborated",
        "line.identity_uncorroborated",
        "line.quantity_uncorroborated",
    ] {
        let mine: Vec<_> = findings.iter().filter(|f| f.0 == code).collect();
        for (_, li, msg, loc) in mine.iter().take(PER_LINE) {
            ex.diagnostics.push(Diagnostic {
                code: code.into(),
                severity: Severity::Info,
                message: msg.clone(),
                location: loc.clone(),
                line_index: Some(*li),
            });
        }
        if mine.len() > PER_LINE {
            ex.diag(
                code,
                Severity::Info,
                format!("{} more lines like this", mine.len() - PER_LINE),
                None,
            );
        }
    }
}

/// The printed document total equals the sum of the priced lines' amounts (printed, or
/// quantity × unit price), every priced line having one: each price is corroborated.
fn doc_total_agrees(ex: &Extraction) -> bool {
    let Some(total) = ex.total.filter(|t| *t > Decimal::ZERO) else {
        return false;
    };
    let mut sum = Decimal::ZERO;
    let mut n = 0;
    for l in ex
        .lines
        .iter()
        .filter(|l| !l.no_bid && !l.breaks.is_empty())
    {
        let amount = l.line_total.or_else(|| {
            let q = amount_qty(l)?;
            price_at_qty(l, q).and_then(|p| q.checked_mul(p))
        });
        let Some(a) = amount else {
            return false;
        };
        sum += a;
        n += 1;
    }
    n > 0 && (sum - total).abs() <= (total * Decimal::new(5, 3)).max(Decimal::new(5, 2))
}

/// The decimal style of a text, re-exported for the parsers.
#[cfg(feature = "extract")]
pub(crate) fn style_of(text: &str) -> DecimalStyle {
    detect_style(text)
}

/// A1-style cell reference for 0-based column and row.
pub fn sheet_ref(col: usize, row: usize) -> String {
    let mut c = col + 1;
    let mut letters = Vec::new();
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

/// What `bidwell extract` prints and exits with, for extractions already made (the CLI
/// reads the files; this stays IO-free so it is tested here).
///
/// `json` = true: one JSON array with one [`Extraction`] per file. Otherwise a short
/// human summary per file. Exit code: 0 when every file gave lines without an
/// error-severity diagnostic, 1 when any file had an error or no lines.
pub fn cli_report(results: &[Extraction], json: bool) -> (String, i32) {
    let failed = results.iter().any(|ex| {
        ex.lines.is_empty() || ex.diagnostics.iter().any(|d| d.severity == Severity::Error)
    });
    let code = i32::from(failed);
    if json {
        let text = serde_json::to_string_pretty(results).unwrap_or_else(|e| {
            format!("[{{\"error\": \"could not serialise the result: {e}\"}}]")
        });
        return (text + "\n", code);
    }
    let mut out = String::new();
    for ex in results {
        out.push_str(&format!("{} ({:?})\n", ex.file, ex.format));
        let field = |name: &str, v: Option<String>| {
            v.map(|v| format!("  {name}: {v}\n")).unwrap_or_default()
        };
        out.push_str(&field("supplier", ex.supplier.clone()));
        out.push_str(&field("quote", ex.quote_ref.clone()));
        out.push_str(&field(
            "currency",
            ex.currency.map(|c| c.code().to_string()),
        ));
        out.push_str(&field(
            "validity",
            ex.valid_until
                .clone()
                .or(ex.validity_days.map(|d| format!("{d} days"))),
        ));
        out.push_str(&field(
            "payment",
            ex.payment_terms.as_ref().map(|p| p.text.clone()),
        ));
        out.push_str(&field(
            "incoterm",
            ex.incoterm.as_ref().map(|i| {
                format!("{} {}", i.code, i.place.clone().unwrap_or_default())
                    .trim()
                    .to_string()
            }),
        ));
        out.push_str(&field(
            "freight",
            ex.freight.as_ref().map(|f| f.kind.clone()),
        ));
        for l in &ex.lines {
            let id = l
                .part_number
                .clone()
                .or(l.supplier_part.clone())
                .unwrap_or_else(|| "?".into());
            let breaks: Vec<String> = l
                .breaks
                .iter()
                .map(|b| format!("{}@{}", b.min_qty.normalize(), b.unit_price.normalize()))
                .collect();
            let mut s = format!("  - {id}");
            if let Some(r) = &l.revision {
                s.push_str(&format!(" rev {r}"));
            }
            if l.no_bid {
                s.push_str(" NO BID");
            }
            if !breaks.is_empty() {
                s.push_str(&format!(" [{}]", breaks.join(", ")));
            }
            if let Some(d) = l.lead_time_days {
                s.push_str(&format!(" lead {d}d"));
            }
            if let Some(m) = &l.rfq_line {
                s.push_str(&format!(" → RFQ line {} ({})", m.line, m.reason));
            }
            s.push_str(&format!(" ({}%)\n", l.confidence));
            out.push_str(&s);
        }
        for d in &ex.diagnostics {
            if d.severity >= Severity::Warning {
                out.push_str(&format!("  {:?} {}: {}\n", d.severity, d.code, d.message));
            }
        }
    }
    (out, code)
}
