package org.arrowsync.arrowclient;

import java.util.Locale;

/**
 * The lifecycle of an Arrow billing statement ({@code status.state}); FULFILLED means Arrow validated it. NONE: the
 * statement has no status at all, which the official PHP client allows and most of its fixtures show; it says nothing.
 */
public enum StatementState {
    OPEN("Open"),
    NEEDS_VALIDATION("Needs Validation"),
    FULFILLED("Fulfilled"),
    REJECTED("Rejected"),
    UNKNOWN("in a state arrowsync does not know"),
    NONE("without status");

    private final String label;

    StatementState(String label) {
        this.label = label;
    }

    /**
     * Tolerant of case, spaces and underscores ({@code "Needs Validation"}); NONE for no state, UNKNOWN for a state it
     * does not know.
     */
    static StatementState of(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (StatementState state : values()) {
            if (state != NONE && state.name().equals(key)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /** The state as Arrow writes it: {@code "Needs Validation"}. */
    public String label() {
        return label;
    }

    /** Whether a statement in this state says anything about validation; only a missing status does not. */
    public boolean isSignal() {
        return this != NONE;
    }
}
