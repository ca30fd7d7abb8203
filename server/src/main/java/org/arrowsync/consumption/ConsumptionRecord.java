package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.shared.Money;
import tools.jackson.databind.JsonNode;

/**
 * One resource's consumption of one month under one license: the provisional amounts from the consumption API, the
 * final ones from the billing export, and the invoice items that bill them.
 *
 * @param compensated sum of all compensations so far (D4: a new one covers only what is still missing)
 * @param itemAmount amount of the provisional invoice item (unit price × quantity), null without one
 * @param vendorName the license's vendor, as its resource or (once finalised) the billing export names it; empty when
 *     unknown
 * @param classification the license's classification, known as the vendor is
 * @param itemInvoiceOpen whether the provisional item's invoice is still pending
 * @param currency of its invoice items, the default without any
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
        long customerId,
        UUID customerUuid,
        String customerName,
        String licenseReference,
        String vendorName,
        String classification,
        LocalDate billingPeriod,
        BigDecimal consumedSell,
        BigDecimal consumedBuy,
        BigDecimal finalSell,
        BigDecimal finalBuy,
        Long invoiceItemId,
        UUID invoiceItemUuid,
        BigDecimal itemAmount,
        boolean itemInvoiceOpen,
        String currency,
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

    /** The amounts the month is billed from: the export's final ones once finalised, else the consumption so far. */
    BigDecimal sell() {
        return finalSell != null ? finalSell : consumedSell;
    }

    BigDecimal buy() {
        return finalBuy != null ? finalBuy : consumedBuy;
    }

    /**
     * What its invoices bill for the license-month in {@code currency}: the provisional item rounded as the invoice
     * bills it, and the corrections (D169).
     */
    BigDecimal billed(String currency) {
        return Money.billed(itemAmount == null ? BigDecimal.ZERO : itemAmount, compensated, currency);
    }
}
