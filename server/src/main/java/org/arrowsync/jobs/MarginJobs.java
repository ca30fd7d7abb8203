package org.arrowsync.jobs;

import org.arrowsync.margins.Repricing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job kind of the margins feature: a confirmed re-pricing. */
@Configuration(proxyBeanMethods = false)
class MarginJobs {

    @Bean
    JobHandler repriceJob(Repricing repricing) {
        return JobHandler.of(JobKind.REPRICE, (job, progress) -> {
            JobParameters.Reprice parameters = job.parameters(JobParameters.Reprice.class);
            return repricing.reprice(
                    repricing.scope(job.period(), job.settingsUuid(), parameters.customerUuid()),
                    parameters.plan(),
                    progress);
        });
    }
}
