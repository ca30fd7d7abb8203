package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.arrowsync.billing.BillingSyncService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Housekeeping: past months' pending invoices become created; queued jobs that lost their execution get one; the
 * billing tables' maintenance that a stopped server left undone is done.
 */
@Configuration(proxyBeanMethods = false)
class HousekeepingSchedules {

    @Bean
    RecurringTask<Void> rescheduleOrphanJobs(JobService jobs) {
        return Tasks.recurring("reschedule-orphan-jobs", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> jobs.rescheduleOrphans());
    }

    /** Folds and indexes what a run's own maintenance could not, the server stopping first (D146). */
    @Bean
    RecurringTask<Void> billingMaintenance(BillingSyncService billing, JobsProperties properties) {
        return Tasks.recurring("billing-maintenance", FixedDelay.of(properties.billingMaintenanceInterval()))
                .execute((instance, context) -> billing.catchUpMaintenance());
    }

    @Bean
    RecurringTask<Void> closePastInvoices(InvoiceClosing closing, JobsProperties properties) {
        return Tasks.recurring("close-past-invoices", FixedDelay.of(properties.invoiceClosingInterval()))
                .execute((instance, context) -> closing.closePastMonths());
    }
}
