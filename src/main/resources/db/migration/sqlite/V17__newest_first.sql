-- The twin of postgresql/V17: the same but for the search index at the end, which each database keeps its own way.
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
-- ranked the most recently written. FTS5 gives matches in the order of their rowids, so the words of each article
-- are now kept under a rowid that sorts as its publication time: the minute it was published (last edited, for
-- one never published; held within 32 bits) times 2^32, plus its id (Fts5Index.KEY). The words are copied into
-- a table so keyed and the old one dropped: this reads and indexes every article's words once (about half a
-- minute for 100,000 articles, alone; 3.5 minutes with the machine loaded); the old table's pages stay in the
-- file as free pages, reused as it grows (VACUUM gives them back).
CREATE VIRTUAL TABLE search_text_keyed USING fts5 (
    headline, standfirst, tags, authors, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO search_text_keyed (rowid, headline, standfirst, tags, authors, body)
    SELECT MIN(MAX(COALESCE(e.published_at, e.edited_at) / 60000, -2147483648), 2147483647) * 4294967296
               + e.article_id,
           t.headline, t.standfirst, t.tags, t.authors, t.body
    FROM search_text t JOIN search_entries e ON e.article_id = t.rowid;
DROP TABLE search_text;
ALTER TABLE search_text_keyed RENAME TO search_text;
