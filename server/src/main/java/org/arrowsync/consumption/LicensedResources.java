package org.arrowsync.consumption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrowsync.consumption.ConsumptionRecordRepository.ResourceLicense;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.settings.Settings;
import org.springframework.stereotype.Component;

/**
 * The resources consumption covers: those with a license reference (D12); a run takes the OK ones of its settings'
 * customers. A license linked to several of them (imported once, then found again by a resource sync under its
 * subscription id) is billed through one; the others are left out and named (D90), or Arrow's one consumption would be
 * billed once for each. The one is the resource that already recorded the run's month of the license (D92), else the
 * oldest.
 */
@Component
class LicensedResources {

    /** The order in which resources were linked: the oldest bills a license carried by several. */
    private static final Comparator<Resource> OLDEST_FIRST =
            Comparator.comparing(Resource::created).thenComparingLong(Resource::id);

    private final CustomerMappingService mappings;
    private final ResourceService resources;

    LicensedResources(CustomerMappingService mappings, ResourceService resources) {
        this.mappings = mappings;
        this.resources = resources;
    }

    /**
     * The resources a run bills, at most one a license, and those it leaves out because another bills their license.
     */
    record Covered(List<Resource> billed, List<LeftOut> leftOut) {}

    /** A resource left out of a run, and the resource that bills its license. */
    record LeftOut(Resource resource, Resource billing) {}

    /**
     * The settings' licensed resources, or only {@code onlyResource} of them when given.
     *
     * @param recorded the resources, with their licenses, that have a record of the run's month
     */
    Covered of(Settings settings, Set<ResourceLicense> recorded, UUID onlyResource) {
        Set<UUID> customers = customersOf(settings);
        Comparator<Resource> billingFirst = Comparator.<Resource, Boolean>comparing(
                        resource -> !recorded.contains(ResourceLicense.of(resource)))
                .thenComparing(OLDEST_FIRST);
        List<Resource> licensed = customers.stream()
                .flatMap(customer -> resources.ofCustomer(customer).stream())
                .filter(resource -> covered(customers, resource))
                .sorted(billingFirst)
                .toList();
        Map<String, Resource> firstOfLicense = new HashMap<>();
        List<Resource> billed = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (Resource resource : licensed) {
            Resource first = firstOfLicense.putIfAbsent(resource.licenseReference(), resource);
            if (onlyResource != null && !onlyResource.equals(resource.uuid())) {
                continue;
            }
            if (first == null) {
                billed.add(resource);
            } else {
                leftOut.add(new LeftOut(resource, first));
            }
        }
        return new Covered(billed, leftOut);
    }

    /** The older resource of the settings that bills this one's license instead of it, if there is one (D90). */
    Optional<Resource> billingInsteadOf(Settings settings, Resource resource) {
        Set<UUID> customers = customersOf(settings);
        if (!covered(customers, resource)) {
            return Optional.empty();
        }
        return resources.withLicense(resource.licenseReference()).stream()
                .filter(other -> covered(customers, other))
                .min(OLDEST_FIRST)
                .filter(first -> first.id() != resource.id());
    }

    private Set<UUID> customersOf(Settings settings) {
        Set<UUID> customers = new LinkedHashSet<>();
        for (CustomerMapping mapping : mappings.active(settings)) {
            customers.add(mapping.customerUuid());
        }
        return customers;
    }

    private static boolean covered(Set<UUID> customers, Resource resource) {
        return customers.contains(resource.customer().uuid())
                && ResourceService.OK.equals(resource.state())
                && resource.isLicensed();
    }
}
