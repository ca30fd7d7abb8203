package org.arrowsync.ledger;

import static org.arrowsync.shared.SqlArrays.column;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.arrowsync.ledger.Resource.Ref;
import org.arrowsync.shared.ConcurrentReads;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.RawJson;
import org.arrowsync.shared.RowCopy;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.Uuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

@Repository
class InvoiceItemRepository {

    /**
     * Every item has its invoice and customer; the joins are outer only so that PostgreSQL leaves out those a count or
     * a page's choice of keys does not need (a filter on them makes them inner again).
     */
    private static final String FROM =
            " from invoice_items it left join invoices i on i.id = it.invoice_id left join customers c on c.id = i.customer_id"
                    + " left join resources r on r.id = it.resource_id left join offerings o on o.id = r.offering_id";

    private static final Comparator<InvoiceItem> IN_ORDER_CREATED =
            Comparator.comparing(InvoiceItem::created).thenComparingLong(InvoiceItem::id);

    /** The columns of the items' own table an item is read with; details are JSON kept as written (D85). */
    private static final String ITEM_COLUMNS = """
            it.id, it.uuid, it.invoice_id, it.name, it.unit_price, it.quantity, it.unit, it.currency, it.start_date,
            it.end_date, it.resource_id, it.resource_name, it.project_id, it.project_uuid, it.project_name,
            it.details, it.created""";

    private static final String LINKED_COLUMNS = ITEM_COLUMNS + ", i.uuid as invoice_uuid, r.uuid as resource_uuid";

    private static final String SELECT = "select " + LINKED_COLUMNS + FROM;

    /** {@link #SELECT} with the invoice's customer and the resource's offering, for the invoice-item endpoints. */
    private static final String SELECT_DETAIL = "select " + LINKED_COLUMNS
            + ", c.id as customer_id, c.uuid as customer_uuid, c.name as customer_name, o.id as offering_id,"
            + " o.uuid as offering_uuid, o.name as offering_name" + FROM;

    /** The items' own columns alone, for {@link #ofInvoices}. */
    private static final String OF_INVOICES =
            "select " + ITEM_COLUMNS + " from invoice_items it where it.invoice_id = any(?)";

    /** How many items the invoices a filter on invoices alone selects hold, as the invoices keep it (D65). */
    private static final String KEPT_COUNT =
            "select coalesce(sum(i.items), 0) from invoices i left join customers c on c.id = i.customer_id";

    /** How many items the invoices of a filter on their month alone hold, as the months' counts keep it (D232). */
    private static final String MONTHS_COUNT = "select coalesce(sum(k.items), 0) from invoice_counts k";

    /** The columns a new item is copied with. */
    private static final List<String> NEW_COLUMNS = List.of(
            "uuid",
            "invoice_id",
            "name",
            "unit_price",
            "quantity",
            "unit",
            "currency",
            "start_date",
            "end_date",
            "resource_id",
            "resource_name",
            "project_id",
            "project_uuid",
            "project_name",
            "details",
            "created");

    private final JdbcClient jdbc;
    private final ListQuery<InvoiceItemDetail> listing;
    /** Writes an item's details as they are kept (D85). */
    private final ObjectWriter details;

    private final RowCopy copy;
    private final ConcurrentReads reads;

