package dateline.comments;

/**
 * What a reader sends with the comment form, and where it came from. {@code parentId} is null for a new
 * thread. {@code formToken} is the token the form's page carried; {@code honeypot} is what was typed into the
 * field that people never see (empty from a person).
 */
public record NewComment(long articleId, Long parentId, String name, String email, String website, String text,
                         String clientAddress, String userAgent, String formToken, String honeypot) {}
