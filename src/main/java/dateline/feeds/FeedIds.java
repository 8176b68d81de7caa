package dateline.feeds;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The GUIDs of feed entries: tag URIs (RFC 4151) made from the site's host, the day the thing was created
 * and its id. None of these ever changes, so an update, a new headline or a new address never makes a
 * feed reader show an article or a comment twice. An export gives its items the same GUIDs, so that an
 * article moved to another site is still the same entry.
 */
public final class FeedIds {
    private final String authority;

    public FeedIds(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        this.authority = host == null || host.isEmpty() ? "localhost" : host;
    }

    public String article(long id, Instant createdAt) {
        return tag(createdAt, "article-" + id);
    }

    public String page(long id, Instant createdAt) {
        return tag(createdAt, "page-" + id);
    }

    public String media(long id, Instant createdAt) {
        return tag(createdAt, "media-" + id);
    }

    public String comment(long id, Instant createdAt) {
        return tag(createdAt, "comment-" + id);
    }

    private String tag(Instant created, String specific) {
        return "tag:" + authority + "," + created.atOffset(ZoneOffset.UTC).toLocalDate() + ":" + specific;
    }
}
