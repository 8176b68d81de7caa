package dateline.search;

import java.time.LocalDate;

/**
 * What a reader narrows a search to; null means any. Dates are days in the site's timezone, both
 * included.
 */
public record SearchFilters(Long sectionId, Long authorId, LocalDate from, LocalDate to) {
    public static SearchFilters none() {
        return new SearchFilters(null, null, null, null);
    }

    public boolean isEmpty() {
        return sectionId == null && authorId == null && from == null && to == null;
    }
}
