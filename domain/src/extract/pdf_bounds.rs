//! Bounds on what a PDF unpacks to, checked before any PDF parser inflates it (issue 10).
//!
//! A PDF's streams are compressed, and the parsers inflate them whole, and again at
//! every use: a 4.4 MB file whose one content stream inflates to 1.5 GB took all of a
//! server's memory (and a browser tab's), and a 184 KB file of Flate streams within the
//! first bounds took 5.6 GB and 97 s through `bidwell extract` (outside probe H2). Two
//! steps, both in every entry (server re-quote, e-mail attachments, the CLI, the browser
//! worker), because all of them read PDFs through `pdf::read`:
//!
//! 1. [`check`], on the file's bytes before lopdf parses it (lopdf inflates object and
//!    cross-reference streams while loading): every stream is decoded through its filter
//!    chain into a counter — never into memory beyond one bounded intermediate — and a
//!    file whose streams unpack beyond [`MAX_STREAM`] each ([`MAX_OBJECT_STREAM`] for the
//!    object and cross-reference streams lopdf unpacks on loading) or [`MAX_TOTAL`]
//!    together is refused, saying where. Images (`/Subtype /Image`, and the image codecs
//!    DCT, JPX, CCITT, JBIG2) are counted at their stored size and never inflated: text
//!    extraction does not need them.
//! 2. [`prepare`], on the parsed document before any text reader runs: the streams text
//!    extraction reads (pages' content, form XObjects, fonts' ToUnicode maps, Type 1 font
//!    programs and CMaps, embedded e-invoice XML) are unpacked here once, each within
//!    [`MAX_TEXT_STREAM`] and all within [`MAX_TEXT_TOTAL`], and stored unpacked, so no
//!    reader inflates anything again; a stream past its bound is emptied and named in a
//!    warning (its page's text may be incomplete), a document past the total is refused.
//!    Every other stream (images, font programs pdf-extract only inflates to throw away,
//!    colour profiles, thumbnails, anything no text reader reaches) is emptied without
//!    being inflated: pdf-extract inflated an ICC profile at every colour-space operator
//!    and ran an image's data as content at every draw.
//!
//!    What the pages then run is bounded by use ([`page_bytes`], and the form draws of
//!    `pdf_guard`): a page's content streams with their repeats (one stream named 10,000
//!    times in `/Contents` is read 10,000 times) plus every form drawn, per draw, at most
//!    [`MAX_PAGE_RUN`], and all pages together at most [`MAX_DOCUMENT_RUN`]; a page past
//!    them is read by neither reader, and the warning says which page and why.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// The most one stream may unpack to (on loading).
pub const MAX_STREAM: u64 = 64 * 1024 * 1024;
/// The most an object stream or cross-reference stream may unpack to: lopdf unpacks and
/// parses these while loading, before [`prepare`] can look at anything.
pub const MAX_OBJECT_STREAM: u64 = 8 * 1024 * 1024;
/// The most all streams of one file may unpack to (on loading).
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;
/// The most one stream that text extraction reads may unpack to.
pub const MAX_TEXT_STREAM: u64 = 8 * 1024 * 1024;
/// The most the streams text extraction reads may unpack to together.
pub const MAX_TEXT_TOTAL: u64 = 32 * 1024 * 1024;
/// The most content one page runs: its content streams with their repeats and its form
/// XObjects per draw.
pub const MAX_PAGE_RUN: u64 = 16 * 1024 * 1024;
/// The most content all pages of one document run together.
pub const MAX_DOCUMENT_RUN: u64 = 64 * 1024 * 1024;

/// Why a PDF is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// Byte offset of the stream's data in the file.
    pub offset: usize,
    pub message: String,
}

/// Checks every stream of `pdf` against [`MAX_STREAM`] and [`MAX_TOTAL`].
pub fn check(pdf: &[u8]) -> Result<(), TooLarge> {
    check_with(pdf, MAX_STREAM, MAX_TOTAL)
}

