-- Audit events not chained yet (issue 10). On SQLite, where one writer runs at a time,
-- events are chained inside their transaction and this table stays empty; it exists so
-- that both engines have the same schema (see the PostgreSQL migration and `audit.rs`).
CREATE TABLE audit_pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    summary TEXT NOT NULL
);
