package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.YearMonth;
import org.arrowsync.billing.ScheduledMonths;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The periodic billing work, for every settings record with sync enabled: sync the months {@link ScheduledMonths} names
 * (the current one, those not yet validated, those that ended without a sync); check validation. Schedules only queue
 * jobs, the same jobs the API triggers.
 */
@Configuration(proxyBeanMethods = false)
class BillingSchedules {

    private final SettingsService settings;
    private final ScheduledMonths months;
    private final JobService jobs;

    BillingSchedules(SettingsService settings, ScheduledMonths months, JobService jobs) {
        this.settings = settings;
        this.months = months;
        this.jobs = jobs;
    }

    @Bean
    RecurringTask<Void> scheduledBillingSync(JobsProperties properties) {
        return Tasks.recurring("billing-sync", FixedDelay.of(properties.billingSyncInterval()))
                .execute((instance, context) -> queueSyncs());
    }

    @Bean
    RecurringTask<Void> scheduledBillingValidation(JobsProperties properties) {
        return Tasks.recurring("billing-validation", FixedDelay.of(properties.billingValidationInterval()))
                .execute((instance, context) -> queueValidations());
    }

    /**
     * One billing-sync job per month to sync of every sync-enabled settings record; returns how many were queued or
     * joined.
     */
    int queueSyncs() {
        int queued = 0;
        for (Settings chosen : settings.syncEnabled()) {
            for (YearMonth period : months.of(chosen)) {
                jobs.submit(new JobRequest(
                        chosen.id(),
                        chosen.uuid(),
                        period,
                        new JobParameters.BillingSync(null),
                        JobRequest.BY_SCHEDULE));
                queued++;
            }
        }
        return queued;
    }

    int queueValidations() {
        int queued = 0;
        for (Settings chosen : settings.syncEnabled()) {
            jobs.submit(new JobRequest(
                    chosen.id(), chosen.uuid(), null, new JobParameters.BillingValidation(), JobRequest.BY_SCHEDULE));
            queued++;
        }
        return queued;
    }
}
