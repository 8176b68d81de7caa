package dateline.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due messages through the relay, on one background thread of this node. Any number
 * of nodes may deliver from one database: each message is claimed in the database before it is sent, so
 * it is sent once. A failed attempt is tried again later, each time waiting longer, and after
 * {@value #MAX_ATTEMPTS} attempts the message is given up. No database transaction is ever open while
 * the relay is being talked to.
 */
public final class OutboxDelivery implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Long enough for one message's whole conversation with the relay, with every timeout reached. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** How long to wait after the first, second… failed attempt. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    static final int MAX_ATTEMPTS = 6;
    /** How long closing waits for a message that is being sent. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final int BATCH = 50;
    private static final int MAX_ERROR = 300;
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final MailRepository repository;
    private final Supplier<MailSettings> settings;
    private final Clock clock;
    private final String nodeName;
    private volatile boolean closed;
    private ScheduledExecutorService background;

    public OutboxDelivery(Jdbi jdbi, Supplier<MailSettings> settings, Clock clock, String nodeName) {
        this.repository = new MailRepository(jdbi);
        this.settings = settings;
        this.clock = clock;
        this.nodeName = nodeName;
    }

    /** Delivers what is due at once and then every {@link #INTERVAL} on a background thread, until {@link #close()}. */
    public synchronized OutboxDelivery start() {
        if (background != null || closed) throw new IllegalStateException("Delivery has already started");
        background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "mail-outbox");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::deliverDueAndCarryOn, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Delivers every message that is due now and no other deliverer holds; answers how many were sent.
     * Without a configured relay nothing is claimed: messages wait.
     */
    public int deliverDue() {
        MailSettings current = settings.get();
        if (!current.isConfigured()) return 0;
        SmtpRelay relay = new SmtpRelay(current, clock);
        int sent = 0;
        while (!closed) {
            List<Long> due = repository.read(h -> repository.due(h, clock.instant(), BATCH));
            if (due.isEmpty()) break;
            for (long id : due) {
                if (closed) break;
                Optional<OutboxMessage> claimed = claim(id);
                if (claimed.isPresent() && deliver(claimed.get(), relay, current)) sent++;
            }
        }
        return sent;
    }

    private Optional<OutboxMessage> claim(long id) {
        Instant now = clock.instant();
        return repository.inTransaction(h -> repository.claim(h, id, nodeName, now, now.plus(CLAIM))
                ? repository.byId(h, id) : Optional.empty());
    }

    private boolean deliver(OutboxMessage message, SmtpRelay relay, MailSettings current) {
        String domain = message.mail().recipientDomain();
        try {
            relay.send(message.mail());
        } catch (Exception e) {
            recordFailure(message, describe(e, current), domain);
            return false;
        }
        repository.inTransaction(h -> {
            repository.markSent(h, message.id(), clock.instant());
            return null;
        });
        log.info("Sent mail {} to a recipient at {}", message.id(), domain);
        return true;
    }

    private void recordFailure(OutboxMessage message, String error, String domain) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        if (attempts >= MAX_ATTEMPTS) {
            repository.inTransaction(h -> {
                repository.giveUp(h, message.id(), attempts, error, now);
                return null;
            });
            log.warn("Gave up mail {} to a recipient at {} after {} attempts: {}", message.id(), domain, attempts, error);
        } else {
            Instant next = now.plus(BACKOFF.get(attempts - 1));
            repository.inTransaction(h -> {
                repository.retryLater(h, message.id(), attempts, error, next);
                return null;
            });
            log.warn("Mail {} to a recipient at {} failed (attempt {} of {}), trying again at {}: {}",
                    message.id(), domain, attempts, MAX_ATTEMPTS, next, error);
        }
    }

    /** A short account of a failure, for the outbox and the log: never the password, never the body. */
    static String describe(Exception e, MailSettings settings) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) text.append(t == e ? ": " : " / ").append(t.getMessage());
        }
        String error = text.toString().replaceAll("\\s+", " ").strip();
        if (settings.password() != null && !settings.password().isEmpty()) {
            error = error.replace(settings.password(), "(hidden)");
        }
        return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error;
    }

    private void deliverDueAndCarryOn() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Could not deliver the mail outbox; trying again in {} seconds", INTERVAL.toSeconds(), e);
        }
    }

    /**
     * Stops delivering: no more messages are claimed, and the one being sent, if any, is given a few
     * seconds to finish and be recorded. The thread is not interrupted, which could lose the outcome of a
     * message the relay has accepted; a message still unrecorded is claimed again once its claim runs out.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (background == null) return;
        background.shutdown();
        try {
            if (!background.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Mail delivery is still talking to the relay; leaving it to finish on its own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
