//! Positioned cells from text lines, so a table pasted into an e-mail, a Markdown table or a
//! column-aligned block in plain text goes through the same table reader
//! ([`super::table::read_grid`]) as a CSV, a sheet or a PDF page. Text lines are split at
//! tabs, `|` pipes (Markdown) or runs of two or more spaces; the cells of space-aligned rows
//! are put under the header cell they overlap, so an empty cell does not shift the row.

use super::model::Location;
use super::table::{header_ok, map_header, Cell, Grid};

/// One cell of a text line: byte span in the line, its text, and where it sits on screen
/// (display columns: a CJK character or an ideographic space is two columns wide), which
/// is what lines up under a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub col: usize,
    pub col_end: usize,
}

/// Display width of a character: East Asian wide and full-width forms take two columns.
fn width(c: char) -> usize {
    let u = c as u32;
    if (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
    {
        2
    } else {
        1
    }
}

/// The display column of byte offset `i` of `line`.
fn col_of(line: &str, i: usize) -> usize {
    line[..i.min(line.len())].chars().map(width).sum()
}

/// Sets the display columns of spans from their byte offsets.
/// Linear in the line (spans come in order; the display width is summed once, not from
/// the line's start for every span: a line of 200,000 cells took minutes), and a line of
/// more cells than `bounds::Bounds::max_row_cells` has none (the budget says why).
fn with_cols(line: &str, mut v: Vec<Span>) -> Vec<Span> {
    if !super::bounds::widths_fit(std::iter::once(v.len())) {
        return Vec::new();
    }
    let (mut pos, mut col) = (0usize, 0usize);
    let mut col_at = |i: usize| -> usize {
        let i = i.min(line.len());
        if i < pos || !line.is_char_boundary(i) {
            return col_of(line, i);
        }
        col += line[pos..i].chars().map(width).sum::<usize>();
        pos = i;
        col
    };
    for s in &mut v {
        s.col = col_at(s.start);
        s.col_end = col_at(s.end);
    }
    v
}

/// How a line was split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    Tabs,
    Pipes,
    Spaces,
}

fn split_on(line: &str, sep: char) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), sep)))
    {
        if c == sep {
            let raw = &line[start..i];
            let lead = raw.len() - raw.trim_start().len();
            let text = raw.trim();
            out.push(Span {
                start: start + lead,
                end: start + lead + text.len(),
                text: text.to_string(),
                col: 0,
                col_end: 0,
            });
            start = i + c.len_utf8();
        }
    }
    out
}

/// Splits a line at runs of 2+ spaces (ASCII or ideographic U+3000: Japanese and Chinese
/// text align columns with those) or a tab.
fn split_spaces(line: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let blank = |c: char| c == ' ' || c == '\t' || c == '\u{3000}';
    let mut k = 0;
    while k < chars.len() {
        while k < chars.len() && blank(chars[k].1) {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let start = chars[k].0;
        let mut end = start;
        while k < chars.len() {
            let c = chars[k].1;
            // Two blanks of any kind (or a tab) end a cell; one space, ASCII or
            // ideographic, separates words inside it ("シャフト　φ10×120").
            let gap = c == '\t' || blank(c) && chars.get(k + 1).is_some_and(|n| blank(n.1));
            if gap {
                break;
            }
            end = chars[k].0 + c.len_utf8();
            k += 1;
        }
        out.push(Span {
            start,
            end,
            text: line[start..end].trim().to_string(),
            col: 0,
            col_end: 0,
        });
    }
    out
}

fn cells_of(line: &str) -> (Split, Vec<Span>) {
    let t = line.trim();
    if t.starts_with('|') && t.ends_with('|') && t.len() > 2 {
        let off = line.find('|').unwrap_or(0) + 1;
        let inner_end = line.rfind('|').unwrap_or(line.len());
        let mut v = split_on(&line[off..inner_end], '|');
        for s in &mut v {
            s.start += off;
            s.end += off;
        }
        return (Split::Pipes, with_cols(line, v));
    }
    if line.contains('\t') {
        return (Split::Tabs, with_cols(line, split_on(line, '\t')));
    }
    (Split::Spaces, with_cols(line, split_spaces(line)))
}

/// `|---|:---:|` or `----  -----`: a rule under a header.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.contains("--")
        && t.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '=' | '\t'))
}

