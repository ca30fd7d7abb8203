package org.arrowsync.jobs;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.arrowsync.billing.BillingProperties;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.billing.BillingValidation;
import org.arrowsync.shared.Periods;
import org.arrowsync.shared.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Job handlers of the billing feature: they read the job's parameters and call the feature. */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

    private final BillingValidation validation;
    private final BillingProperties properties;
    private final JobService jobs;
    private final Clock clock;

    BillingJobs(BillingValidation validation, BillingProperties properties, @Lazy JobService jobs, Clock clock) {
        this.validation = validation;
        this.properties = properties;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * A month that is final when its sync ends is validated by the sync's job, by the validation check of that month,
     * rather than at the next periodic check (D68). A sync limited to one resource read that resource's lines alone, so
     * its job validates nothing: the customers' other lines may not be in yet, and a validated sync takes none (D147).
     */
    @Bean
    JobHandler billingSyncJob(BillingSyncService billing) {
        return JobHandler.of(JobKind.BILLING_SYNC, (job, progress) -> {
            JobParameters.BillingSync parameters = job.parameters(JobParameters.BillingSync.class);
            Synced synced = syncValidating(billing, job, parameters.resourceUuid(), progress);
            BillingSyncService.SyncReport report = synced.report();
            Set<String> toReconcile = new LinkedHashSet<>(synced.validated().periods());
            if (report.lateLines() > 0) {
                // D95: lines Arrow added to a month validated (and perhaps reconciled) before wait for its next one
                toReconcile.add(job.period().toString());
            }
            reconcileIfAutomatic(job, toReconcile);
            return report;
        });
    }

    /**
     * Syncs the job's month (one resource's lines when {@code resourceUuid} is given) and, for a whole month, validates
     * it by the month's validation check, begun before the sync (D68): a sync of one resource validates nothing (D147).
     */
    private Synced syncValidating(BillingSyncService billing, Job job, UUID resourceUuid, Progress progress) {
        BillingValidation.MonthCheck validating = resourceUuid == null
                ? validation.startCheck(job.settingsUuid(), job.period())
                : BillingValidation.MonthCheck.NONE;
        BillingSyncService.SyncReport report = billing.sync(
                billing.target(job.period().getYear(), job.period().getMonthValue(), job.settingsUuid(), resourceUuid),
                progress);
        return new Synced(report, validating.complete(progress));
    }

    private record Synced(BillingSyncService.SyncReport report, BillingValidation.ValidationReport validated) {}

    /**
     * D105: a reconciliation syncs its month first (see {@link BillingReconciliation#syncsFirst}), its counts kept
     * apart in the job's progress ({@code sync_...}); that sync validates a month Arrow has made final as a sync's job
     * does (D68), so the reconciliation that follows takes it (D213).
     */
    @Bean
    JobHandler billingReconciliationJob(BillingReconciliation reconciliation, BillingSyncService billing) {
        return JobHandler.of(JobKind.BILLING_RECONCILIATION, (job, progress) -> {
            JobParameters.BillingReconciliation parameters = job.parameters(JobParameters.BillingReconciliation.class);
            int year = job.period().getYear();
            int month = job.period().getMonthValue();
            BillingReconciliation.Target target =
                    reconciliation.target(year, month, job.settingsUuid(), parameters.force());
            if (reconciliation.syncsFirst(target)) {
                syncValidating(billing, job, null, progress.prefixed("sync_"));
            }
            BillingReconciliation.Report report = reconciliation.reconcile(target, progress);
            if (report.changesConsumption()) {
                // D119, D191: the license-months the lines left, joined or dropped out of are consumption tracking's
                // to finalise again, whichever month this is; the job says so, as what it books comes after it
                queue(job, job.period(), new JobParameters.ConsumptionFinalisation(false));
                progress.increment("consumption_finalisation_queued");
            }
            return report;
        });
    }

    /**
     * With auto-reconciliation on, the months the check validates are reconciled next, and so are those a
     * reconciliation left validated (a correction its invoice could not take, D108, or a failure): each check tries
     * them again.
     */
    @Bean
    JobHandler billingValidationJob(BillingReconciliation reconciliation) {
        return JobHandler.of(JobKind.BILLING_VALIDATION, (job, progress) -> {
            BillingValidation.ValidationReport report = validation.check(job.settingsUuid(), progress);
            Set<String> toReconcile = new TreeSet<>(report.periods());
            if (properties.autoReconcile()) {
                reconciliation.waiting(job.settingsUuid()).forEach(period -> toReconcile.add(period.toString()));
            }
            reconcileIfAutomatic(job, toReconcile);
            return report;
        });
    }

    /**
     * With auto-reconciliation on, each of the months (validated syncs, or late lines of a validated month) is
     * reconciled next, but the month under way (D171): one reconciled by force before that decision takes late lines,
     * which wait for it to end.
     */
    private void reconcileIfAutomatic(Job job, Collection<String> periods) {
        if (properties.autoReconcile()) {
            periods.stream()
                    .map(YearMonth::parse)
                    .filter(period -> !Periods.underWay(period, clock))
                    .forEach(period -> queue(job, period, new JobParameters.BillingReconciliation(false)));
        }
    }

    /** Queues work that this job's outcome calls for, for its settings and the month given. */
    private void queue(Job job, YearMonth period, JobParameters parameters) {
        jobs.submit(new JobRequest(job.settingsId(), job.settingsUuid(), period, parameters, JobRequest.BY_SCHEDULE));
    }
}
