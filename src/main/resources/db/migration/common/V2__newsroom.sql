-- The newsroom: sessions, sign-in limits, password resets, revisions, and what the publishing workflow
-- needs on articles (a version for concurrent editing, comment status, retraction).

-- A signed-in browser. Only a hash of the cookie's token is kept, so the table cannot be used to sign in.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    account_id   ${ref} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_account ON sessions (account_id);

-- Token buckets of rate limits that every node must share (sign-in attempts), in Bucket4j's own format.
CREATE TABLE rate_limits (
    bucket_key TEXT PRIMARY KEY,
    state      ${bytes} NOT NULL,
    expires_at BIGINT NOT NULL
);

-- Single-use, expiring links to choose a new password. Only a hash of the link's token is kept.
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    account_id ${ref} NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN comments_open BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE articles ADD COLUMN retraction_note TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN retracted_at BIGINT;
CREATE INDEX articles_by_edit_time ON articles (edited_at, id);

-- Every save of an article, whole, so that any two can be compared and any one restored.
CREATE TABLE article_revisions (
    id             ${id},
    article_id     ${ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    headline       TEXT NOT NULL,
    slug           TEXT NOT NULL,
    standfirst     TEXT NOT NULL,
    body_format    TEXT NOT NULL,
    body_source    TEXT NOT NULL,
    article_type   TEXT NOT NULL,
    section_id     ${ref},
    dateline_place TEXT NOT NULL,
    tags           TEXT NOT NULL,
    author_ids     TEXT NOT NULL,
    saved_by       ${ref} REFERENCES accounts (id),
    saved_at       BIGINT NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);

-- A public note points at the revisions before and after it, so readers can see what changed.
ALTER TABLE article_updates ADD COLUMN from_revision_id ${ref};
ALTER TABLE article_updates ADD COLUMN to_revision_id ${ref};
ALTER TABLE article_updates ADD COLUMN recorded_by ${ref};
CREATE INDEX article_updates_by_time ON article_updates (kind, happened_at, id);
