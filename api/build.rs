//! Derives `API_VERSION` from the contract's own source, so the app and the server built
//! from different revisions of `api/src/lib.rs` can tell (see `API_VERSION_HEADER`).
use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src/lib.rs");
    let source = match fs::read_to_string("src/lib.rs") {
        Ok(s) => s,
        Err(e) => panic!("api/build.rs: reading src/lib.rs: {e}"),
    };
    // FNV-1a over the text without carriage returns (a Windows checkout hashes the same).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in source.bytes().filter(|b| *b != b'\r') {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let code = format!(
        "/// The contract's fingerprint.\npub const API_VERSION: &str = \"{hash:016x}\";\n"
    );
    if let Err(e) = fs::write(out.join("api_version.rs"), code) {
        panic!("api/build.rs: writing api_version.rs: {e}");
    }
}
