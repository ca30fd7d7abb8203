package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.arrowsync.ledger.CanceledInvoices;
import org.arrowsync.ledger.InvoiceState;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.pricing.MarginLine;
import org.arrowsync.pricing.MarginTotals;
import org.arrowsync.shared.DeltaCounts;
import org.arrowsync.shared.ListQuery;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumption records with what list views show of their resource, project, customer and invoice items, in one query.
 */
@Repository
class ConsumptionRecordRepository {

    /**
     * Every record has its resource, project and customer; the joins are outer only so that PostgreSQL leaves them out
     * of a count or a page's choice of keys that does not filter on them (D56).
     */
    static final String FROM = " " + """
             from consumption_records cr
             left join resources r on r.id = cr.resource_id
             left join projects p on p.id = r.project_id
             left join customers c on c.id = p.customer_id
             left join invoice_items ii on ii.id = cr.invoice_item_id
             left join invoices iv on iv.id = ii.invoice_id
             left join invoice_items ci on ci.id = cr.compensation_item_id
             left join invoices civ on civ.id = ci.invoice_id
             left join customers bc on bc.id = coalesce(iv.customer_id, civ.customer_id)
             left join arrow_settings rs on rs.id = cr.settings_id""";

    /**
     * The currency a license-month bills in: its items' (SQL naming them, first the provisional one), else its settings
     * record's (D261), else the default.
     */
    private static String currencyOf(String items) {
        return "coalesce(" + items + ", rs.currency, '" + Money.DEFAULT_CURRENCY + "')";
    }

    /**
     * A record's customer is the one its items bill ({@code bc}: its provisional item's invoice's, else its
     * correction's), else its resource's (D161): a resource moves once its months are finalised (D117), and a month
     * Arrow changes after is still its first customer's.
     */
    private static final String SELECT = """
            select cr.*, r.uuid as resource_uuid, r.name as resource_name, p.id as project_id, p.uuid as project_uuid, p.name as project_name,
                   coalesce(bc.id, c.id) as customer_id, coalesce(bc.uuid, c.uuid) as customer_uuid,
                   coalesce(bc.name, c.name) as customer_name, ii.uuid as invoice_item_uuid,
                   ii.unit_price * ii.quantity as item_amount, iv.state as item_invoice_state,
                   ci.uuid as compensation_item_uuid, cr.raw_data::text as raw_json, """ + currencyOf("ii.currency, ci.currency") + " as item_currency" + FROM;

    private static final String ORDER = "cr.billing_period desc, cr.created desc, cr.id desc";
    /** {@link #count}: the records of a filter on their own columns. */
    private static final String COUNT_RECORDS = "select count(*) from consumption_records cr";
    /** {@link #count}: the records of a filter on their month and state, from the counts kept of them (D145). */
    private static final String KEPT_COUNT = "select coalesce(sum(cr.records), 0) from consumption_record_counts cr";
    /**
     * The record is a settings record's ({@code ?}, its id): its consumption run wrote it (D114), whatever became of
     * its customer's mapping since.
     */
    static final String RECORDED_BY_SETTINGS = "cr.settings_id = ?";
    /** Rows a streamed query fetches at a time. */
    private static final int STREAMED_ROWS = 1000;
    /**
     * A month's license-months with their customer, the provisional item ({@code ii}) and the item that shows where
     * they are billed ({@code it}: the provisional one, else the correction), for margin reports.
     */
    private static final String MARGIN_FROM = " from consumption_records cr join resources r on r.id = cr.resource_id"
            + " join projects p on p.id = r.project_id"
            + " left join invoice_items ii on ii.id = cr.invoice_item_id"
            + " left join invoice_items it on it.id = coalesce(cr.invoice_item_id, cr.compensation_item_id)"
            // the customer billed for the month, else the resource's (D161)
            + " left join invoices bi on bi.id = it.invoice_id"
            + " join customers c on c.id = coalesce(bi.customer_id, p.customer_id)"
            + " left join arrow_settings rs on rs.id = cr.settings_id";
    /** {@link #currencyOf} a license-month's items in {@link #MARGIN_FROM}. */
    private static final String MARGIN_CURRENCY = currencyOf("it.currency");
    /** What a license-month costs and lists at (final once finalised) and what its items and corrections bill. */
    private static final String BUY = "coalesce(cr.final_buy, cr.consumed_buy)";

