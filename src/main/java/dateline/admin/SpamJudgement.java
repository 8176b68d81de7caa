package dateline.admin;

import dateline.comments.Comment;
import dateline.moderation.SpamClassifier;
import java.util.List;
import java.util.Locale;

/**
 * How a comment was judged when it came in, as the newsroom sees it: the spam classifier's score and the
 * reasons that weighed most (and, for a comment caught on its way in, why it was caught).
 */
public record SpamJudgement(Double score, List<String> reasons) {

    /** The judgement of a comment; null for one that was never judged (an import, the newsroom's reply). */
    static SpamJudgement of(Comment c) {
        if (c.spamScore() == null && c.spamReasons().isEmpty()) return null;
        return new SpamJudgement(c.spamScore(), c.spamReasons());
    }

    /** "Spam score 97%", or null without a score. */
    public String scoreText() {
        return score == null ? null : String.format(Locale.ROOT, "Spam score %.0f%%", 100 * score);
    }

    /** How the score reads: {@code spam}, {@code unsure} or {@code fine}, for its colour. */
    public String level() {
        if (score == null) return "fine";
        return score >= SpamClassifier.SPAM_AT ? "spam" : score >= SpamClassifier.HOLD_AT ? "unsure" : "fine";
    }

    public String reasonsText() {
        return String.join(" · ", reasons);
    }
}
