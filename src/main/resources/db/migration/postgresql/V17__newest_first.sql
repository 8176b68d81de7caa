-- The twin of sqlite/V17: the same but for the search index at the end, which each database keeps its own way.
--
-- Tag and author pages list a tag's or an author's published articles newest first, page by page. The join
-- tables now hold the time each row's article is listed at: its publication time while it is published, null
-- otherwise (drafts, scheduled and retracted articles); the articles feature copies it there with every change
-- of an article's status, publication time, tags or authors. The partial indexes hold the listed rows of each
-- tag and each author in that order, so any page of such a list reads its own rows of the index: read by the
-- article's own time instead, a page walked the whole archive's index looking for the tag's articles (a tag
-- of 144 articles among 100,000 read some 14,000 rows for its last page).
-- The newsroom's list of one status (the drafts, say), most recently edited first, reads its own index.
-- Instants are BIGINT milliseconds since the epoch.

ALTER TABLE article_tags ADD COLUMN listed_at BIGINT;
ALTER TABLE article_authors ADD COLUMN listed_at BIGINT;
UPDATE article_tags SET listed_at = (SELECT a.published_at FROM articles a
    WHERE a.id = article_tags.article_id AND a.status = 'published');
UPDATE article_authors SET listed_at = (SELECT a.published_at FROM articles a
    WHERE a.id = article_authors.article_id AND a.status = 'published');
CREATE INDEX article_tags_listed ON article_tags (tag_id, listed_at, article_id) WHERE listed_at IS NOT NULL;
CREATE INDEX article_authors_listed ON article_authors (account_id, listed_at, article_id) WHERE listed_at IS NOT NULL;

CREATE INDEX articles_by_status_edit_time ON articles (status, edited_at, id);

-- Search ranks the matches of a common word published most recently (SearchService.CANDIDATES of them), where it
-- ranked the most recently written: the twin of SQLite's new keys for its words, an index of the entries by
-- the minute each was published (last edited, for one never published), then id.
CREATE INDEX search_entries_by_time ON search_entries (status, (COALESCE(published_at, edited_at) / 60000), article_id);
