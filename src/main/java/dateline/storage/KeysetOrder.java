package dateline.storage;

/**
 * The SQL of keyset paging over a list ordered by a time, then an id, newest first: the condition that
 * starts a page just past a cursor bound as {@code :at} and {@code :id}, and the order to read the page in.
 *
 * <p>The condition compares the pair as one row value, {@code (time, id) < (:at, :id)}, which both databases
 * read as a range of an index ending in those two columns. Spelt "before, or at the same time with a smaller
 * id", with the time bound twice, SQLite used such an index only for the columns before the time and walked
 * every newer row up to the cursor, so that page 5,000 cost five thousand times page 1.
 *
 * @param time the column of the time, as the query names it ({@code a.published_at})
 * @param id   the column of the id that breaks ties ({@code a.id})
 */
public record KeysetOrder(String time, String id) {
    /** The rows just past the cursor: older ones ({@code <}) or newer ones ({@code >}). */
    public String past(boolean older) {
        return "(" + time + ", " + id + (older ? ") < (:at, :id)" : ") > (:at, :id)");
    }

    /** Newest first when reading older rows; oldest first when reading newer ones, which the caller turns round. */
    public String orderBy(boolean older) {
        return older ? " ORDER BY " + time + " DESC, " + id + " DESC" : " ORDER BY " + time + " ASC, " + id + " ASC";
    }
}
