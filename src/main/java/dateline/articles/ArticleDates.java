package dateline.articles;

import java.time.Instant;

/**
 * The rules for the dates readers see. "Last Updated" appears only after a significant update that came
 * after publication; a minor edit never moves it. The visible dates, the {@code <time>} elements, the
 * structured data and the {@code Last-Modified} header all come from here, so they cannot disagree.
 */
public final class ArticleDates {
    private ArticleDates() {}

    /** The moment to show as "Last Updated on …", or null when the article has not been significantly updated. */
    public static Instant lastUpdatedToShow(Instant publishedAt, Instant significantlyUpdatedAt) {
        if (publishedAt == null || significantlyUpdatedAt == null) return null;
        return significantlyUpdatedAt.isAfter(publishedAt) ? significantlyUpdatedAt : null;
    }

    /** {@code dateModified}: the last significant update, or the publication when there was none. */
    public static Instant modifiedAt(Instant publishedAt, Instant significantlyUpdatedAt) {
        Instant updated = lastUpdatedToShow(publishedAt, significantlyUpdatedAt);
        return updated != null ? updated : publishedAt;
    }
}
