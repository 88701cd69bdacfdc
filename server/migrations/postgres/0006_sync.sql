-- Offline sync: every op id is recorded with its outcome in the same transaction as the
-- change it made, so a replay answers "duplicate" instead of applying twice.
CREATE TABLE sync_ops (
    op_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL,
    applied_at BIGINT NOT NULL
);
CREATE TABLE visit_notes (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    rfq_id TEXT REFERENCES rfqs(id),
    text TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL
);
CREATE INDEX visit_notes_supplier ON visit_notes(supplier_id, taken_at);
CREATE TABLE visit_photos (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL REFERENCES visit_notes(id),
    content_type TEXT NOT NULL,
    data BYTEA NOT NULL
);
ALTER TABLE quotes ADD COLUMN entered_by_buyer BIGINT NOT NULL DEFAULT 0;
