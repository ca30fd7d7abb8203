package org.arrowsync.webhooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService.SyncReport;
import org.arrowsync.billing.BillingSynced;
import org.arrowsync.billing.BillingValidated;
import org.arrowsync.billing.ReconciliationBooked;
import org.arrowsync.billing.UnmatchedCustomer;
import org.arrowsync.health.ArrowReachabilityChanged;
import org.arrowsync.jobs.JobFinished;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Turns what the other modules publish into webhook events. It only records and queues deliveries (a few inserts):
 * whoever published the fact, a sync among them, never waits for a receiver, and a failure here is logged, never passed
 * on.
 */
@Component
class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final WebhookService webhooks;

    Alerts(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    void jobFinished(JobFinished job) {
        if (!job.succeeded()) {
            raise(
                    EventType.JOB_FAILED,
                    new JobFailed(
                            Uuids.hex(job.job()),
                            job.kind().value(),
                            Uuids.hex(job.settingsUuid()),
                            job.period() == null ? null : job.period().toString(),
                            job.errorMessage(),
                            job.triggeredBy(),
                            Uuids.hex(job.auditEntry()),
                            job.started(),
                            job.finished()));
        }
    }

    @EventListener
    void validated(BillingValidated validated) {
        raise(
                EventType.BILLING_VALIDATED,
                new Validated(Uuids.hex(validated.settingsUuid()), validated.syncs(), validated.periods()));
    }

    @EventListener
    void booked(ReconciliationBooked booked) {
        BillingReconciliation.Report report = booked.report();
        raise(
                EventType.RECONCILIATION_BOOKED,
                new Booked(
                        Uuids.hex(booked.settingsUuid()),
                        report.period(),
                        report.compensations(),
                        report.customers().stream()
                                .map(customer -> new CustomerBooked(
                                        Uuids.hex(customer.customerUuid()),
                                        customer.customerName(),
                                        customer.currency(),
                                        customer.compensations(),
                                        customer.amount()))
                                .toList()));
    }

    @EventListener
    void synced(BillingSynced synced) {
        SyncReport report = synced.report();
        if (report.linesUnmatched() == 0) {
            return;
        }
        Map<String, BigDecimal> amounts = new TreeMap<>();
        report.unmatched().forEach(customer -> amounts.merge(customer.currency(), customer.amount(), BigDecimal::add));
        raise(
                EventType.LINES_UNMATCHED,
                new Unmatched(
                        Uuids.hex(synced.settingsUuid()),
                        report.period(),
                        report.linesUnmatched(),
                        amounts.entrySet().stream()
                                .map(amount -> new Amount(amount.getKey(), amount.getValue()))
                                .toList(),
                        report.unmatched()));
    }

    @EventListener
    void reachability(ArrowReachabilityChanged changed) {
        raise(
                changed.reachable() ? EventType.ARROW_RECOVERED : EventType.ARROW_UNREACHABLE,
                new Reachability(
                        changed.apiUrl(),
                        changed.settingsUuids().stream().map(Uuids::hex).toList(),
                        changed.error(),
                        changed.at()));
    }

    private void raise(EventType type, Object data) {
        try {
            webhooks.raise(type, data);
        } catch (DataAccessException e) {
            log.error("Could not record the {} webhook event: {}", type.value(), e.getMessage());
        }
    }

    record JobFailed(
            String jobUuid,
            String kind,
            String settingsUuid,
            String period,
            String errorMessage,
            String triggeredBy,
            String auditEntry,
            Instant started,
            Instant finished) {}

    record Validated(String settingsUuid, int syncs, List<String> periods) {}

    record Booked(String settingsUuid, String period, int compensations, List<CustomerBooked> customers) {}

    /** What one customer was booked in one currency (negative: credited). */
    record CustomerBooked(
            String customerUuid, String customerName, String currency, int compensations, BigDecimal amount) {}

    record Unmatched(
            String settingsUuid, String period, long lines, List<Amount> amounts, List<UnmatchedCustomer> customers) {}

    record Amount(String currency, BigDecimal amount) {}

    /** An Arrow API URL, the settings records in use that call it, and the failure (empty when it answers again). */
    record Reachability(String apiUrl, List<String> settingsUuids, String error, Instant at) {}
}
