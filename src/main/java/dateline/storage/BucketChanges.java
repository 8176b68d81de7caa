package dateline.storage;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Changes of {@link DatabaseBuckets} decided now, on the caller's thread, and written later in the
 * transaction of what they limit: a comment's two flood-limit buckets go to the database with the comment,
 * in one turn of the database writer instead of three, and are kept exactly when it is. Bucket4j's work
 * (and the reading of each bucket, once) is done here; each write is still a compare-and-swap on the state
 * that was read, so that of two requests (or two nodes) taking from one bucket at once, the second one's
 * {@link #write} finds the state changed and throws {@link Conflict}: its caller tries again from the start,
 * with the state as it now is. For one task on one thread.
 */
public final class BucketChanges {
    /** Thrown by {@link #write} when a bucket changed since it was read: nothing of the transaction may stay. */
    public static final class Conflict extends RuntimeException {
        Conflict(String key) {
            super("The bucket " + key + " changed meanwhile", null, false, false);
        }
    }

    private record Change(byte[] original, byte[] updated, long expiresAt) {}

    private final DatabaseBuckets buckets;
    private final Proxies proxies;
    private final Map<String, Change> changes = new LinkedHashMap<>();
    /** Buckets found missing, which Bucket4j looks for a second time before making them: not read again. */
    private final Set<String> missing = new HashSet<>();
    /** Stored states read ahead by {@link #readAhead}, for Bucket4j to find without a statement of its own. */
    private final Map<String, byte[]> stored = new HashMap<>();

    BucketChanges(DatabaseBuckets buckets) {
        this.buckets = buckets;
        this.proxies = new Proxies();
    }

    /** The bucket stored under {@code key}, created with the configuration when it does not exist yet. */
    public BucketProxy bucket(String key, Supplier<BucketConfiguration> configuration) {
        return proxies.builder().build(key, configuration);
    }

    /**
     * Reads the stored states of the buckets about to be taken from, in one statement: Bucket4j would read each
     * in a statement of its own. Those not stored count as missing, to be made.
     */
    public void readAhead(List<String> keys) {
        Map<String, byte[]> states = buckets.statesOf(keys);
        for (String key : keys) {
            byte[] state = states.get(key);
            if (state == null) missing.add(key);
            else stored.put(key, state);
        }
    }

    /**
     * Writes the changes decided, in the caller's transaction; throws {@link Conflict} when a bucket was
     * changed by someone else since it was read here.
     */
    public void write(Handle h) {
        changes.forEach((key, change) -> {
            if (!DatabaseBuckets.swap(h, key, change.original(), change.updated(), change.expiresAt())) {
                throw new Conflict(key);
            }
        });
    }

    private final class Proxies extends AbstractCompareAndSwapBasedProxyManager<String> {
        Proxies() {
            super(buckets.clientSideConfig());
        }

        @Override
        protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
            return new CompareAndSwapOperation() {
                @Override
                public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                    Change decided = changes.get(key);
                    if (decided != null) return Optional.of(decided.updated());
                    byte[] known = stored.get(key);
                    if (known != null) return Optional.of(known);
                    if (missing.contains(key)) return Optional.empty();
                    Optional<byte[]> state = buckets.stateOf(key);
                    if (state.isEmpty()) missing.add(key);
                    return state;
                }

                @Override
                public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState newState,
                                              Optional<Long> timeoutNanos) {
                    Change before = changes.get(key);
                    // the stored state this task read first is what the write compares with
                    byte[] stored = before == null ? original : before.original();
                    changes.put(key, new Change(stored, updated, buckets.expiresAt(newState)));
                    return true;
                }
            };
        }

        @Override
        protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
            throw new UnsupportedOperationException("Bucket changes are decided synchronously");
        }

        @Override
        public void removeProxy(String key) {
            throw new UnsupportedOperationException("Bucket changes do not remove buckets");
        }

        @Override
        protected CompletableFuture<Void> removeAsync(String key) {
            throw new UnsupportedOperationException("Bucket changes do not remove buckets");
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }
    }
}
