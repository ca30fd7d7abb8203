package org.arrowsync.ledger;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.ResourceRepository.ResourceFields;
import org.arrowsync.shared.CustomerChangeGuard;
import org.arrowsync.shared.DeletionGuard;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

@Service
public class ResourceService {

    public static final String OK = "OK";
    static final List<String> STATES = List.of("Creating", "OK", "Erred", "Updating", "Terminating", "Terminated");

    private static final int MAX_BACKEND_ID = 255;

    private final ResourceRepository resources;
    private final OfferingService offerings;
    private final ProjectRepository projects;
    private final List<DeletionGuard<Resource>> guards;
    private final List<CustomerChangeGuard> customerGuards;
    private final LicenseOfferings licenseOfferings;
    private final Clock clock;

    ResourceService(
            ResourceRepository resources,
            OfferingService offerings,
            ProjectRepository projects,
            List<DeletionGuard<Resource>> guards,
            List<CustomerChangeGuard> customerGuards,
            LicenseOfferings licenseOfferings,
            Clock clock) {
        this.resources = resources;
        this.offerings = offerings;
        this.projects = projects;
        this.guards = guards;
        this.customerGuards = customerGuards;
        this.licenseOfferings = licenseOfferings;
        this.clock = clock;
    }

    public Resource get(UUID uuid) {
        return resources.find(uuid).orElseThrow(NotFound::new);
    }

    public Optional<Resource> find(UUID uuid) {
        return resources.find(uuid);
    }

    /** The resource a request names. */
    public Resource named(UUID uuid) {
        return resources.find(uuid).orElseThrow(() -> new ResourceNotFound(uuid));
    }

    /** The resource a request names in {@code resource_uuid} for Arrow work, which needs its license reference. */
    public Resource licensed(UUID uuid) {
        Resource resource = named(uuid);
        if (!resource.isLicensed()) {
            throw InvalidInput.of(
                    "resource_uuid",
                    "The resource has no Arrow license reference (attributes.arrow_license_reference).");
        }
        return resource;
    }

    /** Resources of a customer, oldest first. */
    public List<Resource> ofCustomer(UUID customerUuid) {
        return resources.ofCustomer(customerUuid);
    }

    /** The resources carrying this license reference, oldest first. */
    public List<Resource> withLicense(String licenseReference) {
        return resources.withLicenses(List.of(licenseReference));
    }

    /**
     * Resources carrying these XSP license references (D12), by customer and license: a license is looked up within the
     * customer it is billed to, never across customers. The oldest resource wins where a customer has several.
     */
    public Map<CustomerLicense, Resource> byLicense(Collection<String> licenseReferences) {
        if (licenseReferences.isEmpty()) {
            return Map.of();
        }
        Map<CustomerLicense, Resource> found = new HashMap<>();
        for (Resource resource : resources.withLicenses(licenseReferences)) {
            found.putIfAbsent(new CustomerLicense(resource.customer().uuid(), resource.licenseReference()), resource);
        }
        return found;
    }

    /** A license as billed to one customer. */
    public record CustomerLicense(UUID customerUuid, String licenseReference) {}

    /** The resource with this backend id within one offering (D14: never another offering's resource). */
    public Optional<Resource> inOffering(UUID offeringUuid, String backendId) {
        return resources.inOffering(offeringUuid, backendId).stream().findFirst();
    }

    Listing<Resource> list(ResourceFilter filter, PageRequest page) {
        return resources.list(filter, page);
    }

    /**
     * Makes the transactions that look for a resource (or the customer and project of one) before creating it take
     * turns until they end, so that requests sent together never create it twice: {@code import_license},
     * {@code sync_resources}. Call in the transaction that looks, before it looks (under READ COMMITTED, PostgreSQL's
     * default, each look after the lock sees what the transaction before it committed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCreations() {
        resources.lockCreations();
    }

    @Transactional
    public Resource create(ResourceDraft draft) {
        return get(resources.insert(validate(draft), clock.instant()));
    }

    @Transactional
    public Resource update(UUID uuid, ResourceDraft draft) {
        Resource resource = get(uuid);
        ResourceFields fields = validate(draft);
        if (fields.projectId() != resource.project().id()
                && projects.find(draft.projectUuid()).orElseThrow().customerId()
                        != resource.customer().id()) {
            customerGuards.forEach(guard -> guard.checkResourceMove(resource.id()));
        }
        resources.update(resource.id(), fields, clock.instant());
        return get(uuid);
    }

    /**
     * Waldur's {@code set_backend_id} (blank clears it); returns whether it changed. Where the backend id is the
     * resource's license reference, the license follows it (D270): Waldur's Arrow UI links a license by this action.
     */
    @Transactional
    public boolean setBackendId(UUID uuid, String backendId) {
        FieldErrors errors = new FieldErrors();
        if (errors.requiredValue("backend_id", backendId)) {
            errors.maxLength("backend_id", backendId, MAX_BACKEND_ID);
        }
        errors.throwIfAny();
        Resource resource = get(uuid);
        String value = backendId.strip();
        if (!backendIdIsLicense(resource)) {
            return resources.setBackendId(resource.id(), value, clock.instant());
        }
        return link(resource, value);
    }

