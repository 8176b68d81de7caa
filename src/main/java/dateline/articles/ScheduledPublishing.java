package dateline.articles;

import dateline.storage.BackgroundFailures;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes: on start (so that what came due while the site was
 * down goes out at once) and every few seconds after. Any number of nodes may run it; the claim in the
 * database publishes each article once.
 */
public final class ScheduledPublishing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);
    private static final long EVERY_SECONDS = 10;

    private final ArticleService articles;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dateline-scheduled-publishing");
        thread.setDaemon(true);
        return thread;
    });

    public ScheduledPublishing(ArticleService articles) {
        this.articles = articles;
    }

    public ScheduledPublishing start() {
        executor.scheduleWithFixedDelay(this::publishDue, 0, EVERY_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    private void publishDue() {
        try {
            articles.publishDue();
        } catch (RuntimeException e) {
            BackgroundFailures.report(LOG, "Publishing scheduled articles failed; trying again shortly", e);
        }
    }

    /**
     * Stops publishing: an article being published is finished (its claim and its publication commit together),
     * waiting a few seconds at most, then the thread is stopped.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
