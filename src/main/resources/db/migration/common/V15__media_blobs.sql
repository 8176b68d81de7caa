-- The bytes of media files for sites served by several nodes (the setting media-store=database): every node
-- reads what any node stored. A site on one machine keeps them in its data folder instead, and this stays empty.

CREATE TABLE media_blobs (
    storage_key TEXT NOT NULL PRIMARY KEY,
    bytes       ${bytes} NOT NULL
);
