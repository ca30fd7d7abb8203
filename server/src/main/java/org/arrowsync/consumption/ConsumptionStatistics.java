package org.arrowsync.consumption;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.Uuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Statistics over all records, the pending list and one customer's records at a glance. Every aggregate is computed by
 * PostgreSQL in one scan (grouping sets give the totals and the per-month rows together), so the answer costs what the
 * raw aggregate costs.
 */
@Service
public class ConsumptionStatistics {

    /**
     * Joins a record to its license-month's claim when consumption tracking bills that month (D2), else leaves it out.
     */
    private static final String BILLED_BY_CONSUMPTION =
            " join license_billing lb on lb.license_reference = cr.license_reference"
                    + " and lb.period = to_char(cr.billing_period, 'YYYY-MM') and lb.billed_by = 'consumption'";

    static final int PERIODS = 12;

    private final JdbcClient jdbc;

    ConsumptionStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The consumption records of a customer's resources: their totals and the {@code recent} newest. */
    public CustomerConsumption ofCustomer(long customerId, int recent) {
        String records =
                " from consumption_records r join resources res on res.id = r.resource_id join projects p on p.id = res.project_id"
                        + " where p.customer_id = ?";
        CustomerConsumption.Totals totals = jdbc.sql(
                        "select count(*) as total, coalesce(sum(r.consumed_sell), 0) as consumed,"
                                + " sum(r.final_sell) as final, count(*) filter (where r.finalized_at is null) as pending,"
                                + " count(*) filter (where r.finalized_at is not null) as finalized,"
                                + " count(*) filter (where r.reconciled_at is not null) as reconciled" + records)
                .param(customerId)
                .query((rs, row) -> new CustomerConsumption.Totals(
                        rs.getInt("total"),
                        rs.getBigDecimal("consumed"),
                        rs.getBigDecimal("final"),
                        rs.getInt("pending"),
                        rs.getInt("finalized"),
                        rs.getInt("reconciled")))
                .single();
        List<CustomerConsumption.RecentRecord> newest = jdbc.sql(
                        "select r.uuid, r.license_reference, res.name, r.billing_period, r.consumed_sell,"
                                + " r.final_sell, r.finalized_at is not null as finalized, r.reconciled_at is not null as reconciled"
                                + records
                                + " order by r.billing_period desc, r.created desc limit ?")
                .params(customerId, recent)
                .query((rs, row) -> new CustomerConsumption.RecentRecord(
                        Uuids.hex(rs.getObject("uuid", UUID.class)),
                        rs.getString("license_reference"),
                        rs.getString("name"),
                        rs.getObject("billing_period", LocalDate.class),
                        Money.summary(rs.getBigDecimal("consumed_sell")),
                        Money.summary(rs.getBigDecimal("final_sell")),
                        rs.getBoolean("finalized"),
                        rs.getBoolean("reconciled")))
                .list();
        return new CustomerConsumption(totals, newest);
    }

    /**
     * One scan grouped by month; the totals are window sums over those month rows, so the twelve rows returned carry
     * both their own figures and the totals of every month.
     */
    public Statistics statistics() {
        List<PeriodBreakdown> periods = new ArrayList<>();
        Statistics[] total = {
            new Statistics(0, 0, 0, 0, Money.summary(BigDecimal.ZERO), Money.summary(BigDecimal.ZERO), periods)
        };
        jdbc.sql("""
                        with months as (
                            select billing_period, count(*) as records, count(finalized_at) as finalized, count(reconciled_at) as reconciled,
                                   coalesce(sum(consumed_sell), 0) as consumed_sell,
                                   coalesce(sum(final_sell - consumed_sell) filter (where final_sell is not null), 0) as adjustments
                            from consumption_records
                            group by billing_period)
                        select billing_period, records, finalized, reconciled, consumed_sell,
                               sum(records) over () as all_records, sum(finalized) over () as all_finalized,
                               sum(reconciled) over () as all_reconciled, sum(consumed_sell) over () as all_consumed_sell,
                               sum(adjustments) over () as all_adjustments
                        from months
                        order by billing_period desc
                        limit ?""").param(PERIODS).query(rs -> {
            if (periods.isEmpty()) {
                long records = rs.getLong("all_records");
                long finalized = rs.getLong("all_finalized");
                total[0] = new Statistics(
                        records,
                        records - finalized,
                        finalized,
                        rs.getLong("all_reconciled"),
                        Money.summary(rs.getBigDecimal("all_consumed_sell")),
                        Money.summary(rs.getBigDecimal("all_adjustments")),
                        periods);
            }
            periods.add(new PeriodBreakdown(
                    YearMonth.from(rs.getObject("billing_period", LocalDate.class))
                            .toString(),
                    rs.getLong("records"),
                    Money.summary(rs.getBigDecimal("consumed_sell")),
                    rs.getLong("finalized"),
                    rs.getLong("reconciled")));
        });
        return total[0];
    }

