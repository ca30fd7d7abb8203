package org.arrowsync.jobs;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A job to queue. {@code scope} narrows the coalescing key beyond settings, kind and period (e.g. one resource), so a
 * resource-limited run does not join a full one.
 */
record JobRequest(
        JobKind kind,
        long settingsId,
        UUID settingsUuid,
        String period,
        String scope,
        JsonNode parameters,
        String triggeredBy) {

    String coalesceKey() {
        return settingsUuid + "|" + kind.value() + "|" + (period == null ? "" : period) + "|"
                + (scope == null ? "" : scope);
    }
}
