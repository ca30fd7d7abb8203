package org.arrowsync.billing;

import static org.arrowsync.shared.SqlArrays.column;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.CanceledInvoices;
import org.arrowsync.ledger.InvoiceState;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.MarginLine;
import org.arrowsync.pricing.MarginTotals;
import org.arrowsync.shared.DeltaCounts;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.RowCopy;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.Uuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sync items are written a page at a time: one COPY per page for new items and one statement for updates. */
@Repository
class BillingSyncItemRepository {

    /**
     * Every item has its sync; that join is outer only so that PostgreSQL leaves it out where a count or a page's
     * choice of keys does not need it (a filter on the sync makes it inner again). A filter naming nothing of the syncs
     * chooses its keys from the items alone ({@link #itemsAlone}).
     */
    static final String FROM = " from billing_sync_items t left join billing_syncs b on b.id = t.billing_sync_id"
            + " left join invoice_items ii on ii.id = t.invoice_item_id left join invoices iv on iv.id = ii.invoice_id"
            + " left join invoice_items ci on ci.id = t.compensation_item_id";

    private static final String SELECT =
            "select t.id, t.uuid, t.billing_sync_id, b.uuid as sync_uuid, b.report_period, t.arrow_line_reference,"
                    + " t.invoice_item_id, ii.uuid as invoice_item_uuid, ii.invoice_id, iv.state as invoice_state, t.billed_via, t.original_price, t.current_price, t.invoiced, t.compensated,"
                    + " t.compensation_item_id, ci.uuid as compensation_item_uuid, t.sell, t.buy, t.quantity, t.currency, t.vendor_name,"
                    + " t.subscription_reference, t.license_reference, t.classification, t.description, t.removed, t.content_hash, t.created"
                    + FROM;

    /** {@link #find}: each reference looked up on its own, comparing bytes as the reference's index does (D73). */
    private static final String BY_REFERENCES = "select x.* from unnest(?::text[]) as k(r) cross join lateral ("
            + SELECT + " where t.arrow_line_reference collate \"C\" = k.r offset 0) x";

    /**
     * How many items of some syncs a filter on their vendor and classification selects, from the counts kept per sync,
     * vendor and classification (D65): the count's columns are named as the items' are.
     */
    private static final String SYNC_COUNT = "select coalesce(sum(t.items), 0) from billing_sync_item_counts t"
            + " left join billing_syncs b on b.id = t.billing_sync_id";
    /**
     * How many items a filter on their month, vendor and classification selects, from the counts kept per month, vendor
     * and classification (D143): a row each once a run's deltas are folded, where the syncs' counts are tens of
     * thousands a month.
     */
    private static final String MONTH_COUNT = "select coalesce(sum(m.items), 0) from billing_month_item_counts m";

    /**
     * The ids of a month's lines, read from the unique key of a sync's lines, which holds the id and whether the line
     * was removed (D84): a vacuumed month is read without visiting the items' rows.
     */
    private static final String LINE_IDS = "select id from billing_sync_items";

    /** Rows a streamed query fetches at a time. */
    private static final int STREAMED_ROWS = 1000;
    /** Ids a streamed query of ids alone fetches at a time (a few hundred kilobytes). */
    private static final int STREAMED_IDS = 20_000;

    /** What {@link KnownLine} holds of a line, in its order ({@link #knownLine}). */
    private static final String KNOWN_LINE_COLUMNS = """
            select t.id, t.billing_sync_id, t.arrow_line_reference, t.removed, t.content_hash,
                   t.billed_via = 'invoice' and t.invoice_item_id is null as lost_its_item, t.currency
            from billing_sync_items t""";
    /**
     * The lines a batch of Arrow's export met before, by their references: one scan of the byte-ordered reference
     * index, which PostgreSQL 17 and later walk once in key order instead of descending once per reference (D73).
     */
    private static final String KNOWN_LINES =
            KNOWN_LINE_COLUMNS + " where t.arrow_line_reference collate \"C\" = any (?::text[])";
    /** Prefixed to a statement: the plan it ran, with the rows each step gave and no costs or timings. */
    private static final String EXPLAIN = "explain (analyze, costs off, timing off, summary off) ";
    /**
     * A month's lines with their syncs' customers ({@link BillingSyncRepository#CUSTOMER_JOINS}), for margin reports.
     */
    private static final String MARGIN_FROM =
            " from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id"
                    + " join customer_mappings m on m.id = b.customer_mapping_id"
                    + BillingSyncRepository.CUSTOMER_JOINS;
    /**
     * What a line costs, lists at and bills (its item rounded as its invoice bills it, and its corrections, D169; what
     * is on a canceled invoice charges nothing, D200); a line Arrow dropped costs and lists nothing.
     */
    private static final String BUY = "case when t.removed then 0 else t.buy end";

    private static final String SELL = "case when t.removed then 0 else t.sell end";
    private static final String ROUNDED_ITEM = Money.roundedInSql("t.invoiced", "t.currency");
    private static final String BILLED = "(" + ROUNDED_ITEM + " + t.compensated) - ("
            + CanceledInvoices.amountOn("t.invoice_item_id", ROUNDED_ITEM) + " + "
            + CanceledInvoices.amountOn("t.compensation_item_id", "t.compensated") + ")";

