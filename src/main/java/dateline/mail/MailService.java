package dateline.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The site's mail, as the features that send it see it: a message is put in the outbox and the request
 * goes on at once; {@link OutboxDelivery} sends it in the background. Owns the transactions of its verbs.
 */
public final class MailService {
    private final MailRepository repository;
    private final Supplier<MailSettings> settings;
    private final Clock clock;

    public MailService(Jdbi jdbi, Supplier<MailSettings> settings, Clock clock) {
        this.repository = new MailRepository(jdbi);
        this.settings = settings;
        this.clock = clock;
    }

    /** True when the site has a relay to send through; until then messages wait in the outbox. */
    public boolean isConfigured() {
        return settings.get().isConfigured();
    }

    /** Puts a message in the outbox, durably, without waiting for any relay; answers its id. */
    public long enqueue(Mail mail) {
        Objects.requireNonNull(mail, "mail");
        return repository.inTransaction(h -> repository.insert(h, mail, clock.instant()));
    }

    /** Deletes the messages sent or given up longer ago than the given age; answers how many. */
    public int purgeDelivered(Duration olderThan) {
        return repository.inTransaction(h -> repository.deleteFinishedBefore(h, clock.instant().minus(olderThan)));
    }

    public OutboxStatus status() {
        return repository.read(repository::status);
    }
}
