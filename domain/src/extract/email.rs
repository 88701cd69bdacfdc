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
    // Prefer our own rendering of an HTML-only body: it keeps one line per paragraph/row.
    let html_only = msg.text_body.is_empty() || msg.text_body == msg.html_body;
    let body = if html_only {
        msg.body_html(0)
            .map(|h| html_to_text(&h))
            .or_else(|| msg.body_text(0).map(|b| b.into_owned()))
    } else {
        msg.body_text(0).map(|b| b.into_owned())
    };
    match body {
        Some(b) => {
            let cut = strip_quoted(&b);
            let loc = Location {
                path: Some("body".into()),
                ..Location::file(file)
            };
            // An HTML table in the body is read as a table; the rest as text.
            let grid = if html_only {
                msg.body_html(0).and_then(|h| html_table_grid(&h, file))
            } else {
                None
            };
            match grid {
                Some(g) => {
                    let ctx = TableContext {
                        file,
                        style: super::style_of(cut),
                        memory,
                        supplier: ex.supplier.clone(),
                    };
                    let before = ex.lines.len();
                    read_grid(&g, &ctx, ex);
                    if ex.lines.len() == before {
                        read_plain_text(cut, &loc, ex);
                    } else {
                        // Header fields from the text outside the table.
                        let lines: Vec<(String, Location)> = cut
                            .lines()
                            .enumerate()
                            .map(|(i, l)| (l.to_string(), loc.at_line(i + 1)))
                            .collect();
                        super::text::scan_header(&lines, super::style_of(cut), ex);
                    }
                }
                None => read_plain_text(cut, &loc, ex),
            }
        }
        None => ex.diag(
            "email.no_body",
            Severity::Info,
            "the message has no text body",
            Some(Location::file(file)),
        ),
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

/// The first HTML `<table>` with at least two rows, as a grid (cells keep their row and
/// column in the provenance path).
fn html_table_grid(html: &str, file: &str) -> Option<Grid> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<table")?;
    let end = lower[start..]
        .find("</table>")
        .map_or(html.len(), |e| start + e);
    let body = &html[start..end];
    let lbody = &lower[start..end];
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
                    path: Some(format!("body/table/tr[{}]/td[{}]", ri + 1, row.len() + 1)),
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
    ex.notes.extend(sub.notes);
    ex.consumed.extend(sub.consumed);
    ex.layouts.extend(sub.layouts);
}
