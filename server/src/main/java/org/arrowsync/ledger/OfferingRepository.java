package org.arrowsync.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.ledger.Offering.Component;
import org.arrowsync.ledger.Offering.Plan;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offerings come with their components and plans: one query each per page, never one per offering. */
@Repository
class OfferingRepository {

    private static final String SELECT = "select id, uuid, name, type, state, created from offerings";

    private final JdbcClient jdbc;
    private final ListQuery<Offering> listing;

    OfferingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, " from offerings", "name, id", OfferingRepository::head);
    }

    Optional<Offering> find(UUID uuid) {
        return withDetails(jdbc.sql(SELECT + " where uuid = ?")
                        .param(uuid)
                        .query(OfferingRepository::head)
                        .list())
                .stream()
                .findFirst();
    }

    Listing<Offering> list(OfferingService.OfferingFilter filter, PageRequest page) {
        return listing.list(where(filter), page).mapAll(this::withDetails);
    }

    boolean planExists(UUID uuid) {
        return jdbc.sql("select exists (select 1 from plans where uuid = ?)")
                .param(uuid)
                .query(Boolean.class)
                .single();
    }

    /** The first offering, by name, whose name contains {@code text}. */
    Optional<Offering> firstNamed(String text) {
        return withDetails(listing.page(where(new OfferingService.OfferingFilter(text, null)), new PageRequest(1, 1)))
                .stream()
                .findFirst();
    }

    private static SqlFilter where(OfferingService.OfferingFilter filter) {
        return new SqlFilter().icontains("name", filter.name()).eq("type", filter.type());
    }

    long insert(UUID uuid, String name, String type, String state, Instant now) {
        return jdbc.sql(
                        "insert into offerings (uuid, name, type, state, created, modified) values (?, ?, ?, ?, ?, ?) returning id")
                .params(uuid, name, type, state, Timestamps.of(now), Timestamps.of(now))
                .query(Long.class)
                .single();
    }

    void insertComponent(long offeringId, Component component) {
        jdbc.sql(
                        "insert into offering_components (offering_id, type, name, billing_type, measured_unit) values (?, ?, ?, ?, ?)")
                .params(
                        offeringId,
                        component.type(),
                        component.name(),
                        component.billingType(),
                        component.measuredUnit())
                .update();
    }

    void insertPlan(long offeringId, String name, Instant now) {
        jdbc.sql("insert into plans (uuid, offering_id, name, created) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), offeringId, name, Timestamps.of(now))
                .update();
    }

    private List<Offering> withDetails(List<Offering> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Long[] ids = heads.stream().map(Offering::id).toArray(Long[]::new);
        Map<Long, List<Component>> components = jdbc
                .sql(
                        "select offering_id, type, name, billing_type, measured_unit from offering_components where offering_id = any(?) order by id")
                .param(ids)
                .query((rs, row) -> Map.entry(
                        rs.getLong("offering_id"),
                        new Component(
                                rs.getString("type"),
                                rs.getString("name"),
                                rs.getString("billing_type"),
                                rs.getString("measured_unit"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<Plan>> plans = jdbc
                .sql("select id, offering_id, uuid, name from plans where offering_id = any(?) order by id")
                .param(ids)
                .query((rs, row) -> Map.entry(
                        rs.getLong("offering_id"),
                        new Plan(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("name"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return heads.stream()
                .map(o -> new Offering(
                        o.id(),
                        o.uuid(),
                        o.name(),
                        o.type(),
                        o.state(),
                        components.getOrDefault(o.id(), List.of()),
                        plans.getOrDefault(o.id(), List.of()),
                        o.created()))
                .toList();
    }

    private static Offering head(ResultSet rs, int row) throws SQLException {
        return new Offering(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("state"),
                List.of(),
                List.of(),
                Timestamps.read(rs, "created"));
    }
}
