package org.arrowsync.consumption;

import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.Resource;

/**
 * What price rules need to know of a license beyond its customer: its vendor and classification, empty where unknown. A
 * resource knows them when resource sync created it; the billing export's lines always name them.
 */
record LicenseKind(String vendorName, String classification) {

    static final LicenseKind UNKNOWN = new LicenseKind("", "");

    LicenseKind {
        vendorName = vendorName == null ? "" : vendorName.strip();
        classification = classification == null ? "" : classification.strip();
    }

    static LicenseKind of(Resource resource) {
        return new LicenseKind(
                resource.attribute(Resource.VENDOR_ATTRIBUTE), resource.attribute(Resource.CLASSIFICATION_ATTRIBUTE));
    }

    static LicenseKind of(BillingLine line) {
        return new LicenseKind(line.vendor(), line.classification());
    }

    /** This kind where it is known, else the other's. */
    LicenseKind or(LicenseKind other) {
        return new LicenseKind(
                vendorName.isEmpty() ? other.vendorName : vendorName,
                classification.isEmpty() ? other.classification : classification);
    }
}
