package org.arrowsync.ledger;

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
import org.arrowsync.shared.TransactionLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    private static final String SELECT = """
            select p.id, p.uuid, p.name, p.description, p.customer_id, c.uuid as customer_uuid, c.name as customer_name, p.created, p.modified
            from projects p join customers c on c.id = p.customer_id""";

    private final JdbcClient jdbc;
    private final ListQuery<Project> listing;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(
                jdbc,
                SELECT,
                " from projects p join customers c on c.id = p.customer_id",
                "p.name, p.id",
                ProjectRepository::map);
    }

    Optional<Project> find(UUID uuid) {
        return jdbc.sql(SELECT + " where p.uuid = ?")
                .param(uuid)
                .query(ProjectRepository::map)
                .optional();
    }

    Listing<Project> list(ProjectService.ProjectFilter filter, PageRequest page) {
        return listing.list(where(filter), page);
    }

    private static SqlFilter where(ProjectService.ProjectFilter filter) {
        return new SqlFilter().eq("c.uuid", filter.customerUuid()).icontains("p.name", filter.name());
    }

    List<Project> ofCustomer(long customerId) {
        return jdbc.sql(SELECT + " where p.customer_id = ? order by p.created, p.id")
                .param(customerId)
                .query(ProjectRepository::map)
                .list();
    }

    UUID insert(long customerId, String name, String description, Instant now) {
        UUID uuid = UUID.randomUUID();
        jdbc.sql(
                        "insert into projects (uuid, customer_id, name, description, created, modified) values (?, ?, ?, ?, ?, ?)")
                .params(uuid, customerId, name, description, Timestamps.of(now), Timestamps.of(now))
                .update();
        return uuid;
    }

    void update(long id, long customerId, String name, String description, Instant now) {
        jdbc.sql("update projects set customer_id = ?, name = ?, description = ?, modified = ? where id = ?")
                .params(customerId, name, description, Timestamps.of(now), id)
                .update();
    }

    /** Locks the project for the checks of its deletion ({@link TransactionLocks#rowForDeletion}). */
    void lockForDeletion(long id) {
        TransactionLocks.rowForDeletion(jdbc, "projects", id);
    }

    boolean hasResources(long id) {
        return jdbc.sql("select exists (select 1 from resources where project_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    void delete(long id) {
        jdbc.sql("delete from projects where id = ?").param(id).update();
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        return new Project(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getLong("customer_id"),
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }
}
