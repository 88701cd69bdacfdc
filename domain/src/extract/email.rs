//! E-mail (`.eml`): the plain body (or the HTML body as text) is read as free text with
//! quoted replies dropped; each attachment goes back through format detection, and its
//! lines join the result with the attachment named in their provenance.

use mail_parser::{MessageParser, MimeHeaders};

use super::memory::MappingMemory;
use super::model::{Extraction, Location, Severity};
use super::read_plain_text;
use super::table::{read_grid, Cell, Grid, TableContext};

/// Reads a message into `ex`.
pub fn read(
    bytes: &[u8],
    file: &str,
    memory: Option<&MappingMemory>,
    depth: u8,
    ex: &mut Extraction,
) {
    let Some(msg) = MessageParser::new().parse(bytes) else {
        ex.diag(
            "email.unreadable",
            Severity::Error,
            "not a readable e-mail message",
            Some(Location::file(file)),
        );
        return;
    };
    // The sender names a company only when the display name is one ("Acme Stamping
    // Ltd."); a person's name is not the supplier. The letterhead or signature in the
    // body is, and failing that the sender's mail domain.
    let mut sender_fallback: Option<String> = None;
    if let Some(m) = msg.from().and_then(|a| a.first()) {
        let from_loc = Location {
            path: Some("From".into()),
            ..Location::file(file)
        };
        match m
            .name()
            .filter(|n| super::text::display_name_is_company(n, m.address()))
        {
            Some(company) => {
                ex.supplier = Some(company.trim_matches('"').trim().to_string());
                ex.provenance.insert("supplier".into(), from_loc);
            }
            None => {
                sender_fallback = m
                    .address()
                    .and_then(super::text::sender_company)
                    .or_else(|| {
                        m.name()
                            .map(str::to_string)
                            .filter(|_| m.address().is_none())
                    });
            }
        }
    }
    if let Some(subject) = msg.subject() {
        // "Re: Quote Q-123 for …" carries the reference as often as the body does.
        let mut tmp = Extraction::default();
        super::text::scan_header(
            &[(
                subject.to_string(),
                Location {
                    path: Some("Subject".into()),
                    ..Location::file(file)
                },
            )],
            super::number::DecimalStyle::Unknown,
            &mut tmp,
        );
        if ex.quote_ref.is_none() {
            ex.quote_ref = tmp.quote_ref;
            if let Some(l) = tmp.provenance.remove("quote_ref") {
                ex.provenance.insert("quote_ref".into(), l);
            }
        }
    }
    // The HTML part, cut where the quoted original starts: its tables are read as tables
    // (a text part that says "see the HTML version" has none), the rest as text.
    // mail-parser lists a plain-text-only message's one part as its HTML body too: that
    // is no HTML part.
    // A message that is one text/html part is listed as both too, and is HTML.
    let html_part = msg
        .html_body
        .first()
        .and_then(|&id| msg.part(id))
        .is_some_and(|p| p.is_text_html());
    let real_html = !msg.html_body.is_empty() && (msg.html_body != msg.text_body || html_part);
    let html = real_html
        .then(|| msg.body_html(0))
        .flatten()
        .map(|h| cut_html_quote(&h).to_string());
    let html_only = real_html && (msg.text_body.is_empty() || msg.text_body == msg.html_body);
    let loc = Location {
        path: Some("body".into()),
        ..Location::file(file)
    };
    let text_body = if html_only {
        html.as_deref().map(html_to_text)
    } else {
        msg.body_text(0).map(|b| b.into_owned())
    };
    let read_any = html
        .as_deref()
        .is_some_and(|h| read_html_tables(h, file, &loc, memory, ex));
    if !read_any {
        match text_body {
            Some(b) => {
                let body = body_for_reading(&b);
                let cut = body.as_str();
                let before = ex.lines.len();
                read_plain_text(cut, &loc, ex);
                // A text part that only points at the HTML version.
                if ex.lines.len() == before && !html_only {
                    if let Some(h) = html.as_deref() {
                        let rendered = html_to_text(h);
                        read_plain_text(strip_quoted(&rendered), &loc, ex);
                    }
                }
            }
            None => ex.diag(
                "email.no_body",
                Severity::Info,
                "the message has no text body",
                Some(Location::file(file)),
            ),
        }
    }
    for (i, part) in msg.attachments().enumerate() {
        let name = part
            .attachment_name()
            .map_or_else(|| format!("attachment-{}", i + 1), str::to_string);
        let content = part.contents();
        let inner_name = format!("{file}/{name}");
        let sub = super::extract_bytes(&inner_name, content, memory, depth + 1);
        merge(ex, sub);
    }
    // The message's own date is the quote's date when the body names none.
    if ex.quote_date.is_none() {
        if let Some(d) = msg.date() {
            if let Some(nd) = chrono::NaiveDate::from_ymd_opt(
                i32::from(d.year),
                u32::from(d.month),
                u32::from(d.day),
            ) {
                ex.quote_date = Some(nd.to_string());
                ex.provenance.insert(
                    "quote_date".into(),
                    Location {
                        path: Some("Date".into()),
                        ..Location::file(file)
                    },
                );
            }
        }
    }
    // An attachment's letterhead names the company better than a mail domain.
    if ex.supplier.is_none() {
        if let Some(s) = sender_fallback {
            ex.supplier = Some(s);
            ex.provenance.insert(
                "supplier".into(),
                Location {
                    path: Some("From".into()),
                    ..Location::file(file)
                },
            );
        }
    }
}