    /** Links the resource to a license: its backend id and its license attribute, those two alone (D12, D270). */
    @Transactional
    public boolean link(UUID uuid, String licenseReference) {
        return link(get(uuid), licenseReference);
    }

    private boolean link(Resource resource, String licenseReference) {
        return resources.setLicense(resource.id(), licenseReference, clock.instant());
    }

    /**
     * Whether the resource's backend id is its license reference (D12): a resource linked or imported, whose license is
     * its backend id, or one of an offering Arrow's vendors are mapped to that has no license yet. Not one the resource
     * sync created, whose backend id is Arrow's vendor subscription id (D14).
     */
    private boolean backendIdIsLicense(Resource resource) {
        if (resource.isLicensed()) {
            return resource.licenseReference().equals(resource.backendId());
        }
        return resource.attribute(Resource.SUBSCRIPTION_ATTRIBUTE).isBlank()
                && licenseOfferings.holdsLicenses(resource.offering().id());
    }

    @Transactional
    void delete(UUID uuid) {
        Resource resource = get(uuid);
        resources.lockForDeletion(resource.id());
        guards.forEach(guard -> guard.checkDeletable(resource));
        resources.delete(resource.id());
    }

    private ResourceFields validate(ResourceDraft draft) {
        FieldErrors errors = new FieldErrors();
        errors.requiredText("name", draft.name(), 150);
        errors.maxLength("backend_id", draft.backendId(), MAX_BACKEND_ID);
        errors.oneOf("state", draft.state(), STATES);
        errors.requiredValue("offering", draft.offeringUuid());
        errors.requiredValue("project", draft.projectUuid());
        if (draft.attributes() != null && !draft.attributes().isObject()) {
            errors.add("attributes", "Must be a JSON object.");
        } else if (draft.attributes() != null) {
            licenseProblem(draft.attributes().get(Resource.LICENSE_ATTRIBUTE))
                    .ifPresent(problem -> errors.add("attributes." + Resource.LICENSE_ATTRIBUTE, problem));
        }
        if (draft.report() != null && !draft.report().isArray()) {
            errors.add("report", "Must be a JSON array.");
        }
        if (draft.currentUsages() != null && !draft.currentUsages().isObject()) {
            errors.add("current_usages", "Must be a JSON object.");
        }
        errors.throwIfAny();
        Offering offering = offerings.find(draft.offeringUuid()).orElse(null);
        Project project = projects.find(draft.projectUuid()).orElse(null);
        if (offering == null) {
            errors.add("offering", InvalidInput.DOES_NOT_EXIST);
        }
        if (project == null) {
            errors.add("project", InvalidInput.DOES_NOT_EXIST);
        }
        Long planId = offerings.planOf(offering, draft.planUuid(), errors);
        errors.throwIfAny();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return new ResourceFields(
                draft.name(),
                draft.backendId() == null ? "" : draft.backendId().strip(), // the license reference consumption asks
                draft.state() == null ? OK : draft.state(),
                offering.id(),
                project.id(),
                planId,
                draft.attributes() == null ? nodes.objectNode() : draft.attributes(),
                draft.report() == null ? nodes.arrayNode() : draft.report(),
                draft.currentUsages() == null ? nodes.objectNode() : draft.currentUsages());
    }

    /**
     * The license reference links a resource to Arrow's license for consumption tracking, and the billing sync matches
     * it exactly to the export's: a reference with spaces around it would be a license nobody else knows, and its
     * license-month billed by both paths.
     */
    private static Optional<String> licenseProblem(JsonNode license) {
        if (license == null || license.isNull()) {
            return Optional.empty();
        }
        if (!license.isString()) {
            return Optional.of("Must be a string: the Arrow license reference.");
        }
        String reference = license.asString();
        return reference.equals(reference.strip())
                ? Optional.empty()
                : Optional.of("Remove the spaces around the license reference.");
    }

    /** What a resource should become; absent JSON fields start empty. */
    public record ResourceDraft(
            String name,
            String backendId,
            String state,
            UUID offeringUuid,
            UUID projectUuid,
            UUID planUuid,
            JsonNode attributes,
            JsonNode report,
            JsonNode currentUsages) {

        public static ResourceDraft of(Resource resource) {
            return new ResourceDraft(
                    resource.name(),
                    resource.backendId(),
                    resource.state(),
                    resource.offering().uuid(),
                    resource.project().uuid(),
                    resource.plan() == null ? null : resource.plan().uuid(),
                    resource.attributes(),
                    resource.report(),
                    resource.currentUsages());
        }
    }

    /** The list's filters; {@code query} is Waldur's search box (name or backend id), {@code states} any of them. */
    record ResourceFilter(
            UUID customerUuid,
            UUID projectUuid,
            UUID offeringUuid,
            String name,
            String backendId,
            String query,
            List<String> states) {}
}
