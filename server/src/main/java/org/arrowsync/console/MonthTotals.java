package org.arrowsync.console;

import java.math.BigDecimal;
import org.arrowsync.billing.MonthSummary;
import org.arrowsync.consumption.ConsumptionStatistics;
import org.arrowsync.shared.Money;

/**
 * A month as billing summarises it, with what consumption tracking billed of it; what canceled invoices hold is counted
 * apart from what the month charges (D200).
 */
record MonthTotals(MonthSummary summary, ConsumptionStatistics.Billed consumption) {

    /** What the month's lines charge through their own items and corrections. */
    public BigDecimal byLines() {
        return summary.billedByLines().subtract(summary.canceledByLines());
    }

    /** What consumption tracking charges for the month. */
    public BigDecimal byConsumption() {
        return consumption.amount().subtract(consumption.canceled());
    }

    /** What the month charges, canceled invoices left out. */
    public BigDecimal billed() {
        return byLines().add(byConsumption());
    }

    /**
     * What was billed for the month on invoices since canceled: it charges nobody, and the month is not billed again.
     */
    public BigDecimal canceled() {
        return summary.canceledByLines().add(consumption.canceled());
    }

    /**
     * What the month billed, canceled invoices included, less Arrow's priced total, each summed as invoices bill them
     * (D196), to its currency's unit: a difference no sync or reconciliation has settled, not an operator's canceling.
     */
    public BigDecimal gap() {
        return Money.rounded(billed().add(canceled()).subtract(summary.arrowTotal()), summary.currency());
    }
}
