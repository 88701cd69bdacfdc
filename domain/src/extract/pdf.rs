//! Text PDFs. An embedded ZUGFeRD / Factur-X XML is read first (it is exact); the text
//! layer is then read with positions: characters become lines by baseline, lines become
//! cells by gaps, and cells are put into the columns of the header row they sit under,
//! so a table that continues over pages (with its header repeated) reads as one table.
//! Letterhead, terms and totals around the table go to the header scanner.
//!
//! Positions are geometry in PDF points, not money, hence the float arithmetic here.
#![allow(clippy::float_arithmetic)]

use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};
use rust_decimal::Decimal;

use super::memory::MappingMemory;
use super::model::{Extraction, Format, Location, Severity};
use super::table::{classify_header, read_grid, Cell, Grid, TableContext};
use super::{read_plain_text, style_of};

#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    y: f64,
    w: f64,
    size: f64,
    ch: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<Vec<Glyph>>,
    height: f64,
    budget: usize,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _n: u32,
        media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
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
        if self.budget == 0 {
            return Ok(());
        }
        self.budget -= 1;
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).abs().max(0.1);
        let x = trm.m31;
        let y = self.height - trm.m32;
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        if let Some(p) = self.pages.last_mut() {
            p.push(Glyph {
                x,
                y,
                w: (width * size).abs(),
                size,
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
}

#[derive(Debug, Clone)]
struct PLine {
    page: u32,
    line: u32,
    segs: Vec<Seg>,
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
    let loaded = catch_unwind(AssertUnwindSafe(|| Document::load_mem(bytes)));
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
    // Embedded e-invoice XML.
    let xml = if use_xml {
        catch_unwind(AssertUnwindSafe(|| embedded_xml(&doc))).unwrap_or_default()
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
            if let Ok((lines, _)) = text_lines(&doc) {
                let problems = xml_against_page(ex, &lines, file, memory);
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
    let lines = match text_lines(&doc) {
        Ok((l, warning)) => {
            if let Some((code, msg)) = warning {
                ex.diag(code, Severity::Warning, msg, Some(Location::file(file)));
            }
            l
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
        ex.diag(
            "pdf.no_text",
            Severity::Error,
            "the PDF has no text layer (scanned?); OCR is not done here",
            Some(Location::file(file)),
        );
        return;
    }
    read_lines(lines, file, memory, ex);
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

/// The positioned lines, and a warning when the text extractor stopped part-way.
fn text_lines(doc: &Document) -> Result<(Vec<PLine>, Option<Warning>), String> {
    let mut col = Collector {
        budget: 5_000_000,
        ..Default::default()
    };
    let res = catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc(doc, &mut col)));
    let mut warning = None;
    match res {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            if col.pages.is_empty() {
                return Err(format!("text not extracted: {e:?}"));
            }
            warning = Some((
                "pdf.text_incomplete",
                format!(
                    "text extraction stopped after page {}: {e:?}",
                    col.pages.len()
                ),
            ));
        }
        Err(_) => {
            if col.pages.is_empty() {
                return Err("the PDF text extractor failed on this file".into());
            }
            warning = Some((
                "pdf.parser_panic",
                format!(
                    "the PDF text extractor failed on page {}; earlier pages were read",
                    col.pages.len()
                ),
            ));
        }
    }
    let mut out = Vec::new();
    for (pi, glyphs) in col.pages.into_iter().enumerate() {
        out.extend(page_lines(
            glyphs,
            u32::try_from(pi + 1).unwrap_or(u32::MAX),
        ));
    }
    Ok((out, warning))
}

fn page_lines(mut glyphs: Vec<Glyph>, page: u32) -> Vec<PLine> {
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
                        s.text.push(' ');
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
                        });
                    }
                }
            }
            last_end = last_end.max(g.x + g.w);
        }
        for s in segs.iter_mut() {
            s.text = s.text.trim().to_string();
        }
        segs.retain(|s| !s.text.is_empty());
        out.push(PLine {
            page,
            line: u32::try_from(li + 1).unwrap_or(u32::MAX),
            segs,
        });
    }
    out
}

fn read_lines(lines: Vec<PLine>, file: &str, memory: Option<&MappingMemory>, ex: &mut Extraction) {
    let all_text: String = lines.iter().map(PLine::text).collect::<Vec<_>>().join("\n");

    let style = style_of(&all_text);
    // The header row: most segments naming a column role.
    let mut best: Option<(usize, usize)> = None;
    for (i, l) in lines.iter().enumerate() {
        let n = l
            .segs
            .iter()
            .filter(|s| {
                classify_header(&s.text)
                    .is_some_and(|r| !matches!(r.0, super::table::ColumnRole::BreakPrice(_)))
            })
            .count();
        if n >= 3 && l.segs.len() >= 3 && best.is_none_or(|b| n > b.1) {
            best = Some((i, n));
        }
    }
    let Some((hi, _)) = best else {
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
    // Stacked header lines just above and below ("Art-Nr-Kunde" over "Art-Nr-Lief." over
    // the main header): their cells join the header, as extra columns or into the column
    // they sit over.
    let mut header: Vec<Seg> = lines[hi].segs.clone();
    let mut consumed: Vec<usize> = Vec::new();
    for k in [hi.wrapping_sub(1), hi.wrapping_sub(2), hi + 1, hi + 2] {
        let Some(l) = lines.get(k) else { continue };
        if l.segs.is_empty() || l.page != lines[hi].page {
            continue;
        }
        let overlaps = |s: &Seg, h: &Seg| s.x0 < h.x1 && h.x0 < s.x1;
        let fits = l.segs.iter().all(|s| {
            !s.text.chars().any(|c| c.is_ascii_digit() || c == ':')
                && s.text.len() <= 30
                && (header.iter().any(|h| overlaps(s, h)) || classify_header(&s.text).is_some())
        });
        if !fits {
            continue;
        }
        for s in &l.segs {
            match header.iter_mut().find(|h| overlaps(s, h)) {
                Some(h) => {
                    h.text = if k < hi {
                        format!("{} {}", s.text, h.text)
                    } else {
                        format!("{} {}", h.text, s.text)
                    };
                    h.x0 = h.x0.min(s.x0);
                    h.x1 = h.x1.max(s.x1);
                }
                None => header.push(s.clone()),
            }
        }
        consumed.push(k);
    }
    header.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let bounds: Vec<f64> = header
        .windows(2)
        .map(|w| (w[0].x1 + w[1].x0) / 2.0)
        .collect();
    let column_of = |s: &Seg| -> usize {
        // Numbers are right-aligned: their right edge decides; text is left-aligned.
        let numeric =
            s.text.chars().filter(|c| c.is_ascii_digit()).count() * 2 > s.text.chars().count();
        let x = if numeric { s.x1 - 0.5 } else { s.x0 + 0.5 };
        bounds.iter().position(|b| x < *b).unwrap_or(bounds.len())
    };
    let mut grid = Grid {
        name: "pdf".into(),
        rows: Vec::new(),
    };
    for (li, l) in lines.iter().enumerate() {
        if consumed.contains(&li) {
            continue;
        }
        let ncols = header.len();
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
        } else {
            for s in &l.segs {
                let mut s = s.clone();
                s.col = column_of(&s);
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
    // Prose lines outside the table (e.g. a quote written as text under a table).
    let _ = all_text;
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
