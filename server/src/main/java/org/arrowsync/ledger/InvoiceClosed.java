package org.arrowsync.ledger;

import org.arrowsync.shared.Rejected;

/** A created, paid or canceled invoice never changes again; corrections go elsewhere. */
public class InvoiceClosed extends Rejected {

    InvoiceClosed(Invoice invoice) {
        super(
                409,
                "Invoice " + invoice.period() + " of " + invoice.customer().name() + " is "
                        + invoice.state().value() + " and cannot be changed.");
    }
}
