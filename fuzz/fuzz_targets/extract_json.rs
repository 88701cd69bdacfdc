//! Fuzz target: distributor JSON. Never panics, always serialises.
#![no_main]

use domain::extract::{extract, ExtractInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes: Vec<u8> = Vec::with_capacity(data.len() + 64);
    bytes.extend_from_slice(data);
    let ex = extract(&ExtractInput {
        file_name: "fuzz.json".into(),
        bytes,
        rfq: None,
        memory: None,
    });
    // The JSON contract must hold for whatever was extracted.
    assert!(serde_json::to_string(&ex).is_ok());
});
