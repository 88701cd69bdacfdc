-- Bid receipt format 2 (issue 10, docs/receipt.md): each receipt's hash covers a random
-- 128-bit nonce, kept here and given to the supplier with its receipt, so that the hash
-- the buyer's side can read while a bid is sealed is no oracle for its prices. Receipts
-- issued before have none (format 1) and keep verifying without it.
ALTER TABLE quotes ADD COLUMN receipt_nonce TEXT;
