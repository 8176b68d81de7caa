-- Pages (About, Contact, an ethics policy…): no dates readers see, no comments, served at their slug path,
-- and the two menus the newsroom arranges (the header's navigation and the footer's list).

-- A page; a child page lives under its parent's path. body is what was written (Markdown, or HTML already
-- sanitized), body_html what readers get, made once at each save.
CREATE TABLE pages (
    id          ${id},
    parent_id   ${ref} REFERENCES pages (id),
    title       TEXT NOT NULL,
    slug        TEXT NOT NULL,
    path        TEXT NOT NULL UNIQUE,
    body_format TEXT NOT NULL DEFAULT 'markdown',
    body        TEXT NOT NULL DEFAULT '',
    body_html   TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft',
    created_at  BIGINT NOT NULL,
    modified_at BIGINT NOT NULL
);
CREATE INDEX pages_by_parent ON pages (parent_id);

-- Every address a page left (a new slug or parent), so that old links answer with a permanent redirect.
CREATE TABLE page_redirects (
    path    TEXT PRIMARY KEY,
    page_id ${ref} NOT NULL REFERENCES pages (id) ON DELETE CASCADE
);

-- One entry of a menu ('header' or 'footer'): a page, a section, or a link with its own label.
CREATE TABLE menu_items (
    id         ${id},
    menu       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    page_id    ${ref} REFERENCES pages (id) ON DELETE CASCADE,
    section_id ${ref} REFERENCES sections (id) ON DELETE CASCADE,
    label      TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX menu_items_in_order ON menu_items (menu, position);
