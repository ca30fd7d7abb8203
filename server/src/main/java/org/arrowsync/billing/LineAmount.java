package org.arrowsync.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.arrowsync.shared.Money;

/**
 * How a line's total becomes an invoice item (D1): unit price × quantity equals the total exactly. The line's quantity
 * is used only when it is kept as it is (at most ten decimals: the column would round a finer one) and the unit price
 * it implies is exact at the stored scale and fits a line's columns (a large total over a tiny quantity may not, D79);
 * otherwise quantity 1.
 */
record LineAmount(BigDecimal unitPrice, BigDecimal quantity) {

    static LineAmount of(BigDecimal total, BigDecimal quantity) {
        if (quantity == null
                || quantity.signum() <= 0
                || quantity.compareTo(BigDecimal.ONE) == 0
                // finer than the column keeps, once its trailing zeros go (checked only past the stored scale)
                || (quantity.scale() > Money.STORED_SCALE
                        && quantity.stripTrailingZeros().scale() > Money.STORED_SCALE)) {
            return new LineAmount(total, BigDecimal.ONE);
        }
        try {
            // Exact at the stored scale or refused: a quotient that needs no rounding times the quantity is the total
            BigDecimal unit = total.divide(quantity, Money.STORED_SCALE, RoundingMode.UNNECESSARY);
            if (Money.fitsLine(unit)) {
                return new LineAmount(unit.stripTrailingZeros(), quantity);
            }
        } catch (ArithmeticException inexact) {
            // falls through: the total cannot be split into equal unit prices at 10 decimals
        }
        return new LineAmount(total, BigDecimal.ONE);
    }
}
