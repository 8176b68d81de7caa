package dateline.search;

import dateline.articles.ArticleStatus;
import java.time.Instant;
import java.util.Set;

/**
 * One search as an index runs it: the terms, which articles may be found, the filters, and which
 * stretch of the ranked hits to return. Null filters mean any.
 *
 * @param statuses the statuses found articles may have: only published ones for readers
 * @param visibleTo when not null, only articles this account is an author of (for those who may not see everybody's)
 * @param publishedFrom the earliest publication moment, inclusive
 * @param publishedUntil the moment publications must be before, exclusive
 * @param candidates how many of the matching articles are ranked: those published most recently (to the minute;
 *                   those never published by their last edit), all
 *                   of them when fewer match; the stretch asked for is taken from those
 */
public record SearchQuery(
        SearchTerms terms,
        Set<ArticleStatus> statuses,
        Long visibleTo,
        Long sectionId,
        Long authorId,
        Instant publishedFrom,
        Instant publishedUntil,
        int offset,
        int limit,
        int candidates) {

    public SearchQuery {
        statuses = Set.copyOf(statuses);
        if (terms.wanted().isEmpty()) throw new IllegalArgumentException("A search needs something to look for");
        if (statuses.isEmpty()) throw new IllegalArgumentException("A search needs at least one status to find");
        if (candidates < offset + limit) throw new IllegalArgumentException("A search must rank at least the hits it returns");
    }
}
