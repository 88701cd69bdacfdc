-- Outbound messages to supplier contacts. A row is written in the same transaction as
-- the change it announces; the .eml file (or, later, SMTP) follows after commit, so a
-- crash in between leaves an unwritten row to flush, never a lost notice.
CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    rfq_id TEXT REFERENCES rfqs(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    written_at BIGINT
);
CREATE INDEX messages_unwritten ON messages(written_at);
