//! `bidwell extract`: being written alongside the extraction engine (issue 3).

/// Runs the extractor over `files`; returns the process exit code.
pub fn run(
    _files: &[std::path::PathBuf],
    _rfq: Option<&std::path::Path>,
    _json: bool,
) -> anyhow::Result<i32> {
    anyhow::bail!("bidwell extract is not available in this build yet")
}
