package dateline.webhooks;

import dateline.accounts.Account;
import dateline.accounts.Permission;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.Keyset;
import dateline.web.NotAllowed;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The site's webhooks as administrators keep them: adding one (its secret made here), pausing, resuming,
 * deleting, a test ping, the delivery log, and redelivering what failed. Also writes the deliveries of an
 * event inside the transaction of the change it announces. Owns the transactions of its verbs.
 */
public final class WebhookService {
    static final int MAX_URL = 2000;

    private final WebhookRepository repository;
    private final Clock clock;

    public WebhookService(Jdbi jdbi, Clock clock) {
        this.repository = new WebhookRepository(jdbi);
        this.clock = clock;
    }

    public List<Webhook> all() {
        return repository.read(repository::all);
    }

    public Optional<Webhook> byId(long id) {
        return repository.read(h -> repository.byId(h, id));
    }

    /** Adds a webhook for the events, with a new secret; the receiver must be an http or https address. */
    public Webhook add(String url, Set<WebhookEvent> events, Account by) {
        requireAdministrator(by);
        String address = url == null ? "" : url.strip();
        InvalidInput.check()
                .when(addressProblem(address) != null, "url", addressProblem(address))
                .when(events.isEmpty(), "events", "Choose at least one event.")
                .when(events.contains(WebhookEvent.PING), "events", "A ping is only ever sent by hand.")
                .throwIfAny();
        return repository.inTransaction(h -> repository.byId(h,
                repository.insert(h, address, Signatures.newSecret(), events, by.id(), clock.instant())).orElseThrow());
    }

    /** Why the text cannot be a receiver's address, or null when it can. */
    static String addressProblem(String url) {
        if (url.isEmpty()) return "Give the address to post to, such as https://example.org/hooks/dateline.";
        if (url.length() > MAX_URL) return "Keep the address under " + MAX_URL + " characters.";
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "Give an address that starts with https:// (or http://).";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) return "Give an address with a host name, such as https://example.org/hooks.";
            if (uri.getRawUserInfo() != null) return "Leave the user name and password out of the address: receivers check the signature instead.";
            if (uri.getRawFragment() != null) return "Leave out the part after #: it is never sent.";
            return null;
        } catch (URISyntaxException e) {
            return "This is not a web address; give one such as https://example.org/hooks/dateline.";
        }
    }

    /** Pauses or resumes a webhook: while paused, no deliveries are written for it. */
    public Webhook setActive(long webhookId, boolean active, Account by) {
        requireAdministrator(by);
        return repository.inTransaction(h -> {
            if (!repository.setActive(h, webhookId, active)) throw new WebhookNotFound(webhookId);
            return repository.byId(h, webhookId).orElseThrow();
        });
    }

    /** Deletes a webhook with its delivery log; what was still to be delivered is not. */
    public void delete(long webhookId, Account by) {
        requireAdministrator(by);
        repository.inTransaction(h -> {
            if (!repository.delete(h, webhookId)) throw new WebhookNotFound(webhookId);
            return null;
        });
    }

    /** Sends the webhook a {@code ping}, paused or not, so an administrator can see that the receiver answers. */
    public Delivery ping(long webhookId, Account by) {
        requireAdministrator(by);
        return repository.inTransaction(h -> {
            Webhook webhook = repository.byId(h, webhookId).orElseThrow(() -> new WebhookNotFound(webhookId));
            long id = write(h, webhook, WebhookEvent.PING, Map.of("webhook_id", webhook.id(),
                    "message", "Dateline can reach this address."));
            return repository.delivery(h, id).orElseThrow();
        });
    }

    /** How many deliveries wait to be handed over (the outbox's backlog), across every webhook. */
    public long waiting() {
        return repository.read(h -> WebhookRepository.OUTBOX.countUnfinished(h));
    }

    /** One page of a webhook's delivery log, newest first. */
    public Paged<Delivery> deliveries(long webhookId, PageRequest page) {
        return repository.read(h -> Keyset.page(page,
                (cursor, older, limit) -> repository.deliveries(h, webhookId, cursor, older, limit),
                d -> new Cursor(d.createdAt(), d.id())));
    }

    public Optional<Delivery> delivery(long deliveryId) {
        return repository.read(h -> repository.delivery(h, deliveryId));
    }

    /** Tries a failed delivery again at once, with the same id and body, its attempts counted afresh. */
    public Delivery redeliver(long deliveryId, Account by) {
        requireAdministrator(by);
        return repository.inTransaction(h -> {
            Delivery delivery = repository.delivery(h, deliveryId).orElseThrow(() -> new DeliveryNotFound(deliveryId));
            if (!repository.redeliver(h, deliveryId, clock.instant())) {
                throw InvalidInput.of("delivery", delivery.status() == DeliveryStatus.DELIVERED
                        ? "This delivery was delivered; there is nothing to redeliver."
                        : "This delivery is still being tried; it can be redelivered once it has failed.");
            }
            return repository.delivery(h, deliveryId).orElseThrow();
        });
    }

    /**
     * Writes a delivery of the event for every active webhook that wants it, inside the caller's
     * transaction, so the deliveries commit, or roll back, with the change they announce.
     */
    void announce(Handle h, WebhookEvent event, Map<String, Object> data) {
        for (Webhook webhook : repository.all(h)) {
            if (webhook.wants(event)) write(h, webhook, event, data);
        }
    }

    /** True when some active webhook wants the event: saves building a payload nobody receives. */
    boolean anyoneWants(Handle h, WebhookEvent event) {
        return repository.all(h).stream().anyMatch(w -> w.wants(event));
    }

    private long write(Handle h, Webhook webhook, WebhookEvent event, Map<String, Object> data) {
        Instant now = clock.instant();
        long id = repository.insertDelivery(h, webhook.id(), event, now);
        repository.setPayload(h, id, Payloads.envelope(id, event, now, data));
        return id;
    }

    private static void requireAdministrator(Account by) {
        if (!by.role().can(Permission.MANAGE_SETTINGS)) throw new NotAllowed("Only administrators keep webhooks.");
    }

    /** Thrown when an id names no webhook. */
    public static final class WebhookNotFound extends RuntimeException {
        public WebhookNotFound(long id) {
            super("No webhook " + id);
        }
    }

    /** Thrown when an id names no delivery. */
    public static final class DeliveryNotFound extends RuntimeException {
        public DeliveryNotFound(long id) {
            super("No webhook delivery " + id);
        }
    }
}
