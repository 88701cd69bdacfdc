//! Text PDFs. An embedded ZUGFeRD / Factur-X XML is read first (it is exact); the text
//! layer is then read with positions: characters become lines by baseline, lines become
//! cells by gaps, and cells are put into the columns of the header row they sit under,
//! so a table that continues over pages (with its header repeated) reads as one table.
//! Letterhead, terms and totals around the table go to the header scanner.
//!
//! Positions are geometry in PDF points, not money, hence the float arithmetic here.
#![allow(clippy::float_arithmetic)]

use std::panic::{catch_unwind, AssertUnwindSafe};

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// How many [`quietly`] calls this thread is inside.
    static QUIET: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs `f`, catching a panic of the PDF libraries without letting the panic hook print
/// it (a message and a backtrace on the CLI's stderr): the caller reports it as a
/// diagnostic instead. The hook installed here wraps the one in place and stays silent
/// only on a thread inside this call; every other panic prints as before. In the browser
/// (`panic = "abort"`) nothing can be caught and the hook is left alone.
fn quietly<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            let earlier = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if QUIET.with(std::cell::Cell::get) == 0 {
                    earlier(info);
                }
            }));
        });
        QUIET.with(|q| q.set(q.get() + 1));
        let r = catch_unwind(AssertUnwindSafe(f));
        QUIET.with(|q| q.set(q.get().saturating_sub(1)));
        r
    }
    #[cfg(target_arch = "wasm32")]
    catch_unwind(AssertUnwindSafe(f))
}

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};
use rust_decimal::Decimal;

use super::memory::MappingMemory;
use super::model::{Extraction, Format, Location, Severity};
use super::table::{classify_header, read_grid, Cell, Grid, TableContext};
use super::{read_plain_text, style_of};

#[path = "pdf_text.rs"]
mod fallback;

