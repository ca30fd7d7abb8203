package org.arrowsync.console;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Customer;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Component;

/**
 * An operator customer as a console form's field names it: its uuid (or hyperlink), the value its list offers, or its
 * name typed whole, as an operator who did not pick from the list types it (D292). A name no customer has, or two have,
 * names none, and says so (D297). The field offers customers as a list to pick from, not a choice of them alone: the
 * list holds the first of them, and a customer past it is typed (D306).
 */
@Component
class OperatorCustomerField {

    private final CustomerService customers;

    OperatorCustomerField(CustomerService customers) {
        this.customers = customers;
    }

    /** The customer the text typed names, or why it names none; blank names none, for the form's own check. */
    Choice choose(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Choice(typed, null, null);
        }
        Optional<UUID> uuid = Uuids.parseReference(typed);
        if (uuid.isPresent()) {
            return new Choice(typed, uuid.get(), null);
        }
        String name = typed.strip();
        List<Customer> named = customers.namedExactly(name, 2);
        return switch (named.size()) {
            case 0 -> new Choice(typed, null, "No customer is named \"" + name + "\": pick one from the list.");
            case 1 -> new Choice(typed, named.get(0).uuid(), null);
            default ->
                new Choice(
                        typed,
                        null,
                        "Several customers are named \"" + name + "\": pick the one you mean from the list.");
        };
    }

    /**
     * How a field shows the customer it holds: its name, which the field takes back (D292), unless another customer has
     * it too; then its uuid. A customer that does not exist shows as its uuid.
     */
    String shown(UUID uuid) {
        if (uuid == null) {
            return "";
        }
        return customers
                .find(uuid)
                .map(Customer::name)
                .filter(name ->
                        !name.isBlank() && customers.namedExactly(name, 2).size() == 1)
                .orElseGet(() -> Uuids.hex(uuid));
    }

    /**
     * What a field names: {@code uuid} when it names a customer (which may not exist: the form checks), else
     * {@code refusal} says why not (none when it was left blank).
     */
    record Choice(String typed, UUID uuid, String refusal) {

        /** What the form shows again: the customer chosen, else the text as typed. */
        String shown() {
            return uuid == null ? typed : Uuids.hex(uuid);
        }

        UUID orRefuse(String field) {
            if (refusal != null) {
                throw InvalidInput.of(field, refusal);
            }
            return uuid;
        }
    }
}
