package dateline.comments;

import java.util.Optional;

/** A change to what readers see of a comment, as its listeners hear of it, with the comment as it now stands. */
public record CommentEvent(Kind kind, Comment comment) {

    public enum Kind {
        /**
         * The comment is shown to readers from now on: posted and approved at once, approved by a moderator
         * (alone or in bulk, or by being answered by the newsroom), or a reply from the newsroom.
         */
        APPROVED,
        /** The comment left the public page: unapproved, marked as spam, or moved to the trash. */
        WITHDRAWN,
        /** A moderator changed the comment's text (whatever its status). */
        EDITED,
        /** Its author's name, addresses and perhaps text were erased at their request (whatever its status). */
        ERASED
    }

    /** What a change of status from {@code before} means to readers, if anything. */
    static Optional<CommentEvent> ofStatusChange(CommentStatus before, Comment after) {
        boolean shownBefore = before == CommentStatus.APPROVED;
        boolean shownNow = after.status() == CommentStatus.APPROVED;
        if (shownBefore == shownNow) return Optional.empty();
        return Optional.of(new CommentEvent(shownNow ? Kind.APPROVED : Kind.WITHDRAWN, after));
    }
}
