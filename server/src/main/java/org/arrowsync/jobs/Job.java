package org.arrowsync.jobs;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One queued run as operators see it; {@code period} is null for a kind that covers every month (validation), and
 * {@code auditEntry} names the audit entry that queued it (null for jobs queued before the audit trail).
 */
public record Job(
        long id,
        UUID uuid,
        JobKind kind,
        long settingsId,
        UUID settingsUuid,
        YearMonth period,
        JobParameters parameters,
        JobState state,
        int attempts,
        JsonNode progress,
        JsonNode result,
        JsonNode errors,
        String errorMessage,
        String triggeredBy,
        Instant created,
        Instant started,
        Instant finished,
        UUID auditEntry) {

    /** The parameters as the API shows them. */
    public JsonNode parameterFields() {
        return parameters.json();
    }

    public boolean isDone() {
        return state.isDone();
    }

    /** The parameters of a job whose kind takes these. */
    <P extends JobParameters> P parameters(Class<P> type) {
        return type.cast(parameters);
    }
}
