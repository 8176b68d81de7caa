package dateline.bench;

import java.util.Arrays;
import java.util.Locale;

/** Durations of one kind of request, in nanoseconds, and their percentiles in milliseconds. */
final class Timings {
    private long[] nanos;
    private int count;

    Timings() {
        this(1024);
    }

    /** Room for {@code expected} durations, so that taking them allocates nothing. */
    Timings(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    void add(long elapsedNanos) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = elapsedNanos;
    }

    int count() {
        return count;
    }

    /** The duration below which {@code percent} of the measurements fall (nearest rank), in milliseconds. */
    double percentileMillis(double percent) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    /** "p50 p99 max" in milliseconds, three decimals each, for a table. */
    String summary() {
        return String.format(Locale.ROOT, "%9.3f %9.3f %9.3f", percentileMillis(50), percentileMillis(99),
                percentileMillis(100));
    }
}
