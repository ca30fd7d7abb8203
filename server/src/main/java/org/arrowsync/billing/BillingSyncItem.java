package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.shared.Money;

/**
 * One Arrow billing line as last seen. {@code invoiced} is what its own invoice item bills now, {@code compensated} the
 * sum of its corrections; their sum is what the operator has charged for the line.
 */
record BillingSyncItem(
        long id,
        UUID uuid,
        long syncId,
        UUID syncUuid,
        YearMonth reportPeriod,
        String lineReference,
        Long invoiceItemId,
        UUID invoiceItemUuid,
        long invoiceId,
        boolean invoiceOpen,
        BilledVia billedVia,
        BigDecimal originalPrice,
        BigDecimal currentPrice,
        BigDecimal invoiced,
        BigDecimal compensated,
        Long compensationItemId,
        UUID compensationItemUuid,
        BigDecimal sell,
        BigDecimal buy,
        BigDecimal quantity,
        String currency,
        String vendorName,
        String subscriptionReference,
        String licenseReference,
        String classification,
        String description,
        boolean removed,
        UUID contentHash,
        Instant created) {

    /** What its invoices bill for the line: its item rounded as the invoice bills it, and its corrections (D169). */
    public BigDecimal billed() {
        return Money.billed(invoiced, compensated, currency);
    }

    /** What crediting the line whole books: all its invoices bill for it, as they bill it (D169). */
    BigDecimal credit() {
        return Money.correction(BigDecimal.ZERO, billed(), currency);
    }

    /** Whether the item bills in this currency: Arrow's amounts in another cannot replace its own (D9, D112). */
    boolean billedIn(String lineCurrency) {
        return currency.equals(lineCurrency);
    }

    /** This item as billed under another license and path (D119: Arrow moved its line), for planning a correction. */
    BillingSyncItem under(String license, BilledVia via) {
        return new BillingSyncItem(
                id,
                uuid,
                syncId,
                syncUuid,
                reportPeriod,
                lineReference,
                invoiceItemId,
                invoiceItemUuid,
                invoiceId,
                invoiceOpen,
                via,
                originalPrice,
                currentPrice,
                invoiced,
                compensated,
                compensationItemId,
                compensationItemUuid,
                sell,
                buy,
                quantity,
                currency,
                vendorName,
                subscriptionReference,
                license,
                classification,
                description,
                removed,
                contentHash,
                created);
    }

    /** D112: why Arrow's line, now in {@code lineCurrency}, is not what this item bills. */
    String currencyChangedTo(String lineCurrency) {
        return "now in " + lineCurrency + ", billed in " + currency + " (D9)";
    }
}
