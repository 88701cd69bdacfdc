//! The same throughput table for a WebAssembly build of the extractor. Build and run:
//!
//! ```sh
//! rustup target add wasm32-wasip1
//! CARGO_TARGET_DIR=target cargo build --release -p domain --bench extract_wasm --target wasm32-wasip1
//! node domain/benches/run_wasm.mjs target/wasm32-wasip1/release/deps/extract_wasm-*.wasm
//! ```
//!
//! (Natively, `cargo bench -p domain --bench extract_wasm` prints the table too.)
#![allow(clippy::float_arithmetic)]

mod common;

fn main() {
    let target = if cfg!(target_family = "wasm") {
        "wasm32"
    } else {
        "native, plain loop"
    };
    common::report(target, 0.5);
}
