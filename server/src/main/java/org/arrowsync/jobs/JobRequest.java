package org.arrowsync.jobs;

import java.time.YearMonth;
import java.util.UUID;

/**
 * A job to queue: for which settings and month (none for validation), with what parameters, on whose behalf. A request
 * whose coalescing key matches a queued or running job joins it.
 */
record JobRequest(long settingsId, UUID settingsUuid, YearMonth period, JobParameters parameters, String triggeredBy) {

    /** Who triggered the jobs the server queues of itself: the schedules', and those auto-reconciliation queues. */
    static final String BY_SCHEDULE = "schedule";

    JobKind kind() {
        return parameters.kind();
    }

    String coalesceKey() {
        String scope = parameters.scope();
        return settingsUuid + "|" + kind().value() + "|" + (period == null ? "" : period) + "|"
                + (scope == null ? "" : scope);
    }
}
