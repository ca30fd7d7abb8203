package org.arrowsync.ledger;

import org.arrowsync.shared.StateConflict;
import org.arrowsync.shared.Uuids;

/**
 * A change named invoice items that are not on the invoice it locked: a caller's mistake, refused before anything is
 * written.
 */
final class ItemsNotOnInvoice extends StateConflict {

    ItemsNotOnInvoice(Invoice invoice) {
        super("Some of the items are not on invoice " + Uuids.hex(invoice.uuid()));
    }
}
