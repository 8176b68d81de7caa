package dateline.comments;

import java.util.Locale;
import java.util.Optional;

/** Where a comment stands: waiting for a moderator, shown to readers, caught as spam, or thrown away. */
public enum CommentStatus {
    PENDING("Pending"), APPROVED("Approved"), SPAM("Spam"), TRASH("Trash");

    private final String label;
    private final String code;

    CommentStatus(String label) {
        this.label = label;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The status stored as {@code code}: read for every comment shown, so without a search or a stream. */
    public static Optional<CommentStatus> named(String code) {
        return Optional.ofNullable(code == null ? null : switch (code) {
            case "pending" -> PENDING;
            case "approved" -> APPROVED;
            case "spam" -> SPAM;
            case "trash" -> TRASH;
            default -> null;
        });
    }
}