    /** The columns a new item is copied with. */
    private static final List<String> NEW_COLUMNS = List.of(
            "uuid",
            "billing_sync_id",
            "arrow_line_reference",
            "invoice_item_id",
            "billed_via",
            "original_price",
            "current_price",
            "invoiced",
            "sell",
            "buy",
            "quantity",
            "currency",
            "vendor_name",
            "subscription_reference",
            "license_reference",
            "classification",
            "description",
            "content_hash",
            "changed_in_run",
            "created",
            "modified");

    private final JdbcClient jdbc;
    /**
     * The list where its filter names what the items' syncs hold ({@link BillingSyncQueries.ItemFilter#namesSyncs}).
     */
    private final ListQuery<BillingSyncItem> joined;
    /**
     * The list where its filter names nothing of the items' syncs: a page's keys are chosen from the items alone, and
     * so are the items counted where the kept counts do not know the filter. PostgreSQL leaves out the outer joins of
     * {@link #FROM} but still counts the columns they join on as needed, which rules out reading the primary key alone,
     * where a deep page of a vendor or a classification finds its keys without visiting the rows it skips (D158).
     */
    private final ListQuery<BillingSyncItem> itemsAlone;

    private final RowCopy copy;

    BillingSyncItemRepository(JdbcClient jdbc, RowCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
        // Newest first by id, which follows creation: the primary key serves any page without a sort (D56).
        this.joined = new ListQuery<>(jdbc, SELECT, FROM, "t.id desc", BillingSyncItemRepository::map, "t.id");
        this.itemsAlone = new ListQuery<>(
                jdbc, SELECT, " from billing_sync_items t", "t.id desc", BillingSyncItemRepository::map, "t.id");
    }

