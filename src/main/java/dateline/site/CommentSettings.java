package dateline.site;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a site takes readers' comments, with WordPress's defaults: threads five deep, fifty top-level
 * comments a page, oldest first; a first comment from an address waits for a moderator, later ones from
 * an address with an approved comment appear at once; more than two links, or a word of the moderation
 * list, holds a comment; a word of the disallowed list sends it to spam. Readers' network addresses are
 * kept for moderation for thirty days, then forgotten. A form sent less than three seconds after its page
 * was loaded is a machine's; the spam folder empties itself of comments that have been in it thirty days.
 */
public record CommentSettings(
        int threadDepth,
        int perPage,
        boolean newestFirst,
        boolean holdAll,
        boolean trustPreviouslyApproved,
        int linkLimit,
        String moderationWords,
        String disallowedWords,
        boolean notifyAuthors,
        boolean notifyModerators,
        int keepAddressesDays,
        int minimumFillSeconds,
        int emptySpamAfterDays) {

    public static final int MAX_DEPTH = 10;

    public static CommentSettings defaults() {
        return new CommentSettings(5, 50, false, false, true, 2, "", "", true, true, 30, 3, 30);
    }

    /** The same settings with another minimum time to fill in the form (0 for a site under a load test). */
    public CommentSettings withMinimumFillSeconds(int seconds) {
        return new CommentSettings(threadDepth, perPage, newestFirst, holdAll, trustPreviouslyApproved, linkLimit,
                moderationWords, disallowedWords, notifyAuthors, notifyModerators, keepAddressesDays, seconds,
                emptySpamAfterDays);
    }

    /** The words of a list, one per line (or separated by commas), in lower case, blanks dropped. */
    public static List<String> words(String list) {
        return Arrays.stream((list == null ? "" : list).split("[\\n,]"))
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }
}
