package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.billing.BillingSyncService.SyncTarget;
import org.arrowsync.jobs.JobController.Accepted;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Filters;
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

    private final BillingSyncService billing;
    private final BillingReconciliation reconciliation;
    private final JobService jobs;

    BillingTriggerController(BillingSyncService billing, BillingReconciliation reconciliation, JobService jobs) {
        this.billing = billing;
        this.reconciliation = reconciliation;
        this.jobs = jobs;
    }

    @PostMapping("trigger_sync/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue a billing sync of a month",
            operationId = "admin_arrow_billing_syncs_trigger_sync",
            description = "Trigger billing sync for a specific period.")
    ResponseEntity<Accepted> triggerSync(@RequestBody TriggerSyncRequest request, Caller caller) {
        UUID settingsUuid = Filters.uuid("settings_uuid", request.settingsUuid());
        UUID resourceUuid = Filters.uuid("resource_uuid", request.resourceUuid());
        SyncTarget target = billing.target(request.year(), request.month(), settingsUuid, resourceUuid);
        JobService.Submitted submitted = jobs.submit(new JobRequest(
                target.settings().id(),
                target.settings().uuid(),
                target.period(),
                new JobParameters.BillingSync(resourceUuid),
                caller.username()));
        return JobController.accepted(submitted, "Sync task scheduled");
    }

    @PostMapping("reconcile/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue reconciliation of a month's billing syncs",
            operationId = "admin_arrow_billing_syncs_reconcile",
            description = "Trigger reconciliation for a specific period.")
    ResponseEntity<Accepted> reconcile(@RequestBody ReconcileRequest request, Caller caller) {
        boolean force = Boolean.TRUE.equals(request.force());
        UUID settingsUuid = Filters.uuid("settings_uuid", request.settingsUuid());
        BillingReconciliation.Target target =
                reconciliation.target(request.year(), request.month(), settingsUuid, force);
        JobService.Submitted submitted = jobs.submit(new JobRequest(
                target.settings().id(),
                target.settings().uuid(),
                target.period(),
                new JobParameters.BillingReconciliation(force),
                caller.username()));
        return JobController.accepted(submitted, "Reconciliation task scheduled");
    }

    record TriggerSyncRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) Integer year,
            @Schema(requiredMode = RequiredMode.REQUIRED) Integer month,
            String settingsUuid,
            String resourceUuid) {}
}
