package org.arrowsync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.arrowsync.billing.BillingSyncService.SyncReport;
import org.arrowsync.billing.BillingSynced;
import org.arrowsync.shared.Uuids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Billing lines per settings record by outcome (synced, unmatched, rejected: the counts each sync job reports). The
 * amount a month's lines leave unmatched is stored, and read at each scrape ({@link StoredGauges}, D255).
 */
@Component
class BillingMetrics {

    private final MeterRegistry registry;

    BillingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void synced(BillingSynced synced) {
        String settings = Uuids.hex(synced.settingsUuid());
        SyncReport report = synced.report();
        lines(settings, "synced", report.linesSynced());
        lines(settings, "unmatched", report.linesUnmatched());
        lines(settings, "rejected", report.linesRejected());
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
}