    public Listing<PendingRecord> pending(PendingFilter filter, PageRequest asked) {
        SqlFilter sql = new SqlFilter().where("cr.finalized_at is null");
        if (filter.settingsUuid() != null) {
            sql.where(
                    "exists (select 1 from customer_mappings cm join arrow_settings s on s.id = cm.settings_id"
                            + " where cm.customer_id = c.id and cm.is_active and s.uuid = ?)",
                    filter.settingsUuid());
        }
        if (filter.customerMappingUuid() != null) {
            sql.where(
                    "exists (select 1 from customer_mappings cm where cm.customer_id = c.id and cm.uuid = ?)",
                    filter.customerMappingUuid());
        }
        sql.eq("cr.billing_period", date(filter.period()))
                .atLeast("cr.billing_period", date(filter.periodFrom()))
                .atMost("cr.billing_period", date(filter.periodTo()));
        long count = jdbc.sql("select count(*)" + ConsumptionRecordRepository.FROM + sql.clause())
                .params(sql.params())
                .query(Long.class)
                .single();
        PageRequest page = asked.within(count);
        List<PendingRecord> rows = jdbc.sql("""
                        select cr.uuid, r.uuid as resource_uuid, r.name as resource_name, cr.license_reference, cr.billing_period,
                               cr.consumed_sell, cr.last_sync_at""" + ConsumptionRecordRepository.FROM + sql.clause()
                        + " order by cr.modified desc, cr.id desc offset ? limit ?")
                .params(sql.params(page))
                .query((rs, row) -> new PendingRecord(
                        Uuids.hex(rs.getObject("uuid", UUID.class)),
                        Uuids.hex(rs.getObject("resource_uuid", UUID.class)),
                        rs.getString("resource_name"),
                        rs.getString("license_reference"),
                        rs.getObject("billing_period", LocalDate.class),
                        Money.summary(rs.getBigDecimal("consumed_sell")),
                        Timestamps.read(rs, "last_sync_at")))
                .list();
        return Listing.of(rows, count, page);
    }

    /**
     * What consumption tracking billed for the settings' mapped customers in these months: per month, its provisional
     * items as written (under the price rules), each rounded as its invoice bills it, and their corrections, of the
     * license-months it owns (D2, D196), with the part of it on canceled invoices (D200).
     */
    public Map<YearMonth, Billed> billed(Settings settings, Collection<YearMonth> periods) {
        Map<YearMonth, Billed> billed = new HashMap<>();
        if (periods.isEmpty()) {
            return billed;
        }
        jdbc.sql("select cr.billing_period, sum(" + ConsumptionRecordRepository.BILLED + ") as billed, sum("
                        + ConsumptionRecordRepository.CANCELED + ") as canceled" + ConsumptionRecordRepository.FROM
                        + BILLED_BY_CONSUMPTION
                        + " where cr.billing_period = any(?) and " + ConsumptionRecordRepository.RECORDED_BY_SETTINGS
                        + " group by cr.billing_period")
                .params(
                        periods.stream()
                                .map(period -> Date.valueOf(period.atDay(1)))
                                .toArray(Date[]::new),
                        settings.id())
                .query(rs -> {
                    billed.put(
                            YearMonth.from(rs.getObject("billing_period", LocalDate.class)),
                            new Billed(rs.getBigDecimal("billed"), rs.getBigDecimal("canceled")));
                });
        return billed;
    }

