package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrowsync.consumption.ConsumptionStatistics;
import org.arrowsync.consumption.CustomerConsumption;
import org.arrowsync.consumption.CustomerConsumption.RecentRecord;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;

/**
 * One mapped customer's Arrow billing at a glance, for the API and the console: the consumption records of its
 * resources (asked of consumption) and its billing syncs. Every figure is an SQL aggregate, the lists are capped at 20.
 */
@Service
public class MappingBillingSummaries {

    static final int RECENT = 20;

    private final CustomerMappingService mappings;
    private final ConsumptionStatistics consumption;
    private final BillingSyncRepository syncs;

    MappingBillingSummaries(
            CustomerMappingService mappings, ConsumptionStatistics consumption, BillingSyncRepository syncs) {
        this.mappings = mappings;
        this.consumption = consumption;
        this.syncs = syncs;
    }

    /** How many billing syncs the mapping has. */
    public int billingSyncs(UUID mappingUuid) {
        return syncs.totalsOf(mappings.get(mappingUuid).id()).syncs();
    }

    public CustomerBillingSummaryResponse summary(UUID mappingUuid) {
        CustomerMapping mapping = mappings.get(mappingUuid);
        CustomerConsumption records = consumption.ofCustomer(mapping.customerId(), RECENT);
        BillingSyncRepository.MappingTotals billed = syncs.totalsOf(mapping.id());
        return new CustomerBillingSummaryResponse(
                Uuids.hex(mapping.uuid()),
                mapping.arrowReference(),
                mapping.arrowCompanyName(),
                Uuids.hex(mapping.customerUuid()),
                mapping.customerName(),
                records.totals().total(),
                Money.summary(records.totals().consumedSell()),
                Money.summary(records.totals().finalSell()),
                records.totals().pending(),
                records.totals().finalized(),
                records.totals().reconciled(),
                billed.syncs(),
                Money.summary(billed.sell()),
                records.recent(),
                syncs.recentOf(mapping.id(), RECENT));
    }

    @Schema(name = "CustomerBillingSummaryBillingSync")
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
