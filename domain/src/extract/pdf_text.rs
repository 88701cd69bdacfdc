//! A second reader of a PDF page's text layer, for pages the main reader (pdf-extract)
//! cannot read: it panics on fonts whose CMap it does not know (the predefined CJK
//! CMaps such as `UniJIS-UCS2-H` / `UniGB-UCS2-H` that reportlab and many Asian
//! generators write, legacy `90ms-RKSJ-H`, `GBK-EUC-H` …), and then the whole page was
//! lost, reported as "scanned".
//!
//! This reader walks the page's content stream itself (lopdf's parser, so it builds for
//! wasm32 like the rest), keeps the text and graphics matrices, and decodes every string
//! through the font's ToUnicode map, or the Unicode / legacy CJK encoding its CMap names,
//! or the simple font's encoding. Text drawn in any render mode is read (an OCR layer is
//! invisible text, mode 3). Widths come from the font (`/Widths`, `/W`), or a CJK
//! default when the font gives none. A font it cannot decode either (a CID font with
//! `Identity-H` and no ToUnicode map: its codes are glyph numbers) is named in
//! `unsupported`.
//!
//! Positions are geometry in PDF points, not money.
#![allow(clippy::float_arithmetic)]

use std::collections::{BTreeMap, BTreeSet};

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Encoding, Object, ObjectId};

/// One character drawn on a page, in PDF space (y up), with its text direction.
#[derive(Debug, Clone)]
pub(super) struct RawGlyph {
    pub x: f64,
    pub y: f64,
    /// Advance width in page units.
    pub w: f64,
    /// Font size in page units.
    pub size: f64,
    /// Unit vector of the text's baseline direction in PDF space.
    pub dir: (f64, f64),
    pub ch: String,
}

/// What the reader found on one page.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub glyphs: Vec<RawGlyph>,
    /// Fonts whose text could not be decoded: "NAME (why)".
    pub unsupported: BTreeSet<String>,
    /// Why reading stopped before the page's end (a bound of `pdf_guard` or the time).
    pub stopped: Option<String>,
}

/// What drawing forms has cost so far on one page, against `pdf_guard`'s bounds (issue
/// 10: forms that draw each other, or one drawn 8^8 times).
#[derive(Default)]
struct Work {
    draws: u64,
    ops: u64,
    /// Operators run, for asking the caller's time now and then.
    ticks: u32,
    /// The forms being drawn (their streams' addresses): one met again is not redrawn.
    forms: Vec<usize>,
}

/// An affine matrix `[a b c d e f]` (PDF row-vector convention).
type M = [f64; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &M, n: &M) -> M {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().map(|o| deref(doc, o))
}

/// How a font's string bytes become text.
enum Decode<'a> {
    /// Through an encoding lopdf knows (a ToUnicode map or a simple font's encoding),
    /// `n` bytes a code.
    Lopdf(Encoding<'a>, usize),
    /// UCS-2 / UTF-16BE codes (the `Uni…-UCS2-H`, `Uni…-UTF16-H` CMaps).
    Utf16,
    /// A legacy multi-byte CJK encoding named by the CMap.
    Legacy(&'static encoding_rs::Encoding),
    /// Nothing to decode with.
    None,
}

struct Font<'a> {
    decode: Decode<'a>,
    /// Widths (1/1000 em) by code (simple fonts) or CID (Identity CID fonts).
    widths: BTreeMap<u32, f64>,
    default_w: f64,
    /// Codes are CIDs (Identity-H/V): `widths` apply to codes.
    identity: bool,
    cid: bool,
}

