-- Issue 11: the buyer's freight and duty estimate for one supplier's quote on an RFQ
-- (`domain::level::LandedEstimate` as JSON: currency, freight per unit or per shipment,
-- duty percent, note). The comparison adds it to the bid's landed cost; a quote whose
-- Incoterm or named place differs from the RFQ's is flagged "estimate missing" until
-- there is one. One row per (RFQ, supplier), replaced when the buyer edits it.
CREATE TABLE landed_estimates (
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    body TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (rfq_id, supplier_id)
);
-- An award keeps the estimate its landed cost included (NULL: none, or an award from
-- before estimates).
ALTER TABLE rfq_awards ADD COLUMN estimate TEXT;
