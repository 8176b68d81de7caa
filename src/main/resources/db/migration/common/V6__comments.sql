-- Readers' comments, threaded, with what moderation needs (where a comment came from, for a while) and
-- an append-only record of every moderation decision.

CREATE TABLE comments (
    id               ${id},
    article_id       ${ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id        ${ref} REFERENCES comments (id),
    depth            INTEGER NOT NULL,
    status           TEXT NOT NULL,
    author_name      TEXT NOT NULL,
    author_email     TEXT NOT NULL,
    author_website   TEXT NOT NULL DEFAULT '',
    staff_account_id ${ref} REFERENCES accounts (id),
    body             TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    status_changed_at BIGINT NOT NULL,
    client_address   TEXT,
    user_agent       TEXT
);
CREATE INDEX comments_by_article ON comments (article_id, status, created_at, id);
CREATE INDEX comments_by_email ON comments (author_email, status);
CREATE INDEX comments_by_status ON comments (status, created_at, id);
CREATE INDEX comments_by_parent ON comments (parent_id);

-- Who decided what about which comment, when and why. Rows are only ever added.
CREATE TABLE moderation_log (
    id          ${id},
    comment_id  ${ref} NOT NULL,
    action      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    account_id  ${ref},
    happened_at BIGINT NOT NULL
);
CREATE INDEX moderation_log_by_comment ON moderation_log (comment_id, id);
