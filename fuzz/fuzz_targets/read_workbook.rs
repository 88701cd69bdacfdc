//! Fuzz target: the bounded spreadsheet reader (issue 10). Whatever the bytes, it never
//! panics or aborts, and what it returns stays within its limits.
#![no_main]

use domain::workbook::{read, LIMITS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheets) = read(data) {
        let mut cells = 0usize;
        for s in &sheets {
            assert!(u64::from(s.rows) * u64::from(s.cols) <= LIMITS.max_span);
            assert!(s.cols <= LIMITS.max_columns);
            for c in &s.cells {
                assert!(c.row < s.rows && c.col < s.cols);
            }
            cells += s.cells.len();
        }
        assert!(cells <= LIMITS.max_cells);
    }
});
