package dateline.storage;

import org.slf4j.Logger;

/**
 * How background work (outboxes, scheduled publishing, reading other nodes' changes) reports a failed round:
 * while the database is out of reach, one line naming the cause, since each round says the same thing every few
 * seconds until it returns; any other failure with its whole trace, which is what finds a fault.
 */
public final class BackgroundFailures {
    private BackgroundFailures() {}

    public static void report(Logger log, String what, RuntimeException failure) {
        if (Database.isUnreachable(failure)) {
            log.warn("{}: the database is out of reach ({})", what, failure.getMessage());
        } else {
            log.warn(what, failure);
        }
    }
}
