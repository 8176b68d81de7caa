-- What came from where: every account, section, tag, article, page, comment and media file an import
-- brought in, by the site it came from and the id it had there, so that importing the same export again
-- matches instead of creating; and the old addresses of that site, answered with permanent redirects.

-- source is the address of the site the export came from; kind is account, section, tag, article, page,
-- comment or media; guid is the item's globally unique id in the export (empty for what has none).
CREATE TABLE import_records (
    source       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    wordpress_id BIGINT NOT NULL,
    guid         TEXT NOT NULL DEFAULT '',
    dateline_id  BIGINT NOT NULL,
    imported_at  BIGINT NOT NULL,
    PRIMARY KEY (source, kind, wordpress_id)
);
CREATE INDEX import_records_by_guid ON import_records (kind, guid);

-- An old address (a path, or the root with a WordPress query such as /?p=12) and what it now leads to:
-- the kind and id of the article, page, section, tag or media file, whose current address is looked up
-- when a reader arrives, so that a later change of slug is followed too.
CREATE TABLE import_redirects (
    path        TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    dateline_id BIGINT NOT NULL
);
