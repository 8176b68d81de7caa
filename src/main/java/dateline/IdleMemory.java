package dateline;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a server give back to the system the memory a burst of readers made its heap grow to, once the burst is
 * over. The JVM's collector (G1) grows the heap while requests allocate quickly, and left alone keeps it at that
 * size for good; with its periodic collection on, a collection runs after a while without one, and the heap
 * shrinks to what is live. Measured after benchmark 1's load on a 10,000-article site: 302 MB resident, 191 MB
 * twenty seconds later. An idle server pays one concurrent collection per interval, a few milliseconds of a
 * thread. An operator who has set the interval ({@code -XX:G1PeriodicGCInterval}) keeps it; other collectors
 * ignore the setting.
 */
final class IdleMemory {
    private static final Logger LOG = LoggerFactory.getLogger(IdleMemory.class);
    static final String OPTION = "G1PeriodicGCInterval";
    /** How long without a collection before one runs: longer than the gaps between a busy site's collections. */
    static final Duration INTERVAL = Duration.ofSeconds(30);

    private IdleMemory() {}

    /** Turns the periodic collection on, unless it was set when the JVM was started; answers whether it did. */
    static boolean returnAfterBursts() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            VMOption option = vm.getVMOption(OPTION);
            if (option.getOrigin() != VMOption.Origin.DEFAULT || !option.isWriteable()) return false;
            vm.setVMOption(OPTION, Long.toString(INTERVAL.toMillis()));
            return true;
        } catch (RuntimeException e) { // a JVM without the option, or without these beans
            LOG.debug("Left the collector's periodic collection as it was", e);
            return false;
        }
    }
}
