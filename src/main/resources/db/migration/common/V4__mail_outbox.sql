-- The mail outbox: every message the site sends, kept until it is sent or given up and then, because it
-- holds personal data, only until it is purged. Deliverers on any node claim a message before sending it.
-- Instants are BIGINT milliseconds since the epoch.

CREATE TABLE mail_outbox (
    id              ${id},
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until   BIGINT,
    claimed_by      TEXT,
    sent_at         BIGINT,
    failed_at       BIGINT,
    last_error      TEXT
);
-- Only unfinished messages are ever looked for by their next attempt.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;
