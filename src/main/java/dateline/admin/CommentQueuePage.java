package dateline.admin;

import dateline.site.Stamp;
import dateline.web.NavLink;
import java.util.List;

/** The moderation queue of one status: tabs with counts, a search, the comments, and bulk actions. */
public record CommentQueuePage(AdminFrame frame, List<NavLink> tabs, String status, String search, List<Row> rows,
                               String olderUrl, List<String> actions, String notice) {

    /** A comment in the queue. {@code why} is the reason the site's rules gave when it arrived. */
    public record Row(long id, String name, String email, String website, String address, String excerpt,
                      String articleHeadline, String articleUrl, Stamp at, boolean staff) {
        public String url() {
            return "/admin/comments/" + id;
        }
    }
}
