//! Fuzz target: e-mail messages with attachments. Never panics, always serialises.
#![no_main]

use domain::extract::{extract, ExtractInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes: Vec<u8> = Vec::with_capacity(data.len() + 64);
    // Seeds that already are this format stay byte-exact (a prefix would shift a
    // PDF's xref offsets); anything else gets the format's opening.
    let prefix: &[u8] = b"From: a@b.c\nSubject: quote\nMIME-Version: 1.0\n";
    if !data.starts_with(&prefix[..prefix.len().min(4)]) {
        bytes.extend_from_slice(prefix);
    }
    bytes.extend_from_slice(data);
    let ex = extract(&ExtractInput {
        file_name: "fuzz.eml".into(),
        bytes,
        rfq: None,
        memory: None,
    });
    // The JSON contract must hold for whatever was extracted.
    assert!(serde_json::to_string(&ex).is_ok());
});
