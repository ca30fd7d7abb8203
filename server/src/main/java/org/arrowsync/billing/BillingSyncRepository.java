package org.arrowsync.billing;

import static org.arrowsync.shared.SqlArrays.column;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.ledger.CanceledInvoices;
import org.arrowsync.shared.DeltaCounts;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.Uuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BillingSyncRepository {

    /**
     * A sync's invoice ({@code i}) and customer ({@code c}), after the sync ({@code b}) and its mapping ({@code m}):
     * the customer is the one whose invoice of the month the sync was made for, the mapping's customer then. A mapping
     * pointed at another customer since leaves the month's lines, and their corrections, with that one (D100; the
     * mapping's customer only when the invoice is gone).
     */
    static final String CUSTOMER_JOINS = " left join invoices i on i.id = b.invoice_id"
            + " left join customers c on c.id = coalesce(i.customer_id, m.customer_id)";

    /**
     * Every sync has its mapping, and every mapping its settings; the joins are outer only so that PostgreSQL leaves
     * out those a count or a page's choice of keys does not need (a filter on them makes them inner again), as the item
     * lists do (D56).
     */
    static final String FROM = " from billing_syncs b left join customer_mappings m on m.id = b.customer_mapping_id"
            + " left join arrow_settings s on s.id = m.settings_id" + CUSTOMER_JOINS;

    private static final String SELECT =
            "select b.id, b.uuid, b.customer_mapping_id, m.uuid as mapping_uuid, m.arrow_reference,"
                    + " c.id as customer_id, c.uuid as customer_uuid, c.name as customer_name, b.statement_reference, b.report_period, b.arrow_state, b.state,"
                    + " b.buy_total, b.sell_total, b.currency, i.uuid as invoice_uuid, b.error_message, b.line_errors, b.synced_at,"
                    + " b.validated_at, b.reconciled_at, b.lines_validated, b.created, b.modified" + FROM;

    /** What {@link RunSync} holds of a sync. */
    private static final String RUN_SELECT =
            "select b.id, b.uuid, b.customer_mapping_id, b.statement_reference, b.state,"
                    + " c.id as customer_id, c.uuid as customer_uuid, c.name as customer_name, b.buy_total, b.sell_total,"
                    + " b.currency, b.lines_validated" + FROM;

    /**
     * The syncs Arrow's word may still validate (D6): synced ones, and those a forced reconciliation closed before
     * Arrow said the month was final (D107), which a later reconciliation must then correct to Arrow's final amounts,
     * whether reconciled or validated again while a correction waits for an open invoice (D219, D236).
     */
    private static final String AWAITING_ARROW = "(b.state = 2 or (b.state in (3, 4) and b.validated_at is null))";

    /** A reconciled sync ({@code b}) validated again, any other left in its state (D237). */
    private static final String REOPENED = "case when b.state = 4 then 3 else b.state end";

    /** How many syncs a filter on settings record, month and states selects, as the counts keep it (D231). */
    private static final String KEPT_COUNT = "select coalesce(sum(k.syncs), 0) from billing_sync_counts k";

    private final JdbcClient jdbc;
    private final ListQuery<BillingSync> listing;

    BillingSyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(
                jdbc,
                SELECT,
                FROM,
                "b.report_period desc, b.created desc, b.id desc",
                BillingSyncRepository::map,
                "b.id");
    }

    /**
     * The month's syncs of these (mapping, statement) keys, the missing ones created pending: two statements for a
     * whole page.
     */
    List<RunSync> getOrCreateAll(List<SyncKey> keys, YearMonth period, Instant now) {
        Long[] mappings = column(keys, SyncKey::mappingId, Long[]::new);
        String[] statements = column(keys, SyncKey::statementReference, String[]::new);
        Long[] invoices = column(keys, SyncKey::invoiceId, Long[]::new);
        jdbc.sql("""
                        insert into billing_syncs (uuid, customer_mapping_id, statement_reference, report_period, invoice_id, created, modified)
                        select gen_random_uuid(), m, st, ?, inv, ?, ? from unnest(?::bigint[], ?::text[], ?::bigint[]) as t(m, st, inv)
                        on conflict (customer_mapping_id, statement_reference, report_period) do nothing""")
                .params(period.toString(), Timestamps.of(now), Timestamps.of(now), mappings, statements, invoices)
                .update();
        return jdbc.sql(RUN_SELECT
                        + " join unnest(?::bigint[], ?::text[]) as k(m, st) on k.m = b.customer_mapping_id"
                        + " and k.st = b.statement_reference where b.report_period = ?")
                .params(mappings, statements, period.toString())
                .query((rs, row) -> runSync(rs, period))
                .list();
    }

    /** A month's syncs of one settings record as a billing run holds them. */
    List<RunSync> ofRun(long settingsId, YearMonth period) {
        return jdbc.sql(RUN_SELECT + " where m.settings_id = ? and b.report_period = ?")
                .params(settingsId, period.toString())
                .query((rs, row) -> runSync(rs, period))
                .list();
    }

    Optional<BillingSync> find(UUID uuid) {
        return jdbc.sql(SELECT + " where b.uuid = ?")
                .param(uuid)
                .query(BillingSyncRepository::map)
                .optional();
    }

    /** The sync, when it is one of these settings' syncs of the month. */
    Optional<BillingSync> findOfMonth(long settingsId, YearMonth period, UUID uuid) {
        return jdbc.sql(SELECT + " where b.uuid = ? and m.settings_id = ? and b.report_period = ?")
                .params(uuid, settingsId, period.toString())
                .query(BillingSyncRepository::map)
                .optional();
    }

    /** A month's syncs of one settings record, by id. */
    List<BillingSync> ofPeriod(long settingsId, YearMonth period) {
        return byId(jdbc.sql(SELECT + " where m.settings_id = ? and b.report_period = ?")
                .params(settingsId, period.toString())
                .query(BillingSyncRepository::map)
                .list());
    }

    /** The month's syncs that Arrow's word may still validate ({@link #AWAITING_ARROW}). */
    List<BillingSync> awaitingArrow(long settingsId, YearMonth period) {
        return awaitingArrow(settingsId, period, "");
    }

    /** Those of {@link #awaitingArrow} whose lines all carried Arrow's Validation Date (D6). */
    List<BillingSync> awaitingArrowWithValidatedLines(long settingsId, YearMonth period) {
        return awaitingArrow(settingsId, period, " and b.lines_validated");
    }

    private List<BillingSync> awaitingArrow(long settingsId, YearMonth period, String andWhere) {
        return byId(jdbc.sql(SELECT + " where m.settings_id = ? and " + AWAITING_ARROW + " and b.report_period = ?"
                        + andWhere)
                .params(settingsId, period.toString())
                .query(BillingSyncRepository::map)
                .list());
    }

    /**
     * Orders a month's syncs by id here rather than in the query: tens of thousands of rows as wide as a sync's exceed
     * PostgreSQL's default {@code work_mem}, so its sort spilled to disk (about 10 MB, a third of the read's time at a
     * million lines), where the rows arrive nearly in id order anyway.
     */
    private static List<BillingSync> byId(List<BillingSync> syncs) {
        List<BillingSync> ordered = new ArrayList<>(syncs);
        ordered.sort(Comparator.comparingLong(BillingSync::id));
        return ordered;
    }

    /** The months of these settings with syncs that Arrow's word may still validate, oldest first. */
    SortedSet<YearMonth> periodsAwaitingArrow(long settingsId) {
        return periodsWhere(AWAITING_ARROW, settingsId);
    }

    /**
     * The months from {@code since} on with syncs that Arrow's word has validated since their last reconciliation, if
     * any: validated ones, and reconciled ones validated after it (D107), oldest first.
     */
    SortedSet<YearMonth> periodsToReconcile(long settingsId, YearMonth since) {
        return periodsWhere(
                "b.report_period >= ? and (b.state = 3 or (b.state = 4 and b.validated_at > b.reconciled_at))",
                settingsId,
                since.toString());
    }

    /** The months of these settings with syncs in any of these states, oldest first. */
    SortedSet<YearMonth> periodsIn(long settingsId, SyncState... states) {
        return periodsWhere(
                "b.state = any (?::int[])", settingsId, column(List.of(states), SyncState::code, Integer[]::new));
    }

    /** The months of the settings (the first parameter) with syncs that meet {@code condition}, oldest first. */
    private SortedSet<YearMonth> periodsWhere(String condition, Object... params) {
        return jdbc
                .sql("select distinct b.report_period from billing_syncs b"
                        + " join customer_mappings m on m.id = b.customer_mapping_id where m.settings_id = ? and "
                        + condition)
                .params(params)
                .query(String.class)
                .list()
                .stream()
                .map(YearMonth::parse)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether one month of these settings has a sync in this state: a look-up of that month's syncs alone. */
    boolean hasSyncs(long settingsId, YearMonth period, SyncState state) {
        return hasSyncsWhere("b.state = ?", settingsId, period.toString(), state.code());
    }

    /**
     * Whether one month of these settings has a sync Arrow may still validate: a look-up of that month's syncs alone.
     */
    boolean hasSyncsAwaitingArrow(long settingsId, YearMonth period) {
        return hasSyncsWhere(AWAITING_ARROW, settingsId, period.toString());
    }

    /** Whether the month (the second parameter) of the settings (the first) has a sync that meets {@code condition}. */
    private boolean hasSyncsWhere(String condition, Object... params) {
        return jdbc.sql(
                        "select exists (select 1 from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id"
                                + " where m.settings_id = ? and b.report_period = ? and " + condition + ")")
                .params(params)
                .query(Boolean.class)
                .single();
    }

    /** The Arrow references of the mappings, active or not, with a sync of the month that Arrow may still validate. */
    List<String> mappingReferencesAwaitingArrow(long settingsId, YearMonth period) {
        return jdbc.sql("""
                        select m.arrow_reference from customer_mappings m
                        where m.settings_id = ? and exists (select 1 from billing_syncs b
                                                            where b.customer_mapping_id = m.id and b.report_period = ? and\s""" + AWAITING_ARROW + ")")
                .params(settingsId, period.toString())
                .query(String.class)
                .list();
    }

    /** The lines billed through their own items (not those of license-months consumption tracking bills). */
    private static final String BILLED_BY_ITEMS = "t.billed_via <> 'consumption'";

    /**
     * Per month ({@code k}) of the syncs of one settings record ({@code ?}) in some periods ({@code ?}), what of what
     * its lines bill sits on canceled invoices, as the syncs' kept {@code billed} counts it (D196): each line's own
     * item rounded, and its corrections where its latest one went (D200). Read from the canceled invoices' items, so a
     * month of a million lines with none canceled costs nothing.
     */
    private static final String CANCELED_BY_PERIOD = "canceled_items as materialized (" + CanceledInvoices.ITEM_IDS
            + "), k as (select b.report_period, sum(x.amount) as canceled from ("
            + "select t.billing_sync_id, " + Money.roundedInSql("t.invoiced", "t.currency") + " as amount"
            + " from canceled_items c join billing_sync_items t on t.invoice_item_id = c.id where " + BILLED_BY_ITEMS
            + " union all select t.billing_sync_id, t.compensated"
            + " from canceled_items c join billing_sync_items t on t.compensation_item_id = c.id where "
            + BILLED_BY_ITEMS
            + ") x join billing_syncs b on b.id = x.billing_sync_id"
            + " join customer_mappings m on m.id = b.customer_mapping_id"
            + " where m.settings_id = ? and b.report_period = any(?) group by b.report_period)";

    /**
     * The month summaries of these periods that have anything: syncs, unmatched lines or a finished run. Read from the
     * syncs' own totals, so a month costs its syncs, not its lines.
     */
    List<MonthSummary> summaries(long settingsId, Collection<YearMonth> periods) {
        String[] months = periods.stream().map(YearMonth::toString).toArray(String[]::new);
        return jdbc.sql("""
                        with s as (
                            select b.report_period, count(*) filter (where b.state = 1) as pending,
                                   count(*) filter (where b.state = 2) as synced, count(*) filter (where b.state = 3) as validated,
                                   count(*) filter (where b.state = 4) as reconciled, max(nullif(b.error_message, '')) as error,
                                   count(*) filter (where b.error_message <> '') as syncs_with_errors,
                                   sum(b.lines) as lines, sum(b.arrow_amount) as arrow_total,
                                   sum(b.billed) as billed,
                                   string_agg(distinct b.currency, ', ' order by b.currency) filter (where b.lines > 0) as currencies
                            from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                            where m.settings_id = ? and b.report_period = any(?) group by b.report_period),
                        u as (
                            select report_period, count(distinct company_name) as customers, sum(lines) as lines, sum(amount) as amount
                            from billing_unmatched_lines where settings_id = ? and report_period = any(?) group by report_period),
                        r as (
                            select report_period, max(finished) as finished from billing_sync_runs
                            where settings_id = ? and report_period = any(?) group by report_period),
                        """ + CANCELED_BY_PERIOD + """
                        select p.period, coalesce(s.pending, 0) as pending, coalesce(s.synced, 0) as synced,
                               coalesce(s.validated, 0) as validated, coalesce(s.reconciled, 0) as reconciled, coalesce(s.error, '') as error,
                               coalesce(s.syncs_with_errors, 0) as syncs_with_errors,
                               coalesce(s.lines, 0) as lines, coalesce(s.arrow_total, 0) as arrow_total, coalesce(s.billed, 0) as billed,
                               coalesce(k.canceled, 0) as canceled,
                               coalesce(u.customers, 0) as unmatched_customers, coalesce(u.lines, 0) as unmatched_lines,
                               coalesce(u.amount, 0) as unmatched_amount, r.finished, coalesce(s.currencies, '') as currencies
                        from unnest(?::text[]) as p(period)
                        left join s on s.report_period = p.period left join u on u.report_period = p.period
                        left join r on r.report_period = p.period left join k on k.report_period = p.period
                        where s.report_period is not null or u.report_period is not null or r.report_period is not null""")
                .params(settingsId, months, settingsId, months, settingsId, months, settingsId, months, months)
                .query((rs, row) -> new MonthSummary(
                        YearMonth.parse(rs.getString("period")),
                        rs.getInt("pending"),
                        rs.getInt("synced"),
                        rs.getInt("validated"),
                        rs.getInt("reconciled"),
                        rs.getLong("lines"),
                        rs.getBigDecimal("arrow_total"),
                        rs.getBigDecimal("billed"),
                        rs.getBigDecimal("canceled"),
                        rs.getInt("unmatched_customers"),
                        rs.getLong("unmatched_lines"),
                        rs.getBigDecimal("unmatched_amount"),
                        Timestamps.read(rs, "finished"),
                        rs.getString("error"),
                        rs.getInt("syncs_with_errors"),
                        rs.getString("currencies")))
                .list();
    }

    /** A month's syncs of one settings record, by customer name. */
    List<BillingSync> pageOfMonth(long settingsId, YearMonth period, PageRequest page) {
        return jdbc.sql(SELECT
                        + " where m.settings_id = ? and b.report_period = ?"
                        + " order by c.name, b.statement_reference, b.id offset ? limit ?")
                .params(settingsId, period.toString(), page.offset(), page.size())
                .query(BillingSyncRepository::map)
                .list();
    }

    long countOfMonth(long settingsId, YearMonth period) {
        return jdbc.sql("select count(*)" + FROM + " where m.settings_id = ? and b.report_period = ?")
                .params(settingsId, period.toString())
                .query(Long.class)
                .single();
    }

    Listing<BillingSync> list(BillingSyncQueries.SyncFilter filter, PageRequest page) {
        return listing.list(where(filter), page, count(filter));
    }

    /** The plan of {@link #list}'s count as it ran. */
    List<String> countPlan(BillingSyncQueries.SyncFilter filter) {
        return listing.countPlan(count(filter));
    }

    /**
     * A filter on the syncs' settings record, month and states alone counts from the counts kept per settings record,
     * month and state (D231).
     */
    private ListQuery.Count count(BillingSyncQueries.SyncFilter filter) {
        if (!filter.countKept()) {
            return listing.countAll(where(filter));
        }
        SqlFilter kept = new SqlFilter();
        if (filter.settingsUuid() != null) {
            kept.where("k.settings_id = (select id from arrow_settings where uuid = ?)", filter.settingsUuid());
        }
        return new ListQuery.Count(KEPT_COUNT, monthAndState(kept, "k", filter));
    }

    private static SqlFilter where(BillingSyncQueries.SyncFilter filter) {
        return monthAndState(
                new SqlFilter()
                        .eq("m.uuid", filter.mappingUuid())
                        .eq("s.uuid", filter.settingsUuid())
                        .icontains("b.statement_reference", filter.statementReference()),
                "b",
                filter);
    }

    /** The filter's conditions on the month and states, on the columns of {@code table}: the syncs or their counts. */
    private static SqlFilter monthAndState(SqlFilter where, String table, BillingSyncQueries.SyncFilter filter) {
        String period = table + ".report_period";
        return where.eq(
                        period,
                        filter.reportPeriod() == null
                                ? null
                                : filter.reportPeriod().toString())
                .atLeast(period, filter.from() == null ? null : filter.from().toString())
                .atMost(period, filter.to() == null ? null : filter.to().toString())
                .eq(table + ".state", filter.state())
                .iexactOnLowerCase(table + ".arrow_state", filter.arrowState());
    }

    /**
     * Folds the syncs' count deltas into one row per settings record, month and state (D231): each statement that adds,
     * deletes or moves syncs adds a row for each it touched.
     */
    void foldCounts() {
        DeltaCounts.fold(jdbc, "billing_sync_counts", "report_period, settings_id, state, arrow_state", "syncs");
    }

    /**
     * A run's outcome for one sync: its state and totals after the run; {@code notes} is what it found wrong with some
     * lines, empty when nothing (D21, D29).
     */
    record Synced(
            long id,
            SyncState state,
            BigDecimal buyTotal,
            BigDecimal sellTotal,
            String currency,
            LineTotals lines,
            boolean linesValidated,
            Notes notes) {}

    /**
     * What the month's pages show of a sync without reading its lines: the lines present, Arrow's latest amount of
     * them, and what they bill through their own items and corrections. Null in {@link Synced} when the run changed no
     * line of the sync: the kept ones stand.
     */
    record LineTotals(int lines, BigDecimal arrowAmount, BigDecimal billed) {}

    /**
     * The mappings with syncs of the records {@code retired} (any of their mappings) and of the records {@code inUse}
     * (their deactivated mappings only): those whose syncs another record of the account may go on with (D123, D159).
     */
    Set<Long> mappingsWithSyncsLeft(List<Long> retired, List<Long> inUse) {
        return new HashSet<>(jdbc.sql("""
                        select distinct b.customer_mapping_id from billing_syncs b
                        join customer_mappings m on m.id = b.customer_mapping_id
                        where m.settings_id = any(?) or (m.settings_id = any(?) and not m.is_active)""")
                .params(retired.toArray(Long[]::new), inUse.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    /**
     * D123, D159: moves the syncs of mapping {@code from} (of a record no longer in use, or deactivated in a record in
     * use) to mapping {@code to}, every month, but for those whose key {@code to} has already (lines billed by both
     * before this decision stay as they are); returns the month of each sync moved.
     */
    List<YearMonth> adopt(long from, long to, Instant now) {
        return jdbc.sql("""
                        update billing_syncs b set customer_mapping_id = ?, modified = ? where b.customer_mapping_id = ?
                        and not exists (select 1 from billing_syncs o where o.customer_mapping_id = ?
                        and o.statement_reference = b.statement_reference and o.report_period = b.report_period)
                        returning b.report_period""")
                .params(to, Timestamps.of(now), from, to)
                .query((rs, row) -> YearMonth.parse(rs.getString(1)))
                .list();
    }

    /**
     * Saves what a run found for its syncs, in one statement however many (a large month has tens of thousands). A sync
     * the run found as it was is not written: its {@code modified} stays, as its lines' do (D55).
     */
    void saveSynced(List<Synced> synced, Instant now) {
        if (synced.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update billing_syncs b set state = t.st, buy_total = t.bu, sell_total = t.se, currency = t.cur, lines_validated = t.val,
                               error_message = t.msg, line_errors = t.errs, lines = coalesce(t.n, b.lines),
                               arrow_amount = coalesce(t.aa, b.arrow_amount), billed = coalesce(t.bi, b.billed),
                               synced_at = coalesce(b.synced_at, ?), modified = ?
                        from unnest(?::bigint[], ?::smallint[], ?::numeric[], ?::numeric[], ?::text[], ?::boolean[], ?::text[], ?::int[],
                                    ?::int[], ?::numeric[], ?::numeric[])
                             as t(id, st, bu, se, cur, val, msg, errs, n, aa, bi)
                        where b.id = t.id and b.state in (1, 2)
                          and (b.synced_at is null
                               or (b.state, b.buy_total, b.sell_total, b.currency, b.lines_validated, b.error_message, b.line_errors,
                                   b.lines, b.arrow_amount, b.billed)
                                  is distinct from (t.st, t.bu, t.se, t.cur, t.val, t.msg, t.errs, coalesce(t.n, b.lines),
                                                    coalesce(t.aa, b.arrow_amount), coalesce(t.bi, b.billed)))""")
                .params(
                        Timestamps.of(now),
                        Timestamps.of(now),
                        column(synced, Synced::id, Long[]::new),
                        states(synced, Synced::state),
                        column(synced, Synced::buyTotal, BigDecimal[]::new),
                        column(synced, Synced::sellTotal, BigDecimal[]::new),
                        column(synced, Synced::currency, String[]::new),
                        column(synced, Synced::linesValidated, Boolean[]::new),
                        column(synced, one -> one.notes().message(), String[]::new),
                        column(synced, one -> one.notes().lineErrors(), Integer[]::new),
                        column(
                                synced,
                                one -> one.lines() == null ? null : one.lines().lines(),
                                Integer[]::new),
                        column(
                                synced,
                                one -> one.lines() == null ? null : one.lines().arrowAmount(),
                                BigDecimal[]::new),
                        column(
                                synced,
                                one -> one.lines() == null ? null : one.lines().billed(),
                                BigDecimal[]::new))
                .update();
    }

    /** A failed run leaves its message on the period's syncs that are still open to change. */
    void recordError(long settingsId, YearMonth period, String message, Instant now) {
        jdbc.sql("""
                        update billing_syncs b set error_message = ?, modified = ?
                        from customer_mappings m where m.id = b.customer_mapping_id and m.settings_id = ? and b.report_period = ?
                        and b.state in (1, 2)""")
                .params(message, Timestamps.of(now), settingsId, period.toString())
                .update();
    }

    /**
     * Reconciled syncs that hold what their reconciliation has yet to bill (lines Arrow added since, D95) become
     * validated again, their {@code reconciled_at} kept, so that each periodic check reconciles their month until a run
     * bills it (D237); validated ones already are.
     */
    void reopenForReconciliation(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update billing_syncs b set state = " + REOPENED
                        + ", modified = ? where b.id = any(?) and b.state = 4")
                .params(Timestamps.of(now), ids.toArray(Long[]::new))
                .update();
    }

    /** A sync Arrow's word validates: its state once validated, and the word ({@code arrow_state}). */
    record Validated(long id, SyncState state, String arrowState) {}

    /**
     * Records Arrow's word on the syncs it could still validate ({@link #AWAITING_ARROW}) in one statement, and returns
     * how many it validated: a month of 40,000 syncs judged one statement a sync took minutes, each statement running
     * the counts' trigger (D231).
     */
    int saveValidated(List<Validated> validated, Instant now) {
        if (validated.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update billing_syncs b set state = t.st, arrow_state = t.word, validated_at = ?, modified = ?
                        from unnest(?::bigint[], ?::smallint[], ?::text[]) as t(id, st, word)
                        where b.id = t.id and """ + AWAITING_ARROW)
                .params(
                        Timestamps.of(now),
                        Timestamps.of(now),
                        column(validated, Validated::id, Long[]::new),
                        states(validated, Validated::state),
                        column(validated, Validated::arrowState, String[]::new))
                .update();
    }

    /**
     * A sync as a reconciliation leaves it: reconciled (its new state), or waiting ({@code state} null) while a
     * correction of its lines waits for an open invoice (D108), with its notes either way.
     */
    record Reconciled(long id, SyncState state, Notes notes) {

        boolean waits() {
            return state == null;
        }
    }

    /**
     * Records how a reconciliation leaves its syncs, in two statements whatever their number (one a sync took minutes
     * at 40,000 syncs, each running the counts' trigger, D231). A sync that waits keeps its notes and is validated
     * again if an earlier run had reconciled it, so that the next reconciliation (a periodic one too) books the
     * correction.
     */
    void saveReconciliation(List<Reconciled> reconciled, Instant now) {
        List<Reconciled> waiting = reconciled.stream().filter(Reconciled::waits).toList();
        List<Reconciled> done =
                reconciled.stream().filter(sync -> !sync.waits()).toList();
        if (!waiting.isEmpty()) {
            jdbc.sql("""
                            update billing_syncs b set state = %s, error_message = t.msg, line_errors = t.errs,
                                   modified = ?
                            from unnest(?::bigint[], ?::text[], ?::int[]) as t(id, msg, errs)
                            where b.id = t.id""".formatted(REOPENED))
                    .params(
                            Timestamps.of(now),
                            column(waiting, Reconciled::id, Long[]::new),
                            column(waiting, sync -> sync.notes().message(), String[]::new),
                            column(waiting, sync -> sync.notes().lineErrors(), Integer[]::new))
                    .update();
        }
        if (!done.isEmpty()) {
            jdbc.sql("""
                            update billing_syncs b set state = t.st, reconciled_at = ?, error_message = t.msg,
                                   line_errors = t.errs, modified = ?
                            from unnest(?::bigint[], ?::smallint[], ?::text[], ?::int[]) as t(id, st, msg, errs)
                            where b.id = t.id and b.state in (2, 3, 4)""")
                    .params(
                            Timestamps.of(now),
                            Timestamps.of(now),
                            column(done, Reconciled::id, Long[]::new),
                            states(done, Reconciled::state),
                            column(done, sync -> sync.notes().message(), String[]::new),
                            column(done, sync -> sync.notes().lineErrors(), Integer[]::new))
                    .update();
        }
    }

    /** The rows' states as a {@code smallint[]} parameter, the column's type. */
    private static <T> Short[] states(List<T> rows, Function<T, SyncState> state) {
        return column(rows, row -> (short) state.apply(row).code(), Short[]::new);
    }

    boolean existForSettings(long settingsId) {
        return jdbc.sql("""
                        select exists (select 1 from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                                       where m.settings_id = ?)""").param(settingsId).query(Boolean.class).single();
    }

    boolean existForMapping(long mappingId) {
        return jdbc.sql("select exists (select 1 from billing_syncs where customer_mapping_id = ?)")
                .param(mappingId)
                .query(Boolean.class)
                .single();
    }

    /** How many syncs a mapping has and their sell total (null while none has one). */
    MappingTotals totalsOf(long mappingId) {
        return jdbc.sql(
                        "select count(*) as syncs, sum(sell_total) as sell from billing_syncs where customer_mapping_id = ?")
                .param(mappingId)
                .query((rs, row) -> new MappingTotals(rs.getInt("syncs"), rs.getBigDecimal("sell")))
                .single();
    }

    /** A mapping's newest syncs, with the count of their items, as the billing summary lists them. */
    List<MappingBillingSummaries.RecentSync> recentOf(long mappingId, int limit) {
        return jdbc.sql("""
                        select b.uuid, b.report_period, b.state, b.sell_total, b.created,
                               (select count(*) from billing_sync_items t where t.billing_sync_id = b.id) as items
                        from billing_syncs b where b.customer_mapping_id = ? order by b.report_period desc, b.created desc limit ?""")
                .params(mappingId, limit)
                .query((rs, row) -> new MappingBillingSummaries.RecentSync(
                        Uuids.hex(rs.getObject("uuid", UUID.class)),
                        rs.getString("report_period"),
                        Integer.toString(rs.getInt("state")),
                        Money.summary(rs.getBigDecimal("sell_total")),
                        rs.getInt("items"),
                        Timestamps.read(rs, "created")))
                .list();
    }

    record MappingTotals(int syncs, BigDecimal sell) {}

    record SyncKey(long mappingId, String statementReference, long invoiceId) {}

    /** What a run found wrong with some of a sync's lines: the message and the count of lines it could not use. */
    record Notes(String message, int lineErrors) {}

    private static RunSync runSync(ResultSet rs, YearMonth period) throws SQLException {
        return new RunSync(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                period,
                rs.getLong("customer_mapping_id"),
                rs.getString("statement_reference"),
                SyncState.of(rs.getInt("state")),
                rs.getLong("customer_id"),
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                rs.getBigDecimal("buy_total"),
                rs.getBigDecimal("sell_total"),
                rs.getString("currency"),
                rs.getBoolean("lines_validated"));
    }

    static BillingSync map(ResultSet rs, int row) throws SQLException {
        return new BillingSync(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("customer_mapping_id"),
                rs.getObject("mapping_uuid", UUID.class),
                rs.getString("arrow_reference"),
                rs.getLong("customer_id"),
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                rs.getString("statement_reference"),
                YearMonth.parse(rs.getString("report_period")),
                rs.getString("arrow_state"),
                SyncState.of(rs.getInt("state")),
                rs.getBigDecimal("buy_total"),
                rs.getBigDecimal("sell_total"),
                rs.getString("currency"),
                rs.getObject("invoice_uuid", UUID.class),
                rs.getString("error_message"),
                rs.getInt("line_errors"),
                Timestamps.read(rs, "synced_at"),
                Timestamps.read(rs, "validated_at"),
                Timestamps.read(rs, "reconciled_at"),
                rs.getBoolean("lines_validated"),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }
}
