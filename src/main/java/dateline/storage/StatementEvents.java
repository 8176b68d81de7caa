package dateline.storage;

import jdk.jfr.FlightRecorder;
import org.jdbi.v3.core.statement.JdbiStatementEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDBI reports each statement to the JDK's flight recorder, and registers its event with it when it runs its first
 * statement. The flight recorder's first registration builds its model of every event the JVM knows and rewrites
 * the event's class, still in the interpreter: about 0.3 s of processor time on JDK 17, which a server's start
 * spent in front of its first query. {@link #registerMeanwhile()} makes the same registration on a thread of its
 * own as a server starts, beside the reading of its settings, the opening of its database and the building of its
 * services; JDBI's own registration then finds the event known (or waits for this one to finish). Where the JVM has
 * no flight recorder nothing is registered, as JDBI registers nothing.
 */
public final class StatementEvents {
    private static final Logger LOG = LoggerFactory.getLogger(StatementEvents.class);

    private StatementEvents() {}

    /** Registers JDBI's statement event on a thread of its own, which ends when it is done. */
    public static void registerMeanwhile() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) return;
        Thread thread = new Thread(StatementEvents::register, "dateline-statement-events");
        thread.setDaemon(true);
        thread.start();
    }

    private static void register() {
        try {
            if (FlightRecorder.isAvailable()) FlightRecorder.register(JdbiStatementEvent.class);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Could not register JDBI's statement event early; JDBI registers it at its first statement", e);
        }
    }
}
