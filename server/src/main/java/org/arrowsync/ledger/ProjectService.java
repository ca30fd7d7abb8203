package org.arrowsync.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.CustomerChangeGuard;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final CustomerRepository customers;
    private final List<CustomerChangeGuard> customerGuards;
    private final Clock clock;

    ProjectService(
            ProjectRepository projects,
            CustomerRepository customers,
            List<CustomerChangeGuard> customerGuards,
            Clock clock) {
        this.projects = projects;
        this.customers = customers;
        this.customerGuards = customerGuards;
        this.clock = clock;
    }

    public Project get(UUID uuid) {
        return projects.find(uuid).orElseThrow(NotFound::new);
    }

    public Optional<Project> find(UUID uuid) {
        return projects.find(uuid);
    }

    /** The project a request names. */
    public Project named(UUID uuid) {
        return projects.find(uuid).orElseThrow(() -> new ProjectNotFound(uuid));
    }

    public List<Project> ofCustomer(Customer customer) {
        return projects.ofCustomer(customer.id());
    }

    public Listing<Project> list(ProjectFilter filter, PageRequest page) {
        return projects.list(filter, page);
    }

    @Transactional
    public Project create(UUID customerUuid, String name, String description) {
        Customer customer = validate(customerUuid, name, description);
        return get(projects.insert(customer.id(), name, description == null ? "" : description, clock.instant()));
    }

    @Transactional
    Project update(UUID uuid, UUID customerUuid, String name, String description) {
        Project project = get(uuid);
        Customer customer = validate(customerUuid, name, description);
        if (customer.id() != project.customerId()) {
            customerGuards.forEach(guard -> guard.checkProjectMove(project.id()));
        }
        projects.update(project.id(), customer.id(), name, description == null ? "" : description, clock.instant());
        return get(uuid);
    }

    @Transactional
    void delete(UUID uuid) {
        Project project = get(uuid);
        projects.lockForDeletion(project.id());
        if (projects.hasResources(project.id())) {
            throw new ProjectInUse();
        }
        projects.delete(project.id());
    }

    private Customer validate(UUID customerUuid, String name, String description) {
        FieldErrors errors = new FieldErrors();
        errors.requiredText("name", name, 500);
        errors.requiredValue("customer", customerUuid);
        errors.throwIfAny();
        return customers.find(customerUuid).orElseThrow(() -> InvalidInput.of("customer", InvalidInput.DOES_NOT_EXIST));
    }

    public record ProjectFilter(UUID customerUuid, String name) {}
}
