package org.arrowsync.pricing;

import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.MappingChangeGuard;
import org.arrowsync.shared.DeletionGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A customer mapping with price rules keeps its customer and settings (D125), and is not deleted: its rules would go
 * with it, and with them the prices of its customer's months (D240).
 */
@Configuration(proxyBeanMethods = false)
class PricingGuards {

    @Bean
    MappingChangeGuard mappingWithPriceRulesKeepsItsCustomer(PriceRuleRepository rules) {
        return mapping -> {
            int count = rules.countForMapping(mapping.id());
            if (count > 0) {
                throw MappingHasPriceRules.onRepoint(count);
            }
        };
    }

    @Bean
    DeletionGuard<CustomerMapping> mappingWithPriceRulesStays(PriceRuleRepository rules) {
        return mapping -> {
            int count = rules.countForMapping(mapping.id());
            if (count > 0) {
                throw MappingHasPriceRules.onDelete(count);
            }
        };
    }
}
