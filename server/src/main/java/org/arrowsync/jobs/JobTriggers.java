package org.arrowsync.jobs;

import java.util.UUID;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.billing.BillingSyncService.SyncTarget;
import org.arrowsync.consumption.SyncOrder;
import org.arrowsync.consumption.SyncOrders;
import org.arrowsync.pricing.LineScope;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;

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
        UUID resource = Uuids.optionalField("resource_uuid", resourceUuid);
        SyncTarget target = billing.target(year, month, Uuids.optionalField("settings_uuid", settingsUuid), resource);
        return jobs.submit(new JobRequest(
                target.settings().id(),
                target.settings().uuid(),
                target.period(),
                new JobParameters.BillingSync(resource),
                triggeredBy));
    }

    public JobService.Submitted reconcile(
            Integer year, Integer month, String settingsUuid, Boolean force, String triggeredBy) {
        boolean forced = Boolean.TRUE.equals(force);
        BillingReconciliation.Target target =
                reconciliation.target(year, month, Uuids.optionalField("settings_uuid", settingsUuid), forced);
        return jobs.submit(new JobRequest(
                target.settings().id(),
                target.settings().uuid(),
                target.period(),
                new JobParameters.BillingReconciliation(forced),
                triggeredBy));
    }

    public JobService.Submitted consumptionSync(
            Integer year, Integer month, String settingsUuid, String resourceUuid, String triggeredBy) {
        SyncOrder order = orders.consumptionSync(year, month, settingsUuid, resourceUuid);
        return jobs.submit(request(order, new JobParameters.ConsumptionSync(order.resourceUuid()), triggeredBy));
    }

    public JobService.Submitted finalisation(
            Integer year, Integer month, String settingsUuid, Boolean force, String triggeredBy) {
        boolean forced = Boolean.TRUE.equals(force);
        SyncOrder order = orders.finalisation(year, month, settingsUuid, forced);
        return jobs.submit(request(order, new JobParameters.ConsumptionFinalisation(forced), triggeredBy));
    }

    /**
     * A confirmed re-pricing of a scope {@code Repricing.scope} checked; one confirmed from a preview that showed
     * {@code plan} books that plan or nothing (D203), one without (the API's) the plan as it is when it runs.
     */
    public JobService.Submitted reprice(LineScope scope, String plan, String triggeredBy) {
        return jobs.submit(new JobRequest(
                scope.settings().id(),
                scope.settings().uuid(),
                scope.period(),
                new JobParameters.Reprice(scope.customerUuid(), plan),
                triggeredBy));
    }

    static JobRequest request(SyncOrder order, JobParameters parameters, String triggeredBy) {
        return new JobRequest(order.settings().id(), order.settings().uuid(), order.period(), parameters, triggeredBy);
    }
}
