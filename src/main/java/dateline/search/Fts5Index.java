package dateline.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The index in SQLite's FTS5 ({@code V8__search.sql}, keyed anew by {@code V17}): the words in
 * {@code search_text}, whose rowid is the article's {@link #KEY}, and what searches filter by in
 * {@code search_entries} and {@code search_authors}.
 * Every term of a search reaches FTS5 as a quoted string, so nothing a person types is read as FTS5's own
 * syntax; exclusions become {@code NOT}.
 */
public final class Fts5Index implements SearchIndex {
    /** bm25 weights in the column order of {@code search_text}: headline, standfirst, tags, authors, body. */
    static final String RANK = "bm25(search_text, 10.0, 3.0, 5.0, 5.0, 1.0)";
    private static final int EXCERPT_TOKENS = 36;
    private static final String START = String.valueOf(Highlighted.START);
    private static final String END = String.valueOf(Highlighted.END);

    /**
     * The rowid of an article's words, in SQL over its entry {@code e}: the minute it was published (last
     * edited, for one never published) above its id in the low 32 bits. FTS5 gives its matches in the order
     * of their rowids, so it gives them newest first, and a search stops after its candidates however many
     * older articles match; keyed by the article's id, the candidates were the most recently written, not the
     * newest stories of an archive imported out of date order. The id keeps every key unique (and is the key's
     * low bits again, {@link #ARTICLE}; ids stay below 2^32). The minute is held within 32 bits, so that a date
     * thousands of years away sorts first or last instead of overflowing the key. An article's words are written
     * again, under its new key, with every change to it.
     */
    static final String KEY = "MIN(MAX(COALESCE(e.published_at, e.edited_at) / 60000, -2147483648), 2147483647) "
            + "* 4294967296 + e.article_id";
    /** The key of the article {@code :id}, from its entry. */
    private static final String KEY_OF = "(SELECT " + KEY + " FROM search_entries e WHERE e.article_id = :id)";
    /** The article whose words a row of {@code search_text} holds: its key's low 32 bits. */
    private static final String ARTICLE = "(search_text.rowid & 4294967295)";

    @Override
    public void put(Handle h, IndexEntry e) {
        SearchEntries.putText(h, e, "rowid", KEY_OF);
    }

    @Override
    public void remove(Handle h, long articleId) {
        SearchEntries.removeText(h, articleId, "rowid", KEY_OF);
    }

    /**
     * Counts the hits (up to one more than the candidates), then ranks the {@link SearchQuery#candidates()}
     * published most recently (all when fewer match; FTS5 walks its list of matches from the highest
     * {@link #KEY} down and stops there), and only then marks the matches in the page of hits: highlighting
     * and cutting an excerpt read an article's whole text, and SQLite makes every column of every row it
     * sorts, so asking for them beside the rank made them for every match of a common word.
     */
    @Override
    public Hits find(Handle h, SearchQuery query) {
        String where = where(query);
        long total = bind(h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM search_text JOIN search_entries e "
                + "ON e.article_id = " + ARTICLE + " WHERE " + where + " LIMIT :counted) hit"), query)
                .bind("counted", query.candidates() + 1).mapTo(Long.class).one();
        if (total == 0 || query.offset() >= total) return new Hits(List.of(), total);
        String candidates = "SELECT e.article_id AS id, search_text.rowid AS text_key, " + RANK + " AS rank, "
                + "e.published_at AS published_at FROM search_text JOIN search_entries e ON e.article_id = "
                + ARTICLE + " WHERE " + where + " ORDER BY search_text.rowid DESC LIMIT :candidates";
        String page = "SELECT id, text_key, rank, published_at FROM (" + candidates + ") "
                + "ORDER BY rank, published_at DESC, id DESC LIMIT :limit OFFSET :offset";
        // CROSS JOIN keeps SQLite to this order: the page's few hits first, then each one's text by its key
        List<Hit> hits = bind(h.createQuery("SELECT hit.id AS id, "
                        + "highlight(search_text, 0, :start, :end) AS headline, "
                        + "highlight(search_text, 1, :start, :end) AS standfirst, "
                        + "snippet(search_text, 4, :start, :end, '…', " + EXCERPT_TOKENS + ") AS excerpt "
                        + "FROM (" + page + ") hit CROSS JOIN search_text "
                        + "WHERE search_text MATCH :match AND search_text.rowid = hit.text_key "
                        + "ORDER BY hit.rank, hit.published_at DESC, hit.id DESC"), query)
                .bind("start", START).bind("end", END).bind("candidates", query.candidates())
                .bind("limit", query.limit()).bind("offset", query.offset())
                .map((rs, ctx) -> new Hit(rs.getLong("id"), Highlighted.fromMarked(rs.getString("headline")),
                        Highlighted.excerpt(rs.getString("excerpt"), rs.getString("standfirst"))))
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

    private static String where(SearchQuery q) {
        List<String> conditions = new ArrayList<>();
        conditions.add("search_text MATCH :match");
        conditions.addAll(SearchEntries.conditions(q));
        return String.join(" AND ", conditions);
    }

    private static Query bind(Query query, SearchQuery q) {
        return SearchEntries.bind(query.bind("match", matchOf(q.terms())), q);
    }
}
