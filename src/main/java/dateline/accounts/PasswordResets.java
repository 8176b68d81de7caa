package dateline.accounts;

import dateline.mail.Mail;
import dateline.mail.MailService;
import dateline.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Forgot password": a single-use link, valid for an hour, sent by e-mail. Asking for one says the same
 * whether or not an account has the address. Choosing a new password ends every session of the account.
 */
public final class PasswordResets {
    public static final Duration VALID_FOR = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);

    private final PasswordResetRepository repository;
    private final AccountService accounts;
    private final SessionService sessions;
    private final MailService mail;
    private final Clock clock;

    public PasswordResets(Jdbi jdbi, AccountService accounts, SessionService sessions, MailService mail, Clock clock) {
        this.repository = new PasswordResetRepository(jdbi);
        this.accounts = accounts;
        this.sessions = sessions;
        this.mail = mail;
        this.clock = clock;
    }

    /** False when the site has no mail server: the reset must then be done by an administrator. */
    public boolean canSendLinks() {
        return mail.isConfigured();
    }

    /** Sends a reset link to the address if an account has it; does nothing visible otherwise. */
    public void sendLink(String email, String baseUrl, String siteTitle) {
        Optional<Account> account = accounts.byEmail(email == null ? "" : email);
        if (account.isEmpty() || !canSendLinks()) return;
        String token = Secrets.newToken();
        Instant now = clock.instant();
        repository.insert(Secrets.hashOf(token), account.get().id(), now, now.plus(VALID_FOR));
        mail.enqueue(new Mail(account.get().email(), "Choose a new password for " + siteTitle, """
                Hello %s,

                Someone, probably you, asked to choose a new password for your account at %s.
                To choose one, open this link within the next hour:

                %s/reset-password?token=%s

                The link works once. If you did not ask for it, you can ignore this message: your
                password stays as it is.
                """.formatted(account.get().name(), siteTitle, baseUrl, token)));
        LOG.info("Sent a password reset link to account {}", account.get().id());
    }

    /** The account whose link this is, while it is valid. */
    public Optional<Account> holderOf(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return repository.holder(Secrets.hashOf(token), clock.instant()).flatMap(accounts::byId);
    }

    /** Sets the new password through a valid link, uses the link up and signs the account out everywhere. */
    public Account choosePassword(String token, String password) {
        Account account = holderOf(token).orElseThrow(() ->
                InvalidInput.of("token", "This link has expired or was already used. Ask for a new one."));
        String problem = Passwords.problemWith(password, account.email(), account.name());
        InvalidInput.check().when(problem != null, "password", problem).throwIfAny();
        if (!repository.useUp(Secrets.hashOf(token), clock.instant())) {
            throw InvalidInput.of("token", "This link has expired or was already used. Ask for a new one.");
        }
        accounts.choosePassword(account.id(), password);
        sessions.endAllOf(account.id());
        return account;
    }

    public int forgetOld() {
        return repository.deleteOld(clock.instant().minus(Duration.ofDays(1)));
    }
}
