//! The result types of quote extraction. They are the JSON contract of
//! `bidwell extract --json` and of the browser worker, so field names are stable.
//! Decimals serialize as strings (workspace-wide `serde-with-str`).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::Currency;

use super::memory::MappingMemory;
use super::rfq::RfqSpec;
/// The trade vocabulary the quote model shares ([`crate::terms`]).
pub use crate::terms::{PaymentTerms, Tooling};

/// What to extract from: a file's name and bytes, plus what is known already.
#[derive(Debug, Clone, Default)]
pub struct ExtractInput {
    /// The file name as uploaded; only a hint (the format is detected from the content).
    pub file_name: String,
    /// The file's bytes, or pasted text as UTF-8.
    pub bytes: Vec<u8>,
    /// The RFQ the quote answers; enables matching and RFQ-relative flags.
    pub rfq: Option<RfqSpec>,
    /// Column mappings a person corrected earlier, per supplier and layout.
    pub memory: Option<MappingMemory>,
}

/// The input formats the extractor recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// CSV, TSV or semicolon-separated text.
    Delimited,
    /// XLSX, XLS, XLSB or ODS.
    Spreadsheet,
    /// A PDF (text layer, or embedded ZUGFeRD/Factur-X XML).
    Pdf,
    /// A whole RFC 5322 message (`.eml`).
    Email,
    /// A distributor API reply or similar JSON document.
    Json,
    /// UN/CEFACT Cross Industry Invoice XML (ZUGFeRD / Factur-X / XRechnung).
    CiiXml,
    /// OASIS UBL 2.x XML (Invoice, CreditNote, Order, Quotation; PEPPOL, XRechnung UBL).
    UblXml,
    /// Free text: a pasted email body or notes.
    #[default]
    Text,
    /// Not recognised.
    Unknown,
}

/// Where a value came from. Only the parts that apply are set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    /// The file (or attachment) name.
    pub file: String,
    /// Spreadsheet sheet name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Spreadsheet cell in A1 notation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// PDF page, 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Text or CSV line (record), 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Byte span `[start, end)` within that line, or within the XML element text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[u32; 2]>,
    /// XML path for structured sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Location {
    /// A location naming only the file.
    pub fn file(name: &str) -> Self {
        Location {
            file: name.to_string(),
            ..Default::default()
        }
    }
    /// The same file, at `line` (1-based).
    pub fn at_line(&self, line: usize) -> Self {
        Location {
            line: Some(u32::try_from(line).unwrap_or(u32::MAX)),
            span: None,
            ..self.clone()
        }
    }
    /// With a span inside the line.
    pub fn with_span(mut self, start: usize, end: usize) -> Self {
        let c = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        self.span = Some([c(start), c(end)]);
        self
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Info,
    /// A person should look: a value may be wrong or missing.
    Warning,
    /// Part of the input could not be read.
    Error,
}

/// One finding. `code` is stable (documented in docs/extract.md); the message is for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diagnostic {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Index into `lines[]` when the finding is about one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_index: Option<usize>,
}

/// A quantity break: from `min_qty` units on, each ONE unit costs `unit_price`
/// (already divided by the price basis).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBreak {
    pub min_qty: Decimal,
    pub unit_price: Decimal,
}

/// How a quote line was matched to an RFQ line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfqMatch {
    /// The RFQ line's `line` id.
    pub line: String,
    /// `part_number`, `supplier_part`, `description` or `alternate_of`.
    pub reason: String,
}

/// One quoted part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QuoteLine {
    /// Our (the buyer's) part number, or the manufacturer part number on a distributor quote.
    pub part_number: Option<String>,
    /// The supplier's own part / catalogue number.
    pub supplier_part: Option<String>,
    /// Manufacturer name, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    pub revision: Option<String>,
    pub description: Option<String>,
    /// UN/ECE Recommendation 20 code (`H87` piece, `KGM`, `MTR`…).
    pub uom: Option<String>,
    /// The quantity the printed price was per (1, 100 for "/C", 1000 for "/M", pack size).
    pub price_basis_qty: Decimal,
    /// Price per ONE unit from each minimum quantity on, ascending.
    pub breaks: Vec<PriceBreak>,
    /// The quantity on the document (invoice / PO / requested), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Decimal>,
    /// The line total printed on the document, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_total: Option<Decimal>,
    /// Currency of this line when it differs from (or there is no) header currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    pub moq: Option<Decimal>,
    pub order_multiple: Option<Decimal>,
    /// Lead time in calendar days (the upper end of a range).
    pub lead_time_days: Option<u32>,
    pub tooling: Vec<Tooling>,
    pub no_bid: bool,
    pub no_bid_reason: Option<String>,
    /// Set when this line offers an alternate: the part it replaces, or the supplier's note.
    pub alternate: Option<String>,
    pub rfq_line: Option<RfqMatch>,
    /// The supplier (distributor column group) this line's offer is from, when one file
    /// holds offers of several (a priced BOM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_from: Option<String>,
    /// 0–100: how sure the extractor is about this line as a whole.
    pub confidence: u8,
    /// Where each field came from, by field name (`part_number`, `breaks[0].unit_price`…).
    pub provenance: BTreeMap<String, Location>,
    /// How the prices were read; the cross-checks set the confidence from it. Internal.
    #[serde(skip)]
    pub price_source: PriceSource,
}