/// The legacy encoding a predefined CJK CMap name stands for.
fn legacy_encoding(cmap: &str) -> Option<&'static encoding_rs::Encoding> {
    let c = cmap.to_ascii_uppercase();
    if c.contains("RKSJ") {
        Some(encoding_rs::SHIFT_JIS)
    } else if c.starts_with("GB") || c.contains("GBK") || c.contains("GBPC") {
        Some(encoding_rs::GBK)
    } else if c.starts_with("KSC") || c.starts_with("KSCMS") {
        Some(encoding_rs::EUC_KR)
    } else if c.contains("B5") || c.starts_with("HKSCS") || c.starts_with("ETEN") {
        Some(encoding_rs::BIG5)
    } else if c.starts_with("EUC") || c.starts_with("83PV") || c.starts_with("EXT-") {
        Some(encoding_rs::EUC_JP)
    } else if c.contains("UTF8") {
        Some(encoding_rs::UTF_8)
    } else {
        None
    }
}

fn font<'a>(doc: &'a Document, f: &'a Dictionary, name: &str) -> (Font<'a>, Option<String>) {
    let subtype = dict_get(doc, f, b"Subtype")
        .and_then(|o| o.as_name().ok())
        .unwrap_or_default();
    let base = dict_get(doc, f, b"BaseFont")
        .and_then(|o| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_else(|| name.to_string());
    let cid = subtype == b"Type0";
    let to_unicode = f.get(b"ToUnicode").ok().cloned();
    let unicode_map = to_unicode.and_then(|t| {
        // lopdf reads a ToUnicode map only when the font names no /Encoding.
        let mut only = Dictionary::new();
        only.set("Type", Object::Name(b"Font".to_vec()));
        only.set("ToUnicode", t);
        match Dictionary::get_font_encoding(&only, doc) {
            Ok(Encoding::UnicodeMapEncoding(m)) => Some(Encoding::UnicodeMapEncoding(m)),
            _ => None,
        }
    });
    let mut widths = BTreeMap::new();
    let mut default_w = if cid { 1000.0 } else { 500.0 };
    let mut problem = None;
    let (decode, identity) = if cid {
        let enc = dict_get(doc, f, b"Encoding")
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let identity = enc.starts_with("Identity");
        if let Some(descendant) = dict_get(doc, f, b"DescendantFonts")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok())
        {
            if let Some(dw) = dict_get(doc, descendant, b"DW").and_then(num) {
                default_w = dw;
            }
            if let Some(w) = dict_get(doc, descendant, b"W").and_then(|o| o.as_array().ok()) {
                let mut i = 0;
                while i < w.len() {
                    let first = num(deref(doc, &w[i])).unwrap_or(0.0) as u32;
                    match w.get(i + 1).map(|o| deref(doc, o)) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                if let Some(v) = num(deref(doc, v)) {
                                    widths.insert(first + k as u32, v);
                                }
                            }
                            i += 2;
                        }
                        Some(o) => {
                            let last = num(o).unwrap_or(0.0) as u32;
                            let v = w
                                .get(i + 2)
                                .and_then(|o| num(deref(doc, o)))
                                .unwrap_or(default_w);
                            for c in first..=last.min(first + 65_535) {
                                widths.insert(c, v);
                            }
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
        }
        let decode = if let Some(e) = unicode_map {
            Decode::Lopdf(e, 2)
        } else if enc.contains("UCS2") || enc.contains("UTF16") {
            Decode::Utf16
        } else if let Some(l) = legacy_encoding(&enc) {
            Decode::Legacy(l)
        } else {
            problem = Some(format!(
                "{base} ({} without a ToUnicode map)",
                if enc.is_empty() {
                    "a CID encoding"
                } else {
                    &enc
                }
            ));
            Decode::None
        };
        (decode, identity)
    } else {
        let first = dict_get(doc, f, b"FirstChar").and_then(num).unwrap_or(0.0) as u32;
        if let Some(w) = dict_get(doc, f, b"Widths").and_then(|o| o.as_array().ok()) {
            for (k, v) in w.iter().enumerate() {
                if let Some(v) = num(deref(doc, v)) {
                    widths.insert(first + k as u32, v);
                }
            }
        }
        let decode = match unicode_map {
            Some(e) => Decode::Lopdf(e, 1),
            None => match Dictionary::get_font_encoding(f, doc) {
                Ok(e) => Decode::Lopdf(e, 1),
                Err(_) => Decode::None,
            },
        };
        (decode, true)
    };
    (
        Font {
            decode,
            widths,
            default_w,
            identity,
            cid,
        },
        problem,
    )
}

impl Font<'_> {
    /// The string's codes: (code, its text, width in 1/1000 em).
    fn codes(&self, bytes: &[u8]) -> Vec<(u32, String, f64)> {
        let width = |code: u32, text: &str| -> f64 {
            if self.identity {
                if let Some(w) = self.widths.get(&code) {
                    return *w;
                }
            }
            if self.cid && !self.identity {
                // A predefined CMap maps codes to CIDs we do not have, except printable
                // ASCII: CIDs 1-95 in every Adobe CJK collection (GB1, CNS1, Japan1,
                // Korea1), whose proportional widths the font's /W gives.
                if let Some(c) = text.chars().next().filter(|c| (' '..='~').contains(c)) {
                    if let Some(w) = self.widths.get(&(c as u32 - 0x1f)) {
                        return *w;
                    }
                }
                // Else half width for Latin and half-width forms, full for the rest.
                let half = text
                    .chars()
                    .all(|c| (c as u32) < 0x2000 || ('\u{ff61}'..='\u{ff9f}').contains(&c));
                return if half { 500.0 } else { 1000.0 };
            }
            self.default_w
        };
        let mut out = Vec::new();
        match &self.decode {
            Decode::Lopdf(e, n) => {
                for chunk in bytes.chunks(*n) {
                    let code = chunk.iter().fold(0u32, |a, b| a * 256 + u32::from(*b));
                    let text = e.bytes_to_string(chunk).unwrap_or_default();
                    let text = text.replace('\u{fffd}', "");
                    out.push((code, text.clone(), width(code, &text)));
                }
            }
            Decode::Utf16 => {
                let units: Vec<u16> = bytes
                    .chunks(2)
                    .map(|c| u16::from(c[0]) * 256 + u16::from(*c.get(1).unwrap_or(&0)))
                    .collect();
                for r in char::decode_utf16(units.iter().copied()) {
                    let ch = r.unwrap_or('\u{fffd}');
                    let text = if ch == '\u{fffd}' {
                        String::new()
                    } else {
                        ch.to_string()
                    };
                    out.push((ch as u32, text.clone(), width(ch as u32, &text)));
                }
            }
            Decode::Legacy(enc) => {
                let (text, _, _) = enc.decode(bytes);
                for ch in text.chars() {
                    let t = ch.to_string();
                    out.push((ch as u32, t.clone(), width(ch as u32, &t)));
                }
            }
            Decode::None => {
                let n = if self.cid { 2 } else { 1 };
                for chunk in bytes.chunks(n) {
                    let code = chunk.iter().fold(0u32, |a, b| a * 256 + u32::from(*b));
                    out.push((code, String::new(), width(code, "")));
                }
            }
        }
        out
    }
}

