package dateline.api;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.accounts.Permission;
import dateline.accounts.Secrets;
import dateline.web.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The API's tokens: made by a member of the newsroom for their own account, shown once, kept only as a
 * hash, revocable. A token acts as its account: what it may do is what the account's role allows and, of
 * that, what its scopes allow. Administrators see and revoke everybody's.
 */
public final class ApiTokens {
    /** What every token begins with, so that people (and secret scanners) recognise one. */
    public static final String PREFIX = "dl_";
    /** How stale "last used" may get before it is written again: not every request needs a write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int SHOWN_CHARACTERS = 10;

    /** A token just made: the token itself, shown this once and never stored. */
    public record Created(ApiToken token, String secret) {}

    /** Who is asking with a token: its account, within its scopes. */
    public record Bearer(ApiToken token, Account account) {
        public boolean has(Scope scope) {
            return scope.grantedBy(token.scopes());
        }

        public boolean can(Permission permission) {
            return account.role().can(permission);
        }
    }

    /** Thrown when a token does not exist or is not the asker's to see. */
    public static final class TokenNotFound extends RuntimeException {
        public TokenNotFound(long id) {
            super("No token " + id);
        }
    }

    private final ApiTokenRepository repository;
    private final AccountService accounts;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, AccountService accounts, Clock clock) {
        this.repository = new ApiTokenRepository(jdbi);
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Makes a token for the account; the answer holds the token itself, which is never shown again. */
    public Created create(Account owner, String name, Set<Scope> scopes) {
        String cleanName = name == null ? "" : name.strip();
        InvalidInput.check()
                .when(cleanName.isEmpty(), "name", "Name the token after what will use it, such as “Newsletter builder”.")
                .when(cleanName.length() > 100, "name", "Keep the name under 100 characters.")
                .when(scopes == null || scopes.isEmpty(), "scopes", "Choose at least one scope.")
                .throwIfAny();
        String secret = PREFIX + Secrets.newToken();
        String prefix = secret.substring(0, SHOWN_CHARACTERS);
        Instant now = clock.instant();
        ApiToken token = repository.inTransaction(h -> repository.byId(h, repository.insert(h, owner.id(), cleanName,
                Secrets.hashOf(secret), prefix, Scope.codes(scopes), now)).orElseThrow());
        return new Created(token, secret);
    }

    /** Who holds this token, if it is one of ours, not revoked, and its account still exists. */
    public Optional<Bearer> identify(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) return Optional.empty();
        Optional<ApiToken> found = repository.read(h -> repository.byHash(h, Secrets.hashOf(presented)))
                .filter(t -> !t.revoked());
        if (found.isEmpty()) return Optional.empty();
        ApiToken token = found.get();
        Optional<Account> account = accounts.byId(token.accountId());
        if (account.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            repository.inTransaction(h -> {
                repository.touch(h, token.id(), now);
                return null;
            });
        }
        return Optional.of(new Bearer(token, account.get()));
    }

    /** The account's own tokens, newest first. */
    public List<ApiToken> of(Account owner) {
        return repository.read(h -> repository.list(h, owner.id()));
    }

    /** Every account's tokens, newest first: for those who manage accounts. */
    public List<ApiToken> all(Account by) {
        if (!by.role().can(Permission.MANAGE_ACCOUNTS)) return of(by);
        return repository.read(h -> repository.list(h, null));
    }

    /**
     * Revokes a token: the account's own, or anybody's for those who manage accounts. Somebody else's token
     * is, to anybody else, a token that does not exist. Revoking twice changes nothing.
     */
    public ApiToken revoke(long tokenId, Account by) {
        return repository.inTransaction(h -> {
            ApiToken token = repository.byId(h, tokenId)
                    .filter(t -> t.accountId() == by.id() || by.role().can(Permission.MANAGE_ACCOUNTS))
                    .orElseThrow(() -> new TokenNotFound(tokenId));
            repository.revoke(h, tokenId, clock.instant());
            return repository.byId(h, tokenId).orElseThrow();
        });
    }
}
