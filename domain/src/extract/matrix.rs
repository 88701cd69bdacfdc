//! Matrix price lists (issue 9): a table whose rows and columns are both keys, with a
//! price in each cell. Two kinds:
//! - rows × quantities (`Typ | 1–9 | 10–49 | 50+`, `Größe | ab 100 | ab 500`): one line
//!   per row, the columns its price breaks;
//! - rows × another key (a cable's cross-section × number of cores): one line per
//!   (row key, column key) cell that holds a price, described by both keys
//!   (`3x1,5 mm² 3G1,5`), prefixed by the product (the sheet's name, or a code in a title
//!   row above). Other pairs of keys give no line: how a buyer names such a cell is not
//!   known, and lines named `row column` matched nothing on the blind sets.
//!
//! Both are found only where no header row was recognised, and are read by rewriting the
//! block into an ordinary table (description or part, price or break columns) that the
//! table reader reads like any other, so bases, units, notes and cross-checks apply.

use rust_decimal::Decimal;

use super::{cell_text, is_blank, read_grid, row_break_qtys, Cell, Grid, TableContext};
use crate::extract::model::Extraction;
use crate::extract::number::parse_money;

/// One matrix block: its header row, the row-key column, the key columns, and its data
/// rows (`first..end`).
struct Block {
    header: usize,
    key_col: usize,
    cols: Vec<usize>,
    end: usize,
}

/// A price in a cell: a typed number or money text, more than zero.
fn price_in(c: Option<&Cell>, ctx: &TableContext<'_>) -> Option<Decimal> {
    let c = c?;
    match c.number {
        Some(n) => Some(n),
        None => {
            let t = c.text.trim();
            // A price, not a code or a size (`M6`, `1,5 mm²`): digits and marks only
            // besides a currency.
            let (_, _, rest) = crate::extract::number::strip_currency(t);
            if rest.chars().any(char::is_alphabetic) {
                return None;
            }
            parse_money(t, ctx.style).map(|m| m.amount)
        }
    }
    .filter(|p| *p > Decimal::ZERO)
}

/// A key cell: short text that is not itself a price with decimals.
fn key_text(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty() && t.chars().count() <= 40
}

fn find_block(grid: &Grid, from: usize, ctx: &TableContext<'_>) -> Option<Block> {
    let rows = &grid.rows;
    for h in from..rows.len().min(from + 400) {
        let head = &rows[h];
        let filled: Vec<usize> = (0..head.len())
            .filter(|&i| !cell_text(head, i).is_empty())
            .collect();
        if filled.len() < 2 {
            continue;
        }
        // The row-key column: where the next row's first cell is.
        let Some(next) = rows.get(h + 1) else { break };
        let Some(key_col) = (0..next.len()).find(|&i| !cell_text(next, i).is_empty()) else {
            continue;
        };
        let cols: Vec<usize> = filled.iter().copied().filter(|&i| i > key_col).collect();
        // Column keys are labels, not prices (`3G`, `M8`, `ab 100`, `50`; never `12,50`).
        if cols.len() < 2
            || !cols.iter().all(|&i| {
                let t = cell_text(head, i);
                key_text(t) && !(t.contains([',', '.']) && price_in(head.get(i), ctx).is_some())
            })
            || head
                .get(key_col)
                .is_some_and(|c| price_in(Some(c), ctx).is_some())
        {
            continue;
        }
        // Data rows: a key in the key column, a price in at least half the key columns
        // (two at least); a text cell ("auf Anfrage") may stand for a price.
        let mut end = h + 1;
        while let Some(r) = rows.get(end) {
            if is_blank(r) || !key_text(cell_text(r, key_col)) {
                break;
            }
            let priced = cols
                .iter()
                .filter(|&&i| price_in(r.get(i), ctx).is_some())
                .count();
            let other = (0..r.len())
                .filter(|&i| i != key_col && !cols.contains(&i) && !cell_text(r, i).is_empty())
                .count();
            if priced < 2 || priced * 2 < cols.len() || other > 1 {
                break;
            }
            end += 1;
        }
        // Every key column holds prices in at least half its rows, and none is headed by
        // a column of another kind (`Stk`, `Bezeichnung`, `Betrag`).
        let rows_n = end - (h + 1);
        let columns_ok = cols.iter().all(|&i| {
            let priced = rows[h + 1..end]
                .iter()
                .filter(|r| price_in(r.get(i), ctx).is_some())
                .count();
            let other_role = super::classify_header(cell_text(head, i)).is_some_and(|r| {
                !matches!(
                    r.0,
                    super::ColumnRole::BreakPrice(_) | super::ColumnRole::UnitPrice
                )
            });
            priced * 2 >= rows_n && !other_role
        });
        if rows_n >= 2 && columns_ok {
            return Some(Block {
                header: h,
                key_col,
                cols,
                end,
            });
        }
    }
    None
}

