package dateline.api;

import dateline.storage.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

final class ApiTokenRepository extends Repository {
    private static final String COLUMNS = "id, account_id, name, prefix, scopes, created_at, last_used_at, revoked_at";
    private static final RowMapper<ApiToken> TOKEN = (rs, ctx) -> new ApiToken(rs.getLong("id"),
            rs.getLong("account_id"), rs.getString("name"), rs.getString("prefix"), Scope.parse(rs.getString("scopes")),
            instant(rs.getObject("created_at")), instant(rs.getObject("last_used_at")),
            instant(rs.getObject("revoked_at")));

    ApiTokenRepository(Jdbi jdbi) {
        super(jdbi);
    }

    long insert(Handle h, long accountId, String name, String hash, String prefix, String scopes, Instant now) {
        return h.createUpdate("INSERT INTO api_tokens (account_id, name, token_hash, prefix, scopes, created_at) "
                        + "VALUES (:account, :name, :hash, :prefix, :scopes, :now)")
                .bind("account", accountId).bind("name", name).bind("hash", hash).bind("prefix", prefix)
                .bind("scopes", scopes).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<ApiToken> byHash(Handle h, String hash) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = :hash")
                .bind("hash", hash).map(TOKEN).findOne();
    }

    Optional<ApiToken> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE id = :id").bind("id", id).map(TOKEN).findOne();
    }

    /** An account's tokens, or with null everybody's, newest first. */
    List<ApiToken> list(Handle h, Long accountId) {
        var query = h.createQuery("SELECT " + COLUMNS + " FROM api_tokens"
                + (accountId == null ? "" : " WHERE account_id = :account") + " ORDER BY created_at DESC, id DESC");
        if (accountId != null) query.bind("account", accountId);
        return query.map(TOKEN).list();
    }

    void touch(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id").bind("id", id).bind("now", now).execute();
    }

    void revoke(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id).bind("now", now).execute();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
    }
}
