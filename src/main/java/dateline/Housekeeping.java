package dateline;

import dateline.accounts.PasswordResets;
import dateline.accounts.SessionService;
import dateline.comments.CommentService;
import dateline.mail.MailService;
import dateline.moderation.SpamClassifier;
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
 * password links, full rate-limit buckets, mail delivered more than thirty days ago, commenters' network
 * addresses and browsers past the retention period, the uses of expired comment-form tokens, spam kept
 * longer than the site keeps it, and the cache invalidations every server has read long ago. And trains the spam classifier again when moderators have taught it
 * something since the last time.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration KEEP_DELIVERED_MAIL = Duration.ofDays(30);

    private final SessionService sessions;
    private final PasswordResets passwordResets;
    private final MailService mail;
    private final CommentService comments;
    private final SpamClassifier spam;
    private final DatabaseBuckets buckets;
    private final CacheInvalidation invalidation;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dateline-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    Housekeeping(SessionService sessions, PasswordResets passwordResets, MailService mail, CommentService comments,
                 SpamClassifier spam, CacheInvalidation invalidation, Jdbi jdbi, Clock clock) {
        this.invalidation = invalidation;
        this.sessions = sessions;
        this.passwordResets = passwordResets;
        this.mail = mail;
        this.comments = comments;
        this.spam = spam;
        this.buckets = new DatabaseBuckets(jdbi, clock);
    }

    Housekeeping start() {
        executor.scheduleWithFixedDelay(this::tidy, 1, 60, TimeUnit.MINUTES);
        return this;
    }

    void tidy() {
        try {
            int forgotten = sessions.forgetExpired() + passwordResets.forgetOld() + buckets.forgetFullBuckets()
                    + mail.purgeDelivered(KEEP_DELIVERED_MAIL) + comments.forgetOldAddresses()
                    + comments.forgetUsedFormTokens() + comments.emptySpamFolder() + invalidation.forgetOld();
            if (forgotten > 0) LOG.info("Housekeeping forgot {} expired records", forgotten);
            spam.retrainIfDue();
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed; it runs again in an hour", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
