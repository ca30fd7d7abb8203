package org.arrowsync.consumption;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One customer's consumption records at a glance: their totals and the newest of them. */
public record CustomerConsumption(Totals totals, List<RecentRecord> recent) {

    /** Counts and sums over all the customer's records; {@code finalSell} is null while none is finalised. */
    public record Totals(
            int total, BigDecimal consumedSell, BigDecimal finalSell, int pending, int finalized, int reconciled) {}

    /** One recent record as the billing summary lists it. */
    @Schema(name = "CustomerBillingSummaryConsumptionRecord")
    public record RecentRecord(
            String uuid,
            String licenseReference,
            @Schema(nullable = true) String resourceName,
            LocalDate billingPeriod,
            BigDecimal consumedSell,
            @Schema(nullable = true) BigDecimal finalSell,
            boolean isFinalized,
            boolean isReconciled) {}
}