/// Reads the tables of an HTML document (an e-mail's HTML part, a saved portal page) as
/// tables, and the text around them for the header fields and prose facts. True when
/// the tables gave lines.
pub fn read_html_tables(
    h: &str,
    file: &str,
    loc: &Location,
    memory: Option<&MappingMemory>,
    ex: &mut Extraction,
) -> bool {
    let grids = html_table_grids(h, file);
    if grids.is_empty() {
        return false;
    }
    let rendered = html_to_text(h);
    let style = super::style_of(&rendered);
    let before = ex.lines.len();
    for g in &grids {
        let ctx = TableContext {
            file,
            style,
            memory,
            supplier: ex.supplier.clone(),
        };
        read_grid(g, &ctx, ex);
    }
    if ex.lines.len() == before {
        return false;
    }
    // Header fields and prose facts from the text around the tables.
    let lines: Vec<(String, Location)> = rendered
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.contains('\t'))
        .map(|(i, l)| (l.to_string(), loc.at_line(i + 1)))
        .collect();
    super::text::scan_header(&lines, style, ex);
    true
}

/// Cuts an HTML body where the quoted original starts (Outlook's "From: / Von:" block, a
/// Gmail quote, a blockquote, "-----Original Message-----").
fn cut_html_quote(html: &str) -> &str {
    let lower = html.to_lowercase();
    let markers = [
        "-----original message-----",
        "-----ursprüngliche nachricht-----",
        "-----message d'origine-----",
        "-----messaggio originale-----",
        "-----mensaje original-----",
        "<b>von:</b>",
        "<b>from:</b>",
        "<b>de :</b>",
        "<b>de:</b>",
        "<b>da:</b>",
        "<b>van:</b>",
        "class=\"gmail_quote",
        "<blockquote",
        "id=\"divrplyfwdmsg\"",
        "id=\"appendonsend\"",
    ];
    let mut end = markers
        .iter()
        .filter_map(|m| lower.find(m))
        .min()
        .unwrap_or(html.len());
    // "On … wrote:" / "Am … schrieb:" in a paragraph of its own.
    for key in [
        "wrote:",
        "schrieb:",
        "a écrit :",
        "ha scritto:",
        "escribió:",
    ] {
        if let Some(i) = lower.find(key) {
            let para = lower[..i].rfind(['<', '\n']).unwrap_or(0);
            end = end.min(para);
        }
    }
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[..end]
}

/// Every HTML `<table>` with at least two rows, as grids (cells keep their table, row and
/// column in the provenance path). Nested tables are read as their outer table's cells.
fn html_table_grids(html: &str, file: &str) -> Vec<Grid> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<table") {
        let start = from + i;
        let end = lower[start..]
            .find("</table>")
            .map_or(html.len(), |e| start + e);
        if let Some(g) = html_table_grid(&html[start..end], &lower[start..end], file, out.len()) {
            out.push(g);
        }
        from = end.max(start + 6);
        if out.len() >= 50 {
            break;
        }
    }
    out
}

/// One HTML table as a grid.
fn html_table_grid(body: &str, lbody: &str, file: &str, n: usize) -> Option<Grid> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let starts: Vec<usize> = lbody.match_indices("<tr").map(|(i, _)| i).collect();
    for (ri, &a) in starts.iter().enumerate() {
        let b = starts.get(ri + 1).copied().unwrap_or(lbody.len());
        let mut row = Vec::new();
        let mut rest = &body[a..b];
        let mut lrest = &lbody[a..b];
        while let Some(i) = lrest.find("<td").or_else(|| lrest.find("<th")) {
            let i2 = [lrest.find("<td"), lrest.find("<th")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(i);
            let after = &lrest[i2..];
            let Some(gt) = after.find('>') else { break };
            let content_start = i2 + gt + 1;
            let close = lrest[content_start..]
                .find("</t")
                .map_or(lrest.len(), |c| content_start + c);
            let text = html_to_text(&rest[content_start..close])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            row.push(Cell {
                text,
                loc: Location {
                    path: Some(format!(
                        "body/table[{}]/tr[{}]/td[{}]",
                        n + 1,
                        ri + 1,
                        row.len() + 1
                    )),
                    ..Location::file(file)
                },
                ..Default::default()
            });
            rest = &rest[close..];
            lrest = &lrest[close..];
        }
        rows.push(row);
    }
    (rows.len() >= 2).then(|| Grid {
        name: "html table".into(),
        rows,
    })
}

