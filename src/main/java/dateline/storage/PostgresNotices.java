package dateline.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears PostgreSQL's notifications on one channel through a connection of its own (outside the pool, which
 * would hand it to others and replace it at will), on a daemon thread. When the connection is lost it opens
 * another, waiting longer after each failure, and then runs the reading once, since notifications sent while
 * nobody listened are gone. While nothing is heard it checks the connection now and then, so that a silently
 * dropped one is noticed.
 */
final class PostgresNotices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotices.class);
    /** How long one wait for notifications lasts: also how long closing may take. */
    static final Duration WAIT = Duration.ofMillis(250);
    /** How often a connection that hears nothing is asked whether it still answers. */
    static final Duration CHECK = Duration.ofSeconds(5);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final Database database;
    private final String channel;
    private final Runnable read;
    private final Thread thread;
    private volatile boolean closed;

    private PostgresNotices(Database database, String channel, Runnable read) {
        this.database = database;
        this.channel = channel;
        this.read = read;
        this.thread = new Thread(this::listenUntilClosed, "dateline-notices");
        thread.setDaemon(true);
    }

    static PostgresNotices listen(Database database, String channel, Runnable read) {
        PostgresNotices notices = new PostgresNotices(database, channel, read);
        notices.thread.start();
        return notices;
    }

    private void listenUntilClosed() {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (!closed) {
            try (Connection c = database.connectAlone()) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                if (lost) LOG.info("Hearing of other servers' changes again");
                lost = false;
                retry = FIRST_RETRY;
                readQuietly(); // what was committed before this connection listened
                hear(c);
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                if (!lost) LOG.warn("Lost the connection that hears of other servers' changes ({}); opening it again, "
                        + "and reading them every second meanwhile", e.getMessage());
                lost = true;
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /** Waits for notifications and reads on each, until the connection fails or this closes. */
    private void hear(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (!closed) {
            PGNotification[] notes = pg.getNotifications((int) WAIT.toMillis());
            if (notes != null && notes.length > 0) {
                readQuietly();
                checked = System.nanoTime();
            } else if (System.nanoTime() - checked > CHECK.toNanos()) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("SELECT 1"); // fails when the server has gone
                }
                checked = System.nanoTime();
            }
        }
    }

    private void readQuietly() {
        try {
            read.run();
        } catch (RuntimeException e) {
            BackgroundFailures.report(LOG, "Could not read the changes made by other servers; trying again", e);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt(); // ends a wait before the next attempt; a wait for notifications ends by itself
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
