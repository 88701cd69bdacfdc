-- API tokens for integrations (issue 10). Only the SHA-256 of a token is stored; the
-- token itself is shown once, when it is made. A token acts as the admin who made it,
-- limited to its scopes (space-separated names, `domain::access::Scope`).
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
