package org.arrowsync.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The audit log's rows: inserted and read, never changed (the table refuses it). */
@Repository
class AuditRepository {

    private static final String FROM = " from audit_log a";
    private static final String SELECT = "select a.uuid, a.created, a.actor, a.action, a.target_uuid,"
            + " a.request::text as request, a.status, a.client_address, a.request_id, a.reason" + FROM;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ListQuery<AuditEntry> listing;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "a.created desc, a.id desc", this::map);
    }

    void insert(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit_log (uuid, created, actor, action, target_uuid, request, status, client_address, request_id, reason)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(
                        entry.uuid(),
                        Timestamps.of(entry.created()),
                        entry.actor(),
                        entry.action(),
                        entry.targetUuid(),
                        json.writeValueAsString(entry.request()),
                        entry.status(),
                        entry.clientAddress(),
                        entry.requestId(),
                        entry.reason())
                .update();
    }

    Optional<AuditEntry> find(UUID uuid) {
        return jdbc.sql(SELECT + " where a.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    Listing<AuditEntry> list(AuditTrail.Filter filter, PageRequest page) {
        return listing.list(
                new SqlFilter()
                        .eq("a.uuid", filter.entry())
                        .eq("a.actor", filter.actor())
                        .eq("a.action", filter.action())
                        .eq("a.target_uuid", filter.targetUuid())
                        .atLeast("a.created", Timestamps.of(filter.from()))
                        .before("a.created", Timestamps.of(filter.before())),
                page);
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("uuid", UUID.class),
                Timestamps.read(rs, "created"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getObject("target_uuid", UUID.class),
                json.readTree(rs.getString("request")),
                rs.getObject("status", Integer.class),
                rs.getString("client_address"),
                rs.getString("request_id"),
                rs.getString("reason"));
    }
}
