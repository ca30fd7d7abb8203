package org.arrowsync.webhooks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.settings.SecretCipher;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhooks, their secrets sealed at rest as API keys are. */
@Repository
class WebhookRepository {

    private static final String FROM = " from webhooks w";
    private static final String SELECT =
            "select w.id, w.uuid, w.url, w.event_types, w.secret, w.is_active, w.description, w.created, w.modified"
                    + FROM;

    private final JdbcClient jdbc;
    private final SecretCipher secrets;
    private final ListQuery<Webhook> listing;

    WebhookRepository(JdbcClient jdbc, SecretCipher secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "w.created desc, w.id desc", this::map);
    }

    Webhook insert(WebhookFields fields, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhooks (uuid, url, event_types, secret, is_active, description, created, modified)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        uuid,
                        fields.url(),
                        names(fields.eventTypes()),
                        secrets.seal(fields.secret()),
                        fields.active(),
                        fields.description(),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .update();
        return find(uuid).orElseThrow();
    }

    void update(long id, WebhookFields fields, Instant now) {
        jdbc.sql("""
                        update webhooks set url = ?, event_types = ?, secret = ?, is_active = ?, description = ?, modified = ?
                        where id = ?""")
                .params(
                        fields.url(),
                        names(fields.eventTypes()),
                        secrets.seal(fields.secret()),
                        fields.active(),
                        fields.description(),
                        Timestamps.of(now),
                        id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from webhooks where id = ?").param(id).update();
    }

    Optional<Webhook> find(UUID uuid) {
        return jdbc.sql(SELECT + " where w.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    Optional<Webhook> find(long id) {
        return jdbc.sql(SELECT + " where w.id = ?").param(id).query(this::map).optional();
    }

    Listing<Webhook> list(Boolean active, PageRequest page) {
        return listing.list(new SqlFilter().eq("w.is_active", active), page);
    }

    /** The active webhooks that subscribe to the event type. */
    List<Webhook> subscribedTo(EventType type) {
        return jdbc.sql(SELECT + " where w.is_active and ? = any (w.event_types) order by w.id")
                .param(type.value())
                .query(this::map)
                .list();
    }

    private static String[] names(List<EventType> types) {
        return types.stream().map(EventType::value).toArray(String[]::new);
    }

    private Webhook map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Webhook(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("url"),
                Arrays.stream((String[]) types.getArray())
                        .map(name -> EventType.of(name).orElseThrow())
                        .toList(),
                secrets.open(rs.getString("secret")),
                rs.getBoolean("is_active"),
                rs.getString("description"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }

    /** What a webhook holds, checked. */
    record WebhookFields(String url, List<EventType> eventTypes, String secret, boolean active, String description) {}
}
