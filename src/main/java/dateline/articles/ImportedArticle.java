package dateline.articles;

import java.time.Instant;

/**
 * An article as it stood in the system it comes from (an import): what was written, where it was in its
 * life, and its own dates. {@code publishedAt} is the moment it came out (or will, when scheduled) and is
 * null for a draft or an article pending review; {@code editedAt} is its last change there; {@code pinnedAt}
 * is when it was pinned to the front page (a sticky post), null when it was not.
 */
public record ImportedArticle(ArticleDraft draft, ArticleStatus status, Instant createdAt, Instant publishedAt,
                              Instant editedAt, Instant pinnedAt) {
    public ImportedArticle {
        if (status == ArticleStatus.RETRACTED) throw new IllegalArgumentException("An import brings no retracted article");
        if ((status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED) && publishedAt == null) {
            throw new IllegalArgumentException("A published or scheduled article needs its publication moment");
        }
    }
}
