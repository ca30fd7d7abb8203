package org.arrowsync.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log: one row per event and webhook, updated after each attempt. */
@Repository
class DeliveryRepository {

    private static final String FROM = " from webhook_deliveries d";
    private static final String SELECT =
            "select d.id, d.uuid, d.webhook_id, d.event_id, d.event_type, d.payload, d.state, d.attempts,"
                    + " d.response_code, d.last_error, d.created, d.last_attempt, d.next_attempt, d.delivered" + FROM;

    private final JdbcClient jdbc;
    private final ListQuery<Delivery> listing;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "d.created desc, d.id desc", this::map);
    }

    /** A pending delivery of the event, due now. */
    UUID insert(long webhookId, UUID eventId, String eventType, String payload, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_deliveries (uuid, webhook_id, event_id, event_type, payload, created, next_attempt)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(uuid, webhookId, eventId, eventType, payload, Timestamps.of(now), Timestamps.of(now))
                .update();
        return uuid;
    }

    Optional<Delivery> find(UUID uuid) {
        return jdbc.sql(SELECT + " where d.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    Listing<Delivery> list(long webhookId, String state, PageRequest page) {
        return listing.list(new SqlFilter().eq("d.webhook_id", webhookId).eq("d.state", state), page);
    }

    /** Records an attempt: its answer ({@code 0}: none), and what comes next ({@code next}: null when none). */
    void attempted(long id, String state, int attempts, int responseCode, String error, Instant at, Instant next) {
        jdbc.sql("""
                        update webhook_deliveries
                        set state = ?, attempts = ?, response_code = ?, last_error = ?, last_attempt = ?, next_attempt = ?,
                            delivered = case when ? = 'delivered' then ? else delivered end
                        where id = ?""")
                .params(
                        state,
                        attempts,
                        responseCode,
                        error,
                        Timestamps.of(at),
                        Timestamps.of(next),
                        state,
                        Timestamps.of(at),
                        id)
                .update();
    }

    /**
     * Pending deliveries due for a while that have no execution in the queue (the server stopped between recording and
     * queuing them).
     */
    /** Pending deliveries due before then that no execution of the task will attempt, with their attempts so far. */
    List<Orphan> pendingWithoutExecution(Instant dueBefore, String task) {
        return jdbc.sql("""
                        select d.uuid, d.attempts from webhook_deliveries d
                        where d.state = 'pending' and d.next_attempt < ?
                        and not exists (select 1 from webhook_tasks t where t.task_name = ? and t.task_instance like d.uuid::text || '/%')""")
                .params(Timestamps.of(dueBefore), task)
                .query((rs, row) -> new Orphan(rs.getObject("uuid", UUID.class), rs.getInt("attempts")))
                .list();
    }

    record Orphan(UUID uuid, int attempts) {}

    private Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("webhook_id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("payload"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getObject("response_code", Integer.class),
                rs.getString("last_error"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "last_attempt"),
                Timestamps.read(rs, "next_attempt"),
                Timestamps.read(rs, "delivered"));
    }
}
