package org.arrowsync.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.ledger.Offering;
import org.arrowsync.ledger.OfferingService;
import org.arrowsync.ledger.Project;
import org.arrowsync.ledger.ProjectNotFound;
import org.arrowsync.ledger.ProjectService;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceNotFound;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.ledger.ResourceService.ResourceDraft;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ties Arrow licenses to the customer's resources. One license identity (D12): both actions write the XSP license
 * reference to {@code attributes.arrow_license_reference}, which the syncs read, and to {@code backend_id}, as the
 * contract says.
 */
@Service
public class LicenseLinking {

    private final CustomerMappingService mappings;
    private final ResourceService resources;
    private final OfferingService offerings;
    private final ProjectService projects;
    private final LicenseDiscovery discovery;

    LicenseLinking(
            CustomerMappingService mappings,
            ResourceService resources,
            OfferingService offerings,
            ProjectService projects,
            LicenseDiscovery discovery) {
        this.mappings = mappings;
        this.resources = resources;
        this.offerings = offerings;
        this.projects = projects;
        this.discovery = discovery;
    }

    @Transactional
    public LinkResourceResponse link(UUID mappingUuid, UUID resourceUuid, String licenseReference) {
        CustomerMapping mapping = mappings.get(mappingUuid);
        Resource resource = resourceOf(mapping, resourceUuid);
        resources.link(resource.uuid(), licenseReference);
        return new LinkResourceResponse(
                Uuids.hex(resource.uuid()),
                resource.name(),
                licenseReference,
                resource.backendId() == null ? "" : resource.backendId(),
                true);
    }

    /**
     * What an operator should check after a link, which is made unchecked as Waldur makes it: another resource of the
     * customer carrying the license too (consumption tracking bills a license through one resource only, D90), and a
     * license Arrow does not list for the mapping's customer (where Arrow answers).
     */
    public List<String> concerns(UUID mappingUuid, LinkResourceResponse linked) {
        List<String> concerns = new ArrayList<>();
        UUID customer = mappings.get(mappingUuid).customerUuid();
        List<String> others = resources.withLicense(linked.licenseReference()).stream()
                .filter(other -> other.customer().uuid().equals(customer)
                        && ResourceService.OK.equals(other.state())
                        && !Uuids.hex(other.uuid()).equals(linked.resourceUuid()))
                .map(Resource::name)
                .toList();
        if (!others.isEmpty()) {
            concerns.add(String.join(", ", others) + " carries license " + linked.licenseReference()
                    + " too; consumption tracking bills it through one resource only.");
        }
        try {
            LicenseDiscovery.DiscoverLicensesResponse listed = discovery.discover(mappingUuid);
            if (listed.error() == null
                    && listed.arrowLicenses().stream()
                            .noneMatch(arrow -> arrow.licenseReference().equals(linked.licenseReference()))) {
                concerns.add("Arrow lists no license " + linked.licenseReference() + " for this customer.");
            }
        } catch (ArrowException e) {
            // the link is saved: what Arrow could not say is only not checked
            concerns.add("Arrow could not be asked whether it lists license " + linked.licenseReference() + ".");
        }
        return concerns;
    }

    @Transactional
    public ImportLicenseResponse importLicense(UUID mappingUuid, ImportLicense request) {
        CustomerMapping mapping = mappings.get(mappingUuid);
        Offering offering = offerings.named(request.offeringUuid());
        Project project = projectOf(mapping, request.projectUuid());
        String reference = request.licenseReference();
        resources.lockCreations();
        // As the reference: a resource of the offering carries the license, whichever customer's it is
        boolean imported = resources.inOffering(offering.uuid(), reference).isPresent()
                || resources.withLicense(reference).stream()
                        .anyMatch(resource -> resource.offering().uuid().equals(offering.uuid()));
        if (imported) {
            throw new LicenseAlreadyImported(reference);
        }
        String name =
                request.licenseName() == null || request.licenseName().isBlank() ? reference : request.licenseName();
        Resource created = resources.create(new ResourceDraft(
                name, null, ResourceService.OK, offering.uuid(), project.uuid(), null, null, null, null));
        resources.link(created.uuid(), reference);
        return new ImportLicenseResponse(
                Uuids.hex(created.uuid()), created.name(), reference, offering.name(), project.name(), true);
    }

    private Resource resourceOf(CustomerMapping mapping, UUID resourceUuid) {
        return resources
                .find(resourceUuid)
                .filter(resource -> resource.customer().uuid().equals(mapping.customerUuid()))
                .orElseThrow(() -> ResourceNotFound.forCustomer(resourceUuid));
    }

    private Project projectOf(CustomerMapping mapping, UUID projectUuid) {
        return projects.find(projectUuid)
                .filter(project -> project.customerUuid().equals(mapping.customerUuid()))
                .orElseThrow(() -> ProjectNotFound.forCustomer(projectUuid));
    }

    public record ImportLicense(String licenseReference, String licenseName, UUID offeringUuid, UUID projectUuid) {

        /**
         * An import as the API's body or the console's form gives it, every field checked and all refusals at once: the
         * name a resource takes is at most 150 characters, as a resource's name is.
         */
        public static ImportLicense of(
                String licenseReference, String licenseName, String offeringUuid, String projectUuid) {
            FieldErrors errors = new FieldErrors();
            errors.requiredText("license_reference", licenseReference, 255);
            errors.optionalText("license_name", licenseName, 150);
            errors.required("offering_uuid", offeringUuid);
            errors.required("project_uuid", projectUuid);
            errors.throwIfAny();
            return new ImportLicense(
                    licenseReference.strip(),
                    licenseName,
                    Uuids.fromReference("offering_uuid", offeringUuid),
                    Uuids.fromReference("project_uuid", projectUuid));
        }
    }

    public record LinkResourceResponse(
            String resourceUuid,
            String resourceName,
            String licenseReference,
            String previousBackendId,
            boolean success) {}

    public record ImportLicenseResponse(
            String resourceUuid,
            String resourceName,
            String licenseReference,
            String offeringName,
            String projectName,
            boolean success) {}
}