/// [`check`] with other bounds.
pub fn check_with(pdf: &[u8], max_stream: u64, max_total: u64) -> Result<(), TooLarge> {
    let mut total: u64 = 0;
    let mut pos = 0;
    while let Some(i) = find(&pdf[pos..], b"stream") {
        let at = pos + i;
        pos = at + 6;
        if at >= 3 && &pdf[at - 3..at] == b"end" {
            continue;
        }
        // The keyword is followed by CRLF or LF (a lone CR is tolerated).
        let mut start = at + 6;
        match pdf.get(start) {
            Some(b'\r') => {
                start += 1;
                if pdf.get(start) == Some(&b'\n') {
                    start += 1;
                }
            }
            Some(b'\n') => start += 1,
            _ => continue,
        }
        let Some(dict) = dict_before(pdf, at) else {
            continue;
        };
        // Up to the keyword `endstream`, or as far as a direct `/Length` says when that is
        // further (lopdf reads by the length: the data may hold the keyword's bytes).
        let end = find(&pdf[start..], b"endstream").map_or(pdf.len(), |e| start + e);
        let end = declared_len(dict)
            .and_then(|l| start.checked_add(l))
            .filter(|e| *e <= pdf.len())
            .map_or(end, |e| e.max(end));
        let names = names(dict);
        let filters = filters(&names);
        // lopdf unpacks object and cross-reference streams on loading: whatever else
        // the dictionary says, such a name anywhere in it gets the tighter bound.
        let loaded = names.iter().any(|n| n == "/ObjStm" || n == "/XRef");
        // An image is never inflated by text extraction (`prepare` empties it): counted
        // as stored.
        if !loaded && value_after(&names, "Subtype") == Some("Image") {
            total += (end - start) as u64;
            pos = end.max(pos);
            continue;
        }
        let bound = if loaded {
            max_stream.min(MAX_OBJECT_STREAM)
        } else {
            max_stream
        };
        let n = decoded_len(&pdf[start..end], &filters, bound).map_err(|f| TooLarge {
            offset: start,
            message: format!(
                "a{} stream at byte {start} unpacks to more than {} ({f}); PDFs that large are not read",
                if loaded { "n object" } else { "" },
                crate::bytes::size_words(bound)
            ),
        })?;
        total += n;
        if total > max_total {
            return Err(TooLarge {
                offset: start,
                message: format!(
                    "the PDF's streams unpack to more than {} together (passed at the stream at byte {start}); PDFs that large are not read",
                    crate::bytes::size_words(max_total)
                ),
            });
        }
        pos = end.max(pos);
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The stream's dictionary: from the last `<<` before the keyword (within 64 KB), when
/// the text between ends with `>>` (else the word was not a stream keyword).
fn dict_before(pdf: &[u8], at: usize) -> Option<&[u8]> {
    let from = at.saturating_sub(64 * 1024);
    let head = &pdf[from..at];
    let trimmed = head
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map(|i| &head[..=i])?;
    if !trimmed.ends_with(b">>") {
        return None;
    }
    // The outermost `<<` of this dictionary: walk back balancing `<<` / `>>`.
    let mut depth = 0i32;
    let mut i = trimmed.len();
    while i >= 2 {
        match &trimmed[i - 2..i] {
            b">>" => {
                depth += 1;
                i -= 2;
            }
            b"<<" => {
                depth -= 1;
                i -= 2;
                if depth == 0 {
                    return Some(&trimmed[i..]);
                }
            }
            _ => i -= 1,
        }
    }
    None
}

/// The names (`/Key`, `/Value`: what follows a `/`, with `#xx` escapes decoded as
/// lopdf decodes them) and bracket tokens of a stream dictionary, in order, outside
/// strings and comments.
fn names(dict: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < dict.len() {
        match dict[i] {
            b'%' => {
                while i < dict.len() && dict[i] != b'\n' && dict[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string, with nesting and escapes.
                let mut depth = 0usize;
                while i < dict.len() {
                    match dict[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'[' | b']' => {
                out.push(char::from(dict[i]).to_string());
                i += 1;
            }
            b'/' => {
                i += 1;
                let mut name = Vec::new();
                while i < dict.len()
                    && !dict[i].is_ascii_whitespace()
                    && !b"/<>[]()%{}".contains(&dict[i])
                {
                    if dict[i] == b'#' && i + 2 < dict.len() {
                        if let Ok(b) =
                            u8::from_str_radix(&String::from_utf8_lossy(&dict[i + 1..i + 3]), 16)
                        {
                            name.push(b);
                            i += 3;
                            continue;
                        }
                    }
                    name.push(dict[i]);
                    i += 1;
                }
                out.push(format!("/{}", String::from_utf8_lossy(&name)));
            }
            _ => i += 1,
        }
    }
    out
}

/// A direct `/Length N` of a stream dictionary (not `/Length N 0 R`).
fn declared_len(dict: &[u8]) -> Option<usize> {
    // `/Length` itself, not `/Length1` (a font program's).
    let mut from = 0;
    let at = loop {
        let at = from + find(&dict[from..], b"/Length")? + 7;
        if dict.get(at).is_some_and(u8::is_ascii_whitespace) {
            break at;
        }
        from = at;
    };
    let rest = &dict[at..];
    let rest = &rest[rest.iter().position(|b| !b.is_ascii_whitespace())?..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let n: usize = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
    // `N G R` is a reference, not a length.
    let after: Vec<&[u8]> = rest[digits..]
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .take(2)
        .collect();
    if after.len() == 2 && after[0].iter().all(u8::is_ascii_digit) && after[1].starts_with(b"R") {
        return None;
    }
    Some(n)
}

/// The name right after `/key` (`Some("Image")` for `/Subtype /Image`).
fn value_after<'a>(names: &'a [String], key: &str) -> Option<&'a str> {
    let at = names
        .iter()
        .position(|n| n.strip_prefix('/') == Some(key))?;
    names.get(at + 1)?.strip_prefix('/')
}

/// The filter names of a stream dictionary, in order (`/Filter /FlateDecode` or
/// `/Filter [/ASCII85Decode /FlateDecode]`; abbreviations as inline images use them).
fn filters(names: &[String]) -> Vec<String> {
    let Some(at) = names.iter().position(|n| n == "/Filter") else {
        return Vec::new();
    };
    match names.get(at + 1).map(String::as_str) {
        Some("[") => names[at + 2..]
            .iter()
            .take_while(|n| n.as_str() != "]")
            .filter_map(|n| n.strip_prefix('/'))
            .map(str::to_string)
            .collect(),
        Some(n) => n
            .strip_prefix('/')
            .map(|n| vec![n.to_string()])
            .unwrap_or_default(),
        None => Vec::new(),
    }
}

/// What `data` decodes to through `filters`, counted, up to [`MAX_STREAM`]; `Err` names
/// the filter that passed the bound.
fn decoded_len(data: &[u8], filters: &[String], max: u64) -> Result<u64, String> {
    let mut owned: Option<Vec<u8>> = None;
    for (k, f) in filters.iter().enumerate() {
        let last = k + 1 == filters.len();
        let input: &[u8] = owned.as_deref().unwrap_or(data);
        let next: Vec<u8> = match f.as_str() {
            "FlateDecode" | "Fl" => {
                if last {
                    return inflate_count(input, f, max);
                }
                inflate(input, f, max)?
            }
            "LZWDecode" | "LZW" => {
                let (n, out) = lzw(input, f, max, !last)?;
                if last {
                    return Ok(n);
                }
                out
            }
            "ASCIIHexDecode" | "AHx" => ascii_hex(input),
            "ASCII85Decode" | "A85" => ascii85(input),
            "RunLengthDecode" | "RL" => run_length(input, f, max)?,
            // Image codecs: text extraction leaves them packed.
            _ => return Ok(input.len() as u64),
        };
        if next.len() as u64 > max {
            return Err(f.clone());
        }
        owned = Some(next);
    }
    Ok(owned.map_or(data.len(), |v| v.len()) as u64)
}

/// Inflates zlib data within `max` bytes as lopdf does: when the zlib reading gives
/// nothing (a damaged header or checksum), the data after the 2-byte header is inflated
/// as raw deflate instead.
fn inflate(input: &[u8], f: &str, max: u64) -> Result<Vec<u8>, String> {
    let out = collect(&mut flate2::read::ZlibDecoder::new(input), f, max)?;
    if out.is_empty() && input.len() > 2 {
        return collect(&mut flate2::read::DeflateDecoder::new(&input[2..]), f, max);
    }
    Ok(out)
}

/// What [`inflate`] gives, counted without holding it.
fn inflate_count(input: &[u8], f: &str, max: u64) -> Result<u64, String> {
    let n = count(&mut flate2::read::ZlibDecoder::new(input), f, max)?;
    if n == 0 && input.len() > 2 {
        return count(&mut flate2::read::DeflateDecoder::new(&input[2..]), f, max);
    }
    Ok(n)
}

/// Reads `r` to its end (or its first error: a damaged stream is the parser's to report),
/// counting, up to the bound.
fn count(r: &mut impl Read, filter: &str, max: u64) -> Result<u64, String> {
    let mut buf = [0u8; 64 * 1024];
    let mut n: u64 = 0;
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(n),
            Ok(k) => {
                n += k as u64;
                if n > max {
                    return Err(filter.to_string());
                }
            }
        }
    }
}

fn collect(r: &mut impl Read, filter: &str, max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(out),
            Ok(k) => {
                out.extend_from_slice(&buf[..k]);
                if out.len() as u64 > max {
                    return Err(filter.to_string());
                }
            }
        }
    }
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|b| **b != b'>')
        .filter_map(|b| (*b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut group: Vec<u32> = Vec::with_capacity(5);
    let body = data.strip_prefix(b"<~").unwrap_or(data);
    for &b in body {
        match b {
            b'~' => break,
            b'z' if group.is_empty() => out.extend_from_slice(&[0, 0, 0, 0]),
            b'!'..=b'u' => {
                group.push(u32::from(b - b'!'));
                if group.len() == 5 {
                    let v = group
                        .iter()
                        .fold(0u32, |a, d| a.wrapping_mul(85).wrapping_add(*d));
                    out.extend_from_slice(&v.to_be_bytes());
                    group.clear();
                }
            }
            _ => {}
        }
    }
    if group.len() > 1 {
        let k = group.len();
        while group.len() < 5 {
            group.push(84);
        }
        let v = group
            .iter()
            .fold(0u32, |a, d| a.wrapping_mul(85).wrapping_add(*d));
        out.extend_from_slice(&v.to_be_bytes()[..k - 1]);
    }
    out
}

fn run_length(data: &[u8], filter: &str, max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let n = data[i];
        i += 1;
        match n {
            128 => break,
            0..=127 => {
                let k = usize::from(n) + 1;
                out.extend_from_slice(&data[i..(i + k).min(data.len())]);
                i += k;
            }
            _ => {
                if let Some(&b) = data.get(i) {
                    out.extend(std::iter::repeat_n(b, 257 - usize::from(n)));
                }
                i += 1;
            }
        }
        if out.len() as u64 > max {
            return Err(filter.to_string());
        }
    }
    Ok(out)
}

/// What a stream is to text extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A page's content stream (the first page that names it).
    Content(u32),
    /// A form XObject (the first page that draws it).
    Form(u32),
    /// A font's ToUnicode map, Type 1 program or CMap (the first page that uses it).
    Font(u32),
    /// An embedded file the e-invoice reader looks at.
    Embedded,
    /// A stream a colour space, graphics state, shading or pattern names (a function,
    /// a lookup table): read by pdf-extract at every use, so bounded by
    /// [`MAX_RESOURCE_STREAM`].
    Resource(u32),
}

