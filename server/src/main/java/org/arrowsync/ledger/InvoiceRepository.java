package org.arrowsync.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.DeltaCounts;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    /**
     * Every invoice has its customer; the join is outer only so that PostgreSQL leaves it out of a count or a page's
     * choice of keys that does not filter on the customer (D56), which then reads the invoices' list index (D140).
     */
    private static final String FROM = " from invoices i left join customers c on c.id = i.customer_id";

    private static final String SELECT = "select i.id, i.uuid, i.year, i.month, i.state, i.created, i.modified,"
            + " c.id as customer_id, c.uuid as customer_uuid, c.name as customer_name" + FROM;

    /** How many invoices a filter on month and state selects, as the counts keep it (D232). */
    private static final String KEPT_COUNT = "select coalesce(sum(k.invoices), 0) from invoice_counts k";

    private final JdbcClient jdbc;
    private final ListQuery<Invoice> listing;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(
                jdbc, SELECT, FROM, "i.year desc, i.month desc, i.customer_name, i.id", InvoiceRepository::map, "i.id");
    }

    Optional<Invoice> find(UUID uuid) {
        return jdbc.sql(SELECT + " where i.uuid = ?")
                .param(uuid)
                .query(InvoiceRepository::map)
                .optional();
    }

    Optional<Invoice> findById(long id) {
        return jdbc.sql(SELECT + " where i.id = ?")
                .param(id)
                .query(InvoiceRepository::map)
                .optional();
    }

    /** Locks the invoice row, so a state change and an item change on it never interleave. */
    Optional<Invoice> lock(long id) {
        return jdbc.sql(SELECT + " where i.id = ? for update of i")
                .param(id)
                .query(InvoiceRepository::map)
                .optional();
    }

    /** The customer's invoice for the month, created pending if it does not exist yet (safe under concurrency). */
    Invoice getOrCreate(long customerId, YearMonth period, Instant now) {
        jdbc.sql("""
                        insert into invoices (uuid, customer_id, year, month, state, created, modified) values (?, ?, ?, ?, 'pending', ?, ?)
                        on conflict (customer_id, year, month) do nothing""")
                .params(
                        UUID.randomUUID(),
                        customerId,
                        period.getYear(),
                        period.getMonthValue(),
                        Timestamps.of(now),
                        Timestamps.of(now))
                .update();
        return jdbc.sql(SELECT + " where i.customer_id = ? and i.year = ? and i.month = ?")
                .params(customerId, period.getYear(), period.getMonthValue())
                .query(InvoiceRepository::map)
                .single();
    }

    /** Locks several invoices, in id order so two runs never deadlock. */
    List<Invoice> lockAll(Collection<Long> ids) {
        return jdbc.sql(SELECT + " where i.id = any(?) order by i.id for update of i")
                .param(ids.toArray(Long[]::new))
                .query(InvoiceRepository::map)
                .list();
    }

    /** The customers' invoices for the month, opened pending where missing, in two statements. */
    List<Invoice> openAll(Collection<UUID> customerUuids, YearMonth period, Instant now) {
        UUID[] customers = customerUuids.toArray(UUID[]::new);
        jdbc.sql("""
                        insert into invoices (uuid, customer_id, year, month, state, created, modified)
                        select gen_random_uuid(), c.id, ?, ?, 'pending', ?, ? from customers c where c.uuid = any(?)
                        on conflict (customer_id, year, month) do nothing""")
                .params(period.getYear(), period.getMonthValue(), Timestamps.of(now), Timestamps.of(now), customers)
                .update();
        return ofCustomers(customerUuids, period);
    }

    /** The customers' invoices for the month that exist. */
    List<Invoice> ofCustomers(Collection<UUID> customerUuids, YearMonth period) {
        return jdbc.sql(SELECT + " where c.uuid = any(?) and i.year = ? and i.month = ?")
                .params(customerUuids.toArray(UUID[]::new), period.getYear(), period.getMonthValue())
                .query(InvoiceRepository::map)
                .list();
    }

    /** The customer's invoice of the month, if it has one: nothing is opened. */
    Optional<Invoice> findOf(long customerId, YearMonth period) {
        return jdbc.sql(SELECT + " where i.customer_id = ? and i.year = ? and i.month = ?")
                .params(customerId, period.getYear(), period.getMonthValue())
                .query(InvoiceRepository::map)
                .optional();
    }

    /** How many items each of these invoices holds, as it keeps the count (D65). */
    Map<Long, Long> itemCounts(Collection<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select id, items from invoices where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("id"), rs.getLong("items"));
                });
        return counts;
    }

    Listing<Invoice> list(InvoiceService.InvoiceFilter filter, PageRequest page) {
        return listing.list(where(filter), page, count(filter));
    }

    /** The plan of {@link #list}'s count as it ran. */
    List<String> countPlan(InvoiceService.InvoiceFilter filter) {
        return listing.countPlan(count(filter));
    }

    /** A filter on the invoices' month and state alone counts from the counts kept per month and state (D232). */
    private ListQuery.Count count(InvoiceService.InvoiceFilter filter) {
        return filter.customerUuid() == null
                ? new ListQuery.Count(KEPT_COUNT, monthAndState(new SqlFilter(), "k", filter))
                : listing.countAll(where(filter));
    }

    /**
     * Folds the invoices' count deltas into one row per month and state (D232): each statement that adds, deletes or
     * moves invoices or their items adds a row for each month and state it touched.
     */
    void foldCounts() {
        DeltaCounts.fold(jdbc, "invoice_counts", "year, month, state", "invoices", "items");
    }

    /** The plan of {@link #list}'s page as it ran. */
    List<String> pagePlan(InvoiceService.InvoiceFilter filter, PageRequest page) {
        return listing.plan(where(filter), page);
    }

    private static SqlFilter where(InvoiceService.InvoiceFilter filter) {
        return monthAndState(new SqlFilter().eq("c.uuid", filter.customerUuid()), "i", filter);
    }

    /**
     * The filter's conditions on the month and state, on the columns of {@code table}: the invoices or their counts.
     */
    private static SqlFilter monthAndState(SqlFilter where, String table, InvoiceService.InvoiceFilter filter) {
        return where.eq(table + ".year", filter.year())
                .eq(table + ".month", filter.month())
                .eq(table + ".state", filter.state());
    }

    void updateState(long id, InvoiceState state, Instant now) {
        jdbc.sql("update invoices set state = ?, modified = ? where id = ?")
                .params(state.value(), Timestamps.of(now), id)
                .update();
    }

    /** Moves every pending invoice of a month before {@code period} to created; returns how many. */
    int closeBefore(YearMonth period, Instant now) {
        return jdbc.sql(
                        "update invoices set state = 'created', modified = ? where state = 'pending' and year * 12 + month < ?")
                .params(Timestamps.of(now), period.getYear() * 12 + period.getMonthValue())
                .update();
    }

    private static Invoice map(ResultSet rs, int row) throws SQLException {
        return new Invoice(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                new Ref(
                        rs.getLong("customer_id"),
                        rs.getObject("customer_uuid", UUID.class),
                        rs.getString("customer_name")),
                rs.getInt("year"),
                rs.getInt("month"),
                InvoiceState.of(rs.getString("state")).orElseThrow(),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }
}
