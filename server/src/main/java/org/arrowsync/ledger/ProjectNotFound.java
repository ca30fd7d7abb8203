package org.arrowsync.ledger;

import java.util.UUID;
import org.arrowsync.shared.UnknownReference;
import org.arrowsync.shared.Uuids;

/** A request names a project that does not exist, or not among the customer's it must belong to. */
public final class ProjectNotFound extends UnknownReference {

    private ProjectNotFound(String message) {
        super(message);
    }

    public ProjectNotFound(UUID uuid) {
        this("Project " + Uuids.hex(uuid) + " not found");
    }

    public static ProjectNotFound forCustomer(UUID uuid) {
        return new ProjectNotFound("Project " + Uuids.hex(uuid) + " not found for this customer");
    }
}
