package org.arrowsync.pricing;

import org.arrowsync.mappings.MappingChangeGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A customer mapping with price rules keeps its customer and settings (D125). */
@Configuration(proxyBeanMethods = false)
class PricingGuards {

    @Bean
    MappingChangeGuard mappingWithPriceRulesKeepsItsCustomer(PriceRuleRepository rules) {
        return mapping -> {
            int count = rules.countForMapping(mapping.id());
            if (count > 0) {
                throw new MappingHasPriceRules(count);
            }
        };
    }
}
