package dateline.api;

import dateline.accounts.Secrets;
import dateline.storage.DatabaseBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * How many requests the API answers, in token buckets every node shares: per token for requests with one,
 * per client address for the others (and for tokens that are not valid, so that guessing costs time).
 * Each bucket holds a minute's worth and refills steadily.
 */
final class ApiLimits {
    static final int ANONYMOUS_PER_MINUTE = 120;
    static final int TOKEN_PER_MINUTE = 600;

    /** What is left after a request was let through, for the response's headers. */
    record Allowance(long limit, long remaining) {}

    private static final BucketConfiguration ANONYMOUS = perMinute(ANONYMOUS_PER_MINUTE);
    private static final BucketConfiguration TOKEN = perMinute(TOKEN_PER_MINUTE);

    private final DatabaseBuckets buckets;

    ApiLimits(DatabaseBuckets buckets) {
        this.buckets = buckets;
    }

    /** Counts a request from a client address; refuses it with {@code rate_limited} when the bucket is empty. */
    Allowance chargeClient(String client) {
        return charge("api:client:" + Secrets.hashOf(client), ANONYMOUS, ANONYMOUS_PER_MINUTE);
    }

    /** Counts a request made with a token. */
    Allowance chargeToken(long tokenId) {
        return charge("api:token:" + tokenId, TOKEN, TOKEN_PER_MINUTE);
    }

    private Allowance charge(String key, BucketConfiguration configuration, long limit) {
        ConsumptionProbe probe = buckets.bucket(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) throw ApiError.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        return new Allowance(limit, probe.getRemainingTokens());
    }

    private static BucketConfiguration perMinute(int requests) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, Duration.ofMinutes(1)))
                .build();
    }
}
