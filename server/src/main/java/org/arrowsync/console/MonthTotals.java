package org.arrowsync.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.arrowsync.billing.MonthSummary;
import org.arrowsync.shared.Money;

/** A month as billing summarises it, with what consumption tracking billed of it. */
record MonthTotals(MonthSummary summary, BigDecimal billedByConsumption) {

    public BigDecimal billed() {
        return summary.billedByLines().add(billedByConsumption);
    }

    /**
     * What the month bills less Arrow's priced total, each summed as invoices bill them (D196), to its currency's unit.
     */
    public BigDecimal gap() {
        return billed().subtract(summary.arrowTotal())
                .setScale(Money.minorUnits(summary.currency()), RoundingMode.HALF_UP);
    }
}
