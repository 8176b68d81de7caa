package dateline.api;

import java.time.Instant;
import java.util.Set;

/**
 * A token for the API as the newsroom sees it: never the token itself, only the first characters that let
 * people recognise it ({@code prefix}), its name, scopes and when it was made, last used and revoked.
 */
public record ApiToken(long id, long accountId, String name, String prefix, Set<Scope> scopes, Instant createdAt,
                       Instant lastUsedAt, Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }

    /** The scopes in words, for the newsroom's list. */
    public String scopeCodes() {
        return Scope.codes(scopes);
    }
}
