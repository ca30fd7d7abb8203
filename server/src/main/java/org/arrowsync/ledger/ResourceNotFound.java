package org.arrowsync.ledger;

import java.util.UUID;
import org.arrowsync.shared.UnknownReference;
import org.arrowsync.shared.Uuids;

/** A request names a resource that does not exist, or not among the customer's it must belong to. */
public final class ResourceNotFound extends UnknownReference {

    private ResourceNotFound(String message) {
        super(message);
    }

    public ResourceNotFound(UUID uuid) {
        this("Resource " + Uuids.hex(uuid) + " not found");
    }

    public static ResourceNotFound forCustomer(UUID uuid) {
        return new ResourceNotFound("Resource " + Uuids.hex(uuid) + " not found for this customer");
    }
}
