package org.arrowsync.emulator.faults;

/**
 * One fault rule.
 *
 * @param family the family it applies to, or null for every family ({@code *})
 * @param count how many calls it still affects; negative = unlimited (used with a probability)
 * @param probability chance per call in [0, 1]; 1 when only a count is given
 * @param retryAfterSeconds {@code Retry-After} for 429 faults
 * @param latencyMs delay for latency faults
 * @param bodyStatus the {@code status} put in the body of error_body_200 faults
 * @param sizeMb the size of a huge answer
 */
public record Fault(
        Family family,
        FaultKind kind,
        int count,
        double probability,
        int retryAfterSeconds,
        long latencyMs,
        int bodyStatus,
        long sizeMb) {

    boolean appliesTo(Family requested) {
        return family == null || family == requested;
    }

    Fault consumeOne() {
        return count > 0
                ? new Fault(family, kind, count - 1, probability, retryAfterSeconds, latencyMs, bodyStatus, sizeMb)
                : this;
    }

    boolean exhausted() {
        return count == 0;
    }
}
