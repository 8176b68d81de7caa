package dateline.storage;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Bucket4j token buckets kept in the database ({@code rate_limits}), so that a limit holds across every
 * node of a site and across restarts. Each change is a compare-and-swap on the bucket's stored state: of
 * two nodes changing one bucket at once, one wins and the other retries with the new state.
 */
public final class DatabaseBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;

    public DatabaseBuckets(Jdbi jdbi, Clock clock) {
        super(clientSideConfig(clock));
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Bucket4j's time is the injected clock's. */
    private static ClientSideConfig clientSideConfig(Clock clock) {
        return ClientSideConfig.getDefault().withClientClock(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        });
    }

    ClientSideConfig clientSideConfig() {
        return getClientSideConfig();
    }

    /**
     * Changes of these buckets to decide now and write later, in the transaction of what they limit (see
     * {@link BucketChanges}).
     */
    public BucketChanges changes() {
        return new BucketChanges(this);
    }

    /** The bucket stored under {@code key}, created with the configuration when it does not exist yet. */
    public BucketProxy bucket(String key, Supplier<BucketConfiguration> configuration) {
        return builder().build(key, configuration);
    }

    /** Forgets buckets that have refilled completely: they are the same as new ones. */
    public int forgetFullBuckets() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM rate_limits WHERE expires_at < :now")
                .bind("now", clock.millis()).execute());
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return stateOf(key);
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                long expiresAt = expiresAt(newState);
                // a bucket lost in a power cut lets a reader post once more: its commit need not wait for the disk
                return WriteQueue.inUnflushedTransaction(jdbi, h -> swap(h, key, original, updated, expiresAt));
            }
        };
    }

    /** The stored state of a bucket, if it is stored. */
    Optional<byte[]> stateOf(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state FROM rate_limits WHERE bucket_key = :key")
                .bind("key", key).mapTo(byte[].class).findOne());
    }

    /** The stored states of those of the buckets that are stored, by key, in one statement. */
    Map<String, byte[]> statesOf(List<String> keys) {
        if (keys.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            Map<String, byte[]> states = new HashMap<>();
            h.createQuery("SELECT bucket_key, state FROM rate_limits WHERE bucket_key IN (<keys>)").bindList("keys", keys)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBytes(2)))
                    .forEach(e -> states.put(e.getKey(), e.getValue()));
            return states;
        });
    }

    /** When a bucket in this state will have been full for a while, and may be forgotten. */
    long expiresAt(RemoteBucketState state) {
        long now = clock.millis();
        return now + state.calculateFullRefillingTime(now * 1_000_000L) / 1_000_000L + KEEP_AFTER_FULL.toMillis();
    }

    /**
     * Stores the new state of a bucket if its stored state is still {@code original} (none, for a new
     * bucket); answers whether it did.
     */
    static boolean swap(Handle h, String key, byte[] original, byte[] updated, long expiresAt) {
        return (original == null
                ? h.createUpdate("INSERT INTO rate_limits (bucket_key, state, expires_at) "
                                + "VALUES (:key, :state, :expires) ON CONFLICT (bucket_key) DO NOTHING")
                        .bind("key", key).bind("state", updated).bind("expires", expiresAt).execute()
                : h.createUpdate("UPDATE rate_limits SET state = :state, expires_at = :expires "
                                + "WHERE bucket_key = :key AND state = :original")
                        .bind("key", key).bind("state", updated).bind("expires", expiresAt)
                        .bind("original", original).execute()) == 1;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("Buckets in the database are used synchronously");
    }

    @Override
    public void removeProxy(String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM rate_limits WHERE bucket_key = :key").bind("key", key).execute());
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("Buckets in the database are used synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
