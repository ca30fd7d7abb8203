package org.arrowsync.consumption;

import java.time.YearMonth;
import java.util.List;
import org.arrowsync.ledger.Resource;
import org.arrowsync.shared.CustomerChangeGuard;
import org.arrowsync.shared.DeletionGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resources that consumption records hang on stay (terminating them is the way out), and keep their customer while
 * their months are not finalised.
 */
@Configuration(proxyBeanMethods = false)
class ConsumptionGuards {

    @Bean
    DeletionGuard<Resource> resourceWithConsumption(ConsumptionRecordRepository records) {
        return resource -> {
            if (records.existForResource(resource.id())) {
                throw new ResourceHasConsumption();
            }
        };
    }

    /** D117: a resource or project with months consumption tracking has not finalised keeps its customer. */
    @Bean
    CustomerChangeGuard unfinalisedConsumptionStays(ConsumptionRecordRepository records) {
        return new CustomerChangeGuard() {
            @Override
            public void checkResourceMove(long resourceId) {
                refuseIfAny("This resource", records.unfinalisedMonths("r.id", resourceId));
            }

            @Override
            public void checkProjectMove(long projectId) {
                refuseIfAny("A resource of this project", records.unfinalisedMonths("r.project_id", projectId));
            }
        };
    }

    private static void refuseIfAny(String subject, List<YearMonth> unfinalised) {
        if (!unfinalised.isEmpty()) {
            throw new ResourceBilledByConsumption(subject, unfinalised);
        }
    }
}
