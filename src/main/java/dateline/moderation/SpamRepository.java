package dateline.moderation;

import dateline.storage.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The spam classifier's weights, the examples moderators' decisions gave it, and when it was last trained. */
final class SpamRepository extends Repository {
    /** Features looked up in one statement: well under any database's limit on parameters. */
    private static final int CHUNK = 500;

    /** When the weights were last trained from scratch, and on how many of the site's examples. */
    record Model(Instant trainedAt, int examples) {}

    SpamRepository(Jdbi jdbi) {
        super(jdbi);
    }

    /** The weights of these features that the model has (and of the bias, the empty feature, when asked). */
    Map<String, Double> weights(Handle h, Collection<String> features) {
        Map<String, Double> weights = new HashMap<>();
        List<String> all = List.copyOf(features);
        for (int from = 0; from < all.size(); from += CHUNK) {
            h.createQuery("SELECT feature, weight FROM spam_weights WHERE feature IN (<features>)")
                    .bindList("features", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .map((rs, ctx) -> Map.entry(rs.getString("feature"), rs.getDouble("weight")))
                    .forEach(e -> weights.put(e.getKey(), e.getValue()));
        }
        return weights;
    }

    /** Every weight of the model, when it has no more than {@code atMost}; nothing when it has more. */
    Optional<Map<String, Double>> allWeights(Handle h, int atMost) {
        Map<String, Double> weights = new HashMap<>();
        h.createQuery("SELECT feature, weight FROM spam_weights LIMIT :limit")
                .bind("limit", atMost + 1)
                .map((rs, ctx) -> Map.entry(rs.getString("feature"), rs.getDouble("weight")))
                .forEach(e -> weights.put(e.getKey(), e.getValue()));
        return weights.size() > atMost ? Optional.empty() : Optional.of(Map.copyOf(weights));
    }

    void saveWeights(Handle h, Map<String, Double> weights) {
        var batch = h.prepareBatch("INSERT INTO spam_weights (feature, weight) VALUES (:feature, :weight) "
                + "ON CONFLICT (feature) DO UPDATE SET weight = excluded.weight");
        weights.forEach((feature, weight) -> batch.bind("feature", feature).bind("weight", weight).add());
        if (batch.size() > 0) batch.execute();
    }

    /** Replaces the whole model with these weights, trained now on this many of the site's examples. */
    void replaceModel(Handle h, Map<String, Double> weights, Instant at, int examples) {
        // upserts: two nodes may train at once, and on PostgreSQL the second one's DELETE does not see the rows
        // the first has just inserted; it then overwrites them instead of failing on their keys
        h.execute("DELETE FROM spam_weights");
        var batch = h.prepareBatch("INSERT INTO spam_weights (feature, weight) VALUES (:feature, :weight) "
                + "ON CONFLICT (feature) DO UPDATE SET weight = excluded.weight");
        weights.forEach((feature, weight) -> batch.bind("feature", feature).bind("weight", weight).add());
        if (batch.size() > 0) batch.execute();
        h.createUpdate("INSERT INTO spam_model (id, trained_at, examples) VALUES (1, :at, :examples) "
                        + "ON CONFLICT (id) DO UPDATE SET trained_at = excluded.trained_at, examples = excluded.examples")
                .bind("at", at).bind("examples", examples).execute();
    }

    Optional<Model> model(Handle h) {
        return h.createQuery("SELECT trained_at, examples FROM spam_model WHERE id = 1")
                .map((rs, ctx) -> new Model(Instant.ofEpochMilli(rs.getLong("trained_at")), rs.getInt("examples")))
                .findOne();
    }

    /** Keeps (or replaces) the example a decision about a comment gave. */
    void saveExample(Handle h, long commentId, boolean spam, Set<String> features, Instant at) {
        h.createUpdate("INSERT INTO spam_examples (comment_id, spam, features, decided_at) "
                        + "VALUES (:comment, :spam, :features, :at) ON CONFLICT (comment_id) DO UPDATE "
                        + "SET spam = excluded.spam, features = excluded.features, decided_at = excluded.decided_at")
                .bind("comment", commentId).bind("spam", spam).bind("features", String.join("\n", features))
                .bind("at", at).execute();
    }

    /** The site's newest examples, at most {@code limit}, oldest first. */
    List<SpamLearning.Example> examples(Handle h, int limit) {
        List<SpamLearning.Example> newest = new ArrayList<>(h.createQuery("SELECT spam, features FROM spam_examples "
                        + "ORDER BY decided_at DESC, comment_id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new SpamLearning.Example(Arrays.stream(rs.getString("features").split("\n"))
                        .filter(f -> !f.isEmpty()).collect(Collectors.toUnmodifiableSet()), rs.getBoolean("spam")))
                .list());
        Collections.reverse(newest);
        return newest;
    }

    /** When the newest example was decided, if there is one. */
    Optional<Instant> newestExample(Handle h) {
        Long newest = h.createQuery("SELECT MAX(decided_at) FROM spam_examples").mapTo(Long.class).one();
        return Optional.ofNullable(newest).map(Instant::ofEpochMilli);
    }

    int forgetExamples(Handle h, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) return 0;
        return h.createUpdate("DELETE FROM spam_examples WHERE comment_id IN (<ids>)")
                .bindList("ids", List.copyOf(commentIds)).execute();
    }
}