/// The most a stream named by a colour space, graphics state, shading or pattern may
/// unpack to (their functions are a few KB).
pub const MAX_RESOURCE_STREAM: u64 = 256 * 1024;

impl Role {
    fn what(self, id: ObjectId) -> String {
        let obj = format!("object {} {}", id.0, id.1);
        match self {
            Role::Content(p) => format!("a content stream of page {p} ({obj})"),
            Role::Form(p) => format!("a form XObject drawn on page {p} ({obj})"),
            Role::Font(p) => format!("a font's map or program used on page {p} ({obj})"),
            Role::Embedded => format!("an embedded file ({obj})"),
            Role::Resource(p) => format!(
                "a colour space's, graphics state's, shading's or pattern's stream used on page {p} ({obj})"
            ),
        }
    }
}

/// What [`prepare`] did: warnings for the streams it emptied because they were past
/// [`MAX_TEXT_STREAM`] (their pages' text may be incomplete).
#[derive(Debug, Default)]
pub struct Prepared {
    pub warnings: Vec<String>,
    /// Streams emptied without being inflated: text extraction does not read them.
    pub emptied: usize,
    /// What the streams text extraction reads unpack to, together.
    pub text_bytes: u64,
}

/// Distinct objects the walk from the pages visits at most (a bound on the walk itself).
const MAX_WALK: usize = 200_000;

/// Unpacks the streams text extraction reads, once and within bounds, and empties every
/// other stream (see the module's step 2). `Err` when the streams text extraction reads
/// unpack to more than [`MAX_TEXT_TOTAL`] together, naming the stream that passed it.
pub fn prepare(doc: &mut Document) -> Result<Prepared, TooLarge> {
    prepare_with(doc, MAX_TEXT_STREAM, MAX_TEXT_TOTAL)
}

/// [`prepare`] with other bounds.
pub fn prepare_with(
    doc: &mut Document,
    max_stream: u64,
    max_total: u64,
) -> Result<Prepared, TooLarge> {
    let roles = roles(doc);
    let mut out = Prepared::default();
    let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let Some(&role) = roles.get(&id) else {
            // Nothing text extraction reads: emptied, never inflated.
            if !stream.content.is_empty() {
                empty(stream);
                out.emptied += 1;
            }
            continue;
        };
        let filters: Vec<String> = match stream.filters() {
            Ok(f) => f
                .iter()
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .collect(),
            // No filter (or one lopdf does not read, so nobody inflates it).
            Err(_) => Vec::new(),
        };
        let predictor = stream
            .dict
            .get(b"DecodeParms")
            .ok()
            .is_some_and(|p| !matches!(p, Object::Null));
        let max_stream = match role {
            Role::Resource(_) => max_stream.min(MAX_RESOURCE_STREAM),
            _ => max_stream,
        };
        let decoded = if filters.is_empty() {
            if stream.content.len() as u64 > max_stream {
                Err("stored".to_string())
            } else {
                Ok(None)
            }
        } else if predictor {
            // Left packed (lopdf undoes the predictor); what it unpacks to is bounded.
            decoded_len(&stream.content, &filters, max_stream).map(|_| None)
        } else {
            decode(&stream.content, &filters, max_stream)
        };
        let n = match decoded {
            Ok(Some(bytes)) => {
                let n = bytes.len() as u64;
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
                stream.set_content(bytes);
                n
            }
            Ok(None) => {
                if predictor {
                    decoded_len(&stream.content, &filters, max_stream).unwrap_or(0)
                } else {
                    stream.content.len() as u64
                }
            }
            Err(filter) => {
                empty(stream);
                out.warnings.push(format!(
                    "{} unpacks to more than {} ({filter}); it was not read, so that page's text may be incomplete",
                    role.what(id),
                    crate::bytes::size_words(max_stream)
                ));
                continue;
            }
        };
        out.text_bytes += n;
        if out.text_bytes > max_total {
            return Err(TooLarge {
                offset: 0,
                message: format!(
                    "the streams text extraction reads unpack to more than {} together (passed at {}); PDFs that large are not read",
                    crate::bytes::size_words(max_total),
                    role.what(id)
                ),
            });
        }
    }
    Ok(out)
}

