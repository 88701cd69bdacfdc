-- Exchange rates the buyer maintains (one unit of `currency` = `rate` units of `base`,
-- taken on `as_of`), and clarification questions on RFQs.
CREATE TABLE fx_rates (
    base TEXT NOT NULL,
    currency TEXT NOT NULL,
    rate TEXT NOT NULL,
    as_of TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (base, currency)
);
CREATE TABLE clarifications (
    id TEXT PRIMARY KEY,
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    asked_by_supplier TEXT NOT NULL REFERENCES suppliers(id),
    asked_by_user TEXT NOT NULL REFERENCES users(id),
    question TEXT NOT NULL,
    asked_at BIGINT NOT NULL,
    answer TEXT,
    answered_by TEXT REFERENCES users(id),
    answered_at BIGINT
);
CREATE INDEX clarifications_rfq ON clarifications(rfq_id, asked_at);
