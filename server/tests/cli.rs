//! The `bidwell` binary: migrate, seed, audit verify (and its tamper detection).
#![allow(clippy::unwrap_used)]

use std::process::Command;

fn bidwell(dir: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bidwell"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn help_lists_every_command() {
    let out = Command::new(env!("CARGO_BIN_EXE_bidwell"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["serve", "migrate", "seed-demo", "audit", "extract"] {
        assert!(text.contains(cmd), "--help lacks {cmd}: {text}");
    }
}

#[test]
fn audit_verify_reports_an_intact_then_a_tampered_chain() {
    let dir = std::env::temp_dir().join(format!("bidwell-cli-{}", uuid::Uuid::new_v4()));
    let (code, text) = bidwell(&dir, &["seed-demo"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Seeded demo data"), "{text}");
    let (code, text) = bidwell(&dir, &["seed-demo"]);
    assert_eq!(code, 0);
    assert!(text.contains("nothing seeded"), "{text}");
    let (code, text) = bidwell(&dir, &["audit", "verify"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("Audit chain intact: 1 events verified"),
        "{text}"
    );

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let db = server::db::Db::connect(&server::db::sqlite_url(&dir))
            .await
            .unwrap();
        sqlx::query("DROP TRIGGER audit_events_no_update")
            .execute(&db.pool)
            .await
            .unwrap();
        sqlx::query("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1")
            .execute(&db.pool)
            .await
            .unwrap();
        db.pool.close().await;
    });
    let (code, text) = bidwell(&dir, &["audit", "verify"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("BROKEN: event 1: its content does not match its hash"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 10: `bidwell extract` on the spreadsheet bombs (the fuzz seeds) exits with a
/// code and diagnostics instead of being killed by a failed allocation.
#[test]
fn extract_survives_spreadsheet_bombs_issue_10() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/seeds/read_workbook");
    let files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path().display().to_string())
        .collect();
    assert!(files.len() >= 8);
    let out = Command::new(env!("CARGO_BIN_EXE_bidwell"))
        .arg("extract")
        .args(&files)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "killed by a signal: {out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = json.as_array().unwrap();
    assert_eq!(all.len(), files.len());
    let codes: Vec<String> = all
        .iter()
        .flat_map(|e| e["diagnostics"].as_array().unwrap().iter())
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect();
    assert!(codes.iter().any(|c| c == "sheet.too_large"), "{codes:?}");
}

/// A PDF the text library panics on (a font the page names but does not define, found by
/// fuzzing): `bidwell extract` reports it as a diagnostic and prints no panic message or
/// backtrace on stderr, with `RUST_BACKTRACE=1` set as on a developer's machine.
#[test]
fn extract_reports_a_pdf_library_panic_quietly() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../domain/testdata/regressions/pdf_font_missing_fuzz.pdf"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_bidwell"))
        .args(["extract", file, "--json"])
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("stack backtrace"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(
        codes
            .iter()
            .any(|c| c.starts_with("pdf.parser_panic") || *c == "pdf.text_fallback"),
        "{codes:?}"
    );
}
