-- Tokens for the JSON API. Each belongs to an account and acts as it, within its scopes (a space-separated
-- list of read, write, moderate). Only a SHA-256 hash of the token is kept; the token itself is shown once,
-- when it is made. "prefix" is its first characters, so that people can tell their tokens apart.
CREATE TABLE api_tokens (
    id           ${id},
    account_id   ${ref} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX api_tokens_by_account ON api_tokens (account_id);
