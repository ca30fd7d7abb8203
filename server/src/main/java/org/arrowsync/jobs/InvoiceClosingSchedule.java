package org.arrowsync.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.arrowsync.ledger.InvoiceService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Past months' pending invoices become created. */
@Configuration(proxyBeanMethods = false)
class InvoiceClosingSchedule {

    @Bean
    RecurringTask<Void> closePastInvoices(InvoiceService invoices, JobsProperties properties) {
        return Tasks.recurring("close-past-invoices", FixedDelay.of(properties.invoiceClosingInterval()))
                .execute((instance, context) -> invoices.closePastMonths());
    }
}
