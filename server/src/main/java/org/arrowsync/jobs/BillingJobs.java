package org.arrowsync.jobs;

import org.arrowsync.billing.BillingSyncService;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** Job handlers of the billing feature: they read the job's parameters and call the feature. */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

    @Bean
    JobHandler billingSyncJob(BillingSyncService billing) {
        return new JobHandler() {
            @Override
            public JobKind kind() {
                return JobKind.BILLING_SYNC;
            }

            @Override
            public Object run(Job job, Progress progress) {
                JsonNode p = job.parameters();
                return billing.sync(billing.target(p.get("year").asInt(), p.get("month").asInt(), job.settingsUuid(),
                        optionalUuid(p, "resource_uuid")), progress);
            }
        };
    }

    static java.util.UUID optionalUuid(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        return value == null || value.isNull() ? null : Uuids.parse(value.asString()).orElse(null);
    }
}