/// HTML to text: block ends become line breaks, cells become tabs, tags go, entities decode.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        match name {
            "br" | "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "table" => out.push('\n'),
            "td" | "th" if !tag.starts_with('/') => out.push('\t'),
            "style" | "script" if !tag.starts_with('/') => {
                let close = format!("</{name}");
                let after = &rest[lt + gt + 1..];
                rest = after
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or("", |i| &after[i..]);
                continue;
            }
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    let text = super::cii::unescape(&out);
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The part of a body to read: the reply above the quoted original, or — when the
/// supplier answered inside the quoted RFQ (">> EPL: EUR 2.85 @ 1,000") — the whole
/// message with the answer marks taken off, so each answer continues the RFQ line above it.
fn body_for_reading(body: &str) -> String {
    let cut = strip_quoted(body);
    let rest = &body[cut.len()..];
    let answers = rest.lines().filter(|l| answer_text(l).is_some()).count();
    if answers < 2 {
        return cut.to_string();
    }
    body.lines()
        .map(|l| answer_text(l).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of an inline answer line (`>> EPL: …`, `--> …`), without its mark and tag.
fn answer_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = t
        .strip_prefix(">>")
        .or_else(|| t.strip_prefix("-->"))
        .or_else(|| t.strip_prefix("=>"))?
        .trim_start();
    // A short tag naming who answers: `EPL:`, `Answer:`, `A:`.
    match rest.split_once(':') {
        Some((tag, after))
            if !tag.is_empty()
                && tag.len() <= 12
                && tag
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '.') =>
        {
            Some(after.trim_start())
        }
        _ => Some(rest),
    }
}

/// Cuts a reply at the quoted original ("On … wrote:", "-----Original Message-----").
fn strip_quoted(body: &str) -> &str {
    let markers = [
        "-----Original Message-----",
        "-----Ursprüngliche Nachricht-----",
        "________________________________\r\nFrom:",
        "________________________________\nFrom:",
    ];
    let mut end = body.len();
    for m in markers {
        if let Some(i) = body.find(m) {
            end = end.min(i);
        }
    }
    for (off, line) in line_offsets(body) {
        let t = line.trim();
        if off < end && t.starts_with("On ") && t.ends_with("wrote:")
            || t.starts_with("Am ") && t.ends_with("schrieb:")
        {
            end = end.min(off);
        }
    }
    &body[..end]
}

fn line_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_inclusive('\n').scan(0usize, |pos, l| {
        let start = *pos;
        *pos += l.len();
        Some((start, l))
    })
}

/// Adds an attachment's result: its lines and diagnostics; header fields only where the
/// body left them empty.
fn merge(ex: &mut Extraction, sub: Extraction) {
    macro_rules! fill {
        ($($f:ident),*) => {$(
            if ex.$f.is_none() && sub.$f.is_some() {
                ex.$f = sub.$f;
                if let Some(l) = sub.provenance.get(stringify!($f)) {
                    ex.provenance.insert(stringify!($f).into(), l.clone());
                }
            }
        )*};
    }
    fill!(
        supplier,
        quote_ref,
        quote_date,
        currency,
        valid_until,
        validity_days,
        payment_terms,
        incoterm,
        freight,
        total
    );
    // The attachment's line indexes count from its own first line.
    let offset = ex.lines.len();
    ex.lines.extend(sub.lines);
    ex.diagnostics
        .extend(sub.diagnostics.into_iter().map(|mut d| {
            d.line_index = d.line_index.map(|i| i + offset);
            d
        }));
    ex.tooling.extend(sub.tooling);
    ex.stated_currency = ex.stated_currency.or(sub.stated_currency);
    ex.blanket_no_bid = ex.blanket_no_bid.take().or(sub.blanket_no_bid);
    ex.basis_note = ex.basis_note.take().or(sub.basis_note);
    ex.basis_hint = ex.basis_hint.take().or(sub.basis_hint);
    ex.basis_unread.extend(sub.basis_unread);
    ex.notes.extend(sub.notes);
    ex.unpriced.extend(sub.unpriced);
    ex.pieces |= sub.pieces;
    ex.consumed.extend(sub.consumed);
    ex.layouts.extend(sub.layouts);
}
