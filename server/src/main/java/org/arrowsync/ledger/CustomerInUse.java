package org.arrowsync.ledger;

import org.arrowsync.shared.StateConflict;

/** A customer with projects or invoices is not deleted: its history would go with it. */
final class CustomerInUse extends StateConflict {

    CustomerInUse() {
        super("Cannot delete a customer that has projects or invoices.");
    }
}
