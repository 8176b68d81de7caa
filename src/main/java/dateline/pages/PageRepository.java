package dateline.pages;

import dateline.articles.BodyFormat;
import dateline.storage.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Pages, their former addresses, and the menus' items. */
final class PageRepository extends Repository {
    private static final String COLUMNS = "id, parent_id, title, slug, path, body_format, body, body_html, status, "
            + "created_at, modified_at";

    private static final RowMapper<Page> PAGE = (rs, ctx) -> new Page(
            rs.getLong("id"),
            nullableLong(rs.getObject("parent_id")),
            rs.getString("title"),
            rs.getString("slug"),
            rs.getString("path"),
            BodyFormat.valueOf(rs.getString("body_format").toUpperCase(Locale.ROOT)),
            rs.getString("body"),
            rs.getString("body_html"),
            PageStatus.ofCode(rs.getString("status")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("modified_at")));

    private static final RowMapper<MenuItem> ITEM = (rs, ctx) -> new MenuItem(
            rs.getLong("id"),
            Menu.ofCode(rs.getString("menu")).orElseThrow(),
            rs.getInt("position"),
            nullableLong(rs.getObject("page_id")),
            nullableLong(rs.getObject("section_id")),
            rs.getString("label"),
            rs.getString("url"),
            rs.getString("title"),
            rs.getString("path"),
            rs.getString("status") == null ? null : PageStatus.ofCode(rs.getString("status")));

    PageRepository(Jdbi jdbi) {
        super(jdbi);
    }

    Optional<Page> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM pages WHERE id = :id").bind("id", id).map(PAGE).findOne();
    }

    Optional<Page> byPath(Handle h, String path) {
        return h.createQuery("SELECT " + COLUMNS + " FROM pages WHERE path = :path").bind("path", path).map(PAGE)
                .findOne();
    }

    /** Every page, in the order of their addresses, so that children follow their parent. */
    List<Page> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM pages ORDER BY path").map(PAGE).list();
    }

    List<Page> children(Handle h, long parentId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM pages WHERE parent_id = :parent ORDER BY path")
                .bind("parent", parentId).map(PAGE).list();
    }

    long insert(Handle h, Page page) {
        return h.createUpdate("INSERT INTO pages (parent_id, title, slug, path, body_format, body, body_html, status, "
                        + "created_at, modified_at) VALUES (:parent, :title, :slug, :path, :format, :body, :html, "
                        + ":status, :created, :modified)")
                .bind("parent", page.parentId())
                .bind("title", page.title())
                .bind("slug", page.slug())
                .bind("path", page.path())
                .bind("format", page.bodyFormat().code())
                .bind("body", page.body())
                .bind("html", page.bodyHtml())
                .bind("status", page.status().code())
                .bind("created", page.createdAt())
                .bind("modified", page.modifiedAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void update(Handle h, Page page) {
        h.createUpdate("UPDATE pages SET parent_id = :parent, title = :title, slug = :slug, path = :path, "
                        + "body_format = :format, body = :body, body_html = :html, status = :status, "
                        + "modified_at = :modified WHERE id = :id")
                .bind("id", page.id())
                .bind("parent", page.parentId())
                .bind("title", page.title())
                .bind("slug", page.slug())
                .bind("path", page.path())
                .bind("format", page.bodyFormat().code())
                .bind("body", page.body())
                .bind("html", page.bodyHtml())
                .bind("status", page.status().code())
                .bind("modified", page.modifiedAt())
                .execute();
    }

    void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM menu_items WHERE page_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM page_redirects WHERE page_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM pages WHERE id = :id").bind("id", id).execute();
    }

    /** Remembers that the page once lived at {@code path}. */
    void addRedirect(Handle h, String path, long pageId) {
        h.createUpdate("INSERT INTO page_redirects (path, page_id) VALUES (:path, :id) "
                        + "ON CONFLICT (path) DO UPDATE SET page_id = excluded.page_id")
                .bind("path", path).bind("id", pageId).execute();
    }

    /** A page now lives at {@code path}: no former address there may lead elsewhere. */
    void dropRedirect(Handle h, String path) {
        h.createUpdate("DELETE FROM page_redirects WHERE path = :path").bind("path", path).execute();
    }

    /** Every page's former addresses, by page id. */
    Map<Long, List<String>> formerPaths(Handle h) {
        Map<Long, List<String>> result = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT page_id, path FROM page_redirects ORDER BY page_id, path")
                .map((rs, ctx) -> Map.entry(rs.getLong("page_id"), rs.getString("path")))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return result;
    }

    /** Where the published page that once lived at {@code path} lives now. */
    Optional<String> redirectTarget(Handle h, String path) {
        return h.createQuery("SELECT p.path FROM page_redirects r JOIN pages p ON p.id = r.page_id "
                        + "WHERE r.path = :path AND p.status = 'published'")
                .bind("path", path).mapTo(String.class).findOne();
    }

    /** Both menus, in order, each page item with its page's title, path and status: one query. */
    List<MenuItem> menuItems(Handle h) {
        return h.createQuery("SELECT m.id, m.menu, m.position, m.page_id, m.section_id, m.label, m.url, p.title, "
                        + "p.path, p.status FROM menu_items m LEFT JOIN pages p ON p.id = m.page_id "
                        + "ORDER BY m.menu, m.position, m.id")
                .map(ITEM).list();
    }

    Optional<MenuItem> menuItem(Handle h, long id) {
        return h.createQuery("SELECT m.id, m.menu, m.position, m.page_id, m.section_id, m.label, m.url, p.title, "
                        + "p.path, p.status FROM menu_items m LEFT JOIN pages p ON p.id = m.page_id WHERE m.id = :id")
                .bind("id", id).map(ITEM).findOne();
    }

    void addMenuItem(Handle h, Menu menu, Long pageId, Long sectionId, String label, String url) {
        int next = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM menu_items WHERE menu = :menu")
                .bind("menu", menu.code()).mapTo(Integer.class).one();
        h.createUpdate("INSERT INTO menu_items (menu, position, page_id, section_id, label, url) "
                        + "VALUES (:menu, :position, :page, :section, :label, :url)")
                .bind("menu", menu.code()).bind("position", next).bind("page", pageId).bind("section", sectionId)
                .bind("label", label).bind("url", url).execute();
    }

    void setPosition(Handle h, long id, int position) {
        h.createUpdate("UPDATE menu_items SET position = :position WHERE id = :id")
                .bind("id", id).bind("position", position).execute();
    }

    void removeMenuItem(Handle h, long id) {
        h.createUpdate("DELETE FROM menu_items WHERE id = :id").bind("id", id).execute();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
