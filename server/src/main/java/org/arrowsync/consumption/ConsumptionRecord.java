package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One resource's consumption of one month under one license: the provisional amounts from the consumption API, the
 * final ones from the billing export, and the invoice items that bill them.
 *
 * @param compensated sum of all compensations so far (D4: a new one covers only what is still missing)
 * @param itemAmount amount of the provisional invoice item (unit price × quantity), null without one
 * @param itemInvoiceOpen whether the provisional item's invoice is still pending
 */
record ConsumptionRecord(
        long id,
        UUID uuid,
        long resourceId,
        UUID resourceUuid,
        String resourceName,
        long projectId,
        UUID projectUuid,
        String projectName,
        UUID customerUuid,
        String customerName,
        String licenseReference,
        LocalDate billingPeriod,
        BigDecimal consumedSell,
        BigDecimal consumedBuy,
        BigDecimal finalSell,
        BigDecimal finalBuy,
        Long invoiceItemId,
        UUID invoiceItemUuid,
        BigDecimal itemAmount,
        boolean itemInvoiceOpen,
        Long compensationItemId,
        UUID compensationItemUuid,
        BigDecimal compensated,
        Instant lastSyncAt,
        Instant finalizedAt,
        Instant reconciledAt,
        JsonNode rawData,
        Instant created,
        Instant modified) {

    boolean isFinalized() {
        return finalizedAt != null;
    }

    boolean isReconciled() {
        return reconciledAt != null;
    }

    YearMonth period() {
        return YearMonth.from(billingPeriod);
    }

    /** Final minus consumed, always sell-based as the reference reports it; null before finalisation. */
    BigDecimal adjustment() {
        return finalSell == null ? null : finalSell.subtract(consumedSell);
    }

    /** What the invoices already hold for this license-month: the provisional item plus every compensation. */
    BigDecimal invoiced() {
        return (itemAmount == null ? BigDecimal.ZERO : itemAmount).add(compensated);
    }
}
