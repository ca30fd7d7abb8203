package org.arrowsync.consumption;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.settings.Settings;
import org.springframework.stereotype.Component;

/**
 * The resources consumption covers: those with a license reference (D12); a run takes the OK ones of its settings'
 * customers.
 */
@Component
class LicensedResources {

    private final CustomerMappingService mappings;
    private final ResourceService resources;

    LicensedResources(CustomerMappingService mappings, ResourceService resources) {
        this.mappings = mappings;
        this.resources = resources;
    }

    List<Resource> of(Settings settings, UUID onlyResource) {
        Set<UUID> customers = new LinkedHashSet<>();
        for (CustomerMapping mapping : mappings.active(settings)) {
            customers.add(mapping.customerUuid());
        }
        return customers.stream()
                .flatMap(customer -> resources.ofCustomer(customer).stream())
                .filter(resource -> ResourceService.OK.equals(resource.state()) && resource.isLicensed())
                .filter(resource -> onlyResource == null || onlyResource.equals(resource.uuid()))
                .toList();
    }
}
