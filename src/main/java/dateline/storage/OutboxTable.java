package dateline.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The SQL every durable outbox shares. An outbox is a table with, besides what it carries, the columns
 * {@code attempts}, {@code next_attempt_at}, {@code claimed_until}, {@code claimed_by}, {@code failed_at},
 * {@code last_error}, a column for the moment an item was handed over (named by the outbox: sent,
 * delivered), and optionally one for the code the receiver last answered with. An item is
 * <em>unfinished</em> while it is neither handed over nor given up, and <em>due</em> when it is unfinished,
 * its next attempt has come and no deliverer holds a claim on it.
 */
public final class OutboxTable {
    private final String table;
    private final String doneColumn;
    private final String codeColumn;
    private final String unfinished;
    private final String due;

    /**
     * @param doneColumn the column of the moment an item was handed over, such as {@code sent_at}
     * @param codeColumn the column of the receiver's last answer code, or null when the outbox keeps none
     */
    public OutboxTable(String table, String doneColumn, String codeColumn) {
        this.table = table;
        this.doneColumn = doneColumn;
        this.codeColumn = codeColumn;
        this.unfinished = doneColumn + " IS NULL AND failed_at IS NULL";
        this.due = unfinished + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)";
    }

    /** The condition of an unfinished item, for a feature's own queries of its outbox. */
    public String unfinished() {
        return unfinished;
    }

    /** How many items are unfinished: waiting for their next attempt, or being handed over now. */
    public long countUnfinished(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + unfinished).mapTo(Long.class).one();
    }

    /**
     * Gives up a deliverer's claim on an unfinished item, so that any deliverer may take it at once instead of when
     * the claim would have run out.
     */
    public void releaseClaim(Handle h, long id, String node) {
        h.createUpdate("UPDATE " + table + " SET claimed_until = NULL WHERE id = :id AND claimed_by = :node AND " + unfinished)
                .bind("id", id)
                .bind("node", node)
                .execute();
    }

    /** The oldest items due now, by id; another deliverer may claim any of them first. */
    public List<Long> due(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT id FROM " + table + " WHERE " + due + " ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
    }

    /**
     * Claims a due item for one deliverer until the given moment. Only one of any number of deliverers
     * racing for it succeeds, because the condition is checked by the database in the same statement.
     */
    public boolean claim(Handle h, long id, String node, Instant now, Instant until) {
        return h.createUpdate("UPDATE " + table + " SET claimed_until = :until, claimed_by = :node WHERE id = :id AND " + due)
                .bind("until", until)
                .bind("node", node)
                .bind("id", id)
                .bind("now", now)
                .execute() == 1;
    }

    /** Records that the item was handed over, after the given number of attempts in all. */
    public void markDone(Handle h, long id, int attempts, Integer code, Instant now) {
        withCode(code, h.createUpdate("UPDATE " + table + " SET " + doneColumn + " = :now, attempts = :attempts, claimed_until = NULL"
                        + codeAssignment() + " WHERE id = :id"))
                .bind("now", now)
                .bind("attempts", attempts)
                .bind("id", id)
                .execute();
    }

    /** Records a failed attempt of an unfinished item, and when to try again. */
    public void retryLater(Handle h, long id, int attempts, Integer code, String error, Instant next) {
        withCode(code, h.createUpdate("UPDATE " + table + " SET attempts = :attempts, last_error = :error, next_attempt_at = :next, "
                        + "claimed_until = NULL" + codeAssignment() + " WHERE id = :id AND " + unfinished))
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("next", next)
                .bind("id", id)
                .execute();
    }

    /** Records the last failed attempt of an unfinished item: it is given up. */
    public void giveUp(Handle h, long id, int attempts, Integer code, String error, Instant now) {
        withCode(code, h.createUpdate("UPDATE " + table + " SET attempts = :attempts, last_error = :error, failed_at = :now, "
                        + "claimed_until = NULL" + codeAssignment() + " WHERE id = :id AND " + unfinished))
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("now", now)
                .bind("id", id)
                .execute();
    }

    /** Binds the receiver's code when this outbox keeps it: a binding no statement uses is refused. */
    private Update withCode(Integer code, Update update) {
        return codeColumn == null ? update : update.bindByType("code", code, Integer.class);
    }

    private String codeAssignment() {
        return codeColumn == null ? "" : ", " + codeColumn + " = :code";
    }
}
