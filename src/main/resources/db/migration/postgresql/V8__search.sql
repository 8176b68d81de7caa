-- Full-text search of articles with PostgreSQL's text search: the twin of the SQLite V8, with the same
-- search_entries and search_authors, and the words in search_text, whose tsvector column PostgreSQL keeps
-- up to date itself. The search feature writes an entry in the same transaction as the change to its
-- article, so the index never drifts from the articles; `dateline search rebuild` writes every entry again.

-- What searches filter by.
CREATE TABLE search_entries (
    article_id   BIGINT PRIMARY KEY,
    status       TEXT NOT NULL,
    section_id   BIGINT,
    published_at BIGINT,
    edited_at    BIGINT NOT NULL
);
CREATE INDEX search_entries_by_status ON search_entries (status, published_at);
CREATE INDEX search_entries_by_section ON search_entries (section_id, status);

CREATE TABLE search_authors (
    article_id BIGINT NOT NULL REFERENCES search_entries (article_id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (article_id, account_id)
);
CREATE INDEX search_authors_by_account ON search_authors (account_id, article_id);

-- Accents ignored ("café" finds "cafe") as SQLite's remove_diacritics does, without the unaccent extension
-- (which a managed database may not offer, and whose function cannot be used in a generated column): the
-- accented Latin letters become their plain letter, one character for one. Searches fold their words alike.
CREATE FUNCTION search_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate($1,
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžȘșȚț',
        'AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzSsTt');

-- The words, with English stemming ("elections" finds "election"). The weights rank as SQLite's bm25
-- weights do: the headline (A) above tags and authors (B), above the standfirst (C), above the body (D).
CREATE TABLE search_text (
    article_id BIGINT PRIMARY KEY REFERENCES search_entries (article_id) ON DELETE CASCADE,
    headline   TEXT NOT NULL,
    standfirst TEXT NOT NULL,
    tags       TEXT NOT NULL,
    authors    TEXT NOT NULL,
    body       TEXT NOT NULL,
    words      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, search_fold(headline)), 'A')
        || setweight(to_tsvector('english'::regconfig, search_fold(tags || ' ' || authors)), 'B')
        || setweight(to_tsvector('english'::regconfig, search_fold(standfirst)), 'C')
        || setweight(to_tsvector('english'::regconfig, search_fold(body)), 'D')
    ) STORED
);
CREATE INDEX search_text_words ON search_text USING GIN (words);
