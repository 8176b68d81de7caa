package dateline.admin;

import dateline.site.Stamp;
import dateline.webhooks.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The site's webhooks, and the form to add one. */
public record WebhooksPage(AdminFrame frame, List<Row> webhooks, List<WebhookEvent> events, String url,
                           Set<String> chosen, Map<String, String> problems, String notice) {
    /** One webhook in the list. */
    public record Row(String url, String page, List<String> events, boolean active, Stamp created) {}

    public String problem(String field) {
        return problems.get(field);
    }

    public boolean isChosen(WebhookEvent event) {
        return chosen.contains(event.code());
    }
}
