package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.jobs.JobController.Accepted;
import org.arrowsync.shared.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The queued billing actions: checked synchronously by the feature, then queued (202 with the job's uuid). */
@Tag(name = "Billing")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class BillingTriggerController {

    private final JobTriggers triggers;

    BillingTriggerController(JobTriggers triggers) {
        this.triggers = triggers;
    }

    @PostMapping("trigger_sync/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue a billing sync of a month",
            operationId = "admin_arrow_billing_syncs_trigger_sync",
            description = "Trigger billing sync for a specific period.")
    ResponseEntity<Accepted> triggerSync(@RequestBody TriggerSyncRequest request, Caller caller) {
        return JobController.accepted(
                triggers.billingSync(
                        request.year(),
                        request.month(),
                        request.settingsUuid(),
                        request.resourceUuid(),
                        caller.username()),
                "Sync task scheduled");
    }

    @PostMapping("reconcile/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue reconciliation of a month's billing syncs",
            operationId = "admin_arrow_billing_syncs_reconcile",
            description = "Trigger reconciliation for a specific period.")
    ResponseEntity<Accepted> reconcile(@RequestBody ReconcileRequest request, Caller caller) {
        return JobController.accepted(
                triggers.reconcile(
                        request.year(), request.month(), request.settingsUuid(), request.force(), caller.username()),
                "Reconciliation task scheduled");
    }

    @Schema(name = "TriggerSyncRequestRequest")
    record TriggerSyncRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "2000", maximum = "2100")
            Integer year,

            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "12")
            Integer month,

            String settingsUuid,
            String resourceUuid) {}
}