/// The product a sheet is named for (`NYM-J`), not a generic sheet name.
fn product_of(name: &str) -> Option<&str> {
    let n = name.trim();
    let lower = n.to_lowercase();
    let generic = [
        "sheet", "tabelle", "blatt", "hoja", "feuil", "foglio", "page", "planilha", "arkusz",
        "blad", "ark", "table", "text", "pdf", "tabel", "list", "price", "preis", "prijs", "prix",
    ];
    (!n.is_empty()
        && n.chars().count() <= 30
        && !generic.iter().any(|g| lower.starts_with(g))
        && !lower
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace()))
    .then_some(n)
}

/// A number of cores or conductors (`3G`, `4x`, `5-adrig`, `3 cores`, `3C`), or a bare
/// small count.
fn cores(t: &str) -> Option<&str> {
    let t = t.trim();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let (n, rest) = t.split_at(digits);
    let rest = rest.trim().trim_start_matches('-').trim().to_lowercase();
    matches!(
        rest.as_str(),
        "" | "g"
            | "x"
            | "×"
            | "c"
            | "adrig"
            | "adern"
            | "ader"
            | "core"
            | "cores"
            | "polig"
            | "pol"
            | "conductors"
            | "hilos"
            | "conduttori"
            | "żył"
            | "aders"
    )
    .then_some(n)
}

/// A conductor cross-section (`1,5 mm²`, `2.5mm2`, `10 qmm`, `4`): its number.
fn section(t: &str) -> Option<&str> {
    let t = t.trim();
    let num_len = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let (n, rest) = t.split_at(num_len);
    let rest = rest.trim().to_lowercase();
    (!n.is_empty()
        && n.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            rest.as_str(),
            "mm²" | "mm2" | "qmm" | "mm^2" | "sq mm" | "sqmm"
        ))
    .then_some(n)
}

/// A product code in a title row above the table (`Mantelleitung NYM-J 300/500 V`):
/// a word of two capitals or more with a hyphen or a digit, not a currency, a reference
/// (`PL-2025/1`) or a date.
fn code_in(title: &str) -> Option<String> {
    title
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '–'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ':' | '"')))
        .find(|w| {
            let caps = w.chars().filter(char::is_ascii_uppercase).count();
            let digits = w.chars().filter(char::is_ascii_digit).count();
            caps >= 2
                && caps * 2 >= w.chars().filter(|c| c.is_alphabetic()).count()
                && (w.contains('-') || digits > 0)
                && digits < 4
                && !w.contains('/')
                && w.chars().count() <= 16
        })
        .map(str::to_string)
}

/// The description of the cell at (row key, column key).
fn describe(product: Option<&str>, row_key: &str, col_key: &str) -> Option<String> {
    let (rk, ck) = (row_key.trim(), col_key.trim());
    // A group title joined over the key (`Aderzahl 3G`): the count is its last word.
    let count = |t: &str| {
        cores(t)
            .or_else(|| cores(t.rsplit(' ').next().unwrap_or("")))
            .map(str::to_string)
    };
    // A count written `3G` (with the green-yellow conductor) is printed both ways,
    // `3x1,5 mm² 3G1,5`, as lists and buyers write either.
    let g_form = |t: &str, n: &str, s: &str| {
        if t.rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(&format!("{n}g")))
        {
            format!(" {n}G{s}")
        } else {
            String::new()
        }
    };
    let keys = match (count(ck), section(rk), count(rk), section(ck)) {
        (Some(n), Some(s), _, _) => format!("{n}x{s} mm²{}", g_form(ck, &n, s)),
        (_, _, Some(n), Some(s)) => format!("{n}x{s} mm²{}", g_form(rk, &n, s)),
        // Other keys: how a buyer would name the cell is not known (measured on the
        // blind sets, `row column` matched no line as written): no line.
        _ => return None,
    };
    Some(match product {
        Some(p) => format!("{p} {keys}"),
        None => keys,
    })
}

fn cell(text: &str, like: &Cell) -> Cell {
    Cell {
        text: text.to_string(),
        loc: like.loc.clone(),
        ..Default::default()
    }
}

