//! `bidwell extract FILE... [--rfq RFQ.json] [--json]` (issue 3): reads the files and the
//! RFQ, runs `domain::extract` on each within the server's bounds and time
//! (`domain::extract::bounds::extract_within`), prints the result (contract in docs/extract.md).
//! All rules live in `domain::extract`; this is only the IO around it.

use std::path::{Path, PathBuf};

use anyhow::Context;
use domain::extract::{cli_report, ExtractInput, Extraction, Location, RfqSpec, Severity};

/// Runs the extractor over `files`; returns the process exit code (0 all read, 1 a file
/// had an error or no lines, 2 bad usage: no files or an unreadable RFQ).
pub fn run(files: &[PathBuf], rfq: Option<&Path>, json: bool) -> anyhow::Result<i32> {
    if files.is_empty() {
        eprintln!("usage: bidwell extract FILE... [--rfq RFQ.json] [--json]");
        return Ok(2);
    }
    let rfq: Option<RfqSpec> = match rfq {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("reading the RFQ {}", p.display()))?;
            match serde_json::from_str(&text) {
                Ok(r) => Some(r),
                Err(e) => {
                    eprintln!("{}: not an RFQ (see docs/extract.md): {e}", p.display());
                    return Ok(2);
                }
            }
        }
        None => None,
    };
    let mut results: Vec<Extraction> = Vec::with_capacity(files.len());
    for f in files {
        let name = f.display().to_string();
        match std::fs::read(f) {
            Ok(bytes) => {
                // The server's bounds and time for one document (issue 10, outside probe
                // H2: without them a 184 KB PDF took 97 s here).
                let deadline = std::time::Instant::now()
                    + std::time::Duration::from_secs(domain::extract::bounds::MAX_SECONDS);
                results.push(domain::extract::bounds::extract_within(
                    &ExtractInput {
                        file_name: name,
                        bytes,
                        rfq: rfq.clone(),
                        memory: None,
                    },
                    move || std::time::Instant::now() > deadline,
                ));
            }
            Err(e) => {
                // One unreadable file does not stop the others.
                let mut ex = Extraction {
                    file: name.clone(),
                    ..Default::default()
                };
                ex.diag(
                    "input.unreadable",
                    Severity::Error,
                    format!("cannot read the file: {e}"),
                    Some(Location::file(&name)),
                );
                results.push(ex);
            }
        }
    }
    let (text, code) = cli_report(&results, json);
    print!("{text}");
    Ok(code)
}
