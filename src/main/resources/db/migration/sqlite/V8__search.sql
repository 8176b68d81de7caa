-- Full-text search of articles with SQLite's FTS5. One entry per article, whatever its status: the public
-- search asks for published ones, the newsroom's for those the reader may see. The search feature writes an
-- entry in the same transaction as the change to its article, so the index never drifts from the articles;
-- `dateline search rebuild` writes every entry again.

-- What searches filter by, keyed like the text below (its rowid is the article's id).
CREATE TABLE search_entries (
    article_id   INTEGER PRIMARY KEY,
    status       TEXT NOT NULL,
    section_id   INTEGER,
    published_at BIGINT,
    edited_at    BIGINT NOT NULL
);
CREATE INDEX search_entries_by_status ON search_entries (status, published_at);
CREATE INDEX search_entries_by_section ON search_entries (section_id, status);

CREATE TABLE search_authors (
    article_id INTEGER NOT NULL REFERENCES search_entries (article_id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL,
    PRIMARY KEY (article_id, account_id)
);
CREATE INDEX search_authors_by_account ON search_authors (account_id, article_id);

-- The words: Porter stemming ("elections" finds "election"), Unicode letters, accents ignored ("café" finds
-- "cafe"). The column order is the order of the weights the ranking gives them.
CREATE VIRTUAL TABLE search_text USING fts5 (
    headline, standfirst, tags, authors, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
