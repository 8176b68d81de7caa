package dateline.mail;

import dateline.storage.OutboxWorker;
import dateline.storage.OutboxWorker.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends the outbox's due messages through the relay, on one background thread of this node. Any number
 * of nodes may deliver from one database: each message is claimed in the database before it is sent, so
 * it is sent once. A failed attempt is tried again later, each time waiting longer, and after
 * {@value #MAX_ATTEMPTS} attempts the message is given up. No database transaction is ever open while
 * the relay is being talked to. The claiming and retrying are every outbox's ({@link OutboxWorker}); what is
 * particular to mail is the relay, and that a site without one claims nothing.
 */
public final class OutboxDelivery implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Long enough for one message's whole conversation with the relay, with every timeout reached. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** How long to wait after the first, second… failed attempt. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    static final int MAX_ATTEMPTS = 6;

    private final OutboxWorker<OutboxMessage> worker;

    public OutboxDelivery(Jdbi jdbi, Supplier<MailSettings> settings, Clock clock, String nodeName) {
        MailRepository repository = new MailRepository(jdbi);
        this.worker = new OutboxWorker<>(jdbi, MailRepository.OUTBOX,
                new OutboxWorker.Policy("mail-outbox", INTERVAL, CLAIM, BACKOFF),
                () -> Optional.of(settings.get()).filter(MailSettings::isConfigured)
                        .map(current -> new RelayCourier(repository, new SmtpRelay(current, clock), current)),
                clock, nodeName);
    }

    /** Delivers what is due at once and then every {@link #INTERVAL} on a background thread, until {@link #close()}. */
    public OutboxDelivery start() {
        worker.start();
        return this;
    }

    /**
     * Delivers every message that is due now and no other deliverer holds; answers how many were sent.
     * Without a configured relay nothing is claimed: messages wait.
     */
    public int deliverDue() {
        return worker.deliverDue();
    }

    /** Stops delivering; see {@link OutboxWorker#close()}. */
    @Override
    public void close() {
        worker.close();
    }

    /** Hands messages to one relay, as the settings of one pass describe it. */
    private record RelayCourier(MailRepository repository, SmtpRelay relay, MailSettings settings)
            implements OutboxWorker.Courier<OutboxMessage> {
        @Override
        public Optional<OutboxMessage> claimed(Handle h, long id) {
            return repository.byId(h, id);
        }

        @Override
        public int attempts(OutboxMessage message) {
            return message.attempts();
        }

        /** The message and the part of its recipient's address after the @: all the log may say of them. */
        @Override
        public String named(OutboxMessage message) {
            return "mail " + message.id() + " to a recipient at " + message.mail().recipientDomain();
        }

        @Override
        public Attempt deliver(OutboxMessage message) {
            try {
                relay.send(message.mail());
                return Attempt.delivered(null);
            } catch (Exception e) {
                return Attempt.failed(null, describe(e, settings));
            }
        }
    }

    /** A short account of a failure, for the outbox and the log: never the password, never the body. */
    static String describe(Exception e, MailSettings settings) {
        String error = OutboxWorker.describe(e);
        if (settings.password() != null && !settings.password().isEmpty()) {
            error = error.replace(settings.password(), "(hidden)");
        }
        return error;
    }
}
