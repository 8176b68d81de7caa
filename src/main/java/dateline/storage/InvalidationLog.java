package dateline.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The tags of committed changes, kept a few minutes in the database ({@code cache_invalidations}) so that
 * every process serving a site drops the same cached pages as the one that made the change: another node,
 * or a running server when a command changed something. Each node {@link Reader reads} what came after the
 * last entry it has seen, leaving out its own.
 *
 * <p>On PostgreSQL each entry also sends a notification ({@code NOTIFY}) in the change's transaction, which
 * the server delivers only when that commits; a node that {@link #whenAppended listens} reads at once instead
 * of at its next poll.
 *
 * <p>Entries are ordered by their id. SQLite writes one transaction at a time, so ids are committed in their
 * order. PostgreSQL hands out identities before commit, so there a late commit can carry a smaller id than one
 * already seen: a reader remembers the ids it skipped and looks for them again for a minute.
 */
public final class InvalidationLog {
    /** The PostgreSQL notification channel every entry is announced on. */
    static final String CHANNEL = "dateline_invalidations";

    /** One committed change, by a node: the tags of the pages it dropped. */
    public record Entry(long id, String node, Set<String> tags) {}

    private final Database database;
    private final Jdbi jdbi;
    private final boolean notifies;

    public InvalidationLog(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.notifies = database.dialect() == Dialect.POSTGRESQL;
    }

    /** Records the tags in the transaction of the change, so that they are kept exactly when it is. */
    public void append(Handle h, String node, Collection<String> tags, Instant at) {
        h.createUpdate("INSERT INTO cache_invalidations (node, tags, at) VALUES (:node, :tags, :at)")
                .bind("node", node)
                .bind("tags", String.join(" ", tags))
                .bind("at", at)
                .execute();
        // delivered at the commit, and not at all when the change is rolled back
        if (notifies) h.execute("NOTIFY " + CHANNEL);
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
        return after(id, limit).stream().filter(e -> !e.node().equals(node)).toList();
    }

    /** Every node's entries after {@code id}, oldest first, at most {@code limit}. */
    private List<Entry> after(long id, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, node, tags FROM cache_invalidations "
                        + "WHERE id > :id ORDER BY id LIMIT :limit")
                .bind("id", id)
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs.getLong("id"), rs.getString("node"), rs.getString("tags")))
                .list());
    }

    /** The entries with these ids, oldest first. */
    private List<Entry> among(Collection<Long> ids) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, node, tags FROM cache_invalidations "
                        + "WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> entry(rs.getLong("id"), rs.getString("node"), rs.getString("tags")))
                .list());
    }

    private static Entry entry(long id, String node, String tags) {
        return new Entry(id, node, new LinkedHashSet<>(Arrays.asList(tags.split(" "))));
    }

    /** Forgets entries older than the moment; answers how many. */
    public int forgetBefore(Instant moment) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM cache_invalidations WHERE at < :moment")
                .bind("moment", moment)
                .execute());
    }

    /**
     * Runs {@code read} soon after any process commits an entry, on a thread of its own, until closed: on
     * PostgreSQL through {@code LISTEN} on a connection kept for it, which is opened again when lost (and
     * {@code read} run then, for what was missed meanwhile). On SQLite, which cannot tell, it does nothing;
     * the readers' poll is all there is.
     */
    public AutoCloseable whenAppended(Runnable read) {
        if (!notifies) return () -> {};
        return PostgresNotices.listen(database, CHANNEL, read);
    }

    /** One node's reading of the log. */
    public Reader reader(String node) {
        return new Reader(node);
    }

    /**
     * What one node has read of the log: the newest entry it has seen, and the ids it passed over, which a
     * transaction still under way may yet commit (on PostgreSQL) and which it looks for again for a while.
     * Not safe for several threads at once.
     */
    public final class Reader {
        /** Far longer than a change's transaction stays open; a skipped id older than this was rolled back. */
        static final long SKIPPED_KEPT_NANOS = TimeUnit.MINUTES.toNanos(1);
        private static final int MAX_SKIPPED = 1_000;
        private static final int BATCH = 500;

        private final String node;
        private long seen = -1;
        /** Ids passed over, with when they were first missed. */
        private final Map<Long, Long> skipped = new HashMap<>();

        private Reader(String node) {
            this.node = node;
        }

        /** Starts reading after the newest entry now: what came before is no longer news. */
        public void startAtNewest() {
            seen = newest();
            skipped.clear();
        }

        /** The other nodes' entries committed since the last read, oldest first; starts at the newest first. */
        public List<Entry> read() {
            if (seen < 0) startAtNewest();
            long now = System.nanoTime();
            List<Entry> found = new ArrayList<>();
            if (!skipped.isEmpty()) {
                for (Entry late : among(skipped.keySet())) {
                    skipped.remove(late.id());
                    found.add(late);
                }
                skipped.values().removeIf(since -> now - since > SKIPPED_KEPT_NANOS);
            }
            List<Entry> batch;
            do {
                batch = after(seen, BATCH);
                for (Entry entry : batch) {
                    for (long id = seen + 1; id < entry.id() && skipped.size() < MAX_SKIPPED; id++) skipped.put(id, now);
                    seen = entry.id();
                    found.add(entry);
                }
            } while (batch.size() == BATCH);
            found.removeIf(entry -> entry.node().equals(node));
            return found;
        }

        /** How many passed-over ids it still looks for. */
        int skipped() {
            return skipped.size();
        }

        @Override
        public String toString() {
            return "reader of " + node + " at " + seen;
        }
    }
}
