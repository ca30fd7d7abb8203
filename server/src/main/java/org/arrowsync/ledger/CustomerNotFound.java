package org.arrowsync.ledger;

import java.util.UUID;
import org.arrowsync.shared.UnknownReference;
import org.arrowsync.shared.Uuids;

/** A request names an operator customer that does not exist. */
public final class CustomerNotFound extends UnknownReference {

    CustomerNotFound(UUID uuid) {
        super("Customer " + Uuids.hex(uuid) + " not found");
    }
}
