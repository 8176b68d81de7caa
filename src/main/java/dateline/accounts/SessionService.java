package dateline.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in sessions, kept in the database so that every node of a site knows them. A session ends when
 * it has been idle for {@link #IDLE}, {@link #LIFETIME} after it began whatever happens, or when its member
 * signs out. The browser holds a random token; the database holds only its hash.
 */
public final class SessionService {
    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration LIFETIME = Duration.ofDays(14);
    /** How stale "last seen" may get before it is written again: not every request needs a write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A session just begun: the token for the cookie, never stored as such. */
    public record Started(String token, SignedIn signedIn) {}

    private final SessionRepository repository;
    private final AccountService accounts;
    private final Clock clock;

    public SessionService(Jdbi jdbi, AccountService accounts, Clock clock) {
        this.repository = new SessionRepository(jdbi);
        this.accounts = accounts;
        this.clock = clock;
    }

    public Started begin(Account account, String userAgent) {
        String token = Secrets.newToken();
        String csrf = Secrets.newToken();
        Instant now = clock.instant();
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(200, userAgent.length()));
        repository.insert(Secrets.hashOf(token), account.id(), csrf, now, now.plus(LIFETIME), agent);
        return new Started(token, new SignedIn(account, csrf));
    }

    /** Who holds this token, if its session is still alive. */
    public Optional<SignedIn> identify(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        String hash = Secrets.hashOf(token);
        Optional<SessionRepository.Row> row = repository.find(hash);
        if (row.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        SessionRepository.Row session = row.get();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(IDLE))) {
            repository.delete(hash);
            return Optional.empty();
        }
        Optional<Account> account = accounts.byId(session.accountId());
        if (account.isEmpty()) return Optional.empty();
        if (now.isAfter(session.lastSeenAt().plus(TOUCH_EVERY))) repository.touch(hash, now);
        return Optional.of(new SignedIn(account.get(), session.csrfToken()));
    }

    /** Signing out: the session ends on the server, whatever the browser keeps. */
    public void end(String token) {
        if (token != null) repository.delete(Secrets.hashOf(token));
    }

    /** Ends every session of an account, as after a password change. */
    public void endAllOf(long accountId) {
        repository.deleteAllOf(accountId);
    }

    public int forgetExpired() {
        Instant now = clock.instant();
        return repository.deleteExpired(now, now.minus(IDLE));
    }
}
