package org.arrowsync.jobs;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One queued run as operators see it. */
public record Job(
        long id,
        UUID uuid,
        JobKind kind,
        long settingsId,
        UUID settingsUuid,
        String period,
        JsonNode parameters,
        String state,
        int attempts,
        JsonNode progress,
        JsonNode result,
        JsonNode errors,
        String errorMessage,
        String triggeredBy,
        Instant created,
        Instant started,
        Instant finished) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean isDone() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }
}
