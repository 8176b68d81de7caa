package dateline.mail;

import dateline.storage.OutboxTable;
import dateline.storage.Repository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

final class MailRepository extends Repository {
    /** The outbox's SQL shared with every other outbox: due messages, claims, retries. */
    static final OutboxTable OUTBOX = new OutboxTable("mail_outbox", "sent_at", null);

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

    Optional<OutboxMessage> byId(Handle h, long id) {
        return h.createQuery("SELECT id, recipient, subject, body, attempts FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"),
                        new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body")),
                        rs.getInt("attempts")))
                .findOne();
    }

    /** Deletes the messages sent or given up before the moment; answers how many. */
    int deleteFinishedBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM mail_outbox WHERE sent_at < :cutoff OR failed_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute();
    }

    OutboxStatus status(Handle h) {
        return h.createQuery("SELECT COUNT(CASE WHEN " + OUTBOX.unfinished() + " THEN 1 END) AS waiting, "
                        + "COUNT(sent_at) AS sent, COUNT(failed_at) AS failed FROM mail_outbox")
                .map((rs, ctx) -> new OutboxStatus(rs.getLong("waiting"), rs.getLong("sent"), rs.getLong("failed")))
                .one();
    }
}
