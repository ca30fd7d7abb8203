package org.arrowsync.pricing;

import org.arrowsync.shared.StateConflict;

/**
 * D125: a customer's price rules name its mapping, and price what the mapping's customer is billed; pointed at another
 * customer, the mapping would take them along, re-pricing the first customer's months still open without them and the
 * other's with them, beside any rule of its own of the same precedence.
 */
final class MappingHasPriceRules extends StateConflict {

    MappingHasPriceRules(int rules) {
        super("This mapping has " + rules + " price rule(s) for its customer: delete them, or end them (valid_to) and"
                + " wait for their months to be billed, before pointing the mapping at another customer or settings.");
    }
}
