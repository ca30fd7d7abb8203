package org.arrowsync.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer get(UUID uuid) {
        return customers.find(uuid).orElseThrow(NotFound::new);
    }

    /** The customer a request names by uuid in its body or parameters. */
    public Customer named(UUID uuid) {
        return customers.find(uuid).orElseThrow(() -> new CustomerNotFound(uuid));
    }

    public Optional<Customer> find(UUID uuid) {
        return customers.find(uuid);
    }

    /** Every customer, for matching Arrow customers to them. */
    public List<Customer> all() {
        return customers.all();
    }

    /** At most {@code limit} customers of this name (spaces around it aside, any case), oldest first. */
    public List<Customer> namedExactly(String name, int limit) {
        return customers.namedExactly(name, limit);
    }

    public Listing<Customer> list(String name, String query, PageRequest page) {
        return customers.list(name, query, page);
    }

    /** A customer with only a name, as first-start demo data creates them. */
    @Transactional
    public Customer create(String name) {
        return create(new CustomerFields(name, "", "", "", "", ""));
    }

    @Transactional
    public Customer create(CustomerFields fields) {
        validate(fields, null);
        return customers.insert(fields, clock.instant());
    }

    @Transactional
    Customer update(UUID uuid, CustomerFields fields) {
        validate(fields, get(uuid).country());
        return customers.update(uuid, fields, clock.instant());
    }

    @Transactional
    void delete(UUID uuid) {
        Customer customer = get(uuid);
        customers.lockForDeletion(customer.id());
        if (customers.hasProjectsOrInvoices(customer.id())) {
            throw new CustomerInUse();
        }
        customers.delete(customer.id());
    }

    /**
     * {@code kept}: the country stored, which an update keeps whatever it is (one saved before countries were checked).
     */
    private static void validate(CustomerFields fields, String kept) {
        FieldErrors errors = new FieldErrors();
        errors.requiredText("name", fields.name(), 150);
        errors.maxLength("abbreviation", fields.abbreviation(), 12);
        errors.maxLength("email", fields.email(), 75);
        errors.email("email", fields.email());
        errors.maxLength("address", fields.address(), 300);
        errors.maxLength("postal", fields.postal(), 20);
        String country = fields.country();
        if (country != null && !country.isEmpty() && !country.equals(kept)) {
            errors.oneOf("country", country, CustomerFields.COUNTRIES);
        }
        errors.throwIfAny();
    }
}
