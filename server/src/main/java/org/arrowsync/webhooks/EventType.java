package org.arrowsync.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a webhook may subscribe to, by their wire names. */
enum EventType {
    JOB_FAILED("job.failed"),
    BILLING_VALIDATED("billing.validated"),
    RECONCILIATION_BOOKED("reconciliation.booked"),
    LINES_UNMATCHED("lines.unmatched"),
    ARROW_UNREACHABLE("arrow.unreachable"),
    ARROW_RECOVERED("arrow.recovered");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(EventType::value).toList();
    }

    static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
