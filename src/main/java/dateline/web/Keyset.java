package dateline.web;

import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging of a newest-first list: turns "the rows just past this cursor, this way" into the page a
 * reader asked for, with the cursors to the pages on either side. Every list of the site pages this way,
 * so that the thousandth page costs what the first costs.
 */
public final class Keyset {
    /** The rows just past {@code cursor} (all rows when null): older ones newest first, newer ones oldest first reversed. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> past(Cursor cursor, boolean older, int limit);
    }

    private Keyset() {}

    public static <T> Paged<T> page(PageRequest page, Rows<T> rows, Function<T, Cursor> cursorOf) {
        int size = page.size();
        if (page.after() != null) {
            List<T> found = rows.past(page.after(), false, size + 1);
            boolean moreNewer = found.size() > size;
            if (moreNewer) found = found.subList(1, found.size());
            Cursor newer = moreNewer ? cursorOf.apply(found.get(0)) : null;
            Cursor older = found.isEmpty() ? null : cursorOf.apply(found.get(found.size() - 1));
            return new Paged<>(found, older, newer, false);
        }
        List<T> found = rows.past(page.before(), true, size + 1);
        boolean moreOlder = found.size() > size;
        if (moreOlder) found = found.subList(0, size);
        Cursor older = moreOlder ? cursorOf.apply(found.get(found.size() - 1)) : null;
        Cursor newer = null;
        boolean newerIsFirstPage = false;
        if (page.before() != null && !found.isEmpty()) {
            Cursor first = cursorOf.apply(found.get(0));
            int newerCount = rows.past(first, false, size + 1).size();
            newerIsFirstPage = newerCount > 0 && newerCount <= size;
            if (newerCount > size) newer = first;
        }
        return new Paged<>(found, older, newer, newerIsFirstPage);
    }

    /** The same page with every row turned into something else, such as rows with their details filled in. */
    public static <T, R> Paged<R> map(Paged<T> page, Function<List<T>, List<R>> mapping) {
        return new Paged<>(mapping.apply(page.items()), page.older(), page.newer(), page.newerIsFirstPage());
    }
}
