package dateline.admin;

/** What the person setting up a site typed, kept whole so that a refused form comes back filled in. */
public record SetupForm(String siteTitle, String timezone, String name, String email, String password, String token) {
    static SetupForm blank(String defaultTimezone, String token) {
        return new SetupForm("", defaultTimezone, "", "", "", token == null ? "" : token);
    }
}
