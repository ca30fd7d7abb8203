package org.arrowsync.billing;

import java.time.Clock;
import java.time.YearMonth;
import org.arrowsync.shared.FieldErrors;

/** The year/month checks every billing trigger makes. */
final class Periods {

    private Periods() {
    }

    /** Year 2000–2100, month 1–12, and not after the current month. */
    static YearMonth requireMonth(Integer year, Integer month, Clock clock) {
        FieldErrors errors = new FieldErrors();
        errors.requiredValue("year", year);
        errors.requiredValue("month", month);
        errors.range("year", year, 2000, 2100);
        errors.range("month", month, 1, 12);
        errors.throwIfAny();
        YearMonth period = YearMonth.of(year, month);
        if (period.isAfter(YearMonth.now(clock))) {
            errors.add("non_field_errors", "The period " + period + " has not started yet.");
        }
        errors.throwIfAny();
        return period;
    }
}
