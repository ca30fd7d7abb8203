package org.arrowsync.consumption;

import org.arrowsync.shared.Rejected;

/** D90: a license linked to two resources is billed through the oldest only; the other's run says which bills it. */
final class LicenseLinkedTwice extends Rejected {

    LicenseLinkedTwice(LicensedResources.LeftOut left) {
        super("License " + left.resource().licenseReference() + " is linked to resource "
                + left.billing().name()
                + " as well, which bills it; nothing was recorded for "
                + left.resource().name()
                + " (unlink one of the two).");
    }
}
