package org.arrowsync.jobs;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One queued run as operators see it. */
record Job(
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

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    boolean isDone() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }
}
