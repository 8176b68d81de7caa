package dateline.webhooks;

import dateline.api.ApiViews;
import dateline.articles.ArticleUpdate;
import dateline.articles.FullArticle;
import dateline.comments.Comment;
import dateline.web.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a payload says of an article or a comment: only what readers of the public pages can see, with
 * absolute addresses. A commenter's email address, network address and browser are never in it, nor a
 * member's email address. Articles and comments have the fields the JSON API gives them, so a receiver
 * reads one shape from both.
 */
final class Payloads {
    private final String baseUrl;
    private final ApiViews views;

    Payloads(String baseUrl) {
        this.baseUrl = baseUrl;
        this.views = new ApiViews(baseUrl);
    }

    /** The whole body of a delivery: its id, the event, when it happened, and the event's data. */
    static String envelope(long deliveryId, WebhookEvent event, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.toString(deliveryId));
        body.put("event", event.code());
        body.put("created_at", at.toString());
        body.put("data", data);
        return Json.write(body);
    }

    /** The article as the JSON API shows it, with the public note of an update or correction. */
    Map<String, Object> article(FullArticle full, Optional<ArticleUpdate> note) {
        Map<String, Object> data = views.articleFields(full);
        note.ifPresent(n -> data.put("note", Map.of("kind", n.kind().code(),
                "text", n.note(), "at", n.happenedAt().toString())));
        return data;
    }

    /** The comment as the JSON API shows it, with its address and the article it is on. */
    Map<String, Object> comment(Comment c, FullArticle article) {
        String articleUrl = article.article().path() == null ? null : baseUrl + article.article().path();
        Map<String, Object> data = views.commentFields(c);
        data.put("url", articleUrl == null ? null : articleUrl + "#comment-" + c.id());
        data.put("article", Map.of("id", article.article().id(), "url", articleUrl == null ? "" : articleUrl,
                "headline", article.article().headline()));
        return data;
    }
}
