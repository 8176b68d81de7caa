package dateline.admin;

import java.util.List;

/** The newsroom's front page: what is waiting, what is coming, what is being written. */
public record DashboardPage(AdminFrame frame, String greetingName, long drafts, long pending, long scheduled,
                            long published, List<ArticleRow> awaitingReview, List<ArticleRow> comingUp,
                            List<ArticleRow> recentlyEdited, boolean seesEverybody) {}