/// A block of text lines that is a table: its grid (header row and data rows, plus up to
/// three lines of text above it so a part heading stays in view) and the range of lines
/// it used.
#[derive(Debug, Clone)]
pub struct TextTable {
    /// Index of the first line of the block in the input (the header row).
    pub first: usize,
    /// Index one past the last line of the block.
    pub end: usize,
    pub grid: Grid,
}

/// A number with two or three decimals (`0,72`, `1.09`, `12.500`): a price in a row.
fn decimal(t: &str) -> bool {
    let t = t.trim().trim_matches(|c: char| !c.is_ascii_digit());
    let b = t.as_bytes();
    b.len() >= 3
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
        && (matches!(b[b.len() - 3], b'.' | b',')
            || b.len() >= 4 && matches!(b[b.len() - 4], b'.' | b','))
}

/// The head of a matrix price list (`Querschnitt  3G  4G  5G` over rows of prices): three
/// cells or more without prices, over two rows of as many cells with two prices or more
/// each. The table reader decides what it is.
fn matrix_head(split: &[(Split, Vec<Span>)], i: usize) -> bool {
    let (_, head) = &split[i];
    let priced = |cells: &[Span]| cells.iter().filter(|c| decimal(&c.text)).count();
    head.len() >= 3
        && priced(head) == 0
        && head.iter().all(|c| c.text.chars().count() <= 40)
        && split
            .get(i + 1..i + 3)
            .is_some_and(|next| next.iter().all(|(_, c)| c.len() >= 3 && priced(c) >= 2))
}

/// Finds the tables in text lines: runs of lines that each split into two or more cells,
/// starting with a row the column-role classifier accepts as a header, or the head of a
/// matrix price list.
pub fn find_tables(lines: &[(String, Location)]) -> Vec<TextTable> {
    let split: Vec<(Split, Vec<Span>)> = lines.iter().map(|(l, _)| cells_of(l)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (kind, cells) = &split[i];
        let header_texts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
        if cells.len() < 2 || !(header_ok(&map_header(&header_texts)) || matrix_head(&split, i)) {
            i += 1;
            continue;
        }
        // The block: following lines that split too (rules skipped); a blank line or a
        // prose line ends it.
        let mut end = i + 1;
        let mut rows = vec![i];
        while end < lines.len() {
            let l = &lines[end].0;
            if is_rule(l) {
                end += 1;
                continue;
            }
            let (k, c) = &split[end];
            let filled = c.iter().filter(|s| !s.text.is_empty()).count();
            let same_kind = *k == *kind || *kind == Split::Spaces && *k == Split::Tabs;
            // An indented line of one cell under an aligned table continues a wrapped
            // cell (`1000 pcs` under `$41.50 per`); prose starts at the margin.
            let indented = *kind == Split::Spaces && filled == 1 && l.starts_with("  ");
            if l.trim().is_empty()
                || filled < 2 && !(same_kind && *kind != Split::Spaces) && !indented
            {
                break;
            }
            rows.push(end);
            end += 1;
        }
        if rows.len() < 2 {
            i += 1;
            continue;
        }
        let mut grid_rows: Vec<Vec<Cell>> = Vec::new();
        // Context above: the nearest non-blank lines (a part heading, a currency note).
        let above: Vec<usize> = (i.saturating_sub(3)..i)
            .filter(|&j| !lines[j].0.trim().is_empty())
            .collect();
        for j in above {
            grid_rows.push(vec![Cell {
                text: lines[j].0.trim().to_string(),
                loc: lines[j].1.clone(),
                ..Default::default()
            }]);
        }
        let header = &split[i].1;
        for &r in &rows {
            let (k, cells) = &split[r];
            let loc = &lines[r].1;
            let mk = |s: &Span| Cell {
                text: s.text.clone(),
                loc: loc.clone().with_span(s.start, s.end),
                ..Default::default()
            };
            if *k == Split::Spaces && r != i {
                grid_rows.push(align(header, cells, mk));
            } else {
                grid_rows.push(cells.iter().map(mk).collect());
            }
        }
        out.push(TextTable {
            first: i,
            end,
            grid: Grid {
                name: "text table".into(),
                rows: grid_rows,
            },
        });
        i = end;
    }
    out
}

