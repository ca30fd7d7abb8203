package org.arrowsync.pricing;

import org.arrowsync.shared.StateConflict;

/**
 * D125: a customer's price rules name its mapping, and price what the mapping's customer is billed; pointed at another
 * customer, the mapping would take them along, re-pricing the first customer's months still open without them and the
 * other's with them, beside any rule of its own of the same precedence. Deleted, it would take them out of use (D240).
 */
final class MappingHasPriceRules extends StateConflict {

    private MappingHasPriceRules(String message) {
        super(message);
    }

    static MappingHasPriceRules onRepoint(int rules) {
        return new MappingHasPriceRules("This mapping has " + rules + " price rule(s) for its customer: delete them, or"
                + " end them (valid_to) and wait for their months to be billed, before pointing the mapping at another"
                + " customer or settings.");
    }

    static MappingHasPriceRules onDelete(int rules) {
        return new MappingHasPriceRules("This mapping has " + rules + " price rule(s) for its customer, which would go"
                + " with it: deactivate the mapping (is_active=false) instead of deleting it, or delete the rules"
                + " first.");
    }
}
