package org.arrowsync.consumption;

import java.time.YearMonth;
import org.arrowsync.shared.Rejected;

/**
 * D9: Arrow gives a license-month's consumption in another currency than its item was billed in (a prediction's
 * currency against the report's, say); the two amounts cannot be compared, so nothing is written for it and the error
 * goes on the run.
 */
final class CurrencyChanged extends Rejected {

    CurrencyChanged(String licenseReference, YearMonth period, String arrowCurrency, String billedCurrency) {
        super("Arrow gives license " + licenseReference + "'s consumption of " + period + " in " + arrowCurrency
                + ", but it is billed in " + billedCurrency + "; nothing was recorded for it.");
    }
}
