package dateline.comments;

import dateline.site.CommentSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which new comments are shown at once, which wait for a moderator and which go to spam, with WordPress's
 * rules: a word of the disallowed list sends a comment to spam; holding every comment, too many links, a
 * word of the moderation list, or an address that never had a comment approved make it wait. Words match
 * anywhere in the name, address, website or text, whatever their case.
 */
public final class CommentRules {
    private static final Pattern LINK = Pattern.compile("(?i)https?://|(?<![/.\\w])www\\.");

    /** A decision, with the reason shown to moderators. */
    public record Verdict(CommentStatus status, String reason) {}

    private CommentRules() {}

    public static Verdict judge(NewComment comment, CommentSettings settings, boolean previouslyApproved) {
        String everything = String.join("\n", comment.name(), comment.email(), comment.website(), comment.text())
                .toLowerCase(Locale.ROOT);
        Optional<String> disallowed = firstWordIn(CommentSettings.words(settings.disallowedWords()), everything);
        if (disallowed.isPresent()) {
            return new Verdict(CommentStatus.SPAM, "contains “" + disallowed.get() + "”, a word of the disallowed list");
        }
        if (settings.holdAll()) return new Verdict(CommentStatus.PENDING, "every comment waits for a moderator");
        int links = linkCount(comment.text()) + linkCount(comment.name());
        if (links > settings.linkLimit()) {
            return new Verdict(CommentStatus.PENDING, "has " + links + " links; more than " + settings.linkLimit() + " wait");
        }
        Optional<String> moderated = firstWordIn(CommentSettings.words(settings.moderationWords()), everything);
        if (moderated.isPresent()) {
            return new Verdict(CommentStatus.PENDING, "contains “" + moderated.get() + "”, a word of the moderation list");
        }
        if (settings.trustPreviouslyApproved() && !previouslyApproved) {
            return new Verdict(CommentStatus.PENDING, "the first comment from this address");
        }
        return new Verdict(CommentStatus.APPROVED,
                settings.trustPreviouslyApproved() ? "this address has an approved comment" : "no rule held it");
    }

    public static int linkCount(String text) {
        if (text == null) return 0;
        Matcher m = LINK.matcher(text);
        int count = 0;
        while (m.find()) count++;
        return count;
    }

    private static Optional<String> firstWordIn(List<String> words, String text) {
        return words.stream().filter(text::contains).findFirst();
    }
}
