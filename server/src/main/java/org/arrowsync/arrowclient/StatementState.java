package org.arrowsync.arrowclient;

import java.util.Locale;

/** The lifecycle of an Arrow billing statement ({@code status.state}); FULFILLED means Arrow validated it. */
public enum StatementState {
    OPEN,
    NEEDS_VALIDATION,
    FULFILLED,
    REJECTED,
    UNKNOWN;

    /** Tolerant of case, spaces and underscores ({@code "Needs Validation"}); UNKNOWN for anything else. */
    static StatementState of(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (StatementState state : values()) {
            if (state.name().equals(key)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