/// Empties a stream: no data, no filter.
fn empty(stream: &mut pdf_extract::Stream) {
    stream.dict.remove(b"Filter");
    stream.dict.remove(b"DecodeParms");
    stream.set_content(Vec::new());
}

/// The bytes of content page `page_id` runs by its content streams, repeats included
/// (after [`prepare`]: their stored length is what they unpack to).
pub fn page_bytes(doc: &Document, page_id: ObjectId) -> u64 {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return 0;
    };
    let len = |o: &Object| -> u64 {
        o.as_reference()
            .ok()
            .and_then(|id| doc.get_object(id).ok())
            .and_then(|o| o.as_stream().ok())
            .map_or(0, |s| s.content.len() as u64)
    };
    match page.get(b"Contents") {
        Ok(Object::Array(items)) => items.iter().map(len).fold(0u64, u64::saturating_add),
        Ok(o) => len(o),
        Err(_) => 0,
    }
}

/// The streams text extraction reads, found by walking from the pages as the readers do.
fn roles<'d>(doc: &'d Document) -> HashMap<ObjectId, Role> {
    let mut roles: HashMap<ObjectId, Role> = HashMap::new();
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let deref = |o: &Object| -> Option<ObjectId> { o.as_reference().ok() };
    let dict_of = |o: &'d Object| -> Option<&'d Dictionary> { dict_of(doc, o) };
    // Embedded files the e-invoice reader opens (`pdf::embedded_xml`).
    for (id, obj) in &doc.objects {
        if let Object::Stream(s) = obj {
            let name = |k: &[u8]| s.dict.get(k).ok().and_then(|t| t.as_name().ok());
            if name(b"Type") == Some(b"EmbeddedFile".as_slice())
                || name(b"Subtype").is_some_and(|n| n.ends_with(b"xml"))
            {
                roles.insert(*id, Role::Embedded);
            }
        }
    }
    // (resources dictionary, page) pairs to walk.
    let mut todo: Vec<(&Dictionary, u32)> = Vec::new();
    for (num, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        match page.get(b"Contents") {
            Ok(Object::Array(items)) => {
                for id in items.iter().filter_map(deref) {
                    roles.entry(id).or_insert(Role::Content(num));
                }
            }
            Ok(o) => {
                if let Some(id) = deref(o) {
                    roles.entry(id).or_insert(Role::Content(num));
                }
            }
            Err(_) => {}
        }
        // Resources, inherited up a (bounded) parent chain.
        let mut at = page;
        for _ in 0..64 {
            if let Some(r) = at.get(b"Resources").ok().and_then(dict_of) {
                todo.push((r, num));
                break;
            }
            let Some(parent) = at.get(b"Parent").ok().and_then(dict_of) else {
                break;
            };
            at = parent;
        }
    }
    while let Some((resources, num)) = todo.pop() {
        if seen.len() > MAX_WALK {
            break;
        }
        if let Some(xobjects) = resources.get(b"XObject").ok().and_then(dict_of) {
            for (_, o) in xobjects.iter() {
                let Some(id) = deref(o) else { continue };
                let Ok(Object::Stream(x)) = doc.get_object(id) else {
                    continue;
                };
                let form = x.dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok())
                    == Some(b"Form".as_slice());
                // An image (or anything else drawn) is no text: left out, so emptied.
                if !form || !seen.insert(id) {
                    continue;
                }
                roles.entry(id).or_insert(Role::Form(num));
                let own = x.dict.get(b"Resources").ok().and_then(dict_of);
                todo.push((own.unwrap_or(resources), num));
            }
        }
        for key in [
            b"ColorSpace".as_slice(),
            b"ExtGState",
            b"Shading",
            b"Pattern",
        ] {
            if let Ok(o) = resources.get(key) {
                let mut found = Vec::new();
                resource_streams(doc, o, 0, &mut found, &mut seen);
                for id in found {
                    roles.entry(id).or_insert(Role::Resource(num));
                }
            }
        }
        if let Some(fonts) = resources.get(b"Font").ok().and_then(dict_of) {
            for (_, f) in fonts.iter() {
                if let Some(id) = deref(f) {
                    if !seen.insert(id) {
                        continue;
                    }
                }
                let Some(font) = dict_of(f) else { continue };
                let mut mark = |o: Option<&Object>| {
                    if let Some(id) = o.and_then(deref) {
                        if matches!(doc.get_object(id), Ok(Object::Stream(_))) {
                            roles.entry(id).or_insert(Role::Font(num));
                        }
                    }
                };
                mark(font.get(b"ToUnicode").ok());
                mark(font.get(b"Encoding").ok());
                // pdf-extract parses a Type 1 program for its encoding; TrueType and
                // other programs it only inflates and drops, so they are left out.
                if let Some(descriptor) = font.get(b"FontDescriptor").ok().and_then(dict_of) {
                    mark(descriptor.get(b"FontFile").ok());
                    mark(descriptor.get(b"FontFile3").ok());
                }
                if let Ok(Object::Array(descendants)) =
                    font.get(b"DescendantFonts").map(|o| match o {
                        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
                        _ => o,
                    })
                {
                    for d in descendants.iter().filter_map(dict_of) {
                        mark(d.get(b"ToUnicode").ok());
                    }
                }
                // A Type 3 font's glyphs are not run, but its resources are looked up.
                if let Some(r) = font.get(b"Resources").ok().and_then(dict_of) {
                    todo.push((r, num));
                }
            }
        }
    }
    roles
}

