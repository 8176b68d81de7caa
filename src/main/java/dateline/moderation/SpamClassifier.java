package dateline.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dateline.comments.Comment;
import dateline.comments.CommentScreening;
import dateline.comments.NewComment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's own spam classifier, which sends nothing anywhere: logistic regression over what
 * {@link SpamFeatures} sees in a comment, its weights kept in the database. A new site starts from built-in
 * examples of news comments and spam; every moderator's decision (approve: wanted, mark as spam: spam) is kept
 * as an example and nudges the weights at once; within the hour, the model is trained again from scratch on
 * the built-in examples and the site's own, which weighs the new decisions against everything else. Its score decides: from
 * {@value #SPAM_AT} the comment goes to the spam folder, from {@value #HOLD_AT} it waits for a moderator,
 * below that the site's rules decide.
 *
 * <p>The weights are held in memory, so that a comment is scored without a statement: the whole model when it
 * is small (a new site's, trained on the built-in examples alone, has about 17,000), read once; else the
 * weights of the features met lately (a feature the model lacks as a weight of 0), the features new to this
 * process looked up in one statement. What is held is not a source of truth: it is dropped whole when the
 * weights change here, once the change commits, and when another process changed them, which the
 * {@link SpamModelListener listeners} tell every process through the database.
 */
public final class SpamClassifier implements CommentScreening {
    public static final double SPAM_AT = 0.95;
    public static final double HOLD_AT = 0.7;
    static final long SEED = 20240620L;
    private static final Logger LOG = LoggerFactory.getLogger(SpamClassifier.class);
    private static final Duration RETRAIN_AFTER = Duration.ofHours(1);
    /** The site's own examples a training uses at most, the newest. */
    private static final int MAX_SITE_EXAMPLES = 20_000;
    private static final int REASONS = 3;
    /** The strongest features the reasons are chosen from. */
    private static final int STRONGEST = 8;
    /**
     * How much more one of the site's own decisions counts than a built-in example when training: they speak
     * of this site's readers and this site's spam.
     */
    private static final int OWN_WEIGHT = 3;
    /**
     * The weights held at most: the whole model up to this size, else the features met lately; a news site's
     * readers use some tens of thousands of words and pairs, and a model trained on a busy site's examples may
     * have many more, which a statement finds.
     */
    private static final int HELD = 50_000;

    private final SpamRepository repository;
    private final Clock clock;
    /** The preparation {@link #prepareMeanwhile} began, which screening waits for; done when there is none. */
    private volatile CompletableFuture<Void> preparing = CompletableFuture.completedFuture(null);
    private final List<SpamModelListener> listeners = new CopyOnWriteArrayList<>();
    /** The weights held since they last changed; replaced by new ones when they change, never emptied in place. */
    private volatile Held held = new Held();
    /**
     * Whether the model was found larger than {@link #HELD} since it was last trained here: a decision only adds
     * weights, so the {@link Held} made after each one need not read {@code HELD} rows again to learn it.
     */
    private volatile boolean tooLargeToHold;

    public SpamClassifier(Jdbi jdbi, Clock clock) {
        this.repository = new SpamRepository(jdbi);
        this.clock = clock;
    }

    /** Lets a listener hear of every change of the weights, in its transaction. */
    public void addListener(SpamModelListener listener) {
        listeners.add(listener);
    }

    @Override
    public Opinion screen(NewComment comment) {
        awaitModel();
        Set<String> features = SpamFeatures.of(comment.name(), comment.website(), comment.text());
        Map<String, Double> weights = weightsOf(withBias(features));
        double p = SpamLearning.probability(weights, features);
        Leaning leaning = p >= SPAM_AT ? Leaning.SPAM : p >= HOLD_AT ? Leaning.UNSURE : Leaning.FINE;
        return new Opinion(p, leaning, p >= 0.5 ? reasons(weights, features) : List.of());
    }

    /**
     * The weights of these features (or more), from memory. A read that overlaps a change of the weights fills
     * the memory that the change has already replaced, so what it read is never held after the change.
     */
    private Map<String, Double> weightsOf(Set<String> features) {
        return held.of(features);
    }

    /**
     * Drops the weights held in memory: another process changed them, and the next comment must be scored
     * with the new ones.
     */
    public void changedElsewhere() {
        tooLargeToHold = false; // another node may have trained a smaller model
        held = new Held();
    }

    /** The weights held between two changes: the whole model when it is small, else the features met lately. */
    private final class Held {
        /** The whole model, read at the first comment; empty when it has more than {@link #HELD} weights. */
        private volatile Optional<Map<String, Double>> whole;
        private final Cache<String, Double> met = Caffeine.newBuilder().maximumSize(HELD).build();

        Map<String, Double> of(Set<String> features) {
            Optional<Map<String, Double>> all = whole();
            if (all.isPresent()) return all.get();
            return met.getAll(features, missing -> {
                Map<String, Double> read = repository.read(h -> repository.weights(h, List.copyOf(missing)));
                Map<String, Double> found = new HashMap<>();
                for (String feature : missing) found.put(feature, read.getOrDefault(feature, 0.0));
                return found;
            });
        }

        private Optional<Map<String, Double>> whole() {
            Optional<Map<String, Double>> known = whole;
            if (known != null) return known;
            synchronized (this) { // one read for the comments that arrive together
                if (whole == null) {
                    whole = tooLargeToHold ? Optional.empty() : repository.read(h -> repository.allWeights(h, HELD));
                    if (whole.isEmpty()) tooLargeToHold = true;
                }
                return whole;
            }
        }
    }

    /**
     * Why a comment looks like spam, in words: of the features that weigh most towards spam, those that say
     * most to a person (the sites it links to, its shapes, then its words) before the general ones (its
     * length, the number of its links).
     */
    private static List<String> reasons(Map<String, Double> weights, Set<String> features) {
        return features.stream()
                .filter(f -> weights.getOrDefault(f, 0.0) > 0 && SpamFeatures.describe(f) != null)
                .sorted(Comparator.comparingDouble((String f) -> weights.get(f)).reversed())
                .limit(STRONGEST)
                .sorted(Comparator.comparingInt(SpamFeatures::generality))
                .limit(REASONS)
                .map(SpamFeatures::describe)
                .toList();
    }

    @Override
    public void decided(Comment comment, boolean spam) {
        Set<String> features = SpamFeatures.of(comment.authorName(), comment.authorWebsite(), comment.body());
        Instant now = clock.instant();
        repository.inTransaction(h -> {
            repository.saveExample(h, comment.id(), spam, features, now);
            Map<String, Double> before = repository.weights(h, withBias(features));
            Map<String, Double> after = SpamLearning.nudged(before, new SpamLearning.Example(features, spam));
            Map<String, Double> changed = new HashMap<>();
            after.forEach((feature, weight) -> {
                if (!weight.equals(before.get(feature))) changed.put(feature, weight);
            });
            repository.saveWeights(h, changed);
            for (SpamModelListener listener : listeners) listener.weightsChanging(h);
            return changed.size();
        });
        held = new Held();
    }

    @Override
    public void forget(Collection<Long> commentIds) {
        repository.inTransaction(h -> repository.forgetExamples(h, commentIds));
    }

    /** Makes sure the site has a model: a new site gets the one trained on the built-in examples. */
    public SpamClassifier prepare() {
        if (repository.read(repository::model).isEmpty()) retrain();
        return this;
    }

    /**
     * {@link #prepare}, on a thread of its own: a new site's model is some 17,000 weights written to the database,
     * about 2.6 s of processor time, which a server's first start need not spend before it listens. A comment
     * screened meanwhile waits for the model, as it waited for the start before; one screened after a preparation
     * that failed prepares again, and fails as the start did. Closing what this answers waits for the preparation,
     * so that the database is not closed under it.
     */
    public AutoCloseable prepareMeanwhile() {
        CompletableFuture<Void> prepared = new CompletableFuture<>();
        preparing = prepared;
        Thread thread = new Thread(() -> {
            try {
                prepare();
                prepared.complete(null);
            } catch (RuntimeException | Error e) {
                LOG.error("Could not prepare the spam classifier's model; the next comment tries again", e);
                prepared.completeExceptionally(e);
            }
        }, "dateline-spam-model");
        thread.setDaemon(true);
        thread.start();
        return () -> prepared.exceptionally(e -> null).join();
    }

    /** Waits for a preparation {@link #prepareMeanwhile} began, if one is under way; prepares again after one failed. */
    public void awaitModel() {
        CompletableFuture<Void> current = preparing;
        if (current.isCompletedExceptionally()) {
            prepare();
            preparing = CompletableFuture.completedFuture(null);
        } else {
            current.join();
        }
    }

    /**
     * Trains the model again from scratch when the site has none, or when moderators have decided about
     * comments since it was last trained, an hour or more ago. Answers whether it did.
     */
    public boolean retrainIfDue() {
        Instant now = clock.instant();
        var model = repository.read(repository::model);
        if (model.isPresent()) {
            boolean recent = model.get().trainedAt().isAfter(now.minus(RETRAIN_AFTER));
            boolean news = repository.read(repository::newestExample).filter(at -> !at.isBefore(model.get().trainedAt()))
                    .isPresent();
            if (recent || !news) return false;
        }
        retrain();
        return true;
    }

    /** Trains the model from scratch on the built-in examples and the site's newest, and stores it whole. */
    public void retrain() {
        List<SpamLearning.Example> examples = new ArrayList<>(BuiltIn.EXAMPLES);
        List<SpamLearning.Example> own = repository.read(h -> repository.examples(h, MAX_SITE_EXAMPLES));
        for (int i = 0; i < OWN_WEIGHT; i++) examples.addAll(own);
        Map<String, Double> weights = own.isEmpty() ? BuiltIn.Model.WEIGHTS : SpamLearning.train(examples, SEED);
        Instant now = clock.instant();
        repository.inTransaction(h -> {
            repository.replaceModel(h, weights, now, own.size());
            for (SpamModelListener listener : listeners) listener.weightsChanging(h);
            return null;
        });
        tooLargeToHold = false;
        held = new Held();
        LOG.info("Trained the spam classifier on {} built-in examples and {} of this site's: {} weights",
                BuiltIn.EXAMPLES.size(), own.size(), weights.size());
    }

    private static Set<String> withBias(Set<String> features) {
        Set<String> all = new HashSet<>(features);
        all.add(SpamLearning.BIAS);
        return all;
    }

    /** The built-in examples, read once. */
    private static final class BuiltIn {
        static final List<SpamLearning.Example> EXAMPLES = LabelledComments.builtIn().stream()
                .map(LabelledComments.Labelled::example).toList();

        /** The model they alone give, trained once, and only if a site with no examples of its own needs it. */
        private static final class Model {
            static final Map<String, Double> WEIGHTS = Map.copyOf(SpamLearning.train(EXAMPLES, SEED));
        }
    }
}
