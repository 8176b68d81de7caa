package dateline.admin;

import dateline.site.Stamp;
import java.util.List;

/**
 * One webhook: where it posts, its secret (for the receiver to check signatures with), the events it
 * wants, whether it is paused, what an administrator can do with it, and its delivery log.
 */
public record WebhookPage(AdminFrame frame, long id, String url, String secret, List<String> events, boolean active,
                          Stamp created, List<Row> deliveries, String newerUrl, String olderUrl, String notice,
                          String problem) {
    /** One delivery of the log. */
    public record Row(long id, String event, String statusCode, String statusLabel, int attempts, String response,
                      String error, Stamp created, Stamp finished, Stamp next, String payload, boolean canRedeliver) {}

    public String action(String verb) {
        return "/admin/webhooks/" + id + "/" + verb;
    }
}
