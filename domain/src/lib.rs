//! Bidwell's domain: every business rule of the sourcing workspace, as plain Rust.
//!
//! Guarantees:
//! - No IO, no framework, no runtime, no database: the crate builds for
//!   `wasm32-unknown-unknown` and natively, so the browser and the server run the very
//!   same rules (the server re-validates whatever the browser computed).
//! - Money is [`rust_decimal::Decimal`] tagged with an ISO 4217 [`money::Currency`];
//!   arithmetic across currencies is an error, and rounding happens only in named
//!   functions that take an explicit strategy.
//! - Who may do what is decided in one function, [`access::authorize`].
//! - Audit events are hash-chained by [`audit::chain_hash`] and checked by
//!   [`audit::verify_chain`].
//! - Supplier quotes in any common format become comparable lines through
//!   [`extract::extract`], which never panics and reports what it is unsure of.

pub mod access;
pub mod audit;
pub mod bom;
pub mod bytes;
#[cfg(feature = "extract")]
pub mod ecb;
pub mod extract;
#[cfg(feature = "extract")]
pub mod import;
pub mod level;
pub mod money;
pub mod part;
pub mod quote;
pub mod requote;
pub mod revision;
pub mod rfq;
pub mod supplier;
pub mod terms;
pub mod validate;
#[cfg(feature = "extract")]
pub mod workbook;
