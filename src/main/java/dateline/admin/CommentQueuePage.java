package dateline.admin;

import dateline.site.Stamp;
import dateline.web.NavLink;
import java.util.List;

/** The moderation queue of one status: tabs with counts, a search, the comments, and bulk actions. */
public record CommentQueuePage(AdminFrame frame, List<NavLink> tabs, String status, String search, List<Row> rows,
                               String olderUrl, List<String> actions, String notice) {

    /** A comment in the queue; {@code spam} is how it was judged when it came in, or null. */
    public record Row(long id, String name, String email, String website, String address, String excerpt,
                      String articleHeadline, String articleUrl, Stamp at, boolean staff, SpamJudgement spam) {
        public String url() {
            return "/admin/comments/" + id;
        }
    }
}
