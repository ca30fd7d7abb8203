package org.arrowsync.pricing;

import java.util.function.IntFunction;
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
        return mapping -> refuseIfPriced(rules, mapping, MappingHasPriceRules::onRepoint);
    }

    @Bean
    DeletionGuard<CustomerMapping> mappingWithPriceRulesStays(PriceRuleRepository rules) {
        return mapping -> refuseIfPriced(rules, mapping, MappingHasPriceRules::onDelete);
    }

    private static void refuseIfPriced(
            PriceRuleRepository rules, CustomerMapping mapping, IntFunction<MappingHasPriceRules> refusal) {
        int count = rules.countForMapping(mapping.id());
        if (count > 0) {
            throw refusal.apply(count);
        }
    }
}
