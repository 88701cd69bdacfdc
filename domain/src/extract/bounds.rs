//! What one extraction may cost when the caller says so (issue 10: a re-quote from last
//! year's document had no bound on rows, pages or time). [`within`] runs an extraction
//! with a budget on the current thread; the readers count what they read against it
//! ([`rows`] for table rows and text lines, [`cells`] for the cells of table rows —
//! one row of 200,000 columns took 104 s under a 20 s time bound, since time is asked
//! between rows —, [`pages`] for PDF pages) and stop once it is
//! spent, and [`within`] then answers which bound was passed instead of a partial result.
//!
//! Time is the caller's: `domain` has no clock (it also runs in the browser), so the
//! caller passes a function that says whether time is up; it is asked at every page and
//! every 256 rows. Without [`within`] (the browser, the CLI) nothing is counted.

use std::cell::RefCell;

/// Bounds of one extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Table rows and text lines, over every sheet, table and attachment of the file.
    pub max_rows: usize,
    /// PDF pages, over the file and its attachments.
    pub max_pages: usize,
    /// Cells of one table row (empty ones too: grids are dense).
    pub max_row_cells: usize,
    /// Table cells, over every sheet, table and attachment of the file.
    pub max_cells: usize,
}

/// The bounds the server reads an uploaded document within.
pub const SERVER_BOUNDS: Bounds = Bounds {
    max_rows: 20_000,
    max_pages: 200,
    max_row_cells: 1_024,
    max_cells: 2_000_000,
};

/// The time one document's extraction may take, in seconds: the server's re-quote, the
/// `bidwell extract` CLI and the browser's extraction worker all read a document within
/// [`SERVER_BOUNDS`] and this time (issue 10, outside probe H2: the CLI had no bound and
/// spent 97 s on a 184 KB PDF). Each caller measures it with its own clock.
pub const MAX_SECONDS: u64 = 20;

/// Extracts `input` within [`SERVER_BOUNDS`] and the time `out_of_time` allows (the
/// caller's clock, [`MAX_SECONDS`] from now). Past a bound, the answer is an extraction
/// with no lines and an `input.too_large` error that says which bound and the limits.
pub fn extract_within(
    input: &super::ExtractInput,
    out_of_time: impl Fn() -> bool + 'static,
) -> super::Extraction {
    match within(SERVER_BOUNDS, out_of_time, || super::extract(input)) {
        Ok(ex) => ex,
        Err(exceeded) => {
            let mut ex = super::Extraction {
                file: input.file_name.clone(),
                ..Default::default()
            };
            ex.diag(
                "input.too_large",
                super::Severity::Error,
                format!("not read: {exceeded}; {}", limits_sentence()),
                Some(super::Location::file(&input.file_name)),
            );
            ex
        }
    }
}

/// The limits a document is read within, as a sentence.
pub fn limits_sentence() -> String {
    format!(
        "a document is read within {} rows or lines, {} cells per table row, {} table cells and {} pages, in {} seconds",
        SERVER_BOUNDS.max_rows,
        SERVER_BOUNDS.max_row_cells,
        SERVER_BOUNDS.max_cells,
        SERVER_BOUNDS.max_pages,
        MAX_SECONDS
    )
}

/// Which bound an extraction passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// More than this many rows.
    Rows(usize),
    /// More than this many pages.
    Pages(usize),
    /// A table row with more than this many cells.
    RowCells(usize),
    /// More than this many table cells in all.
    Cells(usize),
    /// The caller's time ran out.
    Time,
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exceeded::Rows(n) => write!(f, "the document has more than {n} rows or lines"),
            Exceeded::Pages(n) => write!(f, "the document has more than {n} pages"),
            Exceeded::RowCells(n) => {
                write!(f, "a table row has more than {n} cells (columns)")
            }
            Exceeded::Cells(n) => write!(f, "the document's tables have more than {n} cells"),
            Exceeded::Time => write!(f, "reading the document took too long"),
        }
    }
}

struct Budget {
    bounds: Bounds,
    rows: usize,
    pages: usize,
    cells: usize,
    calls: u32,
    out_of_time: Box<dyn Fn() -> bool>,
    exceeded: Option<Exceeded>,
}

impl Budget {
    fn check_time(&mut self) -> bool {
        if self.exceeded.is_none() && (self.out_of_time)() {
            self.exceeded = Some(Exceeded::Time);
        }
        self.exceeded.is_none()
    }
}

thread_local! {
    static BUDGET: RefCell<Option<Budget>> = const { RefCell::new(None) };
}

