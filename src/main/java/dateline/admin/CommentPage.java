package dateline.admin;

import dateline.comments.ModerationEntry;
import dateline.site.Stamp;
import java.util.List;
import java.util.Map;

/**
 * One comment in the newsroom: all that is known about it, how it was judged when it came in ({@code spam},
 * or null), its record of decisions, and what can be done.
 */
public record CommentPage(AdminFrame frame, long id, String status, String statusLabel, String name, String email,
                          String website, String address, String browser, Stamp at, SpamJudgement spam, String bodyHtml,
                          String articleHeadline, String articleUrl, String publicUrl, List<String> actions,
                          List<LogLine> log, Map<String, String> values, Map<String, String> problems, String notice) {

    /** A line of the moderation record as shown. */
    public record LogLine(String action, String reason, String by, Stamp at) {
        static LogLine of(ModerationEntry e, dateline.site.SiteTime time) {
            return new LogLine(e.action(), e.reason(), e.by() == null ? "the site’s rules" : e.by(), time.dateAndTime(e.at()));
        }
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
