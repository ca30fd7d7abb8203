package org.arrowsync.mappings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.Customer;
import org.arrowsync.arrowclient.License;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;

/**
 * The licenses of a mapped Arrow customer next to the customer's resources, with suggestions for resources not linked
 * yet. Always answers 200: Arrow failures are reported in {@code error}.
 */
@Service
public class LicenseDiscovery {

    private final CustomerMappingService mappings;
    private final SettingsService settings;
    private final ArrowClients clients;
    private final ResourceService resources;

    LicenseDiscovery(
            CustomerMappingService mappings,
            SettingsService settings,
            ArrowClients clients,
            ResourceService resources) {
        this.mappings = mappings;
        this.settings = settings;
        this.clients = clients;
        this.resources = resources;
    }

    public DiscoverLicensesResponse discover(UUID mappingUuid) {
        CustomerMapping mapping = mappings.get(mappingUuid);
        ArrowClient client =
                clients.connect(settings.named(mapping.settingsUuid()).connection());
        List<String> errors = new ArrayList<>();
        String resolved = null;
        List<ArrowLicense> licenses = List.of();
        try {
            Customer owner = resolve(client.customers(), mapping).orElse(null);
            if (owner != null) {
                resolved = owner.reference();
                licenses = client.licenses(owner.reference()).stream()
                        // the customer's reference, or its Ref as exports write it (XSP222222, 222222)
                        .filter(license -> owner.reference().equals(license.customerReference())
                                || license.customerReference() != null
                                        && license.customerReference().equals(owner.ref()))
                        .map(ArrowLicense::of)
                        .toList();
            }
        } catch (ArrowException e) {
            errors.add("Failed to fetch Arrow licenses: " + e.getMessage());
        }
        List<Resource> owned = resources.ofCustomer(mapping.customerUuid());
        List<WaldurResourceForLinking> waldur =
                owned.stream().map(WaldurResourceForLinking::of).toList();
        return new DiscoverLicensesResponse(
                Uuids.hex(mapping.uuid()),
                resolved != null ? resolved : mapping.arrowReference(),
                mapping.customerName(),
                licenses,
                waldur,
                suggest(owned, licenses),
                errors.isEmpty() ? null : errors.get(0));
    }

    /** The reference's lookup order: reference, "XSP" + reference, internal reference, then the customer's name. */
    private static Optional<Customer> resolve(List<Customer> customers, CustomerMapping mapping) {
        String reference = mapping.arrowReference();
        return customers.stream()
                .filter(customer -> reference.equals(customer.reference())
                        || ("XSP" + reference).equals(customer.reference())
                        || reference.toUpperCase(Locale.ROOT).equals(customer.internalReference())
                        || mapping.customerName().toLowerCase(Locale.ROOT).equals(lower(customer.companyName())))
                .findFirst();
    }

    /** Unlinked resources only; a license already linked to one of the customer's resources is not offered again. */
    private static List<LicenseSuggestion> suggest(List<Resource> owned, List<ArrowLicense> licenses) {
        Set<String> linked = owned.stream()
                .flatMap(resource -> Stream.of(resource.licenseReference(), resource.backendId()))
                .filter(reference -> reference != null && !reference.isEmpty())
                .collect(Collectors.toSet());
        List<ArrowLicense> free = licenses.stream()
                .filter(license -> !linked.contains(license.licenseReference()))
                .toList();
        return owned.stream()
                .filter(resource -> resource.licenseReference().isEmpty())
                .flatMap(resource ->
                        NameMatch.best(resource.name(), free, ArrowLicense::displayName, NameMatch.LICENSE_THRESHOLD)
                                .map(match -> new LicenseSuggestion(
                                        Uuids.hex(resource.uuid()),
                                        resource.name(),
                                        match.candidate().licenseReference(),
                                        match.candidate().displayName(),
                                        match.confidence()))
                                .stream())
                .toList();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public record ArrowLicense(
            String licenseReference, String vendorName, String offerName, String offerSku, String friendlyName) {

        static ArrowLicense of(License license) {
            return new ArrowLicense(
                    license.reference(),
                    orEmpty(license.serviceReference()),
                    orEmpty(license.name()),
                    orEmpty(license.sku()),
                    orEmpty(license.friendlyName()));
        }

        String displayName() {
            return friendlyName.isEmpty() ? offerName : friendlyName;
        }
    }

    public record WaldurResourceForLinking(
            String uuid, String name, String backendId, String projectName, String offeringName, String state) {

        static WaldurResourceForLinking of(Resource resource) {
            return new WaldurResourceForLinking(
                    Uuids.hex(resource.uuid()),
                    resource.name(),
                    orEmpty(resource.backendId()),
                    resource.project().name(),
                    resource.offering().name(),
                    resource.state());
        }
    }

    public record LicenseSuggestion(
            String resourceUuid, String resourceName, String licenseReference, String licenseName, double confidence) {}

    public record DiscoverLicensesResponse(
            String customerMappingUuid,
            String arrowReference,
            String waldurCustomerName,
            List<ArrowLicense> arrowLicenses,
            List<WaldurResourceForLinking> waldurResources,
            List<LicenseSuggestion> suggestions,
            @Schema(nullable = true) String error) {}
}
