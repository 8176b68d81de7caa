package dateline.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The comment form's token: the second its page was made and the article it belongs to, signed with the
 * site's secret ({@code 1718868480.Zq3…}). It needs no session, so every reader of one cached page shares
 * it; it is good for a day, and a form sent sooner after its page was made than a person could fill it in
 * was sent by a machine. Whether a token was already used is judged per token and email address elsewhere.
 */
final class FormTokens {
    static final Duration LIFETIME = Duration.ofHours(24);
    /** Nodes' clocks may differ a little; a token from further in the future than this is forged. */
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final int MAX_LENGTH = 100;

    private final Keyed keyed;

    FormTokens(Keyed keyed) {
        this.keyed = keyed;
    }

    String issue(long articleId, Instant at) {
        String second = Long.toString(at.getEpochSecond());
        return second + "." + keyed.signed(signedText(articleId, second));
    }

    /** The second a token was made, if it is this site's token for this article; nothing otherwise. */
    OptionalLong issuedAt(String token, long articleId) {
        if (token == null || token.length() > MAX_LENGTH) return OptionalLong.empty();
        int dot = token.indexOf('.');
        if (dot <= 0) return OptionalLong.empty();
        String second = token.substring(0, dot);
        if (!second.chars().allMatch(c -> c >= '0' && c <= '9') || second.length() > 12) return OptionalLong.empty();
        if (!keyed.isSigned(signedText(articleId, second), token.substring(dot + 1))) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(second));
    }

    /** True for a token of this article that has not expired: one a person may still be filling in. */
    boolean isCurrent(String token, long articleId, Instant now) {
        return doubt(token, articleId, now, Duration.ZERO).isEmpty();
    }

    /**
     * Why a form sent now with this token was not filled in by a person, in words for the moderators: no
     * token, a forged one, one sent too soon after its page was made, or one too old. Empty when none of these.
     */
    Optional<String> doubt(String token, long articleId, Instant now, Duration minimum) {
        if (token == null || token.isBlank()) {
            return Optional.of("sent without the form’s token, so without loading the article page");
        }
        OptionalLong issued = issuedAt(token.strip(), articleId);
        if (issued.isEmpty() || issued.getAsLong() > now.plus(SKEW).getEpochSecond()) {
            return Optional.of("the form’s token is not the site’s, or belongs to another article");
        }
        long age = Math.max(0, now.getEpochSecond() - issued.getAsLong());
        if (age < minimum.toSeconds()) {
            return Optional.of("sent " + age + (age == 1 ? " second" : " seconds")
                    + " after the page was loaded; a person takes at least " + minimum.toSeconds());
        }
        if (age > LIFETIME.toSeconds()) {
            return Optional.of("the form’s token expired: its page was loaded more than "
                    + LIFETIME.toHours() + " hours before");
        }
        return Optional.empty();
    }

    private static String signedText(long articleId, String second) {
        return "comment-form:" + articleId + ":" + second;
    }
}
