package org.arrowsync.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one webhook: {@code pending} while attempts go on, then {@code delivered} or {@code failed}
 * (no 2xx answer within the retry period); {@code responseCode} is the last answer's status (null before any, 0 when
 * the receiver did not answer).
 */
record Delivery(
        long id,
        UUID uuid,
        long webhookId,
        UUID eventId,
        String eventType,
        String payload,
        String state,
        int attempts,
        Integer responseCode,
        String lastError,
        Instant created,
        Instant lastAttempt,
        Instant nextAttempt,
        Instant delivered) {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    boolean pending() {
        return PENDING.equals(state);
    }
}