    /**
     * The items of these syncs with these line references (one page's worth), whichever of the syncs holds them: a line
     * is found by its reference (D29). Each reference is looked up on its own through the reference's index (a lateral
     * subquery that {@code offset 0} keeps from being flattened): as a join, a month just written and not analysed yet
     * is read whole on every page. The syncs are picked here: given them too, PostgreSQL 14 would probe the (sync,
     * reference) key once per pair. The index compares bytes, so the lookup does too (D73).
     */
    List<BillingSyncItem> find(Set<Long> syncIds, Collection<String> lineReferences) {
        if (syncIds.isEmpty() || lineReferences.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql(BY_REFERENCES)
                .param(lineReferences.toArray(String[]::new))
                .query(BillingSyncItemRepository::map)
                .list()
                .stream()
                .filter(item -> syncIds.contains(item.syncId()))
                .toList();
    }

    /**
     * The lines of these syncs with these line references, read as {@link #find} reads them but without their items'
     * other columns: what a sync needs to tell an unchanged line (D55). One index scan for the whole batch, with
     * sequential scans off for it alone (D73). Runs in the sync's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<KnownLine> known(Set<Long> syncIds, Collection<String> lineReferences) {
        if (syncIds.isEmpty() || lineReferences.isEmpty()) {
            return List.of();
        }
        return withoutSeqScans(() -> jdbc.sql(KNOWN_LINES)
                        .param(lineReferences.toArray(String[]::new))
                        .query(BillingSyncItemRepository::knownLine)
                        .list())
                .stream()
                .filter(line -> syncIds.contains(line.syncId()))
                .toList();
    }

    /** The lines of these syncs that name this license, read as {@link #known} reads them. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<KnownLine> knownOfLicense(Set<Long> syncIds, String licenseReference) {
        if (syncIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(KNOWN_LINE_COLUMNS + " where t.license_reference = ? and t.billing_sync_id = any (?::bigint[])")
                .params(licenseReference, syncIds.toArray(Long[]::new))
                .query(BillingSyncItemRepository::knownLine)
                .list();
    }

    /** By position, as {@link #KNOWN_LINE_COLUMNS} lists them: a column found by name is a map look-up per cell. */
    private static KnownLine knownLine(ResultSet rs, int row) throws SQLException {
        return new KnownLine(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getObject(5, UUID.class),
                rs.getBoolean(6),
                rs.getString(7));
    }

    /** The plan of {@link #known}'s look-up as it ran, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> knownPlan(Collection<String> lineReferences) {
        return withoutSeqScans(() -> plan(KNOWN_LINES, List.of((Object) lineReferences.toArray(String[]::new))));
    }

    /**
     * Runs a statement with sequential scans off, and only it (D73): a month written and not analysed yet has no
     * statistics to tell the planner how few of its lines 5,000 references name, so it would read the month whole for
     * every batch. Off by {@code set local}, set back to the server's default after the statement; a failure rolls the
     * transaction back, and the setting with it.
     */
    private <T> T withoutSeqScans(Supplier<T> statement) {
        jdbc.sql("set local enable_seqscan = off").update();
        T result = statement.get();
        jdbc.sql("set local enable_seqscan to default").update();
        return result;
    }

    /** How many items each of these syncs holds, as the syncs' counts keep it (D143). */
    Map<Long, Long> itemCounts(Collection<Long> syncIds) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select billing_sync_id, sum(items) as items from billing_sync_item_counts"
                        + " where billing_sync_id = any(?) group by billing_sync_id")
                .param(syncIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("billing_sync_id"), rs.getLong("items"));
                });
        return counts;
    }

    /** The lines of these syncs as their answers embed them, in the order they were created. */
    List<EmbeddedItem> embeddedIn(Collection<Long> syncIds) {
        if (syncIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select t.billing_sync_id, t.uuid, t.arrow_line_reference, ii.uuid as invoice_item_uuid, t.original_price,
                               ci.uuid as compensation_item_uuid, t.vendor_name, t.subscription_reference, t.classification,
                               t.description, t.quantity, t.created
                        from billing_sync_items t left join invoice_items ii on ii.id = t.invoice_item_id
                        left join invoice_items ci on ci.id = t.compensation_item_id
                        where t.billing_sync_id = any(?) order by t.id""")
                .param(syncIds.toArray(Long[]::new))
                .query((rs, row) -> new EmbeddedItem(
                        rs.getLong("billing_sync_id"),
                        rs.getObject("uuid", UUID.class),
                        rs.getString("arrow_line_reference"),
                        rs.getObject("invoice_item_uuid", UUID.class),
                        rs.getBigDecimal("original_price"),
                        rs.getObject("compensation_item_uuid", UUID.class),
                        rs.getString("vendor_name"),
                        rs.getString("subscription_reference"),
                        rs.getString("classification"),
                        rs.getString("description"),
                        rs.getBigDecimal("quantity"),
                        Timestamps.read(rs, "created")))
                .list();
    }

    List<BillingSyncItem> ofSyncs(Collection<Long> syncIds) {
        if (syncIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where t.billing_sync_id = any(?) order by t.id")
                .param(syncIds.toArray(Long[]::new))
                .query(BillingSyncItemRepository::map)
                .list();
    }

    Listing<BillingSyncItem> list(BillingSyncQueries.ItemFilter filter, PageRequest page) {
        return listingFor(filter).list(where(filter), page, count(filter));
    }

    /** The plan of {@link #find} as it runs for these references. */
    List<String> findPlan(Collection<String> lineReferences) {
        return plan(BY_REFERENCES, List.of((Object) lineReferences.toArray(String[]::new)));
    }

    /** The plan of {@link #list}'s page query as it ran. */
    List<String> listPlan(BillingSyncQueries.ItemFilter filter, PageRequest page) {
        return listingFor(filter).plan(where(filter), page);
    }

    /** The plan of {@link #list}'s count as it ran. */
    List<String> countPlan(BillingSyncQueries.ItemFilter filter) {
        return listingFor(filter).countPlan(count(filter));
    }

    /**
     * How {@link #list} counts: from the counts kept per sync where the filter names one sync (D65), from those kept
     * per month where it names none (D143), and by counting the items where it filters on what neither keeps.
     */
    private ListQuery.Count count(BillingSyncQueries.ItemFilter filter) {
        if (!filter.countKept()) {
            return listingFor(filter).countAll(where(filter));
        }
        if (filter.syncUuid() != null) {
            return new ListQuery.Count(SYNC_COUNT, where(filter));
        }
        return new ListQuery.Count(MONTH_COUNT, kept(new SqlFilter(), "m", "m", filter));
    }

    private ListQuery<BillingSyncItem> listingFor(BillingSyncQueries.ItemFilter filter) {
        return filter.namesSyncs() ? joined : itemsAlone;
    }

    Optional<BillingSyncItem> find(UUID uuid) {
        return jdbc.sql(SELECT + " where t.uuid = ?")
                .param(uuid)
                .query(BillingSyncItemRepository::map)
                .optional();
    }

    /**
     * The filter on the items (or on the syncs' counts, whose columns are named as the items' are). Only the sync's
     * uuid and month name the syncs ({@code b}), as {@link BillingSyncQueries.ItemFilter#namesSyncs} says.
     */
    private static SqlFilter where(BillingSyncQueries.ItemFilter filter) {
        SqlFilter sql = SyncReferenceIndex.referencesContain(
                kept(new SqlFilter().eq("b.uuid", filter.syncUuid()), "b", "t", filter),
                "t",
                filter.subscriptionReference(),
                filter.lineReference());
        if (filter.hasCompensation() != null) {
            sql.where(
                    filter.hasCompensation() ? "t.compensation_item_id is not null" : "t.compensation_item_id is null");
        }
        return sql;
    }

    /**
     * The filters the kept counts know besides the sync: the month (a column of {@code month}'s), the vendor and the
     * classification (columns of {@code item}'s). A piece of a vendor's name is looked for among the vendors the
     * months' counts hold, which are every vendor an item has while the counts are right (D143: the list's total relies
     * on them too), and each row's vendor compared with those that hold it: a deep page of items tests tens of
     * thousands (D158).
     */
    private static SqlFilter kept(SqlFilter sql, String month, String item, BillingSyncQueries.ItemFilter filter) {
        return sql.eq(month + ".report_period", filter.reportPeriod())
                .icontainsAmong(item + ".vendor_name", filter.vendorName(), "billing_month_item_counts", "vendor_name")
                .eq(item + ".classification", filter.classification());
    }

    /**
     * The lines of a month that the billing sync bills itself (not those of license-months consumption tracking bills),
     * each with its customer, what it bills (its item and corrections) and where, streamed a thousand rows at a time:
     * call inside a transaction. A line Arrow dropped is left out once nothing is billed for it; while something is, it
     * shows that charge against no buy or sell amount.
     */
    void forEachMarginLine(LineScope scope, Consumer<MarginLine> consumer) {
        SqlFilter filter = marginLines(scope);
        jdbc.sql("select c.uuid as customer_uuid, c.name as customer_name, t.vendor_name, t.subscription_reference,"
                        + " t.license_reference, t.classification, t.quantity, " + BUY + " as buy, " + SELL
                        + " as sell, " + BILLED
                        + " as billed, t.currency, iv.uuid as invoice_uuid, it.uuid as invoice_item_uuid" + MARGIN_FROM
                        + " left join invoice_items it on it.id = coalesce(t.invoice_item_id, t.compensation_item_id)"
                        + " left join invoices iv on iv.id = it.invoice_id" + filter.clause()
                        + " order by c.name, c.id, t.id")
                .params(filter.params())
                .withFetchSize(STREAMED_ROWS)
                .query(rs -> {
                    consumer.accept(MarginLine.read(rs));
                });
    }

    /** The sums of the lines {@link #forEachMarginLine} gives, per customer and currency. */
    List<MarginTotals> marginTotals(LineScope scope) {
        SqlFilter filter = marginLines(scope);
        return jdbc.sql("select c.uuid as customer_uuid, c.name as customer_name, t.currency, sum(" + BUY
                        + ") as buy, sum("
                        + SELL + ") as sell, sum(" + BILLED + ") as billed" + MARGIN_FROM + filter.clause()
                        + " group by c.uuid, c.name, t.currency")
                .params(filter.params())
                .query(MarginTotals::read)
                .list();
    }

    private static SqlFilter marginLines(LineScope scope) {
        return new SqlFilter()
                .eq("b.report_period", scope.period().toString())
                .where("t.billed_via <> 'consumption'")
                // a line that bills nothing of a license-month consumption tracking bills is in its record (D252)
                .where("not (t.billed_via = 'zero' and exists (select 1 from license_billing lb where"
                        + " lb.license_reference = t.license_reference and lb.period = b.report_period"
                        + " and lb.billed_by = 'consumption'))")
                .where("(not t.removed or t.invoiced + t.compensated <> 0)")
                .eq(
                        "m.settings_id",
                        scope.settings() == null ? null : scope.settings().id())
                .eq("c.uuid", scope.customerUuid());
    }

    /** Per sync, its lines still present. */
    Map<Long, Long> lineCounts(Collection<Long> syncIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (syncIds.isEmpty()) {
            return counts;
        }
        jdbc.sql(
                        "select billing_sync_id, count(*) from billing_sync_items where billing_sync_id = any(?) and not removed"
                                + " group by billing_sync_id")
                .param(syncIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** A page of one sync's lines, in Arrow's line order. */
    List<BillingSyncItem> pageOfSync(long syncId, PageRequest page) {
        return jdbc.sql(SELECT + " where t.billing_sync_id = ? order by t.arrow_line_reference, t.id offset ? limit ?")
                .params(syncId, page.offset(), page.size())
                .query(BillingSyncItemRepository::map)
                .list();
    }

    long countOfSync(long syncId) {
        return jdbc.sql("select count(*) from billing_sync_items where billing_sync_id = ?")
                .param(syncId)
                .query(Long.class)
                .single();
    }

    /**
     * The lines of a sync that this run added, changed or removed: a line it marked without an amount before was added
     * by it (the counts of {@link BillingRunRepository#finish} read the marks the same way).
     */
    List<BillingMonths.ChangedLine> changedIn(long syncId, long runId, int limit) {
        return jdbc.sql("""
                        select arrow_line_reference, description, removed, previous_price, current_price from billing_sync_items
                        where billing_sync_id = ? and changed_in_run = ? order by arrow_line_reference limit ?""")
                .params(syncId, runId, limit)
                .query((rs, row) -> new BillingMonths.ChangedLine(
                        rs.getString("arrow_line_reference"),
                        rs.getString("description"),
                        rs.getBoolean("removed")
                                ? BillingMonths.LineChange.REMOVED
                                : rs.getBigDecimal("previous_price") == null
                                        ? BillingMonths.LineChange.ADDED
                                        : BillingMonths.LineChange.CHANGED,
                        rs.getBigDecimal("previous_price"),
                        rs.getBigDecimal("current_price")))
                .list();
    }

    /** Inserts a page of items with COPY, added by run {@code runId}; returns their ids in order. */
    List<Long> insertAll(List<NewItem> items, long runId, Instant now) {
        return copy.insert(
                "billing_sync_items",
                "billing_sync_items_id_seq",
                NEW_COLUMNS,
                items,
                item -> newRow(item, runId, now));
    }

    private static Object[] newRow(NewItem item, long runId, Instant now) {
        return new Object[] {
            Uuids.timeOrdered(now),
            item.syncId(),
            item.lineReference(),
            item.invoiceItemId(),
            item.billedVia().value(),
            item.price(),
            item.price(),
            item.invoiced(),
            item.sell(),
            item.buy(),
            item.quantity(),
            item.currency(),
            item.vendorName(),
            item.subscriptionReference(),
            item.licenseReference(),
            item.classification(),
            item.description(),
            item.contentHash(),
            runId,
            now,
            now
        };
    }

    /**
     * Records what a re-sync (run {@code runId}) saw for existing lines: the latest amounts, what the line's invoice
     * item now bills, and the amount before this change.
     */
    void updateAll(List<ItemUpdate> updates, long runId, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update billing_sync_items i set previous_price = i.current_price, changed_in_run = ?, current_price = t.p, invoiced = t.inv,
                               invoice_item_id = t.ii, billed_via = t.via, sell = t.sl, buy = t.bu, quantity = t.q, removed = t.rm,
                               content_hash = t.h, modified = ?
                        from unnest(?::bigint[], ?::numeric[], ?::numeric[], ?::bigint[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                                    ?::boolean[], ?::uuid[]) as t(id, p, inv, ii, via, sl, bu, q, rm, h)
                        where i.id = t.id""")
                .params(
                        runId,
                        Timestamps.of(now),
                        column(updates, ItemUpdate::id, Long[]::new),
                        column(updates, ItemUpdate::price, BigDecimal[]::new),
                        column(updates, ItemUpdate::invoiced, BigDecimal[]::new),
                        column(updates, ItemUpdate::invoiceItemId, Long[]::new),
                        column(updates, update -> update.billedVia().value(), String[]::new),
                        column(updates, ItemUpdate::sell, BigDecimal[]::new),
                        column(updates, ItemUpdate::buy, BigDecimal[]::new),
                        column(updates, ItemUpdate::quantity, BigDecimal[]::new),
                        column(updates, ItemUpdate::removed, Boolean[]::new),
                        column(updates, ItemUpdate::contentHash, UUID[]::new))
                .update();
    }

    /**
     * Folds each month's item-count deltas into one row per vendor and classification (D143): a large run adds a few
     * thousand.
     */
    void foldMonthCounts() {
        DeltaCounts.fold(jdbc, "billing_month_item_counts", "report_period, vendor_name, classification", "items");
    }

    /**
     * How many lines of these syncs are present (not removed): their items as counted per sync (D65), less the removed
     * ones, through the index of those (D104). A sync's run tells from it whether Arrow dropped any line, so it must
     * never count fewer than there are: statement triggers keep the counts in the transaction that adds or deletes the
     * items, and an item never moves to another sync (a trigger refuses it).
     */
    long presentLineCount(Collection<Long> syncIds) {
        if (syncIds.isEmpty()) {
            return 0;
        }
        Long[] ids = syncIds.toArray(Long[]::new);
        return jdbc.sql("select (" + SYNC_COUNT + " where t.billing_sync_id = any (?))"
                        + " - (select count(*) from billing_sync_items where billing_sync_id = any (?) and removed)")
                .params(ids, ids)
                .query(Long.class)
                .single();
    }

    /**
     * The lines of these syncs a run did not see in Arrow's export (within the license, if given; removed lines too
     * when asked), read whole. In the caller's transaction, which {@link #lineIds} needs when called from here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<BillingSyncItem> unseen(
            Collection<Long> syncIds, String licenseReference, boolean includeRemoved, IdSet seen) {
        return byIds(lineIds(syncIds, licenseReference, includeRemoved).without(seen));
    }

    /**
     * The ids of the lines of these syncs (within the license, if given; removed lines too when asked), streamed into a
     * set: a month of a million lines would otherwise arrive as one result of a million rows on the heap. In the
     * caller's transaction (a sync's run), else in one of its own: PostgreSQL's driver fetches a result a chunk at a
     * time only with auto-commit off.
     */
    @Transactional(readOnly = true)
    IdSet lineIds(Collection<Long> syncIds, String licenseReference, boolean includeRemoved) {
        IdSet ids = new IdSet();
        if (syncIds.isEmpty()) {
            return ids;
        }
        return readingLineIds(syncIds, licenseReference, includeRemoved, "", statement -> {
            statement.withFetchSize(STREAMED_IDS).query(rs -> {
                ids.add(rs.getLong(1));
            });
            return ids;
        });
    }

    /** The plan of {@link #lineIds} as it ran, for the month's open lines (D84, D103). */
    @Transactional(readOnly = true)
    List<String> lineIdsPlan(Collection<Long> syncIds) {
        return readingLineIds(
                syncIds,
                null,
                false,
                EXPLAIN,
                statement -> statement.query(String.class).list());
    }

    /**
     * Runs the read of the lines' ids (after {@code prefix}) from the unique key of a sync's lines (D84), with
     * sequential scans off (D103): given the tens of thousands of syncs of a large month, the planner would read every
     * month's lines instead, five times the pages and the time.
     */
    private <T> T readingLineIds(
            Collection<Long> syncIds,
            String licenseReference,
            boolean includeRemoved,
            String prefix,
            Function<JdbcClient.StatementSpec, T> run) {
        SqlFilter filter = lineIdsFilter(syncIds, licenseReference, includeRemoved);
        return withoutSeqScans(
                () -> run.apply(jdbc.sql(prefix + LINE_IDS + filter.clause()).params(filter.params())));
    }

    /** The plan PostgreSQL ran for a statement, with the rows each step gave and no costs or timings. */
    private List<String> plan(String sql, List<?> params) {
        return jdbc.sql(EXPLAIN + sql).params(params).query(String.class).list();
    }

    private static SqlFilter lineIdsFilter(Collection<Long> syncIds, String licenseReference, boolean includeRemoved) {
        SqlFilter filter = new SqlFilter()
                .where("billing_sync_id = any(?)", (Object) syncIds.toArray(Long[]::new))
                .eq("license_reference", licenseReference);
        return includeRemoved ? filter : filter.where("not removed");
    }

    List<BillingSyncItem> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where t.id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(BillingSyncItemRepository::map)
                .list();
    }

    boolean anyIn(Collection<Long> syncIds) {
        return !syncIds.isEmpty()
                && jdbc.sql("select exists (select 1 from billing_sync_items where billing_sync_id = any(?))")
                        .param(syncIds.toArray(Long[]::new))
                        .query(Boolean.class)
                        .single();
    }

    /**
     * Per sync with lines, removed ones included: what its lines add up to, and which of them run {@code runId} added,
     * changed and removed (as it marked them); per vendor, the lines present and their Arrow amount. One pass over the
     * lines, grouped by sync and vendor.
     */
    LineSums totals(Collection<Long> syncIds, long runId) {
        Map<Long, Map<String, Totals>> bySyncAndCurrency = new HashMap<>();
        Map<String, BillingMonths.VendorAmount> byVendor = new TreeMap<>();
        if (syncIds.isEmpty()) {
            return new LineSums(Map.of(), List.of());
        }
        jdbc.sql(lineTotals(
                        "billing_sync_id, vendor_name",
                        "billing_sync_items where billing_sync_id = any(?)",
                        RUN_CHANGES))
                .params(runId, runId, runId, syncIds.toArray(Long[]::new))
                .query(rs -> {
                    Totals group = new Totals(
                            rs.getBigDecimal("buy"),
                            rs.getBigDecimal("sell"),
                            rs.getString("currency"),
                            new BillingSyncRepository.LineTotals(
                                    rs.getInt("lines"), rs.getBigDecimal("arrow_amount"), rs.getBigDecimal("billed")),
                            new LineChanges(rs.getInt("added"), rs.getInt("changed"), rs.getInt("removed")));
                    bySyncAndCurrency
                            .computeIfAbsent(rs.getLong("billing_sync_id"), id -> new TreeMap<>())
                            .merge(group.currency(), group, Totals::plus);
                    String vendor = rs.getString("vendor_name");
                    if (vendor != null && !vendor.isEmpty() && group.lines().lines() > 0) {
                        byVendor.merge(
                                vendor,
                                new BillingMonths.VendorAmount(
                                        vendor,
                                        group.lines().lines(),
                                        group.lines().arrowAmount()),
                                BillingMonths.VendorAmount::plus);
                    }
                });
        Map<Long, Totals> bySync = new HashMap<>();
        bySyncAndCurrency.forEach((sync, currencies) -> bySync.put(sync, Totals.ofSync(currencies.values())));
        return new LineSums(bySync, List.copyOf(byVendor.values()));
    }

    /** What one pass over the lines of some syncs found: per sync, and per vendor of the lines present. */
    record LineSums(Map<Long, Totals> bySync, List<BillingMonths.VendorAmount> byVendor) {}

    /**
     * What a sync's lines add up to, as one pass over them finds it: Arrow's buy and sell of the lines present, their
     * currency (null when none is present), what the month's pages show, and what the run changed of them.
     */
    record Totals(
            BigDecimal buy,
            BigDecimal sell,
            String currency,
            BillingSyncRepository.LineTotals lines,
            LineChanges changes) {

        /** A sync without any line. */
        static final Totals NO_LINES = new Totals(
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                new BillingSyncRepository.LineTotals(0, BigDecimal.ZERO, BigDecimal.ZERO),
                LineChanges.NONE);

        /** The sums of two sets of lines of one sync in one currency. */
        Totals plus(Totals other) {
            return new Totals(
                    buy.add(other.buy),
                    sell.add(other.sell),
                    currency,
                    new BillingSyncRepository.LineTotals(
                            lines.lines() + other.lines.lines(),
                            lines.arrowAmount().add(other.lines.arrowAmount()),
                            lines.billed().add(other.lines.billed())),
                    changes.plus(other.changes));
        }

        /**
         * A sync's totals from those of its lines in each currency, as {@link #syncTotals} sums them: the amounts of
         * the currency most of its lines present are in (of two as many, the least code), every line counted.
         */
        static Totals ofSync(Collection<Totals> byCurrency) {
            Totals chosen = byCurrency.stream()
                    .min(Comparator.comparing((Totals totals) -> -totals.lines().lines())
                            .thenComparing(Totals::currency))
                    .orElse(NO_LINES);
            int lines = byCurrency.stream()
                    .mapToInt(totals -> totals.lines().lines())
                    .sum();
            LineChanges changes = byCurrency.stream().map(Totals::changes).reduce(LineChanges.NONE, LineChanges::plus);
            return new Totals(
                    chosen.buy,
                    chosen.sell,
                    lines > 0 ? chosen.currency : null,
                    new BillingSyncRepository.LineTotals(lines, chosen.lines.arrowAmount(), chosen.lines.billed()),
                    changes);
        }
    }

    /** The lines of a sync a run added, changed and removed. */
    record LineChanges(int added, int changed, int removed) {

        static final LineChanges NONE = new LineChanges(0, 0, 0);

        LineChanges plus(LineChanges other) {
            return new LineChanges(added + other.added, changed + other.changed, removed + other.removed);
        }

        boolean any() {
            return added + changed + removed > 0;
        }
    }

    /**
     * Records Arrow's final amounts of the lines reconciliation compared, where they changed since the last sync. Like
     * every write that is not a sync's own, it forgets the line's content hash, so the next sync compares it in full.
     */
    void recordFinalAmounts(List<FinalAmounts> amounts, Instant now) {
        if (amounts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update billing_sync_items i set sell = t.sl, buy = t.bu, quantity = t.q, content_hash = null, modified = ?
                        from unnest(?::bigint[], ?::numeric[], ?::numeric[], ?::numeric[]) as t(id, sl, bu, q)
                        where i.id = t.id""")
                .params(
                        Timestamps.of(now),
                        column(amounts, FinalAmounts::id, Long[]::new),
                        column(amounts, FinalAmounts::sell, BigDecimal[]::new),
                        column(amounts, FinalAmounts::buy, BigDecimal[]::new),
                        column(amounts, FinalAmounts::quantity, BigDecimal[]::new))
                .update();
    }

    /**
     * Lines consumption tracking bills that Arrow no longer lists: removed, at no price, so that the month's priced
     * total leaves them out; their license-month's finalisation credits what they billed (D191). Returns the licenses
     * of those not removed before.
     */
    List<String> recordDropped(List<BillingSyncItem> dropped, Instant now) {
        if (dropped.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update billing_sync_items set removed = true, current_price = 0, content_hash = null, modified = ?
                        where id = any(?) and not removed returning license_reference""")
                .params(Timestamps.of(now), column(dropped, BillingSyncItem::id, Long[]::new))
                .query(String.class)
                .list();
    }

    /**
     * The rules' price of Arrow's latest amount, by item, for lines consumption tracking bills: no correction of the
     * billing sync's carries it there, and the month's priced total (its syncs' {@code arrow_amount}) is theirs. A line
     * Arrow lists again after it dropped it is present again.
     */
    void recordPrices(Map<Long, BigDecimal> prices, Instant now) {
        List<Map.Entry<Long, BigDecimal>> all = List.copyOf(prices.entrySet());
        for (int from = 0; from < all.size(); from += PRICES_WRITTEN_TOGETHER) {
            List<Map.Entry<Long, BigDecimal>> slice =
                    all.subList(from, Math.min(all.size(), from + PRICES_WRITTEN_TOGETHER));
            jdbc.sql("""
                            update billing_sync_items i set current_price = t.p, removed = false, modified = ?
                            from unnest(?::bigint[], ?::numeric[]) as t(id, p)
                            where i.id = t.id and (i.current_price <> t.p or i.removed)""")
                    .params(
                            Timestamps.of(now),
                            column(slice, Map.Entry::getKey, Long[]::new),
                            column(slice, Map.Entry::getValue, BigDecimal[]::new))
                    .update();
        }
    }

    /**
     * What groups of lines add up to, as their syncs keep it, by {@code groups} (columns of the lines) and currency:
     * one row per group and currency of its lines, as amounts in two currencies add up to nothing (D9, D300). Arrow's
     * buy and sell of the lines present, how many, Arrow's latest amount of them priced, and what they bill through
     * their own items and corrections, of the {@code lines} (the table and its condition). Amounts are summed as
     * invoices bill them (D196): a line billed on its own item rounded alone, the lines of a license-month consumption
     * tracking bills rounded together (its one item bills them), so the lines are summed per such unit first.
     */
    static String lineTotals(String groups, String lines) {
        return lineTotals(groups, lines, List.of());
    }

    /** {@link #lineTotals(String, String)}, counting besides each of {@code counts}. */
    static String lineTotals(String groups, String lines, List<Counted> counts) {
        String unitCounts = counts.stream()
                .map(count -> ", count(*) filter (where " + count.condition() + ") as " + count.name())
                .collect(Collectors.joining());
        String countSums = counts.stream()
                .map(count -> ", sum(" + count.name() + ")::int as " + count.name())
                .collect(Collectors.joining());
        String consumption = "billed_via = 'consumption'";
        return "select " + groups + ", currency, sum(buy) as buy, sum(sell) as sell, sum(lines)::int as lines,"
                + " sum(arrow_amount) as arrow_amount, sum(billed) as billed" + countSums
                + " from (select " + groups + ", currency,"
                + " coalesce(sum(buy) filter (where not removed), 0) as buy,"
                + " coalesce(sum(sell) filter (where not removed), 0) as sell,"
                + " count(*) filter (where not removed) as lines,"
                + " coalesce(case when " + consumption + " then "
                + Money.roundedInSql("sum(current_price) filter (where not removed)", "currency")
                + " else sum(" + Money.roundedInSql("current_price", "currency") + ") filter (where not removed) end,"
                + " 0) as arrow_amount,"
                + " coalesce(sum(" + Money.roundedInSql("invoiced", "currency") + " + compensated) filter (where not "
                + consumption + "), 0) as billed" + unitCounts
                + " from " + lines
                + " group by " + groups + ", currency, " + consumption + ", case when " + consumption
                + " then license_reference end) unit group by " + groups + ", currency";
    }

    /**
     * What each sync's lines add up to ({@link #lineTotals}) in the sync's currency, that of most of its lines present
     * (of two as many, the least code): a line in another currency is one its invoice refused (D9), and its amounts are
     * left out of the sync's, though it counts among its lines (D300). The currency is null when no line is present.
     */
    static String syncTotals(String lines) {
        return "select distinct on (billing_sync_id) billing_sync_id, buy, sell, arrow_amount, billed,"
                + " case when sum(lines) over sync > 0 then currency end as currency,"
                + " (sum(lines) over sync)::int as lines"
                + " from (" + lineTotals("billing_sync_id", lines) + ") c"
                + " window sync as (partition by billing_sync_id)"
                // the unit's columns, qualified: a bare name in ORDER BY would be the output's (the sync's count)
                + " order by c.billing_sync_id, c.lines desc, c.currency";
    }

    /** The lines a run ({@code ?}) added, changed and removed, as {@link #lineTotals} counts them. */
    private static final List<Counted> RUN_CHANGES = List.of(
            new Counted("added", "changed_in_run = ? and not removed and previous_price is null"),
            new Counted("changed", "changed_in_run = ? and not removed and previous_price is not null"),
            new Counted("removed", "changed_in_run = ? and removed"));

    /** Lines {@link #lineTotals} counts besides its sums: a column name and the lines' condition. */
    record Counted(String name, String condition) {}

    /** Prices {@link #recordPrices} writes a statement: a re-priced month of a million lines is not one statement. */
    private static final int PRICES_WRITTEN_TOGETHER = 5_000;

    /** D119: the items take the license and path their lines are billed under now (Arrow moved the lines). */
    void moveLicenses(List<BillingSyncItem> moved, Instant now) {
        if (moved.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update billing_sync_items i set license_reference = t.license, billed_via = t.via, content_hash = null,
                               modified = ?
                        from unnest(?::bigint[], ?::text[], ?::text[]) as t(id, license, via) where i.id = t.id""")
                .params(
                        Timestamps.of(now),
                        column(moved, BillingSyncItem::id, Long[]::new),
                        column(moved, BillingSyncItem::licenseReference, String[]::new),
                        column(moved, item -> item.billedVia().value(), String[]::new))
                .update();
    }

    /** Books a correction of a line; the line's content hash is forgotten, as {@link #recordFinalAmounts} says. */
    void recordCompensation(
            long itemId,
            BigDecimal amount,
            long compensationItemId,
            BigDecimal finalPrice,
            boolean removed,
            Instant now) {
        jdbc.sql("""
                        update billing_sync_items set compensated = compensated + ?, compensation_item_id = ?, current_price = ?, removed = ?,
                               content_hash = null, modified = ? where id = ?""")
                .params(amount, compensationItemId, finalPrice, removed, Timestamps.of(now), itemId)
                .update();
    }

    static BillingSyncItem map(ResultSet rs, int row) throws SQLException {
        Long invoiceItem = rs.getObject("invoice_item_id", Long.class);
        Long compensationItem = rs.getObject("compensation_item_id", Long.class);
        return new BillingSyncItem(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("billing_sync_id"),
                rs.getObject("sync_uuid", UUID.class),
                YearMonth.parse(rs.getString("report_period")),
                rs.getString("arrow_line_reference"),
                invoiceItem,
                rs.getObject("invoice_item_uuid", UUID.class),
                rs.getLong("invoice_id"),
                InvoiceState.isOpen(rs.getString("invoice_state")),
                BilledVia.of(rs.getString("billed_via")),
                rs.getBigDecimal("original_price"),
                rs.getBigDecimal("current_price"),
                rs.getBigDecimal("invoiced"),
                rs.getBigDecimal("compensated"),
                compensationItem,
                rs.getObject("compensation_item_uuid", UUID.class),
                rs.getBigDecimal("sell"),
                rs.getBigDecimal("buy"),
                rs.getBigDecimal("quantity"),
                rs.getString("currency"),
                rs.getString("vendor_name"),
                rs.getString("subscription_reference"),
                rs.getString("license_reference"),
                rs.getString("classification"),
                rs.getString("description"),
                rs.getBoolean("removed"),
                rs.getObject("content_hash", UUID.class),
                Timestamps.read(rs, "created"));
    }

    record NewItem(
            long syncId,
            String lineReference,
            Long invoiceItemId,
            BilledVia billedVia,
            BigDecimal price,
            BigDecimal invoiced,
            BigDecimal sell,
            BigDecimal buy,
            BigDecimal quantity,
            String currency,
            String vendorName,
            String subscriptionReference,
            String licenseReference,
            String classification,
            String description,
            UUID contentHash) {}

    /** A line's amounts as Arrow's final export gives them. */
    record FinalAmounts(long id, BigDecimal sell, BigDecimal buy, BigDecimal quantity) {

        static FinalAmounts of(BillingSyncItem item, BillingLine line) {
            return new FinalAmounts(item.id(), line.sellTotal(), line.buyTotal(), line.quantity());
        }

        boolean differ(BillingSyncItem item) {
            return sell.compareTo(item.sell()) != 0
                    || buy.compareTo(item.buy()) != 0
                    || quantity.compareTo(item.quantity()) != 0;
        }
    }

    record ItemUpdate(
            long id,
            BigDecimal price,
            BigDecimal invoiced,
            Long invoiceItemId,
            BilledVia billedVia,
            BigDecimal sell,
            BigDecimal buy,
            BigDecimal quantity,
            boolean removed,
            UUID contentHash) {}
}
