-- Uploaded images: the private original of each, and the re-encoded variants that readers are served.
-- The bytes live in the media store under their storage keys; the database holds what is known about them.

CREATE TABLE media (
    id            ${id},
    storage_key   TEXT NOT NULL UNIQUE,  -- key of the private original, never served to readers
    original_name TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    byte_size     BIGINT NOT NULL,
    sha256        TEXT NOT NULL,
    alt_text      TEXT NOT NULL DEFAULT '',
    uploaded_by   ${ref} REFERENCES accounts (id),
    created_at    BIGINT NOT NULL
);
CREATE INDEX media_by_time ON media (created_at, id);
-- the same bytes uploaded twice are one media file
CREATE UNIQUE INDEX media_by_sha256 ON media (sha256);

CREATE TABLE media_variants (
    media_id     ${ref} NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    storage_key  TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    byte_size    BIGINT NOT NULL,
    PRIMARY KEY (media_id, width)
);
