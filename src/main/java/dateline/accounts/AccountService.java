package dateline.accounts;

import dateline.markup.Slugs;
import dateline.storage.DatabaseBuckets;
import dateline.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening accounts, signing in, and finding the people of the newsroom. */
public final class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * Checked when no account has the address, so that a wrong address takes as long as a wrong password.
     * Made at the first sign-in, not when the server starts: hashing takes a few hundred milliseconds.
     */
    private static final class NoAccount {
        static final String HASH = Passwords.hash(Secrets.newToken());
    }

    /** How an attempt to sign in ended. */
    public sealed interface SignInOutcome {
        record Accepted(Account account) implements SignInOutcome {}

        /** The address and password do not match an account that can sign in; which of the two is never said. */
        record Refused() implements SignInOutcome {}

        record Throttled(Duration retryAfter) implements SignInOutcome {}
    }

    private final AccountRepository repository;
    private final SignInThrottle throttle;
    private final Clock clock;

    public AccountService(Jdbi jdbi, DatabaseBuckets buckets, Clock clock) {
        this.repository = new AccountRepository(jdbi);
        this.throttle = new SignInThrottle(buckets);
        this.clock = clock;
    }

    /**
     * Checks an address and password, within the limits on failed attempts. Every failure is logged with
     * the client's address; the answer is the same whether or not an account has the address.
     */
    public SignInOutcome signIn(String email, String password, String client) {
        String address = email == null ? "" : normalEmail(email);
        Duration wait = throttle.waitBeforeAttempt(address, client);
        if (!wait.isZero()) {
            LOG.warn("Sign-in attempt from {} refused: too many recent failures", client);
            return new SignInOutcome.Throttled(wait);
        }
        Optional<String> hash = repository.passwordHash(address);
        boolean matches = Passwords.matches(password == null ? "" : password, hash.orElse(NoAccount.HASH))
                && hash.isPresent();
        if (!matches) {
            throttle.recordFailure(address, client);
            LOG.warn("Failed sign-in from {}", client);
            return new SignInOutcome.Refused();
        }
        return new SignInOutcome.Accepted(repository.byEmail(address).orElseThrow());
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

    /** Gives an account a new password; the caller ends its sessions. */
    public void choosePassword(long accountId, String password) {
        Account account = byId(accountId).orElseThrow();
        String problem = Passwords.problemWith(password, account.email(), account.name());
        InvalidInput.check().when(problem != null, "password", problem).throwIfAny();
        repository.setPasswordHash(accountId, Passwords.hash(password));
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
