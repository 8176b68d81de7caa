package dateline.search;

import dateline.articles.ArticleStatus;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The part of the index that is the same SQL on every database: {@code search_entries}, what searches filter
 * by (aliased {@code e} in a search), and {@code search_authors}. Each {@link SearchIndex} keeps its words its
 * own way beside them.
 */
final class SearchEntries {
    private SearchEntries() {}

    static void put(Handle h, IndexEntry e) {
        h.createUpdate("INSERT INTO search_entries (article_id, status, section_id, published_at, edited_at) "
                        + "VALUES (:id, :status, :section, :published, :edited)")
                .bind("id", e.articleId()).bind("status", e.status().code()).bind("section", e.sectionId())
                .bind("published", e.publishedAt()).bind("edited", e.editedAt()).execute();
        var authors = h.prepareBatch("INSERT INTO search_authors (article_id, account_id) VALUES (:id, :account) "
                + "ON CONFLICT DO NOTHING");
        e.authorIds().forEach(a -> authors.bind("id", e.articleId()).bind("account", a).add());
        if (!e.authorIds().isEmpty()) authors.execute();
    }

    static void remove(Handle h, long articleId) {
        h.createUpdate("DELETE FROM search_authors WHERE article_id = :id").bind("id", articleId).execute();
        h.createUpdate("DELETE FROM search_entries WHERE article_id = :id").bind("id", articleId).execute();
    }

    static List<Long> articleIds(Handle h, long afterId, int limit) {
        return h.createQuery("SELECT article_id FROM search_entries WHERE article_id > :after ORDER BY article_id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list();
    }

    /**
     * Every search page asks (for its author filter), so it costs a few index steps per person rather than a
     * read of every published article: the credited accounts are walked one to the next through
     * {@code search_authors_by_account}, and each is kept when one of their articles is published (their
     * articles first, then each one's entry: a {@code CROSS JOIN} keeps SQLite to that order).
     */
    static List<Long> authorsOfPublished(Handle h) {
        return h.createQuery("WITH RECURSIVE credited (id) AS ("
                        + "SELECT MIN(account_id) FROM search_authors "
                        + "UNION ALL SELECT (SELECT MIN(s.account_id) FROM search_authors s WHERE s.account_id > credited.id) "
                        + "FROM credited WHERE credited.id IS NOT NULL) "
                        + "SELECT c.id FROM credited c WHERE c.id IS NOT NULL AND EXISTS (SELECT 1 FROM search_authors a "
                        + "CROSS JOIN search_entries e WHERE a.account_id = c.id AND e.article_id = a.article_id "
                        + "AND e.status = 'published') ORDER BY c.id")
                .mapTo(Long.class).list();
    }

    /** The conditions on {@code e} that narrow a search, besides its words; bound by {@link #bind}. */
    static List<String> conditions(SearchQuery q) {
        List<String> conditions = new ArrayList<>();
        conditions.add("e.status IN (<statuses>)");
        if (q.sectionId() != null) conditions.add("e.section_id = :section");
        if (q.authorId() != null) {
            conditions.add("EXISTS (SELECT 1 FROM search_authors fa WHERE fa.article_id = e.article_id AND fa.account_id = :author)");
        }
        if (q.visibleTo() != null) {
            conditions.add("EXISTS (SELECT 1 FROM search_authors va WHERE va.article_id = e.article_id AND va.account_id = :viewer)");
        }
        if (q.publishedFrom() != null) conditions.add("e.published_at >= :from");
        if (q.publishedUntil() != null) conditions.add("e.published_at < :until");
        return conditions;
    }

    static Query bind(Query query, SearchQuery q) {
        query.bindList("statuses", q.statuses().stream().map(ArticleStatus::code).sorted().toList());
        if (q.sectionId() != null) query.bind("section", q.sectionId());
        if (q.authorId() != null) query.bind("author", q.authorId());
        if (q.visibleTo() != null) query.bind("viewer", q.visibleTo());
        if (q.publishedFrom() != null) query.bind("from", q.publishedFrom());
        if (q.publishedUntil() != null) query.bind("until", q.publishedUntil());
        return query;
    }

    /**
     * Writes an article's words into {@code search_text}, replacing what it had, besides its filters;
     * {@code key} is the column that keys the words there (FTS5's {@code rowid}, or {@code article_id}), and
     * {@code keyOf} the SQL of its value for the article {@code :id} once its filters are written.
     */
    static void putText(Handle h, IndexEntry e, String key, String keyOf) {
        removeText(h, e.articleId(), key, keyOf);
        put(h, e);
        h.createUpdate("INSERT INTO search_text (" + key + ", headline, standfirst, tags, authors, body) "
                        + "VALUES (" + keyOf + ", :headline, :standfirst, :tags, :authors, :body)")
                .bind("id", e.articleId())
                .bind("headline", Highlighted.clean(e.headline()))
                .bind("standfirst", Highlighted.clean(e.standfirst()))
                .bind("tags", Highlighted.clean(e.tags()))
                .bind("authors", Highlighted.clean(e.authors()))
                .bind("body", Highlighted.clean(e.body()))
                .execute();
    }

    /** Forgets an article's words, found by their key as {@link #putText} wrote it, and its filters. */
    static void removeText(Handle h, long articleId, String key, String keyOf) {
        h.createUpdate("DELETE FROM search_text WHERE " + key + " = " + keyOf).bind("id", articleId).execute();
        remove(h, articleId);
    }
}
