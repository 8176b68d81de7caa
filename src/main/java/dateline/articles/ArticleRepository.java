package dateline.articles;

import dateline.storage.KeysetOrder;
import dateline.storage.Repository;
import dateline.web.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class ArticleRepository extends Repository {
    private static final String COLUMNS = "a.id, a.slug, a.path, a.headline, a.standfirst, a.body_format, "
            + "a.body_source, a.body_html, a.status, a.article_type, a.section_id, a.dateline_place, "
            + "a.published_at, a.significantly_updated_at, a.created_at, a.edited_at, a.version, a.comments_open, "
            + "a.retraction_note, a.retracted_at, a.featured_media_id, a.pinned_at";
    private static final String SUMMARY_COLUMNS = "a.id, a.path, a.headline, a.standfirst, a.article_type, "
            + "a.section_id, a.published_at, a.significantly_updated_at, a.featured_media_id, a.pinned_at";

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
            instant(rs.getObject("edited_at")),
            rs.getInt("version"),
            rs.getBoolean("comments_open"),
            rs.getString("retraction_note"),
            instant(rs.getObject("retracted_at")),
            nullableLong(rs.getObject("featured_media_id")),
            instant(rs.getObject("pinned_at")));

    private static final RowMapper<Section> SECTION = (rs, ctx) -> new Section(
            rs.getLong("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
            rs.getInt("position"));

    /** Corrections are paged by when they were made; the newsroom's list by when each article was last edited. */
    private static final KeysetOrder CORRECTIONS = new KeysetOrder("u.happened_at", "u.id");
    private static final KeysetOrder EDITED = new KeysetOrder("a.edited_at", "a.id");

    private static final RowMapper<Tag> TAG = (rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("name"),
            rs.getString("slug"));

    ArticleRepository(Jdbi jdbi) {
        super(jdbi);
    }

    // ---- articles

    long insert(Handle h, Article a) {
        return h.createUpdate("INSERT INTO articles (slug, path, headline, standfirst, body_format, body_source, "
                        + "body_html, status, article_type, section_id, dateline_place, published_at, "
                        + "significantly_updated_at, created_at, edited_at, comments_open, featured_media_id) VALUES "
                        + "(:slug, :path, :headline, :standfirst, :format, :source, :html, :status, :type, :section, "
                        + ":place, :published, :updated, :created, :edited, :comments, :featured)")
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
                .bind("comments", a.commentsOpen())
                .bind("featured", a.featuredMediaId())
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

    Optional<Article> bySlug(Handle h, String slug) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.slug = :slug")
                .bind("slug", slug).map(ARTICLE).findOne();
    }

    boolean slugTaken(Handle h, String slug, long exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    void publish(Handle h, long id, String path, Instant publishedAt, Instant now) {
        h.createUpdate("UPDATE articles SET status = 'published', path = :path, published_at = :published, "
                        + "edited_at = :now, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("path", path).bind("published", publishedAt).bind("now", now).execute();
        forgetRedirect(h, path);
        relist(h, id);
    }

    void schedule(Handle h, long id, Instant at, Instant now) {
        h.createUpdate("UPDATE articles SET status = 'scheduled', published_at = :at, edited_at = :now, "
                        + "version = version + 1 WHERE id = :id")
                .bind("id", id).bind("at", at).bind("now", now).execute();
        relist(h, id);
    }

    /** Moves an article that is not out to another unpublished status (draft, pending review). */
    void setUnpublishedStatus(Handle h, long id, ArticleStatus status, Instant now) {
        h.createUpdate("UPDATE articles SET status = :status, published_at = NULL, edited_at = :now, "
                        + "version = version + 1 WHERE id = :id AND path IS NULL")
                .bind("id", id).bind("status", status.code()).bind("now", now).execute();
        relist(h, id);
    }

    /** Scheduled articles whose moment has come. */
    List<Article> dueForPublication(Handle h, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.status = 'scheduled' "
                        + "AND a.published_at <= :now ORDER BY a.published_at, a.id")
                .bind("now", now).map(ARTICLE).list();
    }

    /**
     * Publishes a scheduled article if it is still scheduled: the claim that makes a scheduled publication
     * happen once, however many nodes try at the same moment.
     */
    boolean claimScheduled(Handle h, long id, String path, Instant now) {
        int changed = h.createUpdate("UPDATE articles SET status = 'published', path = :path, edited_at = :now, "
                        + "version = version + 1 WHERE id = :id AND status = 'scheduled' AND published_at <= :now")
                .bind("id", id).bind("path", path).bind("now", now).execute();
        if (changed == 1) {
            forgetRedirect(h, path);
            relist(h, id);
        }
        return changed == 1;
    }

    void moveTo(Handle h, long id, String slug, String newPath, Instant now) {
        h.createUpdate("UPDATE articles SET slug = :slug, path = :path, edited_at = :now WHERE id = :id")
                .bind("id", id).bind("slug", slug).bind("path", newPath).bind("now", now).execute();
        if (newPath != null) forgetRedirect(h, newPath);
    }

    void markSignificantlyUpdated(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE articles SET significantly_updated_at = :at, edited_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at).execute();
    }

    /** Stores new content if nobody saved since {@code expectedVersion}; false when somebody did. */
    boolean updateContent(Handle h, Article a, int expectedVersion) {
        return h.createUpdate("UPDATE articles SET headline = :headline, standfirst = :standfirst, body_format = :format, "
                        + "body_source = :source, body_html = :html, article_type = :type, section_id = :section, "
                        + "dateline_place = :place, comments_open = :comments, featured_media_id = :featured, "
                        + "edited_at = :edited, version = version + 1 WHERE id = :id AND version = :expected")
                .bind("id", a.id())
                .bind("headline", a.headline())
                .bind("standfirst", a.standfirst())
                .bind("format", a.bodyFormat().code())
                .bind("source", a.bodySource())
                .bind("html", a.bodyHtml())
                .bind("type", a.type().code())
                .bind("section", a.sectionId())
                .bind("place", a.datelinePlace())
                .bind("comments", a.commentsOpen())
                .bind("featured", a.featuredMediaId())
                .bind("edited", a.editedAt())
                .bind("expected", expectedVersion)
                .execute() == 1;
    }

    void retract(Handle h, long id, String note, Instant now) {
        h.createUpdate("UPDATE articles SET status = 'retracted', retraction_note = :note, retracted_at = :now, "
                        + "edited_at = :now, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("note", note).bind("now", now).execute();
        relist(h, id);
    }

    /**
     * Copies the time an article is listed at (its publication time while it is published, else null) into
     * its rows of {@code article_tags} and {@code article_authors}, whose indexes by that time the tag and
     * author lists are read through: after every change of its status or publication time, and of its tags
     * or authors. Every such change is made by a method of this class, which calls this one.
     */
    private void relist(Handle h, long articleId) {
        relist(h, articleId, "article_tags");
        relist(h, articleId, "article_authors");
    }

    private void relist(Handle h, long articleId, String table) {
        h.createUpdate("UPDATE " + table + " SET listed_at = (SELECT CASE WHEN a.status = 'published' "
                        + "THEN a.published_at END FROM articles a WHERE a.id = :id) WHERE article_id = :id")
                .bind("id", articleId).execute();
    }

    List<Long> authorIdsOf(Handle h, long articleId) {
        return h.createQuery("SELECT account_id FROM article_authors WHERE article_id = :id ORDER BY position")
                .bind("id", articleId).mapTo(Long.class).list();
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

    /** The former addresses of these articles, each article's in the order they were left. */
    Map<Long, List<String>> formerPaths(Handle h, Collection<Long> articleIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (articleIds.isEmpty()) return result;
        h.createQuery("SELECT article_id, path FROM article_redirects WHERE article_id IN (<ids>) ORDER BY article_id, path")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getString("path")))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
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
        relist(h, articleId, "article_authors");
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
        relist(h, articleId, "article_tags");
    }

    List<Tag> tags(Handle h) {
        return h.createQuery("SELECT id, name, slug FROM tags ORDER BY name, id").map(TAG).list();
    }

    List<Tag> tagsOf(Handle h, long articleId) {
        return h.createQuery("SELECT t.id, t.name, t.slug FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                        + "WHERE at.article_id = :id ORDER BY t.name")
                .bind("id", articleId).map(TAG).list();
    }

    Optional<Tag> tagBySlug(Handle h, String slug) {
        return h.createQuery("SELECT id, name, slug FROM tags WHERE slug = :slug").bind("slug", slug).map(TAG).findOne();
    }

    void addUpdate(Handle h, long articleId, ArticleUpdate update, Long fromRevision, Long toRevision, Long recordedBy) {
        h.createUpdate("INSERT INTO article_updates (article_id, kind, note, happened_at, from_revision_id, "
                        + "to_revision_id, recorded_by) VALUES (:id, :kind, :note, :at, :from, :to, :by)")
                .bind("id", articleId).bind("kind", update.kind().code()).bind("note", update.note())
                .bind("at", update.happenedAt()).bind("from", fromRevision).bind("to", toRevision)
                .bind("by", recordedBy).execute();
    }

    /** The public notes of an article with the revisions they join, oldest first. */
    List<UpdateWithRevisions> updatesWithRevisions(Handle h, long articleId) {
        return h.createQuery("SELECT kind, note, happened_at, from_revision_id, to_revision_id FROM article_updates "
                        + "WHERE article_id = :id ORDER BY happened_at, id")
                .bind("id", articleId)
                .map((rs, ctx) -> new UpdateWithRevisions(
                        new ArticleUpdate(UpdateKind.ofCode(rs.getString("kind")), rs.getString("note"),
                                Instant.ofEpochMilli(rs.getLong("happened_at"))),
                        nullableLong(rs.getObject("from_revision_id")), nullableLong(rs.getObject("to_revision_id"))))
                .list();
    }

    record UpdateWithRevisions(ArticleUpdate update, Long fromRevision, Long toRevision) {}

    /** Corrections of public articles across the site, newest first, paged by keyset. */
    List<Correction> corrections(Handle h, Cursor before, int limit) {
        return h.createQuery("SELECT u.id, u.note, u.happened_at, a.headline, a.path FROM article_updates u "
                        + "JOIN articles a ON a.id = u.article_id WHERE u.kind = 'correction' "
                        + "AND a.status IN ('published', 'retracted')"
                        + (before == null ? "" : " AND " + CORRECTIONS.past(true))
                        + CORRECTIONS.orderBy(true) + " LIMIT :limit")
                .bind("limit", limit)
                .bindMap(before == null ? Map.of() : Map.of("at", before.at().toEpochMilli(), "id", before.id()))
                .map((rs, ctx) -> new Correction(rs.getLong("id"), rs.getString("headline"), rs.getString("path"),
                        rs.getString("note"), Instant.ofEpochMilli(rs.getLong("happened_at"))))
                .list();
    }

    // ---- revisions

    long insertRevision(Handle h, String kind, Article a, List<String> tags, List<Long> authorIds, Long savedBy,
                        Instant savedAt) {
        return h.createUpdate("INSERT INTO article_revisions (article_id, kind, headline, slug, standfirst, body_format, "
                        + "body_source, article_type, section_id, dateline_place, tags, author_ids, saved_by, saved_at, "
                        + "featured_media_id) VALUES (:article, :kind, :headline, :slug, :standfirst, :format, :source, "
                        + ":type, :section, :place, :tags, :authors, :by, :at, :featured)")
                .bind("article", a.id()).bind("kind", kind).bind("headline", a.headline()).bind("slug", a.slug())
                .bind("standfirst", a.standfirst()).bind("format", a.bodyFormat().code()).bind("source", a.bodySource())
                .bind("type", a.type().code()).bind("section", a.sectionId()).bind("place", a.datelinePlace())
                .bind("tags", String.join("\n", tags))
                .bind("authors", String.join(",", authorIds.stream().map(String::valueOf).toList()))
                .bind("by", savedBy).bind("at", savedAt).bind("featured", a.featuredMediaId())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void deleteAutosaves(Handle h, long articleId, Long savedBy) {
        h.createUpdate("DELETE FROM article_revisions WHERE article_id = :id AND kind = 'autosave' AND saved_by = :by")
                .bind("id", articleId).bind("by", savedBy).execute();
    }

    private static final String REVISION_COLUMNS = "r.id, r.article_id, r.kind, r.headline, r.slug, r.standfirst, "
            + "r.body_format, r.body_source, r.article_type, r.section_id, r.dateline_place, r.tags, r.author_ids, "
            + "r.saved_by, r.saved_at, r.featured_media_id, acc.name AS saved_by_name";

    private static final RowMapper<Revision> REVISION = (rs, ctx) -> new Revision(
            rs.getLong("id"), rs.getLong("article_id"), rs.getString("kind"), rs.getString("headline"),
            rs.getString("slug"), rs.getString("standfirst"), BodyFormat.ofCode(rs.getString("body_format")),
            rs.getString("body_source"), ArticleType.ofCode(rs.getString("article_type")).orElse(ArticleType.NEWS),
            nullableLong(rs.getObject("section_id")), rs.getString("dateline_place"),
            rs.getString("tags").isEmpty() ? List.of() : List.of(rs.getString("tags").split("\n")),
            rs.getString("author_ids").isEmpty() ? List.of()
                    : java.util.Arrays.stream(rs.getString("author_ids").split(",")).map(Long::valueOf).toList(),
            nullableLong(rs.getObject("saved_by")), rs.getString("saved_by_name"),
            Instant.ofEpochMilli(rs.getLong("saved_at")), nullableLong(rs.getObject("featured_media_id")));

    /** Every revision of an article, newest first. */
    List<Revision> revisions(Handle h, long articleId) {
        return h.createQuery("SELECT " + REVISION_COLUMNS + " FROM article_revisions r "
                        + "LEFT JOIN accounts acc ON acc.id = r.saved_by WHERE r.article_id = :id ORDER BY r.id DESC")
                .bind("id", articleId).map(REVISION).list();
    }

    Optional<Revision> revision(Handle h, long revisionId) {
        return h.createQuery("SELECT " + REVISION_COLUMNS + " FROM article_revisions r "
                        + "LEFT JOIN accounts acc ON acc.id = r.saved_by WHERE r.id = :id")
                .bind("id", revisionId).map(REVISION).findOne();
    }

    /** The newest revision that is not an autosave: what the article itself holds. */
    Optional<Long> latestSavedRevisionId(Handle h, long articleId) {
        return h.createQuery("SELECT MAX(id) FROM article_revisions WHERE article_id = :id AND kind <> 'autosave'")
                .bind("id", articleId).mapTo(Long.class).findOne();
    }

    // ---- the newsroom's list

    /** Articles for the newsroom's list, most recently edited first. */
    List<ArticleSummary> forNewsroom(Handle h, NewsroomQuery query, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT DISTINCT " + SUMMARY_COLUMNS + ", a.status, a.edited_at "
                + "FROM articles a");
        if (query.authorId() != null) sql.append(" JOIN article_authors fa ON fa.article_id = a.id AND fa.account_id = :author");
        if (query.visibleTo() != null) sql.append(" JOIN article_authors va ON va.article_id = a.id AND va.account_id = :viewer");
        sql.append(" WHERE 1 = 1");
        if (query.status() != null) sql.append(" AND a.status = :status");
        if (query.sectionId() != null) sql.append(" AND a.section_id = :section");
        if (query.text() != null) sql.append(" AND LOWER(a.headline) LIKE :text ESCAPE '!'");
        if (before != null) sql.append(" AND ").append(EDITED.past(true));
        sql.append(EDITED.orderBy(true)).append(" LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("limit", limit);
        if (query.authorId() != null) q.bind("author", query.authorId());
        if (query.visibleTo() != null) q.bind("viewer", query.visibleTo());
        if (query.status() != null) q.bind("status", query.status().code());
        if (query.sectionId() != null) q.bind("section", query.sectionId());
        if (query.text() != null) q.bind("text", "%" + likeEscaped(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        if (before != null) q.bind("at", before.at()).bind("id", before.id());
        return q.map(NEWSROOM_SUMMARY).list();
    }

    /** The summaries of these articles, whatever their status, in no particular order. */
    List<ArticleSummary> summaries(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery("SELECT " + SUMMARY_COLUMNS + ", a.status, a.edited_at FROM articles a WHERE a.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(NEWSROOM_SUMMARY).list();
    }

    /** Articles by id, from just after {@code afterId}: for walking through every article in batches. */
    List<Article> after(Handle h, long afterId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM articles a WHERE a.id > :after ORDER BY a.id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(ARTICLE).list();
    }

    private static final RowMapper<ArticleSummary> NEWSROOM_SUMMARY = (rs, ctx) -> new ArticleSummary(rs.getLong("id"),
            rs.getString("path"), rs.getString("headline"), rs.getString("standfirst"),
            ArticleType.ofCode(rs.getString("article_type")).orElse(ArticleType.NEWS),
            nullableLong(rs.getObject("section_id")), instant(rs.getObject("published_at")),
            instant(rs.getObject("significantly_updated_at")), List.of(),
            ArticleStatus.ofCode(rs.getString("status")), instant(rs.getObject("edited_at")),
            nullableLong(rs.getObject("featured_media_id")), instant(rs.getObject("pinned_at")));

    /** How many articles are in each status, of one account's or of everybody's. */
    Map<ArticleStatus, Long> countByStatus(Handle h, Long visibleTo) {
        Map<ArticleStatus, Long> counts = new java.util.EnumMap<>(ArticleStatus.class);
        for (ArticleStatus s : ArticleStatus.values()) counts.put(s, 0L);
        h.createQuery("SELECT a.status, COUNT(*) AS n FROM articles a"
                        + (visibleTo == null ? "" : " JOIN article_authors va ON va.article_id = a.id AND va.account_id = :viewer")
                        + " GROUP BY a.status")
                .bindMap(visibleTo == null ? Map.of() : Map.of("viewer", visibleTo))
                .map((rs, ctx) -> Map.entry(ArticleStatus.ofCode(rs.getString("status")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
     * given direction. Asks for one more than the limit, so the caller knows whether more remain. Every page
     * costs what the first costs: the cursor is a range of {@code articles_by_status_time} (for a section,
     * {@code articles_by_section_time}; for a tag or an author, {@code article_tags_listed} or
     * {@code article_authors_listed}: see {@link ListingScope}).
     */
    List<ArticleSummary> published(Handle h, ListingScope scope, Cursor cursor, boolean older, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS).append(" FROM articles a ")
                .append(scope.join()).append(" WHERE a.status = 'published'").append(scope.condition());
        if (cursor != null) sql.append(" AND ").append(scope.order().past(older));
        sql.append(scope.order().orderBy(older)).append(" LIMIT :limit");
        Query query = scope.bindTo(h.createQuery(sql.toString()).bind("limit", limit));
        if (cursor != null) query.bind("at", cursor.at()).bind("id", cursor.id());
        List<ArticleSummary> rows = query.map(PUBLISHED_SUMMARY).list();
        if (!older) {
            rows = new ArrayList<>(rows);
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    private static final RowMapper<ArticleSummary> PUBLISHED_SUMMARY = (rs, ctx) -> new ArticleSummary(
            rs.getLong("id"),
            rs.getString("path"),
            rs.getString("headline"),
            rs.getString("standfirst"),
            ArticleType.ofCode(rs.getString("article_type")).orElse(ArticleType.NEWS),
            nullableLong(rs.getObject("section_id")),
            instant(rs.getObject("published_at")),
            instant(rs.getObject("significantly_updated_at")),
            List.of(), ArticleStatus.PUBLISHED, null, nullableLong(rs.getObject("featured_media_id")),
            instant(rs.getObject("pinned_at")));

    /**
     * The published articles pinned to the front page, the newest pin first, at most {@code limit}. The pins
     * are read from their own small index ({@code articles_pinned}, V14) and only then each article by its id:
     * asked for both conditions on one table, SQLite preferred the index by status and sorted every published
     * article of the archive to find the pinned few, on each front page. It keeps the tables of a
     * {@code CROSS JOIN} in the order written; PostgreSQL plans it as any join.
     */
    List<ArticleSummary> pinned(Handle h, int limit) {
        return h.createQuery("SELECT " + SUMMARY_COLUMNS + " FROM articles p CROSS JOIN articles a "
                        + "WHERE p.pinned_at IS NOT NULL AND a.id = p.id AND a.status = 'published' "
                        + "ORDER BY p.pinned_at DESC, p.id DESC LIMIT :limit")
                .bind("limit", limit).map(PUBLISHED_SUMMARY).list();
    }

    void pin(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE articles SET pinned_at = :at WHERE id = :id").bind("id", id).bind("at", at).execute();
    }

    void unpin(Handle h, long id) {
        h.createUpdate("UPDATE articles SET pinned_at = NULL WHERE id = :id").bind("id", id).execute();
    }

    // ---- public addresses for sitemaps, paged by id range

    /** When an article last changed in substance, in SQL: {@link ArticleDates#modifiedAt}. */
    private static final String MODIFIED_AT = "CASE WHEN a.significantly_updated_at > a.published_at "
            + "THEN a.significantly_updated_at ELSE a.published_at END";

    /**
     * The rows of one kind of public page: its id, the slug or path its address is made of, and the latest
     * substantive change among its published articles. Only pages with a published article are listed.
     */
    private static String addresses(PublicAddress.Kind kind) {
        return switch (kind) {
            case ARTICLES -> "SELECT a.id AS id, a.path AS slug, " + MODIFIED_AT + " AS modified_at FROM articles a "
                    + "WHERE a.status = 'published' AND a.path IS NOT NULL AND a.id BETWEEN :from AND :to";
            case SECTIONS -> "SELECT s.id AS id, s.slug AS slug, MAX(" + MODIFIED_AT + ") AS modified_at "
                    + "FROM sections s JOIN articles a ON a.section_id = s.id WHERE a.status = 'published' "
                    + "AND s.id BETWEEN :from AND :to GROUP BY s.id, s.slug";
            case TAGS -> "SELECT t.id AS id, t.slug AS slug, MAX(" + MODIFIED_AT + ") AS modified_at FROM tags t "
                    + "JOIN article_tags at ON at.tag_id = t.id JOIN articles a ON a.id = at.article_id "
                    + "WHERE a.status = 'published' AND t.id BETWEEN :from AND :to GROUP BY t.id, t.slug";
            case AUTHORS -> "SELECT acc.id AS id, acc.slug AS slug, MAX(" + MODIFIED_AT + ") AS modified_at "
                    + "FROM accounts acc JOIN article_authors aa ON aa.account_id = acc.id "
                    + "JOIN articles a ON a.id = aa.article_id WHERE a.status = 'published' "
                    + "AND acc.id BETWEEN :from AND :to GROUP BY acc.id, acc.slug";
        };
    }

    /**
     * The id ranges of {@code perRange} ids that hold at least one public page of the kind, by number from
     * 1 (range {@code n} holds ids {@code (n-1)·perRange+1 … n·perRange}), each with its latest change.
     */
    Map<Integer, Instant> addressRanges(Handle h, PublicAddress.Kind kind, int perRange) {
        Map<Integer, Instant> ranges = new LinkedHashMap<>();
        h.createQuery("SELECT (x.id - 1) / :per + 1 AS range_number, MAX(x.modified_at) AS modified_at FROM ("
                        + addresses(kind) + ") x GROUP BY range_number ORDER BY range_number")
                .bind("per", perRange).bind("from", 1L).bind("to", Long.MAX_VALUE)
                .map((rs, ctx) -> Map.entry(rs.getInt("range_number"), instant(rs.getObject("modified_at"))))
                .forEach(e -> ranges.put(e.getKey(), e.getValue()));
        return ranges;
    }

    /** Hands each public page of the kind with an id in {@code from … to} to {@code each}, by id, one row at a time. */
    void eachAddress(Handle h, PublicAddress.Kind kind, long from, long to, java.util.function.Consumer<PublicAddress> each) {
        h.createQuery(addresses(kind) + " ORDER BY id")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new PublicAddress(rs.getLong("id"), pathOf(kind, rs.getString("slug")),
                        instant(rs.getObject("modified_at"))))
                .forEach(each);
    }

    private static String pathOf(PublicAddress.Kind kind, String slugOrPath) {
        return switch (kind) {
            case ARTICLES -> slugOrPath;
            case SECTIONS -> Section.pathOf(slugOrPath);
            case TAGS -> Tag.pathOf(slugOrPath);
            case AUTHORS -> Byline.pathOf(slugOrPath);
        };
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
