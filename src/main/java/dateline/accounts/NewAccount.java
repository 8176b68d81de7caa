package dateline.accounts;

/**
 * What it takes to open an account. The password may be null for accounts that cannot sign in yet (the
 * authors of imported or demonstration articles); they choose one later through a reset link.
 */
public record NewAccount(String email, String name, Role role, String password, String bio) {
    public NewAccount(String email, String name, Role role, String password) {
        this(email, name, role, password, "");
    }
}
