package dateline.search;

import dateline.articles.ArticleSummary;
import java.util.List;

/**
 * One page of a search's results, best first. {@code total} counts every hit; {@code pages} is how many
 * pages may be asked for, at most {@link SearchService#MAX_PAGES}.
 */
public record Found(SearchTerms terms, List<Result> results, long total, int page, int pages) {

    /** A hit with its article as lists show it. */
    public record Result(ArticleSummary summary, Highlighted headline, Highlighted excerpt) {}

    public boolean hasNext() {
        return page < pages;
    }
}