    private static final String SELL = "coalesce(cr.final_sell, cr.consumed_sell)";
    /** A license-month's provisional item ({@code ii}) as its invoice bills it, rounded (D169, D173). */
    private static final String ROUNDED_ITEM = Money.roundedInSql("ii.unit_price * ii.quantity", "ii.currency");
    /** What a license-month's provisional item and corrections bill, priced as they were written. */
    static final String BILLED = "coalesce(" + ROUNDED_ITEM + ", 0) + cr.compensated";
    /** The part of {@link #BILLED} on canceled invoices, which charges nobody (D200). */
    static final String CANCELED = CanceledInvoices.amountOn("cr.invoice_item_id", ROUNDED_ITEM) + " + "
            + CanceledInvoices.amountOn("cr.compensation_item_id", "cr.compensated");
    /** What of {@link #BILLED} charges the customer: the margins' billed. */
    private static final String CHARGED = "(" + BILLED + ") - (" + CANCELED + ")";

    private final JdbcClient jdbc;
    private final ListQuery<ConsumptionRecord> listing;
    private final JsonMapper json;

    ConsumptionRecordRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.listing = new ListQuery<>(jdbc, SELECT, FROM, ORDER, this::map, "cr.id");
        this.json = json;
    }

    Optional<ConsumptionRecord> find(UUID uuid) {
        return jdbc.sql(SELECT + " where cr.uuid = ?")
                .param(uuid)
                .query(this::map)
                .optional();
    }

    Optional<ConsumptionRecord> find(long resourceId, LocalDate period, String licenseReference) {
        return jdbc.sql(SELECT + " where cr.resource_id = ? and cr.billing_period = ? and cr.license_reference = ?")
                .params(resourceId, Date.valueOf(period), licenseReference)
                .query(this::map)
                .optional();
    }

    /** The record, its row locked for the rest of the transaction. */
    Optional<ConsumptionRecord> lock(long id) {
        jdbc.sql("select id from consumption_records where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional();
        return jdbc.sql(SELECT + " where cr.id = ?").param(id).query(this::map).optional();
    }

    Listing<ConsumptionRecord> list(ConsumptionRecordService.RecordFilter filter, PageRequest page) {
        return listing.list(where(filter), page, count(filter));
    }

    /** The plan of a page of {@link #list} as it ran. */
    List<String> pagePlan(ConsumptionRecordService.RecordFilter filter, PageRequest page) {
        return listing.plan(where(filter), page);
    }

    /** The plan of {@link #list}'s count as it ran. */
    List<String> countPlan(ConsumptionRecordService.RecordFilter filter) {
        return listing.countPlan(count(filter));
    }

    /**
     * A filter on the records' month and state alone counts from the counts kept per month, finalised and reconciled
     * (D145). Another that names no resource, project or customer counts the records alone (D135): PostgreSQL drops the
     * outer joins of {@link #FROM} from such a count, yet still reads every record's row for the columns they joined
     * on, where the records alone are counted from an index.
     */
    private ListQuery.Count count(ConsumptionRecordService.RecordFilter filter) {
        if (filter.countKept()) {
            return new ListQuery.Count(
                    KEPT_COUNT,
                    months(filter).eq("cr.finalized", filter.isFinalized()).eq("cr.reconciled", filter.isReconciled()));
        }
        return filter.namesOwner()
                ? listing.countAll(where(filter))
                : new ListQuery.Count(COUNT_RECORDS, where(filter));
    }

    /**
     * Folds the counts' deltas into one row per month and state (D145): each statement adding or deleting records adds
     * a row for each month and state, each record changing state two.
     */
    void foldCounts() {
        DeltaCounts.fold(jdbc, "consumption_record_counts", "billing_period, finalized, reconciled", "records");
    }

    List<ConsumptionRecord> all(ConsumptionRecordService.RecordFilter filter) {
        return all(where(filter));
    }

    /** The records of a month these settings recorded (D114), finalised or not. */
    List<ConsumptionRecord> ofSettingsMonth(long settingsId, LocalDate period) {
        return all(
                new SqlFilter().eq("cr.billing_period", Date.valueOf(period)).where(RECORDED_BY_SETTINGS, settingsId));
    }

    /**
     * The license-months of a month that consumption tracking bills (it claimed them, D2), each with its customer, its
     * amounts (final once finalised), what its items bill and where, streamed a thousand rows at a time: call inside a
     * transaction.
     */
    void forEachMarginLine(LineScope scope, Consumer<MarginLine> consumer) {
        SqlFilter filter = marginLines(scope);
        jdbc.sql("select c.uuid as customer_uuid, c.name as customer_name, cr.vendor_name,"
                        + " nullif(r.attributes ->> 'arrow_subscription_id', '') as subscription_reference, cr.license_reference,"
                        + " cr.classification, null::numeric as quantity, " + BUY + " as buy, " + SELL + " as sell, "
                        + CHARGED + " as billed, " + MARGIN_CURRENCY + " as currency,"
                        + " iv.uuid as invoice_uuid, it.uuid as invoice_item_uuid" + MARGIN_FROM
                        + " left join invoices iv on iv.id = it.invoice_id" + filter.clause()
                        + " order by c.name, c.id, cr.id")
                .params(filter.params())
                .withFetchSize(STREAMED_ROWS)
                .query(rs -> {
                    consumer.accept(MarginLine.read(rs));
                });
    }

    /** The sums of the license-months {@link #forEachMarginLine} gives, per customer and currency. */
    List<MarginTotals> marginTotals(LineScope scope) {
        SqlFilter filter = marginLines(scope);
        return jdbc.sql("select c.uuid as customer_uuid, c.name as customer_name, " + MARGIN_CURRENCY
                        + " as currency, sum(" + BUY + ") as buy,"
                        + " sum(" + SELL + ") as sell, sum(" + CHARGED + ") as billed" + MARGIN_FROM + filter.clause()
                        + " group by c.uuid, c.name, " + MARGIN_CURRENCY)
                .params(filter.params())
                .query(MarginTotals::read)
                .list();
    }

    private static SqlFilter marginLines(LineScope scope) {
        SqlFilter filter = new SqlFilter()
                .eq("cr.billing_period", Date.valueOf(scope.period().atDay(1)))
                .where(
                        "exists (select 1 from license_billing lb where lb.license_reference = cr.license_reference and lb.period = ?"
                                + " and lb.billed_by = 'consumption')",
                        scope.period().toString())
                .eq("c.uuid", scope.customerUuid());
        if (scope.settings() != null) {
            filter.where(RECORDED_BY_SETTINGS, scope.settings().id());
        }
        return filter;
    }

    private static SqlFilter where(ConsumptionRecordService.RecordFilter filter) {
        SqlFilter sql = months(filter)
                .eq("r.uuid", filter.resourceUuid())
                .eq("p.uuid", filter.projectUuid())
                .eq("c.uuid", filter.customerUuid())
                .icontains("cr.license_reference", filter.licenseReference());
        if (filter.isFinalized() != null) {
            sql.where(filter.isFinalized() ? "cr.finalized_at is not null" : "cr.finalized_at is null");
        }
        if (filter.isReconciled() != null) {
            sql.where(filter.isReconciled() ? "cr.reconciled_at is not null" : "cr.reconciled_at is null");
        }
        return sql;
    }

    /** The filter's months, on {@code cr.billing_period}: a column of the records and of their kept counts alike. */
    private static SqlFilter months(ConsumptionRecordService.RecordFilter filter) {
        return new SqlFilter()
                .eq("cr.billing_period", filter.billingPeriod())
                .atLeast("cr.billing_period", filter.billingPeriodFrom())
                .atMost("cr.billing_period", filter.billingPeriodTo());
    }

    /** As {@link #all(ConsumptionRecordService.RecordFilter)}, their rows locked for the rest of the transaction. */
    List<ConsumptionRecord> allLocked(ConsumptionRecordService.RecordFilter filter) {
        return all(where(filter), " for update of cr");
    }

    private List<ConsumptionRecord> all(SqlFilter filter) {
        return all(filter, "");
    }

    private List<ConsumptionRecord> all(SqlFilter filter, String locking) {
        return jdbc.sql(SELECT + filter.clause() + " order by " + ORDER + locking)
                .params(filter.params())
                .query(this::map)
                .list();
    }

    /**
     * The months not finalised yet of the records whose resource's {@code column} ({@code r.id}, {@code r.project_id})
     * is {@code id}, oldest first.
     */
    List<YearMonth> unfinalisedMonths(String column, long id) {
        return jdbc.sql(
                        "select distinct cr.billing_period from consumption_records cr join resources r on r.id = cr.resource_id"
                                + " where " + column + " = ? and cr.finalized_at is null order by cr.billing_period")
                .param(id)
                .query((rs, row) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
                .list();
    }

    boolean existForResource(long resourceId) {
        return jdbc.sql("select exists (select 1 from consumption_records where resource_id = ?)")
                .param(resourceId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The month's records, each by its resource and license (D92: the resource that recorded a license-month bills it),
     * and which of them are finalised (the hourly sync skips them).
     */
    MonthRecords ofMonth(LocalDate period) {
        Set<ResourceLicense> recorded = new HashSet<>();
        Set<ResourceLicense> finalized = new HashSet<>();
        jdbc.sql(
                        "select resource_id, license_reference, finalized_at is not null as finalized from consumption_records where billing_period = ?")
                .param(Date.valueOf(period))
                .query(rs -> {
                    ResourceLicense key =
                            new ResourceLicense(rs.getLong("resource_id"), rs.getString("license_reference"));
                    recorded.add(key);
                    if (rs.getBoolean("finalized")) {
                        finalized.add(key);
                    }
                });
        return new MonthRecords(recorded, finalized);
    }

    record MonthRecords(Set<ResourceLicense> recorded, Set<ResourceLicense> finalized) {}

    /**
     * The month's record of the license on another resource than this one that these settings recorded, if there is one
     * (D92): whatever became of that resource's customer mapping since (D114).
     */
    Optional<ConsumptionRecord> onAnotherResource(
            long settingsId, long resourceId, LocalDate period, String licenseReference) {
        return jdbc.sql(SELECT
                        + " where cr.billing_period = ? and cr.license_reference = ? and cr.resource_id <> ? and "
                        + RECORDED_BY_SETTINGS + " order by cr.id limit 1")
                .params(Date.valueOf(period), licenseReference, resourceId, settingsId)
                .query(this::map)
                .optional();
    }

    /**
     * The month's records these settings wrote and have not finalised, other than those of {@code tracked}: the ones
     * their consumption run no longer covers (the customer's mapping deactivated or pointed at another customer, the
     * resource no longer OK or carrying another license), oldest first.
     */
    List<ConsumptionRecord> untracked(long settingsId, LocalDate period, Collection<ResourceLicense> tracked) {
        return jdbc.sql(SELECT + " where cr.billing_period = ? and " + RECORDED_BY_SETTINGS
                        + " and cr.finalized_at is null and not exists (select 1 from unnest(?::bigint[], ?::text[])"
                        + " as t(resource_id, license) where t.resource_id = cr.resource_id"
                        + " and t.license = cr.license_reference) order by cr.id")
                .params(
                        Date.valueOf(period),
                        settingsId,
                        tracked.stream().map(ResourceLicense::resourceId).toArray(Long[]::new),
                        tracked.stream().map(ResourceLicense::licenseReference).toArray(String[]::new))
                .query(this::map)
                .list();
    }

    /** A resource as billed under one license: the key of a month's record with the month. */
    record ResourceLicense(long resourceId, String licenseReference) {

        static ResourceLicense of(Resource resource) {
            return new ResourceLicense(resource.id(), resource.licenseReference());
        }
    }

    /** The settings' months from {@code from} to before {@code before} with records not finalised, oldest first. */
    List<YearMonth> monthsUnfinalised(long settingsId, YearMonth from, YearMonth before) {
        return jdbc.sql("""
                        select distinct billing_period from consumption_records
                        where settings_id = ? and billing_period >= ? and billing_period < ? and finalized_at is null
                        order by 1""")
                .params(settingsId, Date.valueOf(from.atDay(1)), Date.valueOf(before.atDay(1)))
                .query((rs, row) -> YearMonth.from(rs.getDate(1).toLocalDate()))
                .list();
    }

    /**
     * D123: the records of the settings {@code from} whose resources belong to these operator customers name the
     * settings {@code to} from now on; returns how many.
     */
    int adopt(long to, List<Long> from, List<Long> customerIds, Instant now) {
        if (from.isEmpty() || customerIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update consumption_records cr set settings_id = ?, modified = ?
                        from resources r join projects p on p.id = r.project_id
                        where r.id = cr.resource_id and cr.settings_id = any(?) and p.customer_id = any(?)""")
                .params(to, Timestamps.of(now), from.toArray(Long[]::new), customerIds.toArray(Long[]::new))
                .update();
    }

    /**
     * D123 as a record takes over another: the records of {@code from} whose resources belong to the customers that
     * {@code to} maps (active mappings, created in the same transaction) name {@code to} from now on; returns how many.
     */
    int adoptForMapped(long to, long from, Instant now) {
        return jdbc.sql("""
                        update consumption_records cr set settings_id = ?, modified = ?
                        from resources r join projects p on p.id = r.project_id
                        where r.id = cr.resource_id and cr.settings_id = ?
                          and p.customer_id in (select m.customer_id from customer_mappings m where m.settings_id = ? and m.is_active)""").params(to, Timestamps.of(now), from, to).update();
    }

    /**
     * Writes the consumed amounts on the (resource, month, license) key and returns the record's id; a finalised record
     * is left alone (empty) unless {@code reopen}, which also makes it pending again so finalisation corrects the new
     * difference. A blank vendor or classification keeps the one the record knows.
     */
    Optional<Long> upsertConsumed(
            long settingsId,
            long resourceId,
            LocalDate period,
            String licenseReference,
            LicenseKind license,
            BigDecimal sell,
            BigDecimal buy,
            int lines,
            boolean reopen,
            Instant now) {
        String guard = reopen ? "" : " where consumption_records.finalized_at is null";
        String reopened = reopen ? ", finalized_at = null, reconciled_at = null" : "";
        return jdbc.sql("""
                        insert into consumption_records (uuid, settings_id, resource_id, license_reference, billing_period, vendor_name,
                                                         classification, consumed_sell, consumed_buy, last_sync_at, raw_data, created, modified)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, jsonb_build_object('consumption_lines_count', ?::int), ?, ?)
                        on conflict (resource_id, billing_period, license_reference) do update
                        set settings_id = coalesce(consumption_records.settings_id, excluded.settings_id),
                            consumed_sell = excluded.consumed_sell, consumed_buy = excluded.consumed_buy, last_sync_at = excluded.last_sync_at,
                            vendor_name = coalesce(nullif(excluded.vendor_name, ''), consumption_records.vendor_name),
                            classification = coalesce(nullif(excluded.classification, ''), consumption_records.classification),
                            raw_data = excluded.raw_data, modified = excluded.modified""" + reopened + guard + " returning id")
                .params(
                        UUID.randomUUID(),
                        settingsId,
                        resourceId,
                        licenseReference,
                        Date.valueOf(period),
                        license.vendorName(),
                        license.classification(),
                        sell,
                        buy,
                        Timestamps.of(now),
                        lines,
                        Timestamps.of(now),
                        Timestamps.of(now))
                .query(Long.class)
                .optional();
    }

    void linkInvoiceItem(long id, long itemId) {
        jdbc.sql("update consumption_records set invoice_item_id = ? where id = ?")
                .params(itemId, id)
                .update();
    }

    /** Stores the export's final amounts, and the vendor and classification its lines name where they name them. */
    void finalise(long id, LicenseMonthBilling.Totals totals, Instant now) {
        jdbc.sql("""
                        update consumption_records set final_sell = ?, final_buy = ?, vendor_name = coalesce(nullif(?, ''), vendor_name),
                               classification = coalesce(nullif(?, ''), classification), finalized_at = ?, modified = ?
                        where id = ?""")
                .params(
                        totals.sell(),
                        totals.buy(),
                        totals.license().vendorName(),
                        totals.license().classification(),
                        Timestamps.of(now),
                        Timestamps.of(now),
                        id)
                .update();
    }

    void addCompensation(long id, long itemId, BigDecimal amount) {
        jdbc.sql("update consumption_records set compensation_item_id = ?, compensated = compensated + ? where id = ?")
                .params(itemId, amount, id)
                .update();
    }

    void markReconciled(long id, Instant now) {
        jdbc.sql("update consumption_records set reconciled_at = ?, modified = ? where id = ?")
                .params(Timestamps.of(now), Timestamps.of(now), id)
                .update();
    }

    /**
     * The records among these whose resource a consumption run covers now: the resource is OK, still carries the
     * record's license, and its customer is mapped actively by the settings that recorded it (D114). A run of their
     * month records them again once deleted; no run records the others (D116).
     */
    Set<Long> coveredByARun(List<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select cr.id from consumption_records cr
                        join resources r on r.id = cr.resource_id
                        join projects p on p.id = r.project_id
                        where cr.id = any(?) and r.state = ? and r.attributes ->> 'arrow_license_reference' = cr.license_reference
                          and exists (select 1 from customer_mappings cm where cm.customer_id = p.customer_id and cm.is_active
                                      and cm.settings_id = cr.settings_id)""")
                .params(ids.toArray(Long[]::new), ResourceService.OK)
                .query(Long.class)
                .list());
    }

    /** Of these licenses, those without a record of the month left, in any settings record. */
    List<String> unrecorded(Collection<String> licenseReferences, YearMonth period) {
        return jdbc.sql("""
                        select l.license from unnest(?::text[]) as l(license)
                        where not exists (select 1 from consumption_records cr
                                          where cr.license_reference = l.license and cr.billing_period = ?)""")
                .params(licenseReferences.toArray(String[]::new), Date.valueOf(period.atDay(1)))
                .query(String.class)
                .list();
    }

    int delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from consumption_records where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .update();
    }

    private ConsumptionRecord map(ResultSet rs, int row) throws SQLException {
        Long invoiceItemId = rs.getObject("invoice_item_id", Long.class);
        Long compensationItemId = rs.getObject("compensation_item_id", Long.class);
        return new ConsumptionRecord(
                rs.getLong("id"),
                rs.getObject("uuid", UUID.class),
                rs.getLong("resource_id"),
                rs.getObject("resource_uuid", UUID.class),
                rs.getString("resource_name"),
                rs.getLong("project_id"),
                rs.getObject("project_uuid", UUID.class),
                rs.getString("project_name"),
                rs.getLong("customer_id"),
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                rs.getString("license_reference"),
                rs.getString("vendor_name"),
                rs.getString("classification"),
                rs.getObject("billing_period", LocalDate.class),
                rs.getBigDecimal("consumed_sell"),
                rs.getBigDecimal("consumed_buy"),
                rs.getBigDecimal("final_sell"),
                rs.getBigDecimal("final_buy"),
                invoiceItemId,
                rs.getObject("invoice_item_uuid", UUID.class),
                rs.getBigDecimal("item_amount"),
                InvoiceState.isOpen(rs.getString("item_invoice_state")),
                rs.getString("item_currency"),
                compensationItemId,
                rs.getObject("compensation_item_uuid", UUID.class),
                rs.getBigDecimal("compensated"),
                Timestamps.read(rs, "last_sync_at"),
                Timestamps.read(rs, "finalized_at"),
                Timestamps.read(rs, "reconciled_at"),
                json.readTree(rs.getString("raw_json")),
                Timestamps.read(rs, "created"),
                Timestamps.read(rs, "modified"));
    }
}
