package org.arrowsync.billing;

import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.DeletionGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings and customer mappings that billing syncs hang on stay; deactivating them is the way out. */
@Configuration(proxyBeanMethods = false)
class BillingDeletionGuards {

    @Bean
    DeletionGuard<Settings> settingsWithBillingSyncs(BillingSyncRepository syncs) {
        return settings -> {
            if (syncs.existForSettings(settings.id())) {
                throw new SettingsHaveBillingSyncs();
            }
        };
    }

    @Bean
    DeletionGuard<CustomerMapping> mappingWithBillingSyncs(BillingSyncRepository syncs) {
        return mapping -> {
            if (syncs.existForMapping(mapping.id())) {
                throw new CustomerMappingHasBillingSyncs();
            }
        };
    }
}
