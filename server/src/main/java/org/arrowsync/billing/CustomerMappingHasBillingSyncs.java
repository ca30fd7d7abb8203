package org.arrowsync.billing;

import org.arrowsync.shared.StateConflict;

/**
 * A mapping with billing syncs is not deleted: the syncs would go with it while their invoice items stay, and a
 * re-created mapping would bill them again.
 */
final class CustomerMappingHasBillingSyncs extends StateConflict {

    CustomerMappingHasBillingSyncs() {
        super("This customer mapping has billing syncs; deactivate it (is_active=false) instead of deleting it.");
    }
}
