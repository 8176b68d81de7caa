-- The foundation of a site: its settings, the newsroom's accounts, and articles with their sections,
-- tags, authors, former addresses and public update notes.
-- Instants are BIGINT milliseconds since the epoch; ${id} and ${ref} are the dialect's key types.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE accounts (
    id            ${id},
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    slug          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT,
    bio           TEXT NOT NULL DEFAULT '',
    created_at    BIGINT NOT NULL
);

CREATE TABLE sections (
    id          ${id},
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
    id   ${id},
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    id                       ${id},
    slug                     TEXT NOT NULL UNIQUE,
    path                     TEXT UNIQUE,
    headline                 TEXT NOT NULL,
    standfirst               TEXT NOT NULL DEFAULT '',
    body_format              TEXT NOT NULL DEFAULT 'markdown',
    body_source              TEXT NOT NULL,
    body_html                TEXT NOT NULL,
    status                   TEXT NOT NULL,
    article_type             TEXT NOT NULL DEFAULT 'news',
    section_id               ${ref} REFERENCES sections (id),
    dateline_place           TEXT NOT NULL DEFAULT '',
    published_at             BIGINT,
    significantly_updated_at BIGINT,
    created_at               BIGINT NOT NULL,
    edited_at                BIGINT NOT NULL
);
CREATE INDEX articles_by_status_time ON articles (status, published_at, id);
CREATE INDEX articles_by_section_time ON articles (section_id, status, published_at, id);

CREATE TABLE article_authors (
    article_id ${ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    account_id ${ref} NOT NULL REFERENCES accounts (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, account_id)
);
CREATE INDEX article_authors_by_account ON article_authors (account_id, article_id);

CREATE TABLE article_tags (
    article_id ${ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id     ${ref} NOT NULL REFERENCES tags (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

-- Every address an article was once published at, so that old links answer with a permanent redirect.
CREATE TABLE article_redirects (
    path       TEXT PRIMARY KEY,
    article_id ${ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

-- Public notes on an article: significant updates and corrections.
CREATE TABLE article_updates (
    id          ${id},
    article_id  ${ref} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    note        TEXT NOT NULL,
    happened_at BIGINT NOT NULL
);
CREATE INDEX article_updates_by_article ON article_updates (article_id, happened_at);
