package dateline.articles;

import java.time.Instant;
import java.util.List;

/**
 * An article as a list shows it. {@code editedAt} is known only in the newsroom's lists; {@code pinnedAt} is
 * when it was pinned to the front page, null when it is not pinned.
 */
public record ArticleSummary(
        long id,
        String path,
        String headline,
        String standfirst,
        ArticleType type,
        Long sectionId,
        Instant publishedAt,
        Instant significantlyUpdatedAt,
        List<Byline> bylines,
        ArticleStatus status,
        Instant editedAt,
        Long featuredMediaId,
        Instant pinnedAt) {

    public boolean pinned() {
        return pinnedAt != null;
    }

    public Instant modifiedAt() {
        return ArticleDates.modifiedAt(publishedAt, significantlyUpdatedAt);
    }
}