/// One character: position in PDF space (y up), advance, size, baseline direction.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    w: f64,
    size: f64,
    dir: (f64, f64),
    ch: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Vec<Glyph>>,
    height: f64,
    budget: usize,
    /// Characters drawn, to ask the caller's time inside a page too.
    ticks: u32,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _n: u32,
        media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        // The caller's time (`bounds::within`): stop between pages once it is up.
        if !super::bounds::go_on() {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        self.pages.push(Vec::new());
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks.is_multiple_of(1024) && !super::bounds::go_on() {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        if self.budget == 0 {
            return Ok(());
        }
        self.budget -= 1;
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).abs().max(0.1);
        let x = trm.m31;
        let y = trm.m32;
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        let len = (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
        let dir = if len > 0.0 {
            (trm.m11 / len, trm.m12 / len)
        } else {
            (1.0, 0.0)
        };
        if let Some(p) = self.pages.last_mut() {
            p.push(Glyph {
                x,
                y,
                w: (width * size).abs(),
                size,
                dir,
                ch: ch.to_string(),
            });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A run of text on one line with its horizontal extent.
#[derive(Debug, Clone)]
struct Seg {
    text: String,
    x0: f64,
    x1: f64,
    col: usize,
    /// Word breaks: (byte offset of the space in `text`, x where the next word starts).
    breaks: Vec<(usize, f64)>,
}

/// Cuts `seg` at the word break at byte `at` (a space), the tail starting at `x`; `None`
/// when either side would be empty.
fn split_seg(seg: &Seg, at: usize, x: f64) -> Option<(Seg, Seg)> {
    let head = Seg {
        text: seg.text[..at].trim_end().to_string(),
        x0: seg.x0,
        x1: x - 1.0,
        col: 0,
        breaks: seg.breaks.iter().filter(|b| b.0 < at).copied().collect(),
    };
    let cut = at + 1;
    let tail = Seg {
        text: seg.text[cut.min(seg.text.len())..].to_string(),
        x0: x,
        x1: seg.x1,
        col: 0,
        breaks: seg
            .breaks
            .iter()
            .filter(|b| b.0 > at)
            .map(|b| (b.0 - cut, b.1))
            .collect(),
    };
    (!head.text.is_empty() && !tail.text.is_empty()).then_some((head, tail))
}

#[derive(Debug, Clone)]
struct PLine {
    page: u32,
    line: u32,
    segs: Vec<Seg>,
    /// Baseline (from the top of the page) and font size of its first character.
    y: f64,
    size: f64,
}

impl PLine {
    fn text(&self) -> String {
        self.segs
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("  ")
    }
}

/// Reads a PDF into `ex`.
pub fn read(bytes: &[u8], file: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    read_with(bytes, file, memory, true, ex);
}

/// Reads a PDF; `use_xml` = false ignores an embedded e-invoice XML (to check the text
/// reader against it).
pub fn read_with(
    bytes: &[u8],
    file: &str,
    memory: Option<&MappingMemory>,
    use_xml: bool,
    ex: &mut Extraction,
) {
    // What the streams unpack to is bounded before the parser inflates any (issue 10).
    if let Err(e) = super::pdf_bounds::check(bytes) {
        ex.diag(
            "pdf.too_large",
            Severity::Error,
            e.message,
            Some(Location::file(file)),
        );
        return;
    }
    let loaded = quietly(|| Document::load_mem(bytes));
    let doc = match loaded {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            ex.diag(
                "pdf.unreadable",
                Severity::Error,
                format!("not a readable PDF: {e}"),
                Some(Location::file(file)),
            );
            return;
        }
        Err(_) => {
            ex.diag(
                "pdf.parser_panic",
                Severity::Error,
                "the PDF parser failed on this file",
                Some(Location::file(file)),
            );
            return;
        }
    };
    if doc.is_encrypted() {
        ex.diag(
            "pdf.encrypted",
            Severity::Error,
            "the PDF is encrypted",
            Some(Location::file(file)),
        );
        return;
    }
    if !super::bounds::pages(doc.get_pages().len()) {
        return;
    }
    // The streams text extraction reads are unpacked once, within bounds; every other
    // stream is emptied unread (issue 10, outside probe H2).
    let mut doc = doc;
    match quietly(|| super::pdf_bounds::prepare(&mut doc)) {
        Ok(Ok(prepared)) => {
            for w in prepared.warnings {
                ex.diag(
                    "pdf.stream_too_large",
                    Severity::Warning,
                    w,
                    Some(Location::file(file)),
                );
            }
        }
        Ok(Err(e)) => {
            ex.diag(
                "pdf.too_large",
                Severity::Error,
                e.message,
                Some(Location::file(file)),
            );
            return;
        }
        Err(_) => {
            ex.diag(
                "pdf.parser_panic",
                Severity::Error,
                "the PDF parser failed on this file",
                Some(Location::file(file)),
            );
            return;
        }
    }
    let doc = doc;
    // Embedded e-invoice XML.
    let xml = if use_xml {
        quietly(|| embedded_xml(&doc)).unwrap_or_default()
    } else {
        None
    };
    if let Some((name, xml)) = xml {
        let mut structured = Extraction {
            file: file.to_string(),
            ..Default::default()
        };
        super::cii::read_str(&xml, &format!("{file}#{name}"), &mut structured);
        if !structured.lines.is_empty() {
            *ex = Extraction {
                format: Format::Pdf,
                ..structured
            };
            ex.file = file.to_string();
            ex.diag(
                "pdf.embedded_xml",
                Severity::Info,
                format!("read the embedded e-invoice XML '{name}' (exact)"),
                Some(Location::file(file)),
            );
            // The XML stays primary; the printed page is read too and compared with it.
            if let Ok(layer) = text_lines(&doc) {
                let problems = xml_against_page(ex, &layer.lines, file, memory);
                if !problems.is_empty() {
                    ex.diag(
                        "pdf.xml_text_mismatch",
                        Severity::Warning,
                        format!(
                            "the embedded XML '{name}' and the printed page disagree ({}); \
                             the XML was read",
                            problems.join("; ")
                        ),
                        Some(Location::file(file)),
                    );
                }
            }
            return;
        }
    }
    let (lines, unreadable_fonts) = match text_lines(&doc) {
        Ok(layer) => {
            for (code, msg) in layer.warnings {
                ex.diag(code, Severity::Warning, msg, Some(Location::file(file)));
            }
            (layer.lines, layer.unreadable_fonts)
        }
        Err(msg) => {
            ex.diag(
                "pdf.text_failed",
                Severity::Error,
                msg,
                Some(Location::file(file)),
            );
            return;
        }
    };
    if lines.iter().all(|l| l.segs.is_empty()) {
        let msg = if unreadable_fonts.is_empty() {
            "the PDF has no text layer (scanned?); OCR is not done here".to_string()
        } else {
            format!(
                "the PDF's text is in fonts whose encoding cannot be decoded: {} (their \
                 codes are glyph numbers with no map to characters); no text was read",
                unreadable_fonts
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        ex.diag(
            "pdf.no_text",
            Severity::Error,
            msg,
            Some(Location::file(file)),
        );
        return;
    }
    read_lines(lines, file, memory, ex);
}

/// Where a header's roles start over (two tables side by side): the index of the
/// second table's first cell.
fn repeated_header_at(header: &[Seg]) -> Option<usize> {
    let roles: Vec<Option<super::table::ColumnRole>> = header
        .iter()
        .map(|h| classify_header(&h.text).map(|r| r.0))
        .collect();
    let first = roles.first().copied().flatten()?;
    (2..roles.len()).find(|&k| {
        roles[k] == Some(first)
            && roles[k..].len() >= 2
            && roles[k..].iter().zip(&roles[..k]).all(|(a, b)| a == b)
    })
}

/// Numbers run together (`5.000 0,112 560,00`, set with narrow gaps) are cut where the
/// next number starts under another header cell than the one before it (columns by
/// their left edges).
fn split_numbers(s: &Seg, header: &[Seg]) -> Vec<Seg> {
    if s.breaks.is_empty() || header.len() < 2 {
        return vec![s.clone()];
    }
    let numeric = |w: &str| {
        let w = w.trim();
        !w.is_empty()
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '-'))
    };
    let col = |x: f64| header.iter().rposition(|h| h.x0 - 2.0 <= x);
    // Words: (start byte, end byte, start x).
    let mut words: Vec<(usize, usize, f64)> = Vec::new();
    let mut start = (0, s.x0);
    for &(at, x) in &s.breaks {
        words.push((start.0, at, start.1));
        start = (at + 1, x);
    }
    words.push((start.0, s.text.len(), start.1));
    let mut cuts: Vec<usize> = Vec::new();
    for k in 1..words.len() {
        let (a, b) = (&words[k - 1], &words[k]);
        let (wa, wb) = (&s.text[a.0..a.1], &s.text[b.0..b.1]);
        // `1 250,00`: a thousands group after a space is one number.
        let group = wa.len() <= 3
            && wa.chars().all(|c| c.is_ascii_digit())
            && wb.len() >= 3
            && wb.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            && (wb.len() == 3 || matches!(wb.as_bytes()[3], b'.' | b','));
        if numeric(wa) && numeric(wb) && !group && col(a.2) != col(b.2) {
            cuts.push(k);
        }
    }
    if cuts.is_empty() {
        return vec![s.clone()];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for end in cuts.into_iter().chain([words.len()]) {
        let (w0, w1) = (&words[from], &words[end - 1]);
        // The piece's right edge from the run's mean character width (glyph ends are
        // not kept), never past the next piece's start.
        let per_char = (s.x1 - s.x0) / s.text.chars().count().max(1) as f64;
        let x1 = words.get(end).map_or(s.x1, |n| {
            (w0.2 + per_char * s.text[w0.0..w1.1].chars().count() as f64).min(n.2 - 1.0)
        });
        out.push(Seg {
            text: s.text[w0.0..w1.1].trim().to_string(),
            x0: w0.2,
            x1,
            col: 0,
            breaks: s
                .breaks
                .iter()
                .filter(|b| b.0 > w0.0 && b.0 < w1.1)
                .map(|b| (b.0 - w0.0, b.1))
                .collect(),
        });
        from = end;
    }
    out
}

/// A cell that runs into the next header cell (`RO-A2-04 Rondella piana` under `Codice`
/// and `Descrizione`, printed with a narrow gap) is cut at the word break where that
/// header cell starts (left-aligned text starts under its header).
fn split_at_columns(s: &Seg, header: &[Seg]) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut rest = s.clone();
    for h in header {
        if h.x0 <= rest.x0 + 1.0 || h.x0 >= rest.x1 {
            continue;
        }
        // Only a code run into a text: one word, then a word starting with a letter.
        let Some(&(at, x)) = rest
            .breaks
            .iter()
            .filter(|b| (b.1 - h.x0).abs() <= 2.0)
            .filter(|b| {
                !rest.text[..b.0].contains(' ')
                    && rest.text[b.0 + 1..].starts_with(char::is_alphabetic)
            })
            .min_by(|a, b| (a.1 - h.x0).abs().total_cmp(&(b.1 - h.x0).abs()))
        else {
            continue;
        };
        let Some((head, tail)) = split_seg(&rest, at, x) else {
            continue;
        };
        out.push(head);
        rest = tail;
    }
    out.push(rest);
    out
}

/// The columns of a table's data: the x-ranges the cells of its rows (lines of two or
/// more cells) cover in at least a fifth of them, each given to the header cell it
/// overlaps or lies next to (one column per header cell, nearest first). A range that
/// would take two header cells, or lies far from every one, is left out (the header's
/// own bounds decide there).
/// Returns (x0, x1, header index).
fn data_columns(rows: &[PLine], header: &[Seg]) -> Vec<(f64, f64, usize)> {
    // The header repeated on a later page is not data.
    let header_text: Vec<&str> = header.iter().map(|h| h.text.as_str()).collect();
    let rows: Vec<&PLine> = rows
        .iter()
        .filter(|l| l.segs.len() >= 2)
        .filter(|l| {
            !l.segs
                .iter()
                .all(|s| header_text.iter().any(|h| h.contains(&s.text)))
        })
        .collect();
    let segs: Vec<&Seg> = rows.iter().flat_map(|l| &l.segs).collect();
    let n_rows = rows.len();
    if n_rows == 0 || header.is_empty() {
        return Vec::new();
    }
    let need = n_rows.div_ceil(5).max(1);
    let mut xs: Vec<f64> = segs.iter().flat_map(|s| [s.x0, s.x1]).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    // Runs of elementary intervals covered by enough cells.
    let mut ranges: Vec<(f64, f64)> = Vec::new();
    for w in xs.windows(2) {
        let mid = (w[0] + w[1]) / 2.0;
        let cover = segs.iter().filter(|s| s.x0 <= mid && mid <= s.x1).count();
        if cover < need {
            continue;
        }
        match ranges.last_mut() {
            Some(r) if (r.1 - w[0]).abs() < 1e-6 => r.1 = w[1],
            _ => ranges.push((w[0], w[1])),
        }
    }
    // Gap between two x-ranges (negative: they overlap by that much).
    let gap = |a: (f64, f64), b: (f64, f64)| a.0.max(b.0) - a.1.min(b.1);
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (ri, r) in ranges.iter().enumerate() {
        for (hi, h) in header.iter().enumerate() {
            pairs.push((gap(*r, (h.x0, h.x1)), ri, hi));
        }
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut of_range: Vec<Option<usize>> = vec![None; ranges.len()];
    let mut used = vec![false; header.len()];
    // A range under no header cell (right-aligned numbers under a left-aligned header,
    // ending before the next header starts) belongs to the header cell whose span, up to
    // the next one's start, holds it.
    for (ri, r) in ranges.iter().enumerate() {
        if header.iter().any(|h| gap(*r, (h.x0, h.x1)) < 0.0) {
            continue;
        }
        let holder = (0..header.len()).find(|&hi| {
            let end = header.get(hi + 1).map_or(f64::MAX, |n| n.x0);
            header[hi].x0 <= r.0 && r.1 < end
        });
        if let Some(hi) = holder.filter(|&hi| !used[hi]) {
            of_range[ri] = Some(hi);
            used[hi] = true;
        }
    }
    // Only a range under its header cell or just beside it (a right-aligned number sticks
    // out of a left-aligned header by a few points); the rest keep the header's bounds.
    for (g, ri, hi) in &pairs {
        if *g <= 12.0 && of_range[*ri].is_none() && !used[*hi] {
            of_range[*ri] = Some(*hi);
            used[*hi] = true;
        }
    }
    ranges
        .iter()
        .zip(of_range)
        .filter_map(|(r, h)| {
            let h = h?;
            // Overlapping two header cells: not one column.
            let takes = header
                .iter()
                .filter(|x| gap(*r, (x.x0, x.x1)) < 0.0)
                .count();
            (takes <= 1).then_some((r.0, r.1, h))
        })
        .collect()
}

/// Every number printed on the pages, read both ways (`1.234,56` and `1,234.56`), with
/// currency marks and trailing punctuation dropped.
fn page_numbers(lines: &[PLine]) -> std::collections::BTreeSet<Decimal> {
    use super::number::{parse_number, DecimalStyle};
    let mut out = std::collections::BTreeSet::new();
    for s in lines.iter().flat_map(|l| &l.segs) {
        let words: Vec<&str> = s.text.split_whitespace().collect();
        // Single words, and pairs joined (`1 234,56` grouped by a space).
        let mut cands: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
        cands.extend(words.windows(2).map(|w| format!("{} {}", w[0], w[1])));
        cands.push(s.text.clone());
        for c in cands {
            let t = c.trim_matches(|ch: char| {
                !(ch.is_ascii_digit() || ch == '-' || ch == '(' || ch == ')')
            });
            let t = t.trim_start_matches('(').trim_end_matches(')');
            for style in [DecimalStyle::Dot, DecimalStyle::Comma] {
                if let Some(n) = parse_number(t, style) {
                    out.insert(n.abs().normalize());
                }
            }
        }
    }
    out
}

/// What the printed page says against the embedded XML's reading `xml`: the document
/// total and every line's amount must be printed, and the text reader must not find a
/// different number of lines. Returns the disagreements (empty = they agree).
fn xml_against_page(
    xml: &Extraction,
    lines: &[PLine],
    file: &str,
    memory: Option<&MappingMemory>,
) -> Vec<String> {
    let mut problems = Vec::new();
    if lines.iter().all(|l| l.segs.is_empty()) {
        return problems; // no text layer: nothing to compare
    }
    let printed = page_numbers(lines);
    let shown = |d: Decimal| printed.contains(&d.abs().normalize());
    if let Some(t) = xml.total.filter(|t| !t.is_zero()) {
        if !shown(t) {
            problems.push(format!("the XML's total {t} is not printed on the page"));
        }
    }
    let missing: Vec<String> = xml
        .lines
        .iter()
        .filter(|l| {
            // Its line total, its quantity and its price (per one unit or per the
            // printed basis) must each be printed somewhere.
            let price_shown = l.breaks.is_empty()
                || l.breaks.iter().any(|b| {
                    shown(b.unit_price) || shown((b.unit_price * l.price_basis_qty).round_dp(4))
                });
            !(price_shown && l.line_total.is_none_or(shown) && l.quantity.is_none_or(shown))
        })
        .map(|l| {
            l.description
                .clone()
                .or_else(|| l.part_number.clone())
                .or_else(|| l.supplier_part.clone())
                .unwrap_or_default()
        })
        .collect();
    if !missing.is_empty() {
        problems.push(format!(
            "{} of {} XML lines are not printed on the page with their quantity, price and \
             total ({})",
            missing.len(),
            xml.lines.len(),
            missing
                .iter()
                .take(3)
                .map(|d| format!("'{d}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let mut text = Extraction {
        file: file.to_string(),
        format: Format::Pdf,
        ..Default::default()
    };
    read_lines(lines.to_vec(), file, memory, &mut text);
    let priced = text.lines.iter().filter(|l| !l.breaks.is_empty()).count();
    if priced > 0 && priced != xml.lines.len() {
        problems.push(format!(
            "the page shows {priced} priced lines, the XML {}",
            xml.lines.len()
        ));
    }
    problems
}

/// The first embedded file that is CII XML: (name, text).
fn embedded_xml(doc: &Document) -> Option<(String, String)> {
    for (_, obj) in doc.objects.iter() {
        let Object::Stream(s) = obj else { continue };
        let is_embedded = s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok())
            == Some(b"EmbeddedFile".as_slice())
            || s.dict
                .get(b"Subtype")
                .ok()
                .and_then(|t| t.as_name().ok())
                .is_some_and(|n| n.ends_with(b"xml"));
        if !is_embedded {
            continue;
        }
        let content = s
            .decompressed_content()
            .unwrap_or_else(|_| s.content.clone());
        let (text, _) = super::decode_text(&content);
        if text.contains("CrossIndustryInvoice") || text.contains("CrossIndustryDocument") {
            return Some(("factur-x.xml".to_string(), text));
        }
    }
    None
}

/// A diagnostic code and message.
type Warning = (&'static str, String);

/// The text layer of a document: its positioned lines, what went wrong on the way, and
/// the fonts whose text no reader could decode.
struct TextLayer {
    lines: Vec<PLine>,
    warnings: Vec<Warning>,
    unreadable_fonts: std::collections::BTreeSet<String>,
}

/// What a caught panic said.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".into())
}

/// The positioned lines of every page. Each page is read by pdf-extract; a page it fails
/// on (it panics on fonts whose CMap it does not know) or finds no text on is read again
/// by the fallback reader (`pdf_text.rs`), and the warnings say which and why.
fn text_lines(doc: &Document) -> Result<TextLayer, String> {
    let mut budget: usize = 5_000_000;
    let mut layer = TextLayer {
        lines: Vec::new(),
        warnings: Vec::new(),
        unreadable_fonts: Default::default(),
    };
    let pages = quietly(|| doc.get_pages())
        .map_err(|_| "the PDF's page tree could not be read".to_string())?;
    let mut fell_back: Vec<(u32, String)> = Vec::new();
    // Pages whose forms recurse or expand past bounds never reach pdf-extract.
    let mut guard = super::pdf_guard::Guard::new(doc);
    // Bytes of content the pages read so far ran (issue 10, outside probe H2).
    let mut run: u64 = 0;
    for (&num, &id) in &pages {
        // The caller's time (`bounds::within`): no further page, by either reader.
        if !super::bounds::go_on() {
            layer.warnings.push((
                "pdf.text_incomplete",
                format!("text extraction stopped before page {num}: the time allowed is up"),
            ));
            break;
        }
        let mut col = Collector {
            budget,
            ..Default::default()
        };
        // What the page runs, by use: its content streams with their repeats (checked
        // before anything joins them), then its forms per draw. A page past the bound
        // is read by neither reader; past the document's, no further page is.
        use super::pdf_bounds::{MAX_DOCUMENT_RUN, MAX_PAGE_RUN};
        let own = super::pdf_bounds::page_bytes(doc, id);
        let walked = if own > MAX_PAGE_RUN {
            Ok(Err(super::pdf_guard::Refusal::Bytes))
        } else {
            quietly(|| guard.page(id)).map_err(|_| ())
        };
        let page_run = own.saturating_add(match &walked {
            Ok(Ok(forms)) => forms.bytes,
            _ => 0,
        });
        if matches!(walked, Ok(Err(super::pdf_guard::Refusal::Bytes))) || page_run > MAX_PAGE_RUN {
            layer.warnings.push((
                "pdf.page_too_large",
                format!(
                    "page {num}: its content streams{} unpack to more than {} (repeats and \
                     form draws counted); the page was not read",
                    if own > MAX_PAGE_RUN {
                        ""
                    } else {
                        " and form XObjects"
                    },
                    crate::bytes::size_words(MAX_PAGE_RUN)
                ),
            ));
            continue;
        }
        run = run.saturating_add(page_run);
        if run > MAX_DOCUMENT_RUN {
            layer.warnings.push((
                "pdf.text_incomplete",
                format!(
                    "text extraction stopped before page {num}: the pages' content unpacks to \
                     more than {} together (repeats and form draws counted)",
                    crate::bytes::size_words(MAX_DOCUMENT_RUN)
                ),
            ));
            break;
        }
        let refused = match walked {
            Err(()) => Some("its forms could not be walked".to_string()),
            Ok(r) => r.err().map(|e| e.to_string()),
        };
        let failure = match &refused {
            Some(why) => {
                layer
                    .warnings
                    .push(("pdf.page_forms", super::pdf_guard::page_message(num, why)));
                Some(why.clone())
            }
            None => match quietly(|| pdf_extract::output_doc_page(doc, &mut col, num)) {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(format!("{e:?}")),
                Err(p) => Some(panic_text(p.as_ref())),
            },
        };
        let height = col.height;
        let mut glyphs = col.pages.into_iter().next().unwrap_or_default();
        if failure.is_some() || glyphs.is_empty() {
            let text = quietly(|| fallback::page_text(doc, id, budget)).unwrap_or_default();
            if let (Some(why), Some(_)) = (&text.stopped, &refused) {
                layer.warnings.push((
                    "pdf.page_forms",
                    format!("page {num}: the fallback reader stopped early: {why}"),
                ));
            }
            if !text.glyphs.is_empty() {
                if let (Some(f), None) = (&failure, &refused) {
                    let lost = if text.unsupported.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; text in {} could not be read",
                            text.unsupported
                                .iter()
                                .cloned()
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    };
                    fell_back.push((num, format!("{f}{lost}")));
                }
                glyphs = text
                    .glyphs
                    .into_iter()
                    .map(|g| Glyph {
                        x: g.x,
                        y: g.y,
                        w: g.w,
                        size: g.size,
                        dir: g.dir,
                        ch: g.ch,
                    })
                    .collect();
            } else if let Some(f) = &failure {
                layer.warnings.push((
                    "pdf.page_unreadable",
                    format!("page {num}: the text could not be read ({f})"),
                ));
            }
            layer.unreadable_fonts.extend(text.unsupported);
        }
        budget = budget.saturating_sub(glyphs.len());
        layer.lines.extend(page_lines(glyphs, num, height));
    }
    if !fell_back.is_empty() {
        let mut why: Vec<String> = fell_back.iter().map(|f| f.1.clone()).collect();
        why.dedup();
        layer.warnings.push((
            "pdf.text_fallback",
            format!(
                "the main PDF text reader failed on page{} {} ({}); {} read by the fallback \
                 reader (positions from the font widths)",
                if fell_back.len() > 1 { "s" } else { "" },
                fell_back
                    .iter()
                    .map(|f| f.0.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                why.join("; "),
                if fell_back.len() > 1 {
                    "they were"
                } else {
                    "it was"
                },
            ),
        ));
    }
    Ok(layer)
}

/// The page's glyphs turned so that most text runs left to right (a landscape table on
/// a page turned by `/Rotate`, or drawn up the page), with y from the top. Glyphs running
/// in another direction than most (a vertical margin note) are left out.
fn upright(glyphs: &mut Vec<Glyph>, height: f64) {
    // The most common direction, to the nearest quarter turn.
    let quarter = |d: (f64, f64)| -> usize {
        let a = d.1.atan2(d.0).to_degrees();
        (((a + 360.0 + 45.0) % 360.0) / 90.0) as usize % 4
    };
    let mut count = [0usize; 4];
    for g in glyphs.iter() {
        count[quarter(g.dir)] += 1;
    }
    let q = (0..4)
        .max_by_key(|&i| (count[i], usize::from(i == 0)))
        .unwrap_or(0);
    if count[q] * 10 < glyphs.len() * 9 || q != 0 {
        glyphs.retain(|g| quarter(g.dir) == q);
    }
    let (dx, dy) = match q {
        0 => (1.0, 0.0),
        1 => (0.0, 1.0),
        2 => (-1.0, 0.0),
        _ => (0.0, -1.0),
    };
    for g in glyphs.iter_mut() {
        let (x, y) = (g.x * dx + g.y * dy, -g.x * dy + g.y * dx);
        g.x = x;
        g.y = height - y;
    }
}

fn page_lines(mut glyphs: Vec<Glyph>, page: u32, height: f64) -> Vec<PLine> {
    upright(&mut glyphs, height);
    glyphs.retain(|g| !g.ch.trim().is_empty() || g.ch == " ");
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Group by baseline.
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(r) if (r[0].y - g.y).abs() <= r[0].size.min(g.size) * 0.4 => r.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut out = Vec::new();
    for (li, mut r) in rows.into_iter().enumerate() {
        let (y, size) = (r[0].y, r[0].size);
        r.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut segs: Vec<Seg> = Vec::new();
        let mut last_end = f64::MIN;
        for g in r {
            let gap = g.x - last_end;
            let space = g.ch == " ";
            match segs.last_mut() {
                // A wide gap starts a new cell; a narrow one is a space between words.
                Some(s) if gap < g.size * 1.2 => {
                    if gap > g.size * 0.15 && !s.text.ends_with(' ') && !space {
                        s.breaks.push((s.text.len(), g.x));
                        s.text.push(' ');
                    }
                    if s.text.ends_with(' ') && !space {
                        if let Some(b) = s.breaks.last_mut().filter(|b| b.0 + 1 == s.text.len()) {
                            b.1 = g.x;
                        } else {
                            s.breaks.push((s.text.len() - 1, g.x));
                        }
                    }
                    if !(space && s.text.ends_with(' ')) {
                        s.text.push_str(&g.ch);
                    }
                    s.x1 = s.x1.max(g.x + g.w);
                }
                _ => {
                    if !space {
                        segs.push(Seg {
                            text: g.ch.clone(),
                            x0: g.x,
                            x1: g.x + g.w,
                            col: 0,
                            breaks: Vec::new(),
                        });
                    }
                }
            }
            last_end = last_end.max(g.x + g.w);
        }
        for s in segs.iter_mut() {
            let lead = s.text.len() - s.text.trim_start().len();
            s.text = s.text.trim().to_string();
            let len = s.text.len();
            s.breaks = s
                .breaks
                .iter()
                .filter(|b| b.0 >= lead && b.0 - lead < len)
                .map(|b| (b.0 - lead, b.1))
                .collect();
        }
        segs.retain(|s| !s.text.is_empty());
        out.push(PLine {
            page,
            line: u32::try_from(li + 1).unwrap_or(u32::MAX),
            segs,
            y,
            size,
        });
    }
    out
}

/// A header cell set with a narrow gap to the next (`Menge Einzelpreis Gesamtpreis`
/// read as one run) is cut at a word break where a line set just above or below it (the
/// header's other line, `(Stk.)  EUR  EUR`) has a gap between two of its own cells under
/// that run, and where one of the pieces names a column. Only lines without digits.
fn split_stacked_headers(lines: &mut [PLine]) {
    let header_like = |l: &PLine| {
        !l.segs.is_empty()
            && l.segs
                .iter()
                .all(|s| !s.text.chars().any(|c| c.is_ascii_digit()) && s.text.len() <= 60)
    };
    for i in 0..lines.len() {
        if !header_like(&lines[i]) || lines[i].segs.iter().all(|s| s.breaks.is_empty()) {
            continue;
        }
        let near: Vec<usize> = [i.wrapping_sub(2), i.wrapping_sub(1), i + 1, i + 2]
            .into_iter()
            .filter(|&j| {
                lines.get(j).is_some_and(|o| {
                    o.page == lines[i].page
                        && (o.y - lines[i].y).abs() <= 2.0 * o.size.max(lines[i].size)
                })
            })
            .collect();
        let mut segs = Vec::new();
        for s in &lines[i].segs {
            let mut rest = s.clone();
            loop {
                // The first break confirmed by a neighbouring line.
                let cut = rest.breaks.iter().copied().find(|&(at, x)| {
                    let p = x - 1.0;
                    let (head, tail) = (&rest.text[..at], &rest.text[at + 1..]);
                    let names = classify_header(head.trim()).is_some()
                        || classify_header(tail.trim()).is_some();
                    names
                        && near.iter().any(|&j| {
                            let o = &lines[j].segs;
                            !o.iter().any(|c| c.x0 <= p && p <= c.x1)
                                && o.iter().any(|c| c.x1 < p && c.x1 > rest.x0)
                                && o.iter().any(|c| c.x0 > p && c.x0 < rest.x1)
                        })
                });
                let Some((at, x)) = cut else { break };
                let Some((head, tail)) = split_seg(&rest, at, x) else {
                    break;
                };
                segs.push(head);
                rest = tail;
            }
            segs.push(rest);
        }
        lines[i].segs = segs;
    }
}

/// Words of a letterhead or an address block, never of a column header: a legal form, a
/// mail or web address, a telephone label.
fn letterhead_words(t: &str) -> bool {
    let lower = t.to_lowercase();
    if lower.contains('@') || lower.contains("www.") || lower.contains("http") {
        return true;
    }
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.trim_end_matches('.'))
        .any(|w| {
            matches!(
                w,
                "gmbh"
                    | "ag"
                    | "kg"
                    | "ltd"
                    | "llc"
                    | "inc"
                    | "corp"
                    | "plc"
                    | "s.p.a"
                    | "spa"
                    | "s.r.l"
                    | "srl"
                    | "b.v"
                    | "bv"
                    | "n.v"
                    | "nv"
                    | "sarl"
                    | "s.a"
                    | "sas"
                    | "s.l"
                    | "sl"
                    | "oy"
                    | "ab"
                    | "a/s"
                    | "aps"
                    | "s.a.s"
                    | "ohg"
                    | "e.k"
                    | "tel"
                    | "fax"
                    | "telefon"
                    | "phone"
                    | "e-mail"
                    | "email"
                    | "iban"
                    | "ust-idnr"
                    | "vat"
            )
        })
}

/// The price basis a header's other line states (`je 100 St.`, `/1000`, `PE 100`,
/// `(EUR/100)`), over 1.
fn header_basis(t: &str) -> Option<Decimal> {
    let t = t.trim().trim_matches(['(', ')', '[', ']']).trim();
    let (_, _, rest) = super::number::strip_currency(t);
    let rest = rest.trim();
    let bare = rest.trim_start_matches('/').trim();
    let lower = bare.to_lowercase();
    let pe = lower
        .strip_prefix("pe")
        .or_else(|| lower.strip_prefix("preiseinheit"))
        .map(|r| r.trim_start_matches([' ', ':', '=']));
    super::units::basis_phrase(t, true)
        .map(|b| b.0)
        .or_else(|| super::units::basis_phrase(&format!("per {bare}"), true).map(|b| b.0))
        .or_else(|| pe.and_then(super::units::parse_price_basis))
        .or_else(|| {
            (rest.starts_with('/') || rest != t)
                .then(|| super::units::parse_price_basis(bare))
                .flatten()
        })
        .filter(|b| *b > Decimal::ONE)
}

fn read_lines(lines: Vec<PLine>, file: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    let before = ex.lines.len();
    let kept = (ex.lines.is_empty()).then(|| lines.clone());
    read_page_lines(lines, file, memory, ex);
    if ex.lines.len() == before {
        if let Some(lines) = kept {
            say_where_prices_were(&lines, file, ex);
        }
    }
}

/// No quote line was read: where the page holds rows with prices (two or more numbers
/// with decimals), say so with the page and lines, and why they were not read, so
/// a PDF with a price table never ends without saying where it is.
fn say_where_prices_were(lines: &[PLine], file: &str, ex: &mut Extraction) {
    let priced = |l: &PLine| {
        l.segs
            .iter()
            .filter(|s| {
                s.text.split_whitespace().any(|w| {
                    let t = w.trim_matches(|c: char| !c.is_ascii_digit());
                    let b = t.as_bytes();
                    b.len() >= 3
                        && b.iter()
                            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'\''))
                        && matches!(b[b.len() - 3], b'.' | b',')
                })
            })
            .count()
            >= 2
    };
    // The page with the most priced rows.
    let mut pages: Vec<(u32, Vec<&PLine>)> = Vec::new();
    for l in lines.iter().filter(|l| priced(l)) {
        match pages.iter_mut().find(|p| p.0 == l.page) {
            Some(p) => p.1.push(l),
            None => pages.push((l.page, vec![l])),
        }
    }
    let Some((page, rows)) = pages.iter().max_by_key(|p| p.1.len()) else {
        return;
    };
    if rows.len() < 2 {
        return;
    }
    let (first, last) = (rows[0].line, rows[rows.len() - 1].line);
    // The line of labels right above the first priced row, if any.
    let above = lines
        .iter()
        .rev()
        .filter(|l| l.page == *page && l.line < first && l.segs.len() >= 2 && !priced(l))
        .map(PLine::text)
        .next();
    let why = match above {
        Some(h) => format!(
            "the line above them ('{}') names no part, description and price columns the \
             reader knows; map its columns to read them",
            h.chars().take(80).collect::<String>()
        ),
        None => "no header line names their columns".to_string(),
    };
    let others = if pages.len() > 1 {
        format!(" (and priced rows on {} other page(s))", pages.len() - 1)
    } else {
        String::new()
    };
    ex.diag(
        "pdf.table_unread",
        Severity::Warning,
        format!(
            "page {page}, lines {first}-{last}: {} rows with prices were not read as quote \
             lines{others}: {why}",
            rows.len()
        ),
        Some(Location {
            page: Some(*page),
            line: Some(first),
            ..Location::file(file)
        }),
    );
}

fn read_page_lines(
    mut lines: Vec<PLine>,
    file: &str,
    memory: Option<&MappingMemory>,
    ex: &mut Extraction,
) {
    split_stacked_headers(&mut lines);
    let all_text: String = lines.iter().map(PLine::text).collect::<Vec<_>>().join("\n");

    let style = style_of(&all_text);
    // The header row: most segments naming a column role.
    let mut best: Option<(usize, usize)> = None;
    for (i, l) in lines.iter().enumerate() {
        let roles: Vec<Option<super::table::ColumnRole>> = l
            .segs
            .iter()
            .map(|s| classify_header(&s.text).map(|r| r.0))
            .collect();
        let n = roles
            .iter()
            .flatten()
            .filter(|r| !matches!(r, super::table::ColumnRole::BreakPrice(_)))
            .count();
        // Break quantities as column heads (`Art.-Nr. | Bezeichnung | ab 100 | ab 500`)
        // count beside a part or description head: rising, two or more, and words, not
        // bare numbers of a data row (`100 | 500` under a part).
        let qtys: Vec<Decimal> = roles
            .iter()
            .flatten()
            .filter_map(|r| match r {
                super::table::ColumnRole::BreakPrice(q) => Some(*q),
                _ => None,
            })
            .collect();
        let ids = roles.iter().flatten().any(|r| {
            matches!(
                r,
                super::table::ColumnRole::PartNumber
                    | super::table::ColumnRole::SupplierPart
                    | super::table::ColumnRole::Description
            )
        });
        let n = if ids && qtys.len() >= 2 && qtys.windows(2).all(|w| w[0] < w[1]) {
            n + qtys.len()
        } else {
            n
        };
        if n >= 3 && l.segs.len() >= 3 && best.is_none_or(|b| n > b.1) {
            best = Some((i, n));
        }
    }
    // A header set on two or three lines (cells vertically centred: `Art.-Nr.` and
    // `Bezeichnung` between `Menge Einzelpreis` and `(Stk.) EUR`): no one line names
    // three columns, the lines set as close as one cell's lines together do.
    if best.is_none() {
        let roles = |l: &PLine| {
            l.segs
                .iter()
                .filter(|s| {
                    !s.text.chars().any(|c| c.is_ascii_digit())
                        && classify_header(&s.text).is_some_and(|r| {
                            !matches!(r.0, super::table::ColumnRole::BreakPrice(_))
                        })
                })
                .count()
        };
        for (i, l) in lines.iter().enumerate() {
            let own = roles(l);
            if own == 0 || l.segs.len() < 2 {
                continue;
            }
            let n = own
                + [i.wrapping_sub(1), i + 1]
                    .into_iter()
                    .filter_map(|j| lines.get(j))
                    .filter(|o| o.page == l.page && (o.y - l.y).abs() <= 2.0 * o.size.max(l.size))
                    .map(roles)
                    .sum::<usize>();
            if n >= 3 && best.is_none_or(|b| n > b.1) {
                best = Some((i, n));
            }
        }
    }
    let Some((hi, _)) = best else {
        // No header named three columns: a block of rows with numbers under a line of
        // labels (a matrix price list, `Querschnitt | 3G | 4G | 5G`, or a part column
        // headed by a word no vocabulary knows) is tried as a table; the table reader
        // decides what it is.
        if let Some(hi) = table_block(&lines) {
            let mut trial = ex.clone();
            read_table(lines.clone(), hi, file, memory, style, &mut trial);
            if !trial.lines.is_empty() {
                *ex = trial;
                return;
            }
        }
        // No table: the text as prose.
        let mut text_ex = std::mem::take(ex);
        for l in &lines {
            let loc = Location {
                page: Some(l.page),
                ..Location::file(file)
            };
            read_plain_text(&l.text(), &loc, &mut text_ex);
            if let Some(last) = text_ex.lines.last_mut() {
                for v in last.provenance.values_mut() {
                    if v.line == Some(1) && v.page == Some(l.page) {
                        v.line = Some(l.line);
                    }
                }
            }
        }
        *ex = text_ex;
        return;
    };
    read_table(lines, hi, file, memory, style, ex);
}

/// The first line of labels (three cells or more) right above two or more rows of
/// three cells or more with decimal numbers (prices) in two of them: the header of a
/// table whose header names no three columns.
fn table_block(lines: &[PLine]) -> Option<usize> {
    let decimals = |l: &PLine| {
        l.segs
            .iter()
            .filter(|s| {
                let t = s.text.trim_matches(|c: char| !c.is_ascii_digit());
                let b = t.as_bytes();
                b.len() >= 3
                    && b.iter()
                        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'\''))
                    && (b[b.len() - 3] == b'.' || b[b.len() - 3] == b',' || b[b.len() - 2] == b',')
            })
            .count()
    };
    let data = |l: &PLine| l.segs.len() >= 3 && decimals(l) >= 2;
    (0..lines.len().saturating_sub(2)).find(|&i| {
        let l = &lines[i];
        l.segs.len() >= 3
            && !data(l)
            && lines[i + 1..]
                .iter()
                .take(2)
                .all(|n| n.page == l.page && data(n))
    })
}

/// Reads the table whose header is line `hi` (with the lines around it).
fn read_table(
    lines: Vec<PLine>,
    hi: usize,
    file: &str,
    memory: Option<&MappingMemory>,
    style: super::number::DecimalStyle,
    ex: &mut Extraction,
) {
    // Stacked header lines just above and below ("Art-Nr-Kunde" over "Art-Nr-Lief." over
    // the main header): their cells join the header, as extra columns or into the column
    // they sit over.
    let mut header: Vec<Seg> = lines[hi].segs.clone();
    let mut consumed: Vec<usize> = Vec::new();
    // Lines set as close as the lines of one cell, in the header's type size, walking
    // away from the header line and stopping at the first line that is not part of it: a
    // letterhead or address block above (a company name, a street, a contact line) ends
    // the header even when it is set close above it.
    let hsize = lines[hi].size;
    for (dir_up, ks) in [
        (
            true,
            [hi.wrapping_sub(1), hi.wrapping_sub(2), hi.wrapping_sub(3)],
        ),
        (false, [hi + 1, hi + 2, hi + 3]),
    ] {
        for k in ks {
            let Some(l) = lines.get(k) else { break };
            let near = {
                let next = if dir_up { k + 1 } else { k - 1 };
                lines
                    .get(next)
                    .is_some_and(|n| (n.y - l.y).abs() <= 2.0 * l.size.max(n.size))
            };
            let overlaps = |s: &Seg, h: &Seg| s.x0 < h.x1 && h.x0 < s.x1;
            let price_over = |s: &Seg| {
                header.iter().any(|h| {
                    overlaps(s, h)
                        && classify_header(&h.text).is_some_and(|r| {
                            matches!(
                                r.0,
                                super::table::ColumnRole::UnitPrice
                                    | super::table::ColumnRole::BreakPrice(_)
                            )
                        })
                })
            };
            // A line of one cell that names no column itself must sit over one header
            // cell, within the room up to its neighbours (`Unit` over `Price`); an
            // address line at the margin runs over several.
            let lone_ok = |s: &Seg| {
                classify_header(&s.text).is_some()
                    || (price_over(s) && header_basis(&s.text).is_some())
                    || header
                        .iter()
                        .enumerate()
                        .filter(|(_, h)| overlaps(s, h))
                        .map(|(i, h)| {
                            let lo = i
                                .checked_sub(1)
                                .map_or(f64::MIN, |p| (header[p].x1 + h.x0) / 2.0);
                            let hi = header.get(i + 1).map_or(f64::MAX, |n| (h.x1 + n.x0) / 2.0);
                            s.x0 >= lo && s.x1 <= hi
                        })
                        .collect::<Vec<_>>()
                        == [true]
            };
            let fits = !l.segs.is_empty()
                && near
                && l.page == lines[hi].page
                && (l.size - hsize).abs() <= 0.2 * hsize.max(l.size)
                && (l.segs.len() > 1 || lone_ok(&l.segs[0]))
                && l.segs.iter().all(|s| {
                    let plain = !s.text.chars().any(|c| c.is_ascii_digit() || c == ':')
                        && s.text.len() <= 30
                        && !letterhead_words(&s.text)
                        && (header.iter().any(|h| overlaps(s, h))
                            || classify_header(&s.text).is_some());
                    // A price basis stated on the header's other line, over the price
                    // column (`Preis` / `je 100 St.`, `(EUR/1000)`).
                    plain || (price_over(s) && header_basis(&s.text).is_some())
                });
            if !fits {
                break;
            }
            for s in &l.segs {
                // A cell over several header cells (a group title) joins the first one's
                // text but does not widen it over its neighbours.
                let spans = header.iter().filter(|h| overlaps(s, h)).count() > 1;
                match header.iter_mut().find(|h| overlaps(s, h)) {
                    Some(h) => {
                        h.text = if dir_up {
                            format!("{} {}", s.text, h.text)
                        } else {
                            format!("{} {}", h.text, s.text)
                        };
                        if !spans {
                            h.x0 = h.x0.min(s.x0);
                            h.x1 = h.x1.max(s.x1);
                        }
                    }
                    None => header.push(s.clone()),
                }
            }
            consumed.push(k);
        }
    }
    header.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    // Two (or more) tables side by side (a two-column list): the header's roles repeat.
    // The right-hand table's rows are read after the left-hand one's, moved under it.
    if let Some(k) = repeated_header_at(&header) {
        let split = (header[k - 1].x1 + header[k].x0) / 2.0;
        let dx = header[0].x0 - header[k].x0;
        // Cells run together are cut where the header's columns start, before the move.
        let mut lines = lines;
        for l in &mut lines[hi + 1..] {
            l.segs = l
                .segs
                .iter()
                .flat_map(|s| split_at_columns(s, &header))
                .collect();
        }
        let mut left: Vec<PLine> = lines.clone();
        for l in &mut left {
            l.segs.retain(|s| (s.x0 + s.x1) / 2.0 < split);
        }
        let mut right: Vec<PLine> = lines[hi..].to_vec();
        for l in &mut right {
            l.segs.retain(|s| (s.x0 + s.x1) / 2.0 >= split);
            for s in &mut l.segs {
                s.x0 += dx;
                s.x1 += dx;
                for b in &mut s.breaks {
                    b.1 += dx;
                }
            }
        }
        right.retain(|l| !l.segs.is_empty());
        left.extend(right);
        read_page_lines(left, file, memory, ex);
        return;
    }
    let bounds: Vec<f64> = header
        .windows(2)
        .map(|w| (w[0].x1 + w[1].x0) / 2.0)
        .collect();
    let data_cols = data_columns(&lines[hi + 1..], &header);
    let numeric = |s: &Seg| {
        s.text.chars().filter(|c| c.is_ascii_digit()).count() * 2 > s.text.chars().count()
    };
    let column_of = |s: &Seg| -> usize {
        // Numbers are right-aligned: their right edge decides; text is left-aligned.
        let x = if numeric(s) { s.x1 - 0.5 } else { s.x0 + 0.5 };
        bounds.iter().position(|b| x < *b).unwrap_or(bounds.len())
    };
    // The column of the table's data a number sits in (a right-aligned number printed
    // right of its left-aligned header falls there).
    let data_column_of = |s: &Seg| -> Option<usize> {
        let mid = (s.x0 + s.x1) / 2.0;
        data_cols
            .iter()
            .find(|(a, b, _)| numeric(s) && *a <= mid && mid <= *b)
            .map(|c| c.2)
    };
    // Where cells start: the header's cells, and left edges that cells of two or more
    // rows share (a description column left-aligned under a centred header), so a code
    // run into its description is cut there too.
    let cuts: Vec<Seg> = {
        let mut starts: Vec<f64> = lines[hi + 1..]
            .iter()
            .flat_map(|l| l.segs.iter().map(|s| s.x0))
            .collect();
        starts.sort_by(f64::total_cmp);
        let mut cuts = header.clone();
        let mut k = 0;
        while k < starts.len() {
            let n = starts[k..]
                .iter()
                .take_while(|x| **x - starts[k] <= 1.0)
                .count();
            if n >= 2 {
                cuts.push(Seg {
                    text: String::new(),
                    x0: starts[k],
                    x1: starts[k],
                    col: 0,
                    breaks: Vec::new(),
                });
            }
            k += n;
        }
        cuts.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        cuts
    };
    // A line of text cells set closer above a row than one line's height (a cell
    // vertically centred: its first line above the row's baseline) belongs to that row.
    let mut lines = lines;
    let mut merged_up: Vec<usize> = Vec::new();
    for li in hi + 1..lines.len().saturating_sub(1) {
        let (l, next) = (&lines[li], &lines[li + 1]);
        let text_only = !l.segs.is_empty() && l.segs.iter().all(|s| !numeric(s));
        if text_only
            && !consumed.contains(&li)
            && next.page == l.page
            && next.segs.len() > l.segs.len()
            && next.y - l.y < 0.8 * l.size.min(next.size)
        {
            let above = lines[li].segs.clone();
            let next = &mut lines[li + 1];
            for s in above {
                match next.segs.iter_mut().find(|n| n.x0 < s.x1 && s.x0 < n.x1) {
                    Some(n) => {
                        let shift = s.text.len() + 1;
                        n.text = format!("{} {}", s.text, n.text);
                        for b in &mut n.breaks {
                            b.0 += shift;
                        }
                        n.x0 = n.x0.min(s.x0);
                        n.x1 = n.x1.max(s.x1);
                    }
                    None => {
                        next.segs.push(s);
                        next.segs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                    }
                }
            }
            merged_up.push(li);
        }
    }
    let mut grid = Grid {
        name: "pdf".into(),
        rows: Vec::new(),
    };
    // The table's row pitch: the median distance between consecutive lines of a page
    // below the header. A gap much wider than it (a blank line before a footer, a total
    // or prose) is a blank row, so what follows it is not read as a wrapped cell.
    let pitch = {
        let mut d: Vec<f64> = lines[hi..]
            .windows(2)
            .filter(|w| w[0].page == w[1].page)
            .map(|w| w[1].y - w[0].y)
            .filter(|d| *d > 0.0)
            .collect();
        d.sort_by(f64::total_cmp);
        d.get(d.len() / 2).copied()
    };
    let mut moved_starts: Vec<(f64, usize)> = Vec::new();
    let last_above = (0..hi)
        .rev()
        .find(|k| !consumed.contains(k) && !merged_up.contains(k));
    for (li, l) in lines.iter().enumerate() {
        if consumed.contains(&li) || merged_up.contains(&li) {
            continue;
        }
        let ncols = header.len();
        if let (Some(p), Some(prev)) = (pitch, li.checked_sub(1).and_then(|k| lines.get(k))) {
            // A new page is a break too: its first lines (a letterhead repeated, a
            // running head) never continue the last row of the page before.
            if li > hi && (prev.page != l.page || l.y - prev.y > 1.8 * p) {
                grid.rows.push(
                    (0..ncols)
                        .map(|_| Cell {
                            loc: Location {
                                page: Some(l.page),
                                line: Some(l.line),
                                ..Location::file(file)
                            },
                            ..Default::default()
                        })
                        .collect(),
                );
            }
        }
        let mut cells: Vec<Cell> = (0..ncols)
            .map(|_| Cell {
                loc: Location {
                    page: Some(l.page),
                    line: Some(l.line),
                    ..Location::file(file)
                },
                ..Default::default()
            })
            .collect();
        // Lines far outside the table's width, or with a single long segment, stay text.
        let is_text = l.segs.len() == 1 && l.segs[0].text.len() > 40;
        if li == hi {
            for (c, h) in cells.iter_mut().zip(&header) {
                c.text = h.text.clone();
            }
        } else if is_text {
            cells[0].text = l.segs[0].text.clone();
        } else if li < hi {
            // Above the table (a letterhead, an address, `Angebot Nr.  AN-0913`): its
            // cells in order, never cut at the table's columns; the line right above the
            // header in one cell, so it is never taken for labels of column groups.
            if Some(li) == last_above {
                cells[0].text = l.text();
            } else {
                for (k, s) in l.segs.iter().enumerate() {
                    let c = &mut cells[k.min(ncols - 1)];
                    if !c.text.is_empty() {
                        c.text.push_str("  ");
                    }
                    c.text.push_str(&s.text);
                }
            }
        } else {
            let mut segs: Vec<Seg> = l
                .segs
                .iter()
                .flat_map(|s| split_numbers(s, &header))
                .flat_map(|s| split_at_columns(&s, &cuts))
                .collect();
            for s in &mut segs {
                s.col = column_of(s);
            }
            // Two cells of the row under one header cell by the header's bounds: the
            // columns of the data decide instead.
            let collide = segs
                .iter()
                .enumerate()
                .any(|(i, a)| segs[..i].iter().any(|b| b.col == a.col));
            if collide {
                for s in &mut segs {
                    if let Some(c) = data_column_of(s) {
                        s.col = c;
                    }
                }
                // A text cell after another in the same column, starting before the next
                // header cell ends, with that column empty in this row: the next column
                // (a description left-aligned well before its centred header).
                let mut used: Vec<usize> = Vec::new();
                for k in 0..segs.len() {
                    let c = segs[k].col;
                    if used.contains(&c)
                        && !numeric(&segs[k])
                        && c + 1 < header.len()
                        && classify_header(&header[c + 1].text)
                            .is_some_and(|r| r.0 == super::table::ColumnRole::Description)
                        && !segs.iter().any(|o| o.col == c + 1)
                        && segs[k].x0 < header[c + 1].x1
                    {
                        segs[k].col = c + 1;
                        moved_starts.push((segs[k].x0, c + 1));
                    }
                    used.push(segs[k].col);
                }
            }
            // A text cell starting where a cell was moved on an earlier row (its wrapped
            // lines) goes to the same column.
            for s in &mut segs {
                if let Some(m) = moved_starts
                    .iter()
                    .find(|m| !numeric(s) && (m.0 - s.x0).abs() <= 1.0)
                {
                    s.col = m.1;
                }
            }
            for s in segs {
                let c = &mut cells[s.col.min(ncols - 1)];
                if !c.text.is_empty() {
                    c.text.push(' ');
                }
                c.text.push_str(&s.text);
            }
        }
        grid.rows.push(cells);
    }
    let ctx = TableContext {
        file,
        style,
        memory,
        supplier: None,
    };
    read_grid(&grid, &ctx, ex);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(rel: &str) -> Vec<u8> {
        let p = format!(
            "{}/testdata/corpus/invoices/zugferd/{rel}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    /// The PDF `pdf` with the content of its embedded XML replaced by `xml`.
    fn swap_embedded_xml(pdf: &[u8], xml: &[u8]) -> Vec<u8> {
        let mut doc = Document::load_mem(pdf).unwrap();
        let ids: Vec<_> = doc
            .objects
            .iter()
            .filter(|(_, o)| {
                matches!(o, Object::Stream(s)
                    if s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok())
                        == Some(b"EmbeddedFile".as_slice()))
            })
            .map(|(id, _)| *id)
            .collect();
        assert!(!ids.is_empty(), "no embedded file");
        for id in ids {
            if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
                s.dict.remove(b"Filter");
                s.dict.remove(b"DecodeParms");
                s.dict.remove(b"Params");
                s.set_content(xml.to_vec());
            }
        }
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn read_pdf(name: &str, bytes: &[u8]) -> Extraction {
        let mut ex = Extraction {
            file: name.into(),
            format: Format::Pdf,
            ..Default::default()
        };
        read(bytes, name, None, &mut ex);
        ex
    }

    fn mismatch(ex: &Extraction) -> Option<&str> {
        ex.diagnostics
            .iter()
            .find(|d| d.code == "pdf.xml_text_mismatch")
            .map(|d| d.message.as_str())
    }

    /// A PDF of Helvetica 9 pt text: per page, (x, y from the top, text) in points.
    fn make_pdf(pages: &[Vec<(f64, f64, &str)>]) -> Vec<u8> {
        use pdf_extract::content::{Content, Operation};
        use pdf_extract::{dictionary, Stream};
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources_id = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
        });
        let mut kids = Vec::new();
        for page in pages {
            let mut ops = Vec::new();
            for (x, y, t) in page {
                ops.push(Operation::new("BT", vec![]));
                ops.push(Operation::new("Tf", vec!["F1".into(), 9.into()]));
                ops.push(Operation::new("Td", vec![(*x).into(), (842.0 - *y).into()]));
                ops.push(Operation::new("Tj", vec![Object::string_literal(*t)]));
                ops.push(Operation::new("ET", vec![]));
            }
            let content = Content { operations: ops };
            let cid = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
            let pid = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => cid,
            });
            kids.push(pid.into());
        }
        let n = i64::try_from(kids.len()).unwrap();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => n,
                "Resources" => resources_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn text_read(bytes: &[u8]) -> Extraction {
        crate::extract::extract_pdf_text("t.pdf", bytes)
    }

    fn summary(ex: &Extraction) -> Vec<(String, String, String, Decimal)> {
        ex.lines
            .iter()
            .map(|l| {
                (
                    l.part_number.clone().unwrap_or_default(),
                    l.description.clone().unwrap_or_default(),
                    l.breaks
                        .iter()
                        .map(|b| format!("{}@{}", b.min_qty, b.unit_price.normalize()))
                        .collect::<Vec<_>>()
                        .join(" "),
                    l.price_basis_qty,
                )
            })
            .collect()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Two price tables side by side under one repeated header; a code and its
    /// description printed with a narrow gap are still two cells.
    #[test]
    fn two_column_price_list() {
        let mut page = vec![
            (50.0, 40.0, "Fastener Supply Ltd"),
            (50.0, 80.0, "Part No"),
            (120.0, 80.0, "Description"),
            (245.0, 80.0, "Price EUR"),
            (310.0, 80.0, "Part No"),
            (370.0, 80.0, "Description"),
            (500.0, 80.0, "Price EUR"),
        ];
        let rows = [
            (
                "HX-0408",
                "Hex screw M4x8",
                "0.42",
                "NT-04",
                "Hex nut M4",
                "0.14",
            ),
            (
                "HX-0412",
                "Hex screw M4x12",
                "0.46",
                "NT-05",
                "Hex nut M5",
                "0.17",
            ),
            (
                "HX-0416",
                "Hex screw M4x16",
                "0.50",
                "NT-06",
                "Hex nut M6",
                "0.23",
            ),
        ];
        for (i, r) in rows.iter().enumerate() {
            let y = 95.0 + 14.0 * i as f64;
            page.extend([
                (50.0, y, r.0),
                (120.0, y, r.1),
                (255.0, y, r.2),
                // Narrow gap after the code: "NT-04 Hex nut M4" reads as one run.
                (336.0, y, r.3),
                (370.0, y, r.4),
                (510.0, y, r.5),
            ]);
        }
        page.push((50.0, 150.0, "Payment: 30 days net."));
        let ex = text_read(&make_pdf(&[page]));
        let got = summary(&ex);
        let want: Vec<(String, String, String, Decimal)> = [
            ("HX-0408", "Hex screw M4x8", "0.42"),
            ("HX-0412", "Hex screw M4x12", "0.46"),
            ("HX-0416", "Hex screw M4x16", "0.5"),
            ("NT-04", "Hex nut M4", "0.14"),
            ("NT-05", "Hex nut M5", "0.17"),
            ("NT-06", "Hex nut M6", "0.23"),
        ]
        .iter()
        .map(|(p, d, u)| (p.to_string(), d.to_string(), format!("1@{u}"), Decimal::ONE))
        .collect();
        assert_eq!(got, want, "{:#?}", ex.diagnostics);
    }

    /// A list over two pages with its header repeated, a letterhead line right above the
    /// header, and right-aligned numbers that stick out right of their left-aligned
    /// header cells (the pack column's numbers end nearer the price header than their own).
    #[test]
    fn multi_page_list_with_right_aligned_numbers() {
        let header = |p: &mut Vec<(f64, f64, &'static str)>| {
            p.push((31.0, 40.0, "Rheinwerk Normteile"));
            p.push((31.0, 60.0, "Art.-Nr."));
            p.push((139.0, 60.0, "Bezeichnung"));
            p.push((400.0, 60.0, "VPE (Stk.)"));
            p.push((468.0, 60.0, "CHF / 100 Stk."));
        };
        let items = [
            ("933-03006", "Sechskantschraube M3x6", "200", "4.10"),
            ("933-03008", "Sechskantschraube M3x8", "200", "4.35"),
            ("933-06012", "Sechskantschraube M6x12", "100", "9.80"),
            ("933-06016", "Sechskantschraube M6x16", "100", "10.40"),
        ];
        let mut pages = Vec::new();
        for chunk in items.chunks(2) {
            let mut p = Vec::new();
            header(&mut p);
            for (i, (part, d, vpe, price)) in chunk.iter().enumerate() {
                let y = 75.0 + 14.0 * i as f64;
                // Right-aligned: the text ends at 462 (pack) and 547 (price).
                let w = |t: &str| 5.0 * t.len() as f64;
                p.push((31.0, y, *part));
                p.push((139.0, y, *d));
                p.push((462.0 - w(vpe), y, *vpe));
                p.push((547.0 - w(price), y, *price));
            }
            p.push((191.0, 800.0, "Seite 1 von 2 - Preise exkl. MWST"));
            pages.push(p);
        }
        let ex = text_read(&make_pdf(&pages));
        let got = summary(&ex);
        let want: Vec<(String, String, String, Decimal)> = [
            ("933-03006", "Sechskantschraube M3x6", "0.041"),
            ("933-03008", "Sechskantschraube M3x8", "0.0435"),
            ("933-06012", "Sechskantschraube M6x12", "0.098"),
            ("933-06016", "Sechskantschraube M6x16", "0.104"),
        ]
        .iter()
        .map(|(p, d, u)| (p.to_string(), d.to_string(), format!("1@{u}"), dec("100")))
        .collect();
        assert_eq!(got, want, "{:#?}", ex.diagnostics);
        assert!(
            ex.layouts[0]
                .header
                .iter()
                .all(|h| !h.contains("Rheinwerk")),
            "{:?}",
            ex.layouts[0].header
        );
    }

    const FACTURX: [&str; 5] = [
        "EN16931_Einfach",
        "EN16931_Rabatte",
        "MustangGnuaccountingBeispielRE-20201121_508",
        "acme_invoice-42_ZUGFeRD",
        "python-factur-x",
    ];

    /// A genuine Factur-X / ZUGFeRD PDF: its XML and its page agree, no warning. The
    /// corpus's `acme_invoice-42` is a real case of the other kind: its page invoices an
    /// anvil, a chain and transport (1.589,80 €), its XML one saddle for 119 €.
    #[test]
    fn embedded_xml_checked_against_the_page() {
        for name in FACTURX {
            let ex = read_pdf(name, &corpus(&format!("{name}.pdf")));
            assert!(
                ex.diagnostics.iter().any(|d| d.code == "pdf.embedded_xml"),
                "{name}: XML not read"
            );
            if name == "acme_invoice-42_ZUGFeRD" {
                let msg = mismatch(&ex).expect("acme: no warning");
                assert!(msg.contains("total 119 is not printed"), "{msg}");
                assert!(msg.contains("priced lines, the XML 1"), "{msg}");
                assert_eq!(ex.lines.len(), 1, "the XML stays primary");
            } else {
                assert_eq!(mismatch(&ex), None, "{name}");
            }
        }
    }

    /// Every corpus PDF given another document's XML: a warning naming the disagreement,
    /// and the lines still come from the XML (it stays primary).
    #[test]
    fn embedded_xml_of_another_document_is_flagged() {
        let mut checked = 0;
        for page in FACTURX {
            for other in FACTURX.iter().filter(|o| **o != page) {
                let xml = corpus(&format!("embedded_xml/{other}.xml"));
                let bytes = swap_embedded_xml(&corpus(&format!("{page}.pdf")), &xml);
                let ex = read_pdf(page, &bytes);
                assert!(
                    ex.diagnostics.iter().any(|d| d.code == "pdf.embedded_xml"),
                    "{page} with {other}'s XML: XML not read"
                );
                let msg = mismatch(&ex)
                    .unwrap_or_else(|| panic!("{page} with {other}'s XML: no warning"));
                assert!(msg.contains("disagree"), "{msg}");
                let mut alone = Extraction::default();
                super::super::cii::read_str(
                    std::str::from_utf8(&xml).unwrap(),
                    "x.xml",
                    &mut alone,
                );
                assert_eq!(
                    ex.lines.len(),
                    alone.lines.len(),
                    "{page} with {other}'s XML"
                );
                assert_eq!(ex.total, alone.total, "{page} with {other}'s XML");
                checked += 1;
            }
        }
        assert_eq!(checked, 20);
    }
}
