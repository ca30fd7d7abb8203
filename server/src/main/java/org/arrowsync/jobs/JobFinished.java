package org.arrowsync.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A job ended, well or not ({@code errorMessage} says why it failed): published once its outcome is stored.
 * {@code period} is null for a kind that covers every month; {@code auditEntry} is the entry that queued it.
 */
public record JobFinished(
        UUID job,
        JobKind kind,
        UUID settingsUuid,
        YearMonth period,
        boolean succeeded,
        String errorMessage,
        String triggeredBy,
        UUID auditEntry,
        Instant queued,
        Instant started,
        Instant finished) {

    /** How long the job waited in the queue before a worker took it. */
    public Duration queueWait() {
        return Duration.between(queued, started);
    }

    public Duration runTime() {
        return Duration.between(started, finished);
    }
}
