package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The contract's {@code ReconcileRequestRequest}: the body of both {@code reconcile} and
 * {@code trigger_reconciliation}.
 */
@Schema(name = "ReconcileRequestRequest")
record ReconcileRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "2000", maximum = "2100")
        Integer year,

        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "12")
        Integer month,

        String settingsUuid,
        Boolean force) {}
