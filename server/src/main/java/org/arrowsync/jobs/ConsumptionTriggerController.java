package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.consumption.SyncOrder;
import org.arrowsync.consumption.SyncOrders;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Uuids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Queues consumption runs and finalisations; the request is validated by the feature before anything is queued. */
@Tag(name = "Consumption")
@RestController
@RequestMapping("/api/admin/arrow/billing-syncs/")
class ConsumptionTriggerController {

    private final SyncOrders orders;
    private final JobService jobs;

    ConsumptionTriggerController(SyncOrders orders, JobService jobs) {
        this.orders = orders;
        this.jobs = jobs;
    }

    @PostMapping("trigger_consumption_sync/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue a consumption sync of a month",
            operationId = "admin_arrow_billing_syncs_trigger_consumption_sync")
    ResponseEntity<JobController.Accepted> triggerConsumptionSync(
            @RequestBody TriggerConsumptionSyncRequest request, Caller caller) {
        SyncOrder order =
                orders.consumptionSync(request.year(), request.month(), request.settingsUuid(), request.resourceUuid());
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        parameters.put(ConsumptionJobs.RESOURCE_UUID, Uuids.hex(order.resourceUuid()));
        String scope =
                order.resourceUuid() == null ? null : order.resourceUuid().toString();
        return JobController.accepted(
                jobs.submit(request(JobKind.CONSUMPTION_SYNC, order, scope, parameters, caller)),
                "Consumption sync task scheduled");
    }

    @PostMapping("trigger_reconciliation/")
    @ApiResponse(responseCode = "202", description = "Queued: the job's uuid; follow it at Location")
    @Operation(
            summary = "Queue finalisation of a month's consumption against the billing export",
            operationId = "admin_arrow_billing_syncs_trigger_reconciliation")
    ResponseEntity<JobController.Accepted> triggerReconciliation(@RequestBody ReconcileRequest request, Caller caller) {
        boolean force = Boolean.TRUE.equals(request.force());
        SyncOrder order = orders.finalisation(request.year(), request.month(), request.settingsUuid(), force);
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        parameters.put(ConsumptionJobs.FORCE, force);
        return JobController.accepted(
                jobs.submit(
                        request(JobKind.CONSUMPTION_RECONCILIATION, order, force ? "force" : null, parameters, caller)),
                "Reconciliation task scheduled");
    }

    static JobRequest request(JobKind kind, SyncOrder order, String scope, ObjectNode parameters, Caller caller) {
        return new JobRequest(
                kind,
                order.settings().id(),
                order.settings().uuid(),
                order.period().toString(),
                scope,
                parameters,
                caller == null ? "schedule" : caller.username());
    }

    /** The contract's {@code TriggerConsumptionSyncRequestRequest}. */
    record TriggerConsumptionSyncRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) Integer year,
            @Schema(requiredMode = RequiredMode.REQUIRED) Integer month,
            String settingsUuid,
            String resourceUuid) {}
}
