-- An article's featured image, chosen from the media library, and kept in every revision.
ALTER TABLE articles ADD COLUMN featured_media_id ${ref} REFERENCES media (id);
ALTER TABLE article_revisions ADD COLUMN featured_media_id ${ref};
