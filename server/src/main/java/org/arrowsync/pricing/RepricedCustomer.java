package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What re-pricing a month changes for one customer and currency: what its invoices bill for its lines now (each item
 * rounded as its invoice bills it, and corrections), what they would bill under the rules for Arrow's latest amounts
 * (each line's price rounded), and the corrections that brings ({@code difference} is their sum: whole minor units,
 * each line brought to its price under the rules rounded, as reconciliation books them, D169).
 */
public record RepricedCustomer(
        UUID customerUuid,
        String customerName,
        String currency,
        BigDecimal billedNow,
        BigDecimal billedUnderRules,
        BigDecimal difference,
        int compensations) {

    public static RepricedCustomer none(UUID customerUuid, String customerName, String currency) {
        return new RepricedCustomer(
                customerUuid, customerName, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    /** This customer's figures with one more line: billed now, billed under the rules and its correction (or zero). */
    public RepricedCustomer plus(BigDecimal now, BigDecimal underRules, BigDecimal correction) {
        return new RepricedCustomer(
                customerUuid,
                customerName,
                currency,
                billedNow.add(now),
                billedUnderRules.add(underRules),
                difference.add(correction),
                compensations + (correction.signum() == 0 ? 0 : 1));
    }

    /** The figures of two sources of lines together. */
    public RepricedCustomer plus(RepricedCustomer other) {
        return new RepricedCustomer(
                customerUuid,
                customerName,
                currency,
                billedNow.add(other.billedNow),
                billedUnderRules.add(other.billedUnderRules),
                difference.add(other.difference),
                compensations + other.compensations);
    }

    /** The key figures are summed by. */
    public Key key() {
        return new Key(customerUuid, currency);
    }

    public record Key(UUID customerUuid, String currency) {}
}
