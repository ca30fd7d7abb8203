package org.arrowsync.consumption;

import org.arrowsync.ledger.Resource;
import org.arrowsync.shared.DeletionGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resources that consumption records hang on stay; terminating them is the way out. */
@Configuration(proxyBeanMethods = false)
class ConsumptionDeletionGuards {

    @Bean
    DeletionGuard<Resource> resourceWithConsumption(ConsumptionRecordRepository records) {
        return resource -> {
            if (records.existForResource(resource.id())) {
                throw new ResourceHasConsumption();
            }
        };
    }
}
