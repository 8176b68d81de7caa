package dateline.search;

import dateline.articles.ArticleStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the index holds of one article: the text it searches (the body as plain text, without markup) and
 * the facts it filters by. {@code publishedAt} is null until the article is published or scheduled.
 */
public record IndexEntry(
        long articleId,
        ArticleStatus status,
        Long sectionId,
        Instant publishedAt,
        Instant editedAt,
        List<Long> authorIds,
        String headline,
        String standfirst,
        String tags,
        String authors,
        String body) {

    public IndexEntry {
        authorIds = List.copyOf(authorIds);
    }
}
