package dateline.webhooks;

import java.time.Instant;

/**
 * One event for one webhook, as its delivery log shows it: the exact body posted, how many attempts it has
 * had, the receiver's last HTTP status and the last error (short, and never the secret), and when it was
 * delivered or given up.
 */
public record Delivery(long id, long webhookId, String event, String payload, Instant createdAt, int attempts,
                       Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt,
                       Instant failedAt) {
    public DeliveryStatus status() {
        if (deliveredAt != null) return DeliveryStatus.DELIVERED;
        if (failedAt != null) return DeliveryStatus.FAILED;
        return DeliveryStatus.PENDING;
    }
}
