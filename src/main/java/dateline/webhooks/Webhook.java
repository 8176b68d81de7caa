package dateline.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A receiver the site tells of events: where to post, the secret both ends sign with, the events it wants,
 * and whether it is paused ({@code active} false: no new deliveries are written for it).
 */
public record Webhook(long id, String url, String secret, Set<WebhookEvent> events, boolean active, Long createdBy,
                      Instant createdAt) {
    public Webhook {
        events = Set.copyOf(events);
    }

    public boolean wants(WebhookEvent event) {
        return active && events.contains(event);
    }

    /** The receiver's host: all that logs say of where a delivery went, since an address may carry a token. */
    public String host() {
        return hostOf(url);
    }

    static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "(no host)" : host;
    }
}