#[derive(Clone)]
struct State {
    ctm: M,
    font: Option<Vec<u8>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
}

/// Reads the text of page `page_id`; `budget` bounds the glyphs kept.
pub(super) fn page_text(doc: &Document, page_id: ObjectId, budget: usize) -> PageText {
    let mut out = PageText::default();
    let Ok(content) = doc.get_page_content(page_id) else {
        return out;
    };
    let fonts = doc.get_page_fonts(page_id).unwrap_or_default();
    let mut cache: BTreeMap<Vec<u8>, Font<'_>> = BTreeMap::new();
    for (name, f) in &fonts {
        let (font, problem) = font(doc, f, &String::from_utf8_lossy(name));
        if let Some(p) = problem {
            out.unsupported.insert(p);
        }
        cache.insert(name.clone(), font);
    }
    // The page's own resource dictionary, or the one it (or an ancestor) refers to.
    let resources = doc
        .get_page_resources(page_id)
        .ok()
        .and_then(|(d, ids)| d.or_else(|| ids.first().and_then(|id| doc.get_dictionary(*id).ok())));
    let mut work = Work::default();
    run(
        doc, &content, resources, &cache, ID, budget, 0, &mut work, &mut out,
    );
    out
}

#[allow(clippy::too_many_arguments)]
fn run<'a>(
    doc: &'a Document,
    content: &[u8],
    resources: Option<&'a Dictionary>,
    page_fonts: &BTreeMap<Vec<u8>, Font<'a>>,
    ctm: M,
    budget: usize,
    depth: u32,
    work: &mut Work,
    out: &mut PageText,
) {
    use crate::extract::pdf_guard::{MAX_FORM_DEPTH, MAX_FORM_DRAWS, MAX_FORM_OPS};
    let Ok(ops) = Content::decode(content) else {
        return;
    };
    // A form's own fonts come before the page's.
    let mut local: BTreeMap<Vec<u8>, Font<'a>> = BTreeMap::new();
    if depth > 0 {
        if let Some(fd) = resources
            .and_then(|r| dict_get(doc, r, b"Font"))
            .and_then(|o| o.as_dict().ok())
        {
            for (name, f) in fd.iter() {
                if let Ok(f) = deref(doc, f).as_dict() {
                    let (font, problem) = font(doc, f, &String::from_utf8_lossy(name));
                    if let Some(p) = problem {
                        out.unsupported.insert(p);
                    }
                    local.insert(name.clone(), font);
                }
            }
        }
    }
    let mut gs = State {
        ctm,
        font: None,
        size: 0.0,
        tc: 0.0,
        tw: 0.0,
        th: 1.0,
        tl: 0.0,
        rise: 0.0,
    };
    let mut stack: Vec<State> = Vec::new();
    let (mut tm, mut tlm) = (ID, ID);
    let nums = |ops: &[Object]| -> Vec<f64> { ops.iter().filter_map(num).collect() };
    for op in &ops.operations {
        if out.glyphs.len() >= budget || out.stopped.is_some() {
            return;
        }
        work.ticks = work.ticks.wrapping_add(1);
        if work.ticks.is_multiple_of(4096) && !crate::extract::bounds::go_on() {
            out.stopped = Some("the time allowed is up".into());
            return;
        }
        if depth > 0 {
            work.ops += 1;
            if work.ops > MAX_FORM_OPS {
                out.stopped = Some(format!(
                    "its forms ran more than {MAX_FORM_OPS} content operators"
                ));
                return;
            }
        }
        let a = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push(gs.clone()),
            "Q" => {
                if let Some(s) = stack.pop() {
                    gs = s;
                }
            }
            "cm" => {
                let n = nums(a);
                if n.len() == 6 {
                    gs.ctm = mul(&[n[0], n[1], n[2], n[3], n[4], n[5]], &gs.ctm);
                }
            }
            "BT" => {
                tm = ID;
                tlm = ID;
            }
            "Tf" => {
                gs.font = a.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                gs.size = a.get(1).and_then(num).unwrap_or(0.0);
            }
            "Tc" => gs.tc = a.first().and_then(num).unwrap_or(0.0),
            "Tw" => gs.tw = a.first().and_then(num).unwrap_or(0.0),
            "Tz" => gs.th = a.first().and_then(num).unwrap_or(100.0) / 100.0,
            "TL" => gs.tl = a.first().and_then(num).unwrap_or(0.0),
            "Ts" => gs.rise = a.first().and_then(num).unwrap_or(0.0),
            "Td" | "TD" => {
                let n = nums(a);
                if n.len() == 2 {
                    if op.operator == "TD" {
                        gs.tl = -n[1];
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n[0], n[1]], &tlm);
                    tm = tlm;
                }
            }
            "Tm" => {
                let n = nums(a);
                if n.len() == 6 {
                    tlm = [n[0], n[1], n[2], n[3], n[4], n[5]];
                    tm = tlm;
                }
            }
            "T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" || op.operator == "\"" {
                    if op.operator == "\"" {
                        let n = nums(a);
                        if n.len() >= 2 {
                            gs.tw = n[0];
                            gs.tc = n[1];
                        }
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                }
                let Some(font) = gs
                    .font
                    .as_ref()
                    .and_then(|n| local.get(n).or_else(|| page_fonts.get(n)))
                else {
                    if let Some(n) = &gs.font {
                        out.unsupported.insert(format!(
                            "{} (named by the page, not defined)",
                            String::from_utf8_lossy(n)
                        ));
                    }
                    continue;
                };
                let items: Vec<&Object> = match (op.operator.as_str(), a.last()) {
                    ("TJ", Some(Object::Array(arr))) => arr.iter().collect(),
                    (_, Some(o)) => vec![o],
                    _ => Vec::new(),
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            for (code, text, w0) in font.codes(bytes) {
                                let trm = mul(
                                    &mul(&[gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.rise], &tm),
                                    &gs.ctm,
                                );
                                let size = (trm[0] * trm[3] - trm[1] * trm[2]).abs().sqrt();
                                let len = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
                                let dir = if len > 0.0 {
                                    (trm[0] / len, trm[1] / len)
                                } else {
                                    (1.0, 0.0)
                                };
                                let word_space = if !font.cid && code == 32 { gs.tw } else { 0.0 };
                                let tx = (w0 / 1000.0 * gs.size + gs.tc + word_space) * gs.th;
                                if !text.is_empty()
                                    && trm[4].is_finite()
                                    && trm[5].is_finite()
                                    && out.glyphs.len() < budget
                                {
                                    out.glyphs.push(RawGlyph {
                                        x: trm[4],
                                        y: trm[5],
                                        w: (w0 / 1000.0 * size * gs.th).abs(),
                                        size: size.max(0.1),
                                        dir,
                                        ch: text,
                                    });
                                }
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                        o => {
                            if let Some(n) = num(o) {
                                let tx = -n / 1000.0 * gs.size * gs.th;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                    }
                }
            }
            "Do" if depth < MAX_FORM_DEPTH => {
                let Some(name) = a.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                let Some(Object::Stream(s)) = resources
                    .and_then(|r| dict_get(doc, r, b"XObject"))
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|x| dict_get(doc, x, name))
                else {
                    continue;
                };
                if s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok())
                    != Some(b"Form".as_slice())
                {
                    continue;
                }
                let matrix: Vec<f64> = dict_get(doc, &s.dict, b"Matrix")
                    .and_then(|o| o.as_array().ok())
                    .map(|m| m.iter().filter_map(num).collect())
                    .unwrap_or_default();
                let m = if matrix.len() == 6 {
                    [
                        matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5],
                    ]
                } else {
                    ID
                };
                let form_res = dict_get(doc, &s.dict, b"Resources")
                    .and_then(|o| o.as_dict().ok())
                    .or(resources);
                let key = std::ptr::from_ref(s) as usize;
                if work.forms.contains(&key) {
                    // A form drawing itself, directly or not, is drawn once.
                    continue;
                }
                work.draws += 1;
                if work.draws > MAX_FORM_DRAWS {
                    out.stopped = Some(format!("its forms were drawn {MAX_FORM_DRAWS} times"));
                    return;
                }
                let data = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                // A form reads its fonts from its own resources (or the page's).
                work.forms.push(key);
                run(
                    doc,
                    &data,
                    form_res,
                    &BTreeMap::new(),
                    mul(&m, &gs.ctm),
                    budget,
                    depth + 1,
                    work,
                    out,
                );
                work.forms.pop();
            }
            _ => {}
        }
    }
}
