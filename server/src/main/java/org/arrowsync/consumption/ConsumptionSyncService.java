package org.arrowsync.consumption;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowUnauthorized;
import org.arrowsync.consumption.ConsumptionRecordRepository.MonthRecords;
import org.arrowsync.consumption.ConsumptionRecordRepository.ResourceLicense;
import org.arrowsync.consumption.LicenseMonthBilling.Outcome;
import org.arrowsync.consumption.LicenseMonthBilling.Pricing;
import org.arrowsync.ledger.Resource;
import org.arrowsync.shared.DatabaseConnectionLost;
import org.arrowsync.shared.FailureMessages;
import org.arrowsync.shared.LogContext;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The consumption run of one settings record and month: every licensed resource's consumption is fetched on a bounded
 * worker pool (the client's rate limiter keeps the request rate) and recorded license by license. One failing license
 * is reported on the run and the rest continue; a lost database connection fails the run instead.
 */
@Service
public class ConsumptionSyncService {

    static final int KEPT_ERRORS = 100;
    /** Untracked licenses a run names; it counts them all. */
    private static final int KEPT_NAMES = 3;
    /** Why a run recorded nothing, on the job, so that a run with nothing to do does not look like a success. */
    static final String NO_RESOURCES = "no licensed resources for the mapped customers";

    private static final Logger log = LoggerFactory.getLogger(ConsumptionSyncService.class);
    /** A line's note as the report words it, {@code consumption line 3: <problem>}. */
    private static final Pattern NUMBERED_NOTE = Pattern.compile("consumption line \\d+: (.+)");

    private final LicensedResources scope;
    private final ConsumptionRecordRepository records;
    private final LicenseMonthBilling provisional;
    private final ArrowClients clients;
    private final ConsumptionProperties properties;
    private final SyncPause status;
    private final RetiredRecords retired;
    private final RecordCountFolds folds;
    private final Clock clock;

    ConsumptionSyncService(
            LicensedResources scope,
            ConsumptionRecordRepository records,
            LicenseMonthBilling provisional,
            ArrowClients clients,
            ConsumptionProperties properties,
            SyncPause status,
            RetiredRecords retired,
            RecordCountFolds folds,
            Clock clock) {
        this.scope = scope;
        this.records = records;
        this.provisional = provisional;
        this.clients = clients;
        this.properties = properties;
        this.status = status;
        this.retired = retired;
        this.folds = folds;
        this.clock = clock;
    }

    public ConsumptionSyncReport sync(SyncOrder order, Progress progress) {
        retired.adopt(order.settings(), progress);
        MonthRecords month = records.ofMonth(order.period().atDay(1));
        LicensedResources.Covered covered = scope.of(order.settings(), month.recorded(), order.resourceUuid());
        List<Resource> resources = covered.billed();
        ArrowClient client = clients.connect(order.settings().connection());
        Pricing pricing = provisional.pricing(order.settings());
        YearMonth current = YearMonth.now(clock);
        Tally tally = new Tally(progress);
        covered.leftOut().forEach(left -> tally.error(left.resource(), new LicenseLinkedTwice(left)));
        List<Resource> due = new ArrayList<>();
        for (Resource resource : resources) {
            if (month.finalized().contains(ResourceLicense.of(resource))) {
                tally.count(Outcome.SKIPPED_FINALIZED);
            } else {
                due.add(resource);
            }
        }
        progress.add("resources", resources.size() + covered.leftOut().size());
        if (order.resourceUuid() == null) {
            untracked(order, covered, progress);
        }
        runAll(due, resource -> {
            try {
                Consumption consumption =
                        Consumption.fetch(client, resource.licenseReference(), order.period(), current);
                tally.count(provisional.record(resource, order.period(), consumption, pricing, false));
                folds.written();
                tally.notes(resource, consumption.notes());
            } catch (RuntimeException e) {
                // D21: the one boundary per license. Whatever it throws (Arrow, the ledger's checks, the database),
                // its transaction rolled back; it is reported for that license and the others go on. A lost database
                // connection is no license's failure: it fails the run, which runs again (D62).
                DatabaseConnectionLost.rethrowIfCauses(e);
                if (e instanceof ArrowUnauthorized refused && refused.keyRefused()) {
                    // Arrow refused the key: every license would be refused alike, so the run fails once saying so. A
                    // 403 is a right this key lacks for one license (D30), that license's failure.
                    throw e;
                }
                tally.error(resource, e);
            }
        });
        ConsumptionSyncReport report =
                tally.report(resources.isEmpty() && covered.leftOut().isEmpty() ? NO_RESOURCES : null);
        folds.runEnded();
        if (report.recordedNothingButFailures()) {
            // D296: a run that recorded nothing and failed is no success a monitor may read as one
            throw new NoConsumptionRecorded(report);
        }
        status.ran(order.settings(), clock.instant());
        log.info(
                "Consumption sync {} of settings {}: {}",
                order.period(),
                order.settings().uuid(),
                report.summary());
        return report;
    }

    /**
     * Names the licenses recorded earlier in the month that the run no longer covers, as when their customer's mapping
     * was deactivated or pointed at another customer: their records keep what was last recorded until the month's
     * finalisation bills Arrow's final amount (D114), and the run says so rather than leaving them without a word.
     */
    private void untracked(SyncOrder order, LicensedResources.Covered covered, Progress progress) {
        List<ResourceLicense> tracked = Stream.concat(
                        covered.billed().stream(), covered.leftOut().stream().map(LicensedResources.LeftOut::resource))
                .map(ResourceLicense::of)
                .toList();
        List<ConsumptionRecord> untracked =
                records.untracked(order.settings().id(), order.period().atDay(1), tracked);
        if (untracked.isEmpty()) {
            return;
        }
        progress.add("licenses_untracked", untracked.size());
        progress.error(untracked.size() + (untracked.size() == 1 ? " license" : " licenses") + " recorded earlier in "
                + order.period() + " " + (untracked.size() == 1 ? "is" : "are") + " no longer tracked (first: "
                + untracked.stream()
                        .limit(KEPT_NAMES)
                        .map(record -> record.licenseReference() + " of " + record.customerName())
                        .collect(Collectors.joining(", "))
                + "): no active customer mapping of these settings names the customer of its resource now, or the"
                + " resource is no longer OK or carries another license. What was recorded stands until the month's"
                + " finalisation bills Arrow's final amount.");
    }

    /**
     * Runs the work of every resource on the pool. A worker that fails (only a lost database connection and a refused
     * key leave the per-license boundary) ends the run as soon as it does: the licenses still to go would only fail the
     * same way.
     */
    private void runAll(List<Resource> resources, Consumer<Resource> work) {
        if (resources.isEmpty()) {
            return;
        }
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(properties.workers(), resources.size())),
                task -> new Thread(task, "consumption-worker-" + made.incrementAndGet()));
        try {
            CompletionService<Void> running = new ExecutorCompletionService<>(pool);
            for (Resource resource : resources) {
                running.submit(LogContext.carried(() -> work.accept(resource)), null);
            }
            for (int finished = 0; finished < resources.size(); finished++) {
                running.take().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Consumption sync interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Consumption sync worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The run's counts, safe to update from the workers. */
    private static final class Tally {

        private final Progress progress;
        private final AtomicInteger synced = new AtomicInteger();
        private final AtomicInteger noData = new AtomicInteger();
        private final AtomicInteger skippedFinalized = new AtomicInteger();
        private final AtomicInteger billedElsewhere = new AtomicInteger();
        private final AtomicInteger errorCount = new AtomicInteger();
        private final List<SyncError> errors = new ArrayList<>();

        Tally(Progress progress) {
            this.progress = progress;
        }

        void count(Outcome outcome) {
            AtomicInteger counter = switch (outcome) {
                case SYNCED -> synced;
                case NO_DATA -> noData;
                case SKIPPED_FINALIZED -> skippedFinalized;
                case BILLED_BY_BILLING_SYNC -> billedElsewhere;
            };
            counter.incrementAndGet();
            progress.increment(outcome.name().toLowerCase());
        }

        /**
         * Lines Arrow sent that could not be read in full (the month was still recorded from the rest). Each is
         * counted; the same problem of several lines is said once, with how many lines have it, so that a report whose
         * every line has surplus cells does not bury the run's errors.
         */
        void notes(Resource resource, List<String> notes) {
            Map<String, List<String>> byProblem = new LinkedHashMap<>();
            for (String note : notes) {
                progress.increment("line_problems");
                Matcher numbered = NUMBERED_NOTE.matcher(note);
                byProblem
                        .computeIfAbsent(numbered.matches() ? numbered.group(1) : note, key -> new ArrayList<>())
                        .add(note);
            }
            byProblem.forEach((problem, lines) -> progress.error(resource.licenseReference() + ": "
                    + (lines.size() == 1 ? lines.get(0) : lines.size() + " consumption lines: " + problem)));
        }

        void error(Resource resource, RuntimeException e) {
            errorCount.incrementAndGet();
            String message =
                    FailureMessages.ofOne(e, log, "Consumption sync of license " + resource.licenseReference());
            progress.error(resource.licenseReference() + ": " + message);
            synchronized (errors) {
                if (errors.size() < KEPT_ERRORS) {
                    errors.add(new SyncError(Uuids.hex(resource.uuid()), resource.licenseReference(), message));
                }
            }
        }

        ConsumptionSyncReport report(String message) {
            synchronized (errors) {
                return new ConsumptionSyncReport(
                        synced.get(),
                        noData.get(),
                        skippedFinalized.get(),
                        billedElsewhere.get(),
                        errorCount.get(),
                        List.copyOf(errors),
                        message);
            }
        }
    }

    /**
     * What a consumption run did; {@code errors} keeps the first failures, {@code errorCount} counts them all;
     * {@code message} says why a run had nothing to do, else null.
     */
    public record ConsumptionSyncReport(
            int synced,
            int noData,
            int skippedFinalized,
            int billedByBillingSync,
            int errorCount,
            List<SyncError> errors,
            String message) {

        /**
         * Whether the run failed for some license and recorded none (the others had no consumption for the month),
         * D296.
         */
        boolean recordedNothingButFailures() {
            return errorCount > 0 && synced + skippedFinalized + billedByBillingSync == 0;
        }

        String summary() {
            String counts = "synced=" + synced + " no_data=" + noData + " skipped_finalized=" + skippedFinalized
                    + " billed_by_billing_sync=" + billedByBillingSync + " errors=" + errorCount;
            return message == null ? counts : counts + " (" + message + ")";
        }
    }

    public record SyncError(String resourceUuid, String licenseReference, String error) {}
}