    InvoiceItemRepository(JdbcClient jdbc, JsonMapper json, RowCopy copy, ConcurrentReads reads) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.reads = reads;
        // Newest first by id, which follows creation: the primary key serves any page without a sort (D56).
        this.listing = new ListQuery<>(jdbc, SELECT_DETAIL, FROM, "it.id desc", this::detail, "it.id");
        this.details = json.writer().with(new NulAsReplacement());
    }

    Optional<InvoiceItem> find(UUID uuid) {
        return jdbc.sql(SELECT + " where it.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    Optional<InvoiceItemDetail> findDetail(UUID uuid) {
        return jdbc.sql(SELECT_DETAIL + " where it.uuid = ?")
                .param(uuid)
                .query(this::detail)
                .optional();
    }

    List<InvoiceItem> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where it.id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(this::map)
                .list();
    }

    /**
     * The items of these invoices (id to uuid), oldest first. Read from their own table alone: the invoices' uuids are
     * known, and the few resources they link to are read after them, so no join reads every invoice or resource (a hash
     * of 20,000 invoices cost a page of invoices 4 ms at a million lines, and grows with the months kept).
     */
    List<InvoiceItem> ofInvoices(Map<Long, UUID> invoiceUuids) {
        if (invoiceUuids.isEmpty()) {
            return List.of();
        }
        // Read in parts at once (D154), and sorted here, not by PostgreSQL: there a page of invoices' items (5,000 to
        // 10,000 rows of a kilobyte, their details among them) spilled to disk.
        List<InvoiceItem> items = new ArrayList<>(reads.inParts(
                List.copyOf(invoiceUuids.keySet()),
                ids -> jdbc.sql(OF_INVOICES)
                        .param(ids.toArray(Long[]::new))
                        .query((rs, row) -> map(rs, invoiceUuids.get(rs.getLong("invoice_id")), null))
                        .list()));
        items.sort(IN_ORDER_CREATED);
        return withResourceUuids(items);
    }

    /** The items with their resources' uuids, read in one query for the resources they link to. */
    private List<InvoiceItem> withResourceUuids(List<InvoiceItem> items) {
        Long[] resourceIds = items.stream()
                .filter(item -> item.resource() != null)
                .map(item -> item.resource().id())
                .distinct()
                .toArray(Long[]::new);
        if (resourceIds.length == 0) {
            return items;
        }
        Map<Long, UUID> uuids = new HashMap<>();
        jdbc.sql("select id, uuid from resources where id = any(?)")
                .param(resourceIds)
                .query(rs -> {
                    uuids.put(rs.getLong("id"), rs.getObject("uuid", UUID.class));
                });
        return items.stream()
                .map(item -> item.resource() == null
                        ? item
                        : item.withResource(new Ref(
                                item.resource().id(),
                                uuids.get(item.resource().id()),
                                item.resource().name())))
                .toList();
    }

    /**
     * The currency of each invoice's first item, for those that have items: one index probe per invoice, so a month's
     * invoices cost their number, not their items (a re-sync of a million lines reads its 20,000 invoices' currencies).
     */
    Map<Long, String> currencyOf(Collection<Long> invoiceIds) {
        Map<Long, String> currencies = new HashMap<>();
        jdbc.sql("""
                        select i.id, c.currency from unnest(?::bigint[]) as i(id)
                        cross join lateral (select currency from invoice_items where invoice_id = i.id limit 1) c""").param(invoiceIds.toArray(Long[]::new)).query(rs -> {
            currencies.put(rs.getLong("id"), rs.getString("currency"));
        });
        return currencies;
    }

    Listing<InvoiceItemDetail> list(InvoiceService.ItemFilter filter, PageRequest page) {
        return listing.list(where(filter), page, count(filter));
    }

    /** The plan of {@link #list}'s count as it ran. */
    List<String> countPlan(InvoiceService.ItemFilter filter) {
        return listing.countPlan(count(filter));
    }

    /**
     * A filter on the items' invoices alone counts from what the invoices keep (D65); one on their month alone from the
     * months' counts (D232).
     */
    private ListQuery.Count count(InvoiceService.ItemFilter filter) {
        if (!filter.countKept()) {
            return listing.countAll(where(filter));
        }
        return filter.invoiceUuid() == null && filter.customerUuid() == null
                ? new ListQuery.Count(
                        MONTHS_COUNT,
                        new SqlFilter().eq("k.year", filter.year()).eq("k.month", filter.month()))
                : new ListQuery.Count(KEPT_COUNT, where(filter));
    }

    private static SqlFilter where(InvoiceService.ItemFilter filter) {
        return new SqlFilter()
                .eq("i.uuid", filter.invoiceUuid())
                .eq("c.uuid", filter.customerUuid())
                .eq("it.project_uuid", filter.projectUuid())
                .eq("r.uuid", filter.resourceUuid())
                .eq("i.year", filter.year())
                .eq("i.month", filter.month())
                .icontains("it.name", filter.name());
    }

    /** Inserts many items (each on its own invoice) with COPY; returns their ids in the order given. */
    List<Long> insertAll(List<Long> invoiceIds, List<InvoiceItemDraft> drafts, Instant now) {
        List<NewRow> rows = IntStream.range(0, drafts.size())
                .mapToObj(i -> new NewRow(invoiceIds.get(i), drafts.get(i)))
                .toList();
        return copy.insert("invoice_items", "invoice_items_id_seq", NEW_COLUMNS, rows, row -> new Object[] {
            Uuids.timeOrdered(now),
            row.invoiceId(),
            row.item().name(),
            row.item().unitPrice(),
            row.item().quantity(),
            row.item().unit(),
            row.item().currency(),
            row.item().start(),
            row.item().end(),
            row.resourceId(),
            row.resourceName(),
            row.projectId(),
            row.projectUuid(),
            row.projectName(),
            details.writeValueAsString(row.item().details()),
            now
        });
    }

    /** A new item as it is written: its invoice and what it bills. */
    private record NewRow(long invoiceId, InvoiceItemDraft item) {

        Long resourceId() {
            return item.resource() == null ? null : item.resource().id();
        }

        String resourceName() {
            return item.resource() == null ? "" : item.resource().name();
        }

        Long projectId() {
            return item.project() == null || item.project().id() <= 0
                    ? null
                    : item.project().id();
        }

        UUID projectUuid() {
            return item.project() == null ? null : item.project().uuid();
        }

        String projectName() {
            return item.project() == null ? "" : item.project().name();
        }
    }

    /** Sets name, unit price, quantity and details of many items in one statement. */
    void updateAll(List<InvoiceService.ItemChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update invoice_items it set name = t.nm, unit_price = t.up, quantity = t.q, details = t.d::json
                        from unnest(?::bigint[], ?::text[], ?::numeric[], ?::numeric[], ?::text[]) as t(id, nm, up, q, d)
                        where it.id = t.id""")
                .params(
                        column(changes, InvoiceService.ItemChange::id, Long[]::new),
                        column(changes, InvoiceService.ItemChange::name, String[]::new),
                        column(changes, InvoiceService.ItemChange::unitPrice, BigDecimal[]::new),
                        column(changes, InvoiceService.ItemChange::quantity, BigDecimal[]::new),
                        column(changes, change -> details.writeValueAsString(change.details()), String[]::new))
                .update();
    }

    void deleteAll(List<Long> ids) {
        jdbc.sql("delete from invoice_items where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .update();
    }

    /** Ids of the items among {@code ids} that are on invoice {@code invoiceId}. */
    List<Long> onInvoice(long invoiceId, List<Long> ids) {
        return jdbc.sql("select id from invoice_items where invoice_id = ? and id = any(?)")
                .params(invoiceId, ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    private InvoiceItem map(ResultSet rs, int row) throws SQLException {
        return map(rs, rs.getObject("invoice_uuid", UUID.class), rs.getObject("resource_uuid", UUID.class));
    }

    private InvoiceItemDetail detail(ResultSet rs, int row) throws SQLException {
        long offeringId = rs.getLong("offering_id");
        Ref offering = rs.wasNull()
                ? null
                : new Ref(offeringId, rs.getObject("offering_uuid", UUID.class), rs.getString("offering_name"));
        Ref customer = new Ref(
                rs.getLong("customer_id"), rs.getObject("customer_uuid", UUID.class), rs.getString("customer_name"));
        return new InvoiceItemDetail(map(rs, row), customer, offering);
    }

    private InvoiceItem map(ResultSet rs, UUID invoiceUuid, UUID resourceUuid) throws SQLException {
        long resourceId = rs.getLong("resource_id");
        Ref resource = rs.wasNull() ? null : new Ref(resourceId, resourceUuid, rs.getString("resource_name"));
        // project_id is emptied if the project is deleted; its uuid and name stay on the item (id 0 then means "gone").
        long projectId = rs.getLong("project_id");
        boolean projectGone = rs.wasNull();
        UUID projectUuid = rs.getObject("project_uuid", UUID.class);
        Ref project = projectUuid == null
                ? null
                : new Ref(projectGone ? 0 : projectId, projectUuid, rs.getString("project_name"));
        return new InvoiceItem(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("invoice_id"),
                invoiceUuid,
                rs.getString("name"),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("quantity"),
                rs.getString("unit"),
                rs.getString("currency"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                resource,
                project,
                RawJson.utf8(rs.getBytes("details")),
                Timestamps.read(rs, "created"));
    }

    /**
     * Writes a NUL as U+FFFD, where Jackson would write its escape: PostgreSQL's {@code json} keeps that escape, but
     * its JSON operators cannot make text of it, so one such item would fail every {@code details ->> …} query meeting
     * it.
     */
    private static final class NulAsReplacement extends CharacterEscapes {

        private static final int[] ESCAPES = standardAsciiEscapesForJSON();

        static {
            ESCAPES[0] = ESCAPE_CUSTOM;
        }

        private static final SerializableString REPLACEMENT = new SerializedString("\uFFFD");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // asked for every character beyond ASCII too: those are written as they are
            return ch == 0 ? REPLACEMENT : null;
        }
    }
}
