package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.YearMonth;
import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The periodic billing work, for every settings record with sync enabled: sync the current month and every earlier
 * one not yet validated; check validation. Schedules only queue jobs, the same jobs the API triggers.
 */
@Configuration(proxyBeanMethods = false)
class BillingSchedules {

    static final String BY_SCHEDULE = "schedule";

    @Bean
    RecurringTask<Void> scheduledBillingSync(SettingsService settings, BillingSyncService billing, JobService jobs, JobsProperties properties) {
        return Tasks.recurring("billing-sync", FixedDelay.of(properties.billingSyncInterval())).execute((instance, context) -> {
            for (Settings chosen : settings.syncEnabled()) {
                for (YearMonth period : billing.periodsToSync(chosen)) {
                    jobs.submit(new JobRequest(JobKind.BILLING_SYNC, chosen.id(), chosen.uuid(), period.toString(), null,
                            JsonNodeFactory.instance.objectNode().put("year", period.getYear()).put("month", period.getMonthValue()),
                            BY_SCHEDULE));
                }
            }
        });
    }

    @Bean
    RecurringTask<Void> scheduledBillingValidation(SettingsService settings, JobService jobs, JobsProperties properties) {
        return Tasks.recurring("billing-validation", FixedDelay.of(properties.billingValidationInterval())).execute((instance, context) -> {
            for (Settings chosen : settings.syncEnabled()) {
                jobs.submit(new JobRequest(JobKind.BILLING_VALIDATION, chosen.id(), chosen.uuid(), null, null,
                        JsonNodeFactory.instance.objectNode(), BY_SCHEDULE));
            }
        });
    }
}
