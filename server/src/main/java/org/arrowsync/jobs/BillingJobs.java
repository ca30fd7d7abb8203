package org.arrowsync.jobs;

import java.time.YearMonth;
import org.arrowsync.billing.BillingProperties;
import org.arrowsync.billing.BillingReconciliation;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.billing.BillingValidation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Job handlers of the billing feature: they read the job's parameters and call the feature. */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

    @Bean
    JobHandler billingSyncJob(BillingSyncService billing) {
        return JobHandler.of(JobKind.BILLING_SYNC, (job, progress) -> {
            JsonNode p = job.parameters();
            return billing.sync(
                    billing.target(
                            p.get("year").asInt(),
                            p.get("month").asInt(),
                            job.settingsUuid(),
                            JobHandler.uuidParameter(job, "resource_uuid")),
                    progress);
        });
    }

    @Bean
    JobHandler billingReconciliationJob(BillingReconciliation reconciliation) {
        return JobHandler.of(JobKind.BILLING_RECONCILIATION, (job, progress) -> {
            JsonNode p = job.parameters();
            return reconciliation.reconcile(
                    reconciliation.target(
                            p.get("year").asInt(),
                            p.get("month").asInt(),
                            job.settingsUuid(),
                            p.path("force").asBoolean(false)),
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
                    YearMonth month = YearMonth.parse(period);
                    jobs.submit(new JobRequest(
                            JobKind.BILLING_RECONCILIATION,
                            job.settingsId(),
                            job.settingsUuid(),
                            period,
                            null,
                            JsonNodeFactory.instance
                                    .objectNode()
                                    .put("year", month.getYear())
                                    .put("month", month.getMonthValue()),
                            BillingSchedules.BY_SCHEDULE));
                }
            }
            return report;
        });
    }
}
