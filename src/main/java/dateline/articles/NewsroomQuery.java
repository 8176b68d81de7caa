package dateline.articles;

/**
 * What the newsroom's article list is narrowed to; null means any. {@code visibleTo} limits the list to
 * one account's own articles, for those who may not see everybody's.
 */
public record NewsroomQuery(ArticleStatus status, Long sectionId, Long authorId, String text, Long visibleTo) {
    public static NewsroomQuery everything() {
        return new NewsroomQuery(null, null, null, null, null);
    }
}
