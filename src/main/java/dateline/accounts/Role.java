package dateline.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member of the newsroom may do, with the meanings WordPress gave these words. */
public enum Role {
    /** Everything: settings, accounts, every article and comment. */
    ADMINISTRATOR("administrator", "admin", "Administrator"),
    /** Every article, comment and section, but not settings or accounts. */
    EDITOR("editor", "editor", "Editor"),
    /** Writes and publishes their own articles. */
    AUTHOR("author", "author", "Author"),
    /** Writes their own drafts and submits them for review; cannot publish. */
    CONTRIBUTOR("contributor", "contributor", "Contributor");

    private final String code;
    private final String shortName;
    private final String label;

    Role(String code, String shortName, String label) {
        this.code = code;
        this.shortName = shortName;
        this.label = label;
    }

    /** How the role is stored. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Reads a role by its stored code or its short command-line name ("admin"), in any case. */
    public static Optional<Role> named(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.code.equals(wanted) || r.shortName.equals(wanted)).findFirst();
    }
}
