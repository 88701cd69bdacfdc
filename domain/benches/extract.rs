//! Native benchmark: `cargo bench -p domain --bench extract`. Prints MB/s and lines/s per
//! format first (plain timing loop, also used by the wasm harness), then criterion's
//! statistics with byte throughput.
#![allow(clippy::unwrap_used, clippy::float_arithmetic)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use domain::extract::{extract, ExtractInput};

fn bench(c: &mut Criterion) {
    common::report("native", 0.5);
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    for (label, name, bytes) in common::inputs() {
        let input = ExtractInput {
            file_name: name.into(),
            bytes: bytes.clone(),
            rfq: None,
            memory: None,
        };
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(label, |b| b.iter(|| extract(std::hint::black_box(&input))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
