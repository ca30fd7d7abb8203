package org.arrowsync.margins;

import java.time.YearMonth;
import org.arrowsync.shared.StateConflict;

/** D203: a re-pricing confirmed from a preview whose plan is another by now books nothing. */
final class RepricingChanged extends StateConflict {

    RepricingChanged(YearMonth period) {
        super("The re-pricing of " + period + " is no longer the one previewed: a price rule, a line or an invoice"
                + " changed since. Nothing was booked; preview it again.");
    }
}
