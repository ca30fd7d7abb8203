package org.arrowsync.jobs;

import org.arrowsync.consumption.ConsumptionSyncService;
import org.arrowsync.consumption.FinalisationService;
import org.arrowsync.consumption.SyncOrder;
import org.arrowsync.consumption.SyncOrders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The consumption job kinds: the hourly-style consumption run and the finalisation against the export. */
@Configuration(proxyBeanMethods = false)
class ConsumptionJobs {

    static final String RESOURCE_UUID = "resource_uuid";
    static final String FORCE = "force";

    @Bean
    JobHandler consumptionSyncHandler(ConsumptionSyncService consumption, SyncOrders orders) {
        return JobHandler.of(
                JobKind.CONSUMPTION_SYNC, (job, progress) -> consumption.sync(order(orders, job), progress));
    }

    @Bean
    JobHandler consumptionFinalisationHandler(FinalisationService finalisation, SyncOrders orders) {
        return JobHandler.of(
                JobKind.CONSUMPTION_RECONCILIATION,
                (job, progress) -> finalisation.finalise(order(orders, job), progress));
    }

    private static SyncOrder order(SyncOrders orders, Job job) {
        boolean force = job.parameters() != null && job.parameters().path(FORCE).asBoolean(false);
        return orders.ofJob(job.settingsUuid(), job.period(), JobHandler.uuidParameter(job, RESOURCE_UUID), force);
    }
}
