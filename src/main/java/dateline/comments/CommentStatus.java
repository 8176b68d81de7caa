package dateline.comments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a comment stands: waiting for a moderator, shown to readers, caught as spam, or thrown away. */
public enum CommentStatus {
    PENDING("Pending"), APPROVED("Approved"), SPAM("Spam"), TRASH("Trash");

    private final String label;

    CommentStatus(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<CommentStatus> named(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
