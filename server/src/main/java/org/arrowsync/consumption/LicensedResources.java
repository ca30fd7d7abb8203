package org.arrowsync.consumption;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.settings.Settings;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.NotFound;
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
                .filter(resource -> ResourceService.OK.equals(resource.state()) && isLicensed(resource))
                .filter(resource -> onlyResource == null || onlyResource.equals(resource.uuid()))
                .toList();
    }

    /**
     * The resource a request names in {@code resource_uuid}: {@code missing} when there is none, a 400 when it has no
     * license.
     */
    Resource named(UUID uuid, Supplier<? extends RuntimeException> missing) {
        Resource resource;
        try {
            resource = resources.get(uuid);
        } catch (NotFound e) {
            throw missing.get();
        }
        if (!isLicensed(resource)) {
            throw InvalidInput.of(
                    "resource_uuid", "Resource has no Arrow license reference (attributes.arrow_license_reference).");
        }
        return resource;
    }

    private static boolean isLicensed(Resource resource) {
        return !resource.licenseReference().isBlank();
    }
}
