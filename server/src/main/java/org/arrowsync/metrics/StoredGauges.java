package org.arrowsync.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.arrowsync.billing.BilledAmounts;
import org.arrowsync.consumption.ConsumptionStatistics;
import org.arrowsync.health.ArrowReachability;
import org.arrowsync.jobs.JobStatistics;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Figures read from the database (or the reachability this server saw) when Prometheus scrapes, so that every server
 * instance sharing the database reports the same: jobs per kind and state, the queue's lag, each settings record's last
 * successful run of each kind, pending consumption records, what the latest months bill and what reconciliation
 * adjusted, and whether each settings record's Arrow API answers.
 */
@Component
class StoredGauges {

    private static final Logger log = LoggerFactory.getLogger(StoredGauges.class);

    private final JobStatistics jobStatistics;
    private final ConsumptionStatistics consumption;
    private final BilledAmounts billed;
    private final SettingsService settings;
    private final ArrowReachability reachability;

    private final MultiGauge jobs;
    private final MultiGauge lastSuccess;
    private final MultiGauge billedAmount;
    private final MultiGauge adjustedAmount;
    private final MultiGauge unmatchedAmount;
    private final MultiGauge reachable;
    private final AtomicLong queueLagSeconds = new AtomicLong();
    private final AtomicLong pendingRecords = new AtomicLong();

    StoredGauges(
            JobStatistics jobStatistics,
            ConsumptionStatistics consumption,
            BilledAmounts billed,
            SettingsService settings,
            ArrowReachability reachability,
            MeterRegistry registry) {
        this.jobStatistics = jobStatistics;
        this.consumption = consumption;
        this.billed = billed;
        this.settings = settings;
        this.reachability = reachability;
        this.jobs = MultiGauge.builder("arrowsync.jobs")
                .description("Jobs by kind and state")
                .register(registry);
        this.lastSuccess = MultiGauge.builder("arrowsync.last.success.timestamp")
                .description("When a job of the kind last succeeded for the settings record (Unix time)")
                .baseUnit("seconds")
                .register(registry);
        this.billedAmount = MultiGauge.builder("arrowsync.billed.amount")
                .description("What the billing syncs bill for the month: their lines' invoice items")
                .register(registry);
        this.adjustedAmount = MultiGauge.builder("arrowsync.reconciliation.adjustment.amount")
                .description("What reconciliation booked on top for the month (negative: credited)")
                .register(registry);
        this.unmatchedAmount = MultiGauge.builder("arrowsync.billing.unmatched.amount")
                .description("Amount of the month's export lines that matched no customer mapping, at the latest full"
                        + " sync")
                .register(registry);
        this.reachable = MultiGauge.builder("arrowsync.arrow.reachable")
                .description("1 while the settings record's Arrow API answers, 0 while it does not (this server's"
                        + " view; absent before any call)")
                .register(registry);
        Gauge.builder("arrowsync.jobs.queue.lag", queueLagSeconds, AtomicLong::get)
                .description("How long the oldest queued job has waited (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("arrowsync.consumption.records.pending", pendingRecords, AtomicLong::get)
                .description("Consumption records not finalised against Arrow's billing export yet")
                .register(registry);
    }

    /** Reads every figure anew; a database that does not answer leaves the previous figures (and says so once). */
    synchronized void refresh() {
        try {
            jobs.register(
                    jobStatistics.counts().stream()
                            .map(count -> MultiGauge.Row.of(
                                    Tags.of("kind", count.kind(), "state", count.state()), count.jobs()))
                            .toList(),
                    true);
            queueLagSeconds.set(jobStatistics.queueLag().toSeconds());
            lastSuccess.register(
                    jobStatistics.lastSuccesses().stream()
                            .map(success -> MultiGauge.Row.of(
                                    Tags.of(
                                            "settings",
                                            Uuids.hex(success.settingsUuid()),
                                            "kind",
                                            success.kind().value()),
                                    success.finished().getEpochSecond()))
                            .toList(),
                    true);
            pendingRecords.set(consumption.pendingRecords());
            List<MultiGauge.Row<?>> invoiced = new ArrayList<>();
            List<MultiGauge.Row<?>> adjusted = new ArrayList<>();
            for (BilledAmounts.Billed month : billed.latestMonths()) {
                Tags tags = Tags.of(
                        "settings", Uuids.hex(month.settingsUuid()),
                        "period", month.period().toString(),
                        "currency", month.currency());
                invoiced.add(MultiGauge.Row.of(tags, month.invoiced()));
                adjusted.add(MultiGauge.Row.of(tags, month.adjusted()));
            }
            billedAmount.register(invoiced, true);
            adjustedAmount.register(adjusted, true);
            unmatchedAmount.register(
                    billed.unmatchedMonths().stream()
                            .map(month -> MultiGauge.Row.of(
                                    Tags.of(
                                            "settings", Uuids.hex(month.settingsUuid()),
                                            "period", month.period().toString(),
                                            "currency", month.currency()),
                                    month.amount()))
                            .toList(),
                    true);
            reachable.register(reachability(), true);
        } catch (DataAccessException e) {
            log.warn("Metrics read from the database are stale: {}", e.getMessage());
        }
    }

    private List<MultiGauge.Row<?>> reachability() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Settings one : settings.inUse()) {
            reachability
                    .of(one.apiUrl())
                    .ifPresent(known -> rows.add(
                            MultiGauge.Row.of(Tags.of("settings", Uuids.hex(one.uuid())), known.reachable() ? 1 : 0)));
        }
        return rows;
    }
}
