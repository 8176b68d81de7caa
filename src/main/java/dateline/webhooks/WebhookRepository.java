package dateline.webhooks;

import dateline.storage.KeysetOrder;
import dateline.storage.OutboxTable;
import dateline.storage.Repository;
import dateline.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class WebhookRepository extends Repository {
    /** The deliveries are an outbox like the mail's: due deliveries, claims and retries are shared SQL. */
    static final OutboxTable OUTBOX = new OutboxTable("webhook_deliveries", "delivered_at", "last_status");
    private static final KeysetOrder DELIVERIES = new KeysetOrder("created_at", "id");
    private static final String WEBHOOK = "id, url, secret, events, active, created_by, created_at";
    private static final String DELIVERY = "id, webhook_id, event, payload, created_at, attempts, next_attempt_at, "
            + "last_status, last_error, delivered_at, failed_at";

    /** A claimed delivery with what it takes to post it. */
    record Outgoing(long id, String event, String payload, int attempts, String url, String secret) {}

    WebhookRepository(Jdbi jdbi) {
        super(jdbi);
    }

    long insert(Handle h, String url, String secret, Set<WebhookEvent> events, Long by, Instant now) {
        return h.createUpdate("INSERT INTO webhooks (url, secret, events, active, created_by, created_at) "
                        + "VALUES (:url, :secret, :events, TRUE, :by, :now)")
                .bind("url", url)
                .bind("secret", secret)
                .bind("events", codes(events))
                .bind("by", by)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    List<Webhook> all(Handle h) {
        return h.createQuery("SELECT " + WEBHOOK + " FROM webhooks ORDER BY created_at, id").map(this::webhook).list();
    }

    Optional<Webhook> byId(Handle h, long id) {
        return h.createQuery("SELECT " + WEBHOOK + " FROM webhooks WHERE id = :id").bind("id", id)
                .map(this::webhook).findOne();
    }

    boolean setActive(Handle h, long id, boolean active) {
        return h.createUpdate("UPDATE webhooks SET active = :active WHERE id = :id")
                .bind("active", active).bind("id", id).execute() == 1;
    }

    boolean delete(Handle h, long id) {
        h.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id").bind("id", id).execute();
        return h.createUpdate("DELETE FROM webhooks WHERE id = :id").bind("id", id).execute() == 1;
    }

    /** A new delivery, due at once; its body is written once its id, which the body names, is known. */
    long insertDelivery(Handle h, long webhookId, WebhookEvent event, Instant now) {
        return h.createUpdate("INSERT INTO webhook_deliveries (webhook_id, event, payload, created_at, next_attempt_at) "
                        + "VALUES (:webhook, :event, '', :now, :now)")
                .bind("webhook", webhookId)
                .bind("event", event.code())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void setPayload(Handle h, long deliveryId, String payload) {
        h.createUpdate("UPDATE webhook_deliveries SET payload = :payload WHERE id = :id")
                .bind("payload", payload).bind("id", deliveryId).execute();
    }

    Optional<Delivery> delivery(Handle h, long id) {
        return h.createQuery("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE id = :id").bind("id", id)
                .map(this::delivery).findOne();
    }

    Optional<Outgoing> outgoing(Handle h, long id) {
        return h.createQuery("SELECT d.id, d.event, d.payload, d.attempts, w.url, w.secret FROM webhook_deliveries d "
                        + "JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Outgoing(rs.getLong("id"), rs.getString("event"), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getString("url"), rs.getString("secret")))
                .findOne();
    }

    /**
     * One page of a webhook's deliveries, newest first, starting just past the cursor in the given direction.
     * Asks for one more than the limit, so the caller knows whether more remain. The cursor is a range of
     * {@code webhook_deliveries_by_webhook}.
     */
    List<Delivery> deliveries(Handle h, long webhookId, Cursor cursor, boolean older, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE webhook_id = :webhook");
        if (cursor != null) sql.append(" AND ").append(DELIVERIES.past(older));
        sql.append(DELIVERIES.orderBy(older)).append(" LIMIT :limit");
        Query query = h.createQuery(sql.toString()).bind("webhook", webhookId).bind("limit", limit);
        if (cursor != null) query.bind("at", cursor.at()).bind("id", cursor.id());
        List<Delivery> rows = new ArrayList<>(query.map(this::delivery).list());
        if (!older) Collections.reverse(rows);
        return rows;
    }

    /** Makes a failed delivery due again at once, with its attempts counted afresh; false when it has not failed. */
    boolean redeliver(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE webhook_deliveries SET failed_at = NULL, attempts = 0, next_attempt_at = :now, "
                        + "claimed_until = NULL WHERE id = :id AND failed_at IS NOT NULL")
                .bind("now", now).bind("id", id).execute() == 1;
    }

    private Webhook webhook(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<WebhookEvent> events = Arrays.stream(rs.getString("events").split(" "))
                .flatMap(code -> WebhookEvent.named(code).stream()).collect(Collectors.toSet());
        long by = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : by;
        return new Webhook(rs.getLong("id"), rs.getString("url"), rs.getString("secret"), events,
                rs.getBoolean("active"), createdBy, Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private Delivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"), rs.getString("payload"),
                instant(rs, "created_at"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), lastStatus,
                rs.getString("last_error"), instant(rs, "delivered_at"), instant(rs, "failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static String codes(Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::code).sorted().collect(Collectors.joining(" "));
    }
}
