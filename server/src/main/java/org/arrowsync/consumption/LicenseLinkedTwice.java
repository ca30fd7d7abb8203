package org.arrowsync.consumption;

import org.arrowsync.ledger.Resource;
import org.arrowsync.shared.Rejected;

/** D90: a license linked to two resources is billed through the first only; the other's run says which bills it. */
final class LicenseLinkedTwice extends Rejected {

    LicenseLinkedTwice(Resource resource, Resource billing) {
        super("License " + resource.licenseReference() + " is linked to resource " + billing.name()
                + " as well, which bills it; nothing was recorded for " + resource.name()
                + " (unlink one of the two).");
    }
}