/// Puts each cell of a space-aligned row under the header cell it overlaps most (or the
/// nearest one), so a missing cell leaves a gap instead of shifting the row left.
/// Two cells that both lie under one header cell (`Qté / Prix unitaire` over `250   12,30 €`)
/// are one cell, joined with a space. Positions are display columns.
fn align(header: &[Span], cells: &[Span], mk: impl Fn(&Span) -> Cell) -> Vec<Cell> {
    let mut row: Vec<Cell> = vec![Cell::default(); header.len()];
    let mut used = vec![false; header.len()];
    for c in cells {
        let overlap = |h: &Span| c.col_end.min(h.col_end).saturating_sub(c.col.max(h.col));
        let dist = |h: &Span| {
            let hc = (h.col + h.col_end) / 2;
            let cc = (c.col + c.col_end) / 2;
            hc.abs_diff(cc)
        };
        // Wholly under a header cell already filled: the same cell, continued.
        if let Some(j) = (0..header.len())
            .find(|&j| used[j] && c.col >= header[j].col && c.col_end <= header[j].col_end)
        {
            let cell = &mut row[j];
            cell.text.push(' ');
            cell.text.push_str(&c.text);
            continue;
        }
        let best = (0..header.len())
            .filter(|&j| !used[j])
            .max_by_key(|&j| (overlap(&header[j]), std::cmp::Reverse(dist(&header[j]))));
        match best {
            Some(j) => {
                used[j] = true;
                row[j] = mk(c);
            }
            None => row.push(mk(c)),
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<(String, Location)> {
        t.lines()
            .enumerate()
            .map(|(i, l)| (l.to_string(), Location::file("t").at_line(i + 1)))
            .collect()
    }

    fn texts(g: &Grid) -> Vec<Vec<String>> {
        g.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn markdown_and_aligned_blocks() {
        let t = find_tables(&lines(
            "Hello\n| Part | Qty | Price |\n|---|---|---|\n| A-1 | 100 | 1.50 |\n\nbye",
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(
            texts(&t[0].grid),
            vec![
                vec!["Hello"],
                vec!["Part", "Qty", "Price"],
                vec!["A-1", "100", "1.50"]
            ]
        );
        // The missing description stays a gap under its header.
        let t = find_tables(&lines(
            "Part No    Description      Qty    Price\nA-1        Washer M6        100    1.50\nA-2                         200    2.50\n",
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(texts(&t[0].grid)[2], vec!["A-2", "", "200", "2.50"]);
    }

    #[test]
    fn cells_under_one_header_join_and_wide_text_aligns_by_display_columns() {
        // Quantity and price both under `Qty / Price`: one cell.
        let t = find_tables(&lines(
            "Part No    Description          Qty / Unit price\nA-1        Washer M6            250   12.30 EUR\n           \u{20}                    1000  10.85 EUR\n",
        ));
        assert_eq!(t.len(), 1);
        assert_eq!(
            texts(&t[0].grid)[1],
            vec!["A-1", "Washer M6", "250 12.30 EUR"]
        );
        assert_eq!(texts(&t[0].grid)[2], vec!["", "", "1000 10.85 EUR"]);
        // Japanese: runs of ideographic spaces separate the columns (one separates words
        // inside a cell); a missing cell stays a gap because columns are counted in
        // display width, not bytes.
        let words: Vec<String> = split_spaces("シャフト\u{3000}φ10×120\u{3000}\u{3000}500")
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(words, ["シャフト\u{3000}φ10×120", "500"]);
        let t = find_tables(&lines(
            "品番\u{3000}\u{3000}品名\u{3000}\u{3000}\u{3000}\u{3000}数量\u{3000}\u{3000}単価\nSH-4410\u{3000}\u{3000}シャフト\u{3000}\u{3000}500\u{3000}\u{3000}860\nSH-4412\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}300\u{3000}\u{3000}1,150\n",
        ));
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(
            texts(&t[0].grid)[1],
            vec!["SH-4410", "シャフト", "500", "860"]
        );
        assert_eq!(texts(&t[0].grid)[2], vec!["SH-4412", "", "300", "1,150"]);
    }
}
