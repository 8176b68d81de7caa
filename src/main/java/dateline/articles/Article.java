package dateline.articles;

import java.time.Instant;

/**
 * An article as stored. {@code path} is its public address once it has one (from its first publication);
 * {@code significantlyUpdatedAt} moves only with a significant update or correction, never with a minor
 * edit, while {@code editedAt} moves with every change; {@code version} counts saves, so that two people
 * editing at once find out instead of overwriting each other. {@code pinnedAt} is when an editor pinned it
 * to the front page, null when it is not pinned.
 */
public record Article(
        long id,
        String slug,
        String path,
        String headline,
        String standfirst,
        BodyFormat bodyFormat,
        String bodySource,
        String bodyHtml,
        ArticleStatus status,
        ArticleType type,
        Long sectionId,
        String datelinePlace,
        Instant publishedAt,
        Instant significantlyUpdatedAt,
        Instant createdAt,
        Instant editedAt,
        int version,
        boolean commentsOpen,
        String retractionNote,
        Instant retractedAt,
        Long featuredMediaId,
        Instant pinnedAt) {

    public boolean pinned() {
        return pinnedAt != null;
    }

    /** When readers are told the article last changed in substance: the last significant update, else publication. */
    public Instant modifiedAt() {
        return ArticleDates.modifiedAt(publishedAt, significantlyUpdatedAt);
    }
}
