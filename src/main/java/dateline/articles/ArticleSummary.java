package dateline.articles;

import java.time.Instant;
import java.util.List;

/** An article as a list shows it. {@code editedAt} is known only in the newsroom's lists. */
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
        Long featuredMediaId) {

    public Instant modifiedAt() {
        return ArticleDates.modifiedAt(publishedAt, significantlyUpdatedAt);
    }
}
