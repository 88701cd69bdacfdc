-- Buyer-internal reference prices and awards (issue 4). Never shown to suppliers.
-- A revision's should-cost (buyer estimate) and last price paid, each with its currency;
-- the last price also carries its date and source ('manual', or 'award' with the RFQ).
ALTER TABLE revisions ADD COLUMN should_cost TEXT;
ALTER TABLE revisions ADD COLUMN should_cost_currency TEXT;
ALTER TABLE revisions ADD COLUMN last_price TEXT;
ALTER TABLE revisions ADD COLUMN last_price_currency TEXT;
ALTER TABLE revisions ADD COLUMN last_price_on TEXT;
ALTER TABLE revisions ADD COLUMN last_price_source TEXT;
ALTER TABLE revisions ADD COLUMN last_price_rfq TEXT;
-- Per-line overrides, per unit in the RFQ's currency (NULL: take the revision's).
ALTER TABLE rfq_lines ADD COLUMN last_price TEXT;
ALTER TABLE rfq_lines ADD COLUMN should_cost TEXT;
-- One row per awarded line: the winning supplier at one quantity break, with the price
-- it quoted there (per unit, quote currency) and the landed cost in the RFQ currency.
CREATE TABLE rfq_awards (
    id TEXT PRIMARY KEY,
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    rfq_line_id TEXT NOT NULL REFERENCES rfq_lines(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    qty TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    currency TEXT NOT NULL,
    landed TEXT,
    note TEXT NOT NULL,
    awarded_by TEXT NOT NULL REFERENCES users(id),
    awarded_at BIGINT NOT NULL,
    UNIQUE (rfq_line_id)
);
CREATE INDEX rfq_awards_rfq ON rfq_awards(rfq_id);
