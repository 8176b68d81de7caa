package dateline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, or, once told to {@link #run()}, moves with real time
 * from where it stands (for journeys in which a person's own pace matters) until it is {@link #stop() stopped}.
 */
public final class MutableClock extends Clock {
    private Instant now;
    /** When the clock was set running, by {@link System#nanoTime()}; null while it stands still. */
    private Long runningSince;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public synchronized void set(Instant instant) {
        now = instant;
        if (runningSince != null) runningSince = System.nanoTime();
    }

    public synchronized void advance(Duration duration) {
        set(instant().plus(duration));
    }

    /** From now on the clock moves with real time. */
    public synchronized void run() {
        now = instant();
        runningSince = System.nanoTime();
    }

    /** The clock stands still again, where it is. */
    public synchronized void stop() {
        now = instant();
        runningSince = null;
    }

    @Override
    public synchronized Instant instant() {
        return runningSince == null ? now : now.plusNanos(System.nanoTime() - runningSince);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
