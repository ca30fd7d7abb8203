package org.arrowsync.consumption;

import org.arrowsync.ledger.Resource;
import org.arrowsync.shared.Rejected;

/**
 * D90: a license linked to two resources is billed through one only; the other's run says which bills it. D92: a month
 * already recorded on one resource stays there.
 */
final class LicenseLinkedTwice extends Rejected {

    LicenseLinkedTwice(LicensedResources.LeftOut left) {
        this("License " + left.resource().licenseReference() + " is linked to resource "
                + left.billing().name()
                + " as well, which bills it; nothing was recorded for "
                + left.resource().name()
                + " (unlink one of the two).");
    }

    private LicenseLinkedTwice(String message) {
        super(message);
    }

    /** The month of the license is recorded on another resource, which goes on billing it (D92). */
    static LicenseLinkedTwice recordedOn(ConsumptionRecord billing, Resource resource) {
        return new LicenseLinkedTwice("License " + billing.licenseReference() + " of " + billing.period()
                + " is recorded on resource " + billing.resourceName()
                + ", which bills that month; nothing was recorded for " + resource.name()
                + " (from the next month, the resource carrying the license bills it).");
    }
}
