package dateline.pages;

import dateline.articles.BodyFormat;
import java.time.Instant;

/**
 * A page as stored. {@code body} is what was written (Markdown, or HTML already sanitized); {@code bodyHtml}
 * is the safe HTML readers get. The dates are the newsroom's (and HTTP caching's), never shown to readers.
 */
public record Page(long id, Long parentId, String title, String slug, String path, BodyFormat bodyFormat,
                   String body, String bodyHtml, PageStatus status, Instant createdAt, Instant modifiedAt) {
    public boolean isPublished() {
        return status == PageStatus.PUBLISHED;
    }
}
