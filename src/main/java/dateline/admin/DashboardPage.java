package dateline.admin;

import java.util.List;

/**
 * The newsroom's front page: what is waiting, what is coming, what is being written. {@code commentsWaiting}
 * is null for those who do not moderate comments.
 */
public record DashboardPage(AdminFrame frame, String greetingName, long drafts, long pending, long scheduled,
                            long published, Long commentsWaiting, List<ArticleRow> awaitingReview, List<ArticleRow> comingUp,
                            List<ArticleRow> recentlyEdited, boolean seesEverybody) {}
