//! `cargo xtask bench`: every benchmark the project has, as a plain list. Add an entry to
//! [`BENCHES`] for a new one; an entry whose `needs` path is absent is skipped (so the list
//! can name benches that land later).

use std::time::Instant;

use anyhow::Result;

use crate::util::{fmt_duration, sh};
use crate::Ctx;

struct Bench {
    name: &'static str,
    /// A path (relative to the workspace root) that must exist for the bench to run.
    needs: &'static str,
    /// Arguments to `cargo`.
    cargo_args: &'static [&'static str],
}

const BENCHES: &[Bench] = &[Bench {
    name: "domain",
    needs: "domain/benches",
    cargo_args: &["bench", "-p", "domain"],
}];

pub fn run(ctx: &Ctx) -> Result<()> {
    let mut ran = 0;
    for b in BENCHES {
        if !ctx.root.join(b.needs).exists() {
            println!("==> {}: skipped ({} does not exist)", b.name, b.needs);
            continue;
        }
        println!("==> {}", b.name);
        let start = Instant::now();
        sh(ctx.cargo().args(b.cargo_args))?;
        println!("<== {} done in {}", b.name, fmt_duration(start.elapsed()));
        ran += 1;
    }
    println!("benches: {ran} of {} ran", BENCHES.len());
    Ok(())
}
