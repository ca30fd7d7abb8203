package org.arrowsync.emulator.data;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** ArrowSphere exports carry money with five decimals; this is the one place that scale is applied. */
public final class Money {

    public static final int SCALE = 5;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {}

    public static BigDecimal of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal of(String value) {
        return of(new BigDecimal(value));
    }

    /** From an integer number of 1/100000 units, which keeps generated amounts exact. */
    static BigDecimal ofUnits(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    public static String text(BigDecimal value) {
        return of(value).toPlainString();
    }
}
