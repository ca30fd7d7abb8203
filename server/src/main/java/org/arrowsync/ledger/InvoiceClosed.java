package org.arrowsync.ledger;

import org.arrowsync.shared.StateConflict;

/** A created, paid or canceled invoice never changes again; corrections go elsewhere. */
public final class InvoiceClosed extends StateConflict {

    InvoiceClosed(Invoice invoice) {
        super("Invoice " + invoice.period() + " of " + invoice.customer().name() + " is "
                + invoice.state().value() + " and cannot be changed.");
    }
}
