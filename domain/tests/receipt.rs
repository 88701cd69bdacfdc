//! Bid receipt formats 1 and 2 (`docs/receipt.md`; issues 13 and 10): the code must reproduce the golden
//! vectors' canonical bytes and hashes, which were made without it (an independent Python
//! implementation of the documented rules, `sha256sum`), and the verification script shown
//! in the doc must accept every vector's receipt and refuse a changed one.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use domain::quote::{receipt_canonical, receipt_hash, Quote};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn vectors() -> Vec<PathBuf> {
    let dir = root().join("tests/data/receipts");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    assert!(v.len() >= 3, "golden vectors missing in {}", dir.display());
    v
}

/// The hash recorded in `sha256.txt` (`sha256sum` format: `HEX  canonical.json`).
fn recorded_hash(dir: &Path) -> String {
    let line = std::fs::read_to_string(dir.join("sha256.txt")).unwrap();
    let (hex, file) = line.trim_end().split_once("  ").unwrap();
    assert_eq!(file, "canonical.json");
    assert_eq!(hex.len(), 64);
    hex.to_string()
}

#[test]
fn the_code_reproduces_every_golden_vector() {
    for dir in vectors() {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let input: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("input.json")).unwrap())
                .unwrap();
        let quote: Quote = serde_json::from_value(input["quote"].clone()).unwrap();
        let (rfq, supplier, at) = (
            input["rfq_id"].as_str().unwrap(),
            input["supplier_id"].as_str().unwrap(),
            input["received_at"].as_str().unwrap(),
        );
        let version = u32::try_from(input["version"].as_u64().unwrap()).unwrap();
        // Format 2 vectors carry the receipt's nonce; format 1 vectors have none.
        let nonce = input.get("nonce").and_then(Value::as_str);
        let want = std::fs::read(dir.join("canonical.json")).unwrap();
        let got = receipt_canonical(rfq, supplier, version, &quote, at, nonce);
        assert!(
            got.as_bytes() == want.as_slice(),
            "{name}: canonical bytes differ from the golden vector — a change to the receipt \
             format (docs/receipt.md, Versions)\n code: {got}\n gold: {}",
            String::from_utf8_lossy(&want)
        );
        assert_eq!(
            receipt_hash(rfq, supplier, version, &quote, at, nonce),
            recorded_hash(&dir),
            "{name}"
        );
    }
}

/// The ```python block of docs/receipt.md, written to a temporary file.
fn documented_script() -> PathBuf {
    let doc = std::fs::read_to_string(root().join("../docs/receipt.md")).unwrap();
    let start = doc
        .find("```python\n")
        .expect("a python block in docs/receipt.md")
        + 10;
    let len = doc[start..].find("\n```").unwrap();
    let path = std::env::temp_dir().join(format!("check_receipt-{}.py", std::process::id()));
    std::fs::write(&path, &doc[start..start + len + 1]).unwrap();
    path
}

fn run_script(script: &Path, receipt: &Path) -> std::process::Output {
    Command::new("python3")
        .arg(script)
        .arg(receipt)
        .output()
        .expect("python3 runs the receipt script of docs/receipt.md (install python3)")
}

#[test]
fn the_documented_script_checks_receipts_without_bidwell() {
    let script = documented_script();
    for dir in vectors() {
        let out = run_script(&script, &dir.join("receipt.json"));
        assert!(
            out.status.success(),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            format!("OK {}", recorded_hash(&dir))
        );
    }
    // One price changed by a cent: refused.
    let portal = vectors().remove(0);
    let text = std::fs::read_to_string(portal.join("receipt.json")).unwrap();
    assert!(text.contains("\"0.62\""));
    let tampered = std::env::temp_dir().join(format!("tampered-{}.json", std::process::id()));
    std::fs::write(&tampered, text.replacen("\"0.62\"", "\"0.61\"", 1)).unwrap();
    let out = run_script(&script, &tampered);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("MISMATCH"));
    let _ = std::fs::remove_file(tampered);
    let _ = std::fs::remove_file(script);
}
