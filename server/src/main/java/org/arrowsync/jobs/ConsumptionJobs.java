package org.arrowsync.jobs;

import org.arrowsync.consumption.ConsumptionSyncService;
import org.arrowsync.consumption.FinalisationService;
import org.arrowsync.consumption.SyncOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The consumption job kinds: the hourly-style consumption run and the finalisation against the export. */
@Configuration(proxyBeanMethods = false)
class ConsumptionJobs {

    @Bean
    JobHandler consumptionSyncHandler(ConsumptionSyncService consumption, SyncOrders orders) {
        return JobHandler.of(JobKind.CONSUMPTION_SYNC, (job, progress) -> {
            JobParameters.ConsumptionSync parameters = job.parameters(JobParameters.ConsumptionSync.class);
            return consumption.sync(
                    orders.ofJob(job.settingsUuid(), job.period(), parameters.resourceUuid(), false), progress);
        });
    }

    @Bean
    JobHandler consumptionFinalisationHandler(FinalisationService finalisation, SyncOrders orders) {
        return JobHandler.of(JobKind.CONSUMPTION_RECONCILIATION, (job, progress) -> {
            JobParameters.ConsumptionFinalisation parameters =
                    job.parameters(JobParameters.ConsumptionFinalisation.class);
            return finalisation.finalise(
                    orders.ofJob(job.settingsUuid(), job.period(), null, parameters.force()), progress);
        });
    }
}
