-- Articles pinned to the front page (WordPress's "sticky" posts): pinned_at is the moment an editor pinned
-- the article, null for the great many that are not. The front page shows the pinned published articles
-- first, newest pin first; the partial index holds only the few pinned rows, so that query reads a handful
-- of index entries however large the archive grows.
-- Instants are BIGINT milliseconds since the epoch.

ALTER TABLE articles ADD COLUMN pinned_at BIGINT;
CREATE INDEX articles_pinned ON articles (pinned_at, id) WHERE pinned_at IS NOT NULL;
