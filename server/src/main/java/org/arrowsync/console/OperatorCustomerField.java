package org.arrowsync.console;

import java.util.List;
import java.util.Locale;
import org.arrowsync.ledger.Customer;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Component;

/**
 * An operator customer as a console form's field names it: its uuid, the value its list offers, or its name typed
 * whole, as an operator who did not pick from the list types it (D292).
 */
@Component
class OperatorCustomerField {

    private final CustomerService customers;

    OperatorCustomerField(CustomerService customers) {
        this.customers = customers;
    }

    /**
     * The customer's uuid as the forms send it: the uuid of the one customer of the name typed (any case, spaces around
     * it aside), else what was typed, which the form then refuses as no uuid.
     */
    String uuid(String typed) {
        if (typed == null || typed.isBlank() || Uuids.parse(typed.strip()).isPresent()) {
            return typed;
        }
        String name = typed.strip().toLowerCase(Locale.ROOT);
        List<Customer> named =
                customers.list(typed.strip(), null, new PageRequest(1, PageRequest.MAX_SIZE)).items().stream()
                        .filter(customer ->
                                customer.name().strip().toLowerCase(Locale.ROOT).equals(name))
                        .toList();
        return named.size() == 1 ? Uuids.hex(named.get(0).uuid()) : typed;
    }
}
