package dateline.accounts;

import dateline.markup.Slugs;
import dateline.web.InvalidInput;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Opening accounts and finding the people of the newsroom. */
public final class AccountService {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final AccountRepository repository;
    private final Clock clock;

    public AccountService(Jdbi jdbi, Clock clock) {
        this.repository = new AccountRepository(jdbi);
        this.clock = clock;
    }

    /** Opens an account; the email address is kept in lower case and must not have an account already. */
    public Account open(NewAccount account) {
        NewAccount checked = checked(account);
        String hash = hashOf(checked);
        return repository.inTransaction(h -> insert(h, checked, hash));
    }

    /**
     * Opens the first administrator's account of a new site, and only while the site has no account: of
     * two people setting up a site at the same moment, one succeeds and the other is told.
     */
    public Account openFirstAdministrator(NewAccount account) {
        NewAccount checked = checked(new NewAccount(
                account.email(), account.name(), Role.ADMINISTRATOR, account.password(), account.bio()));
        InvalidInput.check().when(checked.password() == null, "password", "Choose a password.").throwIfAny();
        String hash = hashOf(checked);
        return repository.inTransaction(h -> {
            if (repository.count(h) > 0) throw new SiteAlreadySetUp();
            return insert(h, checked, hash);
        });
    }

    public boolean any() {
        return repository.count() > 0;
    }

    public long count() {
        return repository.count();
    }

    public Optional<Account> byId(long id) {
        return repository.byId(id);
    }

    public Optional<Account> bySlug(String slug) {
        return repository.bySlug(slug);
    }

    public Optional<Account> byEmail(String email) {
        return email == null ? Optional.empty() : repository.byEmail(normalEmail(email));
    }

    public List<Account> byIds(Collection<Long> ids) {
        return repository.byIds(ids);
    }

    public List<Account> all() {
        return repository.all();
    }

    /** True when the account exists, can sign in, and the password is its password. */
    public boolean passwordMatches(String email, String password) {
        return repository.passwordHash(normalEmail(email)).map(hash -> Passwords.matches(password, hash)).orElse(false);
    }

    private NewAccount checked(NewAccount account) {
        String email = account.email() == null ? "" : normalEmail(account.email());
        String name = account.name() == null ? "" : account.name().strip();
        InvalidInput.Problems problems = InvalidInput.check()
                .when(email.isEmpty(), "email", "Enter an email address.")
                .when(!EMAIL.matcher(email).matches() || email.length() > 254, "email",
                        "Enter an email address such as name@example.org.")
                .when(name.isEmpty(), "name", "Enter a name.")
                .when(name.length() > 100, "name", "Keep the name under 100 characters.")
                .when(account.role() == null, "role", "Choose a role.");
        if (account.password() != null) {
            String problem = Passwords.problemWith(account.password(), email, name);
            problems.when(problem != null, "password", problem);
        }
        problems.throwIfAny();
        return new NewAccount(email, name, account.role(), account.password(),
                account.bio() == null ? "" : account.bio().strip());
    }

    /** Hashing takes a few hundred milliseconds, so it happens before the transaction, not inside it. */
    private static String hashOf(NewAccount account) {
        return account.password() == null ? null : Passwords.hash(account.password());
    }

    private Account insert(Handle h, NewAccount account, String hash) {
        if (repository.emailTaken(h, account.email())) {
            throw InvalidInput.of("email", "An account with this email address already exists.");
        }
        String slug = uniqueSlug(h, account.name());
        var now = clock.instant();
        long id = repository.insert(h, account.email(), account.name(), slug, account.role(), hash, account.bio(), now);
        return new Account(id, account.email(), account.name(), slug, account.role(), account.bio(), now);
    }

    private String uniqueSlug(Handle h, String name) {
        String base = Slugs.of(name);
        if (base.isEmpty()) base = "author";
        String slug = base;
        for (int n = 2; repository.slugTaken(h, slug); n++) slug = base + "-" + n;
        return slug;
    }

    private static String normalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Thrown when a site that already has an account is asked to take a first administrator. */
    public static final class SiteAlreadySetUp extends RuntimeException {
        public SiteAlreadySetUp() {
            super("This site is already set up.");
        }
    }
}
