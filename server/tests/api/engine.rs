//! The tests run on the database they were asked to run on (issue 13): PostgreSQL exactly
//! when `BIDWELL_TEST_DATABASE_URL` is set. Checked by asking the database server itself
//! with SQL only one engine understands, not by trusting the harness's handle; `cargo
//! xtask test postgres` runs this test by name (before the suite) and requires it to pass.

use axum::http::{Method, StatusCode};
use sqlx::Row;

use crate::harness::TestApp;

#[tokio::test]
async fn the_tests_run_on_the_engine_asked_for() {
    let asked_postgres =
        std::env::var("BIDWELL_TEST_DATABASE_URL").is_ok_and(|u| !u.trim().is_empty());
    let app = TestApp::new().await;
    // The server's database, through its own pool.
    let pg = sqlx::query("SELECT version() AS v")
        .fetch_one(&app.db.pool)
        .await;
    let lite = sqlx::query("SELECT sqlite_version() AS v")
        .fetch_one(&app.db.pool)
        .await;
    if asked_postgres {
        let v: String = pg.expect("PostgreSQL answers version()").get("v");
        assert!(v.starts_with("PostgreSQL "), "{v}");
        assert!(lite.is_err(), "sqlite_version() answered on PostgreSQL?");
        // A throw-away database of this test, not the admin database named in the URL.
        let name: String = sqlx::query("SELECT current_database()::text AS d")
            .fetch_one(&app.db.pool)
            .await
            .unwrap()
            .get("d");
        assert!(name.starts_with("bidwell_t_"), "{name}");
    } else {
        let v: String = lite.expect("SQLite answers sqlite_version()").get("v");
        assert!(v.starts_with("3."), "{v}");
        assert!(pg.is_err(), "version() answered on SQLite?");
    }
    // The server reports the same engine.
    let h = app.call(Method::GET, "/api/health", None, None).await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(
        h.json["database"],
        if asked_postgres { "postgres" } else { "sqlite" }
    );
}
