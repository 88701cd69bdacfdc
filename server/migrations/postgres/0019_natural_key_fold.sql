-- Natural keys are folded in Rust, not by the database (issue 10, L4): SQLite's LOWER()
-- folds ASCII only and PostgreSQL's follows the database's locale, so "ÄRGER-x" and
-- "ärger-X" were one part on PostgreSQL and two on SQLite. Each key now has a column
-- holding `domain::validate::fold_key` of its value (Unicode lower case of the NFKC
-- form), written by every path that writes the value, and the unique indexes are on it.
--
-- Existing rows get their keys when the server starts (`db::Db::migrate` runs
-- `backfill_keys` right after the migrations, before anything is served): SQL cannot
-- compute the fold on SQLite. Rows that turn out to be duplicates under the new fold
-- are kept, not merged, as 0011 did: the oldest keeps its value, a later one gets
-- "-DUP-" and the first 8 characters of its id appended.
ALTER TABLE parts ADD COLUMN number_key TEXT;
ALTER TABLE revisions ADD COLUMN label_key TEXT;
ALTER TABLE suppliers ADD COLUMN name_key TEXT;
DROP INDEX parts_number_lower;
DROP INDEX revisions_label_lower;
DROP INDEX suppliers_name_lower;
CREATE UNIQUE INDEX parts_number_folded ON parts (number_key);
CREATE UNIQUE INDEX revisions_label_folded ON revisions (part_id, label_key);
CREATE UNIQUE INDEX suppliers_name_folded ON suppliers (name_key);

-- Secrets the server makes for itself at start (`db::Db::migrate`): `changes_cursor`
-- keys the changes feed's opaque per-reader cursors (issue 10, L1).
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- The changes feed reads one reader's share of the trail by entity.
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, seq);
