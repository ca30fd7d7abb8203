package org.arrowsync.emulator.data;

import java.time.LocalDate;

/** Where a month's statements stand. {@code validationDate} is set once the month is Fulfilled. */
public record StatementState(String state, LocalDate validationDate) {

    public static final String OPEN = "Open";
    public static final String NEEDS_VALIDATION = "Needs Validation";
    public static final String FULFILLED = "Fulfilled";

    public boolean fulfilled() {
        return FULFILLED.equals(state);
    }
}
