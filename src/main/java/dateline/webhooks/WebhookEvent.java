package dateline.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a webhook can be told of, by the name receivers see in the payload and the {@code Dateline-Event} header. */
public enum WebhookEvent {
    ARTICLE_PUBLISHED("article.published", "An article is published"),
    ARTICLE_UPDATED("article.updated", "A public article changes: an edit, an update, a correction, a new address, a retraction"),
    COMMENT_APPROVED("comment.approved", "A comment is approved and shown to readers"),
    /** Sent only when an administrator asks, to see that the receiver answers. */
    PING("ping", "A test, sent by hand");

    private final String code;
    private final String description;

    WebhookEvent(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The events a webhook can choose to hear of. */
    public static List<WebhookEvent> subscribable() {
        return List.of(ARTICLE_PUBLISHED, ARTICLE_UPDATED, COMMENT_APPROVED);
    }

    public static Optional<WebhookEvent> named(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
