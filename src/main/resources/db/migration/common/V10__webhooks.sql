-- Webhooks: addresses of other systems that are told, by a signed HTTP POST, when articles are published or
-- updated and when comments are approved. Each delivery waits in an outbox (the same columns as the mail
-- outbox, so that one deliverer works both), is claimed by one node, tried again with growing waits, and
-- kept as the webhook's delivery log. Instants are BIGINT milliseconds since the epoch.

CREATE TABLE webhooks (
    id          ${id},
    url         TEXT NOT NULL,
    -- the key both ends sign with; shown to the administrator, who gives it to the receiver
    secret      TEXT NOT NULL,
    -- the event names it wants, separated by spaces, such as 'article.published comment.approved'
    events      TEXT NOT NULL,
    active      BOOLEAN NOT NULL,
    created_by  ${ref} REFERENCES accounts (id),
    created_at  BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              ${id},
    webhook_id      ${ref} NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until   BIGINT,
    claimed_by      TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    BIGINT,
    failed_at       BIGINT
);
-- Only unfinished deliveries are ever looked for by their next attempt.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
-- The delivery log of one webhook, newest first.
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at, id);
