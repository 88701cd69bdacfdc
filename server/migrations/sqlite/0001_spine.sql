-- The spine: organizations, users, sessions, invitations, parts, suppliers, RFQs, audit.
-- Times are unix milliseconds (BIGINT); booleans are 0/1; decimals are canonical TEXT.
CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('buyer', 'supplier')),
    created_at BIGINT NOT NULL
);
CREATE TABLE suppliers (
    id TEXT PRIMARY KEY REFERENCES organizations(id),
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'conditional', 'blocked')),
    created_at BIGINT NOT NULL
);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('buyer', 'approver', 'admin', 'supplier')),
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE supplier_contacts (
    id TEXT PRIMARY KEY,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    UNIQUE (supplier_id, email)
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at BIGINT NOT NULL,
    success BIGINT NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE TABLE parts (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    uom TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE revisions (
    id TEXT PRIMARY KEY,
    part_id TEXT NOT NULL REFERENCES parts(id),
    label TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'released', 'obsolete')),
    released_on TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (part_id, label)
);
CREATE TABLE rfqs (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'awarded', 'cancelled')),
    deadline BIGINT NOT NULL,
    time_zone TEXT NOT NULL,
    sealed BIGINT NOT NULL,
    currency TEXT NOT NULL,
    incoterm TEXT NOT NULL,
    payment_terms TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE rfq_lines (
    id TEXT PRIMARY KEY,
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    line_no BIGINT NOT NULL,
    part_id TEXT NOT NULL REFERENCES parts(id),
    revision_id TEXT NOT NULL REFERENCES revisions(id),
    quantities TEXT NOT NULL,
    annual_volume TEXT,
    need_by TEXT,
    notes TEXT NOT NULL,
    UNIQUE (rfq_id, line_no)
);
CREATE TABLE rfq_suppliers (
    rfq_id TEXT NOT NULL REFERENCES rfqs(id),
    supplier_id TEXT NOT NULL REFERENCES suppliers(id),
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (rfq_id, supplier_id)
);
CREATE INDEX rfq_suppliers_supplier ON rfq_suppliers(supplier_id);
CREATE TABLE audit_events (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- The chain's head: one row, locked by every append so that appends are serialized.
CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
-- Append-only: the application never updates or deletes an event. The hash chain
-- catches anyone who bypasses these triggers with direct database access.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
