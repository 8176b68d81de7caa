package dateline.imports;

import dateline.storage.Repository;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The record of what came from where, and the old addresses that lead to what came. */
final class ImportRepository extends Repository {

    /** What an old address leads to: the kind and id of an article, page, section, tag or media file. */
    record Target(String kind, long id) {}

    ImportRepository(Jdbi jdbi) {
        super(jdbi);
    }

    /** Every Dateline id recorded for the site, by kind and then by WordPress id. */
    Map<String, Map<Long, Long>> recordsOf(String source) {
        return read(h -> {
            Map<String, Map<Long, Long>> byKind = new HashMap<>();
            h.createQuery("SELECT kind, wordpress_id, dateline_id FROM import_records WHERE source = :source")
                    .bind("source", source)
                    .map((rs, ctx) -> {
                        byKind.computeIfAbsent(rs.getString("kind"), k -> new HashMap<>())
                                .put(rs.getLong("wordpress_id"), rs.getLong("dateline_id"));
                        return null;
                    })
                    .forEach(nothing -> {});
            return byKind;
        });
    }

    /** The Dateline ids of things of a kind by their GUIDs, whatever site they came from. */
    Map<String, Long> guidsOf(String kind) {
        return read(h -> {
            Map<String, Long> byGuid = new HashMap<>();
            h.createQuery("SELECT guid, dateline_id FROM import_records WHERE kind = :kind AND guid <> ''")
                    .bind("kind", kind)
                    .map((rs, ctx) -> byGuid.put(rs.getString("guid"), rs.getLong("dateline_id")))
                    .forEach(nothing -> {});
            return byGuid;
        });
    }

    /** Every old address that already leads somewhere. */
    Set<String> redirectPaths() {
        return read(h -> new HashSet<>(h.createQuery("SELECT path FROM import_redirects").mapTo(String.class).list()));
    }

    /** Where one thing came from: its kind, its WordPress id and GUID, and its Dateline id. */
    record Origin(String kind, long wordpressId, String guid, long datelineId) {}

    void record(Handle h, String source, List<Origin> origins, Instant at) {
        if (origins.isEmpty()) return;
        var batch = h.prepareBatch("INSERT INTO import_records (source, kind, wordpress_id, guid, dateline_id, imported_at) "
                + "VALUES (:source, :kind, :wp, :guid, :id, :at) ON CONFLICT (source, kind, wordpress_id) DO NOTHING");
        for (Origin o : origins) {
            batch.bind("source", source).bind("kind", o.kind()).bind("wp", o.wordpressId()).bind("guid", o.guid())
                    .bind("id", o.datelineId()).bind("at", at).add();
        }
        batch.execute();
    }

    /** Adds old addresses; one that already leads somewhere keeps its target (the first import of it wins). */
    void addRedirects(Handle h, Map<String, Target> redirects) {
        if (redirects.isEmpty()) return;
        var batch = h.prepareBatch("INSERT INTO import_redirects (path, kind, dateline_id) VALUES (:path, :kind, :id) "
                + "ON CONFLICT (path) DO NOTHING");
        redirects.forEach((path, target) -> batch.bind("path", path).bind("kind", target.kind())
                .bind("id", target.id()).add());
        batch.execute();
    }

    Optional<Target> redirectFor(String path) {
        return read(h -> h.createQuery("SELECT kind, dateline_id FROM import_redirects WHERE path = :path")
                .bind("path", path)
                .map((rs, ctx) -> new Target(rs.getString("kind"), rs.getLong("dateline_id")))
                .findOne());
    }
}
