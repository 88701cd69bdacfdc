-- Sealing history (issue 10). When an RFQ was cancelled: a sealed RFQ cancelled before
-- its deadline stays sealed for good. When a buyer was first shown its bids after bidding
-- ended: from then on its deadline can no longer be extended.
ALTER TABLE rfqs ADD COLUMN cancelled_at BIGINT;
ALTER TABLE rfqs ADD COLUMN bids_opened_at BIGINT;
UPDATE rfqs SET cancelled_at = updated_at WHERE status = 'cancelled';
UPDATE rfqs SET bids_opened_at = updated_at
WHERE EXISTS (SELECT 1 FROM audit_events e
              WHERE e.entity_type = 'rfq' AND e.entity_id = rfqs.id AND e.action = 'rfq.quotes_opened');
