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
class CustomerRepository {

    private static final String COLUMNS =
            "id, uuid, name, abbreviation, email, address, postal, country, created, modified";

    private final JdbcClient jdbc;
    private final ListQuery<Customer> listing;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(
                jdbc, "select " + COLUMNS + " from customers", " from customers", "name, id", CustomerRepository::map);
    }

    Optional<Customer> find(UUID uuid) {
        return jdbc.sql("select " + COLUMNS + " from customers where uuid = ?")
                .param(uuid)
                .query(CustomerRepository::map)
                .optional();
    }

    /**
     * Customers whose name contains {@code name} and whose name or abbreviation contains {@code query} (Waldur's search
     * box), by name; a null filter selects all.
     */
    Listing<Customer> list(String name, String query, PageRequest page) {
        return listing.list(new SqlFilter().icontains("name", name).icontainsAny(query, "name", "abbreviation"), page);
    }

    /**
     * At most {@code limit} customers whose name is {@code name}, spaces around either aside and case ignored, oldest
     * first.
     */
    List<Customer> namedExactly(String name, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from customers where lower(btrim(name)) = lower(btrim(?)) order by id limit ?")
                .params(name, limit)
                .query(CustomerRepository::map)
                .list();
    }

    List<Customer> all() {
        return jdbc.sql("select " + COLUMNS + " from customers order by name, id")
                .query(CustomerRepository::map)
                .list();
    }

    Customer insert(CustomerFields fields, Instant now) {
        return jdbc.sql(
                        "insert into customers (uuid, name, abbreviation, email, address, postal, country, created, modified)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(
                        UUID.randomUUID(),
                        fields.name(),
                        fields.abbreviation(),
                        fields.email(),
                        fields.address(),
                        fields.postal(),
                        fields.country(),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .query(CustomerRepository::map)
                .single();
    }

    Customer update(UUID uuid, CustomerFields fields, Instant now) {
        return jdbc.sql(
                        "update customers set name = ?, abbreviation = ?, email = ?, address = ?, postal = ?, country = ?, modified = ?"
                                + " where uuid = ? returning " + COLUMNS)
                .params(
                        fields.name(),
                        fields.abbreviation(),
                        fields.email(),
                        fields.address(),
                        fields.postal(),
                        fields.country(),
                        Timestamps.of(now),
                        uuid)
                .query(CustomerRepository::map)
                .single();
    }

    /** Locks the customer for the checks of its deletion ({@link TransactionLocks#rowForDeletion}). */
    void lockForDeletion(long id) {
        TransactionLocks.rowForDeletion(jdbc, "customers", id);
    }

    boolean hasProjectsOrInvoices(long id) {
        return jdbc.sql(
                        "select exists (select 1 from projects where customer_id = :id) or exists (select 1 from invoices where customer_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void delete(long id) {
        jdbc.sql("delete from customers where id = ?").param(id).update();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getString("name"),
                rs.getString("abbreviation"),
                rs.getString("email"),
                rs.getString("address"),
                rs.getString("postal"),
                rs.getString("country"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }
}
