-- Sealing (issue 10): conflicts recorded before 0012 kept both quote bodies in sync_ops
-- (the server's version, possibly a sealed bid, and the sender's). Keep their receipts,
-- drop the bodies; a replay restores them under the sealing rule.
UPDATE sync_ops
SET result = jsonb_set(
        jsonb_set(result::jsonb, '{detail,mine}', 'null'::jsonb),
        '{detail,server,quote}', 'null'::jsonb)::text
WHERE status = 'conflict' AND result LIKE '{%';
