//! Inputs and a plain timing loop shared by the native criterion bench and the wasm
//! harness (`extract_wasm`). Inputs are compiled in so the wasm build needs no files.
#![allow(clippy::float_arithmetic, dead_code)]

use domain::extract::{extract, ExtractInput};

/// (format label, file name, bytes).
pub fn inputs() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    // A large CSV quote: the fixture's table repeated to 2,000 lines.
    let mut csv = String::from("Supplier: Bench Parts Ltd\nQuotation No: Q-1\nPart No,Rev,Description,UOM,500,\"2,000\",\"5,000\",MOQ,Lead time (weeks)\n");
    let mut text = String::from("Quote Q-2, prices in USD, valid for 30 days.\n");
    for i in 0..2000 {
        csv.push_str(&format!(
            "BRK-{i:05},B,Bracket {i},pcs,0.{:02},0.{:02},0.{:02},500,6\n",
            60 + i % 30,
            50 + i % 30,
            40 + i % 30
        ));
        text.push_str(&format!(
            "BRK-{i:05} rev B: $0.{:02}/ea @ 2k, $0.{:02} @ 5k, MOQ 1000, 4-6 wks\n",
            60 + i % 30,
            50 + i % 30
        ));
    }
    vec![
        ("csv", "bench.csv", csv.into_bytes()),
        ("text", "bench.txt", text.into_bytes()),
        ("tsv-utf16", "tsv_breaks_rows.tsv", include_bytes!("../testdata/fixtures/tsv_breaks_rows.tsv").to_vec()),
        ("eml", "email_with_csv.eml", include_bytes!("../testdata/fixtures/email_with_csv.eml").to_vec()),
        ("xlsx", "kicost_test.xlsx", include_bytes!("../testdata/corpus/distributor/xlsx/kicost_test.xlsx").to_vec()),
        ("pdf-text", "RE-E-974-Hetzner.pdf", include_bytes!("../testdata/corpus/invoices/zugferd/RE-E-974-Hetzner_2016-01-19_R0005532486.pdf").to_vec()),
        ("pdf-table-2p", "pdf_two_pages.pdf", include_bytes!("../testdata/fixtures/pdf_two_pages.pdf").to_vec()),
        ("pdf-zugferd-xml", "EN16931_Einfach.pdf", include_bytes!("../testdata/corpus/invoices/zugferd/EN16931_Einfach.pdf").to_vec()),
        ("json", "nexar_kemet.json", include_bytes!("../testdata/corpus/distributor/distributor_api_json/nexar_mpn_Kemet_C0603C103K5RACTU.json").to_vec()),
    ]
}

/// Runs one input `iters` times; returns (lines per run, seconds per run).
pub fn time_one(name: &str, bytes: &[u8], iters: u32) -> (usize, f64) {
    let input = ExtractInput {
        file_name: name.to_string(),
        bytes: bytes.to_vec(),
        rfq: None,
        memory: None,
    };
    let lines = extract(&input).lines.len();
    let start = std::time::Instant::now();
    for _ in 0..iters {
        std::hint::black_box(extract(std::hint::black_box(&input)));
    }
    (
        lines,
        start.elapsed().as_secs_f64() / f64::from(iters.max(1)),
    )
}

/// Prints MB/s and lines/s per format, each measured for about `budget_s` seconds.
pub fn report(target: &str, budget_s: f64) {
    println!("extract throughput ({target}):");
    println!(
        "{:<18} {:>9} {:>7} {:>10} {:>10} {:>12}",
        "format", "bytes", "lines", "ms/file", "MB/s", "lines/s"
    );
    for (label, name, bytes) in inputs() {
        let (_, once) = time_one(name, &bytes, 1);
        let iters = ((budget_s / once.max(1e-6)) as u32).clamp(1, 10_000);
        let (lines, per) = time_one(name, &bytes, iters);
        let mbs = bytes.len() as f64 / per / 1e6;
        println!(
            "{:<18} {:>9} {:>7} {:>10.3} {:>10.2} {:>12.0}",
            label,
            bytes.len(),
            lines,
            per * 1e3,
            mbs,
            lines as f64 / per
        );
    }
}
