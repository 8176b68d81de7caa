package dateline.webhooks;

import dateline.articles.Article;
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
 * member's email address. This is the one place to change (or to unify with the JSON API's) when receivers
 * need more.
 */
final class Payloads {
    private final String baseUrl;

    Payloads(String baseUrl) {
        this.baseUrl = baseUrl;
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

    Map<String, Object> article(FullArticle full, Optional<ArticleUpdate> note) {
        Article a = full.article();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", a.id());
        data.put("url", a.path() == null ? null : baseUrl + a.path());
        data.put("headline", a.headline());
        data.put("standfirst", a.standfirst());
        data.put("type", a.type().code());
        data.put("section", full.section().map(s -> Map.of("name", s.name(), "url", baseUrl + s.path())).orElse(null));
        data.put("tags", full.tags().stream().map(t -> Map.of("name", t.name(), "url", baseUrl + t.path())).toList());
        data.put("authors", full.bylines().stream().map(b -> Map.of("name", b.name(), "url", baseUrl + b.path())).toList());
        data.put("published_at", text(a.publishedAt()));
        data.put("updated_at", text(a.significantlyUpdatedAt()));
        data.put("status", a.status().code());
        note.ifPresent(n -> data.put("note", Map.of("kind", n.kind().code(),
                "text", n.note(), "at", n.happenedAt().toString())));
        return data;
    }

    Map<String, Object> comment(Comment c, FullArticle article) {
        String articleUrl = article.article().path() == null ? null : baseUrl + article.article().path();
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", c.authorName());
        author.put("website", c.authorWebsite() == null || c.authorWebsite().isEmpty() ? null : c.authorWebsite());
        author.put("newsroom", c.byStaff());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", c.id());
        data.put("url", articleUrl == null ? null : articleUrl + "#comment-" + c.id());
        data.put("article", Map.of("id", article.article().id(), "url", articleUrl == null ? "" : articleUrl,
                "headline", article.article().headline()));
        data.put("parent_id", c.parentId());
        data.put("author", author);
        data.put("body_html", c.bodyHtml());
        data.put("created_at", c.createdAt().toString());
        return data;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
