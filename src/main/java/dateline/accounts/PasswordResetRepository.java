package dateline.accounts;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class PasswordResetRepository {
    private final Jdbi jdbi;

    PasswordResetRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(String tokenHash, long accountId, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) "
                        + "VALUES (:hash, :account, :now, :expires)")
                .bind("hash", tokenHash).bind("account", accountId).bind("now", now).bind("expires", expiresAt).execute());
    }

    /** The account a reset link belongs to, while the link is unused and unexpired. */
    Optional<Long> holder(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM password_resets WHERE token_hash = :hash "
                        + "AND used_at IS NULL AND expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).findOne());
    }

    /** Uses the link up; true only for the one request that did so. */
    boolean useUp(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE password_resets SET used_at = :now WHERE token_hash = :hash "
                        + "AND used_at IS NULL AND expires_at > :now")
                .bind("hash", tokenHash).bind("now", now).execute()) == 1;
    }

    int deleteOld(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM password_resets WHERE expires_at < :before")
                .bind("before", before).execute());
    }
}
