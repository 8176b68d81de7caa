-- The tags of every committed change that drops cached pages, so that every node of a site (and a running
-- server, when a command such as `users` or `import` changes something) drops the same pages. Each node
-- reads the rows after the last one it has seen, except its own; rows are kept a few minutes.
-- Instants are BIGINT milliseconds since the epoch.

CREATE TABLE cache_invalidations (
    id    ${id},
    node  TEXT NOT NULL,
    tags  TEXT NOT NULL,
    at    BIGINT NOT NULL
);
-- Housekeeping forgets old rows by their age.
CREATE INDEX cache_invalidations_at ON cache_invalidations (at);
