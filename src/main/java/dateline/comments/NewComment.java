package dateline.comments;

/** What a reader sends with the comment form, and where it came from. {@code parentId} is null for a new thread. */
public record NewComment(long articleId, Long parentId, String name, String email, String website, String text,
                         String clientAddress, String userAgent) {}
