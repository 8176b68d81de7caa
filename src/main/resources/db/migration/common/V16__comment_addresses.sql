-- The comments that still hold their writer's network address or browser: housekeeping forgets these once
-- they are older than the site keeps them. The partial index holds only those rows (the comments of the last
-- weeks, once housekeeping has run), so the hourly forgetting reads a few index entries instead of every
-- comment of the archive while it holds the database's write lock.
-- Instants are BIGINT milliseconds since the epoch.

CREATE INDEX comments_holding_addresses ON comments (created_at, id)
    WHERE client_address IS NOT NULL OR user_agent IS NOT NULL;
