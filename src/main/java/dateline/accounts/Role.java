package dateline.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a member of the newsroom may do, with the meanings WordPress gave these words. */
public enum Role {
    /** Everything: settings, accounts, every article and comment. */
    ADMINISTRATOR("administrator", "admin", "Administrator", EnumSet.allOf(Permission.class)),
    /** Every article, comment and section, and what the front page pins, but not settings or accounts. */
    EDITOR("editor", "editor", "Editor", EnumSet.of(Permission.ENTER_NEWSROOM, Permission.WRITE_ARTICLES,
            Permission.PUBLISH_OWN_ARTICLES, Permission.EDIT_OTHERS_ARTICLES, Permission.PUBLISH_OTHERS_ARTICLES,
            Permission.RETRACT_ARTICLES, Permission.PIN_ARTICLES, Permission.MANAGE_SECTIONS, Permission.MODERATE_COMMENTS,
            Permission.UPLOAD_MEDIA)),
    /** Writes and publishes their own articles. */
    AUTHOR("author", "author", "Author", EnumSet.of(Permission.ENTER_NEWSROOM, Permission.WRITE_ARTICLES,
            Permission.PUBLISH_OWN_ARTICLES, Permission.UPLOAD_MEDIA)),
    /** Writes their own drafts and submits them for review; cannot publish. */
    CONTRIBUTOR("contributor", "contributor", "Contributor",
            EnumSet.of(Permission.ENTER_NEWSROOM, Permission.WRITE_ARTICLES));

    private final String code;
    private final String shortName;
    private final String label;
    private final Set<Permission> permissions;

    Role(String code, String shortName, String label, Set<Permission> permissions) {
        this.code = code;
        this.shortName = shortName;
        this.label = label;
        this.permissions = permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
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
