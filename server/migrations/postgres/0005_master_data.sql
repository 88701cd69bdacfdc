-- Supplier categories and certifications; bills of materials.
ALTER TABLE suppliers ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
CREATE TABLE certifications (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    name TEXT NOT NULL,
    number TEXT NOT NULL,
    expires_on TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX certifications_supplier ON certifications(supplier_id);
CREATE TABLE bom_lines (
    id TEXT PRIMARY KEY,
    parent_revision_id TEXT NOT NULL REFERENCES revisions(id),
    child_part_id TEXT NOT NULL REFERENCES parts(id),
    quantity TEXT NOT NULL,
    UNIQUE (parent_revision_id, child_part_id)
);
