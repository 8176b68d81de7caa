package dateline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each step of starting a server ended, counted from the start of the JVM, with the processor time the
 * whole process (every thread, the compilers' too) had used by then: where a slow start goes, without a
 * profiler. The server logs the time to ready and the processor time in its "listening" line; the steps are
 * logged at debug level ({@code -Dorg.slf4j.simpleLogger.log.dateline.StartupTimeline=debug}).
 *
 * <p>Read from {@link ProcessHandle} rather than the management beans, which would load a few hundred classes of
 * their own into every start to measure it.
 */
final class StartupTimeline {
    private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

    /** One step: its name, when it ended after the JVM started, and the processor time used by then. */
    record Step(String name, Duration sinceStart, Duration processorTime) {}

    /** When the JVM started, to a hundredth of a second on Linux; empty where the system does not say. */
    private final Optional<Instant> jvmStart = ProcessHandle.current().info().startInstant();
    private final List<Step> steps = new ArrayList<>();

    /** Notes that the step just finished. */
    synchronized Step mark(String name) {
        Duration since = jvmStart.map(start -> Duration.between(start, Instant.now())).orElse(Duration.ZERO);
        Step step = new Step(name, since,
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        steps.add(step);
        LOG.debug("{} ms after the JVM started, {} ms of processor time: {}", step.sinceStart().toMillis(),
                step.processorTime().toMillis(), name);
        return step;
    }

    synchronized List<Step> steps() {
        return List.copyOf(steps);
    }
}
