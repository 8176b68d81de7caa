package dateline.accounts;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class SessionRepository {
    record Row(String tokenHash, long accountId, String csrfToken, Instant lastSeenAt, Instant expiresAt) {}

    private final Jdbi jdbi;

    SessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String tokenHash, long accountId, String csrfToken, Instant now, Instant expiresAt, String userAgent) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, "
                        + "last_seen_at, expires_at, user_agent) VALUES (:hash, :account, :csrf, :now, :now, :expires, :agent)")
                .bind("hash", tokenHash).bind("account", accountId).bind("csrf", csrfToken).bind("now", now)
                .bind("expires", expiresAt).bind("agent", userAgent).execute());
    }

    Optional<Row> find(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT token_hash, account_id, csrf_token, last_seen_at, expires_at "
                        + "FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Row(rs.getString("token_hash"), rs.getLong("account_id"), rs.getString("csrf_token"),
                        Instant.ofEpochMilli(rs.getLong("last_seen_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
    }

    void touch(String tokenHash, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash")
                .bind("hash", tokenHash).bind("now", now).execute());
    }

    void delete(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute());
    }

    void deleteAllOf(long accountId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", accountId).execute());
    }

    int deleteExpired(Instant now, Instant idleSince) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idle")
                .bind("now", now).bind("idle", idleSince).execute());
    }
}
