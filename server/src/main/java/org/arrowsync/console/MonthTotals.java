package org.arrowsync.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.arrowsync.billing.MonthSummary;

/** A month as billing summarises it, with what consumption tracking billed of it. */
record MonthTotals(MonthSummary summary, BigDecimal billedByConsumption) {

    public BigDecimal billed() {
        return summary.billedByLines().add(billedByConsumption);
    }

    /** What the month bills less Arrow's priced total, each summed as invoices bill them (D196). */
    public BigDecimal gap() {
        return billed().subtract(summary.arrowTotal()).setScale(2, RoundingMode.HALF_UP);
    }
}
