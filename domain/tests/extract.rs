//! Quote extraction (issue 3): one integration-test binary.
//!
//! - `fixtures`: the project's own labelled quotes, scored field by field (precision and
//!   recall printed; the test fails below the floors set there).
//! - `corpus`: real files from `../shared/corpus` (copied to `testdata/corpus`).
//! - `properties`: proptest for number parsing, price-basis arithmetic and "never panics".
//! - `behaviour`: RFQ matching, suspicion flags, mapping memory, JSON shape.
//! - `pdf_families`: PDF layouts from real generators (CJK CMaps, OCR layers, rotation).
//! - `pdf_forms`: form XObjects that draw themselves or expand past bounds (issue 10).
//! - `sheets`: spreadsheet and delimited layouts as families (XLSX written in the test).
#![allow(clippy::unwrap_used, clippy::float_arithmetic)]

#[path = "extract/basis.rs"]
mod basis;
#[path = "extract/behaviour.rs"]
mod behaviour;
#[path = "extract/calibration.rs"]
mod calibration;
#[path = "extract/classes.rs"]
mod classes;
#[path = "extract/corpus.rs"]
mod corpus;
#[path = "extract/fixtures.rs"]
mod fixtures;
#[path = "extract/linefacts.rs"]
mod linefacts;
#[path = "extract/matrix.rs"]
mod matrix;
#[path = "extract/onetime.rs"]
mod onetime;
#[path = "extract/pdf_families.rs"]
mod pdf_families;
#[path = "extract/pdf_forms.rs"]
mod pdf_forms;
#[path = "extract/pdf_layouts.rs"]
mod pdf_layouts;
#[path = "extract/properties.rs"]
mod properties;
#[path = "extract/scale.rs"]
mod scale;
#[path = "extract/sheets.rs"]
mod sheets;
#[path = "extract/thousands.rs"]
mod thousands;
#[path = "extract/unbound.rs"]
mod unbound;
#[path = "extract/vocab.rs"]
mod vocab;

use std::path::{Path, PathBuf};

use domain::extract::{extract, ExtractInput, Extraction};

/// `domain/testdata/…`
pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(rel)
}

/// Extracts one test file.
pub fn run(rel: &str) -> Extraction {
    let path = data(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    extract(&ExtractInput {
        file_name: path.file_name().unwrap().to_string_lossy().into_owned(),
        bytes,
        rfq: None,
        memory: None,
    })
}
