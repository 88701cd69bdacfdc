//! Bounds on what a PDF unpacks to, checked before any PDF parser sees it (issue 10).
//!
//! A PDF's streams are compressed, and the parsers inflate them whole: a 4.4 MB file
//! whose one content stream inflates to 1.5 GB took all of a server's memory (and a
//! browser tab's). So every stream is first decoded here through its filter chain into a
//! counter — never into memory beyond one bounded intermediate — and a file whose streams
//! would unpack beyond [`MAX_STREAM`] each or [`MAX_TOTAL`] together is refused, saying
//! where. Image codecs (DCT, JPX, CCITT, JBIG2) are counted at their stored size: text
//! extraction never decodes them.

use std::io::Read;

/// The most one stream may unpack to.
pub const MAX_STREAM: u64 = 64 * 1024 * 1024;
/// The most all streams of one file may unpack to.
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;

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
        let end = find(&pdf[start..], b"endstream").map_or(pdf.len(), |e| start + e);
        let filters = filters(dict);
        let n = decoded_len(&pdf[start..end], &filters, max_stream).map_err(|f| TooLarge {
            offset: start,
            message: format!(
                "a stream at byte {start} unpacks to more than {} ({f}); PDFs that large are not read",
                crate::bytes::size_words(max_stream)
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

/// The filter names of a stream dictionary, in order (`/Filter /FlateDecode` or
/// `/Filter [/ASCII85Decode /FlateDecode]`; abbreviations as inline images use them).
fn filters(dict: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(dict);
    let Some(i) = text.find("/Filter") else {
        return Vec::new();
    };
    let rest = text[i + 7..].trim_start();
    let body = if let Some(r) = rest.strip_prefix('[') {
        r.split(']').next().unwrap_or_default()
    } else {
        // One name: up to the next delimiter after it.
        let r = rest.strip_prefix('/').unwrap_or_default();
        let n = r
            .find(|c: char| c.is_whitespace() || "/<>[]()".contains(c))
            .unwrap_or(r.len());
        return vec![r[..n].to_string()];
    };
    body.split('/')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
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
                let mut d = flate2::read::ZlibDecoder::new(input);
                if last {
                    return count(&mut d, f, max);
                }
                collect(&mut d, f, max)?
            }
            "LZWDecode" | "LZW" => {
                let mut out = Vec::new();
                let mut dec =
                    weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
                let mut n: u64 = 0;
                let mut buf = [0u8; 64 * 1024];
                let mut rest = input;
                loop {
                    let r = dec.decode_bytes(rest, &mut buf);
                    rest = &rest[r.consumed_in..];
                    n += r.consumed_out as u64;
                    if n > max {
                        return Err(f.clone());
                    }
                    if !last {
                        out.extend_from_slice(&buf[..r.consumed_out]);
                    }
                    if r.status.is_err()
                        || matches!(r.status, Ok(weezl::LzwStatus::Done))
                        || (r.consumed_in == 0 && r.consumed_out == 0)
                    {
                        break;
                    }
                }
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
            filters(b"<< /Filter [/ASCII85Decode /FlateDecode] >>"),
            ["ASCII85Decode", "FlateDecode"]
        );
        assert_eq!(
            filters(b"<< /Length 5 /Filter/FlateDecode/DecodeParms<<>> >>"),
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
}
