-- A supplier's learned column mappings for quote files (domain::extract::MappingMemory as
-- JSON): the correction a person makes in the upload review, kept with the supplier so it
-- follows its users to every device and survives sign-out.
CREATE TABLE mapping_memory (
    supplier_id TEXT PRIMARY KEY REFERENCES suppliers(id),
    data TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
