package dateline.mail;

import dateline.storage.Repository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class MailRepository extends Repository {
    /** A message that is neither sent nor given up. */
    private static final String UNFINISHED = "sent_at IS NULL AND failed_at IS NULL";
    /** An unfinished message whose next attempt is due and that no deliverer holds. */
    private static final String DUE = UNFINISHED
            + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)";

    MailRepository(Jdbi jdbi) {
        super(jdbi);
    }

    long insert(Handle h, Mail mail, Instant now) {
        return h.createUpdate("INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) "
                        + "VALUES (:recipient, :subject, :body, :now, :now)")
                .bind("recipient", mail.to())
                .bind("subject", mail.subject())
                .bind("body", mail.text())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The oldest messages due now, by id; another deliverer may claim any of them first. */
    List<Long> due(Handle h, Instant now, int limit) {
        return h.createQuery("SELECT id FROM mail_outbox WHERE " + DUE + " ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
    }

    /**
     * Claims a due message for one deliverer until the given moment. Only one of any number of deliverers
     * racing for it succeeds, because the condition is checked by the database in the same statement.
     */
    boolean claim(Handle h, long id, String node, Instant now, Instant until) {
        return h.createUpdate("UPDATE mail_outbox SET claimed_until = :until, claimed_by = :node WHERE id = :id AND " + DUE)
                .bind("until", until)
                .bind("node", node)
                .bind("id", id)
                .bind("now", now)
                .execute() == 1;
    }

    Optional<OutboxMessage> byId(Handle h, long id) {
        return h.createQuery("SELECT id, recipient, subject, body, attempts FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"),
                        new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body")),
                        rs.getInt("attempts")))
                .findOne();
    }

    void markSent(Handle h, long id, Instant now) {
        h.createUpdate("UPDATE mail_outbox SET sent_at = :now, claimed_until = NULL WHERE id = :id")
                .bind("now", now)
                .bind("id", id)
                .execute();
    }

    void retryLater(Handle h, long id, int attempts, String error, Instant next) {
        h.createUpdate("UPDATE mail_outbox SET attempts = :attempts, last_error = :error, next_attempt_at = :next, "
                        + "claimed_until = NULL WHERE id = :id AND " + UNFINISHED)
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("next", next)
                .bind("id", id)
                .execute();
    }

    void giveUp(Handle h, long id, int attempts, String error, Instant now) {
        h.createUpdate("UPDATE mail_outbox SET attempts = :attempts, last_error = :error, failed_at = :now, "
                        + "claimed_until = NULL WHERE id = :id AND " + UNFINISHED)
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("now", now)
                .bind("id", id)
                .execute();
    }

    /** Deletes the messages sent or given up before the moment; answers how many. */
    int deleteFinishedBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM mail_outbox WHERE sent_at < :cutoff OR failed_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute();
    }

    OutboxStatus status(Handle h) {
        return h.createQuery("SELECT COUNT(CASE WHEN " + UNFINISHED + " THEN 1 END) AS waiting, "
                        + "COUNT(sent_at) AS sent, COUNT(failed_at) AS failed FROM mail_outbox")
                .map((rs, ctx) -> new OutboxStatus(rs.getLong("waiting"), rs.getLong("sent"), rs.getLong("failed")))
                .one();
    }
}