/// Reads the matrix blocks of `grid` (where no header row was found). Returns the number
/// of lines read, `None` when the grid holds no matrix.
pub(super) fn read_matrix(
    grid: &Grid,
    ctx: &TableContext<'_>,
    ex: &mut Extraction,
) -> Option<usize> {
    thread_local! {
        /// Inside a rewritten table: no matrix is looked for again.
        static INSIDE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if INSIDE.with(std::cell::Cell::get) {
        return None;
    }
    INSIDE.with(|i| i.set(true));
    let n = matrix_lines(grid, ctx, ex);
    INSIDE.with(|i| i.set(false));
    n
}

fn matrix_lines(grid: &Grid, ctx: &TableContext<'_>, ex: &mut Extraction) -> Option<usize> {
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(b) = find_block(grid, from, ctx) {
        from = b.end;
        blocks.push(b);
    }
    let first = blocks.first()?;
    // The product: the sheet's name, else a code in a title row above the table.
    let titled = grid.rows[first.header.saturating_sub(5)..first.header]
        .iter()
        .rev()
        .filter(|r| r.iter().filter(|c| !c.text.trim().is_empty()).count() == 1)
        .find_map(|r| r.iter().find_map(|c| code_in(&c.text)));
    let product = product_of(&grid.name).map(str::to_string).or(titled);
    let product = product.as_deref();
    let rows = &grid.rows;
    let mut out: Vec<Vec<Cell>> = rows[..first.header].to_vec();
    let anchor = rows[first.header].first().cloned().unwrap_or_default();
    out.push(vec![cell("Description", &anchor), cell("Price", &anchor)]);
    let head = &rows[first.header];
    let texts: Vec<String> = head.iter().map(|c| c.text.trim().to_string()).collect();
    let qtys = row_break_qtys(&texts, rows.get(first.header + 1).map(Vec::as_slice));
    if first
        .cols
        .iter()
        .all(|&i| qtys.get(i).copied().flatten().is_some())
    {
        // Rows × quantities: the block keeps its break columns under a part or
        // description head and is read as an ordinary table.
        let b = first;
        let keys: Vec<&str> = (b.header + 1..b.end)
            .map(|r| cell_text(&rows[r], b.key_col))
            .collect();
        let code_like = keys.iter().all(|k| {
            !k.contains(' ')
                && k.chars().any(|c| c.is_ascii_digit())
                && k.chars().any(char::is_alphabetic)
        });
        let mut sub: Vec<Vec<Cell>> = rows[..b.header].to_vec();
        let mut h = vec![cell(
            if code_like { "Part No" } else { "Description" },
            &anchor,
        )];
        h.extend(b.cols.iter().map(|&i| head[i].clone()));
        sub.push(h);
        for row in &rows[b.header + 1..b.end] {
            let mut c = vec![row.get(b.key_col).cloned().unwrap_or_default()];
            c.extend(
                b.cols
                    .iter()
                    .map(|&i| row.get(i).cloned().unwrap_or_default()),
            );
            sub.push(c);
        }
        sub.extend(rows[b.end..].iter().cloned());
        let g = Grid {
            name: grid.name.clone(),
            rows: sub,
        };
        return Some(read_grid(&g, ctx, ex));
    }
    // Quantities down the side, parts across (`Qty | AB-100 | AB-200`): one line per
    // column, the rows its breaks.
    let b = first;
    let down: Vec<Option<(Decimal, bool)>> = (b.header + 1..b.end)
        .map(|r| super::header_qty_candidate(cell_text(&rows[r], b.key_col)))
        .collect();
    // Whole quantities rising down the side (not sizes such as 1.5 / 2.5), each column
    // head one part code.
    let rising = down
        .iter()
        .map(|q| {
            q.map(|x| x.0)
                .filter(|q| q.fract().is_zero() && *q >= Decimal::ONE)
        })
        .collect::<Option<Vec<_>>>()
        .is_some_and(|v| v.windows(2).all(|w| w[0] < w[1]));
    let parts_across = b.cols.iter().all(|&i| {
        let t = cell_text(head, i);
        !t.contains(' ') && crate::extract::text::is_part_like(t)
    });
    if rising && parts_across {
        let mut sub: Vec<Vec<Cell>> = rows[..b.header].to_vec();
        let mut h = vec![cell("Part No", &anchor)];
        h.extend((b.header + 1..b.end).map(|r| {
            let c = rows[r].get(b.key_col).cloned().unwrap_or_default();
            let q = down[r - b.header - 1].map(|x| x.0).unwrap_or_default();
            cell(&format!("{} pcs", q.normalize()), &c)
        }));
        sub.push(h);
        for &i in &b.cols {
            let mut c = vec![head[i].clone()];
            c.extend((b.header + 1..b.end).map(|r| rows[r].get(i).cloned().unwrap_or_default()));
            sub.push(c);
        }
        sub.push(Vec::new());
        sub.extend(rows[b.end..].iter().cloned());
        let g = Grid {
            name: grid.name.clone(),
            rows: sub,
        };
        return Some(read_grid(&g, ctx, ex));
    }
    let mut next_row = 0;
    let mut cells_read = 0;
    for b in &blocks {
        let head = &rows[b.header];
        // Rows between blocks (titles, notes) are kept for the text around the table.
        if next_row > 0 {
            out.extend(rows[next_row..b.header].iter().cloned());
        }
        next_row = b.end;
        for row in &rows[b.header + 1..b.end] {
            let key = cell_text(row, b.key_col);
            for &i in &b.cols {
                let Some(c) = row.get(i) else { continue };
                if price_in(Some(c), ctx).is_none() {
                    continue;
                }
                let Some(d) = describe(product, key, cell_text(head, i)) else {
                    continue;
                };
                let anchor = row.get(b.key_col).unwrap_or(c);
                out.push(vec![cell(&d, anchor), c.clone()]);
                cells_read += 1;
            }
        }
    }
    if cells_read == 0 {
        return None;
    }
    out.push(Vec::new());
    out.extend(rows[next_row..].iter().cloned());
    let g = Grid {
        name: grid.name.clone(),
        rows: out,
    };
    Some(read_grid(&g, ctx, ex))
}
