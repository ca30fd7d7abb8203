package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.shared.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Queues consumption runs and finalisations; the request is validated by the feature before anything is queued. */
@Tag(name = "Consumption")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class ConsumptionTriggerController {

    private final JobTriggers triggers;

    ConsumptionTriggerController(JobTriggers triggers) {
        this.triggers = triggers;
    }

    @PostMapping("trigger_consumption_sync/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue a consumption sync of a month",
            operationId = "admin_arrow_billing_syncs_trigger_consumption_sync")
    ResponseEntity<JobController.Accepted> triggerConsumptionSync(
            @RequestBody TriggerConsumptionSyncRequest request, Caller caller) {
        return JobController.accepted(
                triggers.consumptionSync(
                        request.year(),
                        request.month(),
                        request.settingsUuid(),
                        request.resourceUuid(),
                        caller.username()),
                "Consumption sync task scheduled");
    }

    @PostMapping("trigger_reconciliation/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue finalisation of a month's consumption against the billing export",
            operationId = "admin_arrow_billing_syncs_trigger_reconciliation")
    ResponseEntity<JobController.Accepted> triggerReconciliation(@RequestBody ReconcileRequest request, Caller caller) {
        return JobController.accepted(
                triggers.finalisation(
                        request.year(), request.month(), request.settingsUuid(), request.force(), caller.username()),
                "Reconciliation task scheduled");
    }

    @Schema(name = "TriggerConsumptionSyncRequestRequest")
    record TriggerConsumptionSyncRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "2000", maximum = "2100")
            Integer year,

            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "12")
            Integer month,

            String settingsUuid,
            String resourceUuid) {}
}
