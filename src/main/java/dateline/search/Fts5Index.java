package dateline.search;

import dateline.articles.ArticleStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The index in SQLite's FTS5 ({@code V8__search.sql}): the words in {@code search_text}, whose rowid is
 * the article's id, and what searches filter by in {@code search_entries} and {@code search_authors}.
 * Every term of a search reaches FTS5 as a quoted string, so nothing a person types is read as FTS5's own
 * syntax; exclusions become {@code NOT}.
 */
public final class Fts5Index implements SearchIndex {
    /** bm25 weights in the column order of {@code search_text}: headline, standfirst, tags, authors, body. */
    static final String RANK = "bm25(search_text, 10.0, 3.0, 5.0, 5.0, 1.0)";
    private static final int EXCERPT_TOKENS = 36;
    private static final String START = String.valueOf(Highlighted.START);
    private static final String END = String.valueOf(Highlighted.END);

    @Override
    public void put(Handle h, IndexEntry e) {
        remove(h, e.articleId());
        h.createUpdate("INSERT INTO search_entries (article_id, status, section_id, published_at, edited_at) "
                        + "VALUES (:id, :status, :section, :published, :edited)")
                .bind("id", e.articleId()).bind("status", e.status().code()).bind("section", e.sectionId())
                .bind("published", e.publishedAt()).bind("edited", e.editedAt()).execute();
        var authors = h.prepareBatch("INSERT OR IGNORE INTO search_authors (article_id, account_id) VALUES (:id, :account)");
        e.authorIds().forEach(a -> authors.bind("id", e.articleId()).bind("account", a).add());
        if (!e.authorIds().isEmpty()) authors.execute();
        h.createUpdate("INSERT INTO search_text (rowid, headline, standfirst, tags, authors, body) "
                        + "VALUES (:id, :headline, :standfirst, :tags, :authors, :body)")
                .bind("id", e.articleId())
                .bind("headline", Highlighted.clean(e.headline()))
                .bind("standfirst", Highlighted.clean(e.standfirst()))
                .bind("tags", Highlighted.clean(e.tags()))
                .bind("authors", Highlighted.clean(e.authors()))
                .bind("body", Highlighted.clean(e.body()))
                .execute();
    }

    @Override
    public void remove(Handle h, long articleId) {
        h.createUpdate("DELETE FROM search_text WHERE rowid = :id").bind("id", articleId).execute();
        h.createUpdate("DELETE FROM search_authors WHERE article_id = :id").bind("id", articleId).execute();
        h.createUpdate("DELETE FROM search_entries WHERE article_id = :id").bind("id", articleId).execute();
    }

    @Override
    public Hits find(Handle h, SearchQuery query) {
        String where = where(query);
        long total = bind(h.createQuery("SELECT COUNT(*) FROM search_text JOIN search_entries e "
                + "ON e.article_id = search_text.rowid WHERE " + where), query).mapTo(Long.class).one();
        if (total == 0 || query.offset() >= total) return new Hits(List.of(), total);
        List<Hit> hits = bind(h.createQuery("SELECT search_text.rowid AS id, "
                        + "highlight(search_text, 0, :start, :end) AS headline, "
                        + "highlight(search_text, 1, :start, :end) AS standfirst, "
                        + "snippet(search_text, 4, :start, :end, '…', " + EXCERPT_TOKENS + ") AS excerpt "
                        + "FROM search_text JOIN search_entries e ON e.article_id = search_text.rowid WHERE " + where
                        + " ORDER BY " + RANK + ", e.published_at DESC, e.article_id DESC LIMIT :limit OFFSET :offset"), query)
                .bind("start", START).bind("end", END)
                .bind("limit", query.limit()).bind("offset", query.offset())
                .map((rs, ctx) -> new Hit(rs.getLong("id"), Highlighted.fromMarked(rs.getString("headline")),
                        excerpt(rs.getString("excerpt"), rs.getString("standfirst"))))
                .list();
        return new Hits(hits, total);
    }

    @Override
    public List<Long> articleIds(Handle h, long afterId, int limit) {
        return h.createQuery("SELECT article_id FROM search_entries WHERE article_id > :after ORDER BY article_id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list();
    }

    @Override
    public List<Long> authorsOfPublished(Handle h) {
        return h.createQuery("SELECT DISTINCT a.account_id FROM search_authors a JOIN search_entries e "
                        + "ON e.article_id = a.article_id WHERE e.status = 'published' ORDER BY a.account_id")
                .mapTo(Long.class).list();
    }

    @Override
    public void compact(Handle h) {
        h.createUpdate("INSERT INTO search_text (search_text) VALUES ('optimize')").execute();
    }

    /**
     * The terms as an FTS5 query: each term one quoted string (a phrase when it has several words), all of
     * them required, then {@code NOT} whichever must be absent.
     */
    static String matchOf(SearchTerms terms) {
        String wanted = terms.wanted().stream().map(Fts5Index::quoted).collect(Collectors.joining(" "));
        if (terms.unwanted().isEmpty()) return wanted;
        return "(" + wanted + ") NOT (" + terms.unwanted().stream().map(Fts5Index::quoted)
                .collect(Collectors.joining(" OR ")) + ")";
    }

    private static String quoted(Term term) {
        return "\"" + String.join(" ", term.words()).replace("\"", "\"\"") + "\"";
    }

    /** The body's excerpt where the terms occur in it; else the standfirst when they occur there; else the body's opening. */
    private static Highlighted excerpt(String body, String standfirst) {
        if (body != null && body.contains(START)) return Highlighted.fromMarked(body);
        if (standfirst != null && standfirst.contains(START)) return Highlighted.fromMarked(standfirst);
        return Highlighted.fromMarked(body == null ? "" : body);
    }

    private static String where(SearchQuery q) {
        List<String> conditions = new ArrayList<>();
        conditions.add("search_text MATCH :match");
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
        return String.join(" AND ", conditions);
    }

    private static Query bind(Query query, SearchQuery q) {
        query.bind("match", matchOf(q.terms()))
                .bindList("statuses", q.statuses().stream().map(ArticleStatus::code).sorted().toList());
        if (q.sectionId() != null) query.bind("section", q.sectionId());
        if (q.authorId() != null) query.bind("author", q.authorId());
        if (q.visibleTo() != null) query.bind("viewer", q.visibleTo());
        if (q.publishedFrom() != null) query.bind("from", q.publishedFrom());
        if (q.publishedUntil() != null) query.bind("until", q.publishedUntil());
        return query;
    }
}
