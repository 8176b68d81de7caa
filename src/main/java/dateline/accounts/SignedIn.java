package dateline.accounts;

/** A member of the newsroom signed in on this browser, with the session's token against forged requests. */
public record SignedIn(Account account, String csrfToken) {
    public boolean can(Permission permission) {
        return account.role().can(permission);
    }
}
