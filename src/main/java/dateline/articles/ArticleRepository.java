package dateline.articles;

import dateline.web.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class ArticleRepository {
    private static final String COLUMNS = "a.id, a.slug, a.path, a.headline, a.standfirst, a.body_format, "
            + "a.body_source, a.body_html, a.status, a.article_type, a.section_id, a.dateline_place, "
            + "a.published_at, a.significantly_updated_at, a.created_at, a.edited_at";
    private static final String SUMMARY_COLUMNS = "a.id, a.path, a.headline, a.standfirst, a.article_type, "
            + "a.section_id, a.published_at, a.significantly_updated_at";

    private static final RowMapper<Article> ARTICLE = (rs, ctx) -> new Article(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("path"),
            rs.getString("headline"),
            rs.getString("standfirst"),
            BodyFormat.ofCode(rs.getString("body_format")),
            rs.getString("body_source"),
            rs.getString("body_html"),
            ArticleStatus.ofCode(rs.getString("status")),
            ArticleType.ofCode(rs.getString("article_type")).orElse(ArticleType.NEWS),
            nullableLong(rs.getObject("section_id")),
            rs.getString("dateline_place"),
            instant(rs.getObject("published_at")),
            instant(rs.getObject("significantly_updated_at")),
            instant(rs.getObject("created_at")),
            instant(rs.getObject("edited_at")));

    private static final RowMapper<Section> SECTION = (rs, ctx) -> new Section(
            rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
            rs.getInt("position"));

    private static final RowMapper<Tag> TAG = (rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("name"),
            rs.getString("slug"));

    private final Jdbi jdbi;

    ArticleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T inTransaction(Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }

    <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    // ---- articles

    long insert(Handle h, Article a) {
        return h.createUpdate("INSERT INTO articles (slug, path, headline, standfirst, body_format, body_source, "
                        + "body_html, status, article_type, section_id, dateline_place, published_at, "
                        + "significantly_updated_at, created_at, edited_at) VALUES (:slug, :path, :headline, "
                        + ":standfirst, :format, :source, :html, :status, :type, :section, :place, :published, "
                        + ":updated, :created, :edited)")
                .bind("slug", a.slug())
                .bind("path", a.path())
                .bind("headline", a.headline())
                .bind("standfirst", a.standfirst())
                .bind("format", a.bodyFormat().code())
                .bind("source", a.bodySource())
                .bind("html", a.bodyHtml())
                .bind("status", a.status().code())
                .bind("type", a.type().code())
                .bind("section", a.sectionId())
                .bind("place", a.datelinePlace())
                .bind("published", a.publishedAt())
                .bind("updated", a.significantlyUpdatedAt())
                .bind("created", a.createdAt())
                .bind("edited", a.editedAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<Article> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.id = :id")
                .bind("id", id).map(ARTICLE).findOne();
    }

    Optional<Article> byPath(Handle h, String path) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.path = :path")
                .bind("path", path).map(ARTICLE).findOne();
    }

    boolean slugTaken(Handle h, String slug, long exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    void publish(Handle h, long id, String path, Instant publishedAt, Instant now) {
        h.createUpdate("UPDATE articles SET status = 'published', path = :path, published_at = :published, "
                        + "edited_at = :now WHERE id = :id")
                .bind("id", id).bind("path", path).bind("published", publishedAt).bind("now", now).execute();
        forgetRedirect(h, path);
    }

    void moveTo(Handle h, long id, String slug, String newPath, Instant now) {
        h.createUpdate("UPDATE articles SET slug = :slug, path = :path, edited_at = :now WHERE id = :id")
                .bind("id", id).bind("slug", slug).bind("path", newPath).bind("now", now).execute();
        forgetRedirect(h, newPath);
    }

    void markSignificantlyUpdated(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE articles SET significantly_updated_at = :at, edited_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at).execute();
    }

    // ---- former addresses

    void addRedirect(Handle h, String path, long articleId) {
        h.createUpdate("INSERT INTO article_redirects (path, article_id) VALUES (:path, :id) "
                        + "ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id")
                .bind("path", path).bind("id", articleId).execute();
    }

    private void forgetRedirect(Handle h, String path) {
        h.createUpdate("DELETE FROM article_redirects WHERE path = :path").bind("path", path).execute();
    }

    /** The current address of the public article that once lived at this path. */
    Optional<String> redirectTarget(Handle h, String path) {
        return h.createQuery("SELECT a.path FROM article_redirects r JOIN articles a ON a.id = r.article_id "
                        + "WHERE r.path = :path AND a.path IS NOT NULL AND a.status IN ('published', 'retracted')")
                .bind("path", path).mapTo(String.class).findOne();
    }

    // ---- bylines, tags, updates

    void setAuthors(Handle h, long articleId, List<Long> accountIds) {
        h.createUpdate("DELETE FROM article_authors WHERE article_id = :id").bind("id", articleId).execute();
        var batch = h.prepareBatch("INSERT INTO article_authors (article_id, account_id, position) VALUES (:a, :b, :p)");
        for (int i = 0; i < accountIds.size(); i++) {
            batch.bind("a", articleId).bind("b", accountIds.get(i)).bind("p", i).add();
        }
        batch.execute();
    }

    /** The bylines of each article, in byline order. */
    Map<Long, List<Byline>> bylines(Handle h, Collection<Long> articleIds) {
        Map<Long, List<Byline>> result = new LinkedHashMap<>();
        if (articleIds.isEmpty()) return result;
        h.createQuery("SELECT aa.article_id, acc.id, acc.name, acc.slug FROM article_authors aa "
                        + "JOIN accounts acc ON acc.id = aa.account_id WHERE aa.article_id IN (<ids>) "
                        + "ORDER BY aa.article_id, aa.position")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"),
                        new Byline(rs.getLong("id"), rs.getString("name"), rs.getString("slug"))))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
    }

    long tagId(Handle h, String name, String slug) {
        h.createUpdate("INSERT INTO tags (name, slug) VALUES (:name, :slug) ON CONFLICT (slug) DO NOTHING")
                .bind("name", name).bind("slug", slug).execute();
        return h.createQuery("SELECT id FROM tags WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).one();
    }

    void setTags(Handle h, long articleId, Collection<Long> tagIds) {
        h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", articleId).execute();
        var batch = h.prepareBatch("INSERT INTO article_tags (article_id, tag_id) VALUES (:a, :t)");
        tagIds.forEach(t -> batch.bind("a", articleId).bind("t", t).add());
        batch.execute();
    }

    List<Tag> tagsOf(Handle h, long articleId) {
        return h.createQuery("SELECT t.id, t.name, t.slug FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                        + "WHERE at.article_id = :id ORDER BY t.name")
                .bind("id", articleId).map(TAG).list();
    }

    Optional<Tag> tagBySlug(Handle h, String slug) {
        return h.createQuery("SELECT id, name, slug FROM tags WHERE slug = :slug").bind("slug", slug).map(TAG).findOne();
    }

    void addUpdate(Handle h, long articleId, ArticleUpdate update) {
        h.createUpdate("INSERT INTO article_updates (article_id, kind, note, happened_at) VALUES (:id, :kind, :note, :at)")
                .bind("id", articleId).bind("kind", update.kind().code()).bind("note", update.note())
                .bind("at", update.happenedAt()).execute();
    }

    List<ArticleUpdate> updatesOf(Handle h, long articleId) {
        return h.createQuery("SELECT kind, note, happened_at FROM article_updates WHERE article_id = :id "
                        + "ORDER BY happened_at, id")
                .bind("id", articleId)
                .map((rs, ctx) -> new ArticleUpdate(UpdateKind.ofCode(rs.getString("kind")), rs.getString("note"),
                        Instant.ofEpochMilli(rs.getLong("happened_at"))))
                .list();
    }

    // ---- sections

    List<Section> sections(Handle h) {
        return h.createQuery("SELECT id, name, slug, description, position FROM sections ORDER BY position, name")
                .map(SECTION).list();
    }

    boolean sectionSlugTaken(Handle h, String slug) {
        return h.createQuery("SELECT COUNT(*) FROM sections WHERE slug = :slug")
                .bind("slug", slug).mapTo(Integer.class).one() > 0;
    }

    long insertSection(Handle h, String name, String slug, String description) {
        return h.createUpdate("INSERT INTO sections (name, slug, description, position) VALUES (:name, :slug, "
                        + ":description, (SELECT COALESCE(MAX(position), 0) + 1 FROM sections))")
                .bind("name", name).bind("slug", slug).bind("description", description)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    // ---- lists of published articles, newest first, paged by keyset

    /**
     * One page of published articles within a scope, newest first, starting just past the cursor in the
     * given direction. Asks for one more than the limit, so the caller knows whether more remain.
     */
    List<ArticleSummary> published(Handle h, ListingScope scope, Cursor cursor, boolean older, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS).append(" FROM articles a ")
                .append(scope.join()).append(" WHERE a.status = 'published'").append(scope.condition());
        if (cursor != null) {
            sql.append(older ? " AND (a.published_at < :at OR (a.published_at = :at AND a.id < :id))"
                    : " AND (a.published_at > :at OR (a.published_at = :at AND a.id > :id))");
        }
        sql.append(older ? " ORDER BY a.published_at DESC, a.id DESC" : " ORDER BY a.published_at ASC, a.id ASC");
        sql.append(" LIMIT :limit");
        Query query = scope.bindTo(h.createQuery(sql.toString()).bind("limit", limit));
        if (cursor != null) query.bind("at", cursor.at()).bind("id", cursor.id());
        List<ArticleSummary> rows = query.map((rs, ctx) -> new ArticleSummary(
                rs.getLong("id"),
                rs.getString("path"),
                rs.getString("headline"),
                rs.getString("standfirst"),
                ArticleType.ofCode(rs.getString("article_type")).orElse(ArticleType.NEWS),
                nullableLong(rs.getObject("section_id")),
                instant(rs.getObject("published_at")),
                instant(rs.getObject("significantly_updated_at")),
                List.of())).list();
        if (!older) {
            rows = new ArrayList<>(rows);
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    long countPublished(Handle h, ListingScope scope) {
        return scope.bindTo(h.createQuery("SELECT COUNT(*) FROM articles a " + scope.join()
                        + " WHERE a.status = 'published'" + scope.condition()))
                .mapTo(Long.class).one();
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }
}
