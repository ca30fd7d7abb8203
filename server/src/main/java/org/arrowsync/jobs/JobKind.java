package org.arrowsync.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a queued job does; each kind has one {@link JobHandler}. */
public enum JobKind {
    BILLING_SYNC("billing_sync"),
    BILLING_RECONCILIATION("billing_reconciliation"),
    BILLING_VALIDATION("billing_validation"),
    CONSUMPTION_SYNC("consumption_sync"),
    CONSUMPTION_RECONCILIATION("consumption_reconciliation"),
    REPRICE("reprice");

    private final String value;

    JobKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static JobKind of(String value) {
        for (JobKind kind : values()) {
            if (kind.value.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown job kind " + value);
    }
}
