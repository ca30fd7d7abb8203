package org.arrowsync.jobs;

import java.time.YearMonth;
import org.arrowsync.billing.BillingProperties;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.billing.BillingValidation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Job handlers of the billing feature: they read the job's parameters and call the feature. */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

    @Bean
    JobHandler billingSyncJob(BillingSyncService billing) {
        return JobHandler.of(JobKind.BILLING_SYNC, (job, progress) -> {
            JobParameters.BillingSync parameters = job.parameters(JobParameters.BillingSync.class);
            return billing.sync(
                    billing.target(
                            job.period().getYear(),
                            job.period().getMonthValue(),
                            job.settingsUuid(),
                            parameters.resourceUuid()),
                    progress);
        });
    }

    @Bean
    JobHandler billingReconciliationJob(BillingReconciliation reconciliation) {
        return JobHandler.of(JobKind.BILLING_RECONCILIATION, (job, progress) -> {
            JobParameters.BillingReconciliation parameters = job.parameters(JobParameters.BillingReconciliation.class);
            return reconciliation.reconcile(
                    reconciliation.target(
                            job.period().getYear(),
                            job.period().getMonthValue(),
                            job.settingsUuid(),
                            parameters.force()),
                    progress);
        });
    }

    /** With auto-reconciliation on, every month that has validated syncs after the check is reconciled next. */
    @Bean
    JobHandler billingValidationJob(BillingValidation validation, BillingProperties properties, @Lazy JobService jobs) {
        return JobHandler.of(JobKind.BILLING_VALIDATION, (job, progress) -> {
            BillingValidation.ValidationReport report = validation.check(job.settingsUuid(), progress);
            if (properties.autoReconcile()) {
                for (String period : report.periods()) {
                    jobs.submit(new JobRequest(
                            job.settingsId(),
                            job.settingsUuid(),
                            YearMonth.parse(period),
                            new JobParameters.BillingReconciliation(false),
                            JobRequest.BY_SCHEDULE));
                }
            }
            return report;
        });
    }
}