/// How a line's prices were read, for the cross-checks that set its confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriceSource {
    /// A number in a price position, nothing saying it is per one unit.
    #[default]
    Unlabelled,
    /// Printed under a per-unit label ("Unit price", "Stückpreis", "$0.62/ea").
    UnitLabelled,
    /// Typed data: e-invoice XML, a distributor's JSON.
    Structured,
}

/// An Incoterm with its named place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incoterm {
    /// `FCA`, `DAP`…
    pub code: String,
    pub place: Option<String>,
    /// The Incoterms edition named in the text (2020, 2010), if any.
    pub version: Option<u16>,
    /// True for codes withdrawn in 2010/2020 (DAT, DDU, DAF, DES, DEQ).
    pub retired: bool,
}

/// How freight is charged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Freight {
    /// `included`, `per_shipment`, `per_unit`, `extra` (charged, amount unknown).
    pub kind: String,
    pub amount: Option<Decimal>,
}

/// How a table's columns were mapped to fields; the app shows it for correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableLayout {
    /// Sheet name or `page N` or `table`.
    pub table: String,
    /// Stable hash of the normalised header; key of the mapping memory.
    pub fingerprint: String,
    pub header: Vec<String>,
    /// Role per column (same length as `header`), `None` = ignored.
    pub roles: Vec<Option<super::table::ColumnRole>>,
    /// `inferred` or `memory`.
    pub source: String,
}

/// The normalised quote from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Extraction {
    pub file: String,
    pub format: Format,
    pub supplier: Option<String>,
    /// The supplier's quote (or invoice) reference.
    pub quote_ref: Option<String>,
    /// Document date, ISO 8601.
    pub quote_date: Option<String>,
    pub currency: Option<Currency>,
    /// Valid until this date (ISO 8601)…
    pub valid_until: Option<String>,
    /// …or for this many days.
    pub validity_days: Option<u32>,
    pub payment_terms: Option<PaymentTerms>,
    pub incoterm: Option<Incoterm>,
    pub freight: Option<Freight>,
    /// Document total as printed (invoices, priced BOMs).
    pub total: Option<Decimal>,
    /// One-time charges (tooling, NRE, mould, stencil, programming, setup) stated for the
    /// quote as a whole rather than for one line. Never price breaks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tooling: Vec<Tooling>,
    pub lines: Vec<QuoteLine>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each header field came from.
    pub provenance: BTreeMap<String, Location>,
    /// Table layouts found, with their column mapping.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layouts: Vec<TableLayout>,
    /// The currency the document states in words or as an ISO code (not a bare symbol);
    /// it overrides what a `$` or `¥` alone suggested. Internal, not serialised.
    #[serde(skip)]
    pub stated_currency: Option<Currency>,
    /// Where the document says "all other items: no quote". Internal, not serialised.
    #[serde(skip)]
    pub blanket_no_bid: Option<Location>,
    /// A document-wide price basis stated in words ("all prices per 1000 pcs"). Internal.
    #[serde(skip)]
    pub basis_note: Option<(Decimal, Location)>,
    /// A price basis mentioned somewhere without a clear binding ("per 1000" in a remark,
    /// a wrapped cell, a legend). Lines left per 1 are then flagged. Internal.
    #[serde(skip)]
    pub basis_hint: Option<(Decimal, Location)>,
    /// Price-basis cells no reader understood (`Tsd.` in a "PE" column), with their text:
    /// the prices on their rows are read per 1 and flagged. Internal.
    #[serde(skip)]
    pub basis_unread: Vec<(String, Location)>,
    /// Prose lines that may carry facts for lines, for the notes pass. Internal.
    #[serde(skip)]
    pub notes: Vec<(String, Location)>,
    /// Table rows naming a part with no price and no no-bid word. A statement that
    /// declines them (by part, by description, "all other items: no quote") makes them
    /// no-bid lines; otherwise they are dropped. Internal.
    #[serde(skip)]
    pub unpriced: Vec<QuoteLine>,
    /// Lines a reader already took facts from (the notes pass skips them). Internal.
    #[serde(skip)]
    pub consumed: Vec<Location>,
    /// The document counts in pieces somewhere (`pcs`, `Stk`, `ea`, `pz`…). Internal.
    #[serde(skip)]
    pub pieces: bool,
    /// Decimal marks the price cells read under an unknown style showed: certain ones
    /// (`0,045`, `3.20`) and the cells that could be 1000× apart (`1,250`). Internal.
    #[serde(skip)]
    pub price_marks: Vec<(crate::extract::number::NumberMark, Location)>,
}

impl Extraction {
    /// Adds a diagnostic.
    pub fn diag(
        &mut self,
        code: &str,
        severity: Severity,
        message: impl Into<String>,
        location: Option<Location>,
    ) {
        self.diagnostics.push(Diagnostic {
            code: code.to_string(),
            severity,
            message: message.into(),
            location,
            line_index: None,
        });
    }
}
