package dateline.comments;

import java.time.Instant;
import java.util.List;

/**
 * A comment as stored. The email address, the network address and the browser are the newsroom's to
 * see, never a reader's; the network address and browser are forgotten after the retention period.
 * {@code staffAccountId} marks a reply written by a member of the newsroom. {@code spamScore} is the spam
 * classifier's probability that it is spam (null when it was not judged, as for imports and the newsroom's
 * replies), and {@code spamReasons} what weighed most in that judgement and in any other catch, in words.
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
        String userAgent,
        Double spamScore,
        List<String> spamReasons) {

    public boolean byStaff() {
        return staffAccountId != null;
    }
}
