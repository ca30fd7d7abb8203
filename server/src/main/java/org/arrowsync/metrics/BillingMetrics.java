package org.arrowsync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.arrowsync.billing.BillingSyncService.SyncReport;
import org.arrowsync.billing.BillingSynced;
import org.arrowsync.billing.UnmatchedCustomer;
import org.arrowsync.shared.Uuids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Billing lines per settings record by outcome (synced, unmatched, rejected: the counts each sync job reports), and the
 * amount the latest full sync of each month left unbilled because its lines matched no customer mapping.
 */
@Component
class BillingMetrics {

    private final MeterRegistry registry;
    private final MultiGauge unmatchedAmount;
    /** The latest full run's unmatched amount per settings, month and currency. */
    private final Map<Unmatched, BigDecimal> unmatched = new HashMap<>();

    BillingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.unmatchedAmount = MultiGauge.builder("arrowsync.billing.unmatched.amount")
                .description("Amount of the month's export lines that matched no customer mapping, at the latest full"
                        + " sync")
                .register(registry);
    }

    @EventListener
    void synced(BillingSynced synced) {
        String settings = Uuids.hex(synced.settingsUuid());
        SyncReport report = synced.report();
        lines(settings, "synced", report.linesSynced());
        lines(settings, "unmatched", report.linesUnmatched());
        lines(settings, "rejected", report.linesRejected());
        if (report.license() == null) {
            unmatched(settings, report);
        }
    }

    private void lines(String settings, String outcome, long count) {
        Counter.builder("arrowsync.billing.lines")
                .description("Billing export lines by outcome: synced, unmatched (no customer mapping), rejected"
                        + " (unusable)")
                .tag("settings", settings)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    /** The month's amounts replace those of its previous full run; a month without unmatched lines has none. */
    private synchronized void unmatched(String settings, SyncReport report) {
        unmatched
                .keySet()
                .removeIf(key -> key.settings().equals(settings) && key.period().equals(report.period()));
        for (UnmatchedCustomer customer : report.unmatched()) {
            unmatched.merge(
                    new Unmatched(settings, report.period(), customer.currency()), customer.amount(), BigDecimal::add);
        }
        unmatchedAmount.register(
                unmatched.entrySet().stream()
                        .map(entry -> MultiGauge.Row.of(entry.getKey().tags(), entry.getValue()))
                        .toList(),
                true);
    }

    private record Unmatched(String settings, String period, String currency) {

        Tags tags() {
            return Tags.of("settings", settings, "period", period, "currency", currency);
        }
    }
}
