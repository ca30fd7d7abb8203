package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Timestamps;
import org.arrowsync.shared.Uuids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One mapped customer's Arrow billing at a glance: consumption records of its resources and its billing syncs. It lives
 * with billing, which may read both; every figure is an SQL aggregate, the lists are capped at 20.
 */
@Service
public class MappingBillingSummaries {

    private static final int RECENT = 20;

    private final CustomerMappingService mappings;
    private final JdbcClient jdbc;

    MappingBillingSummaries(CustomerMappingService mappings, JdbcClient jdbc) {
        this.mappings = mappings;
        this.jdbc = jdbc;
    }

    public CustomerBillingSummaryResponse summary(UUID mappingUuid) {
        CustomerMapping mapping = mappings.get(mappingUuid);
        String records =
                " from consumption_records r join resources res on res.id = r.resource_id join projects p on p.id = res.project_id"
                        + " where p.customer_id = ?";
        ConsumptionTotals consumption = jdbc.sql(
                        "select count(*) as total, coalesce(sum(r.consumed_sell), 0) as consumed,"
                                + " sum(r.final_sell) as final, count(*) filter (where r.finalized_at is null) as pending,"
                                + " count(*) filter (where r.finalized_at is not null) as finalized,"
                                + " count(*) filter (where r.reconciled_at is not null) as reconciled" + records)
                .param(mapping.customerId())
                .query((rs, row) -> new ConsumptionTotals(
                        rs.getInt("total"),
                        rs.getBigDecimal("consumed"),
                        rs.getBigDecimal("final"),
                        rs.getInt("pending"),
                        rs.getInt("finalized"),
                        rs.getInt("reconciled")))
                .single();
        List<RecentRecord> recentRecords = jdbc.sql(
                        "select r.uuid, r.license_reference, res.name, r.billing_period, r.consumed_sell,"
                                + " r.final_sell, r.finalized_at is not null as finalized, r.reconciled_at is not null as reconciled"
                                + records
                                + " order by r.billing_period desc, r.created desc limit " + RECENT)
                .param(mapping.customerId())
                .query((rs, row) -> new RecentRecord(
                        Uuids.hex(rs.getObject("uuid", UUID.class)),
                        rs.getString("license_reference"),
                        rs.getString("name"),
                        rs.getObject("billing_period", LocalDate.class),
                        Money.summary(rs.getBigDecimal("consumed_sell")),
                        summary(rs.getBigDecimal("final_sell")),
                        rs.getBoolean("finalized"),
                        rs.getBoolean("reconciled")))
                .list();
        Object[] syncTotals = jdbc.sql(
                        "select count(*), sum(sell_total) from billing_syncs where customer_mapping_id = ?")
                .param(mapping.id())
                .query((rs, row) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)})
                .single();
        List<RecentSync> recentSyncs = jdbc.sql("""
                        select b.uuid, b.report_period, b.state, b.sell_total, b.created,
                               (select count(*) from billing_sync_items t where t.billing_sync_id = b.id) as items
                        from billing_syncs b where b.customer_mapping_id = ? order by b.report_period desc, b.created desc limit ?""")
                .params(mapping.id(), RECENT)
                .query((rs, row) -> new RecentSync(
                        Uuids.hex(rs.getObject("uuid", UUID.class)),
                        rs.getString("report_period"),
                        Integer.toString(rs.getInt("state")),
                        summary(rs.getBigDecimal("sell_total")),
                        rs.getInt("items"),
                        Timestamps.read(rs, "created")))
                .list();
        return new CustomerBillingSummaryResponse(
                Uuids.hex(mapping.uuid()),
                mapping.arrowReference(),
                mapping.arrowCompanyName(),
                Uuids.hex(mapping.customerUuid()),
                mapping.customerName(),
                consumption.total(),
                Money.summary(consumption.consumed()),
                summary(consumption.finalSell()),
                consumption.pending(),
                consumption.finalized(),
                consumption.reconciled(),
                (Integer) syncTotals[0],
                summary((BigDecimal) syncTotals[1]),
                recentRecords,
                recentSyncs);
    }

    private static BigDecimal summary(BigDecimal amount) {
        return amount == null ? null : Money.summary(amount);
    }

    private record ConsumptionTotals(
            int total, BigDecimal consumed, BigDecimal finalSell, int pending, int finalized, int reconciled) {}

    public record RecentRecord(
            String uuid,
            String licenseReference,
            @Schema(nullable = true) String resourceName,
            LocalDate billingPeriod,
            BigDecimal consumedSell,
            @Schema(nullable = true) BigDecimal finalSell,
            boolean isFinalized,
            boolean isReconciled) {}

    public record RecentSync(
            String uuid,
            String reportPeriod,
            String state,
            @Schema(nullable = true) BigDecimal sellTotal,
            int itemsCount,
            Instant created) {}

    public record CustomerBillingSummaryResponse(
            String customerMappingUuid,
            String arrowReference,
            String arrowCompanyName,
            String waldurCustomerUuid,
            String waldurCustomerName,
            int totalConsumptionRecords,
            BigDecimal totalConsumedSell,
            @Schema(nullable = true) BigDecimal totalFinalSell,
            int pendingRecords,
            int finalizedRecords,
            int reconciledRecords,
            int totalBillingSyncs,
            @Schema(nullable = true) BigDecimal totalBillingSell,
            List<RecentRecord> recentConsumptionRecords,
            List<RecentSync> recentBillingSyncs) {}
}
