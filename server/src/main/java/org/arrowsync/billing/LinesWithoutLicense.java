package org.arrowsync.billing;

import java.time.YearMonth;
import org.arrowsync.shared.Rejected;

/**
 * Export lines name no license (no {@code ARS Subscription ID}) while consumption tracking bills a license of their
 * customer for the month: any of them may be that license's, so billing them would charge it twice (D69).
 */
final class LinesWithoutLicense extends Rejected {

    LinesWithoutLicense(
            UnlicensedLines.First first, String consumptionLicense, YearMonth period, String exportTemplate) {
        super("Export lines of " + first.customer() + " for " + period + " name no license (no ARS Subscription ID;"
                + " first: line " + first.lineReference() + ") while consumption tracking bills license "
                + consumptionLicense + " of that customer for the month: they may be that license's lines and would"
                + " bill it twice, so nothing of " + period + " was billed or corrected. Consumption tracking needs the"
                + " ARS Subscription ID column: choose an export template that has it instead of '" + exportTemplate
                + "' (the settings' template check shows which do), then run again.");
    }
}
