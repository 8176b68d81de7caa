package dateline.search;

import dateline.storage.Dialect;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The full-text index of articles, one implementation per database: SQLite's FTS5 ({@link Fts5Index}),
 * PostgreSQL's {@code tsvector} with {@code websearch_to_tsquery} and {@code ts_headline} ({@link PostgresIndex}).
 * Every method works on the handle it is given, so that writing an entry commits or rolls back with the
 * change to its article.
 */
public interface SearchIndex {

    /** The index for a site's database. */
    static SearchIndex of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new Fts5Index();
            case POSTGRESQL -> new PostgresIndex();
        };
    }

    /** Writes the entry of an article, replacing the one it had. */
    void put(Handle h, IndexEntry entry);

    /** Forgets an article. */
    void remove(Handle h, long articleId);

    /**
     * The hits of a search, best first among the {@link SearchQuery#candidates()} published most recently: headline
     * matches weigh most, then tags, authors and standfirst, then the body. Each hit carries its headline and an
     * excerpt of its body, highlighted. The total counts the hits up to one more than the candidates, so
     * that a common word costs no more to count than to rank.
     */
    Hits find(Handle h, SearchQuery query);

    /** The ids of every article the index holds, in order, from just after {@code afterId}; at most {@code limit}. */
    List<Long> articleIds(Handle h, long afterId, int limit);

    /** The accounts credited on published articles: whom readers may narrow a search to. */
    List<Long> authorsOfPublished(Handle h);

    /** Tidies the index after many writes, such as a rebuild; searches work the same without it. */
    void compact(Handle h);

    /** One search's hits and how many there are in all, counted up to one more than its candidates. */
    record Hits(List<Hit> hits, long total) {}

    record Hit(long articleId, Highlighted headline, Highlighted excerpt) {}
}
