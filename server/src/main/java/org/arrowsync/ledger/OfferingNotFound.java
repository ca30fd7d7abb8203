package org.arrowsync.ledger;

import java.util.UUID;
import org.arrowsync.shared.UnknownReference;
import org.arrowsync.shared.Uuids;

/** A request names an offering that does not exist. */
public final class OfferingNotFound extends UnknownReference {

    public OfferingNotFound(UUID uuid) {
        super("Offering " + Uuids.hex(uuid) + " not found");
    }
}
