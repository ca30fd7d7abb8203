package org.arrowsync.emulator.data;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One billing line of a month; IAAS lines double as that month's consumption rows.
 *
 * @param number index of the line within its license and month (generated lines) or -1 (added lines)
 */
public record Line(
        String sequence,
        YearMonth period,
        License license,
        int number,
        Offer.Meter meter,
        String description,
        int quantity,
        BigDecimal sellUnit,
        BigDecimal buyUnit,
        BigDecimal sellTotal,
        BigDecimal buyTotal) {

    /** The same line listed under another license (of the same customer). */
    Line withLicense(License other) {
        return new Line(
                sequence, period, other, number, meter, description, quantity, sellUnit, buyUnit, sellTotal, buyTotal);
    }

    /** Replaces the totals; units follow when they divide exactly, else the line becomes quantity 1. */
    Line withTotals(BigDecimal sell, BigDecimal buy) {
        BigDecimal qty = BigDecimal.valueOf(quantity);
        boolean divisible = Money.of(sell.divide(qty, 10, java.math.RoundingMode.HALF_UP))
                                .multiply(qty)
                                .compareTo(sell)
                        == 0
                && Money.of(buy.divide(qty, 10, java.math.RoundingMode.HALF_UP))
                                .multiply(qty)
                                .compareTo(buy)
                        == 0;
        int newQty = divisible ? quantity : 1;
        BigDecimal q = BigDecimal.valueOf(newQty);
        return new Line(
                sequence,
                period,
                license,
                number,
                meter,
                description,
                newQty,
                Money.of(sell.divide(q, 10, java.math.RoundingMode.HALF_UP)),
                Money.of(buy.divide(q, 10, java.math.RoundingMode.HALF_UP)),
                Money.of(sell),
                Money.of(buy));
    }
}
