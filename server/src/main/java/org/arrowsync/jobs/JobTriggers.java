package org.arrowsync.jobs;

import java.util.UUID;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.billing.BillingSyncService.SyncTarget;
import org.arrowsync.consumption.SyncOrder;
import org.arrowsync.consumption.SyncOrders;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The queued actions an operator triggers, from the API or the console: each request is checked by its feature first (a
 * bad one is refused before anything is queued), then queued as a job or joined to the one already queued.
 */
@Service
public class JobTriggers {

    private final BillingSyncService billing;
    private final BillingReconciliation reconciliation;
    private final SyncOrders orders;
    private final JobService jobs;

    JobTriggers(BillingSyncService billing, BillingReconciliation reconciliation, SyncOrders orders, JobService jobs) {
        this.billing = billing;
        this.reconciliation = reconciliation;
        this.orders = orders;
        this.jobs = jobs;
    }

    public JobService.Submitted billingSync(
            Integer year, Integer month, String settingsUuid, String resourceUuid, String triggeredBy) {
        UUID settings = Filters.uuid("settings_uuid", settingsUuid);
        UUID resourceId = Filters.uuid("resource_uuid", resourceUuid);
        String resource = Uuids.hex(resourceId);
        SyncTarget target = billing.target(year, month, settings, resourceId);
        ObjectNode parameters = JsonNodeFactory.instance
                .objectNode()
                .put("year", year)
                .put("month", month)
                .put("resource_uuid", resource);
        return jobs.submit(new JobRequest(
                JobKind.BILLING_SYNC,
                target.settings().id(),
                target.settings().uuid(),
                target.period().toString(),
                resource,
                parameters,
                triggeredBy));
    }

    public JobService.Submitted reconcile(
            Integer year, Integer month, String settingsUuid, Boolean force, String triggeredBy) {
        boolean forced = Boolean.TRUE.equals(force);
        BillingReconciliation.Target target =
                reconciliation.target(year, month, Filters.uuid("settings_uuid", settingsUuid), forced);
        ObjectNode parameters = JsonNodeFactory.instance
                .objectNode()
                .put("year", year)
                .put("month", month)
                .put("force", forced);
        return jobs.submit(new JobRequest(
                JobKind.BILLING_RECONCILIATION,
                target.settings().id(),
                target.settings().uuid(),
                target.period().toString(),
                null,
                parameters,
                triggeredBy));
    }

    public JobService.Submitted consumptionSync(
            Integer year, Integer month, String settingsUuid, String resourceUuid, String triggeredBy) {
        SyncOrder order = orders.consumptionSync(year, month, settingsUuid, resourceUuid);
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        parameters.put(ConsumptionJobs.RESOURCE_UUID, Uuids.hex(order.resourceUuid()));
        String scope =
                order.resourceUuid() == null ? null : order.resourceUuid().toString();
        return jobs.submit(request(JobKind.CONSUMPTION_SYNC, order, scope, parameters, triggeredBy));
    }

    public JobService.Submitted finalisation(
            Integer year, Integer month, String settingsUuid, Boolean force, String triggeredBy) {
        boolean forced = Boolean.TRUE.equals(force);
        SyncOrder order = orders.finalisation(year, month, settingsUuid, forced);
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        parameters.put(ConsumptionJobs.FORCE, forced);
        return jobs.submit(
                request(JobKind.CONSUMPTION_RECONCILIATION, order, forced ? "force" : null, parameters, triggeredBy));
    }

    static JobRequest request(JobKind kind, SyncOrder order, String scope, ObjectNode parameters, String triggeredBy) {
        return new JobRequest(
                kind,
                order.settings().id(),
                order.settings().uuid(),
                order.period().toString(),
                scope,
                parameters,
                triggeredBy == null ? BillingSchedules.BY_SCHEDULE : triggeredBy);
    }
}