/// The streams `o` reaches (through arrays, dictionaries and streams' dictionaries, at
/// most 8 levels), but not an ICC profile (`[/ICCBased ref]`: pdf-extract keeps its bytes
/// and reads nothing in them) and not through another `/Resources`.
fn resource_streams(
    doc: &Document,
    o: &Object,
    depth: u32,
    found: &mut Vec<ObjectId>,
    seen: &mut HashSet<ObjectId>,
) {
    if depth > 8 || seen.len() > MAX_WALK {
        return;
    }
    let o = match o {
        Object::Reference(id) => {
            if !seen.insert(*id) {
                return;
            }
            match doc.get_object(*id) {
                Ok(Object::Stream(s)) => {
                    found.push(*id);
                    for (k, v) in s.dict.iter() {
                        if k.as_slice() != b"Resources" {
                            resource_streams(doc, v, depth + 1, found, seen);
                        }
                    }
                    return;
                }
                Ok(o) => o,
                Err(_) => return,
            }
        }
        o => o,
    };
    match o {
        Object::Array(items) => {
            if items.first().and_then(|n| n.as_name().ok()) == Some(b"ICCBased".as_slice()) {
                return;
            }
            for item in items {
                resource_streams(doc, item, depth + 1, found, seen);
            }
        }
        Object::Dictionary(d) => {
            for (k, v) in d.iter() {
                if k.as_slice() != b"Resources" {
                    resource_streams(doc, v, depth + 1, found, seen);
                }
            }
        }
        _ => {}
    }
}

