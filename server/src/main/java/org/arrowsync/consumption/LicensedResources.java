package org.arrowsync.consumption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * customers. A license linked to several of them (imported once, then found again by a resource sync under its
 * subscription id) is billed through the oldest (the lowest id); the others are left out and named (D90), or Arrow's
 * one consumption would be billed once for each.
 */
@Component
class LicensedResources {

    private final CustomerMappingService mappings;
    private final ResourceService resources;

    LicensedResources(CustomerMappingService mappings, ResourceService resources) {
        this.mappings = mappings;
        this.resources = resources;
    }

    /**
     * The resources a run bills, and those it leaves out, each with the resource that bills its license.
     *
     * @param billed the resources to bill, at most one a license
     * @param linkedTwice a resource left out, and the oldest resource carrying its license
     */
    record Covered(List<Resource> billed, Map<Resource, Resource> linkedTwice) {}

    /** The settings' licensed resources, or only {@code onlyResource} of them when given. */
    Covered of(Settings settings, UUID onlyResource) {
        Set<UUID> customers = new LinkedHashSet<>();
        for (CustomerMapping mapping : mappings.active(settings)) {
            customers.add(mapping.customerUuid());
        }
        List<Resource> licensed = customers.stream()
                .flatMap(customer -> resources.ofCustomer(customer).stream())
                .filter(resource -> ResourceService.OK.equals(resource.state()) && resource.isLicensed())
                .sorted(Comparator.comparingLong(Resource::id))
                .toList();
        Map<String, Resource> firstOfLicense = new HashMap<>();
        List<Resource> billed = new ArrayList<>();
        Map<Resource, Resource> linkedTwice = new LinkedHashMap<>();
        for (Resource resource : licensed) {
            Resource first = firstOfLicense.putIfAbsent(resource.licenseReference(), resource);
            if (onlyResource != null && !onlyResource.equals(resource.uuid())) {
                continue;
            }
            if (first == null) {
                billed.add(resource);
            } else {
                linkedTwice.put(resource, first);
            }
        }
        return new Covered(billed, linkedTwice);
    }
}
