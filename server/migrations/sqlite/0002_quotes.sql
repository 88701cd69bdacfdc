-- Supplier quotes (versioned; the body is the canonical JSON of domain::quote::Quote)
-- and deadline changes.
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    version BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'superseded', 'withdrawn')),
    body TEXT NOT NULL,
    receipt_hash TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    submitted_by TEXT NOT NULL REFERENCES users(id),
    needs_reconfirmation BIGINT NOT NULL DEFAULT 0,
    UNIQUE (rfq_id, supplier_id, version)
);
CREATE INDEX quotes_rfq ON quotes(rfq_id, supplier_id);
CREATE TABLE rfq_deadline_changes (
    id TEXT PRIMARY KEY,
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    old_deadline BIGINT NOT NULL,
    new_deadline BIGINT NOT NULL,
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users(id),
    changed_at BIGINT NOT NULL
);
