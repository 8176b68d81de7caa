package dateline.accounts;

import dateline.storage.DatabaseBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.Locale;

/**
 * Limits failed sign-ins, per account address and per client address, in buckets every node shares. An
 * address gets five tries, then one more every three minutes; a client gets thirty, then two a minute.
 * The limit for an address applies whether or not an account has it, so the answer never tells.
 */
final class SignInThrottle {
    private static final BucketConfiguration PER_EMAIL = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(1, Duration.ofMinutes(3)))
            .build();
    private static final BucketConfiguration PER_CLIENT = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(30).refillGreedy(2, Duration.ofMinutes(1)))
            .build();

    private final DatabaseBuckets buckets;

    SignInThrottle(DatabaseBuckets buckets) {
        this.buckets = buckets;
    }

    /** How long to wait before another attempt is heard; zero when one may be made now. */
    Duration waitBeforeAttempt(String email, String client) {
        long nanos = Math.max(wait(emailBucket(email)), wait(clientBucket(client)));
        return Duration.ofNanos(nanos);
    }

    void recordFailure(String email, String client) {
        emailBucket(email).consumeIgnoringRateLimits(1);
        clientBucket(client).consumeIgnoringRateLimits(1);
    }

    private static long wait(BucketProxy bucket) {
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private BucketProxy emailBucket(String email) {
        String key = "sign-in:email:" + Secrets.hashOf(email.strip().toLowerCase(Locale.ROOT));
        return buckets.bucket(key, () -> PER_EMAIL);
    }

    private BucketProxy clientBucket(String client) {
        String key = "sign-in:client:" + Secrets.hashOf(client);
        return buckets.bucket(key, () -> PER_CLIENT);
    }
}
