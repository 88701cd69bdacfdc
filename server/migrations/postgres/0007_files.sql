-- Attachments: drawings on part revisions, files on RFQ lines, a supplier's original
-- quote file. Stored in the database so several server processes share them.
CREATE TABLE files (
    id TEXT PRIMARY KEY,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('revision', 'rfq_line', 'quote')),
    owner_id TEXT NOT NULL,
    -- For quote files: the supplier they belong to (access checks).
    supplier_id TEXT REFERENCES suppliers(id),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data BYTEA NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES users(id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX files_owner ON files(owner_kind, owner_id);
