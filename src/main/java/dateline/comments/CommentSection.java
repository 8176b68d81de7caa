package dateline.comments;

import dateline.site.Stamp;
import dateline.web.Link;
import java.util.List;
import java.util.Map;

/**
 * The comments under an article: their number, one page of the thread, the links to other pages, and the
 * form (shown only while the article is {@code open}; a comment refused because it closed is given back).
 * Nothing in it is personal to the reader except their own comments still waiting.
 */
public record CommentSection(
        String articlePath,
        long articleId,
        long count,
        List<View> comments,
        List<Link> pages,
        boolean open,
        Form form,
        String feedUrl) {

    /** One comment as readers see it, with its replies. {@code website} is null when none was given. */
    public record View(long id, String name, String website, String initials, int colour, Stamp at, String bodyHtml,
                       boolean waiting, boolean staff, int depth, String replyUrl, List<View> replies) {
        public String classes() {
            return "comment depth-" + depth + (staff ? " comment-staff" : "") + (waiting ? " comment-waiting" : "");
        }
    }

    /**
     * The form: its heading ("Leave a Reply", or "Leave a Reply to NAME" when answering), the comment answered
     * ({@code parentId}, null for a new thread), where "Cancel reply" leads, what was typed, a message at each
     * faulty field, a message for the whole form, and the form's token (see {@code FormTokens}).
     */
    public record Form(String heading, String replyToName, Long parentId, String cancelUrl, Map<String, String> values,
                       Map<String, String> problems, String message, String token) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String problem(String field) {
            return problems.get(field);
        }

        public boolean hasProblems() {
            return !problems.isEmpty() || message != null;
        }
    }

    public String countText() {
        if (count == 0) return "No comments yet";
        if (count == 1) return "1 comment";
        // below a thousand there is no separator to place, and the format's parsing cost more than the rest of the line
        return count < 1000 ? count + " comments" : String.format("%,d comments", count);
    }
}
