package dateline.comments;

import java.util.Collection;
import java.util.List;

/**
 * A second opinion on new comments, from a feature above comments (the spam classifier), connected by
 * {@code Wiring}: how likely a comment is spam, what that means, and why; and every moderator's decision
 * about spam, to learn from.
 */
public interface CommentScreening {
    /** What an opinion means for a comment: to the spam folder, to a moderator, or to the site's rules. */
    enum Leaning { SPAM, UNSURE, FINE }

    /** The probability that a comment is spam, what it means, and the reasons that weighed most, in words. */
    record Opinion(double spamProbability, Leaning leaning, List<String> reasons) {}

    Opinion screen(NewComment comment);

    /** A moderator decided that a reader's comment is spam ({@code spam} true) or wanted. */
    void decided(Comment comment, boolean spam);

    /** Forgets what was learnt from these comments' own examples, when their author's data is erased. */
    void forget(Collection<Long> commentIds);

    /** No second opinion: every comment is left to the site's rules. */
    CommentScreening NONE = new CommentScreening() {
        @Override
        public Opinion screen(NewComment comment) {
            return new Opinion(0, Leaning.FINE, List.of());
        }

        @Override
        public void decided(Comment comment, boolean spam) {}

        @Override
        public void forget(Collection<Long> commentIds) {}
    };
}
