package org.arrowsync.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ResourceRepository {

    private static final String FROM = " from resources r join offerings o on o.id = r.offering_id"
            + " join projects p on p.id = r.project_id join customers c on c.id = p.customer_id"
            + " left join plans pl on pl.id = r.plan_id";
    private static final String SELECT = """
            select r.id, r.uuid, r.name, r.backend_id, r.state, r.attributes::text as attributes, r.report::text as report,
                   r.current_usages::text as current_usages, r.created, r.modified,
                   o.id as offering_id, o.uuid as offering_uuid, o.name as offering_name,
                   p.id as project_id, p.uuid as project_uuid, p.name as project_name,
                   c.id as customer_id, c.uuid as customer_uuid, c.name as customer_name,
                   pl.id as plan_id, pl.uuid as plan_uuid, pl.name as plan_name""" + FROM;

    private final JdbcClient jdbc;
    private final ListQuery<Resource> listing;
    private final JsonMapper json;

    ResourceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, "r.created desc, r.id desc", this::map);
        this.json = json;
    }

    Optional<Resource> find(UUID uuid) {
        return jdbc.sql(SELECT + " where r.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    Listing<Resource> list(ResourceService.ResourceFilter filter, PageRequest page) {
        return listing.list(where(filter), page);
    }

    /** A customer's resources, oldest first. */
    List<Resource> ofCustomer(UUID customerUuid) {
        return all(new SqlFilter().eq("c.uuid", customerUuid));
    }

    /** The resources whose attributes carry one of these license references, oldest first. */
    List<Resource> withLicenses(Collection<String> licenseReferences) {
        return all(new SqlFilter().where("r.attributes ->> '" + Resource.LICENSE_ATTRIBUTE + "' = any(?)", (Object)
                licenseReferences.toArray(String[]::new)));
    }

    /** The resources of one offering with this backend id, oldest first. */
    List<Resource> inOffering(UUID offeringUuid, String backendId) {
        return all(new SqlFilter().eq("o.uuid", offeringUuid).eq("r.backend_id", backendId));
    }

    private static SqlFilter where(ResourceService.ResourceFilter filter) {
        return new SqlFilter()
                .eq("c.uuid", filter.customerUuid())
                .eq("p.uuid", filter.projectUuid())
                .eq("o.uuid", filter.offeringUuid())
                .icontains("r.name", filter.name())
                .eq("r.backend_id", filter.backendId())
                .icontainsAny(filter.query(), "r.name", "r.backend_id")
                .anyOf("r.state", filter.states());
    }

    private List<Resource> all(SqlFilter filter) {
        return jdbc.sql(SELECT + filter.clause() + " order by r.created, r.id")
                .params(filter.params())
                .query(this::map)
                .list();
    }

    UUID insert(ResourceFields fields, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql("""
                        insert into resources (uuid, name, backend_id, state, offering_id, project_id, plan_id, attributes, report,
                                               current_usages, created, modified)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(
                        uuid,
                        fields.name(),
                        fields.backendId(),
                        fields.state(),
                        fields.offeringId(),
                        fields.projectId(),
                        fields.planId(),
                        json.writeValueAsString(fields.attributes()),
                        json.writeValueAsString(fields.report()),
                        json.writeValueAsString(fields.currentUsages()),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .update();
        return uuid;
    }

    /**
     * Sets the license, as the backend id and in the attributes where Arrow work reads it (D12), those two alone (a
     * resource sync may be writing the rest); returns whether either changed.
     */
    boolean setLicense(long id, String license, Instant now) {
        return jdbc.sql("""
                                update resources set backend_id = ?, modified = ?,
                                       attributes = case when jsonb_typeof(attributes) = 'object' then attributes else '{}'::jsonb end
                                                    || jsonb_build_object('%1$s', ?::text)
                                where id = ? and (backend_id is distinct from ? or attributes ->> '%1$s' is distinct from ?)""".formatted(Resource.LICENSE_ATTRIBUTE))
                        .params(license, Timestamps.of(now), license, id, license, license)
                        .update()
                > 0;
    }

    /** Sets the backend id unless it is already that; returns whether it changed. */
    boolean setBackendId(long id, String backendId, Instant now) {
        return jdbc.sql(
                                "update resources set backend_id = ?, modified = ? where id = ? and backend_id is distinct from ?")
                        .params(backendId, Timestamps.of(now), id, backendId)
                        .update()
                > 0;
    }

    void update(long id, ResourceFields fields, Instant now) {
        jdbc.sql("""
                        update resources set name = ?, backend_id = ?, state = ?, offering_id = ?, project_id = ?, plan_id = ?,
                               attributes = ?::jsonb, report = ?::jsonb, current_usages = ?::jsonb, modified = ?
                        where id = ?""")
                .params(
                        fields.name(),
                        fields.backendId(),
                        fields.state(),
                        fields.offeringId(),
                        fields.projectId(),
                        fields.planId(),
                        json.writeValueAsString(fields.attributes()),
                        json.writeValueAsString(fields.report()),
                        json.writeValueAsString(fields.currentUsages()),
                        Timestamps.of(now),
                        id)
                .update();
    }

    /** {@link ResourceService#lockCreations}. */
    void lockCreations() {
        TransactionLocks.named(jdbc, "resource creation");
    }

    /** Locks the resource for the checks of its deletion ({@link TransactionLocks#rowForDeletion}). */
    void lockForDeletion(long id) {
        TransactionLocks.rowForDeletion(jdbc, "resources", id);
    }

    void delete(long id) {
        jdbc.sql("delete from resources where id = ?").param(id).update();
    }

    private Resource map(ResultSet rs, int row) throws SQLException {
        long planId = rs.getLong("plan_id");
        Ref plan =
                rs.wasNull() ? null : new Ref(planId, rs.getObject("plan_uuid", UUID.class), rs.getString("plan_name"));
        return new Resource(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("name"),
                rs.getString("backend_id"),
                rs.getString("state"),
                new Ref(
                        rs.getLong("offering_id"),
                        rs.getObject("offering_uuid", UUID.class),
                        rs.getString("offering_name")),
                new Ref(
                        rs.getLong("project_id"),
                        rs.getObject("project_uuid", UUID.class),
                        rs.getString("project_name")),
                new Ref(
                        rs.getLong("customer_id"),
                        rs.getObject("customer_uuid", UUID.class),
                        rs.getString("customer_name")),
                plan,
                readJson(rs, "attributes"),
                readJson(rs, "report"),
                readJson(rs, "current_usages"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }

    private JsonNode readJson(ResultSet rs, String column) throws SQLException {
        return json.readTree(rs.getString(column));
    }

    record ResourceFields(
            String name,
            String backendId,
            String state,
            long offeringId,
            long projectId,
            Long planId,
            JsonNode attributes,
            JsonNode report,
            JsonNode currentUsages) {}
}
