package dateline.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The index in PostgreSQL's text search ({@code postgresql/V8__search.sql}): the words in {@code search_text},
 * whose generated {@code tsvector} weighs the headline, then tags and authors, then the standfirst, then the
 * body; what searches filter by in {@code search_entries} and {@code search_authors}, as on SQLite.
 *
 * <p>A search reaches {@code websearch_to_tsquery} rebuilt from its {@link SearchTerms}: every term quoted,
 * exclusions after a minus, so nothing a person types is read as an operator. Hits are ranked by
 * {@code ts_rank_cd} with the weights in the ratio of SQLite's bm25 weights, and {@code ts_headline} marks
 * the matches with {@link Highlighted#START} and {@link Highlighted#END}, which the stored text never holds
 * (see {@link Highlighted#clean}); the template escapes the text around them.
 */
public final class PostgresIndex implements SearchIndex {
    /** Weights of D (body), C (standfirst), B (tags, authors) and A (headline): SQLite's 1, 3, 5 and 10. */
    static final String WEIGHTS = "'{0.1, 0.3, 0.5, 1.0}'";
    /** The words as stored: English stemming over text whose accents {@code search_fold} took away. */
    private static final String MATCH = "websearch_to_tsquery('english', search_fold(:match))";
    /**
     * The words to mark in the stored text, which keeps its accents: the folded words, and the words as
     * typed, so that a search for "café" marks "Café" (one for "cafe" finds it but cannot mark it).
     */
    private static final String MARK = "(" + MATCH + " || websearch_to_tsquery('english', :match))";
    private static final String WHOLE = "StartSel=" + Highlighted.START + ", StopSel=" + Highlighted.END
            + ", HighlightAll=true";
    private static final String EXCERPT = "StartSel=" + Highlighted.START + ", StopSel=" + Highlighted.END
            + ", MaxWords=36, MinWords=18, ShortWord=3";
    private static final String ELLIPSIS = "…";
    /** The minute an entry was published (last edited, if never), as {@code search_entries_by_time} holds it. */
    private static final String NEWEST = "(COALESCE(e.published_at, e.edited_at) / 60000)";

    @Override
    public void put(Handle h, IndexEntry e) {
        SearchEntries.putText(h, e, "article_id", ":id");
    }

    @Override
    public void remove(Handle h, long articleId) {
        SearchEntries.removeText(h, articleId, "article_id", ":id");
    }

    /**
     * Counts the hits (up to one more than the candidates), then ranks the {@link SearchQuery#candidates()}
     * published most recently (last edited, for those never published; all when fewer match): {@code ts_rank_cd}
     * reads each article's whole {@code tsvector}, which for a common word over a large archive was most of a
     * search's time. The candidates are those of {@code search_entries_by_time} (V17), to the minute as on SQLite
     * ({@link Fts5Index#KEY}). The highlights are made for the page of hits alone.
     */
    @Override
    public Hits find(Handle h, SearchQuery query) {
        String where = where(query);
        long total = bind(h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM search_text t JOIN search_entries e "
                + "ON e.article_id = t.article_id WHERE " + where + " LIMIT :counted) hit"), query)
                .bind("counted", query.candidates() + 1).mapTo(Long.class).one();
        if (total == 0 || query.offset() >= total) return new Hits(List.of(), total);
        String candidates = "SELECT t.article_id, e.published_at FROM search_text t JOIN search_entries e "
                + "ON e.article_id = t.article_id WHERE " + where + " ORDER BY " + NEWEST + " DESC, e.article_id DESC LIMIT :candidates";
        String page = "SELECT c.article_id, ts_rank_cd(" + WEIGHTS + ", t.words, " + MATCH + ") AS rank, c.published_at "
                + "FROM (" + candidates + ") c JOIN search_text t ON t.article_id = c.article_id "
                + "ORDER BY rank DESC, c.published_at DESC NULLS LAST, c.article_id DESC LIMIT :limit OFFSET :offset";
        // the page of hits first, then the highlights of those alone: ts_headline reads the whole text
        List<Hit> hits = bind(h.createQuery("SELECT t.article_id AS id, t.body, "
                        + "ts_headline('english', t.headline, " + MARK + ", :whole) AS headline, "
                        + "ts_headline('english', t.standfirst, " + MARK + ", :whole) AS standfirst, "
                        + "ts_headline('english', t.body, " + MARK + ", :excerpt) AS excerpt "
                        + "FROM (" + page + ") hit JOIN search_text t ON t.article_id = hit.article_id "
                        + "ORDER BY hit.rank DESC, hit.published_at DESC NULLS LAST, hit.article_id DESC"), query)
                .bind("whole", WHOLE).bind("excerpt", EXCERPT).bind("candidates", query.candidates())
                .bind("limit", query.limit()).bind("offset", query.offset())
                .map((rs, ctx) -> new Hit(rs.getLong("id"), Highlighted.fromMarked(rs.getString("headline")),
                        Highlighted.excerpt(cut(rs.getString("excerpt"), rs.getString("body")), rs.getString("standfirst"))))
                .list();
        return new Hits(hits, total);
    }

    @Override
    public List<Long> articleIds(Handle h, long afterId, int limit) {
        return SearchEntries.articleIds(h, afterId, limit);
    }

    @Override
    public List<Long> authorsOfPublished(Handle h) {
        return SearchEntries.authorsOfPublished(h);
    }

    /** Refreshes the planner's figures for the index's tables; PostgreSQL tidies the GIN index itself. */
    @Override
    public void compact(Handle h) {
        h.execute("ANALYZE search_entries, search_authors, search_text");
    }

    /**
     * The terms in {@code websearch_to_tsquery}'s language: each one quoted (so that {@code or} is a word,
     * not an operator), exclusions after a minus. Words hold only letters, digits and marks (see
     * {@link SearchTerms}), so no quote can end early.
     */
    static String matchOf(SearchTerms terms) {
        return Stream.concat(terms.wanted().stream().map(PostgresIndex::quoted),
                        terms.unwanted().stream().map(t -> "-" + quoted(t)))
                .collect(Collectors.joining(" "));
    }

    private static String quoted(Term term) {
        return "\"" + String.join(" ", term.words()).replace("\"", "") + "\"";
    }

    /** The excerpt with an ellipsis where it cuts the body, as SQLite's snippet gives it. */
    private static String cut(String excerpt, String body) {
        String plain = Highlighted.clean(excerpt);
        return (body.startsWith(plain) ? "" : ELLIPSIS) + excerpt + (body.endsWith(plain) ? "" : ELLIPSIS);
    }

    private static String where(SearchQuery q) {
        List<String> conditions = new ArrayList<>();
        conditions.add("t.words @@ " + MATCH);
        conditions.addAll(SearchEntries.conditions(q));
        return String.join(" AND ", conditions);
    }

    private static Query bind(Query query, SearchQuery q) {
        return SearchEntries.bind(query.bind("match", matchOf(q.terms())), q);
    }
}
