package org.arrowsync.jobs;

import java.util.UUID;
import java.util.function.BiFunction;
import org.arrowsync.consumption.ConsumptionSyncService;
import org.arrowsync.consumption.FinalisationService;
import org.arrowsync.consumption.SyncOrder;
import org.arrowsync.consumption.SyncOrders;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The consumption job kinds: the hourly-style consumption run and the finalisation against the export. */
@Configuration(proxyBeanMethods = false)
class ConsumptionJobs {

    static final String RESOURCE_UUID = "resource_uuid";
    static final String FORCE = "force";

    @Bean
    JobHandler consumptionSyncHandler(ConsumptionSyncService consumption, SyncOrders orders) {
        return handler(JobKind.CONSUMPTION_SYNC, (job, progress) -> consumption.sync(order(orders, job), progress));
    }

    @Bean
    JobHandler consumptionFinalisationHandler(FinalisationService finalisation, SyncOrders orders) {
        return handler(JobKind.CONSUMPTION_RECONCILIATION, (job, progress) -> finalisation.finalise(order(orders, job), progress));
    }

    private static JobHandler handler(JobKind kind, BiFunction<Job, Progress, Object> run) {
        return new JobHandler() {
            @Override
            public JobKind kind() {
                return kind;
            }

            @Override
            public Object run(Job job, Progress progress) {
                return run.apply(job, progress);
            }
        };
    }

    private static SyncOrder order(SyncOrders orders, Job job) {
        JsonNode parameters = job.parameters();
        JsonNode resource = parameters == null ? null : parameters.get(RESOURCE_UUID);
        UUID resourceUuid = resource == null || resource.isNull() ? null : Uuids.parse(resource.asString()).orElse(null);
        boolean force = parameters != null && parameters.path(FORCE).asBoolean(false);
        return orders.ofJob(job.settingsUuid(), job.period(), resourceUuid, force);
    }
}
