package dateline;

import dateline.accounts.PasswordResets;
import dateline.accounts.SessionService;
import dateline.comments.CommentService;
import dateline.mail.MailService;
import dateline.storage.DatabaseBuckets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets, every hour, what the site no longer needs and should not keep: ended sessions, used or expired
 * password links, full rate-limit buckets, mail delivered more than thirty days ago, and commenters'
 * network addresses and browsers past the retention period.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration KEEP_DELIVERED_MAIL = Duration.ofDays(30);

    private final SessionService sessions;
    private final PasswordResets passwordResets;
    private final MailService mail;
    private final CommentService comments;
    private final DatabaseBuckets buckets;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dateline-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(SessionService sessions, PasswordResets passwordResets, MailService mail, CommentService comments,
                 Jdbi jdbi, Clock clock) {
        this.sessions = sessions;
        this.passwordResets = passwordResets;
        this.mail = mail;
        this.comments = comments;
        this.buckets = new DatabaseBuckets(jdbi, clock);
    }

    Housekeeping start() {
        executor.scheduleWithFixedDelay(this::tidy, 1, 60, TimeUnit.MINUTES);
        return this;
    }

    void tidy() {
        try {
            int forgotten = sessions.forgetExpired() + passwordResets.forgetOld() + buckets.forgetFullBuckets()
                    + mail.purgeDelivered(KEEP_DELIVERED_MAIL) + comments.forgetOldAddresses();
            if (forgotten > 0) LOG.info("Housekeeping forgot {} expired records", forgotten);
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed; it runs again in an hour", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
