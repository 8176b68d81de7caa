package dateline.comments;

import java.time.Instant;

/**
 * A comment as stored. The email address, the network address and the browser are the newsroom's to
 * see, never a reader's; the network address and browser are forgotten after the retention period.
 * {@code staffAccountId} marks a reply written by a member of the newsroom.
 */
public record Comment(
        long id,
        long articleId,
        Long parentId,
        int depth,
        CommentStatus status,
        String authorName,
        String authorEmail,
        String authorWebsite,
        Long staffAccountId,
        String body,
        String bodyHtml,
        Instant createdAt,
        Instant statusChangedAt,
        String clientAddress,
        String userAgent) {

    public boolean byStaff() {
        return staffAccountId != null;
    }
}
