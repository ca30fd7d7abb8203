package org.arrowsync.ledger;

import org.arrowsync.shared.Rejected;

/**
 * A change named invoice items that are not on the invoice it locked: a caller's mistake, refused before anything is
 * written.
 */
class ItemsNotOnInvoice extends Rejected {

    ItemsNotOnInvoice(Invoice invoice) {
        super(409, "Some of the items are not on invoice " + invoice.uuid());
    }
}
