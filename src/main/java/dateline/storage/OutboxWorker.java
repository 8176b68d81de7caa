package dateline.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the due items of one outbox on one background thread of this node. Any number of nodes may
 * deliver from one database: each item is claimed in the database before it is handed over, so it is
 * handed over once. A failed attempt is tried again later, each time waiting longer (the {@link Policy}'s
 * backoff), and after the last attempt the item is given up. No transaction is open while the receiver is
 * being talked to. What is delivered, and how, is the feature's {@link Courier}.
 */
public final class OutboxWorker<T> implements AutoCloseable {
    /** How long closing waits for an item that is being handed over. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final int BATCH = 50;
    private static final int MAX_ERROR = 300;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /**
     * How an outbox is worked: its thread's name, how often it looks for due items, how long a claim
     * lasts (longer than one whole hand-over with every timeout reached), and the wait after each failed
     * attempt; there is one attempt more than there are waits.
     */
    public record Policy(String name, Duration interval, Duration claim, List<Duration> backoff) {
        public Policy {
            backoff = List.copyOf(backoff);
        }

        public int maxAttempts() {
            return backoff.size() + 1;
        }
    }

    /** What one attempt came to: handed over, or not with a short account why; the receiver's code if it gave one. */
    public record Attempt(boolean delivered, Integer code, String error) {
        public static Attempt delivered(Integer code) {
            return new Attempt(true, code, null);
        }

        public static Attempt failed(Integer code, String error) {
            return new Attempt(false, code, clipped(error));
        }
    }

    /** A feature's way of handing over the items of its outbox, for one pass over what is due. */
    public interface Courier<T> {
        /** The claimed item, read in the transaction that claimed it. */
        Optional<T> claimed(Handle h, long id);

        /** How many attempts the item has had so far. */
        int attempts(T item);

        /** The item as the log may name it: never a secret, never personal data. */
        String named(T item);

        /** Tries to hand the item over; answers what came of it and throws nothing. */
        Attempt deliver(T item);
    }

    private final Jdbi jdbi;
    private final OutboxTable table;
    private final Policy policy;
    private final Supplier<Optional<Courier<T>>> couriers;
    private final Clock clock;
    private final String nodeName;
    private volatile boolean closed;
    private ScheduledExecutorService background;
    /** Items this worker has claimed and whose outcome is not recorded yet: normally one at most, being handed over. */
    private final java.util.Set<Long> holding = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param couriers the courier for the next pass, or none when nothing can be delivered now (such as mail
     *                 without a relay): then nothing is claimed and the items wait
     */
    public OutboxWorker(Jdbi jdbi, OutboxTable table, Policy policy, Supplier<Optional<Courier<T>>> couriers,
                        Clock clock, String nodeName) {
        this.jdbi = jdbi;
        this.table = table;
        this.policy = policy;
        this.couriers = couriers;
        this.clock = clock;
        this.nodeName = nodeName;
    }

    /** Delivers what is due at once and then every interval on a background thread, until {@link #close()}. */
    public synchronized OutboxWorker<T> start() {
        if (background != null || closed) throw new IllegalStateException("Delivery has already started");
        background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, policy.name());
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::deliverDueAndCarryOn, 0, policy.interval().toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Delivers every item that is due now and no other deliverer holds; answers how many were handed over. */
    public int deliverDue() {
        Optional<Courier<T>> courier = couriers.get();
        if (courier.isEmpty()) return 0;
        int delivered = 0;
        while (!closed) {
            List<Long> due = jdbi.withHandle(h -> table.due(h, clock.instant(), BATCH));
            if (due.isEmpty()) break;
            for (long id : due) {
                if (closed) break;
                Optional<T> claimed = claim(id, courier.get());
                if (claimed.isEmpty()) continue;
                holding.add(id);
                if (deliver(id, claimed.get(), courier.get())) delivered++;
                holding.remove(id);
            }
        }
        return delivered;
    }

    private Optional<T> claim(long id, Courier<T> courier) {
        Instant now = clock.instant();
        return WriteQueue.inTransaction(jdbi, h -> table.claim(h, id, nodeName, now, now.plus(policy.claim()))
                ? courier.claimed(h, id) : Optional.empty());
    }

    private boolean deliver(long id, T item, Courier<T> courier) {
        Attempt attempt = courier.deliver(item);
        int attempts = courier.attempts(item) + 1;
        Instant now = clock.instant();
        if (attempt.delivered()) {
            WriteQueue.useTransaction(jdbi, h -> table.markDone(h, id, attempts, attempt.code(), now));
            LOG.info("Delivered {}", courier.named(item));
            return true;
        }
        if (attempts >= policy.maxAttempts()) {
            WriteQueue.useTransaction(jdbi, h -> table.giveUp(h, id, attempts, attempt.code(), attempt.error(), now));
            LOG.warn("Gave up {} after {} attempts: {}", courier.named(item), attempts, attempt.error());
        } else {
            Instant next = now.plus(policy.backoff().get(attempts - 1));
            WriteQueue.useTransaction(jdbi, h -> table.retryLater(h, id, attempts, attempt.code(), attempt.error(), next));
            LOG.warn("{} failed (attempt {} of {}), trying again at {}: {}", courier.named(item), attempts,
                    policy.maxAttempts(), next, attempt.error());
        }
        return false;
    }

    /** A short account of a failure on one line, for the outbox and the log. */
    public static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) text.append(t == e ? ": " : " / ").append(t.getMessage());
        }
        return text.toString();
    }

    private static String clipped(String error) {
        String text = error == null ? "" : error.replaceAll("\\s+", " ").strip();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR - 1) + "…" : text;
    }

    private void deliverDueAndCarryOn() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            BackgroundFailures.report(LOG, "Could not work the outbox " + policy.name() + "; trying again in "
                    + policy.interval().toSeconds() + " seconds", e);
        }
    }

    /**
     * Stops delivering: no more items are claimed, and the one being handed over, if any, is given a few
     * seconds to finish and be recorded. The thread is not interrupted, which could lose the outcome of an
     * item the receiver has accepted. Once it has stopped, a claim this worker still holds (an outcome that could
     * not be recorded) is given up, so that another node delivers the item at once; an item still being handed
     * over keeps its claim, and is claimed again once that runs out.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (background == null) return;
        background.shutdown();
        try {
            if (!background.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The outbox {} is still talking to a receiver; leaving it to finish on its own", policy.name());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        releaseClaims();
    }

    private void releaseClaims() {
        for (long id : List.copyOf(holding)) {
            try {
                WriteQueue.useTransaction(jdbi, h -> table.releaseClaim(h, id, nodeName));
                holding.remove(id);
            } catch (RuntimeException e) {
                LOG.warn("Could not give up the claim on an item of {}; it is claimed again once the claim runs out",
                        policy.name(), e);
            }
        }
    }
}
