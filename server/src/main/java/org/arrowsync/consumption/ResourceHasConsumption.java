package org.arrowsync.consumption;

import org.arrowsync.shared.StateConflict;

/**
 * A resource with consumption records is not deleted: the records would go with it while their invoice items stay, and
 * a re-imported license would bill again.
 */
final class ResourceHasConsumption extends StateConflict {

    ResourceHasConsumption() {
        super("This resource has Arrow consumption records; set its state to Terminated instead of deleting it.");
    }
}
