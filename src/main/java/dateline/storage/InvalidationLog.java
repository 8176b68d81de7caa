package dateline.storage;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The tags of committed changes, kept a few minutes in the database ({@code cache_invalidations}) so that
 * every process serving a site drops the same cached pages as the one that made the change: another node,
 * or a running server when a command changed something. Each node reads what came after the last entry it
 * has seen, leaving out its own.
 *
 * <p>Entries are ordered by their id. SQLite writes one transaction at a time, so ids are committed in their
 * order and a reader that has seen id {@code n} never later finds a smaller one. PostgreSQL hands out
 * identities before commit, so there a late commit can carry a smaller id than one already seen; a node
 * there must also take the notifications of {@code LISTEN/NOTIFY} and read again a short window behind
 * what it has seen.
 */
public final class InvalidationLog {
    /** One committed change: the tags of the pages it dropped. */
    public record Entry(long id, Set<String> tags) {}

    private final Jdbi jdbi;

    public InvalidationLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records the tags in the transaction of the change, so that they are kept exactly when it is. */
    public void append(Handle h, String node, Collection<String> tags, Instant at) {
        h.createUpdate("INSERT INTO cache_invalidations (node, tags, at) VALUES (:node, :tags, :at)")
                .bind("node", node)
                .bind("tags", String.join(" ", tags))
                .bind("at", at)
                .execute();
    }

    /** Records the tags of a change already committed on a connection of its own. */
    public void append(String node, Collection<String> tags, Instant at) {
        WriteQueue.useTransaction(jdbi, h -> append(h, node, tags, at));
    }

    /** The id of the newest entry, or 0: where a node that has just started begins to read. */
    public long newest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM cache_invalidations")
                .mapTo(Long.class).one());
    }

    /** The entries after {@code id} made by other nodes than {@code node}, oldest first, at most {@code limit}. */
    public List<Entry> after(long id, String node, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, tags FROM cache_invalidations "
                        + "WHERE id > :id AND node <> :node ORDER BY id LIMIT :limit")
                .bind("id", id)
                .bind("node", node)
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getLong("id"),
                        new LinkedHashSet<>(Arrays.asList(rs.getString("tags").split(" ")))))
                .list());
    }

    /** Forgets entries older than the moment; answers how many. */
    public int forgetBefore(Instant moment) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM cache_invalidations WHERE at < :moment")
                .bind("moment", moment)
                .execute());
    }
}