    /**
     * What consumption tracking billed of a month, and the part of it on canceled invoices.
     *
     * @param amount its items, each rounded as its invoice bills it, and their corrections
     * @param canceled the part of {@code amount} on canceled invoices, which charges nobody
     */
    public record Billed(BigDecimal amount, BigDecimal canceled) {

        public static final Billed NONE = new Billed(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /**
     * Per month (newest first, at most {@code months}), what consumption tracking billed provisionally and what Arrow's
     * final billing says, for the settings' mapped customers (the settings' price source): the figures of the chart.
     * Only the license-months it bills count (D2): one the billing sync bills was recorded (a historical sync records
     * every month) but billed nothing provisionally.
     */
    public List<ProvisionalVersusFinal> provisionalVersusFinal(Settings settings, int months) {
        return jdbc.sql("""
                        select cr.billing_period, count(*) as records, count(cr.finalized_at) as finalized,
                               sum(case when ? = 'buy' then cr.consumed_buy else cr.consumed_sell end) as provisional,
                               sum(case when ? = 'buy' then cr.final_buy else cr.final_sell end) as final
                        """ + ConsumptionRecordRepository.FROM + BILLED_BY_CONSUMPTION + " where "
                        + ConsumptionRecordRepository.RECORDED_BY_SETTINGS
                        + " group by cr.billing_period order by cr.billing_period desc limit ?")
                .params(settings.priceSource().value(), settings.priceSource().value(), settings.id(), months)
                .query((rs, row) -> new ProvisionalVersusFinal(
                        YearMonth.from(rs.getObject("billing_period", LocalDate.class)),
                        rs.getLong("records"),
                        rs.getLong("finalized"),
                        Money.summary(rs.getBigDecimal("provisional")),
                        rs.getBigDecimal("final") == null ? null : Money.summary(rs.getBigDecimal("final"))))
                .list();
    }

    private static Date date(YearMonth period) {
        return period == null ? null : Date.valueOf(period.atDay(1));
    }

    /** One month of the chart: provisional amounts billed, Arrow's final amounts (null until any is finalised). */
    public record ProvisionalVersusFinal(
            YearMonth period, long records, long finalized, BigDecimal provisional, BigDecimal finalAmount) {}

    @Schema(name = "ConsumptionStatisticsResponse")
    public record Statistics(
            long totalRecords,
            long pendingRecords,
            long finalizedRecords,
            long reconciledRecords,
            BigDecimal totalConsumedSell,
            BigDecimal totalAdjustments,
            List<PeriodBreakdown> periodBreakdown) {}

    public record PeriodBreakdown(
            String period, long count, BigDecimal consumedSell, long finalizedCount, long reconciledCount) {}

    /** The contract's {@code PendingRecord}. */
    public record PendingRecord(
            String uuid,
            String resourceUuid,
            String resourceName,
            String licenseReference,
            LocalDate billingPeriod,
            BigDecimal consumedSell,
            @Schema(nullable = true) Instant lastSyncAt) {}

    /**
     * The filters the contract lists for {@code pending_records}, read for consumption records: settings and customer
     * mapping narrow by the mapped customer, the report period by billing month.
     */
    public record PendingFilter(
            UUID settingsUuid, UUID customerMappingUuid, YearMonth period, YearMonth periodFrom, YearMonth periodTo) {}

    /** Records not finalised against Arrow's billing export yet. */
    public long pendingRecords() {
        return jdbc.sql("select count(*) from consumption_records where finalized_at is null")
                .query(Long.class)
                .single();
    }
}