/// Runs `f` (an extraction) within `bounds` and the time `out_of_time` allows. `Err`
/// names the first bound passed; the readers stopped there.
pub fn within<T>(
    bounds: Bounds,
    out_of_time: impl Fn() -> bool + 'static,
    f: impl FnOnce() -> T,
) -> Result<T, Exceeded> {
    /// Takes the budget down even if `f` panics.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            BUDGET.with(|b| b.borrow_mut().take());
        }
    }
    BUDGET.with(|b| {
        *b.borrow_mut() = Some(Budget {
            bounds,
            rows: 0,
            pages: 0,
            cells: 0,
            calls: 0,
            out_of_time: Box::new(out_of_time),
            exceeded: None,
        });
    });
    let reset = Reset;
    let out = f();
    let exceeded = BUDGET.with(|b| b.borrow().as_ref().and_then(|b| b.exceeded));
    drop(reset);
    match exceeded {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Counts `n` more rows (or text lines); false once the budget is spent (the reader
/// stops reading).
pub fn rows(n: usize) -> bool {
    BUDGET.with(|b| {
        let mut b = b.borrow_mut();
        let Some(b) = b.as_mut() else { return true };
        if b.exceeded.is_some() {
            return false;
        }
        b.rows = b.rows.saturating_add(n);
        if b.rows > b.bounds.max_rows {
            b.exceeded = Some(Exceeded::Rows(b.bounds.max_rows));
            return false;
        }
        b.calls = b.calls.wrapping_add(1);
        if n >= 256 || b.calls % 256 == 0 {
            return b.check_time();
        }
        true
    })
}

/// Counts `rows` more table rows of `width` cells each (towards the cells bound; the
/// rows themselves are counted by [`rows`]); false once the budget is spent: a row wider
/// than [`Bounds::max_row_cells`] or more than [`Bounds::max_cells`] cells in all.
pub fn cells(rows: usize, width: usize) -> bool {
    BUDGET.with(|b| {
        let mut b = b.borrow_mut();
        let Some(b) = b.as_mut() else { return true };
        if b.exceeded.is_some() {
            return false;
        }
        if rows > 0 && width > b.bounds.max_row_cells {
            b.exceeded = Some(Exceeded::RowCells(b.bounds.max_row_cells));
            return false;
        }
        b.cells = b.cells.saturating_add(rows.saturating_mul(width));
        if b.cells > b.bounds.max_cells {
            b.exceeded = Some(Exceeded::Cells(b.bounds.max_cells));
            return false;
        }
        true
    })
}

/// Whether no row of a grid is wider than [`Bounds::max_row_cells`] (counts nothing: the
/// reader that built the grid counted its cells); false once the budget is spent.
pub fn widths_fit(mut widths: impl Iterator<Item = usize>) -> bool {
    BUDGET.with(|b| {
        let mut b = b.borrow_mut();
        let Some(b) = b.as_mut() else { return true };
        if b.exceeded.is_some() {
            return false;
        }
        if widths.any(|w| w > b.bounds.max_row_cells) {
            b.exceeded = Some(Exceeded::RowCells(b.bounds.max_row_cells));
            return false;
        }
        true
    })
}

/// Counts `n` more PDF pages; false once the budget is spent.
pub fn pages(n: usize) -> bool {
    BUDGET.with(|b| {
        let mut b = b.borrow_mut();
        let Some(b) = b.as_mut() else { return true };
        if b.exceeded.is_some() {
            return false;
        }
        b.pages = b.pages.saturating_add(n);
        if b.pages > b.bounds.max_pages {
            b.exceeded = Some(Exceeded::Pages(b.bounds.max_pages));
            return false;
        }
        b.check_time()
    })
}

/// Whether the budget (if any) still allows work: false once a bound was passed or the
/// time is up. For loops that count nothing themselves.
pub fn go_on() -> bool {
    BUDGET.with(|b| {
        let mut b = b.borrow_mut();
        match b.as_mut() {
            None => true,
            Some(b) => b.check_time(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_counted_outside_a_budget() {
        assert!(rows(1_000_000));
        assert!(pages(1_000_000));
        assert!(cells(1, 1_000_000));
        assert!(go_on());
    }

    #[test]
    fn the_first_bound_passed_is_the_answer_and_the_budget_ends_with_the_call() {
        let b = Bounds {
            max_rows: 10,
            max_pages: 2,
            max_row_cells: 5,
            max_cells: 20,
        };
        let r = within(b, || false, || (0..100).take_while(|_| rows(1)).count());
        assert_eq!(r, Err(Exceeded::Rows(10)));
        let r = within(b, || false, || (0..100).take_while(|_| pages(1)).count());
        assert_eq!(r, Err(Exceeded::Pages(2)));
        assert_eq!(within(b, || false, || rows(10)), Ok(true));
        assert_eq!(
            within(b, || false, || cells(1, 6)),
            Err(Exceeded::RowCells(5))
        );
        let r = within(b, || false, || (0..100).take_while(|_| cells(1, 5)).count());
        assert_eq!(r, Err(Exceeded::Cells(20)));
        let r = within(b, || false, || widths_fit([1, 9].into_iter()));
        assert_eq!(r, Err(Exceeded::RowCells(5)));
        let r = within(b, || true, || pages(1));
        assert_eq!(r, Err(Exceeded::Time));
        // Outside again: unbounded.
        assert!(rows(1_000));
    }

    #[cfg(feature = "extract")]
    #[test]
    fn an_extraction_stops_at_each_bound_with_its_reason() {
        let csv: String = std::iter::once("Part,Qty,Price\n".to_string())
            .chain((0..500).map(|i| format!("P-{i},10,1.{i}\n")))
            .collect();
        let run = |bounds: Bounds, late: bool| {
            let bytes = csv.clone().into_bytes();
            within(
                bounds,
                move || late,
                move || {
                    crate::extract::extract(&crate::extract::ExtractInput {
                        file_name: "q.csv".into(),
                        bytes,
                        rfq: None,
                        memory: None,
                    })
                },
            )
        };
        let roomy = Bounds {
            max_rows: 10_000,
            max_pages: 10,
            max_row_cells: 100,
            max_cells: 100_000,
        };
        let read = run(roomy, false).expect("within bounds");
        assert!(!read.lines.is_empty(), "{:?}", read.diagnostics);
        assert_eq!(
            run(
                Bounds {
                    max_rows: 100,
                    ..roomy
                },
                false
            )
            .err(),
            Some(Exceeded::Rows(100))
        );
        assert_eq!(run(roomy, true).err(), Some(Exceeded::Time));
        assert_eq!(
            Exceeded::Rows(100).to_string(),
            "the document has more than 100 rows or lines"
        );
    }
}
