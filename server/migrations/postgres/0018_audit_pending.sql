-- Audit events written by business transactions and not chained yet (issue 10). A write
-- inserts its event here in its own transaction; after the commit one short transaction
-- (`audit::chain_pending`) locks `audit_head`, appends the committed pending events to
-- `audit_events` in `id` order and deletes them from here, so each is chained exactly
-- once. Writers no longer wait for each other at the chain's head.
CREATE TABLE audit_pending (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    summary TEXT NOT NULL
);
