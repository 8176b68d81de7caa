package dateline.search;

import dateline.articles.ArticleSummary;
import java.util.List;

/**
 * One page of a search's results, best first. {@code total} counts every hit, or, when {@code newestOnly},
 * the hits ranked: more articles matched than a search ranks, and it ranked those published most recently (see
 * {@link SearchService#CANDIDATES}); {@code pages} is how many pages may be asked for, at most
 * {@link SearchService#MAX_PAGES}.
 */
public record Found(SearchTerms terms, List<Result> results, long total, int page, int pages, boolean newestOnly) {

    /** Nothing found, or nothing searched. */
    static Found none(SearchTerms terms) {
        return new Found(terms, List.of(), 0, 1, 0, false);
    }

    /** A hit with its article as lists show it. */
    public record Result(ArticleSummary summary, Highlighted headline, Highlighted excerpt) {}

    public boolean hasNext() {
        return page < pages;
    }
}