/// The dictionary `o` is or refers to (a stream's own dictionary for a stream).
fn dict_of<'d>(doc: &'d Document, o: &'d Object) -> Option<&'d Dictionary> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok().and_then(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// `data` decoded through `filters`, within `max` bytes at every stage; `Ok(None)` when
/// a filter is one text extraction does not unpack (an image codec): left as stored.
/// `Err` names the filter that passed the bound.
fn decode(data: &[u8], filters: &[String], max: u64) -> Result<Option<Vec<u8>>, String> {
    let mut owned: Option<Vec<u8>> = None;
    for f in filters {
        let input: &[u8] = owned.as_deref().unwrap_or(data);
        let next: Vec<u8> = match f.as_str() {
            "FlateDecode" | "Fl" => inflate(input, f, max)?,
            "LZWDecode" | "LZW" => lzw(input, f, max, true)?.1,
            "ASCIIHexDecode" | "AHx" => ascii_hex(input),
            "ASCII85Decode" | "A85" => ascii85(input),
            "RunLengthDecode" | "RL" => run_length(input, f, max)?,
            _ => return Ok(None),
        };
        if next.len() as u64 > max {
            return Err(f.clone());
        }
        owned = Some(next);
    }
    Ok(owned)
}

/// LZW-decodes `input` within `max` bytes: the count, and the bytes when `keep`.
fn lzw(input: &[u8], f: &str, max: u64, keep: bool) -> Result<(u64, Vec<u8>), String> {
    let mut out = Vec::new();
    let mut dec = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut n: u64 = 0;
    let mut buf = [0u8; 64 * 1024];
    let mut rest = input;
    loop {
        let r = dec.decode_bytes(rest, &mut buf);
        rest = &rest[r.consumed_in..];
        n += r.consumed_out as u64;
        if n > max {
            return Err(f.to_string());
        }
        if keep {
            out.extend_from_slice(&buf[..r.consumed_out]);
        }
        if r.status.is_err()
            || matches!(r.status, Ok(weezl::LzwStatus::Done))
            || (r.consumed_in == 0 && r.consumed_out == 0)
        {
            break;
        }
    }
    Ok((n, out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A minimal file around one stream with `dict` and `data`.
    fn pdf_with(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut v = b"%PDF-1.4\n1 0 obj\n".to_vec();
        v.extend_from_slice(format!("<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes());
        v.extend_from_slice(data);
        v.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        v
    }

    /// `n` bytes of content-stream text, inflating from a few KB.
    fn bomb(n: usize) -> Vec<u8> {
        let line = b"BT /F1 12 Tf 72 720 Td (BRK-2208 500 0.71) Tj ET\n";
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let mut left = n;
        while left > 0 {
            let k = left.min(line.len());
            e.write_all(&line[..k]).unwrap();
            left -= k;
        }
        e.finish().unwrap()
    }

    #[test]
    fn ordinary_streams_pass() {
        let text = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET".repeat(1000);
        assert!(check(&pdf_with("/Filter /FlateDecode", &zlib(&text))).is_ok());
        assert!(check(&pdf_with("", &text)).is_ok());
        // An image is never unpacked by text extraction: counted as stored.
        assert!(check(&pdf_with(
            "/Subtype /Image /Filter /DCTDecode",
            &[0xFF; 5000]
        ))
        .is_ok());
        assert_eq!(
            filters(&names(b"<< /Filter [/ASCII85Decode /FlateDecode] >>")),
            ["ASCII85Decode", "FlateDecode"]
        );
        assert_eq!(
            filters(&names(
                b"<< /Length 5 /Filter/FlateDecode/DecodeParms<<>> >>"
            )),
            ["FlateDecode"]
        );
    }

    /// One stream past the real bound says where it is.
    #[test]
    fn a_stream_that_unpacks_past_the_bound_is_refused_with_where() {
        let big = bomb(2 * 1024 * 1024 + 1024);
        assert!(big.len() < 64 * 1024, "a bomb is small: {}", big.len());
        let file = pdf_with("/Filter /FlateDecode", &big);
        let e = check_with(&file, 2 << 20, 8 << 20).unwrap_err();
        assert!(
            e.message.contains("unpacks to more than 2 MiB"),
            "{}",
            e.message
        );
        assert!(e.message.contains(&format!("byte {}", e.offset)));
        assert_eq!(&file[e.offset..e.offset + 2], &big[..2]);
    }

    const SMALL: u64 = 1 << 20;

    /// The same family, under small bounds so the test stays quick.
    #[test]
    fn every_filter_chain_is_bounded() {
        let big = bomb(SMALL as usize + 1);
        let fits = bomb(SMALL as usize - 1);
        let flate = |d: &[u8]| pdf_with("/Filter /FlateDecode", d);
        assert!(check_with(&flate(&big), SMALL, 8 * SMALL).is_err());
        assert!(check_with(&flate(&fits), SMALL, 8 * SMALL).is_ok());
        // Behind an ASCII hex layer, as an array with abbreviations.
        let hex = |d: &[u8]| -> String { d.iter().map(|b| format!("{b:02x}")).collect() };
        let wrapped = |d: &[u8]| pdf_with("/Filter [/AHx /Fl]", format!("{}>", hex(d)).as_bytes());
        assert!(check_with(&wrapped(&big), SMALL, 8 * SMALL).is_err());
        assert!(check_with(&wrapped(&fits), SMALL, 8 * SMALL).is_ok());
        // Run-length: two bytes of input give 128.
        let rl = |n: usize| [129u8, b'A'].repeat(n / 128 + 1);
        assert!(check_with(
            &pdf_with("/Filter /RunLengthDecode", &rl(SMALL as usize + 256)),
            SMALL,
            8 * SMALL
        )
        .is_err());
        assert!(check_with(
            &pdf_with("/Filter /RunLengthDecode", &rl(SMALL as usize / 2)),
            SMALL,
            8 * SMALL
        )
        .is_ok());
        // LZW.
        let text = b"BT /F1 12 Tf (X) Tj ET\n".repeat(SMALL as usize / 20);
        let lzw = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
            .encode(&text)
            .unwrap();
        assert!(check_with(&pdf_with("/Filter /LZWDecode", &lzw), SMALL, 8 * SMALL).is_err());
        assert!(check_with(&pdf_with("/Filter /LZWDecode", &lzw), 2 * SMALL, 8 * SMALL).is_ok());
    }

    /// Through the whole extraction, as the browser worker and the server run it: a clear
    /// error saying what and where, no lines, no parser run.
    #[test]
    fn extraction_refuses_a_pdf_bomb_with_a_diagnostic() {
        let file = pdf_with("/Filter /FlateDecode", &bomb(MAX_STREAM as usize + 1));
        let ex = crate::extract::extract(&crate::extract::ExtractInput {
            file_name: "quote.pdf".into(),
            bytes: file,
            rfq: None,
            memory: None,
        });
        assert!(ex.lines.is_empty());
        let d = ex
            .diagnostics
            .iter()
            .find(|d| d.code == "pdf.too_large")
            .expect("a pdf.too_large diagnostic");
        assert!(d.message.contains("more than 64 MiB"), "{}", d.message);
    }

    #[test]
    fn many_streams_together_past_the_total_are_refused() {
        let one = bomb(SMALL as usize - 1);
        let mut file = b"%PDF-1.4\n".to_vec();
        for k in 0..8 {
            file.extend_from_slice(
                format!(
                    "{k} 0 obj\n<< /Filter /FlateDecode /Length {} >>\nstream\n",
                    one.len()
                )
                .as_bytes(),
            );
            file.extend_from_slice(&one);
            file.extend_from_slice(b"\nendstream\nendobj\n");
        }
        let e = check_with(&file, SMALL, 4 * SMALL).unwrap_err();
        assert!(e.message.contains("together"), "{}", e.message);
        assert!(check_with(&file, SMALL, 8 * SMALL).is_ok());
    }

    #[test]
    fn the_word_stream_in_text_is_not_a_stream() {
        let file = b"%PDF-1.4\n(a stream of text) Tj (upstream\n) Tj\n".to_vec();
        assert!(check(&file).is_ok());
    }

    #[test]
    fn ascii85_decodes() {
        assert_eq!(ascii85(b"<~87cURD]j7BEbo7~>"), b"Hello world");
        assert_eq!(ascii85(b"z~>"), [0, 0, 0, 0]);
    }

    // ---- Issue 10, outside probe H2: the family of decompression bombs, generated here.

    /// A zlib stream of `mib` MiB of `byte`, made in microseconds: one MiB compressed
    /// with a sync flush is a block that decodes to a MiB of `byte` after any window of
    /// `byte`, so it is repeated, then closed with an empty final block and the Adler-32
    /// of the whole.
    fn repeated(byte: u8, mib: usize) -> Vec<u8> {
        use flate2::{Compress, Compression, FlushCompress};
        let chunk = vec![byte; 1 << 20];
        let mut c = Compress::new(Compression::best(), false);
        let block = |c: &mut Compress| {
            let mut out = Vec::with_capacity(64 * 1024);
            c.compress_vec(&chunk, &mut out, FlushCompress::Sync)
                .unwrap();
            out
        };
        let first = block(&mut c);
        assert_eq!(c.total_in(), 1 << 20);
        let next = block(&mut c);
        assert_eq!(c.total_in(), 2 << 20);
        let mut z = vec![0x78, 0xDA];
        z.extend_from_slice(&first);
        for _ in 1..mib {
            z.extend_from_slice(&next);
        }
        z.extend_from_slice(&[0x03, 0x00]);
        let n = (mib as u128) << 20;
        let a = (1 + n * u128::from(byte)) % 65521;
        let b = (n + u128::from(byte) * n * (n + 1) / 2) % 65521;
        z.extend_from_slice(&(((b << 16) | a) as u32).to_be_bytes());
        z
    }

    #[test]
    fn the_repeated_generator_makes_what_it_says() {
        let z = repeated(b' ', 3);
        assert!(z.len() < 16 * 1024, "{}", z.len());
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(&z[..])
            .read_to_end(&mut out)
            .expect("a valid zlib stream, checksum included");
        assert_eq!(out.len(), 3 << 20);
        assert!(out.iter().all(|b| *b == b' '));
    }

    /// A PDF from its objects (numbered from 1: a dictionary, or a stream as
    /// (dictionary, data)), with a correct cross-reference table.
    fn pdf(objects: &[(String, Option<Vec<u8>>)]) -> Vec<u8> {
        let mut out = b"%PDF-1.5\n".to_vec();
        let mut offsets = Vec::new();
        for (i, (dict, data)) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            match data {
                None => out.extend_from_slice(dict.as_bytes()),
                Some(d) => {
                    out.extend_from_slice(
                        format!("<< {dict} /Length {} >>\nstream\n", d.len()).as_bytes(),
                    );
                    out.extend_from_slice(d);
                    out.extend_from_slice(b"\nendstream");
                }
            }
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    fn obj(dict: &str) -> (String, Option<Vec<u8>>) {
        (dict.to_string(), None)
    }

    fn stm(dict: &str, data: Vec<u8>) -> (String, Option<Vec<u8>>) {
        (dict.to_string(), Some(data))
    }

    const TEXT: &str =
        "BT /F1 10 Tf 72 720 Td (Part BRK-1 Bracket, 500 pcs at EUR 1.25 each) Tj ET";

    /// Pages (objects 3…, one per entry) whose `/Contents` are the given objects; the
    /// streams follow from object 3 + pages.len() + 2 on; font /F1 and `/Resources` as
    /// given (`{XO}` in it names the extra objects).
    fn doc(pages: &[&str], resources: &str, streams: Vec<(String, Option<Vec<u8>>)>) -> Vec<u8> {
        let first = 3 + pages.len();
        let kids: String = (0..pages.len())
            .map(|i| format!("{} 0 R ", 3 + i))
            .collect();
        let mut objects = vec![
            obj("<< /Type /Catalog /Pages 2 0 R >>"),
            obj(&format!(
                "<< /Type /Pages /Kids [{kids}] /Count {} >>",
                pages.len()
            )),
        ];
        for contents in pages {
            objects.push(obj(&format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {contents} /Resources {first} 0 R >>"
            )));
        }
        objects.push(obj(&format!(
            "<< /Font << /F1 {} 0 R >> {resources} >>",
            first + 1
        )));
        objects.push(obj(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ));
        objects.extend(streams);
        pdf(&objects)
    }

    /// The number of the first stream object of [`doc`] with `pages` pages.
    fn s0(pages: usize) -> usize {
        pages + 5
    }

    fn run(bytes: Vec<u8>) -> crate::extract::Extraction {
        crate::extract::extract(&crate::extract::ExtractInput {
            file_name: "quote.pdf".into(),
            bytes,
            rfq: None,
            memory: None,
        })
    }

    fn read_text(ex: &crate::extract::Extraction) -> bool {
        ex.lines
            .iter()
            .any(|l| l.part_number.as_deref() == Some("BRK-1"))
    }

    fn diag<'a>(ex: &'a crate::extract::Extraction, code: &str) -> Option<&'a str> {
        ex.diagnostics
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.message.as_str())
    }

    /// Names the checks on the raw file read as lopdf reads them: `#xx` escapes, a
    /// damaged zlib header (lopdf inflates the raw deflate after it), comments.
    #[test]
    fn the_file_check_reads_filters_and_flate_as_lopdf_does() {
        let big = repeated(b' ', 3);
        for dict in [
            "/Filter /Fl#61teDecode",
            "/Filter [/Fl#61te#44ecode]",
            "/Filter % a comment\n /FlateDecode",
        ] {
            let e = check_with(&pdf_with(dict, &big), 2 << 20, 8 << 20).unwrap_err();
            assert!(
                e.message.contains("more than 2 MiB"),
                "{dict}: {}",
                e.message
            );
        }
        // A zlib header that fails its check: lopdf inflates what follows as raw deflate.
        let mut damaged = big.clone();
        damaged[1] ^= 0x01;
        assert!(check_with(
            &pdf_with("/Filter /FlateDecode", &damaged),
            2 << 20,
            8 << 20
        )
        .is_err());
        // An object stream, unpacked by lopdf while loading, has the tighter bound.
        let objstm = repeated(b' ', 9);
        let e = check(&pdf_with(
            "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode",
            &objstm,
        ))
        .unwrap_err();
        assert!(e.message.contains("object stream"), "{}", e.message);
        assert!(e.message.contains("more than 8 MiB"), "{}", e.message);
        assert!(check(&pdf_with("/Filter /FlateDecode", &objstm)).is_ok());
    }

    /// A huge image (here 512 MB unpacked from 0.5 MB) is irrelevant to text: neither
    /// counted nor inflated, emptied before any reader sees it, and the page's text is
    /// read. (Before: refused as a whole, `pdf.too_large`.)
    #[test]
    fn a_huge_image_is_not_inflated_and_the_text_is_read() {
        let image = repeated(0, 512);
        assert!(image.len() < 1 << 20, "{}", image.len());
        let n = s0(1);
        let bytes = doc(
            &[&format!("{n} 0 R")],
            &format!("/XObject << /Im1 {} 0 R >>", n + 1),
            vec![
                stm("", format!("q 600 0 0 800 0 0 cm /Im1 Do Q {TEXT}").into_bytes()),
                stm(
                    "/Type /XObject /Subtype /Image /Width 16384 /Height 16384 /ColorSpace /DeviceGray /BitsPerComponent 16 /Filter /FlateDecode",
                    image,
                ),
            ],
        );
        assert!(check(&bytes).is_ok());
        let mut d = Document::load_mem(&bytes).unwrap();
        let prepared = prepare(&mut d).unwrap();
        assert_eq!(prepared.emptied, 1);
        assert!(prepared.warnings.is_empty(), "{:?}", prepared.warnings);
        let ex = run(bytes);
        assert!(read_text(&ex), "{:#?}", ex.diagnostics);
        assert!(
            !ex.diagnostics.iter().any(
                |d| d.code.starts_with("pdf.") && d.severity == crate::extract::Severity::Error
            ),
            "{:#?}",
            ex.diagnostics
        );
    }

    /// A text stream past [`MAX_TEXT_STREAM`] (through one filter or nested ones) is
    /// emptied and named with its page and object; the page's other streams are read.
    #[test]
    fn a_text_stream_past_its_bound_is_skipped_and_named() {
        let mib = (MAX_TEXT_STREAM >> 20) as usize + 1;
        let hex = |d: &[u8]| -> Vec<u8> {
            let mut h: Vec<u8> = d
                .iter()
                .flat_map(|b| format!("{b:02x}").into_bytes())
                .collect();
            h.push(b'>');
            h
        };
        for (filter, data) in [
            ("/Filter /FlateDecode", repeated(b' ', mib)),
            (
                "/Filter [/ASCIIHexDecode /FlateDecode]",
                hex(&repeated(b' ', mib)),
            ),
            // Flate inside Flate: a few hundred bytes.
            (
                "/Filter [/FlateDecode /FlateDecode]",
                zlib(&repeated(b' ', mib)),
            ),
        ] {
            let n = s0(1);
            let bytes = doc(
                &[&format!("[{n} 0 R {} 0 R]", n + 1)],
                "",
                vec![stm(filter, data), stm("", TEXT.as_bytes().to_vec())],
            );
            let ex = run(bytes);
            let w = diag(&ex, "pdf.stream_too_large")
                .unwrap_or_else(|| panic!("{filter}: {:#?}", ex.diagnostics));
            assert!(
                w.starts_with(&format!(
                    "a content stream of page 1 (object {n} 0) unpacks to more than 8 MiB"
                )),
                "{w}"
            );
            assert!(read_text(&ex), "{filter}: {:#?}", ex.diagnostics);
        }
    }

    /// Many text streams, each within its bound, past [`MAX_TEXT_TOTAL`] together: the
    /// document is refused, naming where the total was passed.
    #[test]
    fn many_text_streams_past_the_total_refuse_the_document() {
        let per = (MAX_TEXT_STREAM >> 20) as usize - 1;
        let count = (MAX_TEXT_TOTAL >> 20) as usize / per + 1;
        let n = s0(count);
        let pages: Vec<String> = (0..count).map(|i| format!("{} 0 R", n + i)).collect();
        let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
        let streams = (0..count)
            .map(|_| stm("/Filter /FlateDecode", repeated(b' ', per)))
            .collect();
        let bytes = doc(&pages, "", streams);
        assert!(bytes.len() < 256 * 1024, "{}", bytes.len());
        // The file check's bounds are looser: only the text bound stops it.
        assert!(check(&bytes).is_ok());
        let ex = run(bytes);
        assert!(ex.lines.is_empty());
        let e = diag(&ex, "pdf.too_large").unwrap_or_else(|| panic!("{:#?}", ex.diagnostics));
        assert!(e.contains("more than 32 MiB together"), "{e}");
        assert!(e.contains("a content stream of page"), "{e}");
    }

    /// One stream named again and again is read again and again: counted per use. A page
    /// past [`MAX_PAGE_RUN`] that way (or by drawing a form many times) is read by
    /// neither reader, and the warning says so; within it, it is read.
    #[test]
    fn a_stream_used_many_times_is_counted_per_use() {
        // Object n: 1 MB of blanks; n + 1: the text (drawn once: the same text drawn
        // twice over itself reads as garbage).
        let blank = || stm("/Filter /FlateDecode", zlib(&vec![b' '; 1 << 20]));
        let text = || stm("", TEXT.as_bytes().to_vec());
        let n = s0(1);
        let times = (MAX_PAGE_RUN >> 20) as usize + 1;
        let contents = format!("[{}{} 0 R]", format!("{n} 0 R ").repeat(times), n + 1);
        let ex = run(doc(&[&contents], "", vec![blank(), text()]));
        let w = diag(&ex, "pdf.page_too_large").unwrap_or_else(|| panic!("{:#?}", ex.diagnostics));
        assert!(
            w.starts_with("page 1: its content streams unpack to more than 16 MiB"),
            "{w}"
        );
        assert!(ex.lines.is_empty(), "{:#?}", ex.lines);
        // Within the bound: read.
        let contents = format!("[{}{} 0 R]", format!("{n} 0 R ").repeat(times - 2), n + 1);
        let ex = run(doc(&[&contents], "", vec![blank(), text()]));
        assert!(
            diag(&ex, "pdf.page_too_large").is_none(),
            "{:#?}",
            ex.diagnostics
        );
        assert!(read_text(&ex), "{:#?}", ex.diagnostics);
        // A form of 1 MB drawn 17 times.
        let draws = "/Fm Do ".repeat(times);
        let bytes = doc(
            &[&format!("{n} 0 R")],
            &format!("/XObject << /Fm {} 0 R >>", n + 1),
            vec![
                stm("", format!("{draws} {TEXT}").into_bytes()),
                stm(
                    "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode",
                    zlib(&vec![b' '; 1 << 20]),
                ),
            ],
        );
        let ex = run(bytes);
        let w = diag(&ex, "pdf.page_too_large").unwrap_or_else(|| panic!("{:#?}", ex.diagnostics));
        assert!(
            w.contains("and form XObjects unpack to more than 16 MiB"),
            "{w}"
        );
        assert!(
            diag(&ex, "pdf.text_fallback").is_none(),
            "{:#?}",
            ex.diagnostics
        );
    }

    /// Pages each within their bound, past [`MAX_DOCUMENT_RUN`] together: reading stops
    /// before the page that passes it, and says so.
    #[test]
    fn pages_past_the_document_run_stop_the_reading() {
        let per_page = (MAX_PAGE_RUN >> 20) as usize - 1;
        let pages_n = (MAX_DOCUMENT_RUN >> 20) as usize / per_page + 1;
        let n = s0(pages_n);
        let first = format!("[{}{} 0 R]", format!("{n} 0 R ").repeat(per_page), n + 1);
        let rest = format!("[{}]", format!("{n} 0 R ").repeat(per_page));
        let pages: Vec<&str> = (0..pages_n)
            .map(|i| {
                if i == 0 {
                    first.as_str()
                } else {
                    rest.as_str()
                }
            })
            .collect();
        let ex = run(doc(
            &pages,
            "",
            vec![
                stm("/Filter /FlateDecode", zlib(&vec![b' '; 1 << 20])),
                stm("", TEXT.as_bytes().to_vec()),
            ],
        ));
        let w = diag(&ex, "pdf.text_incomplete").unwrap_or_else(|| panic!("{:#?}", ex.diagnostics));
        assert_eq!(
            w,
            format!(
                "text extraction stopped before page {pages_n}: the pages' content unpacks to \
                 more than 64 MiB together (repeats and form draws counted)"
            )
        );
        assert!(read_text(&ex), "{:#?}", ex.diagnostics);
    }

    /// What text extraction does not read is emptied unread: a colour profile and a
    /// TrueType program; what it reads (a ToUnicode map) is kept, unpacked.
    #[test]
    fn streams_no_text_reader_needs_are_emptied() {
        let n = s0(1);
        let bytes = pdf(&[
            obj("<< /Type /Catalog /Pages 2 0 R >>"),
            obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            obj(&format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {n} 0 R /Resources 4 0 R >>"
            )),
            obj(&format!(
                "<< /Font << /F1 5 0 R >> /ColorSpace << /CS0 [/ICCBased {} 0 R] >> >>",
                n + 1
            )),
            obj(&format!(
                "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /ToUnicode {} 0 R /FontDescriptor << /FontFile2 {} 0 R >> >>",
                n + 2,
                n + 3
            )),
            stm("/Filter /FlateDecode", zlib(TEXT.as_bytes())),
            stm("/N 3 /Filter /FlateDecode", repeated(0, 4)),
            stm("/Filter /FlateDecode", zlib(b"/CIDInit /ProcSet findresource begin")),
            stm("/Length1 99 /Filter /FlateDecode", repeated(0, 4)),
        ]);
        let mut d = Document::load_mem(&bytes).unwrap();
        let prepared = prepare(&mut d).unwrap();
        assert_eq!(prepared.emptied, 2, "{prepared:?}");
        let content = |k: usize| match d.get_object((u32::try_from(n + k).unwrap(), 0)) {
            Ok(Object::Stream(s)) => (s.content.clone(), s.dict.get(b"Filter").is_ok()),
            other => panic!("{other:?}"),
        };
        assert_eq!(content(0), (TEXT.as_bytes().to_vec(), false));
        assert_eq!(content(1), (Vec::new(), false));
        assert_eq!(
            content(2).0,
            b"/CIDInit /ProcSet findresource begin".to_vec()
        );
        assert_eq!(content(3), (Vec::new(), false));
    }
}
